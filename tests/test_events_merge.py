"""merge_events: one row per happening per article; and the lexicon's data checks."""

from __future__ import annotations

import pytest

from pipeline.events import load_cameo, load_lexicon, merge_events
from pipeline.model import Actor, EventMention

ACTORS = {
    "USA": Actor("USA", "STATE", "United States", "米国", country="USA"),
    "BLR": Actor("BLR", "STATE", "Belarus", "ベラルーシ", country="BLR"),
    "BLR_GOV": Actor(
        "BLR_GOV",
        "GOVERNMENT",
        "Government of Belarus",
        "ベラルーシ政府",
        country="BLR",
        sector="GOV",
    ),
    "RUS": Actor("RUS", "STATE", "Russia", "ロシア", country="RUS"),
    "BLR_OPP": Actor(
        "BLR_OPP", "GROUP", "Belarus opposition", "反政権派", country="BLR", sector="OPP"
    ),
}


def em(src, code, tgt, date="2025-12", source="clause", start=0, caption=False, sym=False, **kw):
    return EventMention(
        sentence_id=start,
        start=start,
        end=start + 2,
        trigger="解除",
        source_actor_id=src,
        target_actor_id=tgt,
        event_code=code,
        date=date,
        date_precision={4: "year", 7: "month"}.get(len(date), "day"),
        date_source=source,
        is_caption=caption,
        symmetric=sym,
        **kw,
    )


def test_same_happening_is_one_row_with_all_mentions():
    rows = merge_events(
        [em("USA", "085", "BLR", start=0), em("USA", "085", "BLR", start=10)], ACTORS
    )
    assert len(rows) == 1
    row = rows[0]
    assert (row.source_actor_id, row.event_code, row.target_actor_id, row.n_mentions) == (
        "USA",
        "085",
        "BLR",
        2,
    )
    assert (row.root_code, row.quad_class, row.label) == (
        "08",
        2,
        "Ease economic sanctions, boycott, embargo",
    )
    assert len(row.mentions) == 2 and row.event_id == "E1"


def test_state_and_its_government_are_one_party():
    rows = merge_events(
        [
            em("USA", "085", "BLR"),
            em("USA", "085", "BLR_GOV", start=5),
            em("USA", "085", "BLR", start=9),
        ],
        ACTORS,
    )
    assert [(r.target_actor_id, r.n_mentions) for r in rows] == [("BLR", 3)]
    # ... but a government and the opposition of the same country are not
    rows = merge_events(
        [em("BLR_GOV", "173", "BLR_OPP"), em("BLR_GOV", "173", "BLR", start=4)], ACTORS
    )
    assert len(rows) == 2


def test_mention_without_target_folds_into_the_specified_one():
    rows = merge_events([em("USA", "085", "", start=0), em("USA", "085", "BLR", start=5)], ACTORS)
    assert [(r.target_actor_id, r.n_mentions) for r in rows] == [("BLR", 2)]
    # two candidates: ambiguous, kept apart
    rows = merge_events(
        [em("USA", "085", ""), em("USA", "085", "BLR", start=3), em("USA", "085", "RUS", start=6)],
        ACTORS,
    )
    assert len(rows) == 3


def test_dates():
    # compatible clause dates are one happening dated at the finest precision
    rows = merge_events(
        [em("USA", "085", "BLR", date="2025"), em("USA", "085", "BLR", date="2025-12", start=4)],
        ACTORS,
    )
    assert [(r.date, r.date_precision, r.n_mentions) for r in rows] == [("2025-12", "month", 2)]
    # different clause dates: different happenings
    rows = merge_events(
        [em("USA", "085", "BLR", date="2021"), em("USA", "085", "BLR", date="2025-12", start=4)],
        ACTORS,
    )
    assert len(rows) == 2
    # publication / discourse dates are estimates: they join the dated happening
    rows = merge_events(
        [
            em("USA", "085", "BLR", date="2026-02", source="publication"),
            em("USA", "085", "BLR", date="2021", source="discourse", start=3),
            em("USA", "085", "BLR", date="2025-12", start=6),
        ],
        ACTORS,
    )
    assert [(r.date, r.date_source, r.n_mentions) for r in rows] == [("2025-12", "clause", 3)]


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        # a state holding now (接近している, "present") over a date carried to a later
        # mention of the same happening from a background paragraph
        ((("2026-02", "present"), ("2025", "discourse")), ("2026-02", "present")),
        # a mere guess from the publication date does not outweigh a carried date
        ((("2026-02", "publication"), ("2025", "discourse")), ("2025", "discourse")),
        # a date read in a clause outweighs the present tense
        ((("2026-02", "present"), ("2025", "clause")), ("2025", "clause")),
        # a past act dated by its paragraph alone keeps that date
        ((("1945-02", "discourse"),), ("1945-02", "discourse")),
        # two dates carried from other sentences are estimates: one happening, the more precise
        ((("2012-02-18", "discourse"), ("2008", "discourse")), ("2012-02-18", "discourse")),
    ],
)
def test_which_mention_dates_a_happening(sources, expected):
    mentions = [em("BLR", "050", "USA", date=d, source=src, start=3 * k) for k, (d, src) in enumerate(sources)]
    (row,) = merge_events(mentions, ACTORS)
    assert (row.date, row.date_source) == expected


