"""`make bench`: speed and memory of the whole pipeline, measured in one run.

Builds a benchmark corpus (BENCH_ARTICLES articles, default 2,000) in a
temporary folder from the articles of the corpus, varied so that no cache can
help, then prints: raw fugashi tokenisation as the physical reference, the
pipeline's characters/s per worker and its ratio to fugashi, each stage's
share of the time (all per CPU second of the process: steady on a shared machine),
the date tagger alone, articles/s with 1 and 2 workers (by the clock) and
the speed-up, peak memory at two corpus sizes, and a no-change rerun; the English
pipeline's characters/s per worker and its ratio to spaCy's `en_core_web_sm` alone on the
same texts (`python -m pipeline.bench english` alone); then the HTML report of 50,000
synthetic events (`python -m pipeline.bench report` alone).
Figures are printed, never asserted: machines here are noisy.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.corpus import list_article_files, read_article, render_article

# Characters/s are per CPU second of this process (one BLAS thread: pipeline.blas): the
# machine is shared, and CPU time moves far less than the clock when others' jobs run.
# `extract` with 1 and 2 workers is timed by the clock (its speed-up is the point).
cpu_clock = time.process_time

VARIANT_NAMES = ["ロシア", "ベラルーシ", "米国", "中国", "ウクライナ", "リトアニア", "ポーランド", "ドイツ", "フランス", "日本"]


def build_corpus(source: Path, dest: Path, n: int, seed: int = 0) -> int:
    """Write n varied articles to dest; returns the total number of body characters."""
    rng = random.Random(seed)
    bases = []
    for path in list_article_files(source):
        article = read_article(path, source)
        if article.lang == "ja":
            bases.append(article)
    if not bases:
        raise SystemExit(f"{source}: no Japanese article to build a benchmark corpus from")
    dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        base = bases[i % len(bases)]
        body = _varied(base.body, i, rng, kept=3)
        a, b = rng.sample(VARIANT_NAMES, 2)
        body = body.replace(a, "\0").replace(b, a).replace("\0", b) + f"\n\n（記事番号{i}）\n"
        year = 2000 + i % 26
        meta = {"title": f"{base.title} #{i}", "published": f"{year}-{1 + i % 12:02d}", "lang": "ja"}
        (dest / f"a{i:05d}.md").write_text(render_article(meta, body), encoding="utf-8")
        total += len(body)
    return total


ENGLISH_SOURCE = Path("tests/fixtures/english")
ENGLISH_ARTICLES = 60


def english_bodies(source: Path, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n varied English (body, published) pairs from the English articles under source:
    paragraphs after the first two shuffled, numbers shifted, so no cache can help."""
    rng = random.Random(seed)
    bases = [a for a in (read_article(p, source) for p in list_article_files(source)) if a.lang == "en"]
    if not bases:
        return []
    out = []
    for i in range(n):
        base = bases[i % len(bases)]
        out.append((_varied(base.body, i, rng, kept=2), base.published or "2026-02"))
    return out


def _varied(body: str, i: int, rng: random.Random, kept: int) -> str:
    """The i-th variant of a body: paragraphs after the first `kept` shuffled, numbers
    shifted by i (so that no cache and no repeated text helps)."""
    paragraphs = body.split("\n\n")
    head, rest = paragraphs[:kept], paragraphs[kept:]
    rng.shuffle(rest)
    body = "\n\n".join(head + rest)
    return re.sub(r"\d+", lambda m, shift=i: str((int(m.group()) + shift) % 3000), body)


def english_speed(articles: list[tuple[str, str]]) -> tuple[float, float, dict[str, float]]:
    """(chars/s of spaCy's English model alone, chars/s of the whole English pipeline,
    seconds per stage) on the same texts in one process, both warmed up first."""
    from pipeline.analysis import run_nlp
    from pipeline.english import english_pipeline, load_english_model
    from pipeline.nlp import make_doc
    from pipeline.text import prepare

    model, nlp = load_english_model(), english_pipeline()
    texts = [(prepare(body), pub) for body, pub in articles]
    chars = sum(len(d.text) for d, _ in texts)
    model(texts[0][0].text)
    run_nlp(texts[0][0], "en", texts[0][1])  # loads the lexicons and the KB
    t = cpu_clock()
    for document, _ in texts:
        model(document.text)
    model_cps = chars / (cpu_clock() - t)
    stages = {name: 0.0 for name, _ in nlp.pipeline}
    stages["text layer"] = 0.0
    for body, pub in articles:
        t0 = cpu_clock()
        document = prepare(body)
        doc = make_doc(nlp, document.text, pub, document.sentences)
        stages["text layer"] += cpu_clock() - t0
        for name, component in nlp.pipeline:
            t1 = cpu_clock()
            doc = component(doc)
            stages[name] += cpu_clock() - t1
    return model_cps, chars / sum(stages.values()), stages


