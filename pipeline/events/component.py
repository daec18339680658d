"""spaCy component "dekigoto_events": doc._.events, read by the configured reader.

Config: `reader` ("ja.v1" clause heuristics, the default; "ja.v2" dependency parses
read into frames: `pipeline.events.readers`; None: $DEKIGOTO_EVENTS_READER, else the
default), `embedded` (also the acts demanded or
considered). With a reader that reads parses, the component parses the sentences it
needs itself, those of a batch of Docs in one model call (`pipe`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.events.lexicon import load_lexicon
from pipeline.events.readers import default_reader, get_reader
from pipeline.related_links import link_lists


class EventCoder:
    def __init__(self, nlp: Language, name: str, embedded: bool = False, reader: str | None = None):
        self.name = name
        self.embedded = embedded
        self.reader = get_reader(reader or default_reader())
        load_lexicon()  # read with the pipeline, not in its first article
        if self.reader.parses:
            from pipeline.parser.component import load_model

            load_model()

    def __call__(self, doc: Doc) -> Doc:
        return self.pipe([doc])[0]

    def pipe(self, docs, batch_size: int = 64) -> list[Doc]:
        docs = list(docs)
        parses: list = [None] * len(docs)
        links_of = [link_lists(doc) for doc in docs]  # other stories' headlines: no events
        if self.reader.parses:
            from pipeline.events.frames_ja import units
            from pipeline.events.readers import sentences
            from pipeline.parser.component import parse_units

            parses = []
            for i in range(0, len(docs), batch_size):
                batch = zip(docs[i : i + batch_size], links_of[i : i + batch_size], strict=True)
                parses += parse_units([(doc, units(doc, sentences(doc, links=links))) for doc, links in batch])
        for doc, parsed, links in zip(docs, parses, links_of, strict=True):
            events = self.reader.read(doc, parsed, self.embedded)
            doc._.events = [e for e in events if e.sentence_id not in links]
        return docs


@Language.factory("dekigoto_events", default_config={"embedded": False, "reader": None})
def make_event_coder(nlp: Language, name: str, embedded: bool = False, reader: str | None = None) -> EventCoder:
    return EventCoder(nlp, name, embedded, reader)
