"""Table-driven tests of the event coder: Japanese sentences -> (source, code, target,
polarity, modality), with hand-made actor mentions over real fugashi tokens."""

from __future__ import annotations

import pytest

from pipeline.events import code_events, load_cameo
from pipeline.nlp import blank_japanese

from .events_fixtures import doc_with_mentions

# surface -> (actor id, type, country); longest surfaces win
ACTORS = {
    "日本政府": ("JPN_GOV", "GOVERNMENT", "JPN"),
    "日本": ("JPN", "STATE", "JPN"),
    "米国": ("USA", "STATE", "USA"),
    "米政府": ("USA_GOV", "GOVERNMENT", "USA"),
    "アメリカ": ("USA", "STATE", "USA"),
    "中国政府": ("CHN_GOV", "GOVERNMENT", "CHN"),
    "中国": ("CHN", "STATE", "CHN"),
    "韓国": ("KOR", "STATE", "KOR"),
    "北朝鮮": ("PRK", "STATE", "PRK"),
    "ロシア": ("RUS", "STATE", "RUS"),
    "ウクライナ": ("UKR", "STATE", "UKR"),
    "イラン": ("IRN", "STATE", "IRN"),
    "イスラエル": ("ISR", "STATE", "ISR"),
    "フランス": ("FRA", "STATE", "FRA"),
    "ベラルーシ": ("BLR", "STATE", "BLR"),
    "ベラルーシ政府": ("BLR_GOV", "GOVERNMENT", "BLR"),
    "ルカシェンコ政権": ("BLR_GOV", "GOVERNMENT", "BLR"),
    "EU": ("IGO_EU", "IGO", ""),
    "国連": ("IGO_UN", "IGO", ""),
    "岸田首相": ("PER_KISHIDA", "PERSON", "JPN"),
    "プーチン大統領": ("PER_PUTIN", "PERSON", "RUS"),
    "政治犯": ("BLR_PRISONERS", "GROUP", "BLR"),
    "記者": ("JOURNALIST", "GROUP", ""),
    "反政府派": ("OPP", "GROUP", ""),
    "ミンスク": ("PLC_MINSK", "CITY", "BLR"),
    "習近平": ("PER_XI", "PERSON", "CHN"),
    "北京": ("PLC_BEIJING", "CITY", "CHN"),
}


@pytest.fixture(scope="module")
def nlp():
    return blank_japanese()


def coded(nlp, text, dates=None, published="2026-02", embedded=False, kinds=None):
    doc = doc_with_mentions(nlp, text, ACTORS, dates or {}, published, kinds=kinds)
    return code_events(doc, embedded=embedded)


def tuples(events):
    return [
        (e.source_actor_id, e.event_code, e.target_actor_id, e.polarity, e.modality) for e in events
    ]


A, N = "affirmed", "negated"
AS, INT, CON, DEM, HYP, REP = (
    "asserted",
    "intended",
    "considered",
    "demanded",
    "hypothetical",
    "reported",
)

