"""Acceptance: actors of the sample article (tests/fixtures/gold/belarus_us_635.gold.yaml).

The text is the seed body NFKC-normalised and treated as one sentence (the text
layer's paragraph repair is not needed for actors). Gold actors are matched as the
gold file says: states by country code, people / organisations / places by English
name (name_en or any alias, case-insensitive), governments and groups by country
(+ the group's kind).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from pipeline.model import Sentence

from .conftest import GOLD_NOT_DATES, sample_body

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "gold" / "belarus_us_635.gold.yaml").read_text(encoding="utf-8"))
TYPE_MAP = {"COUNTRY": "STATE", "CITY": "PLACE"}


def _body() -> str:
    return unicodedata.normalize("NFKC", sample_body())


@pytest.fixture(scope="module")
def linked():
    from pipeline.actors.component import ActorLinker
    from pipeline.nlp import blank_japanese, make_doc

    nlp = blank_japanese()
    text = _body()
    doc = make_doc(
        nlp, text, GOLD["document"]["published"], [Sentence(0, 0, len(text), "body", 0, text)]
    )
    doc = ActorLinker()(doc)
    return doc


def _names(a) -> set[str]:
    return {n.lower() for n in [a.name_en, *a.aliases] if n}


def _matches(gold: dict, a) -> bool:
    gtype = TYPE_MAP.get(gold["type"], gold["type"])
    if a.type != gtype:
        return False
    if gtype == "STATE":
        return a.country == gold["country"]
    if gtype == "GOVERNMENT":
        return a.country == gold["country"] and a.sector == "GOV"
    if gtype == "GROUP":
        # same country, and the group's kind: the head noun of the gold English name
        head = gold["name_en"].split()[-1].lower()
        return a.country == gold["country"] and any(n.split()[-1] == head for n in _names(a))
    gold_names = {n.lower() for n in [gold["name_en"], *gold.get("aliases_en", [])]}
    if gold.get("country") and a.country and gtype in ("PERSON", "PLACE"):
        country = {"SUN": "USR"}.get(gold["country"], gold["country"])
        if a.country != country:
            return False
    return bool(_names(a) & gold_names)


def test_every_gold_actor_is_found(linked):
    found = list(linked._.actors.values())
    missing = [g["id"] for g in GOLD["actors"] if not any(_matches(g, a) for a in found)]
    assert missing == []


@pytest.mark.parametrize(
    ("surface", "actor_id"),
    [
        ("チハノススカヤ", "PER_TSIKHANOUSKAYA_SVIATLANA"),  # misspelling in the text: fuzzy
        ("ピャリヤツキ", "PER_BIALIATSKI_ALES"),  # ピ/ビ, ヤ/ャ variant of ビャリャツキ
        ("口", "RUS"),  # 親|口: 口 (kanji) standing for ロ
        ("トランプ米政権", "USA_GOV"),
        ("ルカシェンコ政権", "BLR_GOV"),
        ("ベラルーシ当局", "BLR_GOV"),
        ("当局", "BLR_GOV"),  # bare: the country under discussion
        ("反政権派ジャーナリスト", "BLR_OPP"),
        ("政治犯", "BLR_PRISONERS"),
        ("ソ連邦", "USR"),
        ("白ロシア", "BLR"),
        ("米", "USA"),  # headline 「ベラルーシ、米に接近」, supported by 米国 elsewhere
        ("同国", "BLR"),
    ],
)
def test_sample_surfaces(linked, surface, actor_id):
    got = {m.actor_id for m in linked._.mentions if m.text == surface}
    assert actor_id in got


def test_sample_has_no_date_or_ordinary_word_actors(linked):
    for m in linked._.mentions:
        assert not any(nd in m.text for nd in GOLD_NOT_DATES), m
    # 加盟, 独立, 中心 occur in the sample; no mention takes a character of them, except a
    # longer name that contains the whole word (独立国家共同体)
    text = linked.text
    for word in ("加盟", "独立", "中心"):
        i = text.find(word)
        while i >= 0:
            for m in linked._.mentions:
                if m.start < i + len(word) and i < m.end:
                    assert m.start <= i and i + len(word) <= m.end and len(m.text) > len(word), (
                        word,
                        m,
                    )
            i = text.find(word, i + 1)


def test_sample_mentions_are_consistent(linked):
    text = linked.text
    for m in linked._.mentions:
        assert text[m.start : m.end] == m.text
        assert m.actor_id in linked._.actors
        assert m.label in {"PERSON", "STATE", "ORG", "IGO", "GROUP", "PLACE"}
        assert m.link_method in {"kb", "fuzzy", "new", "anaphora", "abbreviation"}
        assert 0 < m.confidence <= 1
        assert m.sentence_id == 0
