"""Corpus folder in, tables out: incremental, atomic, one failure never stops the rest.

An article is re-analysed only when its fingerprint changes: its bytes and
path, the pipeline version, its code and its data files (lexicons, knowledge
base, the corpus's actor overlay). Results are cached per article under
`<out>/.dekigoto/`; the tables are rebuilt from the cache, so an incremental
run writes exactly what a full run writes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from pipeline import atomic
from pipeline.analysis import ArticleResult, analyze_articles, error_result
from pipeline.corpus import ArticleError, article_id_for, parse_article, scan_corpus
from pipeline.export.datapackage import write_datapackage
from pipeline.runlock import LockedError, RunLock
from pipeline.tables import CORE_TABLES, TableWriter, write_partitioned_parquet

STATE_DIR = ".dekigoto"
MANIFEST = "manifest.json"
OVERLAY_NAME = "actors.yaml"
LOCK_NAME = ".dekigoto.lock"
# articles analysed together (`analysis.analyze_articles`): the trained NER's cost is per
# call; a few articles per call take most of it away and keep batches small to schedule
ARTICLES_PER_BATCH = 8


class ExtractError(RuntimeError):
    """The run as a whole cannot proceed (locked or unusable output folder, missing
    corpus, invalid actor overlay); the previous tables are left as they were."""


@dataclass
class ExtractSummary:
    articles: int = 0
    analysed: int = 0
    cached: int = 0
    sentences: int = 0
    mentions: int = 0
    dates: int = 0
    events: int = 0
    actors: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    seconds: float = 0.0
    unchanged: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


# ------------------------------------------------------------------ fingerprints


# Parts of the package that only read the finished tables (or make up tables for them).
TABLE_READERS = ("report", "export", "read_tables.py", "synthetic.py")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """Version + code + package data (lexicons, KB, models; docs, and the report and
    exports, which only read the tables, excepted): any change re-analyses every article."""
    h = hashlib.sha256()
    try:
        h.update(metadata.version("dekigoto").encode())
    except metadata.PackageNotFoundError:
        h.update(b"dev")
    root = resources.files("pipeline")
    for path in sorted(Path(str(root)).rglob("*")):
        rel = path.relative_to(str(root))
        if rel.parts[0] in TABLE_READERS:
            continue
        if path.is_file() and path.suffix not in (".md", ".pyc") and "__pycache__" not in path.parts:
            h.update(rel.as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def article_fingerprint(rel: str, data: bytes, context: str, with_tokens: bool) -> str:
    h = hashlib.sha256()
    for part in (context.encode(), rel.encode(), data, b"tokens" if with_tokens else b""):
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _overlay_bytes(corpus_dir: Path) -> bytes:
    path = corpus_dir / OVERLAY_NAME
    return path.read_bytes() if path.exists() else b""


# ------------------------------------------------------------------- per article


class ArticleTimeout(Exception):
    """An article took longer than the per-article time limit."""


@contextmanager
def _time_limit(seconds: float | None):
    """Interrupt the analysis of one article after `seconds` (where the platform
    allows: a process's main thread with SIGALRM; elsewhere no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"analysis took longer than {seconds:g}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_one(
    rel: str,
    source: str | bytes,
    with_tokens: bool,
    overlay: str | bytes | None,
    timeout: float | None = None,
    ner: bool = True,
) -> ArticleResult:
    """Read, parse and analyse one article; any failure becomes an error row.

    `source` is the file's path, or its bytes when the worker may be on another
    machine; `overlay` likewise (a path, or the overlay file's bytes). An
    article still being analysed after `timeout` seconds becomes an error row,
    so one pathological article never holds up the rest.
    """
    return process_batch([(rel, source)], with_tokens, overlay, timeout, ner)[0]


def process_batch(
    files: list[tuple[str, str | bytes]],
    with_tokens: bool,
    overlay: str | bytes | None,
    timeout: float | None = None,
    ner: bool = True,
) -> list[ArticleResult]:
    """`process_one` for several (relative path, source) pairs, analysed together
    (`analysis.analyze_articles`): the same rows, at less cost per article. Each
    article's failure or timeout is its own error row."""
    results: list[ArticleResult | None] = [None] * len(files)
    articles, places = [], []
    for i, (rel, source) in enumerate(files):
        try:
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            articles.append(parse_article(data, rel))
            places.append(i)
        except Exception as exc:  # noqa: BLE001 - whatever the file holds, it is this article's error
            results[i] = error_result(article_id_for(rel), rel, unreadable_reason(exc), {"n_chars": 0})
    if isinstance(overlay, bytes):
        overlay = _local_overlay(overlay)
    try:
        analysed = analyze_articles(articles, with_tokens, overlay, ner, timeout, _time_limit)
    except Exception as exc:  # noqa: BLE001 - e.g. the pipeline cannot be built: every article says so
        analysed = [exc] * len(articles)
    for i, article, result in zip(places, articles, analysed, strict=True):
        if isinstance(result, Exception):
            meta = {**article.metadata, "n_chars": len(article.body)}
            if isinstance(result, ArticleTimeout):  # the limit, not the time the last step had left
                reason = f"analysis took longer than {timeout:g}s"
            elif isinstance(result, ArticleError):
                reason = result.reason
            else:
                reason = f"analysis failed: {type(result).__name__}: {result}"
            result = error_result(article.article_id, files[i][0], reason, meta)
        results[i] = result
    return results


