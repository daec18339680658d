"""Reads the reviewed lexicons in `pipeline/dates/data/` (eras, holidays, periods, ...).

Kept apart from the matching code so the word lists can be reviewed as data; every loader
is cached, so the files are read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    """Non-comment, non-empty lines of a TSV data file, split on tabs (trailing cells kept)."""
    text = resources.files("pipeline.dates").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


@dataclass(frozen=True)
class Era:
    name: str
    abbr: str
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD or "" (current era)
    first_year: int = 0  # the western year of 元年, when it is not the start's year

    @property
    def start_year(self) -> int:
        """The western year of year 1 (元年): year N of the era is start_year + N - 1."""
        return self.first_year or int(self.start[:4])


@dataclass(frozen=True)
class Holiday:
    name: str
    rule: str  # MM-DD | MM-MON#n | equinox-spring | equinox-autumn
    since: int | None
    until: int | None
    generic: bool = False  # named as often for any year as for one (クリスマス)


@dataclass(frozen=True)
class Span:
    name: str
    start: str  # MM-DD
    end: str  # MM-DD
    unit: str  # year | month | day
    mod: str
    tense: str  # past | future


@dataclass(frozen=True)
class Season:
    name: str
    code: str
    start_month: int
    end_month: int


@dataclass(frozen=True)
class Period:
    name: str
    start: str  # YYYY[-MM[-DD]]
    end: str  # YYYY[-MM[-DD]] or "" (open)
    strict: bool


@dataclass(frozen=True)
class RelWord:
    word: str
    unit: str  # year | fy | month | week | day | vague
    offset: str  # int as text, or the vague value
    base: str  # pub | disc
    extra: str  # daypart token, or the type for vague words


def _year(s: str) -> int | None:
    return int(s) if s else None


@lru_cache(maxsize=1)
def eras() -> dict[str, Era]:
    """eras.tsv: era name -> Era (明治 … 令和)."""
    return {r[0]: Era(r[0], _cell(r, 1), _cell(r, 2), _cell(r, 3)) for r in _rows("eras.tsv")}


@lru_cache(maxsize=1)
def historical_eras() -> dict[str, Era]:
    """eras_historical.tsv: the pre-Meiji era names (大化 … 慶応), generated from japanera."""
    return {
        r[0]: Era(r[0], "", _cell(r, 2), _cell(r, 3), int(_cell(r, 4)))
        for r in _rows("eras_historical.tsv")
    }


@lru_cache(maxsize=1)
def holidays() -> dict[str, tuple[Holiday, ...]]:
    """holidays.tsv: name -> the rules that applied in different years."""
    out: dict[str, list[Holiday]] = {}
    for r in _rows("holidays.tsv"):
        out.setdefault(r[0], []).append(
            Holiday(
                r[0], _cell(r, 1), _year(_cell(r, 2)), _year(_cell(r, 3)),
                "generic" in _cell(r, 4),
            )  # fmt: skip
        )
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def spans() -> dict[str, Span]:
    """calendar_spans.tsv: recurring spans such as 年末, お盆, 年明け."""
    return {
        r[0]: Span(r[0], _cell(r, 1), _cell(r, 2), _cell(r, 3), _cell(r, 4), _cell(r, 5) or "past")
        for r in _rows("calendar_spans.tsv")
    }


@lru_cache(maxsize=1)
def seasons() -> dict[str, Season]:
    """seasons.tsv: 春夏秋冬 with TIMEX3 codes and month spans."""
    return {r[0]: Season(r[0], r[1], int(r[2]), int(r[3])) for r in _rows("seasons.tsv")}


@lru_cache(maxsize=1)
def periods() -> dict[str, Period]:
    """named_periods.tsv plus era periods generated from eras.tsv (明治時代, 昭和初期 …)."""
    out = {
        r[0]: Period(r[0], _cell(r, 1), _cell(r, 2), _cell(r, 3) == "1")
        for r in _rows("named_periods.tsv")
    }
    for era in eras().values():
        for suffix in ("時代", "期", "年間"):
            out.setdefault(era.name + suffix, Period(era.name + suffix, era.start, era.end, False))
    return out


@lru_cache(maxsize=1)
def era_part_names() -> dict[str, tuple[str, str]]:
    """明治初期 / 昭和末期 …: name -> (era name, part code) for era names with a part suffix."""
    parts = {"初期": "START", "前期": "H1", "中期": "MID", "後期": "H2", "末期": "END"}
    return {e + p: (e, code) for e in eras() for p, code in parts.items()}


@lru_cache(maxsize=1)
def relative_words() -> dict[str, RelWord]:
    """relative.tsv: 今年, 昨年, 同月, 翌日, 今朝, 当時 …"""
    return {
        r[0]: RelWord(r[0], _cell(r, 1), _cell(r, 2), _cell(r, 3), _cell(r, 4))
        for r in _rows("relative.tsv")
    }


@lru_cache(maxsize=1)
def dayparts() -> dict[str, tuple[str, bool]]:
    """dayparts.tsv: 午前/午後/朝/夜 … -> (TIMEX3 token, adds 12 hours)."""
    return {r[0]: (r[1], _cell(r, 2) == "1") for r in _rows("dayparts.tsv")}


@lru_cache(maxsize=1)
def future_markers() -> tuple[str, ...]:
    """future_markers.txt: words that put a sentence in the future."""
    return tuple(r[0].strip() for r in _rows("future_markers.txt"))
