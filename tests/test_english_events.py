"""English events from the field's dictionaries: statements, commitments, word sense, quotes,
generic agents, and PETRARCH's verb patterns matched on the dependency parse.

Every sentence here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

PUB = "2026-02-12"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "cameo_dictionaries"


def _events(text: str, published: str = PUB) -> list[tuple]:
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare(text), "en", published)
    return [
        (e.source_actor_id, e.event_code, e.target_actor_id, e.modality)
        for e in doc._.events
    ]


# ------------------------------------------------------------------ commitments

COMMITMENTS = [
    # one party agreeing to an act commits to it: the act's intent code, the other party
    # its target (not a joint agreement, 030)
    ("In December 2025 the United States agreed to lift sanctions on Belarusian potash.",
     ("USA", "0354", "BLR", "asserted")),
    ("Lithuania promised to release the detained Belarusian truck drivers.",
     ("LTU", "0353", "BLR", "asserted")),
    ("Moscow threatened to cut gas supplies to Latvia.", ("RUS_GOV", "1311", "LVA", "asserted")),
    # an act with no intent code of its own stays intended
    ("Poland intends to keep its sanctions against Belarus.", ("POL", "1244", "BLR", "intended")),
    # wanting another party to act is demanding it
    ("The EU wants Russian forces to leave Moldova.", ("IGO_EU", "106", "RUS_MIL", "asserted")),
    # a future act of one's own is its intent
    ("Lukashenko will meet Putin in Sochi.", ("PER_LUKASHENKO_ALEXANDER", "036",
                                              "PER_PUTIN_VLADIMIR", "asserted")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COMMITMENTS, ids=[c[0] for c in COMMITMENTS])
def test_commitments_are_coded_by_the_intent_of_the_act(text, expected):
    assert expected in _events(text)


def test_two_parties_agreeing_is_still_a_joint_act():
    assert ("BLR", "036", "RUS", "asserted") in _events("Russia and Belarus agreed to hold talks.")


# ------------------------------------------------------------------ statements

STATEMENTS = [
    # what the speaker says it will do is its own commitment: no separate 010
    ("Lukashenko said he would release political prisoners.",
     [("PER_LUKASHENKO_ALEXANDER", "0353", "BLR_PRISONERS", "asserted")]),
    # an act of another party is coded as reported, and saying it is an accusation
    ("Sviatlana Tsikhanouskaya said Belarusian police beat the protesters.",
     [("BLR_COP", "1", "BLR_OPP", "reported"),
      ("PER_TSIKHANOUSKAYA_SVIATLANA", "112", "BLR_COP", "asserted")]),
    # a claim does not state the act as fact: only the speaker's act
    ("Minsk claimed that Lithuania had attacked its border guards.",
     [("BLR_GOV", "010", "LTU", "asserted")]),
    # a statement with no coded content targets the party it names
    ("Rubio said the talks with Belarus were useful.", [("PER_RUBIO_MARCO", "010", "BLR",
                                                          "asserted")]),
    # a news outlet reporting is the channel: only what it reports is coded
    ("The BBC reported that Belarusian police arrested two Polish journalists.",
     [("BLR_COP", "17", "POL_MED", "reported")]),
]  # fmt: skip


def _match(got: list[tuple], want: tuple) -> bool:
    """A wanted code ending early ("1") matches any code it begins."""
    return any(g[0] == want[0] and g[1].startswith(want[1]) and g[2:] == want[2:] for g in got)


@pytest.mark.parametrize(("text", "expected"), STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_statements_code_the_speakers_act_by_what_is_said(text, expected):
    got = _events(text)
    assert all(_match(got, w) for w in expected), got
    assert len(got) == len(expected), got


AUTHORED = [
    # a participle on what a verb produces is its author's act, and the act says more
    # than the plain statement of producing it
    ("The Lithuanian government released a statement blaming Minsk for the border crisis.",
     [("LTU_GOV", "112", "BLR_GOV", "asserted")]),
    ("Warsaw published a report accusing Belarusian guards of violence.",
     [("POL_GOV", "112", "BLR", "asserted")]),
    # a speaker's plain statements of one day through a story are one statement
    ("Rubio said the talks with Belarus were useful. Rubio also said that "
     "Lithuania and Poland were consulted.", [("PER_RUBIO_MARCO", "010", "BLR", "asserted")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), AUTHORED, ids=[a[0] for a in AUTHORED])
def test_statements_fold_into_what_they_say(text, expected):
    assert _events(text) == expected


REJECTIONS = [
    # opposing or voting against a proposal rejects it, whoever made it
    ("Two Lithuanian senators, John Tester and Mary Kaine, opposed the budget bill.",
     {"NEW_PER_JOHN_TESTER_9B09", "NEW_PER_MARY_KAINE_DDA3"}),
    ("Rubio voted against the resolution on Monday.", {"PER_RUBIO_MARCO"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "sources"), REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_opposing_a_proposal_is_rejecting_it(text, sources):
    got = _events(text)
    assert {g[0] for g in got if g[1] == "120"} == sources, got


def test_a_person_in_apposition_to_an_office_is_the_party():
    text = "Belarus's foreign minister, Maxim Ryzhenkov, criticized Lithuania on Monday."
    got = _events(text)
    assert [g[0] for g in got] == ["PER_RYZHENKOV_MAXIM"], got


def test_he_in_a_quote_is_not_its_speaker():
    text = ('Lithuanian President Gitanas Nauseda met Alexander Lukashenko in Minsk. Nauseda '
            'said on Friday "We asked for the release of the prisoners. He refused."')  # fmt: skip
    got = _events(text)
    assert ("PER_LUKASHENKO_ALEXANDER", "120") in [g[:2] for g in got], got


def test_an_admission_codes_the_act_admitted():
    text = ("Representatives from Russia acknowledged that their government had shot down a "
            "Ukrainian passenger jet.")  # fmt: skip
    got = _events(text)
    assert any(g[0] == "RUS" and g[1].startswith("19") for g in got), got


def test_first_person_in_a_quote_is_the_speaker_across_sentences():
    text = (
        'Lukashenko said on Monday: "Our patience has limits. We will expel the Lithuanian '
        'diplomats."'
    )
    got = _events(text)
    assert ("PER_LUKASHENKO_ALEXANDER", "136", "LTU_GOV", "asserted") in got


# ------------------------------------------------------------------ nouns and implied agents

NOMINALS = [
    # a light verb carries the act its object names
    ("Iraqi militias made threats against U.S. troops.", ("IRQ_UAF", "130", "USA_MIL")),
    ("Johnson paid a visit to Ireland.", ("PER_JOHNSON_BORIS", "042", "IRL")),
    ("Poland made a plea to Belarus.", ("POL", "02", "BLR")),  # the verb's to-phrase
    # an event noun codes when its phrase names who acts: a possessor, a name before it, by X
    ("Russia's attack on Ukrainian ports continued.", ("RUS", "19", "UKR")),
    ("The Taliban attack on the base ended at noon.", ("", "19", "")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NOMINALS, ids=[n[0] for n in NOMINALS])
def test_event_nouns_code_as_their_verbs(text, expected):
    source, code, target = expected
    got = _events(text)
    assert any(
        (not source or g[0] == source) and g[1].startswith(code) and (not target or g[2] == target)
        for g in got
    ), got


def test_an_event_noun_without_a_named_agent_codes_nothing():
    assert _events("The attack on the base ended at noon.") == []


IMPLIED = [
    # an agentless passive of an act of the state: the authorities of the country
    ("Belarusian opposition leader Viktar Babaryka was arrested in June.",
     ("BLR_GOV", "173", "PER_BABARYKA_VIKTAR")),
    ("Tsikhanouskaya met Viktar Babaryka, who was later arrested.",
     ("BLR_GOV", "173", "PER_BABARYKA_VIKTAR")),
    # "whose" stands for the noun its clause describes
    ("Viktar Babaryka, whose brother was detained last year, left Minsk.",
     ("BLR_GOV", "173", "PER_BABARYKA_VIKTAR")),
    # a crime's victim with no one named: the criminals (CRM) of where it happened, as
    # unknown attackers are coded
    ("Kenyan opposition leader Raila Odinga was stabbed in Nairobi on Monday.",
     ("KEN_CRM", "182", "PER_ODINGA_RAILA")),
    ("Kenyan opposition leader Raila Odinga was stabbed to death in Nairobi.",
     ("KEN_CRM", "1823", "PER_ODINGA_RAILA")),
    ("Raila Odinga was kidnapped in Nairobi on Monday.", ("KEN_CRM", "181", "PER_ODINGA_RAILA")),
    # suspects arrested: the police; suspects, attackers alone are the country's criminals
    ("A Kenyan police spokesman, John Kamau, confirmed that two suspects were arrested.",
     ("KEN_COP", "173", "KEN_CRM")),
    ("Kenya held elections on Monday. The attackers stabbed a police officer in Nairobi.",
     ("KEN_CRM", "182", "KEN_COP")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), IMPLIED, ids=[i[0] for i in IMPLIED])
def test_agentless_arrests_and_assaults_are_the_authorities_and_the_criminals(text, expected):
    assert expected in [g[:3] for g in _events(text)]


CROWDS = [
    # a protest no one is named staging: the protesters (OPP) of where it is held
    ("Chilean police detained a student in Valparaiso. The protests began in March.",
     ("CHL_OPP", "141", "")),
    ("Weeks of protests in Santiago have closed the metro.", ("CHL_OPP", "141", "")),
    # anti-government: against the government of that country
    ("Anti-government protests spread across Chile on Friday.", ("CHL_OPP", "141", "CHL_GOV")),
    # a crowd of no party marching: the same
    ("In Santiago, thousands marched to the presidential palace.", ("CHL_OPP", "141", "")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CROWDS, ids=[c[0] for c in CROWDS])
def test_a_crowds_protest_is_the_protesters(text, expected):
    source, code, target = expected
    got = _events(text)
    assert any(g[0] == source and g[1] == code and (not target or g[2] == target) for g in got), got


CROWD_PHRASES = [
    ("In Chile, thousands of people took to the streets of Santiago.", "141"),
    ("In Chile, hundreds of dock workers went on strike.", "143"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), CROWD_PHRASES, ids=[c[0] for c in CROWD_PHRASES])
def test_a_crowd_taking_to_the_streets_or_striking_is_the_protesters(text, code):
    assert ("CHL_OPP", code) in [g[:2] for g in _events(text)], _events(text)


@pytest.mark.parametrize("text", [
    "The Chilean opposition called for protests on Friday.",  # asked for, not held
    "President Boric spoke at an election rally in Santiago.",  # a candidate's rally
])  # fmt: skip
def test_protests_asked_for_or_a_candidates_rally_are_no_crowd_act(text):
    assert all(g[0] != "CHL_OPP" or g[1][:2] != "14" for g in _events(text)), _events(text)


NEWS_VERBS = [
    # crowd control is violent repression, not artillery (PETRARCH's fire: 194)
    ("Chilean police fired tear gas at students in Santiago.", ("CHL_COP", "175")),
    ("The Chilean government attributed the cyberattack to Russia.", ("CHL_GOV", "112")),
    ("President Donald Trump granted Michael Milken a pardon.", ("PER_TRUMP_DONALD", "0841")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NEWS_VERBS, ids=[n[0] for n in NEWS_VERBS])
def test_news_verbs_code_their_act(text, expected):
    assert expected in [g[:2] for g in _events(text)], _events(text)


@pytest.mark.parametrize("text", [
    "The Chilean delegation includes three ministers.",
    "Former Chilean president Sebastian Pinera died in Santiago.",
    "Chilean conservatives hold a majority in the Senate.",
    "Pinochet ruled Chile for seventeen years.",
])  # fmt: skip
def test_verbs_of_no_act_code_nothing(text):  # (the cases above)
    assert _events(text) == [], _events(text)


@pytest.mark.parametrize("text", [
    # releasing no people: a study, a book, plans, a press release
    "The Kenyan government released a new study on Monday.",
    "Kenyan President Uhuru Kenyatta released plans for a special election.",
    "On the same day, the Kenyan Defence Forces issued a press release.",
    # membership is no act
    "Kobe Bryant joined the NBA in 1996.",
    "Raila Odinga joined the Orange Democratic Movement party in 2005.",
    # a storm hits places, it does not attack them
    "Hurricane Lorenzo hit the Azores on Wednesday.",
    # founding a party, moderating a debate, winning a seat or a game, a post given: no act
    "Raila Odinga co-founded the Orange Democratic Movement in 2005.",
    "The debate is to be moderated by Kenyan journalist Jeff Koinange.",
    "In 2013 Uhuru Kenyatta defeated incumbent Prime Minister Raila Odinga to become president.",
    "Kenya beat Uganda in the football final.",
    "Uhuru Kenyatta was soon given ministerial posts by President Mwai Kibaki.",
    # the story's publisher reports: its interviews and contacts are no events
    "Wikinews interviewed Kenyan opposition leader Raila Odinga.",
    "Wikinews contacted the Kenyan government on Monday.",
])  # fmt: skip
def test_releases_of_no_people_membership_storms_and_the_publisher_code_nothing(text):
    assert _events(text) == [], _events(text)


CLAIMS = [
    # claiming responsibility for an attack is doing it, aimed at what the attack hit
    ("On Sunday a pipeline belonging to Saudi Aramco was hit by rockets near Jeddah. "
     "The Houthis claimed responsibility for the attack.", ("ORG_HOUTHIS", "19", "SAU")),
    ("The Taliban claimed responsibility for the bombing of a police station in Kunduz.",
     ("ORG_TALIBAN", "19", "AFG_COP")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLAIMS, ids=[c[0][:40] for c in CLAIMS])
def test_claiming_responsibility_for_an_attack_is_the_attack(text, expected):
    source, root, target = expected
    got = _events(text)
    assert any(g[0] == source and g[1][:2] == root and (not target or g[2] == target) for g in got), got


CODES = [
    # aerial weapons: drone or missile attacks, shooting a plane down (195)
    ("Houthi drone attacks hit Saudi Arabia on Saturday.", ("ORG_HOUTHIS", "195")),
    ("Iran shot down a Ukrainian airliner near Tehran.", ("IRN", "195")),
    # a ban on veils, protests or a party restricts political freedoms (1721)
    ("The Tunisian government banned face veils in public buildings.", ("TUN_GOV", "1721")),
    # a demand for an investigation (101), for a leader's resignation (1041)
    ("Amnesty International called for an investigation into the Kenyan police.", ("ORG_AMNESTY", "101")),
    ("The Kenyan opposition urged President Uhuru Kenyatta to resign.", ("KEN_OPP", "1041")),
    # missiles launched or fired are aerial weapons (195), not artillery
    ("Iran launched missiles at US bases in Iraq on Wednesday.", ("IRN", "195")),
    ("Iran fired missiles at US bases in Iraq.", ("IRN", "195")),
    # a ban imposed on veils restricts political freedoms (1721); one on a politician or a
    # party bans them (1722)
    ("Algeria and Morocco have imposed bans on niqabs.", ("DZA", "1721")),
    ("Kenyan opposition leader Raila Odinga was banned from the election.", ("KEN_GOV", "1722")),
    # accusations by what they accuse of: aggression 1123, crime 1121
    ("Kenyan President Uhuru Kenyatta accused Somalia of aggression.", ("PER_KENYATTA_UHURU", "1123")),
    ("Kenyan President Uhuru Kenyatta blamed Somalia for the aggression.", ("PER_KENYATTA_UHURU", "1123")),
    ("Kenyan President Uhuru Kenyatta accused Somalia of terrorism.", ("PER_KENYATTA_UHURU", "1121")),
    # a licence threatened: administrative sanctions (132)
    ("Kenyan President Uhuru Kenyatta threatened the network's license renewal.", ("PER_KENYATTA_UHURU", "132")),
    # attacking someone for their words, taking a shot at them: criticism (111), not force
    ("Raila Odinga attacked Uhuru Kenyatta for the tweet.", ("PER_ODINGA_RAILA", "111")),
    ("Raila Odinga took a veiled shot at Uhuru Kenyatta during the rally.", ("PER_ODINGA_RAILA", "111")),
    # a crisis said: a pessimistic comment (012)
    ("Kenyan Vice President William Ruto said Kenya is in the midst of a crisis.", ("NEW_PER_WILLIAM_RUTO_FCAA", "012")),
    # a meeting in a state neither party belongs to: at a third location (044), the place
    # read also after a comma on the object
    ("The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.", ("ORG_TALIBAN", "044")),
    ("The Taliban met with Zalmay Khalilzad in Kabul.", ("ORG_TALIBAN", "040")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CODES, ids=[c[0] for c in CODES])
def test_codes_under_the_root(text, expected):
    assert expected in [g[:2] for g in _events(text)], _events(text)


CROWD_VIOLENCE = [
    # protesters' force is a violent protest, a riot (145)
    ("Kenya held elections on Monday. Protesters attacked a police station in Kisumu.", ("KEN_OPP", "145")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CROWD_VIOLENCE, ids=[c[0] for c in CROWD_VIOLENCE])
def test_protesters_violence_is_a_riot(text, expected):
    assert expected in [g[:2] for g in _events(text)], _events(text)


STATEMENT_TARGETS = [
    # a statement is aimed at whom it is addressed to or what it names, else at none: not at
    # the party of the act told before it nor at the story's main person
    ("Argentina closed its border with Chile on Monday. Maria Lopez, a meteorologist at the "
     "University of Buenos Aires, said the storm would weaken by Friday.", ("NEW_PER_MARIA_LOPEZ", "010", "")),
    ("Argentina closed its border with Chile on Monday. The Argentine foreign minister told "
     "Chile that the border would reopen soon.", ("ARG_GOV", "010", "CHL")),
    ("Argentina closed its border with Chile on Monday. Chilean President Gabriel Boric said "
     "Argentina had acted without warning.", ("NEW_PER_GABRIEL_BORIC", "010", "ARG")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STATEMENT_TARGETS, ids=[s[0][50:90] for s in STATEMENT_TARGETS])
def test_a_statement_is_aimed_at_whom_it_addresses_or_names_else_none(text, expected):
    source, code, target = expected
    got = [g for g in _events(text) if g[0].startswith(source) and g[1] == code]
    assert [g[2] for g in got] == [target], _events(text)


def test_a_plain_statement_beside_a_sharper_word_of_the_day_is_that_word():
    got = _events("Kenyan President Uhuru Kenyatta criticised Somalia on Monday. Kenyatta also said "
                  "the border would stay open.")  # fmt: skip
    assert [g[1] for g in got if g[0] == "PER_KENYATTA_UHURU"] == ["111"], got


BATCH3 = [
    # a light verb carries the attack it orchestrated
    ("Osama bin Laden orchestrated the 2001 attacks on the United States.", ("NEW_PER_OSAMA_BIN_LADEN", "190", "USA")),
    # a judging verb whose object carries a cue: criticism, praise
    ("Nancy Pelosi called Donald Trump's conduct a breach of the constitution.",
     ("PER_PELOSI_NANCY", "111", "PER_TRUMP_DONALD")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BATCH3, ids=[b[0] for b in BATCH3])
def test_light_verbs_and_judgements(text, expected):
    source, code, target = expected
    got = _events(text)
    assert any(g[0].startswith(source) and g[1] == code and g[2] == target for g in got), got


@pytest.mark.parametrize("text", [
    "Kenyan President Uhuru Kenyatta fired his deputy.",
    "The Kenyan engineer demonstrated a new prototype.",
    "The former Kenyan minister broke her leg.",
    "He served in the Kenyan army for ten years.",
    "The Kenyan diplomat took a job at the United Nations.",
])  # fmt: skip
def test_everyday_verbs_are_no_acts(text):
    assert _events(text) == [], _events(text)


def test_an_implied_agent_makes_no_accusation():
    """A police spokesman confirming arrests accuses nobody."""
    got = _events("A spokesman for the Belarusian police confirmed that two men were arrested.")
    assert all(g[1] != "112" for g in got), got


# ------------------------------------------------------------------ word sense

SENSES = [
    ("Erdogan attacked the proclamation by Trump.", ("PER_ERDOGAN_RECEP", "111",
                                                     "PER_TRUMP_DONALD", "asserted")),
    ("Russian troops attacked Ukrainian positions.", ("RUS_MIL", "190", "UKR", "asserted")),
    ("Poland slammed the Belarusian decision.", ("POL", "111", "BLR", "asserted")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENSES, ids=[s[0] for s in SENSES])
def test_an_attack_on_words_is_criticism(text, expected):
    assert _events(text) == [expected]


# ------------------------------------------------------------------ generic agents

AGENTS = [
    ("The Iraqi military shelled the town.", "IRQ_MIL"),
    ("Hong Kong police arrested the activists.", "HKG_COP"),
    ("Belarusian riot police detained the marchers.", "BLR_COP"),
    ("Afghan villagers blocked the road.", "AFG_CVL"),
]


@pytest.mark.parametrize(("text", "actor"), AGENTS, ids=[a[0] for a in AGENTS])
def test_agents_compose_with_their_country(text, actor):
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare(text), "en", PUB)
    assert actor in {m.actor_id for m in doc._.mentions}


def test_bare_agents_take_the_storys_country():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    text = "Hong Kong saw new unrest. Protesters marched downtown and police fired tear gas."
    doc = run_nlp(prepare(text), "en", PUB)
    ids = {m.actor_id for m in doc._.mentions}
    assert {"HKG_OPP", "HKG_COP"} <= ids


def test_the_government_and_parliament_alone_are_the_storys():
    text = ("Protests spread across Georgia on Sunday. The opposition accused the government "
            "of fraud, and parliament suspended its session.")  # fmt: skip
    got = _events(text)
    assert ("GEO_OPP", "1121", "GEO_GOV", "asserted") in got, got


def test_an_abbreviation_of_a_new_name_is_the_same_actor():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    text = ("The Federal Broadcasting Authority (FBA) fined a radio station on Monday. "
            "The FBA said the fine would stand.")  # fmt: skip
    doc = run_nlp(prepare(text), "en", PUB)
    ids = {m.actor_id for m in doc._.mentions if doc.text[m.start : m.end] in ("FBA",
           "Federal Broadcasting Authority")}  # fmt: skip
    assert len(ids) == 1, ids


CLAIMS = [
    "The Houthis claimed responsibility for the drone attack.",
    "The Houthis claimed the drone attack on the refinery.",
    "The bombing of the pipeline was claimed by the Houthis.",
]


@pytest.mark.parametrize("text", CLAIMS)
def test_claiming_an_attack_is_claiming_responsibility(text):
    got = _events(text)
    assert ("ORG_HOUTHIS", "015") in [g[:2] for g in got], got


def test_a_chamber_is_its_own_actor():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare("The U.S. Senate and the House of Representatives met."), "en", PUB)
    ids = {m.actor_id for m in doc._.mentions}
    assert {"USA_SENATE", "USA_HOUSE"} <= ids
    assert doc._.actors["USA_SENATE"].sector == "LEG"


# ------------------------------------------------------------------ PETRARCH's patterns

def _words(text: str, actors: set[str] = frozenset()) -> tuple:
    return tuple((w, w, "A" if w in actors else "") for w in text.split())


MATCHES = [
    # (pattern post items as written in the TSV, words after the verb, matches?)
    ("sanctions against +", "new sanctions against belarus", {"belarus"}, True),
    ("sanctions against +", "new sanctions against the regime", set(), False),  # + needs a party
    ("negotiat with +", "negotiations with russia", {"russia"}, True),  # a stem
    ("release_of_prisoners", "release of the prisoners", set(), False),  # _ is adjacency
    ("release_of_prisoners", "release of prisoners", set(), True),
    ("&ceasefire", "a truce", set(), True),  # a synonym set
]


@pytest.mark.parametrize(("items", "words", "parties", "ok"), MATCHES)
def test_pattern_items_match_in_order(items, words, parties, ok):
    from pipeline.events.verbpatterns import _items, match_items

    assert match_items(_items(items), _words(words, parties)) is ok


def test_patterns_with_only_markers_function_words_or_negation_are_left_out():
    from pipeline.events.verbpatterns import load_patterns

    _, blocks = load_patterns()
    for patterns in blocks.values():
        for p in patterns:
            words = {w for item in (*p.pre, *p.post) if not isinstance(item, str)
                     for alt in item for w, _ in alt}  # fmt: skip
            assert not words & {"not", "never"}
            assert p.size > 0


def test_verbs_of_a_block_take_its_code_and_need_a_target():
    """PETRARCH codes an event only with a source and a target: a verb known only to its
    dictionary codes nothing without one."""
    source, code, target, _ = _events("Russia bombarded Ukrainian villages.")[0]
    assert (source, code[:2], target) == ("RUS", "19", "UKR_CVL")  # villages: civilians
    assert _events("Russia bombarded the empty fields.") == []


DICTIONARY = """####### SYNONYM SETS #######

