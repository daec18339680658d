"""The office-holder KB (kb_people.tsv / kb_roles.tsv, built by `make kb`) and its use:
dated roles, surnames before titles, bare titles, former holders, Korean and Chinese names.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from pipeline.actors import link_actors
from pipeline.actors.kb import check_kb_data
from pipeline.actors.textutil import (
    hangul_to_roman,
    korean_name_spellings,
    romanise_chinese,
    romanise_japanese_name,
    romanise_korean,
    romanise_korean_katakana,
    romanise_name,
)
from pipeline.model import Sentence


def people(nlp, text, published):
    from pipeline.nlp import make_doc

    doc = make_doc(nlp, text, published, [Sentence(0, 0, len(text), "body", 0, text)])
    mentions, actors = link_actors(doc)
    return [(m.text, actors[m.actor_id]) for m in mentions if actors[m.actor_id].type == "PERSON"]


# ------------------------------------------------------------------ the data
def test_packaged_kb_data_is_valid(kb):
    assert check_kb_data(kb) == []


@pytest.mark.parametrize(
    ("actor_id", "name_en", "name_ja", "country"),
    [
        ("PER_LEE_MYUNG_BAK", "Lee Myung-bak", "李明博", "KOR"),
        ("PER_NODA_YOSHIHIKO", "Yoshihiko Noda", "野田佳彦", "JPN"),
        ("PER_HATOYAMA_YUKIO", "Yukio Hatoyama", "鳩山由紀夫", "JPN"),
        ("PER_WEN_JIABAO", "Wen Jiabao", "温家宝", "CHN"),
        ("PER_KIM_JONG_IL", "Kim Jong Il", "金正日", "PRK"),  # curated in people.yaml, roles added
    ],
)
def test_office_holders_have_both_names(kb, actor_id, name_en, name_ja, country):
    a = kb.get(actor_id)
    assert (a.name_en, a.name_ja, a.country) == (name_en, name_ja, country)


@pytest.mark.parametrize(
    ("country", "role", "date", "holder"),
    [
        ("KOR", "president", "2011-10-20", "PER_LEE_MYUNG_BAK"),
        ("JPN", "head_of_government", "2011-10-20", "PER_NODA_YOSHIHIKO"),
        ("JPN", "head_of_government", "2010-01", "PER_HATOYAMA_YUKIO"),
        ("JPN", "foreign_minister", "2012-03-01", "PER_GENBA_KOICHIRO"),
        ("JPN", "chief_cabinet_secretary", "2016-05-01", "PER_SUGA_YOSHIHIDE"),
        ("CHN", "head_of_government", "2008-06-01", "PER_WEN_JIABAO"),
        ("USA", "defence_minister", "2004-06-01", "PER_RUMSFELD_DONALD"),
        # Iran, where Phoenix (2014) names no president: the office table's rows
        ("IRN", "president", "2019-09-23", "PER_ROUHANI_HASSAN"),
        ("IRN", "foreign_minister", "2019-09-23", "PER_KHONSARI_MOHAMMAD_ZARIF"),
        ("IRN", "leader", "2019-09-23", "PER_KHAMENEI_ALI"),
    ],
)
def test_holders_at_a_date(kb, country, role, date, holder):
    assert kb.holders(country, role, date) == [holder]


def test_former_holders_latest_first(kb):
    assert kb.former_holders("JPN", "head_of_government", "2011-10-20")[:2] == [
        "PER_KAN_NAOTO",
        "PER_HATOYAMA_YUKIO",
    ]
    assert kb.held("PER_HATOYAMA_YUKIO", "head_of_government", "2011-10-20", former=True)
    assert not kb.held("PER_NODA_YOSHIHIKO", "head_of_government", "2011-10-20", former=True)


@pytest.mark.parametrize(
    ("actor_id", "date", "party"),
    [
        ("PER_LEE_MYUNG_BAK", "2011-10-20", "state:KOR"),  # president: acts for the state
        ("PER_LEE_MYUNG_BAK", "2015", "PER_LEE_MYUNG_BAK"),  # out of office
        ("PER_HATOYAMA_YUKIO", "2011-10-20", "PER_HATOYAMA_YUKIO"),  # a former prime minister
        ("PER_HATOYAMA_YUKIO", "2010-01-15", "state:JPN"),
        ("KOR_GOV", "", "state:KOR"),
        ("NEW_PER_X_0000", "2011", "NEW_PER_X_0000"),  # not in the KB
    ],
)
def test_party(kb, actor_id, date, party):
    assert kb.party(actor_id, date) == party


# ------------------------------------------------------------------ the linker
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("李明博大統領は会見で強調した。", "2011-10-20", [("李明博", "PER_LEE_MYUNG_BAK")]),
        ("李大統領は会見で強調した。", "2011-10-20", [("李", "PER_LEE_MYUNG_BAK")]),  # surname + title
        ("野田首相は訪韓した。", "2011-10-20", [("野田", "PER_NODA_YOSHIHIKO")]),
        ("鳩山元首相が訪中した。", "2011-10-20", [("鳩山", "PER_HATOYAMA_YUKIO")]),  # a former holder
        ("野田氏は語った。", "2011-10-20", []),  # a surname alone with 氏: nobody in particular
        (
            "鳩山元首相が訪中した。鳩山氏は語った。",
            "2011-10-20",
            [("鳩山", "PER_HATOYAMA_YUKIO"), ("鳩山", "PER_HATOYAMA_YUKIO")],
        ),  # 氏 after the person was named
        ("首相は記者団に語った。", "2011-10-20", [("首相", "PER_NODA_YOSHIHIKO")]),  # Japan's PM
        ("韓国の大統領は演説した。", "2012-08-01", [("大統領", "PER_LEE_MYUNG_BAK")]),
        ("親ロ派の大統領が当選した。", "2012-08-01", []),  # a description, not the holder
        ("歴代大統領が集まった。", "2012-08-01", []),
    ],
)
def test_titles_name_the_office_holder(nlp, text, published, expected):
    got = [(s, a.actor_id) for s, a in people(nlp, text, published) if a.in_kb]
    assert got == expected


def test_former_title_is_not_the_government(nlp, kb):
    ((surface, actor),) = people(nlp, "鳩山元首相が批判した。", "2011-10-20")
    assert (actor.actor_id, actor.country) == ("PER_HATOYAMA_YUKIO", "JPN")
    assert kb.party(actor.actor_id, "2011-10-20") == actor.actor_id  # not state:JPN
    ((_, lee),) = people(nlp, "李明博大統領が批判した。", "2011-10-20")
    assert kb.party(lee.actor_id, "2011-10-20") == "state:KOR"
    assert any(r.role == "president" and r.sector == "GOV" for r in kb.role_at(lee.actor_id, "2011-10-20"))


@pytest.mark.parametrize(
    ("text", "name_en", "country"),
    [
        ("韓国の警察は、崔順実氏を逮捕した。韓国の検察も捜査した。", "Choi Sun-sil", "KOR"),  # a Korea story
        ("中国の劉暁波氏が受賞し、中国政府は反発した。", "Liu Xiaobo", "CHN"),  # a China story
        ("日本で崔龍海（チェ・リョンヘ）氏が語った。", "Choi Ryong-hae", ""),  # the gloss reads it as Korean
        ("韓国の女優キム・テホ氏が語った。韓国の市民も。", "Kim Tae-ho", "KOR"),  # katakana, Korea story
        ("ジョン・スミス氏が韓国で語った。韓国の市民も。", "Jon Sumisu", ""),  # no Korean family name
        ("韓国の記者イ・ジョンソン氏が批判した。", "Lee Jeong-seong", "KOR"),  # not Johnson: a Korean given name
        ("韓国の歌手イ・ラン氏が抗議した。", "Lee Ran", "KOR"),  # not Iran (イラン) spelt with ・
        ("川村一郎氏は韓国で語った。韓国の市民も。", "Ichiro Kawamura", "JPN"),  # Japanese: cutlet, given name first; a Japanese
        ("林一郎氏は語った。", "Ichiro Hayashi", ""),
        # a Korean family name Japanese does not share, in a story about Japan that names Korea
        # before China: read the Korean way (no country: a Korean in Japan may be either)
        ("日本の警察は、韓国籍の女性・李恩定氏を逮捕した。日本の検察も。", "Lee Eun-jeong", ""),
        # a gloss that reads it the Korean way: Korean, though the story is about Japan
        ("日本の警察は、東京で韓国籍の女性・李恩定(イ・ウンジョン)と日本人の男を逮捕した。日本の検察も。", "Lee Eun-jeong", "KOR"),  # a family name of one kanji may be Chinese or Korean too: no country
    ],
)
def test_unknown_cjk_names_read_in_their_language(nlp, text, name_en, country):
    ((_, actor), *_) = people(nlp, text, "2016-11-01")
    assert (actor.in_kb, actor.name_en, actor.country) == (False, name_en, country)


# ------------------------------------------------------------------ romanisation
@pytest.mark.parametrize(
    ("name", "lang", "roman"),
    [
        ("李明博", "ko", "Lee Myeong-bak"),  # family name as news spells it, given name RR
        ("朴槿恵", "ko", "Park Geun-hye"),
        ("文在寅", "ko", "Moon Jae-in"),
        ("南宮英", "ko", "Namgung Yeong"),  # a two-character family name
        ("胡錦濤", "zh", "Hu Jintao"),
        ("曽慶紅", "zh", "Zeng Qinghong"),  # 曽 as a family name is Zeng
        ("江沢民", "zh", "Jiang Zemin"),  # Japanese form 沢 of 澤
        ("李明博", "", "Ri Akihiro"),  # no context: a Japanese reading
        ("海老蔵", "", "Ebizo"),  # a Japanese reading without long vowels, as English-language news
        ("有働", "", "Udo"),
    ],
)
def test_romanise_name(name, lang, roman):
    assert romanise_name(name, lang) == roman


@pytest.mark.parametrize(
    ("hangul", "roman"),
    [("박", "bak"), ("명", "myeong"), ("희", "hui"), ("김", "gim"), ("을", "eul"), ("ㄱ", "")],
)
def test_hangul_to_roman(hangul, roman):
    assert hangul_to_roman(hangul) == roman


@pytest.mark.parametrize(
    ("kana", "roman"),
    [
        ("キム・テヒ", "Kim Tae-hui"),
        ("ジ・ドンウォン", "Ji Dong-won"),  # ジ: 池 as Japanese news also writes it
        ("ホン・ソンリョン", "Hong Seong-ryong"),  # ソン, リョン: syllables with a final ン
        ("パク・ミョンス", "Park Myeong-su"),
        ("イ・ラン", "Lee Ran"),  # イ as a family name is Lee
        ("チョン・チャンゴル", "Jung Chan-gol"),  # ル after a syllable is its final consonant
        ("ジョン・チャンゴル", "Jeong Chan-gol"),  # ジョン may be 정 before two syllables
        ("ジョン・スミス", ""),  # ... but not before others: John Smith
        ("キム・Ｘ", ""),
    ],
)
def test_romanise_korean_katakana(kana, roman):
    assert romanise_korean_katakana(kana) == roman


@pytest.mark.parametrize(
    ("name", "spelling"),
    [
        ("パク・ジョンウ", "Park Jong-woo"),  # ジョン may be 종 jong, ウ is spelt woo
        ("ハン・ジュンヒ", "Han Joon-hee"),
        ("ノ・ビョンマン", "Noh Byung-man"),  # another spelling of the family name
        ("イ・ラン", "Lee Rang"),  # a final ン may be ㅇ ng
        ("李明博", "Lee Myung-bak"),  # kanji, read by KANJIDIC2
        ("チョン・ジュナ", "Jung Jun-ha"),  # ジュナ may be 준하: the h after n is not heard
    ],
)
def test_korean_names_get_the_spellings_of_english_news(name, spelling):
    spellings = korean_name_spellings(name)
    assert spelling in spellings and romanise_name(name, "ko") not in spellings
    assert len(spellings) <= 24


def test_a_korean_family_name_alone_in_a_story_about_korea_is_read_as_korean():
    from pipeline.api import analyze

    r = analyze("韓国の検察は、パク氏を起訴した。", published="2012-01-15")
    ((person),) = [a for a in r.actors if a["type"] == "PERSON"]
    assert (person["name_en"], person["country"]) == ("Park", "KOR")


def test_only_korean_names_get_korean_spellings():
    assert korean_name_spellings("ジョン・スミス") == [] and korean_name_spellings("川村一郎") == []


def test_new_korean_names_read_as_korean_where_korea_is_named():
    """A name the NER finds (not only the rules) is read in its language, in a story that
    names Korea though it is set in Japan; the family name alone later is the same person."""
    from pipeline.api import analyze

    text = "東京の劇場で、韓国から来た歌手パク・ジョンウが公演を開いた。日本のファンは喜び、パク氏は感謝を述べた。"
    r = analyze(text, published="2012-05-01")
    ((person),) = [a for a in r.actors if a["type"] == "PERSON"]
    assert (person["name_en"], person["country"]) == ("Park Jeong-u", "KOR")
    assert "Park Jong-woo" in person["aliases"].split(";")
    assert {m["text"] for m in r.mentions if m["actor_id"] == person["actor_id"]} == {"パク・ジョンウ", "パク"}


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("女優の真木よう子が出演した。真木は語った。", ["真木よう子", "真木"]),  # kana in the given name
        ("DeNAは発表した。DeNA社の社員も。", ["DeNA", "DeNA社"]),  # 〜社 after the name
    ],
)
def test_one_name_is_one_actor_in_an_article(text, surfaces):
    from pipeline.api import analyze

    r = analyze(text, published="2012-05-01")
    found = [m for m in r.mentions if m["text"] in surfaces]
    assert [m["text"] for m in found] == surfaces and len({m["actor_id"] for m in found}) == 1


def test_family_name_alone_is_the_person_named_in_full():
    from pipeline.api import analyze

    text = "都庁で石原都知事が会見した。作家の石原慎太郎は以前から発言していた。石原氏は反論した。"
    r = analyze(text, published="2012-05-01")
    ((person),) = [a for a in r.actors if a["type"] == "PERSON"]  # not 石原都 (都知事 is his title)
    assert person["name_en"] == "Shintaro Ishihara"
    assert [m["text"] for m in r.mentions if m["actor_id"] == person["actor_id"]] == ["石原", "石原慎太郎", "石原"]


@pytest.mark.parametrize(
    ("text", "full", "other"),
    [
        # a Korean reading in katakana of a kanji name given before (one character of a
        # Japanese family name taken on left out)
        ("格闘家の秋山成勲が発言した。韓国メディアは、チュ・ソンフンの発言を報じた。", "秋山成勲", "チュ・ソンフン"),
        ("記者の朴明博が書いた。パク・ミョンバクは続けた。", "朴明博", "パク・ミョンバク"),
        # a stage name: a katakana nickname and the given name
        ("芸人の田村淳が発言した。韓国の歌手は、ロンブー淳を批判した。", "田村淳", "ロンブー淳"),
    ],
)
def test_another_name_of_a_person_named_in_full_is_that_person(text, full, other):
    from pipeline.api import analyze

    r = analyze(text, published="2012-08-20")
    ids = {m["text"]: m["actor_id"] for m in r.mentions}
    assert ids[other] == ids[full]


@pytest.mark.parametrize(
    ("text", "surface", "english"),
    [
        ("韓国の警察は朴氏を逮捕した。", "朴", "Park"),  # a family name alone, read as its story's language
        ("韓国の検察は金容疑者を起訴した。", "金", "Kim"),
        ("中国の警察は王氏を逮捕した。", "王", "Wang"),
        ("日本の警察は林氏を逮捕した。", "林", "Hayashi"),  # a Japanese story: the Japanese reading
        # a story about Japan that names Korea: a family name only Koreans bear is Korean
        ("日本の警察は東京に住む朴氏を逮捕した。日本政府は韓国に説明した。日本の首相も話した。", "朴", "Park"),
        ("在日韓国人の金氏が日本の裁判所に訴えた。日本の裁判所は棄却した。", "金", "Kim"),
        ("日本の林氏は韓国で講演した。日本の会社は喜んだ。", "林", "Hayashi"),  # Japanese too: Japan's story
        ("中国の李氏は日本を訪れ、韓国にも寄った。", "李", "Li"),  # China named first
    ],
)
def test_a_family_name_alone_is_read_in_the_language_of_the_story(text, surface, english):
    from pipeline.api import analyze

    r = analyze(text, published="2012-08-20")
    (m,) = [m for m in r.mentions if m["text"] == surface]
    assert {a["actor_id"]: a["name_en"] for a in r.actors}[m["actor_id"]] == english


def test_a_korean_reading_of_another_name_is_someone_else():
    from pipeline.api import analyze

    r = analyze("格闘家の秋山成勲が発言した。キム・テヒは反論した。", published="2012-08-20")
    ids = {m["text"]: m["actor_id"] for m in r.mentions}
    assert ids["キム・テヒ"] != ids["秋山成勲"]


@pytest.mark.parametrize(
    ("family", "given", "roman"),
    [
        ("有田", "芳生", "Yoshifu Arita"),
        ("石原", "慎太郎", "Shintaro Ishihara"),  # long vowels without marks
        ("井上", "優子", "Yuko Inoue"),  # the ou of Inoue is two vowels
        ("大野", "一", "Hajime Ono"),
    ],
)
def test_romanise_japanese_name(family, given, roman):
    assert romanise_japanese_name(family, given) == roman


def test_romanisation_needs_a_reading():
    assert romanise_korean("博明") == ""  # no Korean family name
    assert romanise_chinese("胡") == ""


# ------------------------------------------------------------------ English
def test_english_linker_finds_generated_office_holders(kb):
    from pipeline.english.actors import _scan, english_index

    text = "President Lee Myung-bak met Yoshihiko Noda in Seoul."
    found = {(text[c.start : c.end], c.key) for c in _scan(text, english_index(kb)) if c.kind == "actor"}
    assert ("Lee Myung-bak", "PER_LEE_MYUNG_BAK") in found
    assert ("Yoshihiko Noda", "PER_NODA_YOSHIHIKO") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban attacked a base.", ("Taliban", "ORG_TALIBAN")),
        ("The Islamic State of Iraq and the Levant claimed it.", ("Islamic State of Iraq and the Levant", "ORG_ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT")),
        ("ISIL claimed it.", ("ISIL", "ORG_ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT")),  # Phoenix's two entries are one
        ("It was banned in Zine El Abidine Ben Ali's time.", ("Zine El Abidine Ben Ali", "PER_ALI_ZINE_EL_ABIDINE_BEN")),
    ],
)
def test_english_linker_finds_generated_organisations_and_people(kb, text, expected):
    from pipeline.english.actors import _scan, english_index

    found = {(text[c.start : c.end], c.key) for c in _scan(text, english_index(kb)) if c.kind == "actor"}
    assert expected in found


def test_generated_organisations_have_type_country_and_sector(kb):
    taliban = kb.get("ORG_TALIBAN")
    assert (taliban.type, taliban.country, taliban.sector) == ("ORG", "AFG", "REB")
    assert "IGO_THE_EUROPEAN_UNION" not in kb.actors  # the curated IGO_EU has it
    assert kb.surfaces_en.get("United States Congress") is None or kb.surfaces_en["United States Congress"][0].key == "USA_LEG"


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # a noun for people glued to a name the NER finds describes the person: no actor
        ("歌手IUが来日した。", "IU", ""),
        # a state inside the describing noun stays named, and is the new person's country
        ("韓国人歌手のIUが来日した。", "IU", "KOR"),
    ],
)
def test_a_noun_glued_to_a_person_describes_that_person(text, person, country):
    from pipeline.api import analyze

    r = analyze(text, published="2012-08-20")
    actors = {a["actor_id"]: a for a in r.actors}
    assert not [m for m in r.mentions if actors[m["actor_id"]]["type"] == "GROUP"]
    (m,) = [m for m in r.mentions if m["text"] == person]
    assert actors[m["actor_id"]]["country"] == country
    assert ("韓国" in [m["text"] for m in r.mentions]) == (country == "KOR")



@pytest.mark.parametrize(
    ("text", "published", "actor_id"),
    [
        # the Imperial family as the news of 2011-12 names it
        ("皇太子さまが式典に出席された。", "2012-05-01", "PER_NARUHITO"),
        ("雅子さまが静養された。", "2012-05-01", "PER_MASAKO"),
        ("秋篠宮さまが訪問された。", "2012-05-01", "PER_FUMIHITO"),
        ("天皇陛下がお言葉を述べられた。", "2012-05-01", "PER_AKIHITO"),
    ],
)
def test_the_imperial_family_of_the_time(text, published, actor_id):
    from pipeline.api import analyze

    r = analyze(text, published=published)
    assert [m["actor_id"] for m in r.mentions if m["label"] == "PERSON"] == [actor_id]
