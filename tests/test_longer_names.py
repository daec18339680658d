"""Mentions are maximal names (pipeline/actors/longer_names.py, add_model_mentions):
what a model entity around KB and rule mentions makes of them. The model's spans are
given here, so these cases test the merging, not the model."""

from __future__ import annotations

import pytest

from pipeline.model import Mention

from .conftest import linked_doc


def _merged(text, span, label, probability=1.0):
    from pipeline.actors.component import add_model_mentions

    doc, kb = linked_doc(text)
    add_model_mentions(doc, kb, [(*span, label, 0.7, probability)])
    return doc, [(m.text, m.actor_id, m.link_method) for m in doc._.mentions]


@pytest.mark.parametrize(
    "text, span, label, expected",
    [
        # a known place or state inside an organisation's name gives way to it
        ("東京都交通局は発表した。", (0, 6), "ORG", [("東京都交通局", "NEW_ORG_", "model")]),
        ("独島守備隊が巡回した。", (0, 5), "ORG", [("独島守備隊", "NEW_ORG_", "model")]),  # 〜警備隊 the rules read
        # a desk or office of an organisation the KB knows is that organisation (org_units)
        ("毎日新聞社政治部が調べた。", (0, 8), "ORG", [("毎日新聞社政治部", "ORG_MAINICHI_SHIMBUN", "model")]),
        ("朝日新聞ソウル支局が伝えた。", (0, 9), "ORG", [("朝日新聞ソウル支局", "ORG_ASAHI_SHIMBUN", "model")]),
        # an organ of an international organisation is that organisation, as CAMEO codes it
        ("国連安全保障委員会が開かれた。", (0, 9), "ORG", [("国連安全保障委員会", "IGO_UN", "model")]),
        # a known place and its kind: the same place, named in full
        ("ミンスク市で集会があった。", (0, 5), "LOC", [("ミンスク市", "PLC_MINSK", "model")]),
        # a known place and a kind of place: another, longer place
        ("広島湾で演習した。", (0, 3), "LOC", [("広島湾", "NEW_PLC_", "model")]),
        # an address is one name, of its most specific place, known or new
        ("東京都檜原村に本社を置く。", (0, 6), "LOC", [("東京都檜原村", "NEW_PLC_", "model")]),
        ("東京都新宿区にある。", (0, 6), "LOC", [("東京都新宿区", "PLC_SHINJUKU", "model")]),
        ("安徽省亳州で事件が起きた。", (0, 5), "LOC", [("安徽省亳州", "PLC_BOZHOU", "model")]),
        ("中国安徽省亳州で事件が起きた。", (0, 7), "LOC", [("中国安徽省亳州", "PLC_BOZHOU", "model")]),
        ("慶尚北道慶州市陽南面で事故があった。", (0, 10), "LOC", [("慶尚北道慶州市陽南面", "NEW_PLC_", "model")]),
        # a direction before a region: a longer region
        ("北アフリカの国々が独立した。", (0, 5), "LOC", [("北アフリカ", "NEW_PLC_", "model")]),
        # ... also where only the gazetteer (kb_places.tsv) knows its broader places
        ("愛知県一宮市にある。", (0, 6), "LOC", [("愛知県一宮市", "PLC_ICHINOMIYA", "model")]),
        ("神奈川県横浜市に住む。", (0, 7), "LOC", [("神奈川県横浜市", "PLC_YOKOHAMA", "model")]),
        ("静岡県三島市大宮町で火災があった。", (0, 9), "LOC", [("静岡県三島市大宮町", "NEW_PLC_OOMIYA_MACHI", "model")]),
        ("愛知県一宮市内にある。", (0, 7), "LOC", [("愛知県", "PLC_AICHI", "kb"), ("一宮市内", "PLC_ICHINOMIYA", "kb")]),
        # a position near a place is no longer name (尖閣諸島沖: off the Senkaku Islands)
        ("尖閣諸島沖で衝突した。", (0, 5), "LOC", [("尖閣諸島", "PLC_SENKAKU_ISLANDS", "kb")]),
        # a state's abbreviation before a place qualifies it: Dallas, US
        ("米ダラスで集会が開かれた。", (0, 4), "LOC", [("ダラス", "PLC_DALLAS", "kb")]),
        # abbreviations in compounds are the rules': 日米 stays two states
        ("日米同盟を強化する。", (0, 4), "ORG", [("日", "JPN", "abbreviation"), ("米", "USA", "abbreviation")]),
        # a longer name around a sector actor the rules composed is a mention of that actor
        ("日本政府観光局が発表した。", (0, 7), "ORG", [("日本政府観光局", "JPN_GOV", "model")]),
        ("ドイツ軍兵器局が資料を作成した。", (0, 7), "ORG", [("ドイツ軍兵器局", "DEU_MIL", "model")]),
        ("中華民国北京政府が設置した。", (0, 8), "ORG", [("中華民国北京政府", "CHN_GOV", "model")]),
        # a person the rules made up from the words around a name is read anew by the model
        ("鬼武や伊野本孝一らに誘われた。", (3, 8), "PERSON", [("伊野本孝一", "NEW_PER_", "model")]),
        # a person the KB knows is not extended by a word after the name
        ("プーチン離れが進む。", (0, 6), "PERSON", [("プーチン", "PER_PUTIN_VLADIMIR", "kb")]),
    ],
)
def test_longer_names(text, span, label, expected):
    _, got = _merged(text, span, label)
    assert [(t, m) for t, _, m in got] == [(t, m) for t, _, m in expected]
    assert all(a.startswith(prefix) for (_, a, _), (_, prefix, _) in zip(got, expected, strict=True)), got


