"""Corpus to tables: incremental = full, failures isolated, atomic writes, lock."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock

from pipeline.extract import ExtractError, extract
from pipeline.tables import CORE_TABLES, columns

from .conftest import SAMPLE_ARTICLE

SMALL = "---\ntitle: 小\npublished: 2026-03-02\nlang: ja\n---\nロシアは3月、ベラルーシへの原油輸出を減らした。米国は制裁を解除した。\n"


def _tables(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.csv").read_bytes() for name in CORE_TABLES}


@pytest.fixture
def corpus(tmp_path) -> Path:
    c = tmp_path / "corpus"
    c.mkdir()
    shutil.copy(SAMPLE_ARTICLE, c / "belarus.md")
    (c / "small.md").write_text(SMALL, encoding="utf-8")
    return c


def test_tables_have_declared_columns_and_read_back(corpus, tmp_path):
    out = tmp_path / "out"
    summary = extract(corpus, out)
    assert summary.ok and summary.articles == 2
    for name in CORE_TABLES:
        df = pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)
        assert list(df.columns) == columns(name)
    articles = pd.read_csv(out / "articles.csv")
    assert set(articles.status) == {"ok"}
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    body = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2]
    for row in sentences[sentences.article_id == "belarus_us_635"].itertuples():
        piece = body[row.start:row.end]
        squashed = "".join(piece.split())
        assert piece.startswith(row.text[:3]) and squashed.endswith("".join(row.text.split())[-3:])


def test_second_run_is_unchanged_and_identical(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out)
    before = _tables(out)
    t = time.perf_counter()
    second = extract(corpus, out)
    assert second.unchanged and second.analysed == 0
    assert time.perf_counter() - t < 2.0
    assert _tables(out) == before


def test_incremental_equals_full(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out)
    (corpus / "third.md").write_text(SMALL.replace("小", "三").replace("3月", "4月"), encoding="utf-8")
    (corpus / "small.md").write_text(SMALL.replace("解除", "発動"), encoding="utf-8")
    summary = extract(corpus, out)
    assert (summary.analysed, summary.cached) == (2, 1)
    incremental = _tables(out)
    full_out = tmp_path / "full"
    extract(corpus, full_out, full=True)
    assert _tables(full_out) == incremental


def test_removed_article_leaves_the_tables(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out)
    (corpus / "small.md").unlink()
    extract(corpus, out)
    assert set(pd.read_csv(out / "articles.csv").article_id) == {"belarus_us_635"}


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("bad_yaml.md", b"---\ntitle: [x\n---\n\xe6\x9c\xac\xe6\x96\x87", "bad front matter"),
        ("bad_date.md", "---\npublished: 2026-02-31\n---\n本文。".encode(), "invalid published date"),
        ("sjis.txt", "本文です。".encode("shift_jis"), "not valid UTF-8"),
        ("empty.md", b"---\ntitle: x\n---\n\n", "empty body"),
        ("binary.txt", b"\x00\x01\x02\x03PK", "binary file"),
    ],
)
def test_broken_article_is_reported_and_others_go_on(corpus, tmp_path, name, data, reason):
    (corpus / name).write_bytes(data)
    out = tmp_path / "out"
    summary = extract(corpus, out)
    assert not summary.ok
    assert [(p, r) for p, r in summary.errors if p == name and reason in r]
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    row = articles[articles.path == name].iloc[0]
    assert row.status == "error" and reason in row.error
    assert set(articles[articles.path != name].status) == {"ok"}
    assert len(pd.read_csv(out / "sentences.csv")) > 10


def test_analysis_failure_is_isolated(corpus, tmp_path, monkeypatch):
    import pipeline.analysis as analysis

    real = analysis.prepare

    def explode(body):
        if "原油輸出を減らした" in body:
            raise RuntimeError("boom")
        return real(body)

    monkeypatch.setattr(analysis, "prepare", explode)
    summary = extract(corpus, tmp_path / "out", workers=1)
    assert summary.errors == [("small.md", "analysis failed: RuntimeError: boom")]
    assert summary.articles == 2


def test_interrupted_write_keeps_previous_tables(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    extract(corpus, out)
    before = _tables(out)
    (corpus / "small.md").write_text(SMALL.replace("解除", "発動"), encoding="utf-8")

    real = pd.DataFrame.to_csv
    calls = {"n": 0}

    def half_write(self, buf, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:  # interrupted in the middle of writing a table
            buf.write("belarus_us_635,half a row")
            raise KeyboardInterrupt
        return real(self, buf, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_write)
    with pytest.raises(KeyboardInterrupt):
        extract(corpus, out)
    monkeypatch.undo()
    assert _tables(out) == before  # tables are swapped in only once all are complete
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    extract(corpus, out)  # the next run recovers
    assert _tables(out) != before


def test_killed_run_leaves_previous_tables(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out)
    before = _tables(out)
    for i in range(400):
        (corpus / f"more{i:03d}.md").write_text(SMALL.replace("小", f"記事{i}"), encoding="utf-8")
    cache = out / ".dekigoto" / "cache"
    n_cached = len(list(cache.glob("*.json")))
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "--workers", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(list(cache.glob("*.json"))) < n_cached + 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL  # killed mid-way, not finished
    assert _tables(out) == before  # killed while analysing: nothing was replaced


def test_lock_stops_a_second_run(corpus, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(str(out / ".dekigoto.lock")):
        with pytest.raises(ExtractError, match="another extraction"):
            extract(corpus, out)


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(ExtractError, match="corpus folder not found"):
        extract(tmp_path / "nope", tmp_path / "out")


def test_two_workers_give_identical_tables(corpus, tmp_path):
    for i in range(3):
        (corpus / f"w{i}.md").write_text(SMALL.replace("小", f"w{i}"), encoding="utf-8")
    extract(corpus, tmp_path / "one", workers=1)
    extract(corpus, tmp_path / "two", workers=2)
    assert _tables(tmp_path / "one") == _tables(tmp_path / "two")


def test_tokens_table_on_request(corpus, tmp_path):
    out = tmp_path / "out"
    extract(corpus, out, with_tokens=True)
    tokens = pd.read_csv(out / "tokens.csv", keep_default_na=False)
    assert list(tokens.columns) == columns("tokens")
    row = tokens[tokens.surface == "ベラルーシ"].iloc[0]
    assert row.pos_detail.startswith("名詞-固有名詞-地名")
    assert row.reading == "ベラルーシ"


def test_slow_article_times_out_and_others_go_on(corpus, tmp_path, monkeypatch):
    import pipeline.analysis as analysis

    real = analysis.prepare

    def slow(body):
        if "原油輸出を減らした" in body:
            time.sleep(30)
        return real(body)

    monkeypatch.setattr(analysis, "prepare", slow)
    t = time.perf_counter()
    summary = extract(corpus, tmp_path / "out", workers=1, timeout=1.0)
    assert time.perf_counter() - t < 20
    assert summary.errors == [("small.md", "analysis took longer than 1s")]
    assert summary.articles == 2


def test_unreadable_file_is_an_error_row(corpus, tmp_path):
    from pipeline.extract import process_one

    result = process_one("gone.md", str(corpus / "gone.md"), False, None)
    row = result.rows["articles"][0]
    assert row["status"] == "error" and "cannot read the file" in row["error"]


def test_actor_totals_do_not_depend_on_the_order_articles_arrive_in():
    """Workers and Dask return articles in any order; actors.csv must not change."""
    from pipeline.analysis import ArticleResult
    from pipeline.extract import ActorTotals

    def result(aid, published, name_en):
        return ArticleResult(
            aid,
            {"articles": [{"published": published}], "mentions": [{"actor_id": "NEW_X"}, {"actor_id": "NEW_X"}]},
            {"NEW_X": {"actor_id": "NEW_X", "type": "ORG", "name_en": name_en}},
        )

    items = [("a.md", result("a", "2026-02", "From a")), ("b.md", result("b", "2025-01", "From b"))]
    tables = []
    for ordered in (items, items[::-1]):
        totals = ActorTotals()
        for rel, res in ordered:
            totals.add(res, rel)
        tables.append(totals.table())
    assert tables[0] == tables[1]
    (row,) = tables[0]
    assert (row["name_en"], row["n_mentions"], row["n_articles"]) == ("From a", 4, 2)
    assert (row["first_seen"], row["last_seen"]) == ("2025-01", "2026-02")


def test_articles_go_in_batches_that_keep_every_worker_busy():
    from pipeline.extract import ARTICLES_PER_BATCH, _batches

    assert [len(b) for b in _batches(list(range(20)), 1)] == [ARTICLES_PER_BATCH] * 2 + [20 - 2 * ARTICLES_PER_BATCH]
    assert [len(b) for b in _batches(list(range(3)), 2)] == [2, 1]
    assert [len(b) for b in _batches(list(range(10)), 2)] == [5, 5]
    assert _batches([], 2) == []
    assert sum(_batches(list(range(37)), 2), []) == list(range(37))  # every article once, in order
