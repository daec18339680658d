"""Corpus to tables: incremental = full, failures isolated, atomic writes, lock."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.extract import ExtractError, extract
from pipeline.runlock import RunLock
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
    written = {name: (out / f"{name}.csv").stat().st_mtime_ns for name in CORE_TABLES}
    second = extract(corpus, out)
    assert second.unchanged and second.analysed == 0
    assert _tables(out) == before
    # nothing was rewritten (how fast that is, `make bench` measures: no-change rerun)
    assert {name: (out / f"{name}.csv").stat().st_mtime_ns for name in CORE_TABLES} == written


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


# ------------------------------------------------------- what re-analyses an article

# the trained NER finds アエロフロート, the knowledge base does not: --no-ner changes the tables
NER_MATTERS = SMALL.replace("小", "航").replace("米国は制裁を解除した。", "アエロフロートは運航を停止した。")


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    c = tmp_path / "small_corpus"
    c.mkdir()
    (c / "small.md").write_text(SMALL, encoding="utf-8")
    (c / "ner.md").write_text(NER_MATTERS, encoding="utf-8")
    return c


def _write_overlay(corpus: Path, monkeypatch) -> None:
    (corpus / "actors.yaml").write_text(
        "actors:\n  - {id: ORG_AEROFLOT, type: ORG, name_en: Aeroflot, name_ja: アエロフロート, country: RUS}\n",
        encoding="utf-8",
    )


def _change_the_pipeline(corpus: Path, monkeypatch) -> None:
    import pipeline.extract as extract_module  # noqa: F401  (the module, not the re-exported function)

    module = sys.modules["pipeline.extract"]
    monkeypatch.setattr(module, "pipeline_fingerprint", lambda: "another version of the code or data")


# (what changes, the options of the second run, what is done to the corpus before it)
REANALYSED = [
    ("--no-ner", {"ner": False}, None),
    ("--tokens", {"with_tokens": True}, None),
    ("corpus/actors.yaml", {}, _write_overlay),
    ("the pipeline's code or data", {}, _change_the_pipeline),
]


@pytest.mark.parametrize("change,options,edit", REANALYSED, ids=[c for c, _, _ in REANALYSED])
def test_a_change_of_the_cache_key_re_analyses_every_article(small_corpus, tmp_path, monkeypatch, change, options, edit):
    """The README's promise: an article is re-analysed when the pipeline's code or data,
    the overlay or the options that shape its rows change; the tables are then those of
    a full run with the new settings."""
    out = tmp_path / "out"
    extract(small_corpus, out)
    if edit:
        edit(small_corpus, monkeypatch)
    summary = extract(small_corpus, out, **options)
    assert (summary.analysed, summary.cached) == (2, 0), change
    again = extract(small_corpus, out, **options)
    assert again.unchanged and again.analysed == 0  # and the new results are cached
    fresh = tmp_path / "fresh"
    extract(small_corpus, fresh, full=True, **options)
    assert _tables(out) == _tables(fresh)


def test_no_ner_tables_differ_so_a_stale_cache_would_show(small_corpus, tmp_path):
    extract(small_corpus, tmp_path / "with", ner=True)
    extract(small_corpus, tmp_path / "without", ner=False)
    with_ner = pd.read_csv(tmp_path / "with" / "mentions.csv", keep_default_na=False)
    without = pd.read_csv(tmp_path / "without" / "mentions.csv", keep_default_na=False)
    assert "model" in set(with_ner.link_method) and "model" not in set(without.link_method)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("damage", ["deleted", "edited"])
def test_a_table_damaged_since_the_last_run_is_written_again(small_corpus, tmp_path, fmt, damage):
    """Nothing to analyse is not "nothing to do": a table deleted or changed by hand is
    written again from the cache."""
    out = tmp_path / "out"
    extract(small_corpus, out, fmt=fmt)
    path = out / f"events.{fmt}"
    before = pd.read_csv(path, dtype=str) if fmt == "csv" else pd.read_parquet(path)
    if damage == "deleted":
        path.unlink()
    else:
        with open(path, "ab") as fh:
            fh.write(b"x")
    summary = extract(small_corpus, out, fmt=fmt)
    assert not summary.unchanged and (summary.analysed, summary.cached) == (0, 2)
    after = pd.read_csv(path, dtype=str) if fmt == "csv" else pd.read_parquet(path)
    assert after.equals(before)


FINGERPRINT_OF_EDITED_COPIES = """
import json, sys
from pathlib import Path

