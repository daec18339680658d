"""Score the pipeline's tables against hand-written gold annotations.

Library behind ``make eval`` / ``dekigoto eval``: it never prints and never
exits; the CLI formats and reports.

    gold = [load_gold(p) for p in paths]
    tables = load_tables("out/")
    report = score(gold, tables)
    text = format_report(report, show_errors=True)
    data = report.to_dict()

Gold files carry no character offsets; everything is matched by identity.
The matching rules (documented here, mirrored in the README):

Articles
    A gold file is paired with one row of ``articles.csv``: by
    ``document.id`` == ``article_id`` when the gold gives an id; else by
    ``document.path`` (equal path, or equal file name) when it gives a path;
    else by ``document.title`` == ``title`` (both NFKC-normalised, whitespace
    removed). Several title matches are narrowed by ``published``; if still
    ambiguous the first row is used and a warning is recorded. A gold file
    without a system article is scored against empty output (warning).

Actors (identity, one-to-one)
    The system actors of an article are the distinct ``actor_id`` values of
    its ``mentions.csv`` rows, described by ``actors.csv`` (global).
    Types are compared in the system's vocabulary: gold COUNTRY = STATE,
    CITY = PLACE.

    * a gold COUNTRY matches a system STATE (sector empty) with the same
      ISO 3166-1 alpha-3 code; historical codes are unified (USR = SUN).
    * a *generic* gold actor with a sector - the sector actor CAMEO would
      code (韓国のネットユーザー is KOR CVL) - matches a system actor that is
      not a PERSON/PLACE with the same country and that sector, or one of
      ``also_ok_sector`` (a system actor typed GOVERNMENT with empty sector
      counts as sector GOV). The sector is the gold's ``sector`` field, else
      the suffix of an id ``<CTRY>_<SEC>`` that is a CAMEO sector code, else
      GOV for type GOVERNMENT. Generic are: every GOVERNMENT and GROUP, and a
      PERSON or ORGANIZATION whose English name ends in a common noun
      ("South Korean man", "assailant", "Japanese police"); a named person or
      organisation ("Lee Myung-bak", "JoongAng Ilbo") matches by name only.
      A generic group whose gold country is null (internet users of no
      stated country) matches that sector with any system country.
    * every non-state gold actor also matches by English name: any of
      ``name_en``/``aliases_en`` equal, case-insensitively (NFKC, whitespace
      collapsed, a dash between words dropped), to the system ``name_en`` or one
      of its ``aliases``.
      So BLR_PRISONERS ("political prisoners") matches by name only.
    Gold and system actors are paired one-to-one (maximum matching); an
    extra system actor with the identity of an already paired gold actor is a
    false positive ("duplicate"). Conversely one system actor is credited to
    one gold actor only, though several have its identity (a provincial
    council, its members and the National Assembly, all KOR LEG): the system
    named one participant where the gold names several; events, matched by
    identity, are not affected. The type breakdown counts recall by gold
    type and precision by system type.

Dates
    A system row is identified by (text, occurrence): text compared after
    NFKC with all whitespace removed; occurrence = n-th row with that text
    among *all* the system's date rows of the article in text order (by
    ``start``), 1-based. Gold occurrence defaults to 1 (more precisely: to the
    n-th gold entry with that text, so an un-numbered repeat gets 2).
    Detection TP: key equal. Value accuracy (among detected): value equal as a
    string and, when the gold gives ``mod``, mod equal too. "strict" counts a
    date only when detected with the correct value. Unmatched system rows are
    false positives only when typed DATE or TIME (or untyped) and not a vague
    reference of the date lexicon (当時, 近年, 長年: the gold files leave them
    unscored); unmatched DURATION/SET rows are ignored.

Events (one-to-one)
    Root level: a system event matches a gold event when its root
    (``event_root_code``, else the first two digits of ``event_code``) is the
    gold root or in ``also_ok``, its source is the gold source or in
    ``also_ok_source``, and its target is the gold target or in
    ``also_ok_target`` - actors by the identity rules above. A gold target of
    null (or a null in ``also_ok_target``) accepts any system target,
    including an empty one; a non-null gold target needs a system target.
    ``symmetric: true`` (gold flag) accepts source/target swapped.
    Dates do not block the root-level match; among matched events whose gold
    date is not null, "date accuracy" counts system dates equal to the gold at
    the gold's precision (2025-12-05 matches 2025-12; 2025 does not). The
    system date is first cut to its ``date_precision``. Gold ``date: null``
    accepts any date. Code level: as root level but the system
    ``event_code`` must equal the gold ``code`` (also_ok roots do not apply).
    Strict: root level plus the date condition.
    Pairing is a maximum-weight one-to-one assignment (first as many pairs as
    possible, then prefer correct dates, then correct codes); a second system
    event for an already matched gold event is a false positive
    ("duplicate"), so an event reported once per sentence loses precision.
    Recall is also split by gold ``difficulty`` (hard / normal).

Figures
    P = tp / system count, R = tp / gold count. When a denominator is 0 the
    figure is 1.0 if the other side is empty too (nothing to find, nothing
    wrong) and 0.0 otherwise; so an empty system has P = R = F1 = 0 against a
    non-empty gold. Accuracies with nothing to measure are None ("n/a").
    Totals are micro averages (counts summed over articles).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime as _datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pipeline.tables import columns as table_columns

# --------------------------------------------------------------------------------------
# constants

#: Columns of the system tables, from the schema in pipeline/tables.py.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(table_columns(name))
    for name in ("articles", "sentences", "mentions", "actors", "dates", "events", "event_mentions")
}

#: Gold actor types -> system actor types.
GOLD_TYPE_MAP = {"COUNTRY": "STATE", "CITY": "PLACE", "ORGANIZATION": "ORG"}

#: CAMEO actor sector (role) codes recognised as the suffix of a gold id like BLR_OPP.
CAMEO_SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI BUS CRM CVL EDU HLH LAB MED NGO REF REL AGR ENV "
    "HRI IMG INS SEP UAF DEV MOD RAD".split()
)

#: Historical / alternative country codes treated as the same state.
COUNTRY_EQUIV = {"SUN": "USR", "SUHH": "USR"}

DIFFICULTIES = ("normal", "hard")
_PRECISION_LEN = {"year": 4, "month": 7, "day": 10}
_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------------------
# gold


@dataclass
class GoldDocument:
    title: str = ""
    published: str = ""
    lang: str = ""
    author: str = ""
    id: str = ""
    path: str = ""


@dataclass
class GoldActor:
    id: str
    type: str  # gold vocabulary: COUNTRY | PERSON | IGO | REGION | GOVERNMENT | GROUP | CITY | ...
    name_en: str = ""
    name_ja: str = ""
    country: str = ""
    aliases_en: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    sector_field: str = ""  # the gold's own `sector`
    also_ok_sector: list[str] = field(default_factory=list)

    @property
    def system_type(self) -> str:
        return GOLD_TYPE_MAP.get(self.type, self.type)

    @property
    def sector(self) -> str:
        """CAMEO sector: the gold's `sector`, else the id's suffix when it is a
        sector code, else GOV for GOVERNMENT."""
        if self.sector_field:
            return self.sector_field
        parts = self.id.split("_")
        if len(parts) >= 2 and parts[-1] in CAMEO_SECTORS:
            return parts[-1]
        return "GOV" if self.type == "GOVERNMENT" else ""

    @property
    def sectors(self) -> set[str]:
        return {s for s in [self.sector, *self.also_ok_sector] if s}

    @property
    def generic(self) -> bool:
        """The sector actor CAMEO would code rather than a named one: every
        GOVERNMENT and GROUP; a PERSON or ORGANIZATION whose English name ends
        in a common noun (South Korean man, assailant, Japanese police)."""
        if self.type in ("GOVERNMENT", "GROUP"):
            return True
        if self.type in ("PERSON", "ORGANIZATION", "ORG") and self.name_en:
            last = self.name_en.split()[-1]
            return last[:1].islower()
        return False

    @property
    def english_names(self) -> list[str]:
        return [n for n in [self.name_en, *self.aliases_en] if n]


@dataclass
class GoldDate:
    text: str
    value: str
    occurrence: int = 1
    mod: str = ""
    note: str = ""
    context: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (norm_text(self.text), self.occurrence)


@dataclass
class GoldEvent:
    id: str
    source: str
    root: str
    target: str | None = None
    code: str = ""
    date: str | None = None
    also_ok: list[str] = field(default_factory=list)
    also_ok_source: list[str] = field(default_factory=list)
    also_ok_target: list[str | None] = field(default_factory=list)
    symmetric: bool = False
    difficulty: str = "normal"
    label: str = ""
    evidence: list[str] = field(default_factory=list)

    @property
    def roots(self) -> set[str]:
        return {self.root, *self.also_ok}

    @property
    def sources(self) -> list[str]:
        return [self.source, *self.also_ok_source]

    @property
    def targets(self) -> list[str | None]:
        return [self.target, *self.also_ok_target]


@dataclass
class Gold:
    path: str
    document: GoldDocument
    actors: list[GoldActor]
    dates: list[GoldDate]
    events: list[GoldEvent]
    layout: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        name = Path(self.path).name
        return name.removesuffix(".yaml").removesuffix(".yml").removesuffix(".gold")

    def actor(self, actor_id: str) -> GoldActor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)


def _s(value: Any) -> str:
    """YAML scalar -> str ('' for None); dates become ISO strings."""
    if value is None:
        return ""
    if isinstance(value, _datetime):
        return value.date().isoformat()
    if isinstance(value, _date):
        return value.isoformat()
    return str(value).strip()


def _code(value: Any, width: int) -> str:
    """A CAMEO code from YAML; unquoted integers are zero-padded (quote codes in gold!)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value).zfill(width)
    return str(value).strip()


