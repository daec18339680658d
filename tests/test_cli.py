"""The `dekigoto` command: each command works and has help text."""

from __future__ import annotations

import json
import shutil
import sys

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import SAMPLE_ARTICLE, SAMPLE_GOLD
from .quality import measure

runner = CliRunner()


@pytest.mark.parametrize("command", [["extract"], ["add"], ["analyze"], ["schema"], ["eval"], ["actors", "check"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) > 3


def test_extract_summary_and_errors(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus / "a.md")
    (corpus / "broken.md").write_text("---\npublished: soon\n---\n本文。", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "2 articles" in result.output and "errors 1" in result.output
    assert "broken.md" in result.output and "invalid published date" in result.output
    again = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert "nothing changed" in again.output and again.exit_code == 1


def test_add_then_extract(tmp_path):
    src = tmp_path / "kiji.txt"
    src.write_bytes("米国は制裁を解除した。".encode("euc_jp"))
    corpus = tmp_path / "corpus"
    result = runner.invoke(app, ["add", str(src), "--corpus", str(corpus), "--title", "題", "--published", "2026-03-01"])
    assert result.exit_code == 0, result.output
    dup = runner.invoke(app, ["add", str(src), "--corpus", str(corpus)])
    assert dup.exit_code == 1 and "same body" in dup.output
    out = tmp_path / "out"
    extracted = runner.invoke(app, ["extract", str(corpus), "--out", str(out), "-q"])
    assert extracted.exit_code == 0, extracted.output
    assert "1 articles (1 analysed, 0 from cache)" in extracted.output
    (article,) = pd.read_csv(out / "articles.csv", keep_default_na=False, dtype=str).to_dict("records")
    assert (article["path"], article["title"], article["published"], article["status"]) == ("kiji.md", "題", "2026-03-01", "ok")
    events = pd.read_csv(out / "events.csv", keep_default_na=False, dtype=str)
    assert list(zip(events.source_actor_id, events.event_code, strict=True)) == [("USA", "085")]


# ------------------------------------------------------------------- extract options

LIBRARY_DEFAULTS = {
    "fmt": "csv", "full": False, "with_tokens": False, "workers": None, "progress": None, "engine": "local",
    "scheduler": None, "parquet_above": None, "timeout": 300.0, "ner": True,
}
# (command-line options, what reaches pipeline.extract.extract besides the defaults)
EXTRACT_OPTIONS = [
    ([], {}),
    (["--format", "parquet"], {"fmt": "parquet"}),
    (["--full"], {"full": True}),
    (["--tokens"], {"with_tokens": True}),
    (["--workers", "3"], {"workers": 3}),
    (["-w", "0"], {"workers": None}),  # 0: one per core
    (["--engine", "dask"], {"engine": "dask"}),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786"], {"engine": "dask", "scheduler": "tcp://127.0.0.1:8786"}),
    (["--parquet-above", "500"], {"parquet_above": 500}),
    (["--timeout", "12.5"], {"timeout": 12.5}),
    (["--timeout", "0"], {"timeout": None}),  # 0: no limit
    (["--no-ner"], {"ner": False}),
    (["--ner"], {}),
    (["-q"], {"progress": False}),
]


@pytest.mark.parametrize("args,expected", EXTRACT_OPTIONS, ids=[" ".join(a) or "defaults" for a, _ in EXTRACT_OPTIONS])
def test_extract_passes_each_option_to_the_library(tmp_path, monkeypatch, args, expected):
    import pipeline.extract  # noqa: F401
    from pipeline.extract import ExtractSummary

    calls = []

    def spy(corpus, out, **options):
        calls.append((corpus, out, options))
        return ExtractSummary()

    monkeypatch.setattr(sys.modules["pipeline.extract"], "extract", spy)
    result = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(tmp_path / "o"), *args])
    assert result.exit_code == 0, result.output
    assert calls == [(tmp_path / "c", tmp_path / "o", {**LIBRARY_DEFAULTS, **expected})]


def _library_extract_returns(monkeypatch, outcome):
    """The CLI's call into the library answers `outcome` (a summary, or an exception to raise)."""
    import pipeline.extract  # noqa: F401

    def fake(corpus, out, **options):
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    monkeypatch.setattr(sys.modules["pipeline.extract"], "extract", fake)


def test_extract_prints_the_summary_and_each_error_on_stderr(tmp_path, monkeypatch):
    from pipeline.extract import ExtractSummary

    out = tmp_path / "o"
    summary = ExtractSummary(
        articles=3, analysed=2, cached=1, sentences=40, mentions=50, dates=6, events=7, actors=8,
        errors=[("b.md", "empty body")], seconds=1.234,
    )
    _library_extract_returns(monkeypatch, summary)
    result = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"3 articles (2 analysed, 1 from cache) -> {out}/",
        "  sentences 40  mentions 50  actors 8  dates 6  events 7",
        "  errors 1  time 1.23s",
    ]
    assert result.stderr == "  error: b.md: empty body\n"
    _library_extract_returns(monkeypatch, ExtractSummary(articles=3, unchanged=True))
    again = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(out)])
    assert again.exit_code == 0 and again.stdout.startswith(f"3 articles (nothing changed) -> {out}/\n")


