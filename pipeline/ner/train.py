"""Train, evaluate and package the NER model: `python -m pipeline.ner.train DATA_DIR`.

1. converts the annotated JSONL in DATA_DIR (see its README) to DocBin files under
   `build/ner/` (GSD train/dev/test as given; ner-wikipedia split by page id:
   15% test, 10% dev, 75% train, by a hash of `curid`), printing alignment counts;
2. builds the static vector table from the pinned `ja-ginza` wheel's chiVe vectors
   (`pipeline.ner.vectors`; pip fetches the wheel into the work folder once);
3. selection run: trains with `pipeline/ner/config.cfg` (fixed seed) on GSD train +
   wiki train, keeping the best step on GSD dev + wiki dev, and scores that model on
   dev (its per-label precision is the confidence the component attaches to each
   entity) and on the test sets;
4. final runs: train the same config on train + dev (the dev pages are more of the
   kind of text the wiki test holds) and keep the last step, once per seed (the
   config's, then `EXTRA_MEMBER_SEEDS`): the members of the packaged ensemble
   (`pipeline.ner.ensemble`). The selection run chose the setup; the final runs only
   see more data;
5. writes their `ner` components (`ner`, `ner_2`, ...; no tokenizer data) into
   `pipeline/ner/model/` with a NOTICE and `scores.json` (confidence, all evaluation
   figures, the weights' digests);
6. evaluates on GSD test and the held-out wiki pages, the model alone and the
   pipeline's mentions on the same sentences (`pipeline.ner.score`); prints a table.

`--select-only` stops after the selection run and packages its model.
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
from spacy.util import load_config

from pipeline.ner import MODEL_DIR, ensemble
from pipeline.ner.component import load_model
from pipeline.ner.convert import (
    AlignStats,
    load_splits,
    substitute_entities,
    to_doc,
    to_docbin,
)
from pipeline.ner.evaluate import format_table
from pipeline.ner.features import ARCHITECTURE as _FEATURES  # noqa: F401  (registers the embedding)
from pipeline.ner.labels import MODEL_LABELS
from pipeline.ner.score import score_model, score_pipeline
from pipeline.ner.vectors import build_vectors, fetch_wheel, write_vectors_pipeline
from pipeline.nlp import blank_japanese

CONFIG = Path(__file__).parent / "config.cfg"
DEFAULT_WORK = Path("build/ner")
# the name of the selection run's model in the results (trained without the dev sentences)
SELECTION = "model, selection run (without dev)"
DEV_SET = "dev (GSD dev + wiki dev)"
# ner-wikipedia train sentences are repeated this many times in the training set
# (they are fewer than GSD's and denser in entities).
WIKI_TRAIN_REPEAT = 1
# training sentences are also added this many times with their names swapped
# (`convert.substitute_entities`); the seed is the training config's
SWAP_COPIES = 1
SWAP_SEED = 20260126
# the packaged model is an ensemble (`pipeline.ner.ensemble`) of final runs that differ
# only in their seed: the config's, then these
EXTRA_MEMBER_SEEDS = (20261126,)

NOTICE = """\
dekigoto Japanese NER model (pipeline/ner/model/)

This model was trained on, and is a derived work of:

- UD Japanese GSD with its named-entity layer (megagonlabs/UD_Japanese-GSD,
  UD r2.8, commit 4dd49a8f), licensed under the Creative Commons
  Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0):
  https://creativecommons.org/licenses/by-sa/4.0/legalcode
