"""English temporal expressions (pipeline.dates.english): forms, values, anchoring."""

from __future__ import annotations

import pytest

from pipeline.dates.english import find_en, relative_phrases, tag_dates_en
from pipeline.dates.lexicon import relative_words
from pipeline.model import Sentence

PUB = "2026-02-12"  # a Thursday


def _tag(text: str, published: str = PUB, paragraphs: list[str] | None = None):
    """Tag `text` (one sentence) or the sentences of `paragraphs` (one paragraph each)."""
    if paragraphs is None:
        return tag_dates_en(text, published, [Sentence(0, 0, len(text), "body", 0, text)])
    sents, pos, parts = [], 0, []
    for i, p in enumerate(paragraphs):
        sents.append(Sentence(i, pos, pos + len(p), "body", i, p))
        parts.append(p)
        pos += len(p) + 1
    return tag_dates_en("\n".join(parts), published, sents)


# (sentence, expected surface, value, mod)
CASES = [
    ("The sanctions were lifted in Dec. 2025.", "Dec. 2025", "2025-12", ""),
    ("The sanctions were lifted in December 2025.", "December 2025", "2025-12", ""),
    ("Talks were held on December 5, 2025.", "December 5, 2025", "2025-12-05", ""),
    ("Talks were held on Dec. 5, 2025.", "Dec. 5, 2025", "2025-12-05", ""),
    ("Talks were held on 5 December 2025.", "5 December 2025", "2025-12-05", ""),
    ("Talks were held on the 5th of December 2025.", "5th of December 2025", "2025-12-05", ""),
    ("Talks were held on December 5.", "December 5", "2025-12-05", ""),
    ("Talks were held on 5 December.", "5 December", "2025-12-05", ""),
    ("Talks were held on February 3.", "February 3", "2026-02-03", ""),
    ("The decision came on 2025-12-05.", "2025-12-05", "2025-12-05", ""),
    ("The law took effect in 2021.", "2021", "2021", ""),
    ("Officials have visited since 2019.", "2019", "2019", ""),
    ("The 2020 election was disputed.", "2020", "2020", ""),
    ("Lukashenko was first elected in 1994.", "1994", "1994", ""),
    ("Prices fell in early 2020.", "early 2020", "2020", "START"),
    ("Prices fell in mid-2020.", "mid-2020", "2020", "MID"),
    ("Prices fell in late 2020.", "late 2020", "2020", "END"),
    ("Prices fell at the end of 2020.", "the end of 2020", "2020", "END"),
    ("Prices fell in the first half of 2021.", "the first half of 2021", "2021", "START"),
    ("Prices fell in the second quarter of 2020.", "the second quarter of 2020", "2020-Q2", ""),
    ("Prices fell in mid-April 2020.", "mid-April 2020", "2020-04", "MID"),
    ("Prices fell in early March 2021.", "early March 2021", "2021-03", "START"),
    ("Prices fell in late June 2019.", "late June 2019", "2019-06", "END"),
    ("The economy grew in the 1990s.", "1990s", "199X", ""),
    ("The economy grew in the early 1990s.", "early 1990s", "199X", "START"),
    ("The economy grew in the '90s.", "'90s", "199X", ""),
    ("The state was founded in the 20th century.", "20th century", "19", ""),
    ("Sanctions were imposed last year.", "last year", "2025", ""),
    ("Sanctions will be lifted next year.", "next year", "2027", ""),
    ("Sanctions were eased this year.", "this year", "2026", ""),
    ("Sanctions were eased earlier this month.", "earlier this month", "2026-02", ""),
    ("Sanctions were eased last month.", "last month", "2026-01", ""),
    ("The envoy arrived yesterday.", "yesterday", "2026-02-11", ""),
    ("The envoy arrives tomorrow.", "tomorrow", "2026-02-13", ""),
    ("The envoy spoke today.", "today", "2026-02-12", ""),
    ("She spoke on Monday.", "Monday", "2026-02-09", ""),
    ("She will speak on Monday.", "Monday", "2026-02-16", ""),
    ("She spoke last Friday.", "last Friday", "2026-02-06", ""),
    ("She will speak next Friday.", "next Friday", "2026-02-13", ""),
    ("The talks began three years ago.", "three years ago", "2023", ""),
    ("The talks began 2 months ago.", "2 months ago", "2025-12", ""),
    ("The talks began last week.", "last week", "2026-W06", ""),
    ("Imports rose in spring 2021.", "spring 2021", "2021-SP", ""),
    ("Imports rose last summer.", "last summer", "2025-SU", ""),
    ("Sanctions lasted from 2019 to 2021.", "from 2019 to 2021", "2019", ""),
    ("Sanctions lasted 2019-2021.", "2019-2021", "2019", ""),
    ("He has ruled for 31 years.", "31 years", "P31Y", ""),
    ("He has ruled for about three decades.", "about three decades", "P30Y", "APPROX"),
    ("He has ruled for several years.", "several years", "PXY", ""),
    ("The forum meets every year.", "every year", "P1Y", ""),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", ""),
    ("In May officials met.", "May", "2025-05", ""),
    ("The talks begin in March.", "March", "2025-03", ""),
    ("The talks will begin in March.", "March", "2026-03", ""),
]


