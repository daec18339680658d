"""Anchors found expressions: turns 「4月中旬」 into 2020-04 MID, 2020-04-11..2020-04-20.

A date written without a year borrows it from the nearest preceding dated statement in the
same paragraph (discourse), else from the publication date, choosing the past unless the
sentence speaks of the future. This module owns that policy and the value formats:

- DATE values: YYYY, YYYY-MM, YYYY-MM-DD; FY2025 for 年度 (range 2025-04-01..2026-03-31);
  2025-W07 for weeks; 2020-SP/SU/FA/WI for seasons; 2025-Q3 for quarters; 199X for decades;
  19XX for centuries (20世紀, range 1901-01-01..2000-12-31); named periods are ISO intervals
  "1603/1868" ("1945-08-15/.." when open); vague words PAST_REF / PRESENT_REF / FUTURE_REF.
- Ranges (2020〜21年, 3〜5日, 1945年2月から4月): one mention whose value is the *start*,
  with range_start/range_end covering the whole range.
- Parts (上旬, 半ば, 末, 前半 …) keep the value of the unit and set mod and the range.
- TIME: 2026-02-05T09:00 when the day is known, T09:00 otherwise; parts of days as TMO etc.
- DURATION: P20Y, P3D, PT2H, PXY (数年); SET: P1Y (毎年), XXXX-04 (毎年4月), XXXX-WXX-1.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipeline.dates import lexicon
from pipeline.dates.patterns import Expr
from pipeline.dates.tense import FUTURE, PAST, ja_clause_tense
from pipeline.model import DateMention, Sentence


@dataclass(frozen=True)
class Point:
    """A resolved calendar position at year, month or day precision."""

    y: int
    m: int | None = None
    d: int | None = None

    @property
    def value(self) -> str:
        if self.m is None:
            return f"{self.y:04d}"
        if self.d is None:
            return f"{self.y:04d}-{self.m:02d}"
        return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"

    def bounds(self) -> tuple[date, date]:
        if self.m is None:
            return date(self.y, 1, 1), date(self.y, 12, 31)
        if self.d is None:
            return date(self.y, self.m, 1), _month_end(self.y, self.m)
        day = date(self.y, self.m, self.d)
        return day, day


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if not 1 <= y <= 9999:
        return False
    if m is not None and d is not None:
        return d <= calendar.monthrange(y, m)[1]
    return True


def parse_published(published: str) -> Point | None:
    """'2026', '2026-02' or '2026-02-14' (also 2026/02/14) -> Point; None when unusable."""
    parts = (published or "").strip().replace("/", "-")[:10].split("-")
    try:
        nums = [int(p) for p in parts if p]
    except ValueError:
        return None
    if not nums or not 1 <= nums[0] <= 9999:
        return None
    y, m, d = (nums + [None, None])[:3]
    if m is not None and not 1 <= m <= 12:
        m, d = None, None
    if d is not None and not _valid(y, m, d):
        d = None
    return Point(y, m, d)


def _mention(*args, **kwargs) -> DateMention:
    """A DateMention (type, value, mod, range_start, range_end, anchor, confidence) whose
    offsets, text and sentence are filled in by `Resolver.resolve`."""
    return DateMention(0, 0, "", *args, **kwargs)


# act nouns a date is written on to (8月29日発売, 11月上旬デビュー), not followed by する
_DATED_NOUN = re.compile(
    r"(?:発売|公開|放送|放映|開幕|開業|開店|オープン|デビュー|施行|刊行|発行|上映|配信|封切り?|投開票)"
    r"(?![しさする])"
)

# after a date: the span it opens runs to now (以来, の放送開始以来)
_SINCE_JA = re.compile(r"(?:の[^、。「」\n]{0,10})?以来")

# a Japanese sentence whose last predicate is in the past tense (した, 述べた, だった, ました),
# before closing quotes, brackets and punctuation
_QUOTE_MARKS = re.compile(r"[「」『』\n]")
_PAST_END = re.compile(r"た[」』）)\]\s。．.！!？?]*$")


@lru_cache(maxsize=1)
def _future_regex() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in lexicon.future_markers()))


@dataclass
class _Where:
    sentence_id: int
    paragraph: int
    future: bool
    body: bool = True  # captions and headings do not start a discourse thread for the body
    past: bool = False  # the date's clause reports what happened (した, だった, said)
    quote: int = -1  # start of the top-level quote holding the date, -1 outside quotes
    nearest: bool = False  # the date names when an act noun happens: the occurrence nearest publication

    @property
    def thread(self) -> tuple[int, int]:
        """The discourse a date without a year continues: its paragraph, or its quote in
        the paragraph (quotes of different speakers do not share one)."""
        return self.paragraph, self.quote


class Resolver:
    """Resolves expressions of one document, in text order, keeping the discourse state."""

    QUOTES = {"「": "」", "『": "』"}

    def __init__(self, text: str, published: str, sentences: list[Sentence]):
        self.text = text
        self.pub = parse_published(published)
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]
        self.para_ref: dict[tuple[int, int], Point] = {}
        self.doc_ref: Point | None = None
        self.speech_day: dict[int, Point] = {}  # sentence -> its day, written outside quotes
        self.last_day: Point | None = None  # the last day written in the body, outside quotes
        self.last_past_day: Point | None = None  # ... the last of those not after publication
        self.markers = _future_regex()
        self._future_cache: dict[int, bool] = {}
        self.quotes = self._quote_spans()
        self.quote_starts = [q[0] for q in self.quotes]

    # ------------------------------------------------------------------ context

    def _quote_spans(self) -> list[tuple[int, int]]:
        """Top-level quotes (start, end) of the text; an unclosed quote ends at its line."""
        out: list[tuple[int, int]] = []
        depth, start = 0, 0
        for m in _QUOTE_MARKS.finditer(self.text):
            c = m.group()
            if c in self.QUOTES:
                if depth == 0:
                    start = m.start()
                depth += 1
            elif depth and (c == "\n" or depth == 1):
                out.append((start, m.end()))
                depth = 0
            elif depth:
                depth -= 1
        if depth:
            out.append((start, len(self.text)))
        return out

    def quote_at(self, pos: int) -> int:
        i = bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i][1]:
            return self.quotes[i][0]
        return -1

    def where(self, start: int, end: int | None = None) -> _Where:
        """Sentence, paragraph, quote and tense of the expression at [start, end)."""
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return _Where(-1, -1, False, quote=self.quote_at(start))
        s = self.sentences[i]
        if s.sentence_id not in self._future_cache:
            chunk = self.text[s.start : s.end]
            self._future_cache[s.sentence_id] = self.markers.search(chunk) is not None
        body = s.kind not in ("caption", "heading")
        quote = self.quote_at(start)
        if end is not None and self._dates_a_noun(end):
            return _Where(s.sentence_id, s.paragraph, False, body, False, quote, nearest=True)
        local = self._clause_tense(s, start, start if end is None else end)
        if local:
            future, past = local == FUTURE, local == PAST
        else:
            future, past = self._future_cache[s.sentence_id], self._past(s)
        return _Where(s.sentence_id, s.paragraph, future, body, past, quote)

    def _dates_a_noun(self, end: int) -> bool:
        """Is the date written on to an act noun (8月29日発売の新曲, 11月上旬デビュー, 20日公開)?
        It then says when that act happens, whatever the tense of the clause that mentions
        it (…デビューを報じた): the occurrence nearest publication."""
        return _DATED_NOUN.match(self.text, end) is not None

    def _clause_tense(self, s: Sentence, start: int, end: int) -> str:
        return ja_clause_tense(self.text, end, s.end)

    def _past(self, s: Sentence) -> bool:
        return _PAST_END.search(self.text[s.start : s.end]) is not None

    def disc_ref(self, where: _Where) -> Point | None:
        """The date a 同日 / 翌年 / その3日後 counts from: the last of the quote it is in,
        else the last of the body."""
        if where.quote >= 0:
            return self.para_ref.get(where.thread) or self.doc_ref
        return self.doc_ref

    def remember(self, p: Point, where: _Where) -> None:
        ref = self.para_ref.get(where.thread)
        if ref and ref.y == p.y and p.m is None:
            return  # 同年 after 2020年8月 keeps the month
        self.para_ref[where.thread] = p
        if where.quote < 0:
            if where.body:
                self.doc_ref = p
            if p.d is not None:
                self.speech_day[where.sentence_id] = p
                if where.body:
                    self.last_day = p
                    if not self._ahead(p):
                        self.last_past_day = p

    def _ahead(self, p: Point) -> bool:
        """Is the day `p` after publication?"""
        pub = self.pub
        return pub is not None and pub.m is not None and (p.y, p.m or 0, p.d or 0) > (pub.y, pub.m, pub.d or 31)

    def _day_for_the_past(self, ref: Point | None, where: _Where) -> Point | None:
        """The day a clock time or a 同日 / "the same day" in a clause that reports the past
        counts from: `ref`, unless that lies after publication (a court date announced,
        "his next appearance on April 5"): then the last day the body wrote that does not."""
        if ref is not None and ref.d is not None and where.past and not where.future and self._ahead(ref):
            return self.last_past_day
        return ref

    @property
    def pub_year(self) -> int:
        return self.pub.y if self.pub else date.today().year

    # ------------------------------------------------------------------ entry

    def resolve(self, exprs: list[Expr]) -> list[DateMention]:
        out = []
        for e in exprs:
            where = self.where(e.start, e.end)
            fn = getattr(self, "_" + e.kind)
            dm = fn(e, where)
            if dm is None:
                continue
            dm.start, dm.end, dm.text = e.start, e.end, self.text[e.start : e.end]
            dm.sentence_id = where.sentence_id
            dm.confidence = round(dm.confidence, 2)
            out.append(dm)
        return out

    # ------------------------------------------------------------------ calendar dates

    def _two_digit(self, n: int, future: bool) -> int:
        """25年 -> 2025 unless that is after publication year + 1 (then 19YY); the future
        (予定, 目標, までに …) allows up to 30 years ahead (30年までに -> 2030)."""
        y = 2000 + n
        if y <= self.pub_year + 1 or (future and y <= self.pub_year + 30):
            return y
        return 1900 + n

    def _fy_of(self, p: Point) -> int:
        return p.y if p.m is None or p.m >= 4 else p.y - 1

    def _year_for_month(self, m: int, future: bool) -> tuple[int, float]:
        pub = self.pub
        if pub is None:
            return self.pub_year, 0.3
        if pub.m is None:
            return pub.y, 0.5
        if future:
            return (pub.y if m >= pub.m else pub.y + 1), 0.6
        return (pub.y if m <= pub.m else pub.y - 1), 0.7

    def _nearest_year(self, m: int) -> tuple[int, float]:
        """The year whose month `m` is nearest the publication month (a date of an act noun)."""
        pub = self.pub
        if pub is None or pub.m is None:
            return self._year_for_month(m, False)
        now = pub.y * 12 + pub.m - 1
        return min((pub.y - 1, pub.y, pub.y + 1), key=lambda y: abs(y * 12 + m - 1 - now)), 0.6

    def _nearest_month(self, d: int) -> tuple[int, int] | None:
        """The month whose day `d` is nearest the publication date (a date of an act noun)."""
        pub = self.pub
        if pub is None or pub.m is None or pub.d is None:
            return self._month_for_day(d, None, False)
        today = date(pub.y, pub.m, pub.d)
        months = [_add_months(pub.y, pub.m, k) for k in (-1, 0, 1)]
        valid = [(y, m) for y, m in months if _valid(y, m, d)]
        return min(valid, key=lambda ym: abs((date(ym[0], ym[1], d) - today).days)) if valid else None

    def _month_for_day(self, d: int, wd: int | None, future: bool) -> tuple[int, int] | None:
        pub = self.pub
        if pub is None or pub.m is None:
            return None
        cur = (pub.y, pub.m)
        prev, nxt = _add_months(*cur, -1), _add_months(*cur, 1)
        if wd is not None:
            order = [cur, nxt, prev] if future else [cur, prev, nxt]
            for y, m in order:
                if _valid(y, m, d) and date(y, m, d).weekday() == wd:
                    return y, m
        if pub.d is None:
            ym = cur
        elif future:
            ym = cur if d >= pub.d else nxt
        else:
            ym = cur if d <= pub.d else prev
        step = 1 if future else -1
        while not _valid(*ym, d):  # 31日 in a 30-day month: the nearest month that has it
            ym = _add_months(*ym, step)
        return ym

    def _point(self, e: Expr, where: _Where, inherit: Point | None = None):
        """(Point, anchor, confidence) for a calendar expression, or None.

        A month or day whose year (and month) come from the discourse must not land after
        publication in a sentence that reports the past: the discourse may have been set
        by 来月 or 翌月 (「来月、制裁を決める見通しだ。中国外相は24日、会談した」). The
        publication rule then chooses, as for a date with no discourse. (A sentence in the
        non-past, 「5日には閣僚会合が開かれる」, keeps the discourse's later month.)"""
        got = self._discourse_point(e, where, inherit)
        if got is None or got[1] != "discourse" or e.y is not None or e.yrel or e.mrel:
            return got
        p = got[0]
        pub = self.pub
        if pub is None or pub.m is None or where.future or not where.past or p.m is None:
            return got
        if e.m is None and p.d is not None:  # a day alone: month and year from the discourse
            if (p.y, p.m, p.d) <= (pub.y, pub.m, pub.d or 31):
                return got
            ym = self._month_for_day(p.d, e.wd, False)
            return got if ym is None else (Point(ym[0], ym[1], p.d), "publication", 0.6)
        if (p.y, p.m) > (pub.y, pub.m):
            y, conf = self._year_for_month(p.m, False)
            return Point(y, p.m, p.d), "publication", conf
        return got

    def _discourse_point(self, e: Expr, where: _Where, inherit: Point | None = None):
        """`_point` before its check against the publication date."""
        pub = self.pub
        if e.wrel and pub is not None and pub.d is not None:
            day = self._day_in_week(e.wrel, e.d)
            if day is not None:
                return Point(day.year, day.month, day.day), "publication", 0.9
        y: int | None = None
        m, d = e.m, e.d
        anchor, conf = "absolute", 0.95
        if e.ykind in ("abs", "era"):
            y = e.y
        elif e.ykind == "two":
            if inherit is not None and inherit.y >= 100:
                y = inherit.y // 100 * 100 + e.y
                y += 100 if y < inherit.y else 0
            else:
                y = self._two_digit(e.y, where.future)
            conf = 0.9
        elif e.yrel:
            rw = lexicon.relative_words()[e.yrel + ("度" if e.fy else "")]
            off = int(rw.offset)
            ref = self.doc_ref if rw.base == "disc" else None
            if ref is not None:
                y, anchor, conf = (self._fy_of(ref) if e.fy else ref.y) + off, "discourse", 0.8
            else:
                base = self._fy_of(pub) if (e.fy and pub) else self.pub_year
                y, anchor = base + off, "publication"
                conf = 0.9 if rw.base == "pub" and pub else 0.4
        if e.mrel:
            rw = lexicon.relative_words()[e.mrel]
            off = int(rw.offset)
            ref = self.doc_ref if rw.base == "disc" else pub
            anchor = "discourse" if rw.base == "disc" and ref else "publication"
            ref = ref or pub
            if ref is None or ref.m is None:
                if ref is None:
                    return None
                y, m, conf = ref.y, None, 0.3
            else:
                y, m = _add_months(ref.y, ref.m, off)
                conf = 0.85 if anchor == "discourse" else 0.9
        if y is None:
            if inherit is not None:
                y = inherit.y
                if m is None and d is not None:
                    m = inherit.m
                anchor, conf = "absolute", 0.9
            elif m is not None:
                ref = self.para_ref.get(where.thread)
                if ref is not None:
                    y, anchor, conf = ref.y, "discourse", 0.8
                else:
                    y, conf = self._nearest_year(m) if where.nearest else self._year_for_month(m, where.future)
                    anchor = "publication"
            elif d is not None:
                ref = self.para_ref.get(where.thread)
                if ref is not None and ref.m is not None:
                    y, m, anchor, conf = ref.y, ref.m, "discourse", 0.75
                    if ref.d is not None and d <= ref.d and self.text[e.start - 1 : e.start] == "翌":
                        y, m = _add_months(ref.y, ref.m, 1)  # 7月31日 … 翌1日: the first 1st after it
                else:
                    ym = self._nearest_month(d) if where.nearest else self._month_for_day(d, e.wd, where.future)
                    anchor = "publication"
                    if ym is None:
                        if pub is None:
                            return None
                        y, d, conf = pub.y, None, 0.3
                    else:
                        (y, m), conf = ym, 0.6
            else:
                return None
        if not _valid(y, m, d):
            return None
        if e.wd is not None and d is not None and m is not None:
            if date(y, m, d).weekday() != e.wd:
                conf *= 0.6
        return Point(y, m, d), anchor, conf

    def _day_in_week(self, word: str, d: int) -> date | None:
        """The day `d` of the month in the week `word` (今週, 先週, 来週) names, counted
        from publication: 今週13日 on Tuesday 14 August is Monday the 13th."""
        pub = self.pub
        today = date(pub.y, pub.m, pub.d)
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * int(lexicon.relative_words()[word].offset))
        return next((x for x in (monday + timedelta(days=k) for k in range(7)) if x.day == d), None)

    def _cal(self, e: Expr, where: _Where) -> DateMention | None:
        got = self._point(e, where)
        if got is None:
            return None
        p, anchor, conf = got
        rs, re_ = _part_range(p, e.fy, e.part)
        value = _value(p, e.fy, e.part)
        typ, value = _with_clock(value, e)
        mod = e.mod
        if e.end_expr is not None:
            got_end = self._point(e.end_expr, where, inherit=p)
            if got_end is not None:
                pe = got_end[0]
                re_ = _part_range(pe, e.end_expr.fy, e.end_expr.part)[1]
                if re_ < rs:
                    conf *= 0.5
        if not e.fy and not self._opens_span(e):
            self.remember(self._month_range_year(p, e), where)
        return _mention(typ, value, mod, rs.isoformat(), re_.isoformat(), anchor, conf)

    @staticmethod
    def _month_range_year(p: Point, e: Expr) -> Point:
        """What a date leaves the discourse: itself, but a range of months (7〜9月) its year
        alone: a day written after it could be of any of them (「7〜9月放送のドラマ…18日に
        始まった」 is not July's 18th)."""
        end = e.end_expr
        if p.d is None and p.m is not None and end is not None and end.d is None and end.m not in (None, p.m):
            return Point(p.y)
        return p

    def _opens_span(self, e: Expr) -> bool:
        """Is the date the start of a span that runs to the time of writing (2006年以来,
        2006年の放送開始以来)? Then it sets no discourse: 「2006年の放送開始以来、10月で
        13回目」 is this October."""
        return _SINCE_JA.match(self.text, e.end) is not None

    # ------------------------------------------------------------------ other kinds

    def _dur(self, e: Expr, where: _Where) -> DateMention:
        return _mention("DURATION", e.value, e.mod, anchor="absolute", confidence=0.9)

    def _set(self, e: Expr, where: _Where) -> DateMention:
        return _mention("SET", e.value, anchor="absolute", confidence=0.85)

    def _decade(self, e: Expr, where: _Where) -> DateMention:
        y = e.y
        if e.ykind == "two":
            y = self._two_digit(y, where.future)
        rs, re_ = _years_part(date(y, 1, 1), date(y + 9, 12, 31), e.part)
        conf = 0.95 if e.ykind == "abs" else 0.85
        return DateMention(
            0,
            0,
            "",
            "DATE",
            f"{y // 10:03d}X",
            e.mod,
            rs.isoformat(),
            re_.isoformat(),
            "absolute",
            conf,
        )

    def _century(self, e: Expr, where: _Where) -> DateMention | None:
        anchor = "absolute"
        if e.pre:
            c = (self.pub_year - 1) // 100 + 1 - (1 if e.pre == "前" else 0)
            anchor = "publication"
        else:
            c = int(e.n)
        if not 1 <= c <= 99:
            return None
        rs, re_ = _years_part(date((c - 1) * 100 + 1, 1, 1), date(c * 100, 12, 31), e.part)
        return _mention(
            "DATE", f"{c - 1:02d}", e.mod, rs.isoformat(), re_.isoformat(), anchor, 0.9
        )

    def _reln(self, e: Expr, where: _Where) -> DateMention | None:
        sign = -1 if e.dir == "前" else 1
        if e.n is None:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return _mention("DATE", value, e.mod, anchor="publication", confidence=0.3)
        ref = self.para_ref.get(where.thread) or (self.disc_ref(where) if e.pre == "その" else None)
        if ref is not None and (e.pre == "その" or sign > 0):
            base, anchor = ref, "discourse"
        elif sign > 0:
            return None  # 10年後 with no date before it: ten years after what?
        else:
            base, anchor = self.pub, "publication"
        if base is None:
            return None
        n = int(e.n) * sign
        conf = 0.8
        if e.word == "year":
            p = Point(base.y + n)
        elif e.word == "month" and base.m is not None:
            p = Point(*_add_months(base.y, base.m, n))
        elif e.word in ("week", "day") and base.d is not None:
            day = date(base.y, base.m, base.d) + timedelta(days=n * (7 if e.word == "week" else 1))
            p = Point(day.year, day.month, day.day)
            if e.word == "week":
                iy, iw, _ = day.isocalendar()
                mon = day - timedelta(days=day.weekday())
                self.remember(p, where)
                return _mention(
                    "DATE", f"{iy}-W{iw:02d}", e.mod, mon.isoformat(),
                    (mon + timedelta(days=6)).isoformat(), anchor, conf,
                )  # fmt: skip
        else:  # the base is not precise enough: keep what it gives, with low confidence
            p, conf = Point(base.y, base.m), 0.3
        rs, re_ = p.bounds()
        self.remember(p, where)
        return _mention("DATE", p.value, e.mod, rs.isoformat(), re_.isoformat(), anchor, conf)

    def _weekday(self, e: Expr, where: _Where) -> DateMention:
        pub = self.pub
        if pub is None or pub.d is None:
            return DateMention(
                0, 0, "", "DATE", f"XXXX-WXX-{e.wd + 1}", anchor="absolute", confidence=0.5
            )
        today = date(pub.y, pub.m, pub.d)
        delta = (e.wd - today.weekday()) % 7 if where.future else -((today.weekday() - e.wd) % 7)
        day = today + timedelta(days=delta)
        self.remember(Point(day.year, day.month, day.day), where)
        typ, value = _with_clock(day.isoformat(), e)
        return _mention(typ, value, e.mod, day.isoformat(), day.isoformat(), "publication", 0.6)

    def _time(self, e: Expr, where: _Where) -> DateMention:
        hm = f"T{e.hh:02d}:{e.mi or 0:02d}" + ("Z" if e.word == "Z" else "")  # Z: UTC
        ref = self.para_ref.get(where.thread)
        if ref is None or ref.d is None:
            ref = self.last_day if where.quote < 0 else None
        ref = self._day_for_the_past(ref, where)
        if ref is not None and ref.d is not None:
            day, anchor, conf = ref, "discourse", 0.7
        elif self.pub is not None and self.pub.d is not None:
            day, anchor, conf = self.pub, "publication", 0.5
        else:
            return _mention("TIME", hm, e.mod, anchor="absolute", confidence=0.6)
        s = day.value
        return _mention("TIME", s + hm, e.mod, s, s, anchor, conf)

    def _season(self, e: Expr, where: _Where) -> DateMention | None:
        season = lexicon.seasons()[e.word]
        anchor, conf = "publication", 0.8
        if e.year_expr is not None:
            got = self._point(e.year_expr, where)
            if got is None:
                return None
            y, anchor, conf = got[0].y, got[1], got[2]
        elif e.pre in ("同", "翌") and self.doc_ref is not None:
            y, anchor = self.doc_ref.y + (1 if e.pre == "翌" else 0), "discourse"
        else:
            if self.pub is None:
                return None
            y = self.pub.y
            if season.start_month > season.end_month and (self.pub.m or 12) <= season.end_month:
                y -= 1  # 今冬 in February is the winter that began last December
            y += {"昨": -1, "来": 1, "翌": 1}.get(e.pre, 0)
        rs = date(y, season.start_month, 1)
        ey = y + (1 if season.end_month < season.start_month else 0)
        re_ = _month_end(ey, season.end_month)
        return DateMention(
            0,
            0,
            "",
            "DATE",
            f"{y}-{season.code}",
            e.mod,
            rs.isoformat(),
            re_.isoformat(),
            anchor,
            conf,
        )

    def _lex(self, e: Expr, where: _Where) -> DateMention | None:
        w = e.word
        if w in lexicon.relative_words():
            return self._relword(e, lexicon.relative_words()[w], where)
        if w in lexicon.era_part_names():
            era_name, code = lexicon.era_part_names()[w]
            era = lexicon.eras()[era_name]
            end = era.end or self._pub_date().isoformat()
            rs, re_ = _years_part(
                date.fromisoformat(era.start), date.fromisoformat(end), _code(code)
            )
            mod = code if code in ("START", "MID", "END") else ("START" if code == "H1" else "END")
            return DateMention(
                0,
                0,
                "",
                "DATE",
                f"{era.start[:4]}/{end[:4]}",
                mod,
                rs.isoformat(),
                re_.isoformat(),
                "absolute",
                0.8,
            )
        if w in lexicon.periods():
            per = lexicon.periods()[w]
            rs = _lo(per.start)
            re_ = _hi(per.end) if per.end else self._pub_date()
            value = f"{per.start}/{per.end or '..'}"
            return DateMention(
                0, 0, "", "DATE", value, e.mod, rs.isoformat(), re_.isoformat(), "absolute", 0.85
            )
        if w in lexicon.holidays():
            return self._holiday(e, where)
        if w in lexicon.spans():
            return self._span(e, where)
        return None

    def _pub_date(self) -> date:
        p = self.pub or Point(date.today().year)
        return p.bounds()[1]

    def _year_for(self, e: Expr, where: _Where, month: int, day: int, nearest: bool = False):
        """Year of a yearly day/span: written, discourse, or the publication rule."""
        if e.year_expr is not None:
            got = self._point(e.year_expr, where)
            if got is not None:
                return got[0].y, got[1], got[2]
        ref = self.para_ref.get(where.thread)
        if ref is not None:
            return ref.y, "discourse", 0.7
        pub = self.pub
        if pub is None:
            return None
        if pub.m is None:
            return pub.y, "publication", 0.5
        today = (pub.m, pub.d or 31)
        if nearest:
            pd = self._pub_date()
            best = min(
                (pub.y - 1, pub.y, pub.y + 1), key=lambda y: abs((date(y, month, day) - pd).days)
            )
            return best, "publication", 0.6
        if where.future:
            return (pub.y if (month, day) >= today else pub.y + 1), "publication", 0.6
        return (pub.y if (month, day) <= today else pub.y - 1), "publication", 0.7

    def _holiday(self, e: Expr, where: _Where) -> DateMention | None:
        rules = lexicon.holidays()[e.word]
        guess = self.pub.y if self.pub else date.today().year
        first = _holiday_date(rules, guess)
        if rules[0].generic and e.year_expr is None and self.para_ref.get(where.thread) is None:
            value = f"XXXX-{first.month:02d}-{first.day:02d}"  # クリスマスに: of which year?
            return _mention("DATE", value, e.mod, anchor="absolute", confidence=0.5)
        got = self._year_for(e, where, first.month, first.day)
        if got is None:
            return None
        y, anchor, conf = got
        day = _holiday_date(rules, y)
        p = Point(day.year, day.month, day.day)
        self.remember(p, where)
        typ, value = _with_clock(p.value, e)
        return _mention(typ, value, e.mod, day.isoformat(), day.isoformat(), anchor, conf)

    def _span(self, e: Expr, where: _Where) -> DateMention | None:
        sp = lexicon.spans()[e.word]
        sm, sd = (int(x) for x in sp.start.split("-"))
        em, ed = (int(x) for x in sp.end.split("-"))
        got = self._year_for(e, where, sm, sd, nearest=sp.tense == "nearest")
        if got is None:
            return None
        y, anchor, conf = got
        rs = date(y, sm, sd)
        re_ = date(y + (1 if (em, ed) < (sm, sd) else 0), em, ed)
        value = {"year": f"{y:04d}", "month": f"{y:04d}-{sm:02d}"}.get(sp.unit, rs.isoformat())
        self.remember(Point(y, sm if sp.unit != "year" else None), where)
        return _mention(
            "DATE", value, sp.mod or e.mod, rs.isoformat(), re_.isoformat(), anchor, conf
        )

    def _relword(self, e: Expr, rw: lexicon.RelWord, where: _Where) -> DateMention | None:
        if rw.unit == "vague":
            if rw.offset == "DISC":
                if self.doc_ref is not None:
                    rs, re_ = self.doc_ref.bounds()
                    return DateMention(
                        0,
                        0,
                        "",
                        "DATE",
                        self.doc_ref.value,
                        "",
                        rs.isoformat(),
                        re_.isoformat(),
                        "discourse",
                        0.4,
                    )
                return _mention("DATE", "PAST_REF", anchor="publication", confidence=0.3)
            return DateMention(
                0, 0, "", rw.extra or "DATE", rw.offset, anchor="publication", confidence=0.3
            )
        off = int(rw.offset)
        if rw.base == "disc":
            ref = self.disc_ref(where)
            if rw.unit == "day":
                ref = self._day_for_the_past(ref, where)
        else:  # きょう in a quote of a speech made on the 10th is the 10th
            ref = self.speech_day.get(where.sentence_id) if where.quote >= 0 else None
        anchor = "discourse" if ref is not None else "publication"
        base = ref or self.pub
        if base is None:
            return None
        conf = 0.85 if (rw.base == "pub" or ref is not None) else 0.4
        if base.d is None:
            # the base has no day (publication "2026-02"): keep its month, with low confidence
            p = Point(base.y, base.m)
            rs, re_ = p.bounds()
            return DateMention(
                0, 0, "", "DATE", p.value, e.mod, rs.isoformat(), re_.isoformat(), anchor, 0.3
            )
        day = date(base.y, base.m, base.d)
        if rw.unit == "weekend":
            return self._weekend(e, day, off, rw.word == "週末" and not where.future, anchor, conf)
        if rw.unit == "week":
            day += timedelta(days=7 * off)
            iy, iw, _ = day.isocalendar()
            mon = day - timedelta(days=day.weekday())
            return DateMention(
                0,
                0,
                "",
                "DATE",
                f"{iy}-W{iw:02d}",
                e.mod,
                mon.isoformat(),
                (mon + timedelta(days=6)).isoformat(),
                anchor,
                conf,
            )
        day += timedelta(days=off)
        p = Point(day.year, day.month, day.day)
        self.remember(p, where)
        typ, value = _with_clock(p.value, e)
        return _mention(typ, value, e.mod, day.isoformat(), day.isoformat(), anchor, conf)

    def _weekend(self, e: Expr, day: date, off: int, last: bool, anchor: str, conf: float):
        """今週末/先週末/来週末: the ISO week (2026-W07) whose Saturday and Sunday the range
        gives; a bare 週末 in a past sentence is the last weekend that began by `day`."""
        monday = day - timedelta(days=day.weekday()) + timedelta(days=7 * off)
        if last and day.weekday() < 5:
            monday -= timedelta(days=7)
        sat = monday + timedelta(days=5)
        iy, iw, _ = sat.isocalendar()
        value = f"{iy}-W{iw:02d}"
        return DateMention(
            0,
            0,
            "",
            "DATE",
            value,
            e.mod,
            sat.isoformat(),
            (sat + timedelta(days=1)).isoformat(),
            anchor,
            conf,
        )


