"""CAMEO event coding of English articles: the English front end (frames from spaCy's
dependency parse, `pipeline.events.frames_en`) and the language-independent frame coder
(`pipeline.events.frame_coder`) with the English lexicon (`pipeline.events.lexicon_en`).
"""

from __future__ import annotations

from pipeline.events.frame_coder import Story, code_frames
from pipeline.events.frames_en import focus_state, frames_en
from pipeline.events.lexicon_en import EnglishLexicon
from pipeline.model import EventMention


def code_events_en(doc, embedded: bool = False, kb=None) -> list[EventMention]:
    """EventMentions for every coded clause of an English Doc (parsed, with mentions).
    `kb`: the knowledge base the actors were linked with (default: the packaged one)."""
    if kb is None:
        from pipeline.actors import load_kb

        kb = load_kb()
    actors = doc._.actors or {}

    def party(actor_id: str, date: str) -> str:
        return kb.party(actor_id, date, actors.get(actor_id))

    from pipeline.events.coder import _protagonist

    mentions = doc._.mentions or []
    story = Story(
        doc._.published or "", focus_state(mentions, actors), party, _protagonist(mentions, actors)
    )
    return code_frames(frames_en(doc), actors, EnglishLexicon(), story, embedded=embedded)


__all__ = ["code_events_en"]
