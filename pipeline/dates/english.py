"""English temporal tagger: finds English date expressions and resolves them with the
Japanese resolver (`pipeline.dates.resolve.Resolver`), so both languages share one
anchoring policy and one set of value formats (2020, 2020-04 with mod MID, 199X, P20Y …).

`tag_dates_en(text, published, sentences)` mirrors `pipeline.dates.tag_dates`: this module
only *reads* English surface forms into `Expr` records (the same records the Japanese
patterns produce); `Resolver` anchors them on the publication date and the discourse (a
month without a year takes the year of the nearest preceding dated statement in the
paragraph, else the publication year, choosing the past unless the sentence speaks of the
future). Relative phrases (last year, earlier this month, the following day …) are data:
`data/en_relative.tsv` maps each to the word of `relative.tsv` with the same meaning;
spans leave out prepositions and a leading "the" (on Monday -> "Monday", the 1990s ->
"1990s"), as Japanese spans leave out particles;
future markers (will, plans to, next …) are in `data/en_future_markers.txt`.

Forms: December 5, 2025 · Dec. 5 · 5 December 2025 · (the) 5th of December · December 2025 ·
in May · mid-April · early 2020 · the end of 2020 · the first half of 2021 · the second
quarter of 2020 · 2021 · since 2019 · the 2020 election · 2019-2021 · from 2019 to 2021 ·
the 1990s · the early '90s · the 20th century · last year · earlier this month ·
yesterday · on Monday · three years ago · two years later · for 26 years · every year ·
every Monday · spring 2021 · last summer · 2025-12-05 · Monday, January 7, 2019 (a
dateline) · December 22, last year · January of last year · early this June · Saturday morning · 10:45 a.m. EDT ·
0600 GMT (value T06:00Z) · 18:00 local time. Weekdays and the past/future of a month are
read from the nearest tense marker of the date's clause (`tense.en_clause_tense`); "N days
before the election" counts from an event, not a date, and is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from pipeline.dates import lexicon
from pipeline.dates.patterns import Expr
from pipeline.dates.resolve import Point, Resolver
from pipeline.dates.tense import en_clause_tense
from pipeline.model import DateMention, Sentence

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a few": None, "several": None,
    "many": None, "some": None,
}  # fmt: skip
SEASONS = {"spring": "春", "summer": "夏", "fall": "秋", "autumn": "秋", "winter": "冬"}
# (mod, part code of the Japanese resolver) for English part words
PARTS = {
    "early": ("START", "t1"), "the beginning of": ("START", "t1"), "the start of": ("START", "t1"),
    "mid": ("MID", "t2"), "the middle of": ("MID", "t2"), "late": ("END", "t3"),
    "the end of": ("END", "end"), "the first half of": ("START", "h1"),
    "the second half of": ("END", "h2"), "the first quarter of": ("", "q1"),
    "the second quarter of": ("", "q2"), "the third quarter of": ("", "q3"),
    "the fourth quarter of": ("", "q4"),
}  # fmt: skip
# a four-digit number followed by one of these is a count, not a year (2000 troops)
COUNT_NOUNS = (
    "people|troops|soldiers|residents|tons|tonnes|barrels|dollars|euros|rubles|km|kilometers|"
    "kilometres|miles|meters|metres|votes|prisoners|workers|cases|units|jobs|men|women|"
    "children|refugees|migrants|members|delegates|cars|flights|times|pages|words"
)

# the year a month or day is "of": December 22, last year; January of last year
_YEAR_WORDS = {"last": "昨年", "this": "今年", "next": "来年"}

_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept)"
)
_PART = (
    r"(?i:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of"
    r"|the\s+(?:first|second)\s+half\s+of|the\s+(?:first|second|third|fourth)\s+quarter\s+of)"
    r"(?:-|\s+))?"
)
_YEAR = r"(?P<y>1[5-9]\d\d|20\d\d)"
_YEAR_END = rf"(?![\d%]|[.,]\d|\s+(?:{COUNT_NOUNS})\b)"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_B = r"(?<![\w$€£.,-])"  # nothing word-like (or a currency sign) glued before

_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
R_MDY = re.compile(
    rf"{_B}(?:(?P<wd>{_WEEKDAY_NAME}),?\s+)?{_PART}(?P<mon>{_MONTH_NAME})\s+{_DAY}"
    rf"(?:,?\s+{_YEAR}{_YEAR_END}|,\s+(?P<ry>(?i:last|this|next))\s+year\b)?(?!\d)"
)  # Monday, January 7, 2019 (a dateline); December 22, last year
R_DMY = re.compile(rf"{_B}{_DAY}(?:\s+of)?\s+(?P<mon>{_MONTH_NAME})(?:,?\s+{_YEAR}{_YEAR_END})?")
R_MY = re.compile(
    rf"{_B}{_PART}(?:(?P<this>(?i:this))\s+)?(?P<mon>{_MONTH_NAME})"
    rf"(?:,?\s+(?:of\s+)?{_YEAR}{_YEAR_END}|\s+of\s+(?P<ry>(?i:last|this|next))\s+year\b)?"
)  # June 2019, early this June, January of last year
R_ISO = re.compile(
    r"(?<![\w./-])(?P<y>\d{4})-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\w/-])"
)
R_YEAR = re.compile(
    rf"{_B}{_PART}{_YEAR}{_YEAR_END}"
    rf"(?:\s*(?:-|–|—|to|through|until)\s*(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d%]))?"
)
R_YEAR_RANGE = re.compile(
    rf"(?i:(?P<kw>from|between))\s+{_YEAR}\s+(?i:to|and|until|through)\s+(?P<y2>1[5-9]\d\d|20\d\d)(?![\d%])"
)
R_DECADE = re.compile(
    r"(?<![\w$])(?:(?i:(?P<part>early|mid|late))(?:-|\s+))?"
    r"(?:(?P<y>1[5-9]\d0|20\d0)s|'(?P<yy>\d0)s)\b"
)
R_CENTURY = re.compile(
    r"(?<![\w])(?:(?i:(?P<part>early|mid|late))(?:-|\s+))?"
    r"(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+(?i:century)\b"
)
_NUM = r"(?P<n>\d{1,3}|(?i:a\s+few|several|many|some|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty))"
_UNIT = r"(?P<u>(?i:years?|months?|weeks?|days?|decades?))"
R_AGO = re.compile(rf"(?<![\w-]){_NUM}\s+{_UNIT}\s+(?P<dir>(?i:ago|earlier|before|later|after))\b")
_EN_QUOTE_MARKS = re.compile('["“”\n]')
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")
R_DUR = re.compile(
    rf"(?<![\w-])(?:(?P<approx>(?i:about|around|nearly|almost|more\s+than|over|some))\s+)?"
    rf"{_NUM}\s+{_UNIT}(?![\w-])(?!\s+(?i:ago|earlier|before|later|after)\b)"
)
R_WEEKDAY = re.compile(
    r"(?<![\w])(?:(?P<pre>(?i:last|next|this\s+past))\s+)?"
    r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
)  # "This Thursday" is Thursday: this adds nothing to the day; Saturday morning is the day
_ZONES_UTC = ("UTC", "GMT", "Z")
R_CLOCK = re.compile(
    r"(?<![\w:.,$])(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ampm>[AaPp]\.\s?[Mm]\.|[AaPp][Mm]\b))?"
    r"|(?P<h12>1[0-2]|0?[1-9])\s*(?P<ampm12>[AaPp]\.\s?[Mm]\.|[ap]m\b)"
    r"|(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|Z\b|hours\b|hrs\b)))"
    r"(?:\s*(?P<zone>local\s+time|GMT|UTC|Z\b|[ECMP][DS]T\b|BST|CES?T|JST|KST|IST|MSK))?"
    r"(?![\w:])"
)  # 10:45 a.m. EDT, 7:45 p.m., 18:00 local time, 0600 GMT, 1500 UTC, 4 pm
R_SET = re.compile(
    r"(?<![\w])(?:(?i:every)\s+(?P<u>year|month|week|day|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)|(?P<adv>(?i:annually|yearly)))\b"
)
R_SEASON = re.compile(
    r"(?<![\w])(?:(?P<pre>(?i:last|next|this))\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))"
    rf"(?:\s+(?:of\s+)?{_YEAR}{_YEAR_END})?\b"
)
# "May" is also a verb: a bare month name needs a preposition or part before it
_BARE_MONTH_OK = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|to|through|during|before|after|last|next|this|of|"
    r"early|mid|late|end|beginning|and|or|between|that|entered|reached))[\s-]+$"
)
# ... except the months that name nothing else capitalised (not May, a verb and a name, nor
# March, a protest in names): scheduled for November, the October elections, As July came to a
# close; not before another capitalised word (June Carter, April Ryan: a person's name)
_MONTH_ALONE = re.compile(
    r"(?:January|February|April|June|July|August|September|October|November|December)(?!\w|\s+[A-Z])"
)
# "this past" is "last": this past April (the last April before publication), this past Friday
_THIS_PAST = re.compile(r"(?i:\bthis\s+past)\s+$")
# a part word before a relative year or month: late last month, early next year, the end of last year
_PART_BEFORE = re.compile(rf"(?<![\w-]){_PART}\Z")
# the end of the month, the beginning of the year: of the month or year the story is in
# (the last one dated, else the publication's)
R_PART_OF_THE = re.compile(
    r"(?<![\w-])(?i:(?P<part>the\s+(?:beginning|start|middle|end)\s+of)\s+the\s+(?P<u>month|year))\b"
)
# words that join a month to the one before it (December and January)
_JOINED = re.compile(r"\s(?:and|to|through|until|or)\s+$|\s?[-–]\s?$")
# the word of a month named with no preposition before it (NEAREST), or after "this past"
# (LAST): see EnglishResolver._point
NEAREST = "nearest"
LAST = "last"
# the month or year of "the end of the month / the year" (R_PART_OF_THE)
THE_MONTH, THE_YEAR = "the month", "the year"


def before_start(before: str, end: int) -> int:
    """Where the words of `_THIS_PAST` that end `before` (the text up to `end`) begin."""
    return end - (len(before) - _THIS_PAST.search(before).start())


def _unit(u: str) -> str:
    return u.lower().rstrip("s")


def _num(raw: str) -> float | None:
    raw = re.sub(r"\s+", " ", raw.lower())
    if raw.isdigit():
        return float(raw)
    n = NUMBER_WORDS.get(raw)
    return float(n) if n is not None else None


def _apply_part(e: Expr, part: str | None) -> Expr:
    if part:
        key = re.sub(r"\s+", " ", part.lower())
        e.mod, e.part = PARTS[key]
    return e


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


@lru_cache(maxsize=1)
def relative_phrases() -> dict[str, str]:
    """en_relative.tsv: English phrase -> relative.tsv word."""
    rel = lexicon.relative_words()
    out = {}
    for row in lexicon._rows("en_relative.tsv"):
        phrase, word = row[0].strip().lower(), row[1].strip()
        if word not in rel:
            raise ValueError(f"en_relative.tsv: {phrase!r} maps to {word!r}, not in relative.tsv")
        out[phrase] = word
    return out


@lru_cache(maxsize=1)
def _relative_regex() -> re.Pattern:
    alts = "|".join(
        r"\s+".join(re.escape(w) for w in p.split())
        for p in sorted(relative_phrases(), key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?i:{alts})(?![\w-])")


@lru_cache(maxsize=1)
def future_markers() -> tuple[str, ...]:
    text = resources.files("pipeline.dates").joinpath("data", "en_future_markers.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return tuple(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _future_regex() -> re.Pattern:
    alts = "|".join(r"\s+".join(re.escape(x) for x in w.split()) for w in future_markers())
    return re.compile(rf"\b(?i:{alts})\b")


# ------------------------------------------------------------------------------ finding


def _clock(m: re.Match) -> Expr | None:
    """A clock time: hours and minutes on the 24-hour clock, "Z" kept for UTC/GMT."""
    if m["hhmm"]:
        h, mi = int(m["hhmm"][:2]), int(m["hhmm"][2:])
    elif m["h12"]:
        h, mi = int(m["h12"]), 0
    else:
        h, mi = int(m["h"]), int(m["mi"])
    ampm = (m["ampm"] or m["ampm12"] or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if h > 12 or h == 0:
            return None
        h = h % 12 + (12 if ampm == "pm" else 0)
    zone = (m["zone"] or "").upper()
    e = Expr(m.start(), m.end(), "time", hh=h, mi=mi)
    e.word = "Z" if zone in _ZONES_UTC else ""
    return e



def _year_value(raw: str, base: int) -> int:
    """The end of a year range: 2019-21 -> 2021."""
    n = int(raw)
    if len(raw) == 2:
        n = base // 100 * 100 + n
        if n < base:
            n += 100
    return n


def find_en(text: str) -> list[Expr]:
    """Temporal expressions in English text (unresolved), longest first, not overlapping."""
    cands: list[tuple[int, int, int, Expr]] = []  # (start, -length, order, expr)

    def add(e: Expr | None, order: int) -> None:
        if e is not None and e.end > e.start:
            cands.append((e.start, -(e.end - e.start), order, e))

    for m in R_ISO.finditer(text):
        add(
            Expr(
                m.start(), m.end(), "cal", y=int(m["y"]), ykind="abs", m=int(m["m"]), d=int(m["d"])
            ),
            0,
        )
    for m in R_MDY.finditer(text):
        e = Expr(m.start(), m.end(), "cal", m=_month(m["mon"]), d=int(m["d"]))
        if m["y"]:
            e.y, e.ykind = int(m["y"]), "abs"
        elif m["ry"]:
            e.yrel, e.ykind = _YEAR_WORDS[m["ry"].lower()], "rel"
        if m["wd"]:
            e.wd = WEEKDAYS.index(m["wd"].lower())
        add(_apply_part(e, None), 1)
    for m in R_CLOCK.finditer(text):
        e = _clock(m)
        if e is not None:
            add(e, 0)
    for m in R_DMY.finditer(text):
        e = Expr(m.start(), m.end(), "cal", m=_month(m["mon"]), d=int(m["d"]))
        if m["y"]:
            e.y, e.ykind = int(m["y"]), "abs"
        add(e, 1)
    for m in R_MY.finditer(text):
        mon = m["mon"]
        alone = False
        if not (m["y"] or m["part"] or m["this"] or m["ry"]):
            before = text[max(0, m.start() - 20) : m.start()]
            alone = not _BARE_MONTH_OK.search(before)
            if alone and not _MONTH_ALONE.match(text, m.start("mon")):
                continue  # "May" the verb, "March" the noun
        e = Expr(m.start(), m.end(), "cal", m=_month(mon))
        if alone:
            e.word = NEAREST  # the October elections: a name for a month, in no clause's tense
            if _THIS_PAST.search(before):
                e = Expr(before_start(before, m.start()), m.end(), "cal", m=_month(mon), word=LAST)
        if m["y"]:
            e.y, e.ykind = int(m["y"]), "abs"
        elif m["this"]:
            e.yrel, e.ykind = "今年", "rel"
        elif m["ry"]:
            e.yrel, e.ykind = _YEAR_WORDS[m["ry"].lower()], "rel"
        add(_apply_part(e, m["part"]), 2)
    for m in R_YEAR_RANGE.finditer(text):
        y = int(m["y"])
        e = Expr(m.start(), m.end(), "cal", y=y, ykind="abs")
        e.end_expr = Expr(m.start(), m.end(), "cal", y=_year_value(m["y2"], y), ykind="abs")
        add(e, 3)
    for m in R_YEAR.finditer(text):
        y = int(m["y"])
        e = Expr(m.start(), m.end(), "cal", y=y, ykind="abs")
        if m["y2"]:
            y2 = _year_value(m["y2"], y)
            if not y < y2 <= y + 100:
                e = Expr(m.start(), m.start("y") + 4, "cal", y=y, ykind="abs")
            else:
                e.end_expr = Expr(m.start(), m.end(), "cal", y=y2, ykind="abs")
        add(_apply_part(e, m["part"]), 4)
    for m in R_DECADE.finditer(text):
        y = int(m["y"]) if m["y"] else int(m["yy"])
        e = Expr(m.start(), m.end(), "decade", y=y, ykind="abs" if m["y"] else "two")
        add(_apply_part(e, m["part"]), 3)
    for m in R_CENTURY.finditer(text):
        add(_apply_part(Expr(m.start(), m.end(), "century", n=float(m["n"])), m["part"]), 3)
    for m in R_AGO.finditer(text):
        n = _num(m["n"])
        u = _unit(m["u"])
        if u == "decade":
            u, n = "year", (n * 10 if n is not None else None)
        if m["dir"].lower() in ("before", "after") and _NOUN_AFTER.match(text, m.end()):
            continue  # two weeks before Widodo's inauguration: before an event, not a date
        later = m["dir"].lower() in ("later", "after")
        pre = "その" if m["dir"].lower() in ("later", "after", "earlier", "before") else ""
        add(Expr(m.start(), m.end(), "reln", word=u, n=n, pre=pre, dir="後" if later else "前"), 3)
    for m in R_DUR.finditer(text):
        n = _num(m["n"])
        u = _unit(m["u"])
        letter = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y"}[u]
        if n is not None and u == "decade":
            n *= 10
        count = "X" if n is None else f"{n:g}"
        if n is None and u == "decade":
            count = "X"
            letter = "DE"
        e = Expr(m.start(), m.end(), "dur", n=n, word=u, value=f"P{count}{letter}")
        if m["approx"]:
            e.mod = "APPROX"  # about / nearly / more than: the contract's one vague mod
        add(e, 5)
    for m in R_WEEKDAY.finditer(text):
        e = Expr(m.start(), m.end(), "weekday", wd=WEEKDAYS.index(m["w"].lower()))
        e.pre = "last" if (m["pre"] or "").lower().startswith("this") else (m["pre"] or "").lower()
        e.daypart = (m["part"] or "").lower()
        add(e, 6)
    for m in R_SET.finditer(text):
        u = (m["u"] or "").lower()
        if m["adv"] or u == "year":
            value = "P1Y"
        elif u in WEEKDAYS:
            value = f"XXXX-WXX-{WEEKDAYS.index(u) + 1}"
        else:
            value = {"month": "P1M", "week": "P1W", "day": "P1D"}[u]
        add(Expr(m.start(), m.end(), "set", value=value), 3)
    for m in R_SEASON.finditer(text):
        pre = (m["pre"] or "").lower()
        if not pre and not m["y"]:
            continue  # a bare season needs a year or last/next/this
        e = Expr(m.start(), m.end(), "season", word=SEASONS[m["s"].lower()])
        if m["y"]:
            e.year_expr = Expr(m.start("y"), m.end("y"), "cal", y=int(m["y"]), ykind="abs")
        e.pre = {"last": "昨", "next": "来"}.get(pre, "")
        add(e, 3)
    for m in R_PART_OF_THE.finditer(text):
        e = Expr(m.start(), m.end(), "cal", word=THE_YEAR if m["u"].lower() == "year" else THE_MONTH)
        add(_apply_part(e, m["part"]), 1)
    rel = relative_phrases()
    rwords = lexicon.relative_words()
    for m in _relative_regex().finditer(text):
        word = rel[re.sub(r"\s+", " ", m.group(0).lower())]
        unit = rwords[word].unit
        part = _PART_BEFORE.search(text, max(0, m.start() - 24), m.start()) if unit in ("year", "fy", "month") else None
        part = part if part and part["part"] else None
        start = part.start() if part else m.start()
        if unit in ("year", "fy"):
            e = _apply_part(Expr(start, m.end(), "cal", yrel=word, ykind="rel"), part and part["part"])
        elif unit == "month":
            e = _apply_part(Expr(start, m.end(), "cal", mrel=word), part and part["part"])
        else:
            e = Expr(m.start(), m.end(), "lex", word=word)
        add(e, 1)

    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[Expr] = []
    last_end = -1
    # longest match wins: visit candidates by length, keep those that overlap nothing kept
    kept: list[Expr] = []
    for _, _, _, e in sorted(cands, key=lambda c: (c[1], c[0], c[2])):
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    for e in sorted(kept, key=lambda e: e.start):
        if e.start >= last_end:
            out.append(e)
            last_end = e.end
    return out


# ------------------------------------------------------------------------------ resolving


_SINCE_EN = re.compile(r"(?i:\bsince)\s+$")


class EnglishResolver(Resolver):
    """The Japanese resolver with English future markers and English weekday words (its
    discourse rules, "next month" included, are the same)."""

    def __init__(self, text: str, published: str, sentences: list[Sentence]):
        super().__init__(text, published, sentences)
        self.markers = _future_regex()

    def _past(self, s: Sentence) -> bool:
        """Any English sentence not about the future: a month of "next month"'s year that
        lands after publication is taken back to the publication rule."""
        return True

    def _clause_tense(self, s: Sentence, start: int, end: int) -> str:
        return en_clause_tense(self.text, start, end, s.start, s.end)

    def _quote_spans(self) -> list[tuple[int, int]]:
        """Quotes: "…" (a straight mark opens or closes), “…”; none runs past its line."""
        out: list[tuple[int, int]] = []
        start = -1
        for m in _EN_QUOTE_MARKS.finditer(self.text):
            c = m.group()
            if start < 0:
                if c in '"“':
                    start = m.start()
            elif c in '"”\n':
                out.append((start, m.end()))
                start = -1
        if start >= 0:
            out.append((start, len(self.text)))
        return out

    def _point(self, e: Expr, where, inherit: Point | None = None):
        """A month named with no preposition before it (the October elections, As July came
        to a close) is read in no clause's tense: the one nearest the paragraph's last date,
        else the publication date."""
        if e.word in (THE_MONTH, THE_YEAR):
            return self._story_month(e, where)
        if e.word not in (NEAREST, LAST) or e.y is not None or e.m is None:
            return self._after_month(e, where, super()._point(e, where, inherit))
        ref = inherit or self.para_ref.get(where.thread) or self.pub
        if ref is None:
            return None
        pub = self.pub
        if e.word == LAST and pub is not None and pub.m is not None:
            y = pub.y if e.m <= pub.m else pub.y - 1
            return Point(y, e.m, e.d), "publication", 0.8
        months = ref.y * 12 + (ref.m or 6) - 1
        y = min((ref.y - 1, ref.y, ref.y + 1), key=lambda y: abs(y * 12 + e.m - 1 - months))
        return Point(y, e.m, e.d), "publication", 0.6

    def _story_month(self, e: Expr, where):
        """The month (or year) of "the end of the month": the last date's of the paragraph or,
        where it has none, of the story, where that date has one, else the publication date's."""
        ref = self.para_ref.get(where.thread) or self.disc_ref(where)
        if ref is None or (e.word == THE_MONTH and ref.m is None):
            ref, anchor = self.pub, "publication"
        else:
            anchor = "discourse"
        if ref is None or (e.word == THE_MONTH and ref.m is None):
            return None
        return Point(ref.y, ref.m if e.word == THE_MONTH else None), anchor, 0.7

    def _after_month(self, e: Expr, where, got):
        """A month joined to a later one before it (December and January, November to
        February) takes the year after that month's."""
        ref = self.para_ref.get(where.thread)
        if (
            got is None
            or got[1] != "discourse"
            or e.m is None
            or e.d is not None
            or ref is None
            or ref.m is None
            or not e.m < ref.m
            or not _JOINED.search(self.text, max(0, e.start - 12), e.start)
        ):
            return got
        return Point(ref.y + 1, e.m), "discourse", got[2]

    def _opens_span(self, e: Expr) -> bool:
        """"since 2006", "ever since May": a span that runs to now sets no discourse."""
        return _SINCE_EN.search(self.text, max(0, e.start - 12), e.start) is not None

    def _weekday(self, e: Expr, where) -> DateMention:
        if e.pre in ("last", "next"):
            where = replace(where, future=e.pre == "next")
        return super()._weekday(e, where)


def tag_dates_en(
    text: str, published: str, sentences: list[Sentence] | None = None
) -> list[DateMention]:
    """English temporal expressions in `text` (offsets into `text`), resolved against
    `published` ("2026", "2026-02" or "2026-02-14") and the discourse."""
    if not text:
        return []
    if not sentences:
        from pipeline.dates import split_sentences

        sentences = split_sentences(text)  # one paragraph per line
    return EnglishResolver(text, published, list(sentences)).resolve(find_en(text))


__all__ = ["find_en", "tag_dates_en", "relative_phrases", "future_markers"]