def test_a_longer_name_takes_the_country_of_the_state_inside_it():
    doc, got = _merged("東京都交通局は発表した。", (0, 6), "ORG")
    (mention,) = doc._.mentions
    assert doc._.actors[mention.actor_id].country == "JPN"
    assert "PLC_TOKYO" not in doc._.actors  # the replaced mention's actor goes with it


def test_the_model_must_be_sure_of_a_longer_name():
    _, got = _merged("東京都交通局は発表した。", (0, 6), "ORG", probability=0.6)
    assert got == [("東京都", "PLC_TOKYO", "kb")]


@pytest.mark.parametrize(
    "text, span, label, probability, expected",
    [
        # a known place before a katakana name in an organisation's name
        ("1951年にUSクレモネーゼに加入した。", (6, 14), "ORG", 0.55, [("USクレモネーゼ", "model")]),
        ("東京ヴェルディに移籍した。", (0, 7), "ORG", 0.53, [("東京ヴェルディ", "model")]),
        ("中国BBSが伝えた。", (0, 5), "ORG", 0.6, [("中国", "kb")]),
        # a person the rules made up from the words around a name, in a longer person's
        ("尾崎淳介校長は話した。", (0, 4), "PERSON", 0.58, [("尾崎淳介", "model")]),
        ("金総書記が死去した。", (0, 2), "PERSON", 0.85, [("金", "new")]),  # 金|総書記: a title
    ],
)
def test_names_that_give_way_to_a_longer_one_the_model_is_unsure_of(text, span, label, probability, expected):
    _, got = _merged(text, span, label, probability)
    assert [(t, m) for t, _, m in got] == expected


def test_the_model_sure_of_another_kind_relabels_a_name_the_rules_made_up():
    doc, got = _merged("試合直後のヘンリーとの乱闘に乗じた。", (5, 9), "PERSON", 0.99)
    assert [(t, m) for t, _, m in got] == [("ヘンリー", "model")]
    assert doc._.mentions[0].label == "PERSON"
    _, got = _merged("試合直後のヘンリーとの乱闘に乗じた。", (5, 9), "PERSON", 0.8)
    assert [(t, m) for t, _, m in got] == [("ヘンリー", "new")]


