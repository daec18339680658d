"""The packaged NER is an ensemble: beam `ner` components trained alike with different
seeds ("members", pipes `ner`, `ner_2`, ...), which make different mistakes.

Each member's beam gives every candidate span a probability (the share of the beam's
parses that contain it). The ensemble's probability of a span is the members' mean;
spans of probability >= `THRESHOLD` are kept, most probable first, none overlapping.

Where the first member is sure of every span it considered (all probabilities within
`UNSURE` of 0 or 1) the others are not run: they could rarely turn such a decision. The
default is the widest margin that scored within 0.001 F1 of running every member
everywhere on the development data (docs/ner.md, "Ensemble"); the component's `unsure`
setting trades a little accuracy for speed.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

THRESHOLD = 0.5
UNSURE = 0.1
FIRST = "ner"

# (start token, end token, label) -> probability, for one doc
SpanScores = dict[tuple[int, int, str], float]


def member_names(nlp: Language) -> list[str]:
    """The ensemble's pipes in order: `ner` first, then `ner_2`, `ner_3`, ..."""
    rest = sorted(
        (n for n in nlp.pipe_names if n.startswith(FIRST + "_") and n[len(FIRST) + 1 :].isdigit()),
        key=lambda n: int(n[len(FIRST) + 1 :]),
    )
    return [FIRST, *rest]


def span_scores(nlp: Language, name: str, docs: Sequence[Doc]) -> list[SpanScores]:
    """One member's span probabilities from its beam, per doc."""
    pipe = nlp.get_pipe(name)
    out: list[SpanScores] = []
    todo = [d for d in docs if len(d)]
    scored = iter(pipe.scored_ents(pipe.predict(todo)) if todo else ())
    for doc in docs:
        out.append(dict(next(scored)) if len(doc) else {})
    return out


def is_unsure(scores: SpanScores, margin: float = UNSURE) -> bool:
    return any(margin < p < 1 - margin for p in scores.values())


def ensemble_scores(
    nlp: Language, docs: Sequence[Doc], unsure: float = UNSURE, members: Sequence[str] | None = None
) -> list[SpanScores]:
    """Mean span probabilities over the members (or the named ones); the first alone
    where it is sure (`unsure = 0` runs every member on every doc)."""
    names = list(members or member_names(nlp))
    first = span_scores(nlp, names[0], docs)
    if len(names) == 1:
        return first
    todo = [i for i, s in enumerate(first) if not unsure or is_unsure(s, unsure)]
    if not todo:
        return first
    others = [span_scores(nlp, name, [docs[i] for i in todo]) for name in names[1:]]
    out = list(first)
    for k, i in enumerate(todo):
        mean: SpanScores = {}
        for scores in (first[i], *(o[k] for o in others)):
            for key, p in scores.items():
                mean[key] = mean.get(key, 0.0) + p / len(names)
        out[i] = mean
    return out


def decode(scores: SpanScores, threshold: float = THRESHOLD) -> list[tuple[int, int, str, float]]:
    """Non-overlapping spans of probability >= threshold, most probable first (ties: the
    earlier, then the longer span), returned in text order."""
    chosen: list[tuple[int, int, str, float]] = []
    for (start, end, label), p in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0][0], -kv[0][1], kv[0][2])):
        if p < threshold:
            break
        if any(start < e and s < end for s, e, _, _ in chosen):
            continue
        chosen.append((start, end, label, p))
    return sorted(chosen)


def entities(
    nlp: Language, docs: Sequence[Doc], unsure: float = UNSURE, members: Sequence[str] | None = None
) -> list[list[tuple[int, int, str, float]]]:
    """Per doc: (start_char, end_char, label, probability) of the ensemble's entities."""
    out = []
    for doc, scores in zip(docs, ensemble_scores(nlp, docs, unsure, members), strict=True):
        out.append([(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), lab, p) for s, e, lab, p in decode(scores)])
    return out
