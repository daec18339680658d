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
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.model import EventMention
from pipeline.tokenizer import doc_text

DEFAULT_READER = "ja.v2"
# the environment variable that picks another reader for a run (DEKIGOTO_EVENTS_READER=ja.v1)
READER_ENV = "DEKIGOTO_EVENTS_READER"
# which sentences "ja.v2" parses: those with a trigger and actors of at least this many
MIN_ACTORS = 1
# The heading of a list of links to other stories (【関連記事】, ■関連情報, 関連リンク：): the
# headlines listed under it report other stories, so no event is read from them.
LINK_HEADING = re.compile(
    r"^\s*(?:[【■□◆◇●○▼▽★☆《［\[＜<]\s*)?(?:関連|あわせて読みたい|合わせて読みたい)"
    r"(?:記事|情報|リンク|ニュース|サイト)?\s*(?:[】］\]》＞>]|[:：]|$)"
)
LIST_MARK = re.compile(r"^\s*[・●○■□◆◇▼▽▲△※\-*•]")


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


def link_lists(doc: Doc) -> set[int]:
    """Ids of the sentences of related-link lists: a link heading (【関連記事】, ■関連情報)
    and the rest of its paragraph; when the heading stands alone, the next paragraph too if
    every sentence of it is a list item (・…)."""
    out: set[int] = set()
    by_paragraph: dict[int, list] = {}
    for sent in doc._.sentences or ():
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    listing = False  # the paragraph before was a heading standing alone
    full = doc_text(doc)  # Doc.text joins every token: the tokenizer's copy
    for para in sorted(by_paragraph):
        sents = by_paragraph[para]
        texts = [full[s.start : s.end] for s in sents]
        if listing and all(LIST_MARK.match(t) for t in texts):
            out.update(s.sentence_id for s in sents)
            listing = False
            continue
        listing = False
        for k, text in enumerate(texts):
            if LINK_HEADING.match(text):
                out.update(s.sentence_id for s in sents[k:])
                listing = k == len(sents) - 1
                break
    return out


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
    callables = kb_callables(default_kb(), actors)
    story = Story(
        doc._.published or "", v1._focus_state(mentions, actors),
        protagonist=v1._protagonist(mentions, actors), country=callables["country"],
        sector_actor=callables["sector_actor"],
    )  # fmt: skip
    lexicon = JapaneseLexicon()

    def sentence_rules(events: list[EventMention]) -> list[EventMention]:
        return _drop_plain_statements(v1._drop_attributions(v1._drop_reporting(events), actors))

    frames = frames_ja(doc, parses, lexicon)
    return code_frames(frames, actors, lexicon, story, embedded, sentence_rules=sentence_rules)


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
