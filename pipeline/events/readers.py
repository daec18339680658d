"""The event readers of Japanese text, by registered name (config `reader` of "dekigoto_events").

- "ja.v1": the clause-heuristic coder (`events/coder.py`: its own chunker, case frame
  and role finder over the tokens of every sentence);
- "ja.v2": the dependency parser (`pipeline.parser`) on the sentences where an event
  can be coded, read into frames (`events/frames_ja.py`) and coded by the
  language-independent coder (`events/frame_coder.py`), then the story-level rules
  v1 applies too (a reporting verb whose content was coded is no event, a newspaper's
  report of someone else's act is attribution, reactions take the act they react to,
  places do not act, media act only in words).

A reader is a function (doc, parses, embedded) -> list[EventMention]; `parses` are the
`ParsedSentence`s the component parsed for it (`sentences(doc)` says which), or None
for a reader that needs none.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.model import EventMention
from pipeline.related_links import link_lists

DEFAULT_READER = "ja.v2"
# the environment variable that picks another reader for a run (DEKIGOTO_EVENTS_READER=ja.v1)
READER_ENV = "DEKIGOTO_EVENTS_READER"
# which sentences "ja.v2" parses: those with a trigger and actors of at least this many
MIN_ACTORS = 1


@dataclass(frozen=True)
class Reader:
    name: str
    read: Callable[..., list[EventMention]]
    parses: bool  # does it read the dependency parser's output?


def _read_v1(doc: Doc, parses=None, embedded: bool = False) -> list[EventMention]:
    from pipeline.events.coder import code_events

    return code_events(doc, embedded=embedded)


def _read_v2(doc: Doc, parses=None, embedded: bool = False) -> list[EventMention]:
    return read_events(doc, parses or [], embedded)


READERS = {
    "ja.v1": Reader("ja.v1", _read_v1, parses=False),
    "ja.v2": Reader("ja.v2", _read_v2, parses=True),
}


def default_reader() -> str:
    """The reader of this run: $DEKIGOTO_EVENTS_READER, else DEFAULT_READER."""
    return os.environ.get(READER_ENV) or DEFAULT_READER


def get_reader(name: str) -> Reader:
    if name not in READERS:
        raise ValueError(f"dekigoto_events: unknown reader {name!r} (known: {', '.join(READERS)})")
    return READERS[name]


def sentences(doc: Doc, min_actors: int = MIN_ACTORS, links: set[int] | None = None) -> list[tuple[int, int]]:
    """The sentences "ja.v2" parses: a trigger of the lexicon and `min_actors` actors, not
    in a related-link list."""
    from pipeline.parser.select import candidate_sentences

    links = link_lists(doc) if links is None else links
    spans = [(s.start, s.end) for s in doc._.sentences or () if s.sentence_id not in links]
    return candidate_sentences(doc, spans, min_actors)


def read_events(doc: Doc, parses, embedded: bool = False) -> list[EventMention]:
    """Reader "ja.v2": frames of the parsed sentences coded by `frame_coder` (with its story
    rules: who can act, reaction targets), then per sentence the v1 coder's rules on
    reporting verbs whose content was coded and on attribution to news outlets."""
    from pipeline.actors.kb import default_kb
    from pipeline.events import coder as v1
    from pipeline.events.frame_coder import Story, code_frames, kb_callables
    from pipeline.events.frames_ja import frames_ja
    from pipeline.events.lexicon import JapaneseLexicon

    if doc._.actors is None:
        doc._.actors = {}
    actors = doc._.actors
    mentions = sorted(doc._.mentions or [], key=lambda m: (m.start, m.end))
    kb = default_kb()
    callables = kb_callables(kb, actors)
    story = Story(
        doc._.published or "", v1._focus_state(mentions, actors),
        protagonist=v1._protagonist(mentions, actors), country=callables["country"],
        sector_actor=callables["sector_actor"],
    )  # fmt: skip
    lexicon = JapaneseLexicon()

    def sentence_rules(events: list[EventMention]) -> list[EventMention]:
        return _drop_plain_statements(v1._drop_attributions(_drop_reporting(events), actors))

    frames = frames_ja(doc, parses, lexicon, kb)
    return code_frames(frames, actors, lexicon, story, embedded, sentence_rules=sentence_rules)


def _drop_reporting(events: list[EventMention]) -> list[EventMention]:
    """ロシアは…追放すると発表した: a reporting verb (010) after an act its speaker was coded
    with in the sentence is that act's report, and adds no event; one addressed to someone
    else (田村は…を批判しているが、反論するユーザーには「…」と返信している: a reply to the
    users) is a statement of its own."""
    out: list[EventMention] = []
    for e in events:
        if e.event_code == "010" and any(
            x.source_actor_id == e.source_actor_id and x.event_code != "010" and x.start < e.start
            and (not e.target_actor_id or e.target_actor_id == x.target_actor_id)
            for x in out
        ):  # fmt: skip
            continue
        out.append(e)
    return out


def _drop_plain_statements(events: list[EventMention]) -> list[EventMention]:
    """「…」と述べ、核武装を否定した: a plain statement (010) beside a more specific one of the
    same speaker in the sentence (a denial, 016) is that statement."""
    specific = {(e.source_actor_id, e.target_actor_id) for e in events if e.event_code[:2] == "01" and e.event_code != "010"}
    specific |= {(source, "") for source, _ in specific}
    return [e for e in events if not (e.event_code == "010" and (e.source_actor_id, e.target_actor_id) in specific)]


__all__ = [
    "DEFAULT_READER", "READERS", "READER_ENV", "Reader", "default_reader", "get_reader", "link_lists",
    "read_events", "sentences",
]  # fmt: skip
