"""Exact-match, character-offset precision/recall/F1 per label.

Gold spans are the source annotations after label mapping, at their original
character offsets (so spans that do not fall on token boundaries count as misses).
Predictions that overlap a gold span whose label is unknown (`MISSING`, e.g. a GSD
NORP that is a nationality or religion) are ignored: neither right nor wrong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipeline.ner.labels import MISSING, MODEL_LABELS

Spans = Iterable[tuple[int, int, str]]


class Scorer:
    def __init__(self, labels: Iterable[str] = MODEL_LABELS):
        self.labels = tuple(labels)
        self.tp: Counter = Counter()
        self.fp: Counter = Counter()
        self.fn: Counter = Counter()

    def add(self, gold: Spans, pred: Spans) -> None:
        gold = list(gold)
        unknown = [(s, e) for s, e, lab in gold if lab == MISSING]
        gold_set = {(s, e, lab) for s, e, lab in gold if lab in self.labels}
        pred_set = set()
        for s, e, lab in pred:
            if lab not in self.labels:
                continue
            if (s, e, lab) not in gold_set and any(s < ue and us < e for us, ue in unknown):
                continue
            pred_set.add((s, e, lab))
        for _, _, lab in gold_set & pred_set:
            self.tp[lab] += 1
        for _, _, lab in pred_set - gold_set:
            self.fp[lab] += 1
        for _, _, lab in gold_set - pred_set:
            self.fn[lab] += 1

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n": tp + fn}

    def scores(self) -> dict[str, dict[str, float]]:
        out = {lab: self._prf(self.tp[lab], self.fp[lab], self.fn[lab]) for lab in self.labels}
        out["micro"] = self._prf(
            sum(self.tp[x] for x in self.labels),
            sum(self.fp[x] for x in self.labels),
            sum(self.fn[x] for x in self.labels),
        )
        return out


def format_table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """Markdown table: one row per (evaluation set, system), P/R/F1 per label."""
    cols = (*MODEL_LABELS, "micro")
    head = "| set | system | " + " | ".join(f"{c} P / R / F1" for c in cols) + " |"
    sep = "|---|---|" + "---|" * len(cols)
    rows = [head, sep]
    for key, sc in results.items():
        name, _, system = key.partition(" :: ")
        cells = []
        for c in cols:
            v = sc.get(c, {})
            cells.append(
                f"{v.get('p', 0):.3f} / {v.get('r', 0):.3f} / **{v.get('f', 0):.3f}** (n={v.get('n', 0)})"
            )
        rows.append(f"| {name} | {system} | " + " | ".join(cells) + " |")
    return "\n".join(rows)
