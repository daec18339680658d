"""spaCy component "dekigoto_actors": sets doc._.mentions and doc._.actors."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from pipeline.actors import link_actors, load_kb
from pipeline.nlp import register_doc_extensions


@lru_cache(maxsize=4)
def _kb_for(overlay: str | None):
    return load_kb(Path(overlay) if overlay else None)


class ActorLinker:
    def __init__(self, overlay: str | None = None, fuzzy: bool = True):
        register_doc_extensions()
        self.overlay = overlay
        self.fuzzy = fuzzy
        self.kb = _kb_for(overlay)

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
