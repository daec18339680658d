"""Model-only entities as new-actor mentions, for the actors stage to consume."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pipeline.model import Mention, Sentence
from pipeline.ner.labels import MENTION_LABEL


def model_mentions(
    ner_spans: Iterable[Sequence],
    kb_mentions: Iterable[Mention],
    sentences: Iterable[Sentence],
    *,
    text: str | None = None,
    min_score: float = 0.0,
    keep_containing: bool = False,
) -> list[Mention]:
    """Mentions for the model's spans that no KB/rule mention overlaps.

    `ner_spans` are `doc._.ner_spans` items (start, end, label, score) with model labels
    PERSON / ORG / LOC (LOC becomes PLACE: states are in the KB). A span that overlaps any
    mention in `kb_mentions` is dropped (the KB link wins). The returned mentions have
    `link_method="model"`, `confidence=score`, `actor_id=""` (the caller assigns a new-actor
    id), the sentence id of the sentence containing their start (-1 if none), and their
    text from `text` (the analysis text) if given, else from the sentence's text.

    With `keep_containing=True`, a model span that strictly contains KB mentions (and
    crosses none) is kept, e.g. ORG 東京大学 around the KB place 東京; the caller then drops
    those inner KB mentions (`contained_kb_mentions`). Default: the KB always wins.
    """
    taken = [(m.start, m.end) for m in kb_mentions]
    sents = sorted(sentences, key=lambda s: s.start)
    out: list[Mention] = []
    for item in ner_spans:
        start, end, label, score = int(item[0]), int(item[1]), str(item[2]), float(item[3])
        mention_label = MENTION_LABEL.get(label)
        if mention_label is None or end <= start or score < min_score:
            continue
        overlapping = [(a, b) for a, b in taken if start < b and a < end]
        if overlapping and not (
            keep_containing and all(_strictly_inside(a, b, start, end) for a, b in overlapping)
        ):
            continue
        sent = next((s for s in sents if s.start <= start < s.end), None)
        if text is not None:
            surface = text[start:end]
        elif sent is not None and sent.text:
            surface = sent.text[start - sent.start : end - sent.start]
        else:
            surface = ""
        out.append(
            Mention(
                start=start,
                end=end,
                text=surface,
                label=mention_label,
                actor_id="",
                link_method="model",
                confidence=score,
                sentence_id=sent.sentence_id if sent is not None else -1,
            )
        )
        taken.append((start, end))
    return out


def _strictly_inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end and (end - start) < (outer_end - outer_start)


def contained_kb_mentions(
    model: Iterable[Mention], kb_mentions: Iterable[Mention]
) -> list[Mention]:
    """KB mentions strictly inside one of the `model` mentions (from `keep_containing=True`)."""
    outer = [(m.start, m.end) for m in model]
    return [k for k in kb_mentions if any(_strictly_inside(k.start, k.end, a, b) for a, b in outer)]