@pytest.mark.parametrize(("sentence", "surface", "value", "mod"), CASES, ids=[c[0] for c in CASES])
def test_english_date_forms(sentence, surface, value, mod):
    got = [(d.text, d.value, d.mod) for d in _tag(sentence)]
    assert (surface, value, mod) in got, got


def test_case_table_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "sentence",
    [
        "You may go.",
        "Officials may meet again.",
        "Protesters march in the streets.",
        "The army sent 2000 troops.",
        "Exports fell by 2020%.",
        "The bill cost $2021.",
        "He freed 123 political prisoners.",
        "June Carter sang at the fair.",  # a person's name
        "Augustine Attah scored twice.",
        "Voters backed Theresa May.",
        "The March for Peace drew thousands.",
        "They observed the month of Ramadan.",
    ],
)
def test_not_dates(sentence):
    assert [d.text for d in _tag(sentence) if d.type == "DATE"] == []


def test_month_takes_year_of_paragraph_discourse():
    dates = _tag(
        "",
        paragraphs=["In early 2020 Russia cut oil exports. By mid-April Belarus looked elsewhere."],
    )
    assert [(d.text, d.value, d.mod, d.anchor) for d in dates] == [
        ("early 2020", "2020", "START", "absolute"),
        ("mid-April", "2020-04", "MID", "discourse"),
    ]


def test_month_without_discourse_takes_publication_year_choosing_the_past():
    dates = _tag(
        "", "2026-02", paragraphs=["Talks were held in early 2020.", "The envoy came in April."]
    )
    assert dates[-1].value == "2025-04" and dates[-1].anchor == "publication"


def test_same_year_and_following_day_are_discourse_anchored():
    dates = _tag("", paragraphs=["Relations collapsed in 2021. That year the jet was forced down."])
    assert [(d.text, d.value, d.anchor) for d in dates] == [
        ("2021", "2021", "absolute"),
        ("That year", "2021", "discourse"),
    ]
    dates = _tag(
        "", paragraphs=["The talks opened on December 5, 2025, and closed the following day."]
    )
    assert dates[-1].value == "2025-12-06" and dates[-1].anchor == "discourse"


def test_ranges_and_parts():
    d = _tag("Sanctions lasted from 2019 to 2021.")[0]
    assert (d.range_start, d.range_end) == ("2019-01-01", "2021-12-31")
    d = _tag("Prices fell in mid-April 2020.")[0]
    assert (d.range_start, d.range_end) == ("2020-04-11", "2020-04-20")
    d = _tag("The economy grew in the 1990s.")[0]
    assert (d.range_start, d.range_end) == ("1990-01-01", "1999-12-31")


