"""Attachment scores of predicted trees against gold trees on the same tokens."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

# argument and clause relations, scored on their own (the ones the event coder reads;
# GSD marks no iobj)
CORE = ("nsubj", "obj", "obl", "csubj", "ccomp", "acl", "advcl")


def attachment_scores(pairs: Iterable[tuple[Doc, Doc]]) -> dict:
    """UAS and LAS over (predicted, gold) Doc pairs with the same tokens, twice: over all
    tokens, and without punctuation (as spaCy's scorer counts); plus per-relation
    label-and-head recall and precision for the core relations."""
    n = Counter()
    gold_rel, pred_rel, right_rel = Counter(), Counter(), Counter()
    for pred, gold in pairs:
        if [t.text for t in pred] != [t.text for t in gold]:
            raise ValueError(f"tokens differ: {pred.text!r}")
        for p, g in zip(pred, gold, strict=True):
            punct = g.dep_ == "punct"
            head_ok = p.head.i == g.head.i
            label_ok = head_ok and p.dep_.lower() == g.dep_.lower()
            for scope in ("all", "no_punct"):
                if scope == "no_punct" and punct:
                    continue
                n[f"{scope}_tokens"] += 1
                n[f"{scope}_uas"] += head_ok
                n[f"{scope}_las"] += label_ok
            gold_rel[g.dep_] += 1
            pred_rel[p.dep_] += 1
            right_rel[g.dep_] += label_ok
    out = {
        "tokens": n["all_tokens"],
        "uas": round(n["all_uas"] / max(n["all_tokens"], 1), 4),
        "las": round(n["all_las"] / max(n["all_tokens"], 1), 4),
        "uas_no_punct": round(n["no_punct_uas"] / max(n["no_punct_tokens"], 1), 4),
        "las_no_punct": round(n["no_punct_las"] / max(n["no_punct_tokens"], 1), 4),
        "relations": {},
    }
    for rel in CORE:
        p = right_rel[rel] / pred_rel[rel] if pred_rel[rel] else 0.0
        r = right_rel[rel] / gold_rel[rel] if gold_rel[rel] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out["relations"][rel] = {"p": round(p, 3), "r": round(r, 3), "f": round(f, 3), "n": gold_rel[rel]}
    return out


def format_scores(results: dict[str, dict]) -> str:
    """A markdown table of attachment scores per set."""
    lines = [
        "| set | tokens | UAS | LAS | UAS (no punct) | LAS (no punct) | " + " | ".join(f"{r} F1" for r in CORE) + " |",
        "|---|---|---|---|---|---|" + "---|" * len(CORE),
    ]
    for name, s in results.items():
        rels = " | ".join(f"{s['relations'][r]['f']:.3f}" for r in CORE)
        lines.append(
            f"| {name} | {s['tokens']:,} | {s['uas']:.3f} | {s['las']:.3f} | {s['uas_no_punct']:.3f} | {s['las_no_punct']:.3f} | {rels} |"
        )
    return "\n".join(lines)