&TRUCE_
+TRUCE
+ARMISTICE

####### VERB PATTERNS #######
--- CONFER [040:040] ---
CONFER
+MEET_WITH {+MET_WITH}
- * ON &TRUCE [0871]  # CONFER
- % * [040:040]

--- DEFEND ###
DEFEND
- * + [051]
"""


def test_build_reads_blocks_verbs_patterns_and_synonym_sets(tmp_path):
    from pipeline.events import build_verbpatterns as b

    src = tmp_path / "src"
    src.mkdir()
    (src / b.SOURCE_FILE).write_text(DICTIONARY, encoding="latin-1")
    b.build(src, tmp_path)
    verbs = (tmp_path / b.OUT_VERBS.name).read_text().splitlines()
    assert "CONFER\tconfer\t\t\t040\t1" in verbs
    assert "CONFER\tmeet\twith\t\t040\t1" in verbs
    assert not any("defend" in v for v in verbs)  # a block without a code
    patterns = (tmp_path / b.OUT_PATTERNS.name).read_text().splitlines()
    assert any(p.startswith("CONFER\t\ton &truce\t0871\t\t") for p in patterns)
    assert "truce\ttruce armistice" in (tmp_path / b.OUT_SYNSETS.name).read_text()


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/cameo_dictionaries is absent")
def test_committed_verb_files_are_what_the_build_writes(tmp_path):
    from pipeline.events import build_verbpatterns as b

    b.build(SHARED, tmp_path)
    for name in (b.OUT_VERBS.name, b.OUT_PATTERNS.name, b.OUT_SYNSETS.name):
        assert (tmp_path / name).read_text() == (b.DATA / name).read_text(), name


def test_agent_plurals_and_substitutions():
    from pipeline.actors.build_agents_en import _forms, plural

    assert plural("militia") == "militias"
    assert plural("security official") == "security officials"
    assert plural("policeman") == "policemen"
    assert plural("troops") == "troops"
    assert plural("army") == "armies"
    assert "spokeswoman" in _forms("SPOKES!PERSON!", None)
    assert _forms("POLICE", "") == ["police"]  # {} : no plural


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/cameo_dictionaries is absent")
def test_committed_english_agents_are_what_the_build_writes(tmp_path):
    from pipeline.actors import build_agents_en as b

    copy = tmp_path / "agents.tsv"
    copy.write_text(b.OUT.read_text(encoding="utf-8"), encoding="utf-8")
    b.build(SHARED, copy)
    assert copy.read_text(encoding="utf-8") == b.OUT.read_text(encoding="utf-8")


# ------------------------------------------------------------------ negation, organisations

REFUSALS = [
    # a yield withheld is a refusal to yield; an agreement not reached, a rejection each way
    ("Governor Ali Khan agreed to meet the students but did not accede to their demands for "
     "his resignation.", ("NEW_PER_ALI_KHAN_D2FE", "1231", "", "asserted")),
    ("Poland and Lithuania could not agree on the new border crossing.",
     ("POL", "120", "LTU", "hypothetical")),
    ("Poland and Lithuania could not agree on the new border crossing.",
     ("LTU", "120", "POL", "hypothetical")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REFUSALS, ids=[r[1][1] + r[1][0] for r in REFUSALS])
def test_a_yield_or_agreement_withheld_is_a_refusal(text, expected):
    assert expected in _events(text)


def test_a_negated_act_stays_negated():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare("The Kremlin did not criticize the talks with Poland."), "en", PUB)
    assert [(e.source_actor_id, e.event_code, e.polarity) for e in doc._.events] == [
        ("RUS_GOV", "111", "negated")
    ]


def test_the_network_and_the_commission_are_organisations_named_before():
    # (the network once read stays that organisation, though another is named between)
    text = ("KTV-NET is the country's largest broadcaster. The National Broadcasting Commission "
            "ordered the network to stop broadcasting on Monday. The order came as Acme Foods "
            "Inc. cut its advertising. The commission later refused to give the network a "
            "license.")  # fmt: skip
    got = {(s, c, t) for s, c, t, _ in _events(text)}
    nbc, ktv = "NEW_ORG_NATIONAL_BROADCASTING_COMMISSION_BD9A", "NEW_ORG_KTV_NET_964A"
    assert {(nbc, "1721", ktv), (nbc, "120", ktv)} <= got, got


def test_a_list_of_states_after_a_sector_is_read_whole_and_military_cooperation_is_062():
    got = _events("Turkey has expanded cooperation with the navies of Greece, Italy, Spain, "
                  "Egypt and Tunisia.")  # fmt: skip
    targets = {t for s, c, t, _ in got if s == "TUR" and c == "062"}
    assert targets == {"GRC_MIL", "ITA", "ESP", "EGY", "TUN"}, got


ASKED = [
    # what another party must or should do, said: a demand of it
    ("Hassan Rouhani said Saudi Arabia must release the detained sailors.",
     ("PER_ROUHANI_HASSAN", "1053", "SAU", "asserted")),
    # getting out of a region is withdrawing (166): demanding it is 106
    ("Hassan Rouhani said American troops should get out of the region.",
     ("PER_ROUHANI_HASSAN", "106", "USA_MIL", "asserted")),
    # said alone, the act is the one asked for
    ("Iran must release the sailors.", ("IRN", "0841", "", "demanded")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ASKED, ids=[a[0] for a in ASKED])
def test_what_another_party_must_do_is_demanded(text, expected):
    assert expected in _events(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lukashenko spoke at the rally.", []),  # spoke, nothing said: no statement
        ("Lukashenko spoke to Putin on Monday.",
         [("PER_LUKASHENKO_ALEXANDER", "010", "PER_PUTIN_VLADIMIR", "asserted")]),
        # an outlet citing a speaker is the channel: only what is said is coded
        ("The BBC cited Lukashenko as saying Poland had attacked Belarus.",
         [("POL", "190", "BLR", "asserted")]),
    ],
)  # fmt: skip
def test_statements_say_something_and_outlets_are_channels(text, expected):
    assert _events(text) == expected


LEXICON_ACTS = [
    ("The government of Myanmar declared a state of emergency on Monday.", "1724"),
    ("Donald Trump said on Friday he may declare a national state of emergency.", "1324"),
    ("Hong Kong has seen months of protests. The government withdrew the extradition bill.", "0832"),
    ("Kenya is tense. The government tightened security in Nairobi ahead of the vote.", "150"),
]  # fmt: skip
NOT_ACTS = [
    "The ministry declared the outbreak a public health emergency on Monday.",  # no martial law
    "Boeing did not release any specific information about the aircraft.",  # no one held
]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_health_emergencies_and_information_withheld_code_nothing(text):
    assert _events(text) == []


@pytest.mark.parametrize(("text", "code"), LEXICON_ACTS, ids=[a[1] for a in LEXICON_ACTS])
def test_emergencies_bills_withdrawn_and_security_tightened(text, code):
    assert code in [c for _, c, _, _ in _events(text)], _events(text)



def test_a_group_named_in_apposition_is_the_party_not_the_sector_noun():
    got = _events("Syria is at war. The militant group, the Islamic State of Iraq and the Levant, "
                  "claimed the bombing in Raqqa.")  # fmt: skip
    assert [s for s, _, _, _ in got] == ["ORG_ISLAMIC_STATE_OF_IRAQ_AND_THE_LEVANT"], got


# ------------------------------------------------------------------ targets in context

CONTEXT = [
    # a plural noun listing its members: the members act
    ("Several European states including France and Italy imposed sanctions on Syria.",
     [("FRA", "163", "SYR", "asserted"), ("ITA", "163", "SYR", "asserted")]),
    # a passive participle describing a noun: the noun is the patient, "by X" the agent
    ("The martial law imposed by Lukashenko lasted a year.",
     [("PER_LUKASHENKO_ALEXANDER", "1724", "", "asserted")]),
    # joining a coalition is cooperating with whoever formed it; the relative clause the
    # parser hangs on the sea it patrols describes the coalition
    ("The United States announced a naval coalition to patrol the Red Sea which was joined "
     "by Denmark and Norway.",
     [("DNK", "062", "USA", "asserted"), ("NOR", "062", "USA", "asserted")]),
    # "by X" deep in what is criticised: X's act is criticised, not the thing it was about
    ("Putin attacked the recognition of Kosovo as an independent state by the United States.",
     [("PER_PUTIN_VLADIMIR", "111", "USA", "asserted")]),
    # a relative clause describes the noun before it, not a conjunct written after it
    ("The crowd cheered Babaryka, who was arrested in June, and Tsapkala, who fled to Moscow.",
     [("BLR_GOV", "173", "PER_BABARYKA_VIKTAR", "asserted")]),
    # foreign forces: a group of no country
    ("The Taliban wants foreign forces to leave Afghanistan.",
     [("ORG_TALIBAN", "106", "FOREIGN_MIL", "asserted")]),
    # a statement released is no release of people; a decree signed is what it does
    ("The Belarusian army released a statement saying its personnel were safe.",
     [("BLR_MIL", "010", "", "asserted")]),
    ("Lukashenko signed a decree banning street protests.",
     [("PER_LUKASHENKO_ALEXANDER", "1721", "", "asserted")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CONTEXT, ids=[c[0][:50] for c in CONTEXT])
def test_parties_are_read_from_the_phrases_around_the_act(text, expected):
    got = _events(text)
    assert all(e in got for e in expected), got
    assert not [g for g in got if g[1] == expected[0][1] and g not in expected], got


# ------------------------------------------------------------------ what statements say

CUES = [
    ("Lukashenko said the opposition leaders were lying.", ("PER_LUKASHENKO_ALEXANDER", "112")),
    ("Pompeo said the explosion was Iran's doing.", ("PER_POMPEO_MIKE", "112", "IRN")),
    ("Zelensky called the referendum an insult.", ("PER_ZELENSKY_VOLODYMYR", "111")),
    ("Lukashenko said Belarus deeply regrets the mistake.", ("PER_LUKASHENKO_ALEXANDER", "055")),
    ("The United Nations called the famine the worst in the world.", ("IGO_UN", "012")),
    # a pessimistic comment about a party is criticism of it
    ("Hassan Rouhani said the presence of foreign forces can be dangerous for the region.",
     ("PER_ROUHANI_HASSAN", "111", "FOREIGN_MIL")),
    # a plain statement stays plain; "call" without a cue is no statement
    ("Lukashenko said Belarus would hold elections in August.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CUES, ids=[c[0] for c in CUES])
def test_a_plain_statement_is_coded_by_what_it_says(text, expected):
    got = _events(text)
    if expected is None:
        assert not [g for g in got if g[1][:2] in ("05", "11")], got
        return
    assert any(g[: len(expected)] == expected for g in got), got


def test_statement_cues_are_whole_words():
    from pipeline.events.lexicon_en import load_statement_cues

    cues = load_statement_cues()
    lying = next(c for c in cues if c.code == "112")
    assert lying.matches(" they be lie lying ") and not lying.matches(" a client ")
    assert all(c.code.isdigit() and len(c.code) == 3 for c in cues)


COMMITTED = [
    # sending troops to a state is military protection; committing to it, its intent
    ("The United States committed to send more troops to Saudi Arabia.",
     ("USA", "0334", "SAU", "asserted")),
    # each act of a coordinated complement is promised
    ("Tsikhanouskaya promised to conduct fair elections and hold a constitutional referendum.",
     ("PER_TSIKHANOUSKAYA_SVIATLANA", "0344", "", "asserted")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), COMMITTED, ids=[c[0] for c in COMMITTED])
def test_coordinated_and_military_commitments(text, expected):
    got = _events(text)
    assert expected in got and all(g[1][:2] == "03" for g in got), got


def test_a_title_without_a_name_is_the_person_the_story_names_with_it():
    got = _events("Erdogan vowed to convert the museum, despite criticism by the Greek foreign "
                  "minister. On Wednesday Greek Foreign Minister George Katrougalos spoke.")
    assert ("NEW_PER_GEORGE_KATROUGALOS_6369", "111", "PER_ERDOGAN_RECEP", "asserted") in got, got


MORE_CONTEXT = [
    # whom a demand asks: "from X"
    ('Zelensky said: "We expect from Iran an open investigation and official apologies."',
     [("PER_ZELENSKY_VOLODYMYR", "101", "IRN", "asserted")]),
    # a preposition the parser conjoins to the verb: voted for one but against the other
    ("A third senator, Jared Golden, voted for the first article but against the second.",
     [("NEW_PER_JARED_GOLDEN_90CE", "120", "", "asserted")]),
    # a visit in a phrase of the clause is its subject's, aimed at the place visited
    ("Putin said in a statement released during a visit to Hungary with Viktor Orban that "
     "sanctions had failed.",
     [("PER_PUTIN_VLADIMIR", "042", "HUN", "asserted")]),
    # ordering a newspaper shut is an administrative sanction
    ("The Belarusian government ordered the newspaper Nasha Niva to shut down.",
     [("BLR_GOV", "172", "NEW_ORG_NASHA_NIVA_575A", "asserted")]),
    # a plain statement beside a sharper act of the speaker on the same party and day
    ("Lukashenko questioned the claims of Zelensky on Monday. On Monday Lukashenko said "
     "Zelensky had no plan.",
     [("PER_LUKASHENKO_ALEXANDER", "111", "PER_ZELENSKY_VOLODYMYR", "asserted")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MORE_CONTEXT, ids=[c[0][:50] for c in MORE_CONTEXT])
def test_demands_votes_visits_orders_and_folded_statements(text, expected):
    assert _events(text) == expected


def test_an_attack_in_the_object_is_not_the_speakers():
    assert _events("Russia condemned the attack on the base.") == [("RUS", "111", "", "asserted")]


def test_a_name_before_district_is_a_place():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    # spaCy reads the district's name as a person
    doc = run_nlp(prepare("The shooting took place in the Kwai Hing district."), "en", PUB)
    kinds = {doc.text[m.start : m.end]: doc._.actors[m.actor_id].type for m in doc._.mentions}
    assert kinds.get("Kwai Hing") == "PLACE", kinds


LAST = [
    # an office given within a party is no event between parties
    ("Lukashenko appointed Roman Golovchenko as prime minister.", []),
    # a suicide attack, a car bombing: their own codes
    ("A Taliban car bombing killed five people in Kabul.", [("ORG_TALIBAN", "1832", "", "asserted")]),
    ("In 2006, the town was the target of an Al-Qaeda suicide attack.",
     [("ORG_AL_QAEDA", "1831", "", "asserted")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), LAST, ids=[c[0] for c in LAST])
def test_appointments_and_bombings(text, expected):
    assert _events(text) == expected


def test_a_sea_or_gulf_named_after_a_state_is_a_place():
    from pipeline.analysis import run_nlp
    from pipeline.text import prepare

    doc = run_nlp(prepare("Tankers were seized in the Gulf of Oman on Monday."), "en", PUB)
    named = {doc.text[m.start : m.end]: doc._.actors[m.actor_id].type for m in doc._.mentions}
    assert named.get("Gulf of Oman") == "PLACE" and "Oman" not in named, named