@pytest.mark.parametrize(
    "error,message",
    [
        (OSError(28, "No space left on device", "/o/events.csv"), "No space left on device (/o/events.csv)"),
        (OSError(28, "No space left on device"), "No space left on device"),
    ],
)
def test_extract_names_a_disk_error(tmp_path, monkeypatch, error, message):
    _library_extract_returns(monkeypatch, error)
    result = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'o'}: {message}\n"


def test_extract_excel_csv_reports_the_folder_or_the_export_error(tmp_path, monkeypatch):
    import pipeline.export as export_module
    from pipeline.export import ExportError
    from pipeline.extract import ExtractSummary

    out = tmp_path / "o"
    _library_extract_returns(monkeypatch, ExtractSummary(articles=1))
    calls = []

    def export(tables_dir, formats):
        calls.append((tables_dir, formats))
        return [tables_dir / "excel", tables_dir / "other"]

    monkeypatch.setattr(export_module, "export", export)
    result = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(out), "--excel-csv"])
    assert result.exit_code == 0, result.output
    assert calls == [(out, ["excel-csv"])]
    assert result.stdout.splitlines()[-1] == f"  Excel-safe CSV -> {out / 'excel'}/"

    def refuse(tables_dir, formats):
        raise ExportError(f"{tables_dir}: no tables here")

    monkeypatch.setattr(export_module, "export", refuse)
    failed = runner.invoke(app, ["extract", str(tmp_path / "c"), "--out", str(out), "--excel-csv"])
    assert failed.exit_code == 2 and failed.stderr == f"error: {out}: no tables here\n"