def test_caption_folds_into_body_and_is_not_counted():
    rows = merge_events(
        [em("USA", "085", "BLR", caption=True), em("USA", "085", "BLR", start=8)], ACTORS
    )
    assert [(r.is_caption, r.n_mentions, len(r.mentions)) for r in rows] == [(False, 1, 2)]
    rows = merge_events([em("USA", "085", "BLR", caption=True)], ACTORS)
    assert [(r.is_caption, r.n_mentions) for r in rows] == [(True, 1)]


def test_symmetric_events_are_coded_once_in_sorted_order():
    rows = merge_events(
        [em("RUS", "057", "BLR", sym=True), em("BLR", "057", "RUS", start=5, sym=True)], ACTORS
    )
    assert [(r.source_actor_id, r.target_actor_id, r.symmetric, r.n_mentions) for r in rows] == [
        ("BLR", "RUS", True, 2)
    ]


def test_polarity_and_modality_keep_happenings_apart():
    rows = merge_events(
        [
            em("USA", "085", "BLR"),
            em("USA", "085", "BLR", start=3, polarity="negated"),
            em("USA", "085", "BLR", start=6, modality="intended"),
        ],
        ACTORS,
    )
    assert len(rows) == 3


# ------------------------------------------------------------------------- lexicon data
def test_every_lexicon_code_is_in_the_cameo_table():
    cameo = load_cameo()
    lex = load_lexicon()
    bad = [
        (e.trigger, e.code) for rows in lex.entries.values() for e in rows if e.code not in cameo
    ]
    assert bad == []


def test_lexicon_covers_all_twenty_roots_and_is_large():
    cameo = load_cameo()
    lex = load_lexicon()
    rows = [e for rows in lex.entries.values() for e in rows]
    assert {cameo[e.code].root for e in rows} == {f"{i:02d}" for i in range(1, 21)}
    assert len(rows) >= 300


def test_lexicon_triggers_are_unidic_lemmas():
    """A trigger the tokenizer never produces could never fire."""
    from pipeline.nlp import blank_japanese

    nlp = blank_japanese()
    lex = load_lexicon()
    bad = []
    for trigger in list(lex.entries) + list(lex.support):
        toks = list(nlp.make_doc(trigger))
        if len(toks) == 1:
            ok = toks[0].lemma_ == trigger or toks[0].text == trigger
        else:
            ok = len(toks) <= lex.max_trigger_tokens and trigger in (
                "".join(t.lemma_ for t in toks),
                "".join(t.text for t in toks),
            )
            ok = ok and not toks[-1].tag_.startswith("動詞")
        if not ok:
            bad.append((trigger, [t.lemma_ for t in toks]))
    assert bad == []


@pytest.mark.parametrize(
    "trigger,obj,code",
    [
        ("解除", "制裁", "085"),
        ("緩和", "制裁", "085"),
        ("発動", "制裁", "163"),
        ("科す", "制裁", "163"),
        ("堅持", "制裁", "1244"),
        ("継続", "制裁", "1244"),
        ("釈放", "", "0841"),
        ("求める", "政治犯の釈放", "1053"),
        ("締結", "条約", "057"),
        ("署名", "協定", "057"),
        ("訪問", "", "042"),
        ("訪れる", "", "042"),
        ("拘束", "", "173"),
        ("逮捕", "", "173"),
        ("批判", "", "111"),
        ("非難", "", "111"),
        ("謝意", "", "051"),
        ("感謝", "", "051"),
        ("要求", "", "100"),
        ("検討", "", "014"),
        ("表明", "関係正常化", "032"),
        ("接近", "", "050"),
        ("勧告", "選挙のやり直し", "024"),
        ("難色", "", "120"),
        ("飲む", "要求", "083"),
        ("減らす", "輸出量", "1621"),
        ("求める", "軍事基地建設", "1012"),
        ("会談", "", "040"),
    ],
)
def test_issue_examples(trigger, obj, code):
    entry = load_lexicon().match(trigger, obj)
    assert entry is not None and entry.code == code


def test_an_office_from_the_overlay_makes_its_holder_act_for_the_state(tmp_path):
    from pipeline.actors import load_kb

    overlay = tmp_path / "actors.yaml"
    overlay.write_text(
        "actors:\n"
        "  - {id: PER_HASANOV_ALI, type: PERSON, name_en: Ali Hasanov, name_ja: ハサノフ, country: AZE,\n"
        '     roles: ["AZE GOV foreign_minister 2025-01-01.."]}\n',
        encoding="utf-8",
    )
    actors = {
        **ACTORS,
        "AZE": Actor("AZE", "STATE", "Azerbaijan", "アゼルバイジャン", country="AZE"),
        "PER_HASANOV_ALI": Actor("PER_HASANOV_ALI", "PERSON", "Ali Hasanov", "ハサノフ", country="AZE"),
    }
    mentions = [em("AZE", "036", "BLR"), em("PER_HASANOV_ALI", "036", "BLR", start=5)]
    assert len(merge_events(mentions, actors)) == 2  # the packaged KB does not know him
    rows = merge_events(mentions, actors, load_kb(overlay))
    assert [(r.source_actor_id, r.n_mentions) for r in rows] == [("AZE", 2)]
