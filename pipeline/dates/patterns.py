"""Finds temporal expressions in (width-folded) Japanese text and parses their parts.

This module only *reads*: it turns surface strings into `Expr` records (year 20 written as a
two-digit year, month 4, part 中旬 ...) without deciding what they refer to; `resolve.py`
anchors them. Matching is a handful of compiled regexes, tried only where an expression can
start (see `_dispatch`), plus a greedy longest-match pass: a 4,000-character article takes
about a millisecond.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.dates import lexicon
from pipeline.dates.numerals import to_int

WS = r"[ \t]*"  # spaces inside a date (「2026年 2月」); never a newline
KN = "〇一二三四五六七八九十百千"  # kanji numeral characters
NOT_NUM_BEFORE = rf"(?<![\d/{KN}第])(?<!\d[.,])"  # 1,996 and 2.5 are not dates; 、,1996年 is
MONTH_N = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY_N = r"(?:3[01]|[12][0-9]|0?[1-9])"
DAY_K10 = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?)"
DAY_NK = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
KAGETSU = r"[カかケヶヵ箇]月"
WEEKDAYS = "月火水木金土日"

# words that end a year/month/day word but make it something else (前年比 = year-on-year)
_NOT_DATE_AFTER = r"(?!(?:同期|同月|同週|同日|末)?比)"


def _rel_words(unit: str) -> list[str]:
    words = [w for w, r in lexicon.relative_words().items() if r.unit == unit]
    return sorted(words, key=len, reverse=True)


def _word_alts(words) -> str:
    """Alternation of lexicon words, longest first. A hiragana word (ことし, きょう, けさ)
    must not start inside another word (なんてことしない, 付けされる)."""
    return "|".join(_word_guard(w) + re.escape(w) for w in sorted(words, key=len, reverse=True))


def _word_guard(w: str) -> str:
    """The lookbehind a word needs: a hiragana word must not start inside a word; a Korean
    one not inside a Korean word (오늘 but not 그오늘), nor be 오늘날 (nowadays)."""
    if "ぁ" <= w[0] <= "ゖ":
        return "(?<![ぁ-ゖァ-ヿ一-龥々])"
    if "가" <= w[0] <= "힣":
        return "(?<![가-힣])(?!오늘날)"
    return ""


_REL_YEAR = _word_alts(_rel_words("year"))  # 今年, 昨年, 同年 … (relative.tsv)
_REL_MONTH = _word_alts(_rel_words("month"))  # 今月, 先月, 同月 …

_MONTH_TAIL = rf"(?:{WS}(?P<m>{MONTH_N}){WS}月(?!曜|間|雨)(?:{WS}(?P<d>{DAY_NK}){WS}日)?)?"
_MODERN_ERAS = "|".join(lexicon.eras())  # 明治|大正|昭和|平成|令和 (eras.tsv)
_ERA_YEAR_N = rf"(?P<eyn>元|\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){WS}年"

R_YEAR = re.compile(
    rf"""(?:
        (?P<era>{_MODERN_ERAS}){WS}{_ERA_YEAR_N}
      | (?<![A-Za-z0-9])(?P<eab>[RHS])(?P<eabn>\d{{1,2}})(?P<eabnen>{WS}年)?
      | (?P<ry>{_REL_YEAR}){_NOT_DATE_AFTER}
      | {NOT_NUM_BEFORE}(?P<wy>\d{{1,4}}|[{KN}]{{2,6}}){WS}年
    )(?P<fy>度)?{_MONTH_TAIL}""",
    re.X,
)
R_MONTH = re.compile(
    rf"""(?:(?P<rm>{_REL_MONTH}){_NOT_DATE_AFTER}
      | {NOT_NUM_BEFORE}(?P<m>{MONTH_N}){WS}月(?!曜|間|雨)
    )(?:{WS}(?P<d>{DAY_NK}){WS}日)?""",
    re.X,
)
R_DAY = re.compile(
    rf"{NOT_NUM_BEFORE}(?P<d>{DAY_N}|{DAY_K10}){WS}日(?![本韓銀経産立系程常])"
)  # kanji days alone only from 十日 up: 八日 may be "eight days"
R_NUMDATE = re.compile(
    rf"""(?<![\d./,・-])(?:(?P<era>{_MODERN_ERAS})(?P<eyn>元|\d{{1,2}})|(?<![A-Za-z])(?P<eab>[MTSHR])(?P<eabn>\d{{1,2}})
      |(?P<y>\d{{4}}))
    (?P<sep>[./\-・,])(?P<m>1[0-2]|0?[1-9])(?:(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9]))?
    (?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?
    (?![\d./,・]\d)(?![\d])""",
    re.X,
)  # 2025/12/05, 2025-12-05T10:15:00+09:00, 2023・3・1, 2023,3,1, 令和5/3/1, H23.3.11, R5.3
R_MONTH_DAY = re.compile(
    r"(?<![\d./,A-Za-z])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/%％.]|\.\d)"
)  # 10/26, (10/26), 3/1 (month/day; fractions are told apart by their context)
# a number pair a/b read as a fraction: 人口の1/3, 約1/2, 1/3以下, 1/10に縮小
_FRACTION_BEFORE = re.compile(r"(?:の|約|およそ|ほぼ|分|実に|最大|最小|倍)$")
_FRACTION_AFTER = re.compile(
    r"(?:以下|以上|未満|程度|ほど|近く|強|弱|倍|増|減|超|に(?:減|縮|低|削|短|下|圧|抑|ま|当|相当|あた)"
    r"|の(?:確率|割合|人|面積|大きさ|量|価格|値段|シェア|株|規模|水準|速度|長さ|重さ|距離|費用|縮尺)"
    r"|サイズ|スケール|カット|以内|分の|[a-zA-Zｘ×])"
)
R_SPORT_SEASON = re.compile(rf"{WS}シーズン")
R_DECADE = re.compile(rf"(?<![\d{KN}])(?P<n>\d{{2,4}}|[{KN}]{{2,6}}){WS}年代")
R_CENTURY = re.compile(
    rf"(?:(?P<pre>今|前)|(?<![\d{KN}前半])(?P<n>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})){WS}世紀(?!ぶり|間|以上|近く|余)"
)
_DUR_PRE = "過去|築|ここ|この|約|およそ|ほぼ|最近の|直近の?|今後|向こう|通算|足かけ|足掛け|丸|満|実に|創業|発足|結成|設立|建国|開業"
# suffixes that make a count of years/days a duration: consumed ones belong to the mention
# (20年ぶり), the others are only looked at (20年にわたり -> the mention is 20年)
_DUR_SUF = (
    "ぶり|振り|以上|以下|余り|あまり|余|近く|ぐらい|くらい|超|来(?![日年月週場季期春夏秋冬])|程度|ほど|足らず|弱|強|連続|越し"
    "|がかり|以内|未満"
)
_DUR_LOOK = (
    "にわた|もの間|の間|の歳月|の月日|を経|が経|がた|が過ぎ|がすぎ|続き|の長き|に[一1](?:度|回)"
)
R_DUR = re.compile(
    rf"""(?:(?P<pre>{_DUR_PRE}){WS})?
    {NOT_NUM_BEFORE}(?P<n>\d+(?:\.\d+)?|十数|数十|数百|数|[{KN}]+){WS}
    (?P<u>年|{KAGETSU}|カ年|週|日|時間|分|秒|世紀)(?P<kan>間|半)?(?:(?P<suf>{_DUR_SUF})|(?=(?P<look>{_DUR_LOOK})))?
    | (?P<fixed>四半世紀|半世紀|半年|一昼夜)""",
    re.X,
)
R_RELN = re.compile(
    rf"""(?P<pre>その|約|およそ|ほぼ|実に)?{WS}
    {NOT_NUM_BEFORE}(?P<n>\d{{1,3}}|十数|数十|数|[一二三四五六七八九十百]+){WS}
    (?P<u>年|{KAGETSU}|週間|週|日){WS}(?P<approx>ほど|近く|ぐらい|くらい|余り|あまり|以上|程|前後)?{WS}
    (?P<dir>前|後|先)(?![半後日年月夜週期])""",
    re.X,
)
R_SET = re.compile(
    rf"""毎(?P<u>年度|年|月|週|日|朝|晩|夜|夕)(?!新聞)
    | (?<![\d{KN}年月週日])(?P<u2>年|月|週|1日|一日){WS}(?P<k>\d+|[一二三四五六七八九十]+){WS}(?:回|度)
    | 隔(?P<u3>年|月|週|日)""",
    re.X,
)
R_SEASON = re.compile(r"(?P<pre>今|昨|来|翌|同|この)?(?P<s>[春夏秋冬])(?![闘田分葉山])")
R_WEEKDAY = re.compile(rf"(?<![\d日])(?P<w>[{WEEKDAYS}])曜(?:日)?")
_DAYPART = (
    "午前中|午前|午後|早朝|明け方|朝方|朝(?![鮮日刊食])|正午|昼(?!食)|夕方|夕刻|夕(?![刊食])|深夜|未明|夜半|夜(?!食)|晩(?!餐)"
)
_CLOCK = rf"""(?:(?P<h>\d{{1,2}}|[〇零一二三四五六七八九十]{{1,3}}){WS}時(?!間|代|期|点|給|差|速|計|刻|半ば)
        (?:{WS}(?P<mi>\d{{1,2}}){WS}分|(?P<half>半))?
      | (?P<h2>\d{{1,2}}):(?P<mi2>[0-5]\d))"""
R_TIME = re.compile(
    rf"(?<![\d:{KN}])(?:(?P<dp>{_DAYPART}){WS})?{_CLOCK}|(?P<noon>正午)", re.X
)  # a clock time on its own: 午後3時, 15時30分, 正午 (a bare 朝 is too common to be one)
R_TIME_AFTER = re.compile(
    rf"{WS}(?:の{WS}(?=(?:{_DAYPART})))?(?P<dp>{_DAYPART})?{WS}{_CLOCK}?", re.X
)  # after a day: 5日朝, 5日午前9時, 12日の夕方
R_WD_AFTER = re.compile(
    rf"{WS}(?:\((?P<w>[{WEEKDAYS}])(?:曜日?)?(?:・?祝日?)?\)|(?P<w2>[{WEEKDAYS}])曜(?:日)?)"
)
R_PART = re.compile(
    rf"""{WS}(?P<no>の)?{WS}(?P<part>上旬|初旬|中旬|下旬|初め(?!て)|はじめ(?!て)|初頭|半ば|なかば|中ごろ|中頃
      |末ごろ|末頃|末|終わり|暮れ|前半|後半|上半期|下半期|上期|下期|第(?P<q>[1-4一二三四])四半期
      |前後|ごろ|頃|ころ)(?P<approx>ごろ|頃|ころ)?""",
    re.X,
)
R_BLOCK = re.compile(
    rf"""(?<![\d.])\d{{1,2}}{WS}(?:年|日){WS}(?:目|物|債|国債)
    | 紀元前{WS}\d+{WS}年
    | [1一]日(?:あたり|当たり|平均|も早く|中(?!に))""",
    re.X,
)
R_LEFT_RANGE = re.compile(rf"(?<![\d.])(\d{{1,4}}){WS}[~\-ー・]{WS}$")
R_CONNECT = re.compile(rf"{WS}(?:~|-|ー){WS}")  # 3日~5日; 6日から10日 stays two dates
R_NO = re.compile(rf"{WS}の?{WS}")

PARTS = {
    "上旬": ("START", "t1"), "初旬": ("START", "t1"), "中旬": ("MID", "t2"), "下旬": ("END", "t3"),
    "初め": ("START", "t1"), "はじめ": ("START", "t1"), "初頭": ("START", "t1"),
    "半ば": ("MID", "t2"), "なかば": ("MID", "t2"), "中ごろ": ("MID", "t2"), "中頃": ("MID", "t2"),
    "末ごろ": ("END", "end"), "末頃": ("END", "end"), "末": ("END", "end"), "終わり": ("END", "end"),
    "暮れ": ("END", "end"), "前半": ("START", "h1"), "後半": ("END", "h2"), "上半期": ("START", "h1"),
    "下半期": ("END", "h2"), "上期": ("START", "h1"), "下期": ("END", "h2"),
    "前後": ("APPROX", ""), "ごろ": ("APPROX", ""), "頃": ("APPROX", ""), "ころ": ("APPROX", ""),
}  # fmt: skip
APPROX_PRE = {"約", "およそ", "ほぼ"}
APPROX_SUF = {"近く", "程度", "ほど", "ぐらい", "くらい", "余り", "あまり", "余", "弱", "強"}

# priority when two candidates start at the same place and have the same length
_PRIO = {"block": 0, "dur": 1, "reln": 2, "set": 3, "cal": 4, "decade": 5, "century": 5}


@dataclass
class Expr:
    """One temporal expression as written: fields are what the text says, unresolved."""

    start: int
    end: int
    kind: str  # cal | dur | reln | set | decade | century | lex | season | weekday | time | block
    y: int | None = None
    ykind: str = ""  # abs | two | era | rel | ""
    yrel: str = ""  # relative year word (今年 …)
    m: int | None = None
    mrel: str = ""  # relative month word (先月 …)
    wrel: str = ""  # relative week word before a day (今週13日: the 13th of this week)
    d: int | None = None
    fy: bool = False
    wd: int | None = None  # weekday, Monday = 0
    hh: int | None = None
    mi: int | None = None
    daypart: str = ""  # TIMEX3 MO/AF/EV/NI/MI
    mod: str = ""
    part: str = ""  # t1 t2 t3 end h1 h2 q1..q4
    word: str = ""  # lexicon word / unit for dur, reln, set, season, lex
    n: float | None = None  # count for dur and reln (None = vague 数)
    pre: str = ""
    dir: str = ""  # 前 | 後 | 先 for reln
    value: str = ""  # ready-made value (dur, set)
    end_expr: Expr | None = None  # end of a range (1945年2月から4月)
    year_expr: Expr | None = None  # year written before a season/holiday (2025年の元日)
    needs_year: bool = False  # a bare season, only kept after a year

    @property
    def top(self) -> str:
        """The highest calendar unit written: y, m or d."""
        if self.y is not None or self.yrel:
            return "y"
        if self.m is not None or self.mrel:
            return "m"
        return "d"

    @property
    def finest(self) -> str:
        if self.d is not None:
            return "d"
        if self.m is not None or self.mrel:
            return "m"
        return "fy" if self.fy else "y"


def _int(s: str | None) -> int | None:
    return to_int(s) if s else None


def _num(s: str) -> float | None:
    if s.startswith("数") or s.startswith("十数"):
        return None
    try:
        return float(s) if "." in s else to_int(s)
    except ValueError:
        return None


# --------------------------------------------------------------------------- suffixes


def _suffixes(text: str, e: Expr) -> Expr:
    """Extend a calendar expression with a weekday, a time of day, or a part (中旬, 末, ごろ)."""
    if e.kind == "lex":
        e = _time_after(text, e)
        return _approx_after(text, e)
    if e.d is not None:
        m = R_WD_AFTER.match(text, e.end)
        if m:
            e.wd = WEEKDAYS.index(m.group("w") or m.group("w2"))
            e.end = m.end()
        t = R_TIME_AFTER.match(text, e.end)
        if t and (t.group("dp") or t.group("h") or t.group("h2")) and _set_time(e, t):
            e.end = t.end()
            return _approx_after(text, e)
    p = R_PART.match(text, e.end)
    if p:
        part = p.group("part")
        mod, code = PARTS.get(part, ("", ""))
        if p.group("q"):
            mod, code = "", "q" + str(to_int(p.group("q")))
        finest = e.finest
        ok = True
        if part.endswith("旬") and finest != "m":
            ok = False
        if p.group("no") and mod == "APPROX":
            ok = False
        if finest == "d" and mod != "APPROX":
            ok = False
        if code.startswith("q") and finest not in ("y", "fy"):
            ok = False
        if ok:
            e.mod = mod
            e.part = code
            e.end = p.end()
            if p.group("approx") and not mod:
                e.mod = "APPROX"
    return e


def _time_after(text: str, e: Expr) -> Expr:
    t = R_TIME_AFTER.match(text, e.end)
    if t and (t.group("dp") or t.group("h") or t.group("h2")) and _set_time(e, t):
        e.end = t.end()
    return e


def _approx_after(text: str, e: Expr) -> Expr:
    p = R_PART.match(text, e.end)
    if p and not p.group("no") and PARTS.get(p.group("part"), ("",))[0] == "APPROX":
        e.mod = "APPROX"
        e.end = p.end()
    return e


def _set_time(e: Expr, t: re.Match) -> bool:
    dp = t.group("dp") or ""
    h = t.group("h") or t.group("h2")
    hh = _int(h)
    mi = _int(t.group("mi") or t.group("mi2")) or 0
    if h and not h.isdigit() and not dp:
        return False  # 一時 is "for a while", not one o'clock
    dparts = lexicon.dayparts()
    if hh is None:
        if not dp:
            return False
        if dp == "正午":
            e.hh, e.mi = 12, 0
        else:
            e.daypart = dparts[dp][0]
        return True
    if hh > 24 or mi > 59:
        return False
    if dp and dparts[dp][1] and hh < 12:
        hh += 12
    e.hh, e.mi = hh, 30 if t.group("half") else mi
    return True


# --------------------------------------------------------------------------- candidates


def _era(name: str) -> lexicon.Era:
    """An era by its name (令和, 元禄) or its one-letter abbreviation (R, H, S, T, M)."""
    eras = lexicon.eras()
    if name in eras:
        return eras[name]
    if len(name) == 1:
        return next(x for x in eras.values() if x.abbr == name)
    return lexicon.historical_eras()[name]


def _era_year(name: str, raw: str) -> int | None:
    """The western year of year `raw` (元, 5, 三十一) of an era; None for year 0 and for a
    year long past a historical era's end (天平99年). Modern eras may run on (昭和100年)."""
    n = _int(raw)
    if not n:
        return None
    era = _era(name)
    y = era.start_year + n - 1
    if name not in lexicon.eras() and era.end and y > int(era.end[:4]) + 1:
        return None
    return y


def _cal_from_year(m: re.Match) -> Expr | None:
    e = Expr(m.start(), m.end(), "cal")
    g = m.groupdict()
    if g.get("era"):
        y = _era_year(g["era"], g["eyn"])
        if y is None:
            return None
        e.y, e.ykind = y, "era"
    elif g.get("eab"):
        y = _era_year(g["eab"], g["eabn"])
        if y is None:
            return None
        e.y, e.ykind = y, "era"
        if not m.group("eabnen"):
            if m.group("fy") or m.group("m"):
                return None
            nxt = m.string[m.end() : m.end() + 1]
            if nxt and (nxt.isascii() and (nxt.isalnum() or nxt in "-_") or _KANA_KANJI.match(nxt)):
                return None  # H3ロケット, S1グランプリ, H2A …
    elif g.get("ry"):
        e.yrel, e.ykind = m.group("ry"), "rel"
    else:
        raw = m.group("wy")
        n = _int(raw)
        if n is None:
            return None
        if not raw.isdigit():  # kanji: only full western years (二〇二五, 二千二十五)
            if n < 1000:
                return None
            e.y, e.ykind = n, "abs"
        elif len(raw) == 4:
            if n > 2200:
                return None  # 5000年: a count, not a calendar year
            e.y, e.ykind = n, "abs"
        elif len(raw) == 2:
            e.y, e.ykind = n, "two"
        elif len(raw) == 3 and n % 10:
            e.y, e.ykind = n, "abs"  # 794年; round 3-digit numbers are durations (100年)
        else:
            return None  # 5年: a count of years, not a date
    e.fy = bool(m.group("fy"))
    e.m = _int(m.group("m"))
    e.d = _int(m.group("d"))
    if e.fy and e.m:
        return None
    return e


def _cal_from_month(m: re.Match) -> Expr:
    e = Expr(m.start(), m.end(), "cal")
    e.mrel = m.group("rm") or ""
    e.m = _int(m.group("m"))
    e.d = _int(m.group("d"))
    return e


def _dur(m: re.Match) -> Expr | None:
    e = Expr(m.start(), m.end(), "dur")
    fixed = m.group("fixed")
    if fixed:
        e.value = {"四半世紀": "P25Y", "半世紀": "P50Y", "半年": "P6M", "一昼夜": "P1D"}[fixed]
        return e
    raw, u, kan, pre = m.group("n"), m.group("u"), m.group("kan"), m.group("pre")
    suf = m.group("suf") or m.group("look")
    n = _num(raw)
    vague = n is None
    if not vague and n == 0:
        return None
    inherent = u.endswith("月") or u in ("カ年", "時間")
    if not (inherent or kan or suf or vague or pre):
        return None  # 20年 / 5日 alone: a date, handled by the calendar patterns
    if u in ("分", "秒") and not (kan or suf):
        return None  # 十分 = enough; 10分 alone is a clock minute
    if u == "世紀" and not (suf or pre):
        return None
    if u == "年" and n is not None and n >= 1000 and suf == "来" and not kan:
        return None  # 2020年来 = since 2020: a date
    if m.group("look") and not (kan or m.group("suf") or pre) and _RANGE_BEFORE.search(
        m.string, max(0, m.start() - 3), m.start()
    ):
        return None  # 6日から10日の間: the end of a range of dates, not ten days
    num = "X" if vague else _fmt(n + (0.5 if kan == "半" else 0))
    if u == "世紀":
        num, u = ("X" if vague else _fmt(n * 100)), "年"
    unit = {"年": "Y", "カ年": "Y", "週": "W", "日": "D", "時間": "TH", "分": "TM", "秒": "TS"}.get(
        u, "M"
    )
    e.value = f"PT{num}{unit[1]}" if unit.startswith("T") else f"P{num}{unit}"
    e.word = u
    if pre in APPROX_PRE or suf in APPROX_SUF:
        e.mod = "APPROX"
    return e


_RANGE_BEFORE = re.compile(r"(?:から|~)[ \t]*$")


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _reln(m: re.Match) -> Expr | None:
    n = _num(m.group("n"))
    raw = m.group("n")
    if n is not None and n >= 1000:
        return None
    u = m.group("u")
    if not raw.isascii() and not raw.startswith("数") and u == "年" and n is not None and n > 100:
        return None
    unit = {"年": "year", "週": "week", "週間": "week", "日": "day"}.get(u, "month")
    e = Expr(
        m.start(), m.end(), "reln", word=unit, n=n, pre=m.group("pre") or "", dir=m.group("dir")
    )
    if e.pre in APPROX_PRE or m.group("approx") in APPROX_SUF | {"程", "前後"}:
        e.mod = "APPROX"
    return e


def _set(m: re.Match) -> Expr:
    u = m.group("u") or m.group("u2") or m.group("u3")
    e = Expr(m.start(), m.end(), "set", word=u)
    every = 2 if m.group("u3") else 1
    e.value = {
        "年度": "P1Y", "年": f"P{every}Y", "月": f"P{every}M", "週": f"P{every}W", "日": f"P{every}D",
        "1日": "P1D", "一日": "P1D", "朝": "XXXX-XX-XXTMO", "晩": "XXXX-XX-XXTEV",
        "夜": "XXXX-XX-XXTNI", "夕": "XXXX-XX-XXTEV",
    }[u]  # fmt: skip
    return e


@lru_cache(maxsize=1)
def _lex_words() -> frozenset[str]:
    """Lexicon words matched as whole words (relative years and months are in R_YEAR/R_MONTH)."""
    rel = {w for w, r in lexicon.relative_words().items() if r.unit not in ("year", "fy", "month")}
    return frozenset(
        set(lexicon.holidays())
        | set(lexicon.spans())
        | set(lexicon.periods())
        | set(lexicon.era_part_names())
        | rel
    )


@lru_cache(maxsize=1)
def _lex_regexes() -> dict[str, re.Pattern]:
    """First character -> one alternation over the lexicon words starting with it: a
    position is tried against a handful of words, not against the whole lexicon."""
    words: dict[str, list[str]] = {}
    for w in _lex_words():
        words.setdefault(w[0], []).append(w)
    return {
        c: re.compile(rf"(?:{_word_alts(ws)})(?!だい|うだい|子|こ|(?:同期|同月|末)?比)")
        for c, ws in words.items()
    }


_KATAKANA = re.compile(r"[\u30A1-\u30FA]")
_KANA_KANJI = re.compile(r"[\u30A0-\u30FF\u4E00-\u9FFF]")
_WORD_BEFORE = re.compile(r"[\u30A0-\u30FF\u4E00-\u9FFF0-9A-Za-z]")


def _lex(m: re.Match, text: str) -> Expr | None:
    w = m.group(0)
    period = lexicon.periods().get(w)
    if period and period.strict and m.start() > 0 and _WORD_BEFORE.match(text[m.start() - 1]):
        return None  # 選挙戦後, ウクライナ戦後, 新冷戦下, 20戦中
    if w in lexicon.holidays() and _KATAKANA.match(text, m.end()):
        return None  # クリスマスプレゼント, クリスマスツリー: a thing, not the day
    e = Expr(m.start(), m.end(), "lex", word=w)
    rel = lexicon.relative_words().get(w)
    if rel and rel.unit == "day" and not rel.extra or w in lexicon.holidays():
        e = _suffixes(text, e)  # 同日夜, 昨日午後3時, 元日未明
    elif rel is None:
        e = _approx_after(text, e)  # 年末ごろ, 戦後ごろ
    return e


def _h_year(m: re.Match, text: str) -> Expr | None:
    e = _cal_from_year(m)
    return _suffixes(text, e) if e else None


def _h_month(m: re.Match, text: str) -> Expr:
    return _suffixes(text, _cal_from_month(m))


def _h_day(m: re.Match, text: str) -> Expr:
    return _suffixes(text, Expr(m.start(), m.end(), "cal", d=_int(m.group("d"))))


def _h_numdate(m: re.Match, text: str) -> Expr | None:
    if m.group("y") and not m.group("d") and R_SPORT_SEASON.match(text, m.end()):
        y = int(m.group("y"))  # 2008-09シーズン: a season across two years
        e = Expr(m.start(), m.end(), "cal", y=y, ykind="abs")
        e.end_expr = Expr(m.start(), m.end(), "cal", y=y + 1, ykind="abs")
        return e
    sep, era = m.group("sep"), m.group("era") or m.group("eab")
    if not m.group("d"):
        if sep in ",・" or (sep in ".-" and not era) or m.group("eab") in ("M", "T"):
            return None  # 2020.4 is a decimal number, 1447-1 an address, M7.3 a magnitude
    e = Expr(m.start(), m.end(), "cal", m=int(m.group("m")), d=_int(m.group("d")))
    if era:
        y = _era_year(era, m.group("eyn") or m.group("eabn"))
        if y is None:
            return None
        e.y, e.ykind = y, "era"
    else:
        e.y, e.ykind = int(m.group("y")), "abs"
    if m.group("hh"):  # an ISO timestamp: 2012-04-02T10:15:00+0900
        e.hh, e.mi = int(m.group("hh")), int(m.group("mi"))
        return e
    return _suffixes(text, e)


def _h_month_day(m: re.Match, text: str) -> Expr | None:
    """10/26, (10/26), 3/1に: month/day, unless the context makes it a fraction."""
    mo, d = int(m.group("m")), int(m.group("d"))
    if d > calendar.monthrange(2000, mo)[1]:
        return None  # 2/30, 4/31
    if _FRACTION_BEFORE.search(text, max(0, m.start() - 2), m.start()) or _FRACTION_AFTER.match(
        text, m.end()
    ):
        return None
    return _suffixes(text, Expr(m.start(), m.end(), "cal", m=mo, d=d))


def _h_decade(m: re.Match, text: str) -> Expr | None:
    raw = m.group("n")
    n = _int(raw)
    if n is None or n % 10 or (len(raw) == 3 and raw.isdigit()) or (not raw.isdigit() and n < 1000):
        return None
    return _part_only(
        text, Expr(m.start(), m.end(), "decade", y=n, ykind="two" if n < 100 else "abs")
    )


def _h_century(m: re.Match, text: str) -> Expr | None:
    e = Expr(m.start(), m.end(), "century", pre=m.group("pre") or "", n=_int(m.group("n")))
    return _part_only(text, e) if (e.pre or e.n) else None


def _h_season(m: re.Match, text: str) -> Expr:
    pre = m.group("pre") or ""
    return Expr(m.start(), m.end(), "season", word=m.group("s"), pre=pre, needs_year=not pre)


def _h_weekday(m: re.Match, text: str) -> Expr:
    return Expr(m.start(), m.end(), "weekday", wd=WEEKDAYS.index(m.group("w")))


def _h_time(m: re.Match, text: str) -> Expr | None:
    e = Expr(m.start(), m.end(), "time")
    if m.group("noon"):
        e.hh, e.mi = 12, 0
        return e
    if (m.group("h") or m.group("dp")) and _set_time(e, m):
        return _approx_after(text, e)  # 午後2時40分頃
    return None


def _h_block(m: re.Match, text: str) -> Expr:
    return Expr(m.start(), m.end(), "block")


DIGITS = "0123456789"
KD = "一二三四五六七八九十"
_NUMRUN = re.compile(rf"[\d{KN}]+(?:\.\d+)?{WS}")


@lru_cache(maxsize=1)
def _dispatch() -> tuple[re.Pattern, dict[str, list], dict[str, list]]:
    """Which patterns to try where.

    Instead of running every regex over the whole text, one character-class regex finds the
    places where a temporal expression can start, and only the patterns that can start there
    are tried (anchored). A number (20, 二〇二五, 十二) is looked at once: the unit after it
    (年, 月, 日, 時 …) says which patterns can apply, so counts like 123人 or 36歳 cost one
    lookup. Words (今年, 江戸時代, 毎年, 午前 …) are dispatched on their first character.
    Overlaps are settled later by `_select`.
    """
    dur = (R_DUR, lambda m, t: _dur(m))
    reln = (R_RELN, lambda m, t: _reln(m))
    block = (R_BLOCK, _h_block)
    sets = (R_SET, lambda m, t: _set(m))
    by_unit: dict[str, list] = {
        "年": [block, (R_YEAR, _h_year), (R_DECADE, _h_decade), dur, reln],
        "月": [(R_MONTH, _h_month)],
        "日": [block, (R_DAY, _h_day), dur, reln, sets],
        "週": [dur, reln],
        "時": [(R_TIME, _h_time), dur],
        "分": [dur],
        "秒": [dur],
        "世": [(R_CENTURY, _h_century), dur],
        ":": [(R_TIME, _h_time)],
    }
    for c in "カかケヶヵ箇":
        by_unit[c] = [dur, reln]
    for c in "/.-・,":
        by_unit[c] = [(R_NUMDATE, _h_numdate)]
    by_unit["/"] = by_unit["/"] + [(R_MONTH_DAY, _h_month_day)]
    words = [
        (R_YEAR, "明大昭平令RHS" + "".join(w[0] for w in _rel_words("year")), _h_year),
        (R_NUMDATE, "MTSHR" + "".join({w[0] for w in lexicon.eras()}), _h_numdate),
        (R_MONTH, "".join(w[0] for w in _rel_words("month")), _h_month),
        (R_CENTURY, "今前", _h_century),
        (R_DUR, "数過築こ約おほ最直今向通足丸満実創発結設建開四半一十", lambda m, t: _dur(m)),
        (R_RELN, "数そ約おほ実十", lambda m, t: _reln(m)),
        (R_SET, "毎隔年月週一", lambda m, t: _set(m)),
        (R_BLOCK, "一紀", _h_block),
        (R_SEASON, "今昨来翌同こ春夏秋冬", _h_season),
        (R_WEEKDAY, WEEKDAYS, _h_weekday),
        (R_TIME, "午早朝正昼夕深未夜晩", _h_time),
    ]
    by_first: dict[str, list] = {}
    for pattern, first, handler in words:
        for c in dict.fromkeys(first):
            by_first.setdefault(c, []).append((pattern, handler))
    for c, pattern in _lex_regexes().items():
        by_first.setdefault(c, []).append((pattern, _lex))
    for c, pattern in _historical_era_years().items():
        by_first.setdefault(c, []).append((pattern, _h_year))
    chars = set(by_first) | set(DIGITS) | set(KN)
    trigger = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
    return trigger, by_unit, by_first


@lru_cache(maxsize=1)
def _historical_era_years() -> dict[str, re.Pattern]:
    """First character -> pattern of the pre-Meiji era years starting with it (元禄3年,
    天平勝宝元年). An era name must not end a longer word (日本文化10年 is no 文化10年)."""
    names: dict[str, list[str]] = {}
    for name in lexicon.historical_eras():
        names.setdefault(name[0], []).append(name)
    return {
        c: re.compile(
            rf"(?<![一-龥々])(?P<era>{'|'.join(sorted(ns, key=len, reverse=True))}){WS}"
            rf"{_ERA_YEAR_N}(?P<fy>度)?{_MONTH_TAIL}"
        )
        for c, ns in names.items()
    }


def warm_up() -> None:
    """Compile the patterns and read the lexicons now rather than on first use."""
    _dispatch()


def _candidates(text: str) -> list[Expr]:
    trigger, by_unit, by_first = _dispatch()
    out: list[Expr] = []
    numchars = DIGITS + KN
    n = len(text)
    for t in trigger.finditer(text):
        i = t.start()
        c = text[i]
        tries = by_first.get(c, [])
        if c in numchars and (i == 0 or text[i - 1] not in numchars):
            run = _NUMRUN.match(text, i)
            j = run.end()
            if j < n and text[j] in by_unit:
                tries = tries + by_unit[text[j]]
        for pattern, handler in tries:
            m = pattern.match(text, i)
            if m:
                e = handler(m, text)
                if e is not None:
                    out.append(e)
    return out


def _part_only(text: str, e: Expr) -> Expr:
    """Decades and centuries take thirds and halves (1990年代前半, 20世紀末) or ごろ."""
    p = R_PART.match(text, e.end)
    if p and not p.group("part").endswith("旬") and not p.group("q"):
        mod, code = PARTS[p.group("part")]
        if not (p.group("no") and mod == "APPROX"):
            e.mod, e.part, e.end = mod, code, p.end()
    return e


# --------------------------------------------------------------------------- selection


def _select(cands: list[Expr]) -> list[Expr]:
    """Greedy left-to-right choice of non-overlapping candidates, longest first."""
    cands.sort(key=lambda e: (e.start, -(e.end - e.start), _PRIO.get(e.kind, 9)))
    out: list[Expr] = []
    last = -1
    for e in cands:
        if e.start >= last:
            out.append(e)
            last = e.end
    return out


def _merge(text: str, exprs: list[Expr]) -> list[Expr]:
    """Join neighbours: ranges (3〜5日, 1945年2月から4月), 2025年の元日, 毎年4月."""
    out: list[Expr] = []
    for e in exprs:
        prev = out[-1] if out else None
        if prev and prev.kind == "lex" and e.kind == "cal" and e.d is not None and _apposed(text, prev, e):
            out.pop()  # 上陸翌日の11日: the written day is the date; 翌日 only describes it
            prev = out[-1] if out else None
        if prev and _week_of_day(text, prev, e):
            out.pop()  # 今週13日, 先週の8日: the day of that week
            e.wrel, e.start = prev.word, prev.start
            prev = out[-1] if out else None
        if e.kind == "cal":
            left = R_LEFT_RANGE.search(text, max(0, e.start - 10), e.start)
            if left and not e.yrel and not e.mrel and (not prev or prev.end <= left.start(1)):
                start_expr = _left_number(e, int(left.group(1)))
                if start_expr is not None:
                    start_expr.start = left.start(1)
                    if (
                        prev
                        and prev.kind == "cal"
                        and _is_prefix(prev, e)
                        and _gap(text, prev.end, start_expr.start)
                    ):
                        out.pop()
                        start_expr = _fill(start_expr, prev)
                        start_expr.start = prev.start
                        e = _fill(e, prev)
                    start_expr.end_expr = e
                    start_expr.end = e.end
                    out.append(start_expr)
                    continue
            if prev and prev.kind == "cal" and prev.end_expr is None:
                c = R_CONNECT.match(text, prev.end)
                if c and c.end() == e.start and not _finer_than_left(e, prev):
                    prev.end_expr = e
                    prev.end = e.end
                    continue
        if e.kind in ("season", "lex") and prev and prev.kind == "cal" and prev.finest == "y":
            if not prev.end_expr and not prev.part and R_NO.match(text, prev.end).end() == e.start:
                if e.kind == "season" or e.word in lexicon.holidays() or e.word in lexicon.spans():
                    out.pop()
                    e.year_expr = prev
                    e.start = prev.start
                    e.needs_year = False
        if (
            prev
            and prev.kind == "set"
            and prev.word in ("年", "月", "週")
            and e.start == _skip_ws(text, prev.end)
        ):
            if (
                e.kind == "cal"
                and e.top != "y"
                and not e.mrel
                or e.kind == "weekday"
                and prev.word == "週"
            ):
                prev.value = _set_value(e)
                prev.end = e.end
                continue
        if e.kind == "season" and e.needs_year:
            continue
        out.append(e)
    return [e for e in out if e.kind != "block"]


def _apposed(text: str, word: Expr, e: Expr) -> bool:
    """A relative day word joined by の (or となる, にあたる) to a written day: 翌日の11日,
    前日の9日, 発売前日となる18日."""
    rel = lexicon.relative_words().get(word.word)
    return (
        rel is not None
        and rel.unit == "day"
        and word.hh is None
        and text[word.end : e.start].strip(" \t") in _APPOSING
    )


_APPOSING = frozenset({"の", "となる", "となった", "にあたる", "に当たる", "である"})


def _week_of_day(text: str, word: Expr, e: Expr) -> bool:
    """A week counted from publication (今週, 先週, 来週) right before a day of the month
    alone, or joined by の: 今週13日, 先週の8日."""
    rel = lexicon.relative_words().get(word.word) if word.kind == "lex" else None
    return (
        rel is not None
        and rel.unit == "week"
        and rel.base == "pub"
        and e.kind == "cal"
        and e.d is not None
        and e.m is None
        and e.top == "d"
        and e.end_expr is None
        and text[word.end : e.start].strip(" \t") in ("", "の")
    )


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _gap(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip()


def _is_prefix(prev: Expr, e: Expr) -> bool:
    """prev (2020年, 2月) carries the units above e's top unit and nothing below."""
    order = "ymd"
    return prev.finest in ("y", "m") and order.index(prev.finest) + 1 == order.index(e.top)


def _finer_than_left(e: Expr, prev: Expr) -> bool:
    """2019年から5日: the right side is finer than the left and not a continuation."""
    order = "ymd"
    fine = {"fy": "y"}.get(prev.finest, prev.finest)
    return order.index(e.top) > order.index(fine)


def _left_number(e: Expr, n: int) -> Expr | None:
    """The start of 2020〜21年 / 3〜5日 / 2〜3月: e's top unit with the number n."""
    top = e.top
    s = Expr(0, 0, "cal", fy=e.fy)
    if top == "y":
        if e.ykind == "era" or n < 10 or 100 <= n < 1000:
            return None
        s.y, s.ykind = n, "abs" if n >= 1000 else "two"
    elif top == "m":
        if not 1 <= n <= 12:
            return None
        s.m = n
    else:
        if not 1 <= n <= 31:
            return None
        s.d = n
    return s


def _fill(e: Expr, prefix: Expr) -> Expr:
    """Copy of e with the year/month of prefix where e has none."""
    out = replace(e)
    top = e.top
    if top != "y":
        out.y, out.ykind, out.yrel, out.fy = prefix.y, prefix.ykind, prefix.yrel, prefix.fy
    if top == "d":
        out.m, out.mrel = prefix.m, prefix.mrel
    return out


def _set_value(e: Expr) -> str:
    if e.kind == "weekday":
        return f"XXXX-WXX-{e.wd + 1}"
    if e.m is not None and e.d is not None:
        return f"XXXX-{e.m:02d}-{e.d:02d}"
    if e.m is not None:
        return f"XXXX-{e.m:02d}"
    return f"XXXX-XX-{e.d:02d}"


def find(text: str) -> list[Expr]:
    """All temporal expressions in width-folded `text`, in order, non-overlapping."""
    return _merge(text, _select(_candidates(text)))