import pipeline.extract  # noqa: F401

module = sys.modules["pipeline.extract"]
root = Path(sys.argv[1])
assert Path(module.__file__).parent == root, module.__file__  # the copy is what runs


def fingerprint():
    getattr(module.pipeline_fingerprint, "cache_clear", lambda: None)()
    return module.pipeline_fingerprint()


out = {"unchanged": fingerprint(), "again": fingerprint()}
for name in sys.argv[2:]:
    path = root / name
    before = path.read_bytes()
    path.write_bytes(before + b"\\n# edited\\n")
    out[name] = fingerprint()
    path.write_bytes(before)
print(json.dumps(out))
"""


def test_pipeline_fingerprint_follows_code_and_data_not_docs(tmp_path):
    """Edits to a copy of the package: code, lexicons and the knowledge base change the
    fingerprint (every article is re-analysed); the README files do not."""
    import pipeline.extract  # noqa: F401

    source = Path(sys.modules["pipeline.extract"].__file__).parent
    copy = tmp_path / "site" / "pipeline"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__"))
    # under `make mutate` the copy is of mutated code, whose trampolines read mutmut's
    # configuration from the working folder
    shutil.copy(source.parent / "pyproject.toml", copy.parent)
    changed = ["events/merge.py", "data/events/lexicon_ja.tsv", "data/actors/people.yaml", "dates/data/relative.tsv"]
    unchanged = ["data/actors/README.md"]
    proc = subprocess.run(
        [sys.executable, "-c", FINGERPRINT_OF_EDITED_COPIES, str(copy), *changed, *unchanged],
        cwd=tmp_path / "site", capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
    )
    assert proc.returncode == 0, proc.stderr
    prints = json.loads(proc.stdout)
    base = prints["unchanged"]
    assert prints["again"] == base
    assert {name: prints[name] != base for name in changed + unchanged} == {
        **dict.fromkeys(changed, True), **dict.fromkeys(unchanged, False)
    }


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


@pytest.mark.parametrize(
    "kind,nth",
    [
        ("header", 5),  # while the tables are being opened (each writes its header)
        ("rows", 3),  # while they are being completed: two are complete, none may be renamed yet
    ],
)
def test_interrupted_write_keeps_previous_tables(corpus, tmp_path, monkeypatch, kind, nth):
    out = tmp_path / "out"
    extract(corpus, out)
    before = _tables(out)
    (corpus / "small.md").write_text(SMALL.replace("解除", "発動"), encoding="utf-8")

    real = pd.DataFrame.to_csv
    calls = {"header": 0, "rows": 0}

    def half_write(self, buf, *args, **kwargs):
        calls["rows" if kwargs.get("header") is False else "header"] += 1
        if calls[kind] == nth:  # interrupted in the middle of writing a table
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
    with RunLock(out / ".dekigoto.lock"):
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


def test_slow_article_times_out_and_others_go_on(small_corpus, tmp_path, monkeypatch):
    """The real time limit (SIGALRM) cuts the slow article short; the other one is done."""
    import pipeline.analysis as analysis
    from pipeline.nlp import pipeline_for

    pipeline_for("ja")  # built before the clock starts: building it is not the article's time
    real = analysis.prepare
    slept_through = []

    def slow(body):
        if "米国は制裁を解除した" in body:
            time.sleep(600)
            slept_through.append(body)
        return real(body)

    monkeypatch.setattr(analysis, "prepare", slow)
    summary = extract(small_corpus, tmp_path / "out", workers=1, timeout=2.0)
    assert summary.errors == [("small.md", "analysis took longer than 2s")]
    assert summary.articles == 2 and not slept_through


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


# ------------------------------------------------------------------ hostile input


@pytest.fixture
def small(tmp_path) -> Path:
    """A corpus of two short articles."""
    c = tmp_path / "small_corpus"
    c.mkdir()
    (c / "a.md").write_text(SMALL, encoding="utf-8")
    (c / "b.md").write_text(SMALL.replace("小", "二").replace("解除", "発動"), encoding="utf-8")
    return c


def _state(out: Path) -> dict[str, bytes]:
    """Every file of an output folder, cache and manifest included."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_an_unreadable_article_is_an_error_row(small, tmp_path, monkeypatch):
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # as chmod 000 does for a user other than root
    summary = extract(small, tmp_path / "out", workers=1)
    assert summary.errors == [("b.md", "cannot read the file: Permission denied")]
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False)
    assert list(articles.status) == ["ok", "error"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file")
def test_a_chmod_000_article_is_an_error_row(small, tmp_path):
    (small / "b.md").chmod(0)
    try:
        summary = extract(small, tmp_path / "out", workers=1)
    finally:
        (small / "b.md").chmod(0o644)
    assert summary.errors == [("b.md", "cannot read the file: Permission denied")]


def test_a_symlink_out_of_the_corpus_is_not_read(small, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("---\ntitle: 秘密\n---\n秘密の本文である。\n", encoding="utf-8")
    (small / "p.txt").symlink_to(secret)
    (small / "inside.md").symlink_to(small / "a.md")
    out = tmp_path / "out"
    summary = extract(small, out, workers=1)
    assert [p for p, _ in summary.errors] == ["p.txt"]
    assert "outside the corpus folder" in summary.errors[0][1]
    assert "秘密" not in (out / "sentences.csv").read_text(encoding="utf-8")
    assert "秘密" not in (out / "articles.csv").read_text(encoding="utf-8")
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert set(articles[articles.path == "inside.md"].status) == {"ok"}  # a link inside the corpus is read


def test_two_files_with_one_id_the_second_is_an_error_row(small, tmp_path):
    (small / "c.md").write_text(SMALL.replace("title: 小", "id: a\ntitle: 三"), encoding="utf-8")
    out = tmp_path / "out"
    summary = extract(small, out, workers=1)
    assert summary.errors == [("c.md", "duplicate id 'a': a.md has it too (set another `id:` in the front matter)")]
    for name, key in (("articles", "article_id"), ("events", "event_id"), ("mentions", "mention_id"), ("dates", "date_id")):
        table = pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)
        assert table[key].is_unique, name
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert list(zip(articles.path, articles.status, strict=True)) == [("a.md", "ok"), ("b.md", "ok"), ("c.md", "error")]
    actors = pd.read_csv(out / "actors.csv", keep_default_na=False)
    assert actors.set_index("actor_id").n_articles.max() == 2  # the refused article counts nowhere
    (small / "a.md").unlink()  # the id is free again: c.md is read, from the cache
    summary = extract(small, out, workers=1)
    assert summary.ok and summary.analysed == 0
    full = tmp_path / "full"
    extract(small, full, workers=1, full=True)
    assert _tables(out) == _tables(full)


def test_a_broken_overlay_stops_the_run_and_keeps_the_tables(small, tmp_path):
    out = tmp_path / "out"
    extract(small, out, workers=1)
    before = _state(out)
    (small / "actors.yaml").write_text("actors: [\n  - id: X\n", encoding="utf-8")
    with pytest.raises(ExtractError) as exc:
        extract(small, out, workers=1)
    message = str(exc.value)
    assert "actors.yaml:2:" in message and "previous tables are kept" in message
    assert _state(out) == before  # tables, cache and manifest untouched


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_tables_honour_the_umask(small, tmp_path, umask):
    old = os.umask(umask)
    try:
        out = tmp_path / "out"
        extract(small, out, workers=1, parquet_above=1)
    finally:
        os.umask(old)
    for path in [*out.glob("*.csv"), out / "events.parquet", out / "events.parquet" / "part-00000.parquet"]:
        want = (0o777 if path.is_dir() else 0o666) & ~umask
        assert path.stat().st_mode & 0o777 == want, path


def test_leftover_temporary_files_are_removed(small, tmp_path):
    out = tmp_path / "out"
    extract(small, out, workers=1)
    stale = [out / ".articles.csv.k2j3h4.tmp", out / ".dekigoto" / "cache" / ".x.json.abcd.tmp", out / ".dekigoto" / ".manifest.json.q.tmp"]
    for path in stale:
        path.write_text("half", encoding="utf-8")  # what kill -9 during a write leaves
    (out / ".events.parquet.x1y2.tmp").mkdir()
    extract(small, out, workers=1, full=True)
    assert not list(out.rglob("*.tmp"))


def test_the_timeout_message_gives_the_limit_not_the_time_left(small, tmp_path, monkeypatch):
    import pipeline.analysis as analysis

    extract(small, tmp_path / "warm", workers=1)  # the pipeline loaded: its loading counts against no article
    real_prepare, real_result = analysis.prepare, analysis._article_result

    def slow_prepare(body):
        time.sleep(1.0)
        return real_prepare(body)

    def stuck(article, *args):
        if article.path == "b.md":
            time.sleep(30)
        return real_result(article, *args)

    monkeypatch.setattr(analysis, "prepare", slow_prepare)
    monkeypatch.setattr(analysis, "_article_result", stuck)
    summary = extract(small, tmp_path / "out", workers=1, timeout=3.0)
    assert summary.errors == [("b.md", "analysis took longer than 3s")]


@pytest.mark.parametrize("where", ["file", "under_file"])
def test_an_output_path_that_cannot_be_a_folder_is_a_clear_error(small, tmp_path, where):
    blocker = tmp_path / "taken"
    blocker.write_text("x", encoding="utf-8")
    out = blocker if where == "file" else blocker / "sub"
    with pytest.raises(ExtractError, match="cannot use .* as the output folder"):
        extract(small, out, workers=1)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only folder")
def test_a_read_only_output_folder_is_a_clear_error(small, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(ExtractError, match="cannot use .* as the output folder"):
            extract(small, out, workers=1)
    finally:
        out.chmod(0o755)


def test_a_killed_run_leaves_no_workers_and_no_lock(corpus, tmp_path):
    import psutil

    for i in range(60):
        shutil.copy(SAMPLE_ARTICLE, corpus / f"copy{i:02d}.md")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "--workers", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    while len(parent.children()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = parent.children()
    assert len(workers) >= 2, "the run did not start its workers"
    time.sleep(1.0)  # the workers are analysing
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, "workers outlived the run they belonged to"
    (corpus / "small.md").unlink()  # the next run takes the folder at once
    for i in range(60):
        (corpus / f"copy{i:02d}.md").unlink()
    assert extract(corpus, out, workers=1).articles == 1


def test_a_locked_folder_names_the_process_holding_it(small, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pipeline.runlock import RunLock; "
         "RunLock(sys.argv[1]).acquire(); print('locked', flush=True); time.sleep(60)", str(out / ".dekigoto.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ExtractError, match=f"another extraction \\(process {holder.pid}\\) is writing"):
            extract(small, out, workers=1)
    finally:
        holder.kill()
        holder.wait()
    assert extract(small, out, workers=1).articles == 2  # released when its holder died


def test_a_text_over_the_limit_once_normalised_is_refused_with_our_message(tmp_path):
    from pipeline.corpus import MAX_ARTICLE_CHARS
    from pipeline.extract import process_one

    body = "㍿" * (MAX_ARTICLE_CHARS // 3)  # within the limit as written; NFKC makes each 株式会社
    result = process_one("long.md", body.encode(), False, None, ner=False)
    row = result.rows["articles"][0]
    assert row["status"] == "error"
    assert row["error"].startswith(f"the text has {4 * (MAX_ARTICLE_CHARS // 3):,} characters once normalised")
    assert f"limit is {MAX_ARTICLE_CHARS:,}" in row["error"]
