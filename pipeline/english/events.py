"""CAMEO event coding of English articles: the English front end (frames from spaCy's
dependency parse, `pipeline.events.frames_en`) and the language-independent frame coder
(`pipeline.events.frame_coder`) with the English lexicon (`pipeline.events.lexicon_en`).
"""

from __future__ import annotations

from pipeline.events.frame_coder import Story, code_frames
from pipeline.events.frames_en import focus_state, frames_en
from pipeline.events.lexicon_en import EnglishLexicon
from pipeline.model import EventMention


def code_events_en(doc, embedded: bool = False) -> list[EventMention]:
    """EventMentions for every coded clause of an English Doc (parsed, with mentions)."""
    actors = doc._.actors or {}
    story = Story(doc._.published or "", focus_state(doc._.mentions or [], actors))
    return code_frames(frames_en(doc), actors, EnglishLexicon(), story, embedded=embedded)


__all__ = ["code_events_en"]
