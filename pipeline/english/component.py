"""spaCy components of the English pipeline (see pipeline.english)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SentenceBoundaries:
    """Marks where the text layer's sentences (doc._.sentences) start, so that the parser
    does not build a tree across two rows of the sentences table. Other boundaries are
    left to the parser (it may still split a long text-layer sentence)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        starts = {s.start for s in getattr(doc._, "sentences", None) or []}
        if not starts:
            return doc
        for tok in doc:
            if tok.idx in starts and not tok.is_space:
                tok.is_sent_start = True
        return doc


class EnglishDates:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.dates.english import tag_dates_en

        doc._.dates = tag_dates_en(doc.text, doc._.published or "", doc._.sentences)
        return doc


class EnglishActors:
    def __init__(self, nlp: Language, name: str, overlay: str | None = None):
        self.name = name
        from pipeline.actors.component import kb_for

        self.kb = kb_for(overlay)

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.english.actors import link_actors_en

        doc._.mentions, doc._.actors = link_actors_en(doc, self.kb)
        return doc


class EnglishEvents:
    def __init__(self, nlp: Language, name: str, embedded: bool = False, overlay: str | None = None):
        self.name = name
        self.embedded = embedded
        from pipeline.actors.component import kb_for

        self.kb = kb_for(overlay)

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.english.events import code_events_en

        doc._.events = code_events_en(doc, embedded=self.embedded, kb=self.kb)
        return doc


@Language.factory("dekigoto_en_sentences")
def make_sentence_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    return SentenceBoundaries(nlp, name)


@Language.factory("dekigoto_en_dates")
def make_english_dates(nlp: Language, name: str) -> EnglishDates:
    return EnglishDates(nlp, name)


@Language.factory("dekigoto_en_actors", default_config={"overlay": None})
def make_english_actors(nlp: Language, name: str, overlay: str | None) -> EnglishActors:
    return EnglishActors(nlp, name, overlay)


@Language.factory("dekigoto_en_events", default_config={"embedded": False, "overlay": None})
def make_english_events(
    nlp: Language, name: str, embedded: bool, overlay: str | None
) -> EnglishEvents:
    return EnglishEvents(nlp, name, embedded, overlay)