- ner-wikipedia-dataset v2 by Stockmark Inc. (stockmarkteam/ner-wikipedia-dataset,
  commit 5e525c21), built from sentences of Japanese Wikipedia (text by the
  Wikipedia contributors, https://ja.wikipedia.org/) and licensed, like Wikipedia,
  under the Creative Commons Attribution-ShareAlike 3.0 licence (CC BY-SA 3.0):
  https://creativecommons.org/licenses/by-sa/3.0/legalcode

The model weights in this directory are distributed under CC BY-SA 4.0
(the GSD licence; CC BY-SA 3.0 permits adaptations under a later version).
Changes made: labels mapped to PERSON / ORG / LOC (see docs/ner.md), text
re-tokenised with fugashi + unidic-lite, spaCy `ner` models trained on it.
No training sentences are stored in this directory.

The word vectors in vocab/ are derived from:

- chiVe by Works Applications Co., Ltd. (https://github.com/WorksApplications/chiVe),
  licensed under the Apache License 2.0: https://www.apache.org/licenses/LICENSE-2.0
  in the pruned copy shipped by GiNZA (the `ja-ginza` 5.3.0 package,
  https://github.com/megagonlabs/ginza, Copyright (c) 2019 Megagon Labs,
  MIT License).
Changes made: the vectors are projected on their first {dims} principal components.
"""


def weights_digests(model_dir: Path) -> dict[str, str]:
    """sha256 of each member's weights file, by pipe name."""
    return {
        path.parent.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(model_dir.glob("*/model"))
    }


def dev_confidence(dev_scores: dict) -> dict[str, float]:
    """Per-label precision on dev, used as the confidence of each predicted entity."""
    return {lab: round(dev_scores[lab]["p"], 3) for lab in MODEL_LABELS}


def export_model(trained_dirs: list[Path], model_dir: Path) -> Language:
    """Copy only the trained `ner` of each run onto a fresh blank pipeline and save it (no
    tokenizer data): the first as `ner`, the others as the ensemble's `ner_2`, `ner_3`, ...
    They share one vector table (every run builds the same one from the same wheel)."""
    runs = [spacy.load(path) for path in trained_dirs]
    nlp = blank_japanese()
    nlp.vocab.vectors = runs[0].vocab.vectors  # the embedding's static vectors, if any
    for k, trained in enumerate(runs):
        if trained.vocab.vectors.to_bytes(exclude=["strings"]) != nlp.vocab.vectors.to_bytes(exclude=["strings"]):
            raise ValueError(f"{trained_dirs[k]}: its vectors differ from {trained_dirs[0]}'s")
        nlp.add_pipe("ner", name=ensemble.FIRST if k == 0 else f"{ensemble.FIRST}_{k + 1}", source=trained)
    if model_dir.exists():
        shutil.rmtree(model_dir)
    nlp.meta.update(
        {
            "name": "dekigoto_ner",
            "version": "5.0.0",
            "description": "Japanese NER (PERSON/ORG/LOC) on fugashi+unidic-lite tokens",
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD Japanese GSD (NE layer)", "license": "CC BY-SA 4.0"},
                {"name": "stockmark ner-wikipedia-dataset", "license": "CC BY-SA 3.0"},
                {"name": "chiVe (via ja-ginza 5.3.0)", "license": "Apache 2.0 (ja-ginza: MIT)"},
            ],
        }
    )
    nlp.to_disk(model_dir, exclude=["tokenizer"])
    # The ner needs no lexicon: keep only its labels in the string store (the training
    # vocabulary would add ~1 MB of words from the corpora).
    labels = sorted(nlp.get_pipe("ner").labels)
    (model_dir / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    (model_dir / "NOTICE").write_text(NOTICE.format(dims=nlp.vocab.vectors.shape[1]), encoding="utf-8")
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="DocBins and checkpoints")
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    ap.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    ap.add_argument(
        "--wiki-repeat", type=int, default=WIKI_TRAIN_REPEAT, help="copies of wiki train"
    )
    ap.add_argument(
        "--swap-copies", type=int, default=SWAP_COPIES,
        help="copies of the training sentences with entities swapped for others of their label",
    )
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument(
        "--members", type=int, default=1 + len(EXTRA_MEMBER_SEEDS),
        help=f"final runs (ensemble members, seeds: the config's, then {EXTRA_MEMBER_SEEDS})",
    )
    ap.add_argument(
        "--select-only", action="store_true",
        help="package the selection run's model (best step on dev) without the final run on train + dev",
    )
    ap.add_argument("--skip-train", action="store_true", help="evaluate the packaged model only")
    args = ap.parse_args(argv)

    t0 = time.time()
    splits = load_splits(args.data_dir)
    nlp = blank_japanese()
    work = args.work
    print("== conversion (entity spans after label mapping) ==")
    train = splits["gsd"]["train"] + splits["wiki"]["train"] * args.wiki_repeat
    inputs = {
        "train": train + substitute_entities(train, args.swap_copies, SWAP_SEED),
        "dev": splits["gsd"]["dev"] + splits["wiki"]["dev"],
    }
    if not args.select_only:
        train_dev = train + splits["gsd"]["dev"] + splits["wiki"]["dev"] * args.wiki_repeat
        inputs["train_dev"] = train_dev + substitute_entities(train_dev, args.swap_copies, SWAP_SEED)
    align = {}
    for corpus in ("gsd", "wiki"):
        for split, recs in splits[corpus].items():
            stats = AlignStats()
            for rec in recs:  # count only; the DocBins below are built by the same code
                to_doc(nlp, rec, stats)
            align[f"{corpus}/{split}"] = dict(stats.counts)
            print(f"{corpus}/{split}: {len(recs)} sentences; {stats.summary()}")
    for split, recs in inputs.items():
        n = to_docbin(nlp, recs, work / f"{split}.spacy", AlignStats())
        print(f"wrote {work / f'{split}.spacy'} ({n} docs)")

    train_seconds = None
    selection_dir = work / "selection_model"
    if not args.skip_train:
        from spacy.cli.train import train as spacy_train

        print("== static vectors (chiVe, from the ja-ginza wheel) ==", flush=True)
        features = load_config(args.config)["components"]["ner"]["model"]["tok2vec"]["embed"]
        compounds = "CHIVE" in features.get("features", [])  # that feature looks up compounds
        vectors = build_vectors(fetch_wheel(work / "ja_ginza"), compounds=compounds)
        vectors_dir = write_vectors_pipeline(vectors, work / "vectors")
        print(f"{vectors_dir}: {len(vectors.key2row)} words, {vectors.shape[0]} rows x {vectors.shape[1]}")
        overrides = {
            "paths.train": str(work / "train.spacy"),
            "paths.dev": str(work / "dev.spacy"),
            "paths.vectors": str(vectors_dir),
        }
        if args.max_steps is not None:
            overrides["training.max_steps"] = args.max_steps
        print("== training: selection run (train; best step on dev) ==", flush=True)
        t1 = time.time()
        spacy_train(args.config, work / "selection", overrides=overrides)
        export_model([work / "selection" / "model-best"], args.model_dir if args.select_only else selection_dir)
        if args.select_only:  # an older full run's selection model no longer describes the package
            shutil.rmtree(selection_dir, ignore_errors=True)
        if not args.select_only:
            overrides["paths.train"] = str(work / "train_dev.spacy")
            seed = load_config(args.config)["system"]["seed"]
            seeds = [seed, *EXTRA_MEMBER_SEEDS][: args.members]
            if len(seeds) < args.members:
                ap.error(f"--members: at most {len(seeds)} (add seeds to EXTRA_MEMBER_SEEDS)")
            runs = []
            for k, seed in enumerate(seeds):
                print(f"== training: final run {k + 1} of {len(seeds)} (train + dev; last step; seed {seed}) ==", flush=True)
                runs.append(work / ("final" if k == 0 else f"final_{k + 1}"))
                spacy_train(args.config, runs[-1], overrides={**overrides, "system.seed": seed})
            export_model([run / "model-last" for run in runs], args.model_dir)
        train_seconds = round(time.time() - t1)
        print(f"training took {train_seconds} s", flush=True)

    info_path = args.model_dir / "scores.json"
    old = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    model = spacy.load(args.model_dir)
    print("== evaluation (exact character spans) ==", flush=True)
    results: dict[str, dict] = {}
    dev_all = inputs["dev"]
    confidence_source = "per-label precision on GSD dev + ner-wikipedia dev pages, of the selection run (the same setup trained without them)"
    if args.select_only:
        selected = model
    elif selection_dir.exists():
        selected = spacy.load(selection_dir)
    else:  # --skip-train without the work folder: keep the recorded selection figures
        selected = None
    if selected is not None:
        dev_scores = score_model(selected, dev_all)
        results[f"{DEV_SET} :: {SELECTION}"] = dev_scores
        if selected is not model:
            results[f"GSD test :: {SELECTION}"] = score_model(selected, splits["gsd"]["test"])
            results[f"wiki held-out :: {SELECTION}"] = score_model(selected, splits["wiki"]["test"])
    else:
        results.update({k: v for k, v in old.get("results", {}).items() if SELECTION in k})
        dev_scores = results.get(f"{DEV_SET} :: {SELECTION}")
        if dev_scores is None:  # nothing recorded: the packaged model may have trained on dev
            dev_scores = results[f"{DEV_SET} :: packaged model"] = score_model(model, dev_all)
            confidence_source = "per-label precision on GSD dev + ner-wikipedia dev pages, of the packaged model"
    t2 = time.time()
    results["GSD test :: model"] = score_model(model, splits["gsd"]["test"])
    results["wiki held-out :: model"] = score_model(model, splits["wiki"]["test"])
    members = ensemble.member_names(model)
    n_test = len(splits["gsd"]["test"]) + len(splits["wiki"]["test"])
    speed = round(n_test / max(time.time() - t2, 1e-6), 1)
    if len(members) > 1:  # what the ensemble adds to each of its members
        for k, name in enumerate(members, 1):
            for key, set_name in (("gsd", "GSD test"), ("wiki", "wiki held-out")):
                results[f"{set_name} :: ensemble member {k} alone"] = score_model(model, splits[key]["test"], [name])
    load_model.cache_clear()  # the pipeline's NER is the model just written
    for key, name in (("gsd", "GSD test"), ("wiki", "wiki held-out")):
        for system, scores in score_pipeline(splits[key]["test"], args.model_dir).items():
            results[f"{name} :: {system}"] = scores
    table = format_table(results)
    print(table)
    print(f"model speed: {speed} sentences/s (1 process)")

    size = sum(p.stat().st_size for p in args.model_dir.rglob("*") if p.is_file())
    info = {
        "confidence": dev_confidence(dev_scores),
        "confidence_source": confidence_source,
        "results": results,
        "alignment": align,
        "train_seconds": train_seconds if train_seconds is not None else old.get("train_seconds"),
        "sentences_per_second": speed,
        "model_bytes": size,
        # which weights these figures belong to (tests/test_ner_ensemble.py checks it)
        "weights_sha256": weights_digests(args.model_dir),
    }
    info_path.write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"model: {args.model_dir} ({size / 1e6:.1f} MB); confidence per label: {info['confidence']}"
    )
    print(f"total {round(time.time() - t0)} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