def _with_clock(value: str, e: Expr) -> tuple[str, str]:
    """(type, value) of a calendar value with what e adds of a time of day: a clock time
    makes a TIME (2026-02-05T09:00); a part of the day (朝, 夜, 未明, morning) is not a
    clock time and leaves the day's DATE value (5日夜 -> 2026-02-05)."""
    if e.hh is not None:
        return "TIME", f"{value}T{e.hh:02d}:{e.mi or 0:02d}"
    return "DATE", value


# ---------------------------------------------------------------------- ranges and parts


def _lo(s: str) -> date:
    parts = [int(x) for x in s.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _hi(s: str) -> date:
    parts = [int(x) for x in s.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return _month_end(parts[0], parts[1])
    return date(*parts)


def _code(mod_code: str) -> str:
    return {"START": "t1", "MID": "t2", "END": "t3", "H1": "h1", "H2": "h2"}[mod_code]


def _value(p: Point, fy: bool, part: str) -> str:
    if fy:
        v = f"FY{p.y:04d}"
    else:
        v = p.value
    if part.startswith("q") and p.m is None:
        v += f"-Q{part[1]}"
    return v


def _part_range(p: Point, fy: bool, part: str) -> tuple[date, date]:
    """The calendar dates a point with a part covers (4月中旬 -> 04-11..04-20).

    Months: 上旬/初め 1-10, 中旬/半ば 11-20, 下旬/末 21-end; 前半 1-15, 後半 16-end.
    Years: 初め Jan-Apr, 半ば May-Aug, 末/暮れ December, 前半 Jan-Jun, 後半 Jul-Dec, QN.
    Fiscal years start in April: 前半 Apr-Sep, 後半 Oct-Mar, Q1 Apr-Jun.
    """
    if fy:
        y = p.y
        start, end = date(y, 4, 1), date(y + 1, 3, 31)
        months = {
            "t1": (0, 4),
            "t2": (4, 8),
            "t3": (8, 12),
            "end": (11, 12),
            "h1": (0, 6),
            "h2": (6, 12),
        }
        if part.startswith("q"):
            q = int(part[1])
            months[part] = (3 * (q - 1), 3 * q)
        if part in months:
            a, b = months[part]
            sy, sm = _add_months(y, 4, a)
            ey, em = _add_months(y, 4, b - 1)
            return date(sy, sm, 1), _month_end(ey, em)
        return start, end
    rs, re_ = p.bounds()
    if not part or p.d is not None:
        return rs, re_
    if p.m is not None:
        last = re_.day
        days = {
            "t1": (1, 10),
            "t2": (11, 20),
            "t3": (21, last),
            "end": (21, last),
            "h1": (1, 15),
            "h2": (16, last),
        }
        a, b = days.get(part, (1, last))
        return date(p.y, p.m, a), date(p.y, p.m, b)
    months = {
        "t1": (1, 4),
        "t2": (5, 8),
        "t3": (9, 12),
        "end": (12, 12),
        "h1": (1, 6),
        "h2": (7, 12),
    }
    if part.startswith("q"):
        q = int(part[1])
        months[part] = (3 * q - 2, 3 * q)
    a, b = months.get(part, (1, 12))
    return date(p.y, a, 1), _month_end(p.y, b)


def _years_part(rs: date, re_: date, part: str) -> tuple[date, date]:
    """Thirds (初め/半ば/末) and halves (前半/後半) of a span of whole years."""
    if not part:
        return rs, re_
    y0, y1 = rs.year, re_.year
    n = y1 - y0 + 1
    third = max(1, round(n / 3))
    if part == "t1":
        return rs, date(y0 + third - 1, 12, 31)
    if part == "t2":
        return date(y0 + third, 1, 1), date(y1 - third, 12, 31)
    if part in ("t3", "end"):
        return date(y1 - third + 1, 1, 1), re_
    if part == "h1":
        return rs, date(y0 + n // 2 - 1, 12, 31)
    if part == "h2":
        return date(y0 + n // 2, 1, 1), re_
    return rs, re_


def _holiday_date(rules: tuple[lexicon.Holiday, ...], y: int) -> date:
    """The date of a holiday in year y, using the rule in force then (or the nearest one)."""

    def dist(r: lexicon.Holiday) -> int:
        lo = r.since if r.since is not None else -9999
        hi = r.until if r.until is not None else 9999
        return 0 if lo <= y <= hi else min(abs(y - lo), abs(y - hi))

    rule = min(rules, key=dist).rule
    if rule == "equinox-spring":
        return date(y, 3, int(20.8431 + 0.242194 * (y - 1980) - (y - 1980) // 4))
    if rule == "equinox-autumn":
        return date(y, 9, int(23.2488 + 0.242194 * (y - 1980) - (y - 1980) // 4))
    mm, rest = rule.split("-", 1)
    if rest.startswith("MON#"):
        first = date(y, int(mm), 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=7 * (int(rest[4:]) - 1))
    return date(y, int(mm), int(rest))