# ---------------------------------------------------------------------------------- roles
ROLE_CASES = [
    # が / は agent, を patient, に target
    ("米国は中国を批判した。", [("USA", "111", "CHN", A, AS)]),
    ("ロシアがウクライナを攻撃した。", [("RUS", "190", "UKR", A, AS)]),
    ("岸田首相は米国を訪問した。", [("PER_KISHIDA", "042", "USA", A, AS)]),
    ("中国が日本に抗議した。", [("CHN", "114", "JPN", A, AS)]),
    # に対し / に対して / へ target
    ("米国は北朝鮮に対し制裁を発動した。", [("USA", "163", "PRK", A, AS)]),
    ("日本政府は中国に対して遺憾の意を表明した。", [("JPN_GOV", "110", "CHN", A, AS)]),
    ("ロシアはウクライナへの攻撃を続けた。", [("RUS", "190", "UKR", A, AS)]),
    # object patterns decide the code
    ("米国は北朝鮮に対する制裁を解除した。", [("USA", "085", "PRK", A, AS)]),
    ("米国は制裁を緩和した。", [("USA", "085", "", A, AS)]),  # no target written, no focus state
    ("EUはロシアへの制裁を継続する。", [("IGO_EU", "1244", "RUS", A, AS)]),
    ("米国はベラルーシに政治犯の釈放を求めた。", [("USA", "1053", "BLR", A, AS)]),
    ("ベラルーシ政府は政治犯を釈放した。", [("BLR_GOV", "0841", "BLR_PRISONERS", A, AS)]),
    ("日本は米国に謝意を示した。", [("JPN", "051", "USA", A, AS)]),
    ("中国は会談に難色を示した。", [("CHN", "120", "", A, AS)]),
    ("ロシアは日本の要求をのんだ。", [("RUS", "083", "JPN", A, AS)]),
    ("ロシアはウクライナ向けの輸出を減らした。", [("RUS", "1621", "UKR", A, AS)]),
    ("イランは国連の査察を拒否した。", [("IRN", "1245", "IGO_UN", A, AS)]),
    # と partner: symmetric, coded once in sorted order
    ("日本は米国と会談した。", [("JPN", "040", "USA", A, AS)]),
    ("日本と中国が首脳会談を行った。", [("CHN", "040", "JPN", A, AS)]),
    ("ロシアは中国と条約を締結した。", [("CHN", "057", "RUS", A, AS)]),
    # による / からの: agent inside the noun phrase; 取り付ける: the subject obtains the act
    ("ベラルーシ政府は米国からの制裁解除を取り付けた。", [("USA", "085", "BLR_GOV", A, AS)]),
    ("ベラルーシは米国による制裁の解除を取り付けた。", [("USA", "085", "BLR", A, AS)]),
    # receive: the subject undergoes the act
    ("記者が中国当局の拘束を受けた。", [("CHN", "173", "JOURNALIST", A, AS)]),
    # passive: subject = patient, に / によって = agent
    ("記者が中国に拘束された。", [("CHN", "173", "JOURNALIST", A, AS)]),
    ("日本は中国によって批判された。", [("CHN", "111", "JPN", A, AS)]),
    ("記者が拘束された。", []),  # no agent written: not coded
    # causative: the causer is the source; the に-causee is not the target
    ("米国は日本に記者を釈放させた。", [("USA", "0841", "JOURNALIST", A, AS)]),
    # one object shared by two coordinated acts
    (
        "中国は記者を逮捕し、国外に追放した。",
        [("CHN", "173", "JOURNALIST", A, AS), ("CHN", "174", "JOURNALIST", A, AS)],
    ),
    # an institution of a state named by its genitive (台湾の国防部は)
    ("韓国の国防部は北朝鮮を批判した。", [("KOR", "111", "PRK", A, AS)]),
    # coordination: AとB / AやB / A、B両国
    (
        "米国や日本は北朝鮮を非難した。",
        [("USA", "111", "PRK", A, AS), ("JPN", "111", "PRK", A, AS)],
    ),
    ("米国と日本は中国を批判した。", [("USA", "111", "CHN", A, AS), ("JPN", "111", "CHN", A, AS)]),
    ("米国は中国と韓国を批判した。", [("USA", "111", "CHN", A, AS), ("USA", "111", "KOR", A, AS)]),
    (
        "日本、韓国両国は米国と協議した。",
        [("JPN", "040", "USA", A, AS), ("KOR", "040", "USA", A, AS)],
    ),
    # topic shared by coordinated clauses
    (
        "米国は制裁を発動し、北朝鮮に対し記者の釈放を求めている。",
        [("USA", "163", "", A, AS), ("USA", "1053", "PRK", A, AS)],
    ),
    # a relative clause does not take the main topic as its subject; its head noun is the subject
    (
        "日本を批判したロシアは国連に提訴した。",
        [("RUS", "111", "JPN", A, AS), ("RUS", "115", "IGO_UN", A, AS)],
    ),
    # headline style: 「A、Bに…」
    ("岸田首相、米国に謝意を示した。", [("PER_KISHIDA", "051", "USA", A, AS)]),
    # subject official noun inherits the topic's state
    ("米国は高官がロシアを訪れた。", [("USA", "042", "RUS", A, AS)]),
    # では-topic without actor: no discourse guess
    ("各国では検討しているはずだ。", []),
    # fixed targets: 訪米 / 来日
    ("岸田首相は訪米した。", [("PER_KISHIDA", "042", "USA", A, AS)]),
    # a person before a state qualifier and a title heads the phrase
    ("岸田首相は習近平米大統領と会談した。", [("PER_KISHIDA", "040", "PER_XI", A, AS)]),
    # an official of a state: the state (or ministry) is the actor
    ("中国の報道官は日本を非難した。", [("CHN", "111", "JPN", A, AS)]),
    # an adverbial adjective does not end the clause
    ("中国政府は日本の対応を強く非難した。", [("CHN_GOV", "111", "JPN", A, AS)]),
    # a に-complement decides the code (停戦に合意 = 0871)
    ("イスラエルとイランは停戦に合意した。", [("IRN", "0871", "ISR", A, AS)]),
    # the owner of what is addressed is the target (中国の海洋進出に懸念)
    ("日本は中国の海洋進出に懸念を表明した。", [("JPN", "012", "CHN", A, AS)]),
    # との inside the object: the partner is the target
    ("ロシアはウクライナとの国境を封鎖した。", [("RUS", "191", "UKR", A, AS)]),
    # the same state on both sides is no event
    ("ベラルーシはベラルーシ政府を批判した。", []),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES)
