"""spaCy component "dekigoto_actors": sets doc._.mentions and doc._.actors."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from pipeline.actors import link_actors, load_kb
from pipeline.actors.kb import LABEL_OF_TYPE
from pipeline.actors.linker import new_actor
from pipeline.nlp import register_doc_extensions
from pipeline.tokenizer import doc_text, is_unknown

# mention label of a model entity -> kind of new actor
MODEL_KIND = {"PERSON": "PER", "ORG": "ORG", "PLACE": "PLC"}
# a name followed by one of these is an attribute, not an actor (スラブ系, サウジ産, 英語)
ATTRIBUTE_SUFFIXES = frozenset("系産製語風式")


@lru_cache(maxsize=4)
def kb_for(overlay: str | None):
    """The knowledge base with the given overlay file, loaded once per process."""
    return load_kb(Path(overlay) if overlay else None)


class ActorLinker:
    def __init__(self, overlay: str | None = None, fuzzy: bool = True):
        register_doc_extensions()
        self.overlay = overlay
        self.fuzzy = fuzzy
        self.kb = kb_for(overlay)
        self.kb.build_indexes()  # with the pipeline, not in its first article

    def __call__(self, doc):
        mentions, actors = link_actors(doc, self.kb)
        if not self.fuzzy:
            mentions = [m for m in mentions if m.link_method != "fuzzy"]
            used = {m.actor_id for m in mentions}
            actors = {k: a for k, a in actors.items() if k in used}
        doc._.mentions = mentions
        doc._.actors = actors
        return doc


@Language.factory("dekigoto_actors", default_config={"overlay": None, "fuzzy": True})
def make_actor_linker(nlp: Language, name: str, overlay: str | None, fuzzy: bool):
    return ActorLinker(overlay=overlay, fuzzy=fuzzy)


def add_model_mentions(doc, kb, ner_spans) -> None:
    """The statistical NER's entities that no KB or rule mention covers become
    mentions (link_method "model"): of the KB actor when the name is a KB name
    the rules passed over (ベラルーシ in ベラルーシカリ), else of a new actor.
    Where they overlap a KB or rule mention, the KB wins. Updates
    doc._.mentions and doc._.actors."""
    from pipeline.ner.merge import model_mentions

    mentions, actors = doc._.mentions or [], doc._.actors
    org_suffixes = tuple(kb.lexicon.get("org_suffixes", ()))
    event_suffixes = tuple(kb.lexicon.get("event_suffixes", ()))
    extra = [
        m
        for m in model_mentions(ner_spans, mentions, doc._.sentences or [], text=doc_text(doc))
        if _plausible_name(doc, m.start, m.end, org_suffixes if m.label == "ORG" else ())
        and not _names_an_event(doc, m.start, m.end, event_suffixes)
    ]
    for m in extra:
        known = [e.key for e in kb.surfaces.get(m.text, []) if e.kind == "actor"]
        actor = kb.get(known[0]) if known else new_actor(m.text, MODEL_KIND[m.label], kb)
        m.actor_id = actor.actor_id
        m.label = LABEL_OF_TYPE.get(actor.type, m.label)
        actors.setdefault(actor.actor_id, actor)
    doc._.mentions = sorted([*mentions, *extra], key=lambda m: (m.start, m.end))


def _plausible_name(doc, start: int, end: int, org_suffixes: tuple[str, ...] = ()) -> bool:
    """A model entity worth a new actor: two characters or more, not an
    attribute (スラブ系, or with one inside: スラブ系民族), and with a proper noun or an unknown word in it, or,
    for organisations, an organisation suffix at its end (国土交通省) — not
    common-noun phrases such as 原油市場 or 連合国家."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or end - start < 2:
        return False
    text = doc_text(doc)
    if end < len(text) and text[end] in ATTRIBUTE_SUFFIXES:
        return False
    if any(t.text in ATTRIBUTE_SUFFIXES and t.tag_.startswith("接尾辞") for t in span[1:]):
        return False  # the attribute inside the entity: スラブ系民族, 中国製品
    if org_suffixes and text[start:end].endswith(org_suffixes):
        return True
    return any(is_name_like(t) for t in span)


def _names_an_event(doc, start: int, end: int, event_suffixes: tuple[str, ...]) -> bool:
    """A place name with an event suffix in or right after the entity names a meeting,
    treaty or the like, not an actor: サンフランシスコ会議, ヤルタ(会談), ミンスク合意
    (the lexicon's `event_suffixes`, which the rules apply to KB places too)."""
    if not event_suffixes:
        return False
    text = doc_text(doc)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or "地名" not in span[0].tag_:
        return False
    return text[start:end].endswith(event_suffixes) or text.startswith(event_suffixes, end)


def is_name_like(token) -> bool:
    """A proper noun, or a word UniDic does not know that has letters (not a number)."""
    return name_like_word(token.text, token.tag_, is_unknown(token))


def name_like_word(word: str, tag: str, unknown: bool) -> bool:
    """`is_name_like` on a token's text, UniDic tag and unknown-word flag."""
    if "固有名詞" in tag:
        return True
    return unknown and "数詞" not in tag and any(ch.isalpha() for ch in word)