def _strlist(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [_s(v) for v in value if v is not None]
    return [_s(value)]


def load_gold(path: str | Path) -> Gold:
    """Read one ``*.gold.yaml`` file. Raises ValueError on malformed content."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: top level must be a mapping")
    doc = data.get("document") or {}
    document = GoldDocument(
        title=_s(doc.get("title")),
        published=_s(doc.get("published")),
        lang=_s(doc.get("lang")),
        author=_s(doc.get("author")),
        id=_s(doc.get("id")),
        path=_s(doc.get("path")),
    )

    actors: list[GoldActor] = []
    seen_ids: set[str] = set()
    for raw in data.get("actors") or []:
        aid = _s(raw.get("id"))
        if not aid:
            raise ValueError(f"{path}: actor without id: {raw!r}")
        if aid in seen_ids:
            raise ValueError(f"{path}: duplicate actor id {aid}")
        seen_ids.add(aid)
        actors.append(
            GoldActor(
                id=aid,
                type=_s(raw.get("type")).upper(),
                name_en=_s(raw.get("name_en")),
                name_ja=_s(raw.get("name_ja")),
                country=_s(raw.get("country")).upper(),
                aliases_en=_strlist(raw.get("aliases_en")),
                surfaces=_strlist(raw.get("surfaces")),
                sector_field=_s(raw.get("sector")).upper(),
                also_ok_sector=[x.upper() for x in _strlist(raw.get("also_ok_sector"))],
            )
        )

    dates: list[GoldDate] = []
    text_counts: Counter[str] = Counter()
    keys: set[tuple[str, int]] = set()
    for raw in data.get("dates") or []:
        text = _s(raw.get("text"))
        if not text:
            raise ValueError(f"{path}: date without text: {raw!r}")
        text_counts[norm_text(text)] += 1
        occ = raw.get("occurrence")
        gd = GoldDate(
            text=text,
            value=_s(raw.get("value")),
            occurrence=int(occ) if occ is not None else text_counts[norm_text(text)],
            mod=_s(raw.get("mod")).upper(),
            note=_s(raw.get("note")),
            context=_s(raw.get("context")),
        )
        if gd.key in keys:
            raise ValueError(f"{path}: duplicate date {text!r} occurrence {gd.occurrence}")
        keys.add(gd.key)
        dates.append(gd)

    events: list[GoldEvent] = []
    for i, raw in enumerate(data.get("events") or [], 1):
        eid = _s(raw.get("id")) or f"E{i}"
        also_t = raw.get("also_ok_target") or []
        if not isinstance(also_t, list):
            also_t = [also_t]
        ev = GoldEvent(
            id=eid,
            source=_s(raw.get("source")),
            root=_code(raw.get("root"), 2),
            target=_s(raw.get("target")) or None,
            code=_code(raw.get("code"), 3),
            date=_s(raw.get("date")) or None,
            also_ok=[_code(r, 2) for r in (raw.get("also_ok") or [])],
            also_ok_source=_strlist(raw.get("also_ok_source")),
            also_ok_target=[(_s(t) or None) for t in also_t],
            symmetric=bool(raw.get("symmetric", False)),
            difficulty=_s(raw.get("difficulty")).lower() or "normal",
            label=_s(raw.get("label")),
            evidence=_strlist(raw.get("evidence")),
        )
        if not ev.source or not ev.root:
            raise ValueError(f"{path}: event {eid} needs source and root")
        if not ev.root.isdigit() or len(ev.root) != 2:
            raise ValueError(f"{path}: event {eid}: root {ev.root!r} is not a 2-digit CAMEO root")
        if ev.code and not ev.code.startswith(ev.root):
            raise ValueError(f"{path}: event {eid}: code {ev.code} is not under root {ev.root}")
        for ref in [*ev.sources, *ev.targets]:
            if ref is not None and ref not in seen_ids:
                actors.append(_implicit_actor(ref, path, eid))
                seen_ids.add(ref)
        events.append(ev)

    layout = data.get("layout") or {}
    return Gold(str(path), document, actors, dates, events, layout if isinstance(layout, dict) else {})


def _implicit_actor(ref: str, path: Path, eid: str) -> GoldActor:
    """An event may name a state (BLR) or sector actor (BLR_GOV) that the actor list omits."""
    if re.fullmatch(r"[A-Z]{3}", ref):
        return GoldActor(id=ref, type="COUNTRY", country=ref)
    m = re.fullmatch(r"([A-Z]{3})_([A-Z]{3})", ref)
    if m and m.group(2) in CAMEO_SECTORS:
        kind = "GOVERNMENT" if m.group(2) == "GOV" else "GROUP"
        return GoldActor(id=ref, type=kind, country=m.group(1))
    raise ValueError(f"{path}: event {eid} refers to unknown actor {ref!r}")


# --------------------------------------------------------------------------------------
# system tables


@dataclass
class Tables:
    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    dates: pd.DataFrame
    events: pd.DataFrame
    event_mentions: pd.DataFrame
    directory: str = ""
    missing: list[str] = field(default_factory=list)  # tables whose CSV was absent


def _read_table(path: Path, columns: tuple[str, ...]) -> pd.DataFrame | None:
    if not path.exists():
        return None
    df = pd.read_csv(path, keep_default_na=False, dtype=str)
    for col in columns:
        if col not in df.columns:
            df[col] = ""
    return df


def load_tables(directory: str | Path) -> Tables:
    """Read the system's CSV tables from ``directory``.

    A missing CSV gives an empty table (listed in ``Tables.missing``); missing
    columns are added as empty strings. Raises FileNotFoundError when the
    directory itself does not exist.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"tables directory not found: {directory}")
    frames: dict[str, pd.DataFrame] = {}
    missing: list[str] = []
    for name, cols in TABLE_COLUMNS.items():
        df = _read_table(directory / f"{name}.csv", cols)
        if df is None:
            missing.append(name)
            df = pd.DataFrame({c: pd.Series(dtype=str) for c in cols})
        frames[name] = df
    return Tables(**frames, directory=str(directory), missing=missing)