def test_spans_leave_out_prepositions():
    text = "On Monday, since 2019 and in the 1990s."
    assert [d.text for d in _tag(text)] == ["Monday", "2019", "1990s"]
    assert all(text[d.start : d.end] == d.text for d in _tag(text))


def test_relative_phrases_map_to_known_japanese_words():
    words = relative_words()
    assert relative_phrases() and all(w in words for w in relative_phrases().values())


def test_finder_returns_non_overlapping_sorted():
    exprs = find_en("On December 5, 2025 and in early 2020, and last year.")
    spans = [(e.start, e.end) for e in exprs]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_discourse_month_does_not_land_after_publication_in_a_past_sentence():
    a = "Putin will host Lukashenko next month."
    b = "The two leaders last met in December."
    text = a + " " + b
    sents = [Sentence(0, 0, len(a), "body", 0, a), Sentence(1, len(a) + 1, len(text), "body", 0, b)]
    dates = tag_dates_en(text, PUB, sents)
    assert [(d.text, d.value, d.anchor) for d in dates] == [
        ("next month", "2026-03", "publication"),
        ("December", "2025-12", "publication"),
    ]


# Forms of real news (issue 18): (paragraphs, publication date, surface, value, mod).
# PUB 2026-02-12 is a Thursday.
NEWS = [
    # a dateline is one date, weekday included
    (["Thursday, February 12, 2026"], PUB, "Thursday, February 12, 2026", "2026-02-12", ""),
    (["Talks began on December 22, last year."], PUB, "December 22, last year", "2025-12-22", ""),
    (["Protests have filled the streets since early this June."], "2026-09-06",
     "early this June", "2026-06", "START"),
    # weekdays: the last such day on or before publication, unless the tense says otherwise
    (["On Monday, the minister said he would resign."], PUB, "Monday", "2026-02-09", ""),
    (["On Friday in Geneva, he said: \"we will sign next month\"."], PUB, "Friday", "2026-02-06", ""),
    (["The summit will open on Friday."], PUB, "Friday", "2026-02-13", ""),
    (["This Wednesday the commission published its report."], PUB, "Wednesday", "2026-02-11", ""),
    (["The jet crashed on Saturday morning."], PUB, "Saturday morning", "2026-02-07", ""),
    (["The trial is anticipated to begin in March."], PUB, "March", "2026-03", ""),
    # anaphora: from the date just mentioned
    (["On Friday, the army released a statement.", "An attack that day hit the base."], PUB,
     "that day", "2026-02-06", ""),
    (["The law expired on Monday, the same day parliament reconvened."], PUB, "the same day",
     "2026-02-09", ""),
    (["The talks opened on February 3.", "Two days later, the envoys left."], PUB,
     "Two days later", "2026-02-05", ""),
    (["The talks opened on February 3.", "The day before, the envoys arrived."], PUB,
     "The day before", "2026-02-02", ""),
    (["The talks opened on February 3.", "That same day, the envoys left."], PUB,
     "That same day", "2026-02-03", ""),
    (["The treaty was signed on March 30, 2025.", "Three weeks earlier, talks had failed."], PUB,
     "Three weeks earlier", "2025-W10", ""),
    (["Police fired tear gas yesterday.", "Violence continued through the evening."], PUB,
     "the evening", "2026-02-11", ""),
    (["Earlier this week, the council met."], PUB, "Earlier this week", "2026-W07", ""),
    # "today" in a quote of an earlier day is that day; outside quotes it is publication
    (["On Monday, the minister said: \"Today we close the border.\""], PUB, "Today",
     "2026-02-09", ""),
    (["\"Today the situation is different,\" he said."], PUB, "Today", "2026-02-12", ""),
    # clock times with zones, on the day reported before them
    # a month named with no preposition (a noun's modifier, a subject): the nearest one
    (["The rally on Monday was a bid for October elections."], "2026-09-06", "October", "2026-10", ""),
    (["As July came to a close, the lead narrowed."], "2026-08-31", "July", "2026-07", ""),
    (["The August campaign began badly."], "2026-09-30", "August", "2026-08", ""),
    (["The verdict is scheduled for November."], "2026-06-28", "November", "2026-11", ""),
    (["In 2016, the October elections were held."], PUB, "October", "2016-10", ""),
    # "this past": the last one before publication
    (["She became his running mate this past April."], "2026-08-31", "this past April", "2026-04", ""),
    (["This past Friday, the princess spoke."], PUB, "This past Friday", "2026-02-06", ""),
    (["Leaders met this past weekend."], PUB, "this past weekend", "2026-W06", ""),
    # a month joined to a later one before it is of the next year
    (["The shutdown lasted through December and January."], "2026-02-20", "January", "2026-01", ""),
    # a part of a relative year or month, of the story's month
    (["Protests began late last month."], PUB, "late last month", "2026-01", "END"),
    (["The plant will open early next year."], PUB, "early next year", "2027", "START"),
    (["The law passed at the end of last year."], PUB, "the end of last year", "2025", "END"),
    (["The bill passed in July.", "At the end of the month, the senate adjourned."], "2026-09-01",
     "the end of the month", "2026-07", "END"),
    (["The deal should be signed by the end of the year."], PUB, "the end of the year", "2026", "END"),
    (["The drones struck on Tuesday at 10:45 a.m. EDT."], PUB, "10:45 a.m. EDT",
     "2026-02-10T10:45", ""),
    (["The drones struck yesterday at 0600 GMT."], PUB, "0600 GMT", "2026-02-11T06:00Z", ""),
    (["The rally began on Thursday around 18:00 local time (1500 UTC)."], PUB, "1500 UTC",
     "2026-02-12T15:00Z", ""),
    (["The attack took place on Friday at about 7:45 p.m."], PUB, "7:45 p.m.",
     "2026-02-06T19:45", ""),
    # a month "of" a relative year is of that year, whatever the discourse
    (["The firm was founded in 2009.", "The two owners were arrested in January of last year."],
     PUB, "January of last year", "2025-01", ""),
    (["The ruling is expected in June of this year."], PUB, "June of this year", "2026-06", ""),
    # "is due (out)": the future
    (["His memoir is due out in May."], PUB, "May", "2026-05", ""),
    # a day reported after publication (a court date) is no discourse for the past
    (["The shooting happened on Friday. He will appear again on March 5.",
      "The first attack was at about 13:40 local time.", "A second mosque was hit on the same day."],
     PUB, "13:40 local time", "2026-02-06T13:40", ""),
    (["The shooting happened on Friday. He will appear again on March 5.",
      "A second mosque was hit on the same day."], PUB, "the same day", "2026-02-06", ""),
    # "since" a year opens a span to now: no discourse for the month after it
    (["The party has governed since 2009.", "In January it lost its majority."], PUB, "January",
     "2026-01", ""),
]


@pytest.mark.parametrize(("paragraphs", "pub", "surface", "value", "mod"), NEWS,
                         ids=[" ".join(c[0]) for c in NEWS])  # fmt: skip
def test_english_news_forms(paragraphs, pub, surface, value, mod):
    got = [(d.text, d.value, d.mod) for d in _tag("", pub, paragraphs=paragraphs)]
    assert (surface, value, mod) in got, got


@pytest.mark.parametrize(
    "sentence",
    [
        "The speech came one week after an attack on oil fields.",  # after an event, no date
        "The attack came less than two weeks before the inauguration.",
        "A force of 1500 soldiers arrived.",
    ],
)
def test_relative_to_an_event_is_no_date(sentence):
    assert [d.text for d in _tag(sentence) if d.type in ("DATE", "TIME")] == []
