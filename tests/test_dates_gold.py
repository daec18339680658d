"""Acceptance: the sample article's dates (tests/fixtures/gold/belarus_us_635.gold.yaml).

The text is the seed body NFKC-normalised, without the text layer's paragraph repair: the
dates do not depend on it. Matching is by (surface text, occurrence), as in the gold file.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from pipeline.dates import tag_dates

from .conftest import GOLD_NOT_DATES, sample_body

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "gold" / "belarus_us_635.gold.yaml").read_text(encoding="utf-8"))


def _body() -> str:
    return unicodedata.normalize("NFKC", sample_body())


@pytest.fixture(scope="module")
def mentions():
    return tag_dates(_body(), GOLD["document"]["published"])


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _occurrence(mentions, surface: str, n: int):
    hits = [m for m in mentions if m.text == surface]
    return hits[n - 1] if len(hits) >= n else None


@pytest.mark.parametrize(
    "item", GOLD["dates"], ids=[f"{d['text']}#{d.get('occurrence', 1)}" for d in GOLD["dates"]]
)
def test_gold_date(mentions, item):
    m = _occurrence(mentions, _norm(item["text"]), item.get("occurrence", 1))
    assert m is not None, f"{item['text']} not found in {[x.text for x in mentions]}"
    assert m.type == "DATE"
    assert m.value == item["value"]
    if item.get("mod"):
        assert m.mod == item["mod"]


def test_gold_4gatsu_chujun_is_mid_with_range(mentions):
    m = _occurrence(mentions, "4月中旬", 1)
    assert (m.mod, m.range_start, m.range_end) == ("MID", "2020-04-11", "2020-04-20")
    assert m.anchor == "discourse"


def test_gold_3gatsu_takes_the_paragraph_year_not_publication(mentions):
    m = _occurrence(mentions, "3月", 1)
    assert m.value == "2020-03" and m.anchor == "discourse"


NOT_DATES = GOLD_NOT_DATES


@pytest.mark.parametrize("surface", NOT_DATES)
def test_gold_not_dates(mentions, surface):
    text = _body()
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
    assert spans, f"{surface} should be in the text"
    for s, e in spans:
        for m in mentions:
            assert not (m.start < e and s < m.end), f"{surface} overlaps date mention {m}"


def test_offsets_point_into_text(mentions):
    text = _body()
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.sentence_id >= 0


def test_every_gold_value_is_found_in_order(mentions):
    """The gold list is in order of appearance: our DATE mentions for it are too."""
    wanted = [(_norm(d["text"]), d["value"]) for d in GOLD["dates"]]
    got = [(m.text, m.value) for m in mentions if m.type == "DATE"]
    it = iter(got)
    assert all(w in it for w in wanted)