def test_roles(nlp, text, expected):
    assert tuples(coded(nlp, text)) == expected


# ---------------------------------------------------------------------------- attributes
ATTRIBUTE_CASES = [
    # polarity
    ("米国は中国を批判しなかった。", [("USA", "111", "CHN", N, AS)]),
    ("日本は米国を訪問せず、", [("JPN", "042", "USA", N, AS)]),
    ("ロシアはウクライナを攻撃しない。", [("RUS", "190", "UKR", N, AS)]),
    ("米国は中国を批判したのではないか。", [("USA", "111", "CHN", A, AS)]),  # rhetorical
    # intended
    ("日本は米国を訪問する予定だ。", [("JPN", "042", "USA", A, INT)]),
    ("日本政府は中国に抗議する方針だ。", [("JPN_GOV", "114", "CHN", A, INT)]),
    ("EUは制裁を堅持する構えだ。", [("IGO_EU", "1244", "", A, INT)]),
    ("米国はロシアを批判したい考えだ。", [("USA", "111", "RUS", A, INT)]),
    ("日本は米国と会談しようとしている。", [("JPN", "040", "USA", A, INT)]),
    # considered: 検討 codes 014; the embedded act (with embedded=True) is "considered"
    ("日本は中国産原油の輸入を検討する。", [("JPN", "014", "CHN", A, AS)]),
    # hypothetical
    ("もしロシアがウクライナを攻撃すれば、", [("RUS", "190", "UKR", A, HYP)]),
    ("ロシアがウクライナを攻撃したら、", [("RUS", "190", "UKR", A, HYP)]),
    ("ロシアがウクライナを攻撃する可能性がある。", [("RUS", "190", "UKR", A, HYP)]),
    ("中国は日本を批判するだろう。", [("CHN", "111", "JPN", A, HYP)]),
    # a non-past act its actor announces is a plan
    ("ロシアは日本の外交官を追放すると発表した。", [("RUS", "161", "JPN", A, INT)]),
    # a chain of clauses shares its ending
    (
        "日本は米国と会談し、貿易問題を話し合う見通しだ。",
        [("JPN", "040", "USA", A, HYP), ("JPN", "040", "", A, HYP)],  # merge folds the second
    ),
    # a date after the publication date: scheduled
    ("岸田首相は来月米国を訪問する。", [("PER_KISHIDA", "042", "USA", A, INT)]),
    # reported
    ("ロシアはウクライナを攻撃したとされる。", [("RUS", "190", "UKR", A, REP)]),
    ("中国は日本を批判したと報じられた。", [("CHN", "111", "JPN", A, REP)]),
    ("米国は北朝鮮を非難したという。", [("USA", "111", "PRK", A, REP)]),
    # 述べる is a statement of the speaker, not a report
    ("米国は北朝鮮を非難したと述べた。", [("USA", "111", "PRK", A, AS)]),
]


@pytest.mark.parametrize("text,expected", ATTRIBUTE_CASES)
def test_attributes(nlp, text, expected):
    assert tuples(coded(nlp, text, dates={"来月": "2026-03"})) == expected