def test_a_place_only_the_gazetteer_knows_gives_way_to_a_name_the_model_is_unsure_of():
    # before the gazetteer knew 愛知県, nothing stood in the model's way there either
    _, got = _merged("愛知県交通局が発表した。", (0, 6), "ORG", probability=0.6)
    assert [(t, m) for t, _, m in got] == [("愛知県交通局", "model")]


@pytest.mark.parametrize(
    "method, label, gives",
    [
        ("kb", "STATE", True),
        ("new", "PERSON", True),
        ("anaphora", "STATE", False),
        ("abbreviation", "STATE", False),
    ],
)
def test_gives_way(method, label, gives):
    from pipeline.actors.longer_names import gives_way
    from pipeline.model import Actor

    mention = Mention(0, 2, "日本", label, "X", method)
    actor = Actor("X", label, "x", "x", in_kb=method == "kb")
    assert gives_way(mention, actor, "ORG") is gives
    sector = Actor("JPN_GOV", "GOVERNMENT", "Government of Japan", "日本政府", "JPN", "GOV")
    assert gives_way(mention, sector, "ORG") is False


def test_a_new_place_of_china_or_korea_is_named_in_its_language():
    doc, got = _merged("四川省汶川で地震が起きた。", (0, 5), "LOC")
    assert [(t, m) for t, _, m in got] == [("四川省汶川", "model")]
    county = doc._.actors[got[0][1]]
    assert (county.name_en, county.country) == ("Wenchuan", "CHN")


@pytest.mark.parametrize(
    "name, lang, expected",
    [
        ("亳州", "zh", "Bozhou"),
        ("南原", "ko", "Namwon"),
        ("千代田", "", ""),  # Japanese places keep cutlet's reading
        ("ソウル", "ko", ""),  # not kanji
    ],
)
def test_romanise_place(name, lang, expected):
    from pipeline.actors.textutil import romanise_place

    assert romanise_place(name, lang) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a unit of an organ is one organisation, the organ's actor
        ("環境省東北地方環境事務所が調査を始めた。", [("環境省東北地方環境事務所", "JPN_GOV")]),
        ("財務省関東財務局は発表した。", [("財務省関東財務局", "JPN_GOV")]),
        ("自民党愛知県連は候補者を決めた。", [("自民党愛知県連", "ORG_LDP_JAPAN")]),
        # ... also after words that are no unit (直轄の, 所管)
        ("国土交通省北陸地方整備局直轄の工事だ。", [("国土交通省北陸地方整備局", "JPN_GOV")]),
        # a title or people after the unit make it theirs: the organ stays as it was
        ("財務省関東財務局長が会見した。", [("財務省", "JPN_GOV")]),
        ("防衛省幹部は否定した。", [("防衛省", "JPN_MIL")]),
        # a word ending in 部 is no unit (幹部), nor is what follows after a space
        ("財務省 関東財務局が発表した。", [("財務省", "JPN_GOV")]),
        # the inside of a city, ward, town or village or of Tokyo is part of the place's mention
        ("ソウル市内で集会が開かれた。", [("ソウル市内", "PLC_SEOUL")]),
        ("東京都内の店で買った。", [("東京都内", "PLC_TOKYO")]),
        # not of a state or a prefecture
        ("日本国内で売られた。", [("日本国", "JPN")]),
        ("大阪府内の学校で起きた。", [("大阪府", "PLC_OSAKA")]),
    ],
)
def test_a_known_name_widened_over_what_the_corpora_take_with_it(text, expected):
    """A unit of an organ is one organisation, the organ's actor (organ_units); the inside
    of a city is the city (place_interiors)."""
    _, got = _merged(text, (0, 1), "LOC", 0.0)  # a span that changes nothing
    assert [(t, a) for t, a, _ in got if a.startswith(tuple(a for _, a in expected))] == expected
