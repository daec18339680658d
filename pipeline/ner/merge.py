"""The model's entities as mentions beside the knowledge base's and the rules'.

Mentions are maximal names: a model entity that strictly contains KB or rule
mentions which may give way (日本 in 日本銀行, 東京 in 東京大学) replaces them; one
that crosses or equals a mention, or contains one that may not give way (an
abbreviation such as 日米, an anaphor), loses to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pipeline.model import Mention, Sentence
from pipeline.ner.labels import MENTION_LABEL

# how sure the model must be of a longer name to replace the KB's and rules' mentions in
# it: in the dev news articles its wrong longer names (韓国ネット, 独島セレモニー) had
# 0.80-0.81, its right ones (独島警備隊, 韓国芸術総合大学) 0.93-1.0
REPLACE_PROBABILITY = 0.9
# ... and of a longer name that ends in a word naming its kind (横浜市都市整備局, 東京競馬倶楽部,
# アメリカ食品医薬品局: 0.75-0.84 on the held-out wiki pages)
KIND_PROBABILITY = 0.7


def model_mentions(
    ner_spans: Iterable[Sequence],
    kb_mentions: Iterable[Mention],
    sentences: Iterable[Sentence],
    *,
    text: str | None = None,
    min_score: float = 0.0,
    gives_way: Callable[[Mention, str], bool] | None = None,
    replace_probability: float = REPLACE_PROBABILITY,
    gives_way_unsure: Callable[[Mention, int, int, str], bool] | None = None,
    kind_words: tuple[str, ...] = (),
    kind_probability: float = KIND_PROBABILITY,
    organ: Callable[[Mention], bool] | None = None,
) -> list[Mention]:
    """Mentions for the model's spans that no KB/rule mention overlaps, or that are a
    longer name around mentions that give way to it.

    `ner_spans` are `doc._.ner_spans` items (start, end, label, score[, probability]) with
    model labels PERSON / ORG / LOC (LOC becomes PLACE: states are in the KB). A span that
    overlaps a mention in `kb_mentions` is dropped (the KB link wins), unless it strictly
    contains every mention it overlaps, all of which give way to a mention of its label
    (`gives_way(mention, label)`), and the model is sure of it (probability, 1 when not
    given, at least `replace_probability`) or they all give way to any longer name
    (`gives_way_unsure(mention, start, end, label)`: a place only the gazetteer knows, a
    place before a name, 東京|ヴェルディ), or the longer name ends in a word of `kind_words` (局,
    倶楽部: what names an organisation or place; needs `text`) and the model is fairly sure
    of it (`kind_probability`): then the model's longer name is kept (ORG
    東京大学 around the KB place 東京) and the caller drops or keeps the mentions inside it
    (`contained_mentions`). One mention inside that does not give way but is an `organ`
    (ドイツ軍 in ドイツ軍兵器局, 北京政府 in 中華民国北京政府: what the rules composed) lets a
    longer name the model is sure of stand, when no other word comes before it: the
    caller links the longer name to the organ's actor. The returned mentions have
    `link_method="model"`, `confidence=score`, `actor_id=""` (the caller assigns a new-actor
    id), the sentence id of the sentence containing their start (-1 if none), and their
    text from `text` (the analysis text) if given, else from the sentence's text.
    """
    kb_mentions = list(kb_mentions)
    sents = sorted(sentences, key=lambda s: s.start)
    out: list[Mention] = []
    for item in ner_spans:
        start, end, label, score = int(item[0]), int(item[1]), str(item[2]), float(item[3])
        probability = float(item[4]) if len(item) > 4 else 1.0
        mention_label = MENTION_LABEL.get(label)
        if mention_label is None or end <= start or score < min_score:
            continue
        if any(start < m.end and m.start < end for m in out):
            continue  # another model span took it
        overlapping = [m for m in kb_mentions if start < m.end and m.start < end]
        if overlapping and not (
            gives_way is not None
            and all(_strictly_inside(m.start, m.end, start, end) for m in overlapping)
            and (
                (
                    (
                        probability >= replace_probability
                        or (probability >= kind_probability and text is not None and text[start:end].endswith(kind_words))
                        or (gives_way_unsure is not None and all(gives_way_unsure(m, start, end, mention_label) for m in overlapping))
                    )
                    and all(gives_way(m, mention_label) for m in overlapping)
                )
                or (probability >= replace_probability and _around_organ(overlapping, start, mention_label, gives_way, organ))
            )
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
    return out


def unseen_names(checked: Iterable[Mention], ner_spans: Iterable[Sequence]) -> list[Mention]:
    """The mentions of `checked` that no span of the model overlaps (the model read
    the text around them and saw no entity there)."""
    spans = [(int(s[0]), int(s[1])) for s in ner_spans]
    return [m for m in checked if not any(a < m.end and m.start < b for a, b in spans)]


def _around_organ(inside: list[Mention], start: int, label: str, gives_way, organ) -> bool:
    """Are the mentions `inside` a longer name one organ (`organ`) and, before it, mentions
    that give way (中華民国|北京政府), nothing else before it (not ナチス|政権)?"""
    if organ is None:
        return False
    kept = [m for m in inside if not gives_way(m, label)]
    if len(kept) != 1 or not organ(kept[0]):
        return False
    before = sorted((m for m in inside if m.end <= kept[0].start), key=lambda m: m.start)
    edge = start
    for m in before:
        if m.start != edge:
            return False
        edge = m.end
    return edge == kept[0].start


def _strictly_inside(start: int, end: int, outer_start: int, outer_end: int) -> bool:
    return outer_start <= start and end <= outer_end and (end - start) < (outer_end - outer_start)


def contained_mentions(outer: Mention, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions strictly inside `outer` (those a longer model name replaces)."""
    return [m for m in mentions if _strictly_inside(m.start, m.end, outer.start, outer.end)]
