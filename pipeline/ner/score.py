"""Exact-span scores of the trained NER and of the pipeline's mentions on the NER test
sets: `python -m pipeline.ner.score DATA_DIR` (= `make eval-ner`).

Reproduces the table of the README ("The trained NER") from the committed model and
the pipeline as it is: the model alone (the ensemble's entities on the whole
sentence), and the rows `mentions.csv` would hold for each test sentence analysed as
an article (text layer, dates, actors, the NER as wired, events), with and without the
model. Mention labels are compared as the model's (`labels.FROM_MENTION_LABEL`:
STATE/PLACE -> LOC, ORG/IGO -> ORG; GROUP is not scored).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language

from pipeline.ner import MODEL_DIR, ensemble
from pipeline.ner.convert import load_splits, mapped_entities
from pipeline.ner.evaluate import Scorer, format_table
from pipeline.ner.labels import FROM_MENTION_LABEL

Spans = list[tuple[int, int, str]]
# the test sets, as named in the tables: (corpus, split, name)
TEST_SETS = (("gsd", "test", "GSD test"), ("wiki", "test", "wiki held-out"))
MODEL = "model"
PIPELINE_NO_MODEL = "pipeline mentions, rules+KB (no model)"
PIPELINE = "pipeline mentions, rules+KB + model"
# sentences analysed together (the NER runs once per batch, as in `extract`)
BATCH = 64


def predict_spans(
    nlp: Language, texts: Sequence[str], members: list[str] | None = None, batch_size: int = 128
) -> list[Spans]:
    """The model's (ensemble's, or the named members') entities on whole sentences."""
    out = []
    for i in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(t) for t in texts[i : i + batch_size]]
        found = ensemble.entities(nlp, docs, members=members)
        out.extend([(s, e, lab) for s, e, lab, _ in spans] for spans in found)
    return out


def mention_spans(
    texts: Sequence[str], ner: bool = True, model_dir: str | Path | None = None, published: str = "2026"
) -> list[Spans]:
    """Per text, the (start, end, model label) of the `mentions.csv` rows the pipeline
    writes for it as an article body: text layer, the Japanese pipeline's components
    (`ner=False`: without the trained NER; `model_dir`: another model than the
    packaged one), the NER once per batch as `extract` runs it."""
    from pipeline.actors.component import named_within
    from pipeline.analysis import BATCHED, mention_rows
    from pipeline.nlp import japanese_pipeline, make_doc
    from pipeline.text import prepare

    nlp = japanese_pipeline(None, ner, str(model_dir) if model_dir and Path(model_dir) != MODEL_DIR else None)
    out: list[Spans] = []
    for i in range(0, len(texts), BATCH):
        documents = [prepare(t) for t in texts[i : i + BATCH]]
        docs = [make_doc(nlp, d.text, published, d.sentences) for d in documents]
        for name, component in nlp.pipeline:
            if name == "dekigoto_events":
                continue  # adds no mention
            docs = list(component.pipe(docs)) if name in BATCHED else [component(doc) for doc in docs]
        for document, doc in zip(documents, docs, strict=True):
            rows = mention_rows("s", document, [*doc._.mentions, *named_within(doc, organs=False)])  # as analysis.py writes them
            out.append(sorted({(r["start"], r["end"], FROM_MENTION_LABEL[r["label"]]) for r in rows if r["label"] in FROM_MENTION_LABEL}))
    return out


def score(records: Sequence[dict], predictions: Sequence[Spans]) -> dict:
    """Per-label and micro P/R/F1 of `predictions` against the records' mapped entities."""
    scorer = Scorer()
    for rec, pred in zip(records, predictions, strict=True):
        scorer.add(mapped_entities(rec), pred)
    return scorer.scores()


def score_model(nlp: Language, records: Sequence[dict], members: list[str] | None = None) -> dict:
    return score(records, predict_spans(nlp, [r["text"] for r in records], members))


def score_pipeline(records: Sequence[dict], model_dir: str | Path | None = None) -> dict[str, dict]:
    """{system: scores} of the pipeline's mentions without and with the model."""
    texts = [r["text"] for r in records]
    return {
        PIPELINE_NO_MODEL: score(records, mention_spans(texts, ner=False)),
        PIPELINE: score(records, mention_spans(texts, ner=True, model_dir=model_dir)),
    }


def evaluate(data_dir: str | Path, model_dir: str | Path = MODEL_DIR, pipeline: bool = True) -> dict[str, dict]:
    """{"<set> :: <system>": scores} for the model and (with `pipeline`) the pipeline's
    mentions, on GSD test and the held-out wiki pages."""
    from pipeline.ner.component import load_model

    splits = load_splits(data_dir)
    nlp, _ = load_model(str(model_dir))
    results: dict[str, dict] = {}
    for corpus, split, name in TEST_SETS:
        results[f"{name} :: {MODEL}"] = score_model(nlp, splits[corpus][split])
    if pipeline:
        for corpus, split, name in TEST_SETS:
            for system, scores in score_pipeline(splits[corpus][split], model_dir).items():
                results[f"{name} :: {system}"] = scores
    return results


def record(results: dict[str, dict], model_dir: str | Path = MODEL_DIR) -> Path:
    """Write `results` into the model's `scores.json` (the figures `make train-ner`
    records beside the weights), replacing the pipeline's rows of an earlier version."""
    path = Path(model_dir) / "scores.json"
    info = json.loads(path.read_text(encoding="utf-8"))
    old = {k: v for k, v in info.get("results", {}).items() if " :: pipeline " not in k}
    info["results"] = {**old, **results}
    path.write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, help="the NER data (../shared/data/ner)")
    ap.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    ap.add_argument("--model-only", action="store_true", help="score the model alone, not the pipeline")
    ap.add_argument("--record", action="store_true", help="also write the figures into the model's scores.json")
    args = ap.parse_args(argv)
    if not args.data_dir.is_dir():
        print(f"error: {args.data_dir}: no such folder (the NER data: see docs/ner.md)", file=sys.stderr)
        return 2
    results = evaluate(args.data_dir, args.model_dir, pipeline=not args.model_only)
    print(format_table(results))
    if args.record:
        print(f"recorded in {record(results, args.model_dir)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