def test_embedded_acts_are_demanded_or_considered(nlp):
    events = coded(nlp, "米国はベラルーシ政府に政治犯の釈放を求めた。", embedded=True)
    assert tuples(events) == [
        ("USA", "1053", "BLR_GOV", A, AS),
        ("BLR_GOV", "0841", "BLR_PRISONERS", A, DEM),
    ]
    events = coded(nlp, "米国は中国への制裁の発動を検討している。", embedded=True)
    assert tuples(events) == [("USA", "014", "CHN", A, AS), ("USA", "163", "CHN", A, CON)]
    # off by default: only the demand itself is a happening
    assert len(coded(nlp, "米国はベラルーシ政府に政治犯の釈放を求めた。")) == 1


# ---------------------------------------------------------------------- discourse, dates
def test_dropped_subject_takes_the_paragraph_topic(nlp):
    events = coded(nlp, "米国は中国を批判した。その後、北朝鮮を訪問した。")
    assert tuples(events)[1] == ("USA", "042", "PRK", A, AS)
    assert events[1].confidence < events[0].confidence  # discourse < explicit


def test_topic_does_not_cross_paragraphs(nlp):
    assert len(coded(nlp, "米国は中国を批判した。\n北朝鮮を訪問した。")) == 1


def test_ryokoku_is_the_last_two_states(nlp):
    events = coded(nlp, "ロシアとの関係が強化された。ベラルーシは孤立した。両国で条約を締結した。")
    assert tuples(events) == [("BLR", "057", "RUS", A, AS)]
    assert events[0].symmetric


def test_focus_state_fills_sanction_targets(nlp):
    text = "ベラルーシは孤立した。ベラルーシは困った。\nリトアニア政府は制裁を堅持する構えだ。"
    actors = dict(ACTORS, リトアニア政府=("LTU_GOV", "GOVERNMENT", "LTU"))
    doc = doc_with_mentions(nlp, text, actors, {})
    events = code_events(doc)
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in events] == [
        ("LTU_GOV", "1244", "BLR")
    ]
    assert events[0].confidence < 0.5  # a guess


@pytest.mark.parametrize(
    "text,dates,expected",
    [
        # a DATE in the clause before the trigger
        ("2021年に米国は中国を批判した。", {"2021年": "2021"}, ("2021", "year", "clause")),
        # a framing date at the head of the sentence governs later clauses
        (
            "3月には中国が反発し、米国は中国を批判した。",
            {"3月": "2025-03"},
            ("2025-03", "month", "clause"),
        ),
        # else the last date of the paragraph
        (
            "2020年8月に選挙があった。米国は中国を批判した。",
            {"2020年8月": "2020-08"},
            ("2020-08", "month", "discourse"),
        ),
        # else the publication date
        ("米国は中国を批判した。", {}, ("2026-02", "month", "publication")),
        # a DURATION does not count (P3Y is not a date) ...
        ("3年間、米国は中国を批判した。", {"3年間": "P3Y"}, ("2026-02", "month", "publication")),
        # ... a TIME gives its day (北朝鮮は27日朝、発射した)
        ("米国は10日朝、中国を批判した。", {"10日朝": "2026-02-10TMO"}, ("2026-02-10", "day", "clause")),
    ],
)
def test_dates(nlp, text, dates, expected):
    event = coded(nlp, text, dates=dates)[-1]  # the sentence's last (main) event
    assert (event.date, event.date_precision, event.date_source) == expected


def test_location_and_caption(nlp):
    (event,) = coded(nlp, "日本は北京で中国と会談した。")
    assert event.location_actor_id == "PLC_BEIJING"
    assert (event.source_actor_id, event.target_actor_id, event.symmetric) == ("CHN", "JPN", True)
    (event,) = coded(nlp, "ロシアはミンスクで会談した。")
    assert event.location_actor_id == "PLC_MINSK" and event.target_actor_id == ""
    (event,) = coded(nlp, "米国は中国を批判した。", kinds={0: "caption"})
    assert event.is_caption


def test_trigger_offsets_point_at_the_trigger(nlp):
    text = "米国は北朝鮮に対する制裁を解除した。"
    (event,) = coded(nlp, text)
    assert text[event.start : event.end] == event.trigger == "解除"


def test_every_code_comes_from_the_cameo_table(nlp):
    cameo = load_cameo()
    for text, _ in ROLE_CASES + ATTRIBUTE_CASES:
        for e in coded(nlp, text):
            assert e.event_code in cameo