def print_english_speed(source: Path = ENGLISH_SOURCE, n: int = ENGLISH_ARTICLES) -> None:
    articles = english_bodies(source, n)
    if not articles:
        print(f"English: no English article under {source}")
        return
    model_cps, pipe_cps, stages = english_speed(articles)
    total = sum(stages.values())
    print(
        f"English pipeline in one process ({n} articles): {pipe_cps:,.0f} chars/s per worker = "
        f"{pipe_cps / model_cps:.2f} x en_core_web_sm alone ({model_cps:,.0f} chars/s)"
    )
    ours = {k: v for k, v in stages.items() if k.startswith("dekigoto") or k == "text layer"}
    print("  " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in ours.items())
          + f"; the model's components {100 * (total - sum(ours.values())) / total:.0f}%")


def fugashi_reference(bodies: list[str]) -> float:
    """Characters/s of raw fugashi when Python reads every token's surface and features."""
    import fugashi

    tagger = fugashi.Tagger()
    chars = sum(len(b) for b in bodies)
    t = cpu_clock()
    n = 0
    for body in bodies:
        for node in tagger(body):
            n += len(node.surface) + len(node.feature.lemma or "")
    return chars / (cpu_clock() - t)


def stage_times(
    bodies: list[str], published: list[str], extra: dict | None = None, extra_times: dict | None = None
) -> tuple[dict[str, float], int]:
    """Seconds per stage over the given bodies, in one process, in batches of articles
    as `dekigoto extract` runs them (`analysis.BATCHED` components once per batch).
    Components in `extra` (name -> component with `pipe`, not part of the pipeline) run
    on each batch after the pipeline; their seconds go to `extra_times` by name."""
    from pipeline.analysis import BATCHED
    from pipeline.extract import ARTICLES_PER_BATCH
    from pipeline.nlp import japanese_pipeline, make_doc
    from pipeline.text import prepare

    nlp = japanese_pipeline()
    times = {"text layer": 0.0, "tokenizer": 0.0}
    for name, _ in nlp.pipeline:
        times[name] = 0.0
    extra = extra or {}
    extra_times = extra_times if extra_times is not None else {}
    extra_times.update(dict.fromkeys(extra, 0.0))
    articles = list(zip(bodies, published, strict=True))
    for i in range(0, len(articles), ARTICLES_PER_BATCH):
        docs = []
        for body, pub in articles[i : i + ARTICLES_PER_BATCH]:
            t0 = cpu_clock()
            document = prepare(body)
            t1 = cpu_clock()
            docs.append(make_doc(nlp, document.text, pub, document.sentences))
            times["text layer"] += t1 - t0
            times["tokenizer"] += cpu_clock() - t1
        for name, component in nlp.pipeline:
            t = cpu_clock()
            docs = list(component.pipe(docs)) if name in BATCHED else [component(doc) for doc in docs]
            times[name] += cpu_clock() - t
        for name, component in extra.items():
            t = cpu_clock()
            component.pipe(docs)
            extra_times[name] += cpu_clock() - t
    return times, sum(map(len, bodies))


def parser_modes() -> dict:
    """The dependency parser in the modes the event coder may run it in (it is not part
    of the pipeline yet: `pipeline.parser.component`); empty without the packaged model."""
    from pipeline.parser import MODEL_DIR

    if not (MODEL_DIR / "parser").exists():
        return {}
    from pipeline.parser.component import ParserComponent

    return {
        "parser on candidate sentences": ParserComponent(sentences="candidates"),
        "parser on every sentence": ParserComponent(sentences="all"),
    }


def other_readers() -> dict:
    """The event readers the pipeline does not run (`pipeline.events.readers`), each as an
    events component to time beside the pipeline's own; empty without the parser model."""
    from pipeline.events.component import EventCoder
    from pipeline.events.readers import READERS, default_reader
    from pipeline.parser import MODEL_DIR

    out = {}
    for name, reader in READERS.items():
        if name != default_reader() and (not reader.parses or (MODEL_DIR / "parser").exists()):
            out[f"events reader {name}"] = EventCoder(None, "dekigoto_events", reader=name)
    return out


