"""Date forms of real text (issue 18): numeric forms, the whole era table, anchoring on the
clause's tense, quotes and the reported day, relative expressions and not-dates; plus a
property test that the tagger never crashes nor returns an impossible value.

Cases are (text, publication date, surface, type, value, mod); type None means the surface
must not be (part of) a DATE or TIME mention. Sentences are written for these tests.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import tag_dates
from pipeline.dates.english import tag_dates_en
from pipeline.dates.lexicon import historical_eras

D, T = "DATE", "TIME"

NUMERIC = [
    ("非情社会中国［10/26］", "2011-10-28", "10/26", D, "2011-10-26", ""),  # caption title
    ("（10/26）の記事で", "2011-10-28", "10/26", D, "2011-10-26", ""),
    ("3/1に発表した", "2023-03-05", "3/1", D, "2023-03-01", ""),
    ("3/1(水)に発表した", "2023-03-05", "3/1(水)", D, "2023-03-01", ""),
    ("2023・3・1に施行した", "2023-05-01", "2023・3・1", D, "2023-03-01", ""),
    ("2023,3,1に施行した", "2023-05-01", "2023,3,1", D, "2023-03-01", ""),
    ("令和5/3/1に施行した", "2023-05-01", "令和5/3/1", D, "2023-03-01", ""),
    ("平成23.3.11に発生した", "2023-05-01", "平成23.3.11", D, "2011-03-11", ""),
    ("R5.3に改定した", "2023-05-01", "R5.3", D, "2023-03", ""),
    ("H23.3.11の震災", "2023-05-01", "H23.3.11", D, "2011-03-11", ""),
    ("S64.1.7に崩御", "2023-05-01", "S64.1.7", D, "1989-01-07", ""),
    ("2012-04-02T10:15:00+0900に更新", "2012-04-03", "2012-04-02T10:15:00+0900", T,
     "2012-04-02T10:15", ""),  # fmt: skip
    ("2012-04-02T10:15Zに更新", "2012-04-03", "2012-04-02T10:15Z", T, "2012-04-02T10:15", ""),
    # fractions are not dates
    ("人口の1/3が高齢者だ", "2023-05-01", "1/3", None, None, None),
    ("価格は1/3に下がった", "2023-05-01", "1/3", None, None, None),
    ("約1/2の確率", "2023-05-01", "1/2", None, None, None),
    ("2/30に", "2023-05-01", "2/30", None, None, None),  # no such day
    ("M7.3の地震", "2023-05-01", "M7.3", None, None, None),  # magnitude, not Meiji 7
]

ERAS = [
    ("元禄3年に", "2026-02-14", "元禄3年", D, "1690", ""),
    ("元禄元年", "2026-02-14", "元禄元年", D, "1688", ""),
    ("天平勝宝元年に", "2026-02-14", "天平勝宝元年", D, "0749", ""),  # longest name first
    ("天平12年", "2026-02-14", "天平12年", D, "0740", ""),
    ("慶応3年10月", "2026-02-14", "慶応3年10月", D, "1867-10", ""),
    ("安政五年に", "2026-02-14", "安政五年", D, "1859", ""),
    ("正平10年", "2026-02-14", "正平10年", D, "1356", ""),  # 南朝
    ("日本文化10年計画", "2026-02-14", "文化", None, None, None),  # 文化 inside a word
    ("天平99年", "2026-02-14", "天平", None, None, None),  # past the era's end
]

ANCHORING = [
    # the clause's own predicate decides past or future, not words elsewhere in the sentence
    ("12月にオープンするというニュースも。", "2011-10-26", "12月", D, "2011-12", ""),
    ("12月にオープンした店だ。", "2011-10-26", "12月", D, "2010-12", ""),
    ("25日から協議する。", "2012-03-20", "25日", D, "2012-03-25", ""),
    ("25日から協議を始める予定だ。", "2012-03-20", "25日", D, "2012-03-25", ""),
    ("2日、英紙は「…と予想していた」と報じた。", "2012-08-03", "2日", D, "2012-08-02", ""),
    ("2日、英紙は1位と予想されていた選手を報じた。", "2012-08-03", "2日", D, "2012-08-02", ""),
    ("26日、領有権を主張する決議案が出された。", "2012-08-28", "26日", D, "2012-08-26", ""),
    ("15日に抗議している。", "2012-08-18", "15日", D, "2012-08-15", ""),  # ている: begun
    ("3月に開く。", "2026-02-14", "3月", D, "2026-03", ""),
    # a clock time takes the day of the event reported before it, not the publication day
    ("組合は20日、声明を出した。\n代表は午後2時から演説したという。", "2012-06-23", "午後2時", T,
     "2012-06-20T14:00", ""),  # fmt: skip
    ("終戦の日の8月15日に集まった。\n午後2時40分頃、旗を広げた。", "2012-08-18",
     "午後2時40分頃", T, "2012-08-15T14:40", "APPROX"),  # fmt: skip
    ("午後3時に会見した。", "2012-06-23", "午後3時", T, "2012-06-23T15:00", ""),  # no day: pub
    # quotes of different speakers do not share a discourse: 17日 is not July 1994's
    ("「17年前の1994年7月もそうだった」「17日に死亡したのに」", "2011-12-19", "17日", D,
     "2011-12-17", ""),  # fmt: skip
    ("「17年前の1994年7月もそうだった」", "2011-12-19", "17年前", D, "1994", ""),
    # but a quote continues its own thread
    ("「1994年7月に会い、8日に別れた」と語った。", "2011-12-19", "8日", D, "1994-07-08", ""),
    # きょう in a quote of a speech made on the 10th is the 10th
    ("外相は10日、「きょう会談した」と述べた。", "2026-02-14", "きょう", D, "2026-02-10", ""),
    ("外相は「きょう会談した」と述べた。", "2026-02-14", "きょう", D, "2026-02-14", ""),
]

RELATIVE = [
    ("2020年8月9日に選挙があった。その3日後に抗議が起きた。", "2026-02-14", "その3日後", D,
     "2020-08-12", ""),  # fmt: skip
    ("2020年8月9日に選挙があった。前日に集会が開かれた。", "2026-02-14", "前日", D, "2020-08-08", ""),
    ("2020年8月9日に選挙があった。翌日に抗議が起きた。", "2026-02-14", "翌日", D, "2020-08-10", ""),
    ("上陸翌日の11日、調査した。", "2012-08-14", "11日", D, "2012-08-11", ""),
    # 翌 before a written day: the first such day after the last date, into the next month
    ("7月31日に首相が訪れた。翌1日には集会が開かれた。", "2012-08-14", "1日", D, "2012-08-01", ""),
    ("7月30日に首相が訪れた。翌31日には集会が開かれた。", "2012-08-14", "31日", D, "2012-07-31", ""),
    ("上陸翌日の11日、調査した。", "2012-08-14", "翌日", None, None, None),  # describes 11日
    ("先週、支持率は17%だった。", "2012-08-14", "先週", D, "2012-W32", ""),  # ISO week
    ("先週末に集まった。", "2012-06-26", "先週末", D, "2012-W25", ""),
    ("4月以降に値上げした。", "2026-05-10", "4月", D, "2026-04", ""),
    ("3月末までに決める。", "2026-02-14", "3月末", D, "2026-03", "END"),
    ("6日から10日の間行った調査", "2012-08-14", "6日", D, "2012-08-06", ""),
    ("6日から10日の間行った調査", "2012-08-14", "10日", D, "2012-08-10", ""),
    # Korean in a quoted headline: resolved, never a crash
    ("・김정일 이틀전 열차내서 급사（東亜日報）", "2011-12-19", "이틀전", D, "2011-12-17", ""),
    ("「어제 발표했다」", "2011-12-19", "어제", D, "2011-12-18", ""),
    ("오늘날 한국", "2011-12-19", "오늘", None, None, None),  # nowadays
]

NOT_DATES = [
    ("10日に発表した", "2012-08-14", "10日", D, "2012-08-10", ""),  # a date, not P10D
    ("レナウン、中国に10年後2000店舗出店へ", "2011-10-24", "10年後", None, None, None),
    ("クリスマスプレゼントをくれた", "2011-12-19", "クリスマス", None, None, None),
    ("クリスマスに家族と過ごす", "2011-12-19", "クリスマス", D, "XXXX-12-25", ""),
    ("2011年12月に帰国した。クリスマスに再会した。", "2012-02-01", "クリスマス", D,
     "2011-12-25", ""),  # fmt: skip
]


def _check(text, pub, surface, typ, value, mod, tag=tag_dates):
    mentions = tag(text, pub)
    if typ is None:
        start = text.index(surface)
        end = start + len(surface)
        hits = [
            m for m in mentions if m.start < end and start < m.end and m.type in ("DATE", "TIME")
        ]
        assert not hits, f"{surface!r} should not be a date: {hits}"
        return
    got = [m for m in mentions if m.text == surface]
    assert got, f"{surface!r} not found; got {[(m.text, m.value) for m in mentions]}"
    assert (got[0].type, got[0].value, got[0].mod) == (typ, value, mod), got[0]


TABLES = {
    "numeric": NUMERIC,
    "era": ERAS,
    "anchoring": ANCHORING,
    "relative": RELATIVE,
    "not-date": NOT_DATES,
}
CASES = [(kind, *case) for kind, cases in TABLES.items() for case in cases]


@pytest.mark.parametrize("kind,text,pub,surface,typ,value,mod", CASES)
def test_form(kind, text, pub, surface, typ, value, mod):
    _check(text, pub, surface, typ, value, mod)


def test_historical_eras_cover_the_table():
    eras = historical_eras()
    assert len(eras) > 230
    assert {"大化", "天平", "元禄", "慶応", "正平", "明徳"} <= set(eras)
    assert all(e.start < "1868-10-24" for e in eras.values())


def test_historical_eras_match_japanera():
    """The committed table is what build_eras makes from the pinned japanera."""
    pytest.importorskip("japanera", reason="japanera (a dev dependency) is not installed")
    from importlib import resources

    from pipeline.dates.build_eras import render

    committed = resources.files("pipeline.dates").joinpath("data", "eras_historical.tsv")
    assert committed.read_text(encoding="utf-8") == render()


# --------------------------------------------------------------------------- properties

_VALUE = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?:T(?P<hh>\d\d):(?P<mi>\d\d)Z?)?"
    r"|(?P<wy>\d{4})-W(?P<w>\d\d)|\d{4}-(?:SP|SU|FA|WI|Q[1-4])|FY\d{4}|\d{3}X|\d\d"
    r"|XXXX-(?P<xm>\d\d)-(?P<xd>\d\d)|XXXX-XX-XX|XXXX-WXX-[1-7]|PAST_REF|FUTURE_REF|PRESENT_REF"
    r"|T\d\d:\d\dZ?|[\d.]+(?:-\d\d(?:-\d\d)?)?/(?:[\d-]+|\.\.)"
)


def _possible(value: str) -> bool:
    """A DATE/TIME value names a day, month, week or time that exists (no 13月, 2月30日)."""
    m = _VALUE.fullmatch(value)
    if not m:
        return False
    if m["y"]:
        y, mo, d = int(m["y"]), m["m"], m["d"]
        if mo and not 1 <= int(mo) <= 12:
            return False
        if d and not 1 <= int(d) <= calendar.monthrange(y, int(mo))[1]:
            return False
        if m["hh"] and not (int(m["hh"]) < 24 and int(m["mi"]) < 60):
            return False
    if m["w"]:
        return 1 <= int(m["w"]) <= date(int(m["wy"]), 12, 28).isocalendar()[1]
    if m["xm"]:
        return 1 <= int(m["xm"]) <= 12 and 1 <= int(m["xd"]) <= 31
    return True


def _assert_sane(text: str, mentions) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.type in ("DATE", "TIME", "DURATION", "SET")
        if m.type in ("DATE", "TIME"):
            assert _possible(m.value), (m.text, m.value)
        for r in (m.range_start, m.range_end):
            if r:
                date.fromisoformat(r)  # raises on 2023-02-30
        assert 0.0 <= m.confidence <= 1.0


DATEISH = (
    "0123456789０１２３一二三十元年月日度代世紀〜~から時分秒午前後間ぶり前同翌昨今来中旬末初め"
    "（）()火曜。、「」\n /.-・,:T令和平成昭和明治元禄天平RHSMT頃夜朝週末先이틀전오늘"
)
PUBS = st.sampled_from(["2026-02-14", "2026-02", "2026", "", "2012-12-31", "2020-02-29"])
settings.register_profile("dates", derandomize=True, max_examples=300, deadline=None)


@settings(settings.get_profile("dates"))
@given(st.text(alphabet=DATEISH, max_size=60), PUBS)
def test_tagger_never_crashes_nor_returns_impossible_values(text, pub):
    _assert_sane(text, tag_dates(text, pub))


@settings(settings.get_profile("dates"))
@given(st.text(max_size=80), PUBS)
def test_tagger_on_arbitrary_unicode(text, pub):
    _assert_sane(text, tag_dates(text, pub))
    _assert_sane(text, tag_dates_en(text, pub))


EN_WORDS = st.sampled_from(
    "on at in the of last next this that same day days week weeks month year ago later earlier "
    "before Monday Friday January March May 5 12 31 2019 2020 1995 a.m. p.m. EDT GMT UTC 10:45 "
    "0600 1500 today yesterday tomorrow morning evening night , . \" early late mid".split()
)


@settings(settings.get_profile("dates"))
@given(st.lists(EN_WORDS, max_size=25).map(" ".join), PUBS)
def test_english_tagger_never_crashes_nor_returns_impossible_values(text, pub):
    _assert_sane(text, tag_dates_en(text, pub))
