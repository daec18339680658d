"""Train, evaluate and package the dependency parser: `python -m pipeline.parser.train DATA_DIR`.

1. reads UD Japanese GSD's DocBins in DATA_DIR (`ja_gsd-ud-{train,dev,test}.ne.spacy`)
   and carries each sentence's tree over to the pipeline's fugashi tokens
   (`pipeline.parser.convert`), writing DocBins under `build/parser/` and printing the
   alignment counts;
2. trains `pipeline/parser/config.cfg` (fixed seed) on GSD train, keeping the step with
   the best labelled attachment score on GSD dev;
3. writes that model's `parser` (no tokenizer data, no word list) into
   `pipeline/parser/model/` with a NOTICE and `scores.json`;
4. scores it on GSD dev and test (UAS/LAS on the fugashi tokens) and measures its speed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from pipeline.blas import one_thread
from pipeline.ner.features import ARCHITECTURE as _FEATURES  # noqa: F401  (registers the embedding)
from pipeline.nlp import blank_japanese
from pipeline.parser import MODEL_DIR
from pipeline.parser.convert import GSD_FILES, AlignStats, read_gsd, to_docbin
from pipeline.parser.evaluate import attachment_scores, format_scores

CONFIG = Path(__file__).parent / "config.cfg"
DEFAULT_WORK = Path("build/parser")

NOTICE = """\
dekigoto Japanese dependency parser (pipeline/parser/model/)

This model was trained on, and is a derived work of:

- UD Japanese GSD (megagonlabs/UD_Japanese-GSD, commit 4dd49a8f, the spaCy DocBins
  of its `spacy/` folder), licensed under the Creative Commons
  Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0):
  https://creativecommons.org/licenses/by-sa/4.0/legalcode

The model weights in this directory are distributed under CC BY-SA 4.0.
Changes made: the dependency trees were carried over to the tokens of fugashi +
unidic-lite (see docs/parser.md), and a spaCy `parser` was trained on them.
No training sentences are stored in this directory.
"""


def parse_docs(nlp: Language, docs: list, batch_size: int = 256) -> list:
    """The model's trees for gold Docs' texts, on the same (fugashi) tokens."""
    texts = [d.text for d in docs]
    with one_thread():
        return list(nlp.pipe(texts, batch_size=batch_size))


def score(nlp: Language, path: Path) -> dict:
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    return attachment_scores(zip(parse_docs(nlp, gold), gold, strict=True))


def speed(nlp: Language, path: Path) -> dict:
    """Tokens and characters per second of the parser alone (tokenised beforehand), by
    the clock and by the process's CPU time (steadier when others share the machine)."""
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = [nlp.make_doc(d.text) for d in gold]
    parser = nlp.get_pipe("parser")
    with one_thread():
        list(parser.pipe(docs[:50]))  # warm up
        docs = [nlp.make_doc(d.text) for d in gold]
        t, cpu = time.perf_counter(), time.process_time()
        list(parser.pipe(docs, batch_size=256))
        sec, cpu = time.perf_counter() - t, time.process_time() - cpu
    tokens, chars = sum(map(len, docs)), sum(len(d.text) for d in docs)
    return {
        "tokens_per_second": round(tokens / sec),
        "chars_per_second": round(chars / sec),
        "tokens_per_cpu_second": round(tokens / cpu),
        "chars_per_cpu_second": round(chars / cpu),
    }


def export_model(trained_dir: Path, model_dir: Path) -> Language:
    """Copy only the trained `parser` onto a fresh blank pipeline and save it (no
    tokenizer data; the string store keeps only the parser's labels)."""
    trained = spacy.load(trained_dir)
    nlp = blank_japanese()
    nlp.add_pipe("parser", source=trained)
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.meta.update(
        {
            "name": "dekigoto_parser",
            "version": "1.0.0",
            "description": "Japanese dependency parser (UD Japanese GSD) on fugashi+unidic-lite tokens",
            "license": "CC BY-SA 4.0",
            "sources": [{"name": "UD Japanese GSD", "license": "CC BY-SA 4.0"}],
        }
    )
    nlp.to_disk(model_dir, exclude=["tokenizer"])
    parser = nlp.get_pipe("parser")
    labels = sorted({*parser.labels, *(parser.moves.get_class_name(k).split("-", 1)[-1] for k in range(parser.moves.n_moves))})
    (model_dir / "vocab" / "strings.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    (model_dir / "NOTICE").write_text(NOTICE, encoding="utf-8")
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="DocBins and checkpoints")
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    ap.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--skip-train", action="store_true", help="evaluate the packaged model only")
    args = ap.parse_args(argv)

    t0 = time.time()
    nlp = blank_japanese()
    work = args.work
    print("== conversion (GSD trees onto fugashi tokens) ==", flush=True)
    align = {}
    for split, name in GSD_FILES.items():
        stats = AlignStats()
        n = to_docbin(nlp, read_gsd(args.data_dir / name, nlp), work / f"{split}.spacy", stats)
        align[split] = dict(stats.counts)
        print(f"{split}: {n} sentences; {stats.summary()}", flush=True)

    train_seconds = None
    if not args.skip_train:
        from spacy.cli.train import train as spacy_train

        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if args.max_steps is not None:
            overrides["training.max_steps"] = args.max_steps
        print("== training (GSD train; best step on GSD dev) ==", flush=True)
        t1 = time.time()
        spacy_train(args.config, work / "run", overrides=overrides)
        train_seconds = round(time.time() - t1)
        export_model(work / "run" / "model-best", args.model_dir)
        print(f"training took {train_seconds} s", flush=True)

    info_path = args.model_dir / "scores.json"
    old = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    from pipeline.parser.component import load_model

    load_model.cache_clear()
    model = load_model(str(args.model_dir))
    print("== evaluation (fugashi tokens) ==", flush=True)
    results = {f"GSD {split}": score(model, work / f"{split}.spacy") for split in ("dev", "test")}
    print(format_scores(results))
    fast = speed(model, work / "test.spacy")
    print(
        f"parser alone: {fast['tokens_per_second']:,} tokens/s, {fast['chars_per_second']:,} chars/s (1 process); "
        f"per CPU second {fast['tokens_per_cpu_second']:,} tokens, {fast['chars_per_cpu_second']:,} chars"
    )
    size = sum(p.stat().st_size for p in args.model_dir.rglob("*") if p.is_file())
    weights = args.model_dir / "parser" / "model"
    info = {
        "results": results,
        "alignment": align,
        "train_seconds": train_seconds if train_seconds is not None else old.get("train_seconds"),
        "speed": fast,
        "model_bytes": size,
        "weights_sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
    }
    info_path.write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"model: {args.model_dir} ({size / 1e6:.1f} MB); total {round(time.time() - t0)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