def _timed_extract(corpus: Path, out: Path, workers: int, full: bool = True) -> tuple[float, int]:
    """Wall time and peak RSS (KiB, largest process) of `dekigoto extract` in a fresh process."""
    code = (
        "import resource, sys, time\n"
        "from pipeline.extract import extract\n"
        "t = time.perf_counter()\n"
        f"s = extract({str(corpus)!r}, {str(out)!r}, full={full}, workers={workers}, progress=False)\n"
        "el = time.perf_counter() - t\n"
        "rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(el, rss, len(s.errors))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed, rss, _errors = res.stdout.split()
    return float(elapsed), int(rss)


def report_bench(n_events: int = 50_000) -> None:
    """The HTML report of synthetic tables of `n_events` events: time to build it,
    its size, and (with Chromium) time until the page is drawn and a filter answers."""
    from pipeline.report import write_report
    from pipeline.report.browser import OpenedReport, chromium, unavailable
    from pipeline.synthetic import write_synthetic_tables

    with tempfile.TemporaryDirectory(prefix="dekigoto-bench-report-") as tmp:
        tables = write_synthetic_tables(Path(tmp), n_events)
        t = time.perf_counter()
        html = write_report(tables)
        built = time.perf_counter() - t
        print(f"report of {n_events:,} events: built in {built:.1f}s, {html.stat().st_size / 1e6:.1f} MB")
        reason = unavailable()
        if reason:
            print(f"  load time not measured: {reason}")
            return
        with chromium() as context:
            opened = OpenedReport(context, html)
            page = opened.page
            t = time.perf_counter()
            page.fill("#f-text", "制裁")
            page.wait_for_function(f"!document.getElementById('match-count').textContent.startsWith('{n_events:,} of')")
            filtered = time.perf_counter() - t
            t = time.perf_counter()
            page.click("#page-next")
            paged = time.perf_counter() - t
            print(f"  headless Chromium: drawn in {opened.seconds:.1f}s, text filter answered in {filtered:.2f}s "
                  f"(0.15s of it the typing pause), next page in {paged:.2f}s, console errors {len(opened.errors)}")


def main() -> None:
    if sys.argv[1:] == ["report"]:
        report_bench(int(os.environ.get("BENCH_EVENTS", "50000")))
        return
    if sys.argv[1:] == ["english"]:
        print_english_speed()
        return
    n = int(os.environ.get("BENCH_ARTICLES", "2000"))
    source = Path(os.environ.get("BENCH_SOURCE", "corpus"))
    with tempfile.TemporaryDirectory(prefix="dekigoto-bench-") as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        chars = build_corpus(source, corpus, n)
        print(f"benchmark corpus: {n} articles, {chars:,} characters ({chars / n:,.0f} per article), {os.cpu_count()} cores")

        sample_paths = list_article_files(corpus)[: min(n, 200)]
        sample = [read_article(p, corpus) for p in sample_paths]
        bodies = [a.body for a in sample]
        ref = fugashi_reference(bodies)
        print(f"fugashi alone (Python reads every token): {ref:,.0f} chars/s")

        extra: dict[str, float] = {}
        readers = other_readers()
        times, sample_chars = stage_times(bodies, [a.published for a in sample], parser_modes() | readers, extra)
        total = sum(times.values())
        pipe = sample_chars / total
        print(f"pipeline in one process ({len(sample)} articles): {pipe:,.0f} chars/s per worker = {pipe / ref:.2f} x fugashi")
        for name, sec in times.items():
            print(f"  {name:<18} {100 * sec / total:5.1f}%  ({sample_chars / sec:,.0f} chars/s)")
        if "dekigoto_ner" in times:
            rules_only = sample_chars / (total - times["dekigoto_ner"])
            print(f"pipeline without the trained NER (--no-ner): {rules_only:,.0f} chars/s per worker = {rules_only / ref:.2f} x fugashi")
        from pipeline.events.readers import default_reader

        for name, sec in extra.items():
            if name in readers:  # instead of the pipeline's reader
                events = times["dekigoto_events"]
                instead = sample_chars / (total - events + sec)
                print(f"with the {name} instead of {default_reader()}: events {sample_chars / sec:,.0f} chars/s "
                      f"(was {sample_chars / events:,.0f}), pipeline {instead:,.0f} chars/s per worker = {instead / ref:.2f} x fugashi")
                continue
            with_it = sample_chars / (total + sec)
            print(f"with the {name}: +{100 * sec / total:.1f}% time, {with_it:,.0f} chars/s per worker = {with_it / ref:.2f} x fugashi")

        print_english_speed()

        from pipeline.dates import tag_dates
        from pipeline.text import prepare

        texts = [prepare(b).text for b in bodies]
        t = cpu_clock()
        for text, a in zip(texts, sample, strict=True):
            tag_dates(text, a.published)
        print(f"date tagger alone: {sum(map(len, texts)) / (cpu_clock() - t):,.0f} chars/s")

        one, rss_one = _timed_extract(corpus, tmp / "out1", workers=1)
        print(f"extract, 1 worker: {one:.1f}s = {n / one:.1f} articles/s, {chars / one:,.0f} chars/s, peak RSS {rss_one / 1024:.0f} MiB")
        two, rss_two = _timed_extract(corpus, tmp / "out2", workers=2)
        print(f"extract, 2 workers: {two:.1f}s = {n / two:.1f} articles/s, speed-up {one / two:.2f}x, peak RSS per process {rss_two / 1024:.0f} MiB")

        quarter = tmp / "quarter"
        quarter.mkdir()
        for p in list_article_files(corpus)[: max(1, n // 4)]:
            (quarter / p.name).write_bytes(p.read_bytes())
        _, rss_quarter = _timed_extract(quarter, tmp / "outq", workers=1)
        print(f"peak RSS with {max(1, n // 4)} articles: {rss_quarter / 1024:.0f} MiB; with {n}: {rss_one / 1024:.0f} MiB (ratio {rss_one / rss_quarter:.2f})")

        rerun, _ = _timed_extract(corpus, tmp / "out1", workers=1, full=False)
        print(f"no-change rerun of {n} articles: {rerun:.2f}s (in-process; plus interpreter start-up)")

    report_bench(int(os.environ.get("BENCH_EVENTS", "50000")))


if __name__ == "__main__":
    main()