@pytest.mark.parametrize(
    "text,expected",
    [
        # compounds: the actor linker reads 日米 as JPN and USA; the coder pairs them
        ("日米首脳会談が行われた。", ("JPN", "040", "USA", "affirmed")),
        ("日米首脳会談は行われなかった。", ("JPN", "040", "USA", "negated")),
        ("日露両国は条約を締結した。", ("JPN", "057", "RUS", "affirmed")),
    ],
)
def test_compound_states_through_the_actor_linker(text, expected):
    from pipeline import analyze

    events = analyze(text, lang="ja", published="2026-02").events
    assert [(e["source_actor_id"], e["event_code"], e["target_actor_id"], e["polarity"]) for e in events] == [expected]
    assert events[0]["symmetric"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # 一致 without 意見/認識 is agreeing on a course, like 合意; 両首脳 = the two states named
        ("日米首脳会談で、両首脳は連携強化で一致した。", [("JPN", "030", "USA")]),
        ("岸田首相とバイデン大統領は北朝鮮への対応で一致した。", [("PER_BIDEN_JOE", "030", "PER_KISHIDA_FUMIO")]),
        ("調査結果は予測と一致した。", []),  # no actors, no event
    ],
)
def test_ichi_is_an_agreement_between_actors(text, expected):
    from pipeline import analyze

    events = analyze(text, lang="ja", published="2026-01-15").events
    assert [(e["source_actor_id"], e["event_code"], e["target_actor_id"]) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reaction with no target of its own reacts to the act before it, by someone else
        ("日本政府は、北朝鮮がミサイルを発射したことを強く非難した。", ("JPN_GOV", "11", "PRK")),
        # a topic after a 連用 clause is the subject of what follows, not the clause's が
        ("北朝鮮がミサイルを発射し、日本政府は中国を非難した。", ("JPN_GOV", "11", "CHN")),
        ("3月には中国が反発し、米国は中国を批判した。", ("USA", "11", "CHN")),
        ("米国は、ロシアがウクライナを攻撃したことについて非難した。", ("USA", "11", "RUS")),
        ("中国が会談を提案したが、米国は拒否した。", ("USA", "12", "CHN")),
        # its own target stays
        ("米国は、北朝鮮がミサイルを発射したことについて中国を非難した。", ("USA", "11", "CHN")),
    ],
)
def test_a_reaction_targets_the_act_it_reacts_to(nlp, text, expected):
    got = [(e.source_actor_id, e.event_code[:2], e.target_actor_id) for e in coded(nlp, text)]
    assert expected in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 〜するよう求める: the clause is the act asked for, the に / に対し party the target
        ("米国はロシアに対し、撤退するよう求めた。", ("USA", "106", "RUS")),
        ("米国はロシアに攻撃を控えるよう求めた。", ("USA", "1056", "RUS")),
        ("米国はロシアに撤退するように要請した。", ("USA", "0256", "RUS")),
    ],
)
def test_the_act_asked_for_in_a_you_clause(nlp, text, expected):
    events = coded(nlp, text)
    assert [(e.source_actor_id, e.event_code, e.target_actor_id) for e in events] == [expected]


def test_an_act_asked_for_is_not_reported_as_done(nlp):
    events = coded(nlp, "米国はロシアに対し、ウクライナを攻撃しないよう求めた。")
    assert ("RUS", "UKR") not in [(e.source_actor_id, e.target_actor_id) for e in events]
    assert [e.source_actor_id for e in events] == ["USA"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("ルビオ米国務長官はロシアに対し、自制を求めた。", "PER_RUBIO_MARCO"),
        ("グロッシ事務局長はロシアに対し、自制を求めた。", "PER_GROSSI_RAFAEL"),  # 事務|局|長
        ("林芳正官房長官は北朝鮮を非難した。", "PER_HAYASHI_YOSHIMASA"),
    ],
)
def test_a_person_with_a_title_of_several_tokens_is_the_subject(text, source):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare(text), "ja", "2026-06-24")
    assert [e.source_actor_id for e in doc._.events] == [source]


