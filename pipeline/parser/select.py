"""Which sentences are worth a parse: those where an event can be coded.

A sentence qualifies when it holds a trigger of the event lexicon (a verb or
サ変 noun lemma, or two or three tokens whose joined lemmas are one) and
mentions of at least `min_actors` distinct actors. The event coder may pick
its sentences otherwise; this is the default of the "candidates" mode of the
`dekigoto_parser` component and what docs/parser.md measures.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX, LEMMA
from spacy.tokens import Doc


def trigger_lemmas() -> tuple[frozenset[str], int]:
    """(the event lexicon's trigger lemmas, the most tokens a trigger spans)."""
    from pipeline.events.lexicon import load_lexicon

    lex = load_lexicon()
    return frozenset(lex.entries), lex.max_trigger_tokens


def trigger_positions(doc: Doc, triggers: frozenset[str], max_tokens: int) -> list[int]:
    """Character offsets of the tokens that start a trigger."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    arr = doc.to_array([IDX, LEMMA]).tolist()
    lemmas = [strings[x] for _, x in arr]
    out = []
    for i, (idx, _) in enumerate(arr):
        text = ""
        for j in range(i, min(len(lemmas), i + max_tokens)):
            text += lemmas[j]
            if text in triggers:
                out.append(idx)
                break
    return out


def candidate_sentences(doc: Doc, spans: list[tuple[int, int]], min_actors: int = 2) -> list[tuple[int, int]]:
    """The spans (sentences) of `doc` with a trigger and mentions of `min_actors` distinct
    actors (`doc._.mentions`, filled by "dekigoto_actors")."""
    triggers, max_tokens = trigger_lemmas()
    starts = sorted(trigger_positions(doc, triggers, max_tokens))
    mentions = sorted((m.start, m.actor_id) for m in (doc._.mentions or ()))
    mention_starts = [s for s, _ in mentions]
    out = []
    for start, end in spans:
        k = bisect.bisect_left(starts, start)
        if k >= len(starts) or starts[k] >= end:
            continue
        a, b = bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, end)
        if len({actor for _, actor in mentions[a:b]}) >= min_actors:
            out.append((start, end))
    return out