# --------------------------------------------------------------------------------------
# scores


def _ratio(num: int, den: int, other: int) -> float:
    if den:
        return num / den
    return 1.0 if other == 0 else 0.0


@dataclass
class Counts:
    """Matching counts; tp_gold/tp_sys differ only in type breakdowns."""

    n_gold: int = 0
    n_sys: int = 0
    tp_gold: int = 0
    tp_sys: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp_sys, self.n_sys, self.n_gold)

    @property
    def recall(self) -> float:
        return _ratio(self.tp_gold, self.n_gold, self.n_sys)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.n_gold + other.n_gold,
            self.n_sys + other.n_sys,
            self.tp_gold + other.tp_gold,
            self.tp_sys + other.tp_sys,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_gold": self.n_gold,
            "n_sys": self.n_sys,
            "tp_gold": self.tp_gold,
            "tp_sys": self.tp_sys,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


def _add_maps(a: dict[str, Counts], b: dict[str, Counts]) -> dict[str, Counts]:
    out = {k: v + Counts() for k, v in a.items()}
    for k, v in b.items():
        out[k] = out.get(k, Counts()) + v
    return out


@dataclass
class ActorScores:
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)

    def __add__(self, other: ActorScores) -> ActorScores:
        return ActorScores(self.overall + other.overall, _add_maps(self.by_type, other.by_type))

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
        }


