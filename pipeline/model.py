"""Plain records passed between the pipeline's stages and returned by the API.

Offsets in these records are into the *analysis text* (`Document.text`), the
normalised, layout-repaired text the NLP stages read. `pipeline.text`
maps them back to the article body as stored in the corpus file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Sentence:
    sentence_id: int
    start: int
    end: int
    kind: str  # body | caption | heading
    paragraph: int  # index of the (repaired) paragraph the sentence belongs to
    text: str = ""


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # ISO 8601 / TIMEX3 value: 2020, 2020-04, 2025-12-05, P20Y, XXXX-12
    mod: str = ""  # START | MID | END | APPROX | ""
    range_start: str = ""  # calendar date YYYY-MM-DD
    range_end: str = ""
    anchor: str = ""  # absolute | publication | discourse
    confidence: float = 1.0
    sentence_id: int = -1


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # PERSON | STATE | ORG | IGO | GROUP | PLACE
    actor_id: str
    link_method: str  # kb | fuzzy | new | anaphora | abbreviation | model
    confidence: float = 1.0
    sentence_id: int = -1


@dataclass
class Actor:
    actor_id: str
    type: str
    name_en: str
    name_ja: str
    country: str = ""
    sector: str = ""
    in_kb: bool = True
    aliases: list[str] = field(default_factory=list)


@dataclass
class EventMention:
    """One coded happening as read in one clause."""

    sentence_id: int
    start: int  # trigger span in the analysis text
    end: int
    trigger: str
    source_actor_id: str
    target_actor_id: str
    event_code: str
    date: str = ""
    date_precision: str = ""  # year | month | day | ""
    date_source: str = ""  # clause | discourse | present | publication
    polarity: str = "affirmed"  # affirmed | negated
    modality: str = "asserted"  # asserted | intended | considered | demanded | hypothetical | reported
    is_caption: bool = False
    confidence: float = 1.0
    location_actor_id: str = ""
    symmetric: bool = False


# --------------------------------------------------------------------------- frames
# What a language's front end reads from its parse, for the one event coder
# (pipeline.events.frame_coder.code_frames). See docs/architecture.md, "Frames".

ARG_ROLES = (
    "agent",  # who acts (active subject, passive by-agent; が / によって)
    "patient",  # who undergoes it (direct object, passive subject; を)
    "recipient",  # to whom it is addressed (to / on / upon X; に)
    "partner",  # with whom (with X; と)
    "oblique",  # other target-marking phrases (against / at / toward / into X; に対し)
    "location",  # where (in / at / near X; で)
    "content",  # actors named inside the object or complement (considering imports from X)
    "content_agent",  # the subject of a content clause (demanded that Minsk release ...)
    "speaker",  # who says it (reporting verbs; the agent of a statement)
    "origin",  # whom a demand asks (an apology from X: from X): read by demands only
    "owner",  # whose the patient is (the coalition the US announced): rows flagged owner
)


@dataclass(frozen=True)
class Arg:
    """One argument of a predicate: its role, the actors it names, how it was found."""

    role: str  # one of ARG_ROLES
    actors: tuple[str, ...]
    how: str = "explicit"  # explicit | inherited | complement | np | discourse
    marker: str = ""  # the preposition or particle that marked it (on, with, に, と)


@dataclass(frozen=True)
class Frame:
    """A predicate of one clause, voice normalised, in language-neutral terms.

    `lemma`, `particles` and `object_text` are the keys of the lexicon; `args` the
    parties, an active or passive clause alike (the passive's by-agent is the agent).
    `governor` is the index of the frame it is the complement of (urged X *to ease*,
    *agreed to lift*), with `governor_rel` saying how (complement | content)."""

    index: int  # position in the document's frame list
    sentence_id: int
    sentence_kind: str  # body | caption | heading
    start: int  # trigger span in the analysis text
    end: int
    trigger: str
    lemma: str
    particles: frozenset[str] = frozenset()
    object_text: str = " "
    args: tuple[Arg, ...] = ()
    polarity: str = "affirmed"
    modality: str = "asserted"
    date: str = ""
    date_source: str = ""  # clause | discourse | present | publication
    governor: int | None = None
    governor_rel: str = ""
    support: str = ""  # "" | light | obtain | receive | happen | voice (a noun's support verb)
    voice: str = "active"  # active | passive (a passive with no agent may imply one: 逮捕された)
    # the words around the trigger as (form, lemma, "A" if it names a party else ""),
    # lower-cased, in text order: the clause before it and its phrase after it (for the
    # word patterns of the lexicon)
    before: tuple[tuple[str, str, str], ...] = ()
    after: tuple[tuple[str, str, str], ...] = ()
    # the words a statement quotes (「…黙れ」とツイートした): their cue words may decide
    # its code, as a voice's do (Japanese: `lexicon.voice_code`)
    quoted: str = ""

    def actors(self, *roles: str) -> list[str]:
        """Actors of the args with these roles, in arg order, without repeats."""
        out: list[str] = []
        for a in self.args:
            if a.role in roles:
                out += [x for x in a.actors if x not in out]
        return out
