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
    link_method: str  # kb | fuzzy | new | anaphora | model
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
    date_source: str = ""  # clause | discourse | publication
    polarity: str = "affirmed"  # affirmed | negated
    modality: str = "asserted"  # asserted | intended | considered | demanded | hypothetical | reported
    is_caption: bool = False
    confidence: float = 1.0
    location_actor_id: str = ""
    symmetric: bool = False