@dataclass
class DateScores:
    detection: Counts = field(default_factory=Counts)
    value: Accuracy = field(default_factory=Accuracy)  # among detected gold dates
    strict: Counts = field(default_factory=Counts)  # detected with the correct value

    def __add__(self, other: DateScores) -> DateScores:
        return DateScores(
            self.detection + other.detection, self.value + other.value, self.strict + other.strict
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "detection": self.detection.to_dict(),
            "value_accuracy": self.value.to_dict(),
            "strict": self.strict.to_dict(),
        }


@dataclass
class EventScores:
    root: Counts = field(default_factory=Counts)
    code: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)  # root level + date
    date: Accuracy = field(default_factory=Accuracy)  # among root matches with a gold date
    by_difficulty: dict[str, Counts] = field(default_factory=dict)  # root-level recall

    def __add__(self, other: EventScores) -> EventScores:
        return EventScores(
            self.root + other.root,
            self.code + other.code,
            self.strict + other.strict,
            self.date + other.date,
            _add_maps(self.by_difficulty, other.by_difficulty),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root.to_dict(),
            "code": self.code.to_dict(),
            "strict": self.strict.to_dict(),
            "date_accuracy": self.date.to_dict(),
            "recall_by_difficulty": {
                k: {"n_gold": v.n_gold, "tp": v.tp_gold, "recall": v.recall if v.n_gold else None}
                for k, v in sorted(self.by_difficulty.items())
            },
        }


@dataclass
class ErrorItem:
    layer: str  # actor | date | event
    kind: str  # FP | miss | wrong value | wrong date | wrong code | note
    message: str

    def __str__(self) -> str:
        return f"{self.kind} {self.layer} {self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"layer": self.layer, "kind": self.kind, "message": self.message}


@dataclass
class ArticleReport:
    gold_path: str
    gold_name: str
    title: str
    article_id: str | None  # None: no system article matched
    actors: ActorScores = field(default_factory=ActorScores)
    dates: DateScores = field(default_factory=DateScores)
    events: EventScores = field(default_factory=EventScores)
    errors: list[ErrorItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_path": self.gold_path,
            "gold_name": self.gold_name,
            "title": self.title,
            "article_id": self.article_id,
            "actors": self.actors.to_dict(),
            "dates": self.dates.to_dict(),
            "events": self.events.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
            "warnings": list(self.warnings),
        }


@dataclass
class Report:
    articles: list[ArticleReport] = field(default_factory=list)
    actors: ActorScores = field(default_factory=ActorScores)  # totals (micro)
    dates: DateScores = field(default_factory=DateScores)
    events: EventScores = field(default_factory=EventScores)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": {
                "n_articles": len(self.articles),
                "actors": self.actors.to_dict(),
                "dates": self.dates.to_dict(),
                "events": self.events.to_dict(),
            },
            "articles": [a.to_dict() for a in self.articles],
            "warnings": list(self.warnings),
        }


# --------------------------------------------------------------------------------------
# normalisation helpers


def norm_text(text: str) -> str:
    """Surface text for date matching: NFKC, all whitespace removed."""
    return _WS.sub("", unicodedata.normalize("NFKC", text or ""))


_SEPARATOR_DASH = re.compile(r"\s[-‐‑–—]\s")  # "Task Force - Operation": a dash between words


def norm_name(name: str) -> str:
    """English name for actor matching: NFKC, a dash standing between words dropped
    ("Combined Joint Task Force - Operation Inherent Resolve" is the name without it),
    case-folded, whitespace collapsed."""
    name = _SEPARATOR_DASH.sub(" ", unicodedata.normalize("NFKC", name or ""))
    return _WS.sub(" ", name).strip().casefold()


def norm_country(code: str) -> str:
    code = (code or "").strip().upper()
    return COUNTRY_EQUIV.get(code, code)


def norm_sys_type(t: str) -> str:
    t = (t or "").strip().upper()
    return GOLD_TYPE_MAP.get(t, t)


def _root_of(root: str, code: str) -> str:
    root = (root or "").strip()
    if root:
        return root.zfill(2) if root.isdigit() else root
    code = (code or "").strip()
    return code[:2] if len(code) >= 2 else code.zfill(2) if code else ""


def _cut_date(value: str, precision: str) -> str:
    value = (value or "").strip()
    n = _PRECISION_LEN.get((precision or "").strip().lower())
    return value[:n] if n else value


def _date_ok(gold_date: str | None, sys_date: str) -> bool:
    if gold_date is None:
        return True
    return len(sys_date) >= len(gold_date) and sys_date[: len(gold_date)] == gold_date


def _as_int(value: str, default: int) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


# --------------------------------------------------------------------------------------
# system records


