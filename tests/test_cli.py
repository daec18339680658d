"""The `dekigoto` command: each command works and has help text."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from .conftest import SAMPLE_ARTICLE, SAMPLE_GOLD

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
    assert (corpus / "kiji.md").read_text(encoding="utf-8").startswith("---\ntitle: 題\npublished: '2026-03-01'") or \
        "published: 2026-03-01" in (corpus / "kiji.md").read_text(encoding="utf-8")
    dup = runner.invoke(app, ["add", str(src), "--corpus", str(corpus)])
    assert dup.exit_code == 1 and "same body" in dup.output


def test_analyze_json_from_stdin():
    result = runner.invoke(app, ["analyze", "-", "--published", "2026-02"], input="米国は2025年12月、ベラルーシへの制裁を解除した。")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["lang"] == "ja"
    assert any(d["value"] == "2025-12" for d in data["dates"])
    assert data["sentences"][0]["text"].startswith("米国は")


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
    assert "total" in data or "articles" in data


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