def unreadable_reason(exc: Exception) -> str:
    """Why an article file could not be read, for its error row."""
    if isinstance(exc, ArticleError):
        return exc.reason
    if isinstance(exc, OSError):
        return f"cannot read the file: {exc.strerror or exc}"
    return f"cannot read the article: {type(exc).__name__}: {exc}"


def _process_batch_star(args) -> list[ArticleResult]:
    return process_batch(*args)


def _worker_start(lock: RunLock | None) -> None:
    """First thing in a worker process: close its copy of the run's lock (so that only
    the run holds it), and exit as soon as the run is gone (killed with kill -9, say)
    instead of waiting forever for work."""
    if lock is not None:
        lock.forget()
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="dekigoto-parent-watch", daemon=True).start()


@lru_cache(maxsize=4)
def _local_overlay(data: bytes) -> str:
    """Write an overlay received from the client to this worker's disk, once."""
    path = Path(tempfile.gettempdir()) / f"dekigoto-overlay-{hashlib.sha256(data).hexdigest()[:16]}.yaml"
    if not path.exists():
        atomic.write_text(path, data.decode("utf-8"))
    return str(path)


# ---------------------------------------------------------------------- the run


def extract(
    corpus_dir: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    fmt: str = "csv",
    full: bool = False,
    with_tokens: bool = False,
    workers: int | None = 1,
    progress: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    parquet_above: int | None = None,
    timeout: float | None = 300.0,
    ner: bool = True,
    on_article: Callable[[str], None] | None = None,
) -> ExtractSummary:
    """Extract every article of `corpus_dir` into tables in `out_dir`.

    engine "local" analyses in `workers` processes on this machine (None: one
    per core); "dask" sends the same per-article function to a Dask cluster
    (`scheduler` address, or a local cluster of `workers` processes).
    `parquet_above`: a table with more rows is also written as partitioned
    Parquet (`<table>.parquet/part-00000.parquet`, at most that many rows a part).
    `timeout`: seconds one article may take before it is recorded as an error.
    `ner=False` leaves the trained Japanese NER out (knowledge base and rules only).
    """
    corpus = Path(corpus_dir)
    out = Path(out_dir)
    if not corpus.is_dir():
        raise ExtractError(f"{corpus}: corpus folder not found")
    if fmt not in ("csv", "parquet"):
        raise ExtractError(f"unknown format {fmt!r}: use csv or parquet")
    if engine not in ("local", "dask"):
        raise ExtractError(f"unknown engine {engine!r}: use local or dask")
    lock = _take_folder(out)
    try:
        run = Run(fmt, full, with_tokens, workers, progress, engine, scheduler, parquet_above, timeout, ner, on_article)
        return _extract_locked(corpus, out, run, lock)
    finally:
        lock.release()


def _take_folder(out: Path) -> RunLock:
    """The output folder, made if needed and locked for this run."""
    if out.exists() and not out.is_dir():
        raise ExtractError(f"cannot use {out} as the output folder: it is a file")
    lock = RunLock(out / LOCK_NAME)
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except LockedError as exc:
        raise ExtractError(
            f"{out}: another extraction (process {exc.holder or 'unknown'}) is writing to this folder (lock {exc.path})"
        ) from None
    except OSError as exc:
        raise ExtractError(f"cannot use {out} as the output folder: {exc.strerror or exc}") from None
    return lock


@dataclass(frozen=True)
class Run:
    """The options of one extraction run."""

    fmt: str = "csv"
    full: bool = False
    with_tokens: bool = False
    workers: int | None = 1
    progress: bool | None = None
    engine: str = "local"
    scheduler: str | None = None
    parquet_above: int | None = None
    timeout: float | None = 300.0
    ner: bool = True
    on_article: Callable[[str], None] | None = None


