"""spaCy component "dekigoto_events": doc._.events = code_events(doc)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.coder import code_events
from pipeline.events.lexicon import load_lexicon


class EventCoder:
    def __init__(self, nlp: Language, name: str, embedded: bool = False):
        self.name = name
        self.embedded = embedded
        load_lexicon()  # read with the pipeline, not in its first article

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_events(doc, embedded=self.embedded)
        return doc


@Language.factory("dekigoto_events", default_config={"embedded": False})
def make_event_coder(nlp: Language, name: str, embedded: bool = False) -> EventCoder:
    return EventCoder(nlp, name, embedded)