def test_both_sides_officials_are_not_the_topics(nlp):
    """双方の代表団 are the delegations of both sides (unresolved), not the mediators'."""
    actors = dict(ACTORS, エジプト=("EGY", "STATE", "EGY"), カタール=("QAT", "STATE", "QAT"))
    doc = doc_with_mentions(nlp, "エジプトとカタールは仲介を続けており、近く双方の代表団が協議する予定だ。", actors, {})
    assert ("EGY", "QAT") not in [(e.source_actor_id, e.target_actor_id) for e in code_events(doc)]
    doc = doc_with_mentions(nlp, "エジプトとカタールは、代表団が協議する予定だ。", actors, {})
    assert [(e.source_actor_id, e.target_actor_id) for e in code_events(doc)] == [("EGY", "QAT")]



# --------------------------------------------------------------- real news (issue 17)
def _analyzed(text, published="2012-08-20"):
    from pipeline import analyze

    events = analyze(text, lang="ja", published=published).events
    return [(e["source_actor_id"], e["event_code"], e["target_actor_id"]) for e in events]


REAL_NEWS_CASES = [
    # reported speech codes the speaker's statement
    ("韓国の外相は記者会見で「対話の扉は開いている」と述べた。", [("KOR", "010", "")]),
    # a reaction noun carried by a reaction verb; the speakers are marked から / で / に
    ("中国の外交官が来日した。韓国のネットユーザーからは非難の声が相次いだ。",
     [("CHN_GOV", "042", "JPN"), ("KOR_NETIZENS", "111", "CHN_GOV")]),
    ("韓国のネット掲示板では称賛の声が寄せられた。", [("KOR_NETIZENS", "051", "")]),
    # 〜で波紋を呼んでいる: the people there react to the subject
    ("日本の市長の発言が中国のネット掲示板で波紋を呼んでいる。", [("CHN_NETIZENS", "111", "JPN")]),
    # an agentless passive arrest: the authorities of the place, else of the patient's country
    ("韓国人男性が国家保安法違反の容疑で逮捕された。", [("KOR_GOV", "173", "KOR_CVL")]),
    ("フィリピンのマニラで韓国人男性2人が日本人女性に性的暴行を加え、現地警察に逮捕された。",
     [("KOR_CVL", "1821", "JPN_CVL"), ("PHL_COP", "173", "KOR_CVL")]),
    # a newspaper reports an act, it does not do it; its report of someone else's act is
    # where the news comes from, not an event
    ("朝日新聞は、中国の警察が女子高生を田んぼに捨てたと報じた。", [("CHN_COP", "180", "CHN_CVL")]),
    ("朝日新聞は、中国の警察の対応を批判した。", [("ORG_ASAHI_SHIMBUN", "111", "CHN_COP")]),
    # the quoted words decide what a voice does (voice_cues.tsv)
    ("韓国のネット掲示板では「立派な方だ」との声が寄せられた一方、「怖い」という意見もあった。",
     [("KOR_NETIZENS", "051", ""), ("KOR_NETIZENS", "012", "")]),
    # an act of conflict its actor announces it will do is a threat of that act (CAMEO
    # 13x, as an announced act of cooperation is an intent, 03x; reader ja.v1 codes the
    # act itself with modality "intended")
    ("ロシアは日本の外交官を追放すると発表した。", [("RUS", "1313", "JPN_GOV")]),
    # 声明を発表した: the support verb with its noun, not a second statement
    ("北朝鮮の外務省は声明を発表した。", [("PRK_GOV", "010", "")]),
    # a は-phrase belongs to the main clause, not to the relative clause on the voice noun;
    # the relative clause names the act, the voice's predicate its speakers
    ("韓国のネット掲示板には、日本からの批判を懸念する声が相次いだ。", [("KOR_NETIZENS", "012", "")]),
    # quoted words neither speak nor end the clause around them
    ("韓国のネット掲示板には「騒がれるだろう」「もう遅い」など、懸念する声が相次いだ。",
     [("KOR_NETIZENS", "012", "")]),
    # ... and the party the quoted words name is whom the voice is about
    ("韓国のネットユーザーからは「中国が言うなよ」といった批判の声が上がった。", [("KOR_NETIZENS", "111", "CHN")]),
    ("韓国のネット掲示板には「日本は昔、同じことをやった」「韓国はひどい」などの声が相次いだ。",
     [("KOR_NETIZENS", "111", "JPN")]),  # their own state is not whom they speak of
    # the genitive before a への-modifier is the target's, not the speaker
    ("この発言に対して韓国のネット掲示板では勝間氏の意見への反論が相次いだ。",
     [("KOR_NETIZENS", "110", "NEW_PER_KATSUMA_6375")]),
    # a newspaper's report that stirs the net is the channel, not the target
    ("北朝鮮が人工衛星を発射したと朝日新聞が伝え、韓国のネット掲示板で波紋を呼んでいる。",
     [("PRK", "150", ""), ("KOR_NETIZENS", "111", "PRK")]),
    # an interview given to a paper targets the paper
    ("野田首相が、韓国紙「中央日報」で初の単独インタビューに答えた。",
     [("PER_NODA_YOSHIHIKO", "010", "ORG_JOONGANG_ILBO")]),
    # a clause made a noun (〜したことを, 〜したのを) is what is confirmed, not an object act;
    # the statement is about the party whose act it reports
    ("韓国の国防省は、北朝鮮がミサイルを発射したのを確認した。", [("PRK", "150", ""), ("KOR_MIL", "010", "PRK")]),
    # a sentence ending in an act noun (体言止め) is a predicate
    ("北朝鮮の外務省は「制裁に対抗する」と発表。", [("PRK_GOV", "010", "")]),
    # a later voice with no speaker is the last speakers' (same or next paragraph)
    ("韓国のネット掲示板では批判の声が相次いだ。一方で、店主を擁護する意見も見られた。",
     [("KOR_NETIZENS", "111", ""), ("KOR_NETIZENS", "052", "KOR_BUS")]),
]


