"""Event coding: who did what to whom, when, from Japanese sentences, in CAMEO.

code_events(doc) -> list[EventMention]      one per coded clause
merge_events(mentions, actors) -> list[MergedEvent]   one per happening
load_cameo() -> dict[code, CameoCode]
"""

from pipeline.events.cameo import CameoCode, load_cameo
from pipeline.events.coder import code_events
from pipeline.events.lexicon import load_lexicon
from pipeline.events.merge import MergedEvent, merge_events

__all__ = ["CameoCode", "MergedEvent", "code_events", "load_cameo", "load_lexicon", "merge_events"]
