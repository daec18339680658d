"""CAMEO event coding of English articles: the English front end (frames from spaCy's
dependency parse, `pipeline.events.frames_en`) and the language-independent frame coder
(`pipeline.events.frame_coder`) with the English lexicon (`pipeline.events.lexicon_en`).
"""

from __future__ import annotations

from pipeline.events.frame_coder import Story, code_frames, kb_callables
from pipeline.events.frames_en import focus_state, frames_en
from pipeline.events.lexicon_en import EnglishLexicon
from pipeline.model import EventMention


def code_events_en(doc, embedded: bool = False, kb=None) -> list[EventMention]:
    """EventMentions for every coded clause of an English Doc (parsed, with mentions).
    `kb`: the knowledge base the actors were linked with (default: the packaged one)."""
    from pipeline.events.coder import _protagonist

    if kb is None:
        from pipeline.actors import load_kb

        kb = load_kb()
    if doc._.actors is None:
        doc._.actors = {}
    actors = doc._.actors  # an implied agent (was arrested: the authorities) is added here
    mentions = doc._.mentions or []
    story = Story(
        doc._.published or "", focus_state(mentions, actors),
        protagonist=_protagonist(mentions, actors), **kb_callables(kb, actors),
    )  # fmt: skip
    return code_frames(frames_en(doc), actors, EnglishLexicon(), story, embedded=embedded)


__all__ = ["code_events_en"]