@pytest.mark.parametrize(("text", "expected"), REAL_NEWS_CASES)
def test_real_news_shapes(text, expected):
    assert _analyzed(text) == expected


@pytest.mark.parametrize(
    ("quoted", "code"),
    [
        ("東京を爆撃しろ", "1384"),  # an order of an air strike: threaten a conventional attack
        ("あいつを殺せ!", "1383"),  # an order to kill: threaten unconventional violence
        ("隣国を攻撃しよう", "138"),  # a call to attack: threaten military force
        ("殺せるわけがない", ""),  # a potential form, no order
        ("撃てない", ""),
        ("逮捕しろ", "100"),  # coercion asked of the authorities is no threat: a demand
        ("最低だ、殺せ", "111"),  # ties: the first cue in the quotation
    ],
)
def test_an_order_of_force_in_quoted_words_is_a_threat(quoted, code):
    from pipeline.events.lexicon import voice_code

    assert voice_code(quoted) == code


@pytest.mark.parametrize(
    ("quoted", "code"),
    [
        ("あの人は支持できない", ""),  # the cue negated itself: no praise
        ("恥ずかしいものは買えないな", "111"),  # the negation is another verb's (買う)
        ("謝罪すべきではない", "100"),  # a demand negated is still a demand
        ("立派だとは思えない", ""),
        ("尊敬できないわ", ""),
        ("応援します", "051"),
        ("すごいじゃないか", "051"),  # a question asserts what it asks
        ("応援しなかったの？", "051"),
        ("感謝しかない", "051"),  # しかない: only, not a negation
        ("正論に違いない", "051"),
        ("不気味きわまりない", "012"),  # an intensifier, not a negation
        ("許せない", "111"),  # a cue that is itself a negation says what it says
        ("素晴らしいね、応援してない人もいるけど", "051"),  # the negation is in another clause
    ],
)
def test_a_cue_negated_itself_does_not_count(quoted, code):
    from pipeline.events.lexicon import voice_code

    assert voice_code(quoted) == code


@pytest.mark.parametrize(
    ("quoted", "code"),
    [
        ("政府はきちんと説明しろ!", "100"),  # an order of an act (説明, 010): demand it
        ("人質を釈放せよ", "1053"),  # of a release: demand the release (commitments.tsv)
        ("増税反対!!", "1042"),  # a slogan's demand noun (demand_endings.tsv)
        ("首相は退陣", "1041"),
        ("参拝を中止せよ", "1042"),  # the slogan noun ordered
        ("売国もいい加減にしろ", ""),  # an order that is a cue word: what the cue says
        ("謝れ", ""),
        ("中止の理由がわからない", ""),  # a demand noun not ending the words
        ("みんなで謝罪しよう", ""),  # a call to do it oneself is no demand of another
    ],
)
def test_quoted_words_ending_with_an_order_or_a_slogan_demand(quoted, code):
    from pipeline.events.lexicon import demand_of

    assert demand_of(quoted) == code