@dataclass
class SysActor:
    actor_id: str
    type: str = ""
    name_en: str = ""
    country: str = ""
    sector: str = ""
    aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {norm_name(n) for n in [self.name_en, *self.aliases] if n.strip()}

    def describe(self) -> str:
        bits = [self.actor_id or "(none)"]
        if self.name_en and self.name_en != self.actor_id:
            bits.append(f"'{self.name_en}'")
        return " ".join(bits)


@dataclass
class SysDate:
    row: int
    text: str
    type: str
    value: str
    mod: str
    occurrence: int = 1

    @property
    def key(self) -> tuple[str, int]:
        return (norm_text(self.text), self.occurrence)


@dataclass
class SysEvent:
    event_id: str
    source: SysActor
    target: SysActor | None
    root: str
    code: str
    date: str
    date_source: str = ""

    def describe(self) -> str:
        tgt = self.target.describe() if self.target else "(none)"
        date = self.date or "(none)"
        return f"{self.event_id}: {self.source.describe()} {self.code or self.root} -> {tgt} date {date}"


def _sys_actor_index(tables: Tables) -> dict[str, SysActor]:
    index: dict[str, SysActor] = {}
    for row in tables.actors.to_dict("records"):
        aid = row["actor_id"].strip()
        if not aid:
            continue
        index[aid] = SysActor(
            actor_id=aid,
            type=norm_sys_type(row["type"]),
            name_en=row["name_en"].strip(),
            country=norm_country(row["country"]),
            sector=row["sector"].strip().upper(),
            aliases=[a.strip() for a in row["aliases"].split(";") if a.strip()],
        )
    return index


def _resolve(index: dict[str, SysActor], actor_id: str, name_en: str = "", country: str = "",
             label: str = "") -> SysActor:
    """Look an actor up in actors.csv; fall back to the columns at hand."""
    actor_id = (actor_id or "").strip()
    if actor_id in index:
        return index[actor_id]
    sector = ""
    m = re.fullmatch(r"([A-Z]{3})_([A-Z]{3})", actor_id)
    if m and m.group(2) in CAMEO_SECTORS:
        country, sector = country or m.group(1), m.group(2)
    t = norm_sys_type(label)
    if not t:
        if sector:
            t = "GOVERNMENT" if sector == "GOV" else "GROUP"
        elif re.fullmatch(r"[A-Z]{3}", actor_id) and (not country or country == actor_id):
            t, country = "STATE", actor_id
    return SysActor(actor_id, t, name_en.strip(), norm_country(country), sector)


# --------------------------------------------------------------------------------------
# identity


def actor_matches(gold: GoldActor, sys: SysActor) -> bool:
    """Does system actor ``sys`` denote gold actor ``gold``? (see module docstring)"""
    if gold.system_type == "STATE":
        return (
            sys.type == "STATE"
            and not sys.sector
            and bool(gold.country)
            and norm_country(gold.country) == sys.country
        )
    sectors = gold.sectors
    if sectors and gold.generic and sys.type not in ("PERSON", "PLACE"):
        sys_sector = sys.sector or ("GOV" if sys.type == "GOVERNMENT" else "")
        same_country = (
            sys.country == norm_country(gold.country)
            if gold.country
            else gold.type == "GROUP" and bool(sys_sector)
        )
        if same_country and sys_sector in sectors:
            return True
    gold_names = {norm_name(n) for n in gold.english_names}
    return bool(gold_names & sys.names)


# --------------------------------------------------------------------------------------
# assignment