def test_extract_options_take_effect(tmp_path):
    """End to end: Parquet instead of CSV, the tokens table, the NER off."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\npublished: 2026-03-02\nlang: ja\n---\nアエロフロートは運航を停止した。", encoding="utf-8"
    )
    base = ["extract", str(corpus), "-q", "--workers", "1", "--timeout", "120"]
    with_ner = runner.invoke(app, [*base, "--out", str(tmp_path / "ner")])
    assert with_ner.exit_code == 0, with_ner.output
    assert "model" in set(pd.read_csv(tmp_path / "ner" / "mentions.csv").link_method)
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "out"), "--format", "parquet", "--tokens", "--no-ner"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert not list(out.glob("*.csv"))
    assert len(pd.read_parquet(out / "tokens.parquet")) > 3
    assert "model" not in set(pd.read_parquet(out / "mentions.parquet").link_method)
    again = runner.invoke(app, [*base, "--out", str(out), "--format", "parquet", "--tokens", "--no-ner", "--full"])
    assert "1 analysed, 0 from cache" in again.output


# ---------------------------------------------------------------------------- analyze

TEXT = "米国は2025年12月、ベラルーシへの制裁を解除した。"


def test_analyze_json_from_stdin_is_the_library_analysis():
    from dataclasses import asdict

    import pipeline

    result = runner.invoke(app, ["analyze", "-", "--published", "2026-02"], input=TEXT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data == asdict(pipeline.analyze(TEXT, published="2026-02"))
    assert (data["lang"], data["published"]) == ("ja", "2026-02")
    (event,) = data["events"]
    assert (event["date"], event["source_actor_id"], event["event_code"], event["target_actor_id"]) == (
        "2025-12", "USA", "085", "BLR",
    )
    assert [(m["text"], m["actor_id"]) for m in data["mentions"]] == [("米国", "USA"), ("ベラルーシ", "BLR")]
    assert [d["value"] for d in data["dates"]] == ["2025-12"]


def test_analyze_text_lists_one_line_per_event():
    text = TEXT + "北朝鮮は27日、弾道ミサイルを発射した。"  # no target: its column stays blank
    result = runner.invoke(app, ["analyze", "-", "--published", "2026-02", "--text"], input=text)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "2025-12    USA                    085   BLR                    Ease economic sanctions, boycott, embargo",
        "2025-12-27 PRK                    150                          Demonstrate military or police power, not specified below",
    ]


def test_analyze_reads_the_front_matter_of_a_file(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2026-02\nlang: ja\n---\n米国は12月、ベラルーシへの制裁を解除した。", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["lang"], data["published"]) == ("ja", "2026-02")
    assert [d["value"] for d in data["dates"]] == ["2025-12"]  # a past act in December of a February article


def test_analyze_bad_date_is_a_clear_error():
    result = runner.invoke(app, ["analyze", "-", "--published", "2026-13"], input="本文。")
    assert result.exit_code == 2
    assert "invalid published date" in result.output


def test_schema_lists_tables():
    result = runner.invoke(app, ["schema"])
    assert "events.csv" in result.output and "event_code" in result.output


def test_eval_runs_on_the_sample(tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["eval", str(SAMPLE_GOLD), "--json", str(out), "--show", "errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"] == measure("sample_ja")  # the figures the quality floors hold
    assert [a["article_id"] for a in data["articles"]] == ["belarus_us_635"]
    printed = result.output
    assert "== TOTAL  (1 article(s), micro average)" in printed
    f1 = data["total"]["events"]["root"]["f1"]
    assert f"F1 {f1:.3f}" in printed


def test_eval_with_existing_tables(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SAMPLE_ARTICLE, corpus / "a.md")
    runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert len(pd.read_csv(tmp_path / "out" / "articles.csv")) == 1
    result = runner.invoke(app, ["eval", str(SAMPLE_GOLD), "--tables", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_actors_check_missing_file(tmp_path):
    result = runner.invoke(app, ["actors", "check", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "not found" in result.output


def test_actors_check_reports_problems_and_accepts_a_good_overlay(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "actors:\n"
        "  - {id: PER_A, type: PERSON, name_en: A, name_ja: エー, country: XXQ, aliases_ja: [同名]}\n"
        "  - {id: PER_A, type: PERSON, name_en: A2, name_ja: エーツー}\n"
        "  - {id: PER_B, type: PERSON, name_en: B, name_ja: ビー, aliases_ja: [同名]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["actors", "check", str(bad)])
    assert result.exit_code == 1
    text = result.output
    assert "bad.yaml" in text and "PER_A" in text and "XXQ" in text and "同名" in text
    good = tmp_path / "good.yaml"
    good.write_text(
        "actors:\n  - {id: PER_SMITH_JOHN, type: PERSON, name_en: John Smith, name_ja: ジョン・スミス, country: USA}\n"
        "aliases:\n  BLR: [ベラルーシ国]\n",
        encoding="utf-8",
    )
    ok = runner.invoke(app, ["actors", "check", str(good)])
    assert ok.exit_code == 0 and "ok" in ok.output


def test_overlay_in_the_corpus_is_used(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\npublished: 2026-02\nlang: ja\n---\nジョン・スミス氏はミンスクを訪問した。", encoding="utf-8")
    runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    before = pd.read_csv(tmp_path / "out" / "mentions.csv", keep_default_na=False)
    assert "PER_SMITH_JOHN" not in set(before.actor_id)
    (corpus / "actors.yaml").write_text(
        "actors:\n  - {id: PER_SMITH_JOHN, type: PERSON, name_en: John Smith, name_ja: ジョン・スミス, country: USA}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    assert "1 analysed" in result.output  # the overlay changed: the article is re-analysed
    after = pd.read_csv(tmp_path / "out" / "actors.csv", keep_default_na=False)
    row = after[after.actor_id == "PER_SMITH_JOHN"].iloc[0]
    assert row.name_en == "John Smith" and row.country == "USA"


def test_extract_refuses_a_broken_overlay_in_one_line_and_keeps_the_tables(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\nlang: ja\n---\n米国は制裁を解除した。", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    before = (out / "events.csv").read_bytes()
    (corpus / "actors.yaml").write_text("aliases:\n  BLR: 5\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 2
    assert "actors.yaml:2: aliases.BLR: must be a list of names" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) <= 3
    assert (out / "events.csv").read_bytes() == before


def test_extract_into_a_file_is_one_clear_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("米国は制裁を解除した。", encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path / "file"), "-q"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert result.output.startswith("error: ") and "output folder" in result.output


def test_add_refuses_a_file_extract_would_skip(tmp_path):
    src = tmp_path / "README.txt"
    src.write_text("米国は制裁を解除した。", encoding="utf-8")
    result = runner.invoke(app, ["add", str(src), "--corpus", str(tmp_path / "corpus")])
    assert result.exit_code == 1 and "added" not in result.output and "would not read" in result.output