def _extract_locked(corpus: Path, out: Path, run: Run, lock: RunLock) -> ExtractSummary:
    started = time.perf_counter()
    fmt, full, with_tokens = run.fmt, run.full, run.with_tokens
    state = out / STATE_DIR
    cache_dir = state / "cache"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExtractError(f"cannot use {out} as the output folder: {exc.strerror or exc}") from None
    for folder in (out, state, cache_dir):
        atomic.remove_leftovers(folder)  # of a run killed while writing
    overlay_data = _overlay_bytes(corpus)
    overlay_path = str((corpus / OVERLAY_NAME).resolve()) if overlay_data else None
    from pipeline.events.readers import default_reader

    context = (
        pipeline_fingerprint() + hashlib.sha256(overlay_data).hexdigest() + ("" if run.ner else "-no-ner")
        + "-events-" + default_reader()
    )

    fingerprints: dict[str, str] = {}
    todo: list[tuple[str, str]] = []  # (relative path, file path): workers read the file
    unreadable: list[ArticleResult] = []  # files refused or unreadable here: no worker needed
    for entry in scan_corpus(corpus):
        rel = entry.rel
        try:
            data, failure = entry.read(), None
        except (ArticleError, OSError) as exc:
            failure = unreadable_reason(exc)
            data = b"\x00unreadable\x00" + failure.encode()  # the next run tries again when this changes
        fp = article_fingerprint(rel, data, context, with_tokens)
        fingerprints[rel] = fp
        if full or not _cache_valid(cache_dir, rel, fp):
            if failure is None:
                todo.append((rel, str(entry.source)))
            else:
                unreadable.append(error_result(article_id_for(rel), rel, failure, {"n_chars": 0}))

    table_names = CORE_TABLES + (("tokens",) if with_tokens else ())
    manifest = _read_manifest(state)
    if not todo and not full and _outputs_current(out, manifest, fingerprints, fmt, table_names):
        write_datapackage(out, out, table_names)
        summary = ExtractSummary(**manifest["summary"], unchanged=True)
        summary.errors = [tuple(e) for e in manifest["summary"]["errors"]]
        summary.seconds = time.perf_counter() - started
        return summary

    if overlay_data:
        _check_overlay(corpus / OVERLAY_NAME)
    analyse = _run_dask if run.engine == "dask" else _run
    overlay = overlay_data if run.engine == "dask" and overlay_data else overlay_path
    index = ArticleIndex()
    for result in itertools.chain(unreadable, analyse(todo, with_tokens, overlay, run, lock)):
        rel = result.rows["articles"][0]["path"]
        _write_cache(cache_dir, rel, fingerprints[rel], result)
        index.add(rel, result)
        if run.on_article:
            run.on_article(rel)

    summary = _write_tables(out, cache_dir, fingerprints, fmt, table_names, index)
    write_datapackage(out, out, table_names)
    if run.parquet_above is not None and fmt == "csv":
        write_partitioned_parquet(out, table_names, run.parquet_above)
    summary.analysed = len(todo)
    summary.cached = len(fingerprints) - len(todo)
    _prune_cache(cache_dir, fingerprints)
    summary.seconds = time.perf_counter() - started
    _write_manifest(state, fingerprints, fmt, table_names, out, summary)
    return summary


def _check_overlay(path: Path) -> None:
    """Refuse the run, before any article, when the corpus's actor overlay is invalid
    (every article would fail on it)."""
    from pipeline.actors import check_overlay

    problems = check_overlay(path)
    if problems:
        raise ExtractError(
            "\n".join(problems)
            + f"\nthe actor overlay {path} is invalid: nothing was analysed and the previous tables are kept"
        )


def _progress_bar(run: Run, total: int):
    from tqdm import tqdm

    progress = sys.stderr.isatty() if run.progress is None else run.progress
    return tqdm(total=total, unit="article", disable=not progress or total < 2, leave=False)


