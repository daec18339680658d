"""Annotated JSONL -> spaCy Docs tokenised by the pipeline's fugashi tokenizer.

Input records: {"text", "entities": [{"start", "end", "label", "text"}], "curid"?}.
Source labels are mapped once by `pipeline.ner.labels.map_label`. Entity spans
must fall on fugashi token boundaries; those that do not are handled by
`align_span` and counted in `AlignStats`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.ner.labels import MISSING, map_label

# ner-wikipedia has one file: split it by page id, deterministically.
WIKI_TEST_PERCENT = 15
WIKI_DEV_PERCENT = 10

GSD_FILES = {
    "train": "ud_japanese_gsd_ne_train.jsonl",
    "dev": "ud_japanese_gsd_ne_dev.jsonl",
    "test": "ud_japanese_gsd_ne_test.jsonl",
}
WIKI_FILE = "ner_wikipedia_train.jsonl"

# An entity that cuts through a token may be widened to the token boundaries ("expand")
# only if that adds at most this many characters; otherwise its tokens
# are marked as missing annotation (neither entity nor "O") and it is counted as dropped.
MAX_EXPAND_CHARS = 0


@dataclass
class AlignStats:
    """What happened to the mapped entity spans of a set of records."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, outcome: str, example: str = "") -> None:
        self.counts[outcome] += 1
        if example and len(self.examples.setdefault(outcome, [])) < 8:
            self.examples[outcome].append(example)

    def summary(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))


def wiki_split(curid: str | int) -> str:
    """ "train", "dev" or "test" for a ner-wikipedia page id (stable hash of curid)."""
    bucket = int(hashlib.sha1(str(curid).encode("utf-8")).hexdigest(), 16) % 100
    if bucket < WIKI_TEST_PERCENT:
        return "test"
    if bucket < WIKI_TEST_PERCENT + WIKI_DEV_PERCENT:
        return "dev"
    return "train"


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_splits(data_dir: str | Path) -> dict[str, dict[str, list[dict]]]:
    """{corpus: {split: records}} for corpus "gsd" and "wiki"."""
    data_dir = Path(data_dir)
    out: dict[str, dict[str, list[dict]]] = {
        "gsd": {},
        "wiki": {"train": [], "dev": [], "test": []},
    }
    for split, name in GSD_FILES.items():
        out["gsd"][split] = read_jsonl(data_dir / name)
    for rec in read_jsonl(data_dir / WIKI_FILE):
        out["wiki"][wiki_split(rec["curid"])].append(rec)
    return out


def mapped_entities(record: dict) -> list[tuple[int, int, str]]:
    """(start, end, model label or MISSING) for the record's entities; O-spans left out."""
    spans = []
    for ent in record.get("entities", []):
        label = map_label(
            ent["label"], ent.get("text") or record["text"][ent["start"] : ent["end"]]
        )
        if label is not None:
            spans.append((int(ent["start"]), int(ent["end"]), label))
    return spans


def align_span(doc: Doc, start: int, end: int, label: str) -> tuple[Span | None, str]:
    """The token span for a character span, and how it was obtained.

    Outcomes: "exact"; "expanded" (widened by <= MAX_EXPAND_CHARS to token boundaries);
    "dropped" (returned span is the expanded one, to be marked missing) ; "empty".
    """
    span = doc.char_span(start, end, label=label)
    if span is not None:
        return span, "exact"
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, "empty"
    if (span.end_char - span.start_char) - (end - start) <= MAX_EXPAND_CHARS:
        return span, "expanded"
    return span, "dropped"


def to_doc(nlp: Language, record: dict, stats: AlignStats | None = None) -> Doc:
    """Tokenise the record's text and set its (mapped, aligned) entities on the Doc."""
    stats = stats if stats is not None else AlignStats()
    doc = nlp.make_doc(record["text"])
    ents: list[Span] = []
    missing: list[Span] = []
    taken: set[int] = set()
    # left to right, longest first: a span overlapping an earlier-kept one is dropped
    for start, end, label in sorted(mapped_entities(record), key=lambda x: (x[0], -x[1])):
        span, outcome = align_span(doc, start, end, label if label != MISSING else "MISSING")
        text = record["text"][start:end]
        if span is None:
            stats.add(outcome, text)
            continue
        if label == MISSING:
            missing.append(span)
            stats.add("missing_label", text)
            continue
        if outcome == "dropped":
            missing.append(span)
            stats.add("dropped", f"{text} -> {span.text}")
            continue
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            missing.append(span)
            stats.add("overlap_dropped", text)
            continue
        taken |= tokens
        ents.append(span)
        stats.add(outcome, text if outcome == "exact" else f"{text} -> {span.text}")
    missing = [m for m in missing if not set(range(m.start, m.end)) & taken]
    doc.set_ents(ents, missing=_disjoint(missing), default="outside")
    return doc


def _disjoint(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        tokens = set(range(span.start, span.end))
        if not tokens & used:
            out.append(span)
            used |= tokens
    return out


def to_docbin(nlp: Language, records: Iterable[dict], path: str | Path, stats: AlignStats) -> int:
    """Convert records and write them as a DocBin; returns the number of docs."""
    db = DocBin(store_user_data=False)
    n = 0
    for rec in records:
        db.add(to_doc(nlp, rec, stats))
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def substitute_entities(records: list[dict], copies: int, seed: int) -> list[dict]:
    """`copies` altered copies of each record with entities, for training only: every
    PERSON/ORG/LOC span is replaced by another name of the same label drawn from the
    records themselves (source labels kept, offsets moved).

    A small corpus teaches a model the names it has seen; swapping them makes it
    learn the contexts (「〜に入社」, 「〜県知事」, 「〜選手」) that tell a name's kind,
    which is what an unseen name in news text needs.
    """
    import random

    rng = random.Random(seed)
    pool: dict[str, list[tuple[str, str]]] = {}
    for rec in records:
        for ent in rec.get("entities", []):
            text = rec["text"][ent["start"] : ent["end"]]
            label = map_label(ent["label"], text)
            if label in ("PERSON", "ORG", "LOC") and text.strip():
                pool.setdefault(label, []).append((text, ent["label"]))
    out: list[dict] = []
    for copy in range(copies):
        for n, rec in enumerate(records):
            ents = sorted(rec.get("entities", []), key=lambda e: (e["start"], -e["end"]))
            if not any(map_label(e["label"], rec["text"][e["start"] : e["end"]]) in pool for e in ents):
                continue
            text = rec["text"]
            pieces: list[str] = []
            new_ents: list[dict] = []
            pos = 0
            for ent in ents:
                start, end = int(ent["start"]), int(ent["end"])
                if start < pos:  # overlapping annotation: leave the record's rest as is
                    continue
                surface = text[start:end]
                label = map_label(ent["label"], surface)
                if label in pool:
                    surface, source_label = rng.choice(pool[label])
                else:
                    source_label = ent["label"]
                pieces.append(text[pos:start])
                new_start = sum(len(p) for p in pieces)
                pieces.append(surface)
                new_ents.append(
                    {"start": new_start, "end": new_start + len(surface), "label": source_label, "text": surface}
                )
                pos = end
            pieces.append(text[pos:])
            out.append({"text": "".join(pieces), "entities": new_ents, "curid": f"{rec.get('curid', n)}~{copy}"})
    return out