def _assign(weights: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian); pairs with weight 0 are dropped."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n > m:
        return [(i, j) for j, i in _assign([list(col) for col in zip(*weights, strict=True)])]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            row = weights[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sorted(
        (p[j] - 1, j - 1) for j in range(1, m + 1) if p[j] and weights[p[j] - 1][j - 1] > 0
    )


# --------------------------------------------------------------------------------------
# scoring one article


def _find_article(gold: Gold, articles: pd.DataFrame) -> tuple[str | None, list[str]]:
    doc = gold.document
    warnings: list[str] = []
    rows = articles.to_dict("records")
    if doc.id:
        hits = [r for r in rows if r["article_id"].strip() == doc.id]
        how = f"id {doc.id}"
    elif doc.path:
        hits = [r for r in rows if r["path"].strip() == doc.path]
        if not hits:
            hits = [r for r in rows if r["path"] and Path(r["path"]).name == Path(doc.path).name]
        how = f"path {doc.path}"
    else:
        key = norm_text(doc.title)
        hits = [r for r in rows if key and norm_text(r["title"]) == key]
        if len(hits) > 1 and doc.published:
            same = [r for r in hits if r["published"].strip() == doc.published]
            hits = same or hits
        how = f"title {doc.title!r}"
    if not hits:
        warnings.append(f"{gold.name}: no system article with {how}; scored as empty output")
        return None, warnings
    if len(hits) > 1:
        ids = ", ".join(r["article_id"] for r in hits)
        warnings.append(f"{gold.name}: several system articles with {how} ({ids}); using the first")
    hit = hits[0]
    if hit["status"].strip() and hit["status"].strip().lower() not in ("ok", "done", "success"):
        warnings.append(
            f"{gold.name}: system article {hit['article_id']} has status {hit['status']!r}"
            + (f" ({hit['error']})" if hit["error"] else "")
        )
    return hit["article_id"].strip(), warnings


def _rows(df: pd.DataFrame, article_id: str | None) -> list[dict[str, str]]:
    if article_id is None or df.empty:
        return []
    return df[df["article_id"].str.strip() == article_id].to_dict("records")


def _gold_actor_str(g: GoldActor) -> str:
    name = g.name_en or g.name_ja
    return f"{g.id} ({g.system_type}{', ' + name if name else ''})"


def _score_actors(gold: Gold, sys_actors: list[SysActor], rep: ArticleReport) -> None:
    gactors = gold.actors
    # every pair outweighs all the type agreements together: the most actors paired first,
    # then, among as many pairs, those that agree on the type
    pair = len(gactors) + len(sys_actors) + 1
    weights = [
        [(pair + (g.system_type == s.type)) if actor_matches(g, s) else 0 for s in sys_actors]
        for g in gactors
    ]
    pairs = _assign(weights)
    g_matched = {gi: si for gi, si in pairs}
    s_matched = {si: gi for gi, si in pairs}

    by_type: dict[str, Counts] = {}
    for gi, g in enumerate(gactors):
        c = by_type.setdefault(g.system_type, Counts())
        c.n_gold += 1
        c.tp_gold += gi in g_matched
    for si, s in enumerate(sys_actors):
        c = by_type.setdefault(s.type or "(untyped)", Counts())
        c.n_sys += 1
        c.tp_sys += si in s_matched
    rep.actors = ActorScores(
        Counts(len(gactors), len(sys_actors), len(pairs), len(pairs)), by_type
    )

    for gi, g in enumerate(gactors):
        if gi in g_matched:
            s = sys_actors[g_matched[gi]]
            if s.type != g.system_type:
                rep.errors.append(ErrorItem(
                    "actor", "note",
                    f"{_gold_actor_str(g)} matched {s.describe()} typed {s.type or '(none)'}",
                ))
            continue
        cands = [s for s in sys_actors if actor_matches(g, s)]
        if cands:
            reason = f"its system match {cands[0].describe()} is paired with another gold actor"
        elif g.system_type == "STATE":
            reason = f"no system STATE with country {g.country}"
        elif g.sectors and g.generic and g.country:
            reason = (f"no system actor with country {g.country} and sector {g.sector}, "
                      f"nor named {' / '.join(g.english_names) or '(no English name)'}")
        else:
            reason = f"no system actor named {' / '.join(g.english_names) or '(no English name)'}"
        rep.errors.append(ErrorItem("actor", "miss", f"{_gold_actor_str(g)}: {reason}"))

    for si, s in enumerate(sys_actors):
        if si in s_matched:
            continue
        dup = [gi for gi, g in enumerate(gactors) if actor_matches(g, s)]
        if dup:
            other = sys_actors[g_matched[dup[0]]].actor_id if dup[0] in g_matched else "?"
            reason = f"duplicate of gold {gactors[dup[0]].id} (paired with system {other})"
        else:
            reason = "no gold actor with that identity"
        desc = f"{s.describe()} ({s.type or 'untyped'}{', ' + s.country if s.country else ''})"
        rep.errors.append(ErrorItem("actor", "FP", f"{desc}: {reason}"))


@lru_cache(maxsize=1)
def vague_date_words() -> frozenset[str]:
    """The date lexicon's vague references (当時, 近年, 長年): gold files do not score them."""
    from pipeline.dates.lexicon import relative_words

    return frozenset(norm_text(w) for w, rel in relative_words().items() if rel.unit == "vague")


def _score_dates(gold: Gold, rows: list[dict[str, str]], rep: ArticleReport) -> None:
    order = sorted(
        range(len(rows)), key=lambda i: (_as_int(rows[i]["start"], 1 << 60), i)
    )
    seen: Counter[str] = Counter()
    sys_dates: list[SysDate] = []
    for i in order:
        r = rows[i]
        d = SysDate(i, r["text"], r["type"].strip().upper(), r["value"].strip(),
                    r["mod"].strip().upper())
        seen[norm_text(d.text)] += 1
        d.occurrence = seen[norm_text(d.text)]
        sys_dates.append(d)
    by_key = {d.key: d for d in sys_dates}
    gold_keys = {g.key for g in gold.dates}

    det = Counts(n_gold=len(gold.dates))
    strict = Counts(n_gold=len(gold.dates))
    acc = Accuracy()
    for g in gold.dates:
        label = f"{g.text}" + (f"#{g.occurrence}" if g.occurrence != 1 else "")
        want = g.value + (f" {g.mod}" if g.mod else "")
        s = by_key.get(g.key)
        if s is None:
            same = seen.get(norm_text(g.text), 0)
            if same:
                reason = f"system has only {same} row(s) with that text"
            else:
                near = [t for t in dict.fromkeys(d.text for d in sys_dates)
                        if norm_text(t) and (norm_text(t) in norm_text(g.text)
                                             or norm_text(g.text) in norm_text(t))]
                reason = (f"system has overlapping text {', '.join(repr(t) for t in near)}"
                          if near else "not detected")
            rep.errors.append(ErrorItem("date", "miss", f"{label}={want}: {reason}"))
            continue
        det.tp_gold += 1
        det.tp_sys += 1
        acc.total += 1
        ok = s.value == g.value and (not g.mod or s.mod == g.mod)
        if ok:
            acc.correct += 1
            strict.tp_gold += 1
            strict.tp_sys += 1
        else:
            got = s.value + (f" {s.mod}" if s.mod else "")
            rep.errors.append(ErrorItem("date", "wrong value", f"{label}={want}: system gave {got or '(empty)'}"))

    n_sys = det.tp_sys
    for d in sys_dates:
        if d.key in gold_keys:
            continue
        if d.type not in ("", "DATE", "TIME") or norm_text(d.text) in vague_date_words():
            continue  # durations, sets and vague references (当時, 近年) the gold leaves unscored
        n_sys += 1
        rep.errors.append(ErrorItem(
            "date", "FP",
            f"{d.text}" + (f"#{d.occurrence}" if d.occurrence != 1 else "")
            + f" ({d.type or 'untyped'} {d.value or '(no value)'}): not a gold date",
        ))
    det.n_sys = n_sys
    strict.n_sys = n_sys
    rep.dates = DateScores(det, acc, strict)


def _event_side_ok(gold: Gold, refs: list[str | None], actor: SysActor | None) -> bool:
    for ref in refs:
        if ref is None:
            return True
        if actor is not None and actor.actor_id and actor_matches(gold.actor(ref), actor):
            return True
    return False


def _actors_ok(gold: Gold, g: GoldEvent, e: SysEvent) -> bool:
    if _event_side_ok(gold, g.sources, e.source) and _event_side_ok(gold, g.targets, e.target):
        return True
    if g.symmetric:
        return _event_side_ok(gold, g.sources, e.target) and _event_side_ok(gold, g.targets, e.source)
    return False


def _gold_event_str(g: GoldEvent) -> str:
    tgt = g.target or "(any)"
    date = g.date or "(any)"
    hard = ", hard" if g.difficulty == "hard" else ""
    return f"{g.id} {g.source} {g.code or g.root} -> {tgt} date {date}{hard}"


def _score_events(gold: Gold, sys_events: list[SysEvent], rep: ArticleReport) -> None:
    gev = gold.events
    actors_ok = [[_actors_ok(gold, g, e) for e in sys_events] for g in gev]
    root_ok = [[e.root in g.roots for e in sys_events] for g in gev]
    code_ok = [[bool(g.code) and e.code == g.code for e in sys_events] for g in gev]
    date_ok = [[_date_ok(g.date, e.date) for e in sys_events] for g in gev]
    rng_g, rng_s = range(len(gev)), range(len(sys_events))

    def match(cond) -> list[tuple[int, int]]:
        w = [[(1000 + 10 * date_ok[i][j] + code_ok[i][j]) if cond(i, j) else 0 for j in rng_s]
             for i in rng_g]
        return _assign(w)

    root_pairs = match(lambda i, j: actors_ok[i][j] and root_ok[i][j])
    code_pairs = match(lambda i, j: actors_ok[i][j] and code_ok[i][j])
    strict_pairs = match(lambda i, j: actors_ok[i][j] and root_ok[i][j] and date_ok[i][j])

    n_g, n_s = len(gev), len(sys_events)

    def counts(pairs) -> Counts:
        return Counts(n_g, n_s, len(pairs), len(pairs))

    g_matched = dict(root_pairs)
    s_matched = {j: i for i, j in root_pairs}
    date_acc = Accuracy()
    by_diff: dict[str, Counts] = {}
    for i, g in enumerate(gev):
        c = by_diff.setdefault(g.difficulty, Counts())
        c.n_gold += 1
        c.tp_gold += i in g_matched
        if i in g_matched and g.date is not None:
            date_acc.total += 1
            date_acc.correct += date_ok[i][g_matched[i]]
    rep.events = EventScores(counts(root_pairs), counts(code_pairs), counts(strict_pairs),
                             date_acc, by_diff)

    # errors
    for i, g in enumerate(gev):
        if i in g_matched:
            e = sys_events[g_matched[i]]
            if not date_ok[i][g_matched[i]]:
                src = f" ({e.date_source})" if e.date_source else ""
                rep.errors.append(ErrorItem(
                    "event", "wrong date",
                    f"{_gold_event_str(g)}: system {e.event_id} gave {e.date or '(none)'}{src}"))
            if g.code and e.code != g.code:
                rep.errors.append(ErrorItem(
                    "event", "wrong code",
                    f"{_gold_event_str(g)}: system {e.event_id} gave code {e.code or '(none)'}"))
            continue
        rep.errors.append(ErrorItem("event", "miss", f"{_gold_event_str(g)}: {_miss_reason(gold, g, i, sys_events, actors_ok, root_ok, s_matched)}"))
    for j, e in enumerate(sys_events):
        if j in s_matched:
            continue
        dup = [i for i in rng_g if actors_ok[i][j] and root_ok[i][j]]
        if dup:
            other = sys_events[g_matched[dup[0]]].event_id if dup[0] in g_matched else "?"
            reason = f"duplicate of gold {gev[dup[0]].id} (matched by system {other})"
        else:
            near = [gev[i] for i in rng_g if actors_ok[i][j]]
            reason = "no gold with that source/root/target"
            if near:
                reason += "; gold " + ", ".join(f"{g.id} has root {'/'.join(sorted(g.roots))}"
                                                 for g in near)
        rep.errors.append(ErrorItem("event", "FP", f"{e.describe()}: {reason}"))


def _miss_reason(gold: Gold, g: GoldEvent, i: int, sys_events: list[SysEvent],
                 actors_ok: list[list[bool]], root_ok: list[list[bool]],
                 s_matched: dict[int, int]) -> str:
    both = [j for j in range(len(sys_events)) if actors_ok[i][j] and root_ok[i][j]]
    if both:
        j = both[0]
        other = gold.events[s_matched[j]].id if j in s_matched else "?"
        return f"its system match {sys_events[j].event_id} is paired with gold {other}"
    same_actors = [sys_events[j] for j in range(len(sys_events)) if actors_ok[i][j]]
    if same_actors:
        return "system has these actors with root " + ", ".join(
            f"{e.root} ({e.event_id})" for e in same_actors)
    same_root_src = [e for j, e in enumerate(sys_events)
                     if root_ok[i][j] and _event_side_ok(gold, g.sources, e.source)]
    if same_root_src:
        e = same_root_src[0]
        return f"system {e.event_id} has source and root but target " \
               f"{e.target.describe() if e.target else '(none)'}"
    same_root_tgt = [e for j, e in enumerate(sys_events)
                     if root_ok[i][j] and g.target is not None
                     and _event_side_ok(gold, g.targets, e.target)]
    if same_root_tgt:
        e = same_root_tgt[0]
        return f"system {e.event_id} has target and root but source {e.source.describe()}"
    return "no system event with that source/root/target"


def score_article(gold: Gold, tables: Tables) -> ArticleReport:
    """Score one gold file against the tables (see the module docstring for the rules)."""
    article_id, warnings = _find_article(gold, tables.articles)
    rep = ArticleReport(gold.path, gold.name, gold.document.title, article_id, warnings=warnings)
    index = _sys_actor_index(tables)

    # actors: the distinct actor ids mentioned in the article, in first-mention order
    sys_actors: list[SysActor] = []
    seen: set[str] = set()
    for r in _rows(tables.mentions, article_id):
        aid = r["actor_id"].strip()
        if aid and aid not in seen:
            seen.add(aid)
            sys_actors.append(_resolve(index, aid, label=r["label"]))
    _score_actors(gold, sys_actors, rep)

    _score_dates(gold, _rows(tables.dates, article_id), rep)

    sys_events: list[SysEvent] = []
    for k, r in enumerate(_rows(tables.events, article_id)):
        src = _resolve(index, r["source_actor_id"], r["source_name_en"], r["source_country"])
        tgt = (_resolve(index, r["target_actor_id"], r["target_name_en"], r["target_country"])
               if r["target_actor_id"].strip() else None)
        sys_events.append(SysEvent(
            event_id=r["event_id"].strip() or f"#{k + 1}",
            source=src,
            target=tgt,
            root=_root_of(r["event_root_code"], r["event_code"]),
            code=r["event_code"].strip(),
            date=_cut_date(r["date"], r["date_precision"]),
            date_source=r["date_source"].strip(),
        ))
    _score_events(gold, sys_events, rep)
    return rep


def score(gold_list: list[Gold], tables: Tables) -> Report:
    """Score every gold file; totals are micro averages over the articles."""
    report = Report()
    if tables.missing:
        report.warnings.append("missing tables: " + ", ".join(tables.missing))
    for gold in gold_list:
        rep = score_article(gold, tables)
        report.articles.append(rep)
        report.warnings.extend(rep.warnings)
        report.actors = report.actors + rep.actors
        report.dates = report.dates + rep.dates
        report.events = report.events + rep.events
    return report


# --------------------------------------------------------------------------------------
# text report


def _prf(c: Counts) -> str:
    return (f"P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
            f"(tp {c.tp_sys}/{c.n_sys} sys, {c.tp_gold}/{c.n_gold} gold)")


def _acc(a: Accuracy) -> str:
    return "n/a (0)" if a.value is None else f"{a.value:.3f} ({a.correct}/{a.total})"


def _block(actors: ActorScores, dates: DateScores, events: EventScores, indent: str) -> list[str]:
    out = [f"{indent}actors           {_prf(actors.overall)}"]
    for t, c in sorted(actors.by_type.items()):
        out.append(f"{indent}  {t:<14} {_prf(c)}")
    out += [
        f"{indent}dates detection  {_prf(dates.detection)}",
        f"{indent}  value accuracy {_acc(dates.value)}",
        f"{indent}  strict (value) {_prf(dates.strict)}",
        f"{indent}events root      {_prf(events.root)}",
        f"{indent}  code           {_prf(events.code)}",
        f"{indent}  strict (date)  {_prf(events.strict)}",
        f"{indent}  date accuracy  {_acc(events.date)}  (matched events with a gold date)",
    ]
    for d in sorted(events.by_difficulty, key=lambda k: (k not in DIFFICULTIES, k)):
        c = events.by_difficulty[d]
        out.append(f"{indent}  recall {d:<7} {_acc(Accuracy(c.tp_gold, c.n_gold))}")
    return out


def format_report(report: Report, show_errors: bool = False) -> str:
    """Plain-text report: per article, then the total; with errors when asked."""
    lines: list[str] = []
    for a in report.articles:
        sysid = a.article_id if a.article_id is not None else "(no system article)"
        lines.append(f"== {a.gold_name}  {a.title}  [system {sysid}]")
        lines += _block(a.actors, a.dates, a.events, "  ")
        if show_errors:
            errs = a.errors
            lines.append(f"  errors ({len(errs)}):" if errs else "  errors: none")
            for layer in ("actor", "date", "event"):
                for e in errs:
                    if e.layer == layer:
                        lines.append(f"    {e}")
        lines.append("")
    lines.append(f"== TOTAL  ({len(report.articles)} article(s), micro average)")
    lines += _block(report.actors, report.dates, report.events, "  ")
    if report.warnings:
        lines.append("")
        lines.append("warnings:")
        lines += [f"  {w}" for w in report.warnings]
    return "\n".join(lines) + "\n"
