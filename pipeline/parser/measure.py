"""What the parser costs in the pipeline: `python -m pipeline.parser.measure FOLDER`.

Runs the Japanese pipeline over the articles of FOLDER (a corpus folder, e.g.
`../shared/data/unlabelled/livedoor_topic_news`) in batches as `dekigoto extract`
does, then times the parser on the sentences it would parse in each mode:
every sentence, and the candidate sentences (an event trigger and mentions of one
or two distinct actors, `pipeline.parser.select`). Prints the share of sentences
and characters that qualify and each mode's cost against the pipeline's own time.
Figures are printed, never asserted: machines here are noisy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--model", default=None, help="parser model directory (default: the packaged one)")
    args = ap.parse_args(argv)

    from pipeline.analysis import BATCHED
    from pipeline.corpus import list_article_files, read_article
    from pipeline.extract import ARTICLES_PER_BATCH
    from pipeline.nlp import japanese_pipeline, make_doc
    from pipeline.parser.component import ParserComponent, load_model
    from pipeline.text import prepare

    articles = [read_article(p, args.folder) for p in list_article_files(args.folder)]
    articles = [a for a in articles if a.lang == "ja"][: args.limit or None]
    nlp = japanese_pipeline()
    load_model(args.model)
    modes = {
        "all sentences": ParserComponent(model=args.model, sentences="all"),
        "candidates, 1 actor": ParserComponent(model=args.model, sentences="candidates", min_actors=1),
        "candidates, 2 actors": ParserComponent(model=args.model, sentences="candidates", min_actors=2),
    }
    pipeline_seconds = 0.0
    seconds = dict.fromkeys(modes, 0.0)
    sentences = dict.fromkeys(modes, 0)
    chars = dict.fromkeys(modes, 0)
    tokens = dict.fromkeys(modes, 0)
    total_chars = 0
    for i in range(0, len(articles), ARTICLES_PER_BATCH):
        batch = articles[i : i + ARTICLES_PER_BATCH]
        t = time.perf_counter()
        docs = []
        for article in batch:
            document = prepare(article.body)
            docs.append(make_doc(nlp, document.text, article.published, document.sentences))
        for name, component in nlp.pipeline:
            docs = list(component.pipe(docs)) if name in BATCHED else [component(doc) for doc in docs]
        pipeline_seconds += time.perf_counter() - t
        total_chars += sum(len(a.body) for a in batch)
        for mode, component in modes.items():
            t = time.perf_counter()
            component.pipe(docs)
            seconds[mode] += time.perf_counter() - t
            for doc in docs:
                sentences[mode] += len(doc._.parses)
                chars[mode] += sum(p.end - p.start for p in doc._.parses)
                tokens[mode] += sum(len(p.doc) for p in doc._.parses)
    n_sent = sentences["all sentences"]
    print(f"{len(articles)} articles, {n_sent:,} sentences, {total_chars:,} characters")
    print(f"pipeline without the parser: {pipeline_seconds:.1f} s = {total_chars / pipeline_seconds:,.0f} chars/s (1 process)")
    print("| parsed | sentences | share of sentences | share of characters | parser seconds | parser tokens/s | parser / pipeline time | pipeline with it (chars/s) |")
    print("|---|---|---|---|---|---|---|---|")
    for mode in modes:
        sec = seconds[mode]
        print(
            f"| {mode} | {sentences[mode]:,} | {sentences[mode] / max(n_sent, 1):.1%} | {chars[mode] / max(chars['all sentences'], 1):.1%} "
            f"| {sec:.1f} | {tokens[mode] / max(sec, 1e-9):,.0f} | {sec / pipeline_seconds:.1%} | {total_chars / (pipeline_seconds + sec):,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
