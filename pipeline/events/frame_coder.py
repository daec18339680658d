"""The language-independent event coder: predicate frames -> CAMEO event mentions.

A language's front end (`frames_en.frames_en`; the Japanese one to follow) reads its
parse into `Frame` records (pipeline.model); this module decides what they code,
knowing nothing of the language's syntax:

- the lexicon gives each frame its row (CAMEO code, frame kind act | sym | demand |
  consider, flags) from the frame's lemma, particles and object text;
- roles by the row's kind: the agent is the source; the target is, for an act, the
  patient, else the first recipient / partner / oblique, else the patient of a
  complement (refused to release X); for a demand the patient, else the recipient,
  else the agent of the content clause; for a consideration the actors named in
  the content (considering imports from X); a row flagged `focus` with no target
  takes the story's focus state (confidence halved);
- a complement of another coded frame (refused to release, urged X to ease,
  considered importing) is that frame's business: coded only with `embedded=True`,
  as `demanded` (source: the party asked) or `considered` (source: who considers);
- a demand whose asked-for act is negated (urged X not to ease) is the trigger's
  generic row (100);
- symmetric acts are coded once per pair, ids sorted; acts within one party (a state
  and its government) are not coded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pipeline.events.attributes import mention_fields
from pipeline.model import Actor, EventMention, Frame, Sentence

STATE_TYPES = ("STATE", "GOVERNMENT")
CONF_EXPLICIT = 0.9
CONF_FOCUS = 0.5
MAX_PARTIES = 3
MAX_SYM_PARTIES = 4


class Entry(Protocol):
    code: str
    frame: str
    flags: frozenset[str]


class Lexicon(Protocol):
    def entry(self, frame: Frame) -> Entry | None: ...
    def generic(self, frame: Frame) -> Entry | None: ...


@dataclass(frozen=True)
class Story:
    """What the coder knows of the article beyond its frames."""

    published: str
    focus: str = ""  # the state the article is mostly about (a guessed target)


def _same_party(actors: dict[str, Actor], a: str, b: str) -> bool:
    if a == b:
        return True
    xa, xb = actors.get(a), actors.get(b)
    if xa is None or xb is None:
        return False
    return (
        xa.type in STATE_TYPES
        and xb.type in STATE_TYPES
        and (xa.country or a) == (xb.country or b)
    )


def roles(frame: Frame, entry: Entry, story: Story) -> tuple[list[str], list[str], float]:
    """(sources, targets, confidence) of a frame read by its lexicon row."""
    sources = frame.actors("agent")
    if entry.frame == "demand":
        targets = (
            _patient(frame)
            or frame.actors("recipient")
            or frame.actors("content_agent")
        )
    elif entry.frame == "consider":
        targets = frame.actors("content") or _patient(frame)
    else:
        targets = (
            _patient(frame)
            or frame.actors("recipient", "partner", "oblique")
            or [a for x in frame.args if x.role == "patient" and x.how == "complement" for a in x.actors]
        )
    conf = CONF_EXPLICIT
    if not targets and "focus" in entry.flags and story.focus:
        targets, conf = [story.focus], CONF_FOCUS
    return sources, targets, conf


def _patient(frame: Frame) -> list[str]:
    """The frame's own patient (not that of a complement below it)."""
    out: list[str] = []
    for a in frame.args:
        if a.role == "patient" and a.how != "complement":
            out += [x for x in a.actors if x not in out]
    return out


def _emit(
    out: list[EventMention], frame: Frame, entry: Entry, sources: list[str],
    targets: list[str], conf: float, modality: str, actors: dict[str, Actor], story: Story,
) -> None:
    sent = Sentence(frame.sentence_id, frame.start, frame.end, frame.sentence_kind, 0)
    location = next((a.actors[0] for a in frame.args if a.role == "location"), "")
    base = mention_fields(
        sent, frame.start, frame.end, frame.trigger, entry.code, frame.date,
        frame.date_source, frame.polarity, modality, location, story.published,
    )  # fmt: skip
    if entry.frame == "sym":
        side_a, side_b = sources[:MAX_SYM_PARTIES], targets[:MAX_SYM_PARTIES]
        if side_b:
            pairs = [(a, b) for a in side_a for b in side_b]
        else:
            pairs = [(a, b) for i, a in enumerate(side_a) for b in side_a[i + 1 :]]
        pairs = [(a, b) for a, b in pairs if not _same_party(actors, a, b)]
        for a, b in dict.fromkeys(tuple(sorted(p)) for p in pairs):
            out.append(
                EventMention(
                    source_actor_id=a, target_actor_id=b, confidence=0.85, symmetric=True, **base
                )
            )
        return
    srcs = sources[:MAX_PARTIES]
    tgts = targets[:MAX_PARTIES] or [""]
    if not srcs or (tgts == [""] and "needs_target" in entry.flags):
        return
    for s in srcs:
        for t in tgts:
            if t and _same_party(actors, s, t):
                continue
            out.append(
                EventMention(
                    source_actor_id=s,
                    target_actor_id=t,
                    confidence=round(conf * (0.9 if t else 0.8), 2),
                    **base,
                )
            )


def code_frames(
    frames: list[Frame],
    actors: dict[str, Actor],
    lexicon: Lexicon,
    story: Story,
    embedded: bool = False,
) -> list[EventMention]:
    """EventMentions for the frames that the lexicon codes (see the module docstring)."""
    entries = {f.index: lexicon.entry(f) for f in frames}
    by_index = {f.index: f for f in frames}
    out: list[EventMention] = []
    for f in frames:
        entry = entries.get(f.index)
        if entry is None:
            continue
        gov = by_index.get(f.governor) if f.governor is not None else None
        gov_entry = entries.get(gov.index) if gov is not None else None
        if gov is not None and gov_entry is not None:
            if not embedded or gov_entry.frame not in ("demand", "consider"):
                continue
            sources, targets, conf = roles(f, entry, story)
            if gov_entry.frame == "demand":
                _, g_targets, _ = roles(gov, gov_entry, story)
                sources, modality = g_targets or sources, "demanded"
            else:
                sources, modality = roles(gov, gov_entry, story)[0], "considered"
            _emit(out, f, entry, sources, targets, conf, modality, actors, story)
            continue
        sources, targets, conf = roles(f, entry, story)
        entry = _demand_code(f, entry, frames, lexicon)
        _emit(out, f, entry, sources, targets, conf, f.modality, actors, story)
    return out


def _demand_code(frame: Frame, entry: Entry, frames: list[Frame], lexicon: Lexicon) -> Entry:
    """A demand whose embedded act is negated (urged the EU not to ease sanctions) asks
    for no specific CAMEO act: the generic row of the trigger (100)."""
    if entry.frame != "demand" or not getattr(entry, "pattern", ()):
        return entry
    for f in frames:
        if f.governor == frame.index and f.governor_rel == "complement" and f.polarity == "negated":
            return lexicon.generic(frame) or entry
    return entry


__all__ = ["Lexicon", "Story", "code_frames", "roles"]