def _batches(todo: list, workers: int) -> list[list]:
    """Batches of at most ARTICLES_PER_BATCH articles, enough of them to keep `workers` busy."""
    size = max(1, min(ARTICLES_PER_BATCH, -(-len(todo) // max(workers, 1))))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _run(todo, with_tokens, overlay, run: Run, lock: RunLock | None = None) -> Iterable[ArticleResult]:
    """Analyse the articles in batches, in worker processes when there are several."""
    bar = _progress_bar(run, len(todo))
    n = min(run.workers or os.cpu_count() or 1, len(todo))
    jobs = [(batch, with_tokens, overlay, run.timeout, run.ner) for batch in _batches(todo, n)]
    pool = ProcessPoolExecutor(max_workers=n, initializer=_worker_start, initargs=(lock,)) if n > 1 else None
    try:
        with pool or nullcontext():
            for batch in pool.map(_process_batch_star, jobs) if pool else map(_process_batch_star, jobs):
                yield from batch
                bar.update(len(batch))
    finally:
        bar.close()


def _run_dask(todo, with_tokens, overlay, run: Run, lock: RunLock | None = None) -> Iterable[ArticleResult]:
    """The same batches on a Dask cluster; file bytes travel with the task (workers
    need not see this disk), a bounded number of batches at a time. (Dask starts its
    processes afresh: they do not inherit the lock.)"""
    from distributed import Client, LocalCluster, as_completed

    if run.scheduler:
        client = Client(run.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=run.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
        )
        client = Client(cluster)
    bar = _progress_bar(run, len(todo))
    in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
    batches = iter(_batches(todo, len(client.scheduler_info().get("workers", {})) or 1))

    def submit(batch):
        files = [(rel, Path(path).read_bytes()) for rel, path in batch]
        return client.submit(process_batch, files, with_tokens, overlay, run.timeout, run.ner, pure=False)

    try:
        pending = as_completed([submit(batch) for batch in _take(batches, in_flight)])
        for future in pending:
            results = future.result()
            yield from results
            future.release()
            bar.update(len(results))
            for batch in _take(batches, 1):
                pending.add(submit(batch))
    finally:
        bar.close()
        client.close()
        if cluster is not None:
            cluster.close()


def _take(iterator, n: int) -> list:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) >= n:
            break
    return out


# ------------------------------------------------------------------------ cache


def _cache_path(cache_dir: Path, rel: str) -> Path:
    return cache_dir / (hashlib.sha1(rel.encode()).hexdigest() + ".json")


def _cache_valid(cache_dir: Path, rel: str, fp: str) -> bool:
    path = _cache_path(cache_dir, rel)
    if not path.exists():
        return False
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(100)
    except OSError:
        return False
    return head.startswith('{"fingerprint": "' + fp + '"')


def _write_cache(cache_dir: Path, rel: str, fp: str, result: ArticleResult) -> None:
    payload = json.dumps({"fingerprint": fp, **result.to_json()}, ensure_ascii=False)
    atomic.write_text(_cache_path(cache_dir, rel), payload)


def _read_cache(cache_dir: Path, rel: str) -> ArticleResult:
    with open(_cache_path(cache_dir, rel), encoding="utf-8") as fh:
        return ArticleResult.from_json(json.load(fh))


def _prune_cache(cache_dir: Path, fingerprints: dict[str, str]) -> None:
    keep = {_cache_path(cache_dir, rel).name for rel in fingerprints}
    for path in cache_dir.glob("*.json"):
        if path.name not in keep:
            path.unlink()


# ----------------------------------------------------------------------- tables


class ActorTotals:
    """actors.csv built article by article: attributes, counts, first and last seen.
    Holds one row per actor, never the articles' mentions. The order in which
    articles are added does not matter (workers and Dask return them in any
    order): an actor's attributes are those of the article with the first path."""

    def __init__(self):
        self.rows: dict[str, dict] = {}
        self._attributes_from: dict[str, str] = {}  # actor id -> path its attributes come from

    def add(self, result: ArticleResult, rel: str = "") -> None:
        published = result.rows["articles"][0].get("published", "")
        counts: dict[str, int] = {}
        for m in result.rows.get("mentions", []):
            counts[m["actor_id"]] = counts.get(m["actor_id"], 0) + 1
        for actor_id, record in result.actors.items():
            row = self.rows.get(actor_id)
            if row is None:
                row = self.rows[actor_id] = {**record, "n_mentions": 0, "n_articles": 0, "first_seen": "", "last_seen": ""}
                self._attributes_from[actor_id] = rel
            elif rel < self._attributes_from[actor_id]:
                row.update(record)
                self._attributes_from[actor_id] = rel
            row["n_mentions"] += counts.get(actor_id, 0)
            row["n_articles"] += 1 if counts.get(actor_id) else 0
            if published:
                row["first_seen"] = min(filter(None, (row["first_seen"], published)))
                row["last_seen"] = max(row["last_seen"], published)

    def table(self) -> list[dict]:
        return [self.rows[k] for k in sorted(self.rows)]


class ArticleIndex:
    """What the table pass needs before it writes: the articles' order and the actor
    totals. Filled as results arrive from the workers, so that only the articles
    taken from the cache are read for it afterwards."""

    def __init__(self):
        self.order: list[tuple[str, str, str]] = []  # (article_id, path, rel)
        self.totals = ActorTotals()
        self.rels: set[str] = set()

    def add(self, rel: str, result: ArticleResult) -> None:
        self.order.append((result.article_id, result.rows["articles"][0]["path"], rel))
        self.totals.add(result, rel)
        self.rels.add(rel)

    def refuse_duplicate_ids(self, cache_dir: Path) -> dict[str, ArticleResult]:
        """Error rows (by rel) for the articles whose id another article has: ids must
        join across tables. The article of the first path keeps the id (one that was
        read and analysed before one that failed); a later one analysed becomes an
        error row saying so, one that failed keeps its own error. Both get an id of
        their own. The actor totals are recounted without them."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for aid, path, rel in self.order:
            groups.setdefault(aid, []).append((rel, path))
        taken = set(groups)
        refused: dict[str, ArticleResult] = {}
        for aid, members in groups.items():
            if len(members) < 2:
                continue
            rows = {rel: _read_cache(cache_dir, rel).rows["articles"][0] for rel, _ in members}
            members.sort(key=lambda m: (rows[m[0]]["status"] != "ok", m[0]))
            keeper = members[0][1]
            for rel, path in members[1:]:
                row = rows[rel]
                reason = row["error"] if row["status"] != "ok" else (
                    f"duplicate id {aid!r}: {keeper} has it too (set another `id:` in the front matter)"
                )
                candidates = itertools.chain((article_id_for(rel), rel), (f"{rel}#{n}" for n in itertools.count(2)))
                own_id = next(c for c in candidates if c not in taken)
                taken.add(own_id)
                refused[rel] = error_result(own_id, path, reason, row)
        if refused:
            self.order = [(refused[rel].article_id if rel in refused else aid, path, rel) for aid, path, rel in self.order]
            self.totals = ActorTotals()
            for _, _, rel in self.order:
                if rel not in refused:
                    self.totals.add(_read_cache(cache_dir, rel), rel)
        return refused


def _write_tables(
    out: Path, cache_dir: Path, rels: Iterable[str], fmt: str, table_names, index: ArticleIndex | None = None
) -> ExtractSummary:
    """Stream the cached results into the tables, one article at a time.

    Pass 1 orders the articles and aggregates the actors (small; articles already
    in `index` are not read again); pass 2 appends each article's rows. Every
    table is built in a temporary file and renamed into place only when all of
    them are complete.
    """
    index = index or ArticleIndex()
    for rel in rels:
        if rel not in index.rels:
            index.add(rel, _read_cache(cache_dir, rel))
    refused = index.refuse_duplicate_ids(cache_dir)
    order, totals = index.order, index.totals
    actors = totals.table()
    order.sort()

    writers: dict[str, TableWriter] = {}
    summary = ExtractSummary(actors=len(actors))
    try:
        for name in table_names:
            writers[name] = TableWriter(out, name, fmt)
        for _, _, rel in order:
            result = refused.get(rel) or _read_cache(cache_dir, rel)
            for name, writer in writers.items():
                if name != "actors":
                    writer.append(result.rows.get(name, []))
            summary.articles += 1
            summary.sentences += len(result.rows.get("sentences", []))
            summary.mentions += len(result.rows.get("mentions", []))
            summary.dates += len(result.rows.get("dates", []))
            summary.events += len(result.rows.get("events", []))
            summary.errors += [(r["path"], r["error"]) for r in result.rows["articles"] if r["status"] == "error"]
        if "actors" in writers:
            writers["actors"].append(actors)
        for writer in writers.values():
            writer.close()
        for writer in writers.values():
            writer.commit()
    finally:
        for writer in writers.values():
            writer.discard()
    return summary


def _read_manifest(state: Path) -> dict:
    try:
        with open(state / MANIFEST, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def _outputs_current(out: Path, manifest: dict, fingerprints: dict, fmt: str, table_names) -> bool:
    if not manifest or manifest.get("fingerprints") != fingerprints or manifest.get("format") != fmt:
        return False
    if manifest.get("tables") != list(table_names):
        return False
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    sizes = manifest.get("sizes", {})
    for name in table_names:
        path = out / f"{name}{suffix}"
        if not path.exists() or path.stat().st_size != sizes.get(name):
            return False
    return True


def _write_manifest(state: Path, fingerprints, fmt, table_names, out: Path, summary: ExtractSummary) -> None:
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    data = {
        "fingerprints": fingerprints,
        "format": fmt,
        "tables": list(table_names),
        "sizes": {name: (out / f"{name}{suffix}").stat().st_size for name in table_names},
        "summary": {
            k: getattr(summary, k)
            for k in ("articles", "sentences", "mentions", "dates", "events", "actors", "errors")
        },
    }
    atomic.write_text(state / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1))
