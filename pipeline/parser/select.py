"""Which sentences are worth a parse: those where an event can be coded.

A sentence qualifies when it holds a trigger of the event lexicon (a verb or
サ変 noun lemma, or two or three tokens whose joined lemmas or words are one, or
quoted words or a clause marked と under する: 「…」としている) and mentions of at least `min_actors` distinct actors. The event coder may pick
its sentences otherwise; this is the default of the "candidates" mode of the
`dekigoto_parser` component and what docs/parser.md measures.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LEMMA, ORTH
from spacy.tokens import Doc


@lru_cache(maxsize=1)
def trigger_lemmas() -> tuple[frozenset[str], frozenset[str], int]:
    """(the event lexicon's trigger lemmas, the lemma strings that start a longer one, the
    most tokens a trigger spans)."""
    from pipeline.events.lexicon import load_lexicon

    lex = load_lexicon()
    triggers = frozenset(lex.entries)
    prefixes = frozenset(t[:k] for t in triggers for k in range(1, len(t)))
    return triggers, prefixes, lex.max_trigger_tokens


def has_trigger(lemmas: list[str]) -> bool:
    """Does a trigger (one lemma, or two or three joined) start at one of these tokens?"""
    triggers, prefixes, max_tokens = trigger_lemmas()
    n = len(lemmas)
    for i in range(n):
        text = lemmas[i]
        if text in triggers:
            return True
        j = i + 1
        while text in prefixes and j < n and j < i + max_tokens:
            text += lemmas[j]
            if text in triggers:
                return True
            j += 1
    return False


def written_lemmas(words: list[str], lemmas: list[str]) -> list[str]:
    """The lemmas as written (刺した: 刺す, not UniDic's 差す; `lexicon.written_lemma`)."""
    from pipeline.events.lexicon import written_lemma

    return [written_lemma(w, lemma) for w, lemma in zip(words, lemmas, strict=True)]


def holds_trigger(words: list[str], lemmas: list[str]) -> bool:
    """Do these tokens hold a trigger, read as the coder reads them: by lemmas, by words
    (お悔やみ: 御 + 悔やみ) and by lemmas as written (刺した: 刺す), or a statement made with
    する (`states_with_suru`)?"""
    return (
        has_trigger(lemmas) or has_trigger(words) or has_trigger(written_lemmas(words, lemmas))
        or states_with_suru(words, lemmas)
    )  # fmt: skip


# what ends quoted words or a clause before と in 「…」とした / …はないとしている
QUOTE_CLOSERS = frozenset("」』")
CLAUSE_ENDINGS = frozenset({"だ", "ない", "た", "る", "う", "い", "す", "ぬ", "ず"})
DO_LEMMAS = frozenset({"為る", "する"})


def states_with_suru(words: list[str], lemmas: list[str]) -> bool:
    """「…」とした, …に当たるとし、, 根拠はないとしている: する after quoted words or a clause
    marked と is a statement (the coder's `frames_ja._states`) with no trigger of the lexicon;
    として after a noun (代表として) and 〜として + a verb (…したとして逮捕された: the reason
    given) and …としたら / とすれば (supposing) say nothing."""
    n = len(words)
    for i in range(1, n - 1):
        if words[i] != "と" or lemmas[i + 1] not in DO_LEMMAS:
            continue
        before = words[i - 1]
        if before[-1:] not in QUOTE_CLOSERS and before[-1:] not in CLAUSE_ENDINGS:
            continue
        after = words[i + 2] if i + 2 < n else ""
        if after == "て" and (words[i + 3] if i + 3 < n else "") not in ("いる", "い", "おり", "おる", "居る"):
            continue  # …したとして: the reason, not words said
        if after in ("たら", "ば", "と", "なら") or words[i + 1] == "すれ":
            continue  # …としたら, とすれば, とすると: supposing
        return True
    return False


def candidate_sentences(doc: Doc, spans: list[tuple[int, int]], min_actors: int = 2) -> list[tuple[int, int]]:
    """The spans (sentences) of `doc` with mentions of `min_actors` distinct actors
    (`doc._.mentions`, filled by "dekigoto_actors") and a trigger. Actors are counted
    first: most sentences stop there, before any lemma is read."""
    mentions = sorted((m.start, m.actor_id) for m in (doc._.mentions or ()))
    mention_starts = [s for s, _ in mentions]
    arr = None
    out = []
    for start, end in spans:
        a, b = bisect.bisect_left(mention_starts, start), bisect.bisect_left(mention_starts, end)
        if len({actor for _, actor in mentions[a:b]}) < min_actors:
            continue
        if arr is None:
            arr = doc.to_array([IDX, LEMMA, ORTH]) if len(doc) else numpy.zeros((0, 3), dtype="uint64")
            starts = arr[:, 0].tolist()
        i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        strings = doc.vocab.strings
        # the coder looks triggers up by joined lemmas and by joined words (お悔やみ: 御 + 悔やみ)
        if holds_trigger([strings[x] for x in arr[i:j, 2].tolist()], [strings[x] for x in arr[i:j, 1].tolist()]):
            out.append((start, end))
    return out
