"""Tests of the scorer (pipeline/evaluate.py) on tiny hand-made gold/system pairs.

tests/fixtures/eval/mini.gold.yaml is the gold; tests/fixtures/eval/perfect/ is a
system output that gets it all right. Each test perturbs a copy of the perfect
tables in memory and checks the known answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipeline.evaluate import (
    Accuracy,
    Counts,
    Gold,
    GoldActor,
    GoldEvent,
    Tables,
    actor_matches,
    format_report,
    load_gold,
    load_tables,
    norm_text,
    score,
)
from pipeline.evaluate import SysActor as _SysActor

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "eval" / "mini.gold.yaml"
PERFECT = FIXTURES / "eval" / "perfect"
REAL = FIXTURES / "gold" / "belarus_us_635.gold.yaml"


@pytest.fixture
def gold() -> Gold:
    return load_gold(MINI)


@pytest.fixture
def tables() -> Tables:
    return load_tables(PERFECT)


def _set(df: pd.DataFrame, key_col: str, key: str, **values: str) -> pd.DataFrame:
    df = df.copy()
    mask = df[key_col] == key
    assert mask.sum() == 1, f"no single row {key_col}={key}"
    for col, val in values.items():
        df.loc[mask, col] = val
    return df


def _add(df: pd.DataFrame, **values: str) -> pd.DataFrame:
    row = {c: "" for c in df.columns}
    row.update(values)
    return pd.concat([df, pd.DataFrame([row], dtype=str)], ignore_index=True)


def _drop(df: pd.DataFrame, key_col: str, *keys: str) -> pd.DataFrame:
    return df[~df[key_col].isin(keys)].reset_index(drop=True)


def _messages(report, layer: str | None = None, kind: str | None = None) -> list[str]:
    return [
        str(e)
        for a in report.articles
        for e in a.errors
        if (layer is None or e.layer == layer) and (kind is None or e.kind == kind)
    ]


# --------------------------------------------------------------------------- loading


def test_load_real_gold_fixture():
    g = load_gold(REAL)
    assert (len(g.actors), len(g.dates), len(g.events)) == (30, 16, 23)
    assert g.document.title == "ベラルーシ、米に接近（635号）"
    assert g.document.published == "2026-02"
    sun = g.actor("SUN")
    assert sun.country == "USR" and sun.system_type == "STATE"
    assert g.actor("BLR_GOV").sector == "GOV"
    assert g.actor("BLR_OPP").sector == "OPP"
    assert g.actor("BLR_PRISONERS").sector == ""
    assert g.actor("MINSK").system_type == "PLACE"
    twenty = [d for d in g.dates if d.text == "20年"]
    assert [d.occurrence for d in twenty] == [1, 2]
    mid = next(d for d in g.dates if d.text == "4月中旬")
    assert (mid.value, mid.mod) == ("2020-04", "MID")
    ev = {e.id: e for e in g.events}
    assert ev["E8"].also_ok_target == ["SUN", None]
    assert ev["E9"].symmetric and not ev["E1"].symmetric
    assert ev["E6"].target is None and ev["E10"].date is None
    assert ev["E2"].code == "0841" and ev["E4"].also_ok == ["02"]
    assert sum(e.difficulty == "hard" for e in g.events) == 5


def test_load_gold_validation(tmp_path):
    base = yaml.safe_load(MINI.read_text(encoding="utf-8"))

    def write(data) -> Path:
        p = tmp_path / "x.gold.yaml"
        p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return p

    bad = dict(base, events=[dict(base["events"][0], source="NOBODY_AT_ALL")])
    with pytest.raises(ValueError, match="unknown actor"):
        load_gold(write(bad))
    bad = dict(base, events=[dict(base["events"][0], code="163")])
    with pytest.raises(ValueError, match="not under root"):
        load_gold(write(bad))
    bad = dict(base, dates=[{"text": "3月", "value": "2020-03", "occurrence": 1},
                            {"text": "3月", "value": "2021-03", "occurrence": 1}])
    with pytest.raises(ValueError, match="duplicate date"):
        load_gold(write(bad))
    # an un-numbered repeat gets the next occurrence; a bare ISO code is an implicit state
    ok = dict(base, dates=[{"text": "3月", "value": "2020-03"}, {"text": "3 月", "value": "2021-03"}],
              events=[dict(base["events"][0], target="RUS")])
    g = load_gold(write(ok))
    assert [d.occurrence for d in g.dates] == [1, 2]
    assert g.actor("RUS").country == "RUS" and g.actor("RUS").type == "COUNTRY"


def test_load_tables_missing_files_and_columns(tmp_path):
    (tmp_path / "articles.csv").write_text("article_id,title\na1,テスト記事(1号)\n", encoding="utf-8")
    t = load_tables(tmp_path)
    assert set(t.missing) == {"sentences", "mentions", "actors", "dates", "events", "event_mentions"}
    assert "published" in t.articles.columns and t.articles.loc[0, "published"] == ""
    assert t.events.empty and "event_root_code" in t.events.columns
    with pytest.raises(FileNotFoundError):
        load_tables(tmp_path / "nope")


# --------------------------------------------------------------------------- whole reports


def test_perfect_system(gold, tables):
    r = score([gold], tables)
    a = r.articles[0]
    assert a.article_id == "a1"  # title matched after NFKC: （1号） == (1号)
    for c in (a.actors.overall, a.dates.detection, a.dates.strict, a.events.root,
              a.events.code, a.events.strict):
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert a.dates.value.value == 1.0
    assert a.events.date.value == 1.0 and a.events.date.total == 4  # E4, E5 have no gold date
    assert a.events.by_difficulty["hard"].recall == 1.0
    assert all(c.f1 == 1.0 for c in a.actors.by_type.values())
    assert a.errors == [] and r.warnings == []
    text = format_report(r, show_errors=True)
    assert "errors: none" in text and "TOTAL" in text
    json.dumps(r.to_dict(), ensure_ascii=False)  # serialisable


def test_empty_system(gold, tables):
    empty = load_tables(PERFECT)
    for name in ("mentions", "dates", "events"):
        setattr(empty, name, getattr(tables, name).iloc[0:0])
    r = score([gold], empty)
    for c in (r.actors.overall, r.dates.detection, r.events.root, r.events.strict):
        assert c.n_sys == 0 and c.tp_gold == 0
        assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    assert r.dates.value.value is None and r.events.date.value is None
    assert len(_messages(r, kind="miss")) == 9 + 4 + 6
    assert "n/a" in format_report(r)


def test_no_system_article(gold, tables):
    t = load_tables(PERFECT)
    t.articles = _set(tables.articles, "article_id", "a1", title="違う記事")
    r = score([gold], t)
    assert r.articles[0].article_id is None
    assert r.events.root.recall == 0.0
    assert any("no system article" in w for w in r.warnings)


def test_counts_zero_denominators():
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    only_sys = Counts(n_gold=0, n_sys=3)
    assert (only_sys.precision, only_sys.recall, only_sys.f1) == (0.0, 0.0, 0.0)
    assert Accuracy().value is None


def test_article_matching_by_id_and_path(gold, tables):
    gold.document.id = "a2"
    assert score([gold], tables).articles[0].article_id == "a2"
    gold.document.id = ""
    gold.document.path = "/elsewhere/test1.txt"  # same file name
    assert score([gold], tables).articles[0].article_id == "a1"


def test_totals_are_micro_sums(gold, tables):
    t = load_tables(PERFECT)
    t.events = _drop(tables.events, "event_id", "ev1")
    r = score([gold, gold], t)
    assert r.events.root.n_gold == 12 and r.events.root.tp_gold == 10 and r.events.root.n_sys == 10
    assert r.events.root.recall == pytest.approx(10 / 12)
    assert len(r.articles) == 2


# --------------------------------------------------------------------------- events


def test_swapped_symmetric_event_matches(gold, tables):
    t = load_tables(PERFECT)
    t.events = _set(tables.events, "event_id", "ev3", source_actor_id="USR", target_actor_id="BLR")
    r = score([gold], t)
    assert r.events.root.f1 == 1.0 and r.events.strict.f1 == 1.0


def test_swapped_non_symmetric_event_does_not_match(gold, tables):
    t = load_tables(PERFECT)
    t.events = _set(tables.events, "event_id", "ev6", source_actor_id="BLR_GOV", target_actor_id="USA")
    r = score([gold], t)
    assert r.events.root.tp_gold == 5
    assert r.events.root.precision == pytest.approx(5 / 6)
    fp = _messages(r, "event", "FP")
    assert len(fp) == 1 and "ev6" in fp[0] and "no gold with that source/root/target" in fp[0]
    miss = _messages(r, "event", "miss")
    assert len(miss) == 1 and miss[0].startswith("miss event E6")


def test_wrong_event_date(gold, tables):
    t = load_tables(PERFECT)
    # E1 gold 2025-12: a year-only date is not precise enough -> wrong
    t.events = _set(tables.events, "event_id", "ev1", date="2025", date_precision="year")
    r = score([gold], t)
    assert r.events.root.f1 == 1.0
    assert r.events.date.correct == 3 and r.events.date.total == 4
    assert r.events.strict.tp_gold == 5 and r.events.strict.f1 < r.events.root.f1
    wrong = _messages(r, "event", "wrong date")
    assert len(wrong) == 1 and "E1" in wrong[0] and "gave 2025" in wrong[0]


def test_event_date_precision(gold, tables):
    t = load_tables(PERFECT)
    # a day inside the gold month is fine (ev2 already is 2025-12-05) ...
    t.events = _set(tables.events, "event_id", "ev1", date="2025-12-24", date_precision="day")
    assert score([gold], t).events.date.value == 1.0
    # ... but the system date is cut to its declared precision first
    t.events = _set(tables.events, "event_id", "ev1", date="2025-12-24", date_precision="year")
    assert score([gold], t).events.date.value == 0.75


def test_also_ok_root_source_target(gold, tables):
    t = load_tables(PERFECT)
    ev = tables.events
    ev = _set(ev, "event_id", "ev4", event_code="1053", event_root_code="10")  # also_ok root
    ev = _set(ev, "event_id", "ev2", source_actor_id="P_LUKASHENKO",  # also_ok_source
              target_actor_id="BLR_OPP")  # also_ok_target
    ev = _set(ev, "event_id", "ev6", target_actor_id="BLR")  # also_ok_target
    t.events = ev
    r = score([gold], t)
    assert r.events.root.f1 == 1.0
    assert r.events.code.tp_gold == 5  # E4 code 111 != 1053
    assert any("E4" in m and "1053" in m for m in _messages(r, "event", "wrong code"))


def test_alternatives_not_listed_do_not_match(gold, tables):
    t = load_tables(PERFECT)
    ev = _set(tables.events, "event_id", "ev1", target_actor_id="BLR_GOV")  # E1: target BLR only
    ev = _set(ev, "event_id", "ev4", event_code="020", event_root_code="02")  # E4: 11 or 10
    t.events = ev
    r = score([gold], t)
    assert r.events.root.tp_gold == 4
    fps = _messages(r, "event", "FP")
    assert any("ev4" in m and "gold E4 has root 10/11" in m for m in fps)


def test_state_source_is_not_its_government(gold, tables):
    # E1 source USA: a system event from BLR_GOV-like sector actor USA_GOV does not match
    t = load_tables(PERFECT)
    t.actors = _add(tables.actors, actor_id="USA_GOV", type="GOVERNMENT", name_en="US government",
                    country="USA", sector="GOV")
    t.events = _set(tables.events, "event_id", "ev1", source_actor_id="USA_GOV")
    assert score([gold], t).events.root.tp_gold == 5


def test_null_gold_target_accepts_any_target(gold, tables):
    t = load_tables(PERFECT)
    t.events = _set(tables.events, "event_id", "ev5", target_actor_id="USA")  # E5 target null
    assert score([gold], t).events.root.f1 == 1.0
    # a non-null gold target needs a system target
    t.events = _set(tables.events, "event_id", "ev1", target_actor_id="")
    r = score([gold], t)
    assert r.events.root.tp_gold == 5
    assert any("E1" in m and "target (none)" in m for m in _messages(r, "event", "miss"))


def test_duplicate_event_costs_precision(gold, tables):
    t = load_tables(PERFECT)
    dup = tables.events[tables.events["event_id"] == "ev1"].assign(event_id="ev1b", date="2026-02")
    t.events = pd.concat([tables.events, dup], ignore_index=True)
    r = score([gold], t)
    assert r.events.root.recall == 1.0 and r.events.root.precision == pytest.approx(6 / 7)
    assert r.events.date.value == 1.0  # the correctly dated copy is the one paired
    assert any("ev1b" in m and "duplicate of gold E1" in m for m in _messages(r, "event", "FP"))


def test_event_actor_fallback_without_actors_row(gold, tables):
    t = load_tables(PERFECT)
    t.events = _add(tables.events, event_id="ev9", article_id="a1", source_actor_id="RUS_MIL",
                    event_code="190", event_root_code="19", target_actor_id="UKR")
    r = score([gold], t)
    assert r.events.root.n_sys == 7 and r.events.root.tp_sys == 6
    assert any("ev9" in m for m in _messages(r, "event", "FP"))


# --------------------------------------------------------------------------- dates


def test_date_occurrence_in_text_order(gold, tables):
    t = load_tables(PERFECT)
    # rows are listed out of order in the CSV; d3 (start 90) is the second 20年
    t.dates = _set(tables.dates, "date_id", "d3", value="2026")
    r = score([gold], t)
    assert r.dates.detection.f1 == 1.0
    assert r.dates.value.correct == 3 and r.dates.value.total == 4
    wrong = _messages(r, "date", "wrong value")
    assert wrong == ["wrong value date 20年#2=2020: system gave 2026"]


def test_date_missing_occurrence(gold, tables):
    t = load_tables(PERFECT)
    t.dates = _drop(tables.dates, "date_id", "d1")  # only one 20年 left: it is occurrence 1
    r = score([gold], t)
    assert r.dates.detection.tp_gold == 3 and r.dates.detection.precision == 1.0
    assert any("20年#2" in m and "only 1 row" in m for m in _messages(r, "date", "miss"))


def test_date_mod_and_value(gold, tables):
    t = load_tables(PERFECT)
    t.dates = _set(tables.dates, "date_id", "d4", mod="")
    r = score([gold], t)
    assert r.dates.detection.f1 == 1.0 and r.dates.value.value == 0.75
    assert r.dates.strict.tp_gold == 3
    assert _messages(r, "date", "wrong value") == [
        "wrong value date 4月中旬=2020-04 MID: system gave 2020-04"]


def test_date_false_positives_by_type(gold, tables):
    t = load_tables(PERFECT)
    d = tables.dates
    d = _add(d, date_id="x1", article_id="a1", start="30", text="36歳", type="DATE", value="2036")
    d = _add(d, date_id="x2", article_id="a1", start="31", text="毎年", type="SET", value="P1Y")
    d = _add(d, date_id="x3", article_id="a1", start="32", text="近年", type="DURATION", value="PXY")
    d = _add(d, date_id="x4", article_id="a2", start="1", text="36歳", type="DATE", value="2036")
    t.dates = d
    r = score([gold], t)
    assert r.dates.detection.n_sys == 5 and r.dates.detection.tp_sys == 4
    assert _messages(r, "date", "FP") == ["FP date 36歳 (DATE 2036): not a gold date"]


def test_vague_date_references_are_not_false_positives(gold, tables):
    # the gold files leave 当時 / 近年 / 長年 unscored (the date lexicon's vague words)
    t = load_tables(PERFECT)
    d = tables.dates
    d = _add(d, date_id="x1", article_id="a1", start="30", text="当時", type="DATE", value="2021")
    d = _add(d, date_id="x2", article_id="a1", start="31", text="近年", type="DATE", value="PAST_REF")
    d = _add(d, date_id="x3", article_id="a1", start="32", text="先日", type="DATE", value="2026-02")
    t.dates = d
    r = score([gold], t)
    assert _messages(r, "date", "FP") == ["FP date 先日 (DATE 2026-02): not a gold date"]


def test_date_text_normalisation():
    assert norm_text("2026年 2月") == norm_text("2026年2月") == norm_text("２０２６年　２月")


# --------------------------------------------------------------------------- actors


def test_actor_type_breakdown_and_errors(gold, tables):
    t = load_tables(PERFECT)
    m = _drop(tables.mentions, "mention_id", "m5", "m6")  # no EU, no BLR_GOV
    m = _add(m, mention_id="m20", article_id="a1", label="ORG", actor_id="YALTA")
    t.mentions = m
    t.actors = _add(tables.actors, actor_id="YALTA", type="ORG", name_en="Yalta Conference")
    r = score([gold], t)
    bt = r.actors.by_type
    assert bt["IGO"].n_gold == 1 and bt["IGO"].recall == 0.0 and bt["IGO"].n_sys == 0
    assert bt["GOVERNMENT"].recall == 0.0
    assert bt["ORG"].n_gold == 0 and bt["ORG"].n_sys == 1 and bt["ORG"].precision == 0.0
    assert bt["STATE"].f1 == 1.0
    # the PERSON with sector GOV stays Lukashenko and is not taken for the government
    assert bt["PERSON"].f1 == 1.0
    assert r.actors.overall.tp_gold == 7 and r.actors.overall.n_sys == 8
    assert any("YALTA" in s and "no gold actor" in s for s in _messages(r, "actor", "FP"))
    misses = _messages(r, "actor", "miss")
    assert any(s.startswith("miss actor BLR_GOV") and "sector GOV" in s for s in misses)
    assert "ORG" in format_report(r)


def test_duplicate_system_actor_is_fp(gold, tables):
    t = load_tables(PERFECT)
    t.actors = _add(tables.actors, actor_id="BLR_NEW", type="STATE", name_en="Belarus", country="BLR")
    t.mentions = _add(tables.mentions, mention_id="m30", article_id="a1", label="STATE",
                      actor_id="BLR_NEW")
    r = score([gold], t)
    assert r.actors.overall.recall == 1.0 and r.actors.overall.precision == pytest.approx(9 / 10)
    assert any("BLR_NEW" in s and "duplicate of gold BLR" in s for s in _messages(r, "actor", "FP"))


def test_actor_identity_rules():
    state = GoldActor("SUN", "COUNTRY", name_en="Soviet Union", country="USR")
    assert actor_matches(state, _SysActor("SUN", "STATE", "USSR", "USR"))
    assert not actor_matches(state, _SysActor("X", "STATE", "Soviet Union", "RUS"))  # code only
    gov = GoldActor("BLR_GOV", "GOVERNMENT", name_en="Government of Belarus", country="BLR")
    assert actor_matches(gov, _SysActor("G", "GOVERNMENT", "Minsk regime", "BLR", ""))
    assert actor_matches(gov, _SysActor("G", "ORG", "x", "BLR", "GOV"))
    assert not actor_matches(gov, _SysActor("G", "GOVERNMENT", "x", "RUS", "GOV"))
    assert not actor_matches(gov, _SysActor("L", "PERSON", "Lukashenko", "BLR", "GOV"))
    assert not actor_matches(GoldActor("BLR", "COUNTRY", country="BLR"),
                             _SysActor("BLR_GOV", "GOVERNMENT", "Belarus", "BLR", "GOV"))
    opp = GoldActor("BLR_OPP", "GROUP", name_en="Belarusian opposition", country="BLR")
    assert actor_matches(opp, _SysActor("O", "GROUP", "anything", "BLR", "OPP"))
    assert actor_matches(opp, _SysActor("O", "GROUP", "BELARUSIAN  Opposition", ""))
    mil = GoldActor("RUS_MIL", "GROUP", name_en="Russian armed forces", country="RUS")
    assert mil.sector == "MIL" and actor_matches(mil, _SysActor("M", "ORG", "x", "RUS", "MIL"))
    person = GoldActor("P", "PERSON", name_en="Vladimir Putin", aliases_en=["Putin"])
    assert actor_matches(person, _SysActor("Q1", "PERSON", "putin"))
    assert actor_matches(person, _SysActor("Q1", "PERSON", "V. Putin", aliases=["Vladimir Putin"]))
    assert not actor_matches(person, _SysActor("Q2", "PERSON", "Putin Jr"))


def test_actor_pairing_counts_pairs_before_type_agreement():
    """Type agreement breaks ties between pairings of as many actors; it never costs a pair
    (three pairs of the same type must not beat four pairs of other types)."""
    from pipeline.evaluate import ArticleReport, GoldDocument, _score_actors

    golds = [GoldActor("G1", "PERSON", "a"), GoldActor("G2", "ORGANIZATION", "b"),
             GoldActor("G3", "PERSON", "c"), GoldActor("G4", "ORGANIZATION", "d")]
    systems = [_SysActor("S1", "PERSON", "a", aliases=["d"]), _SysActor("S2", "ORG", "b", aliases=["a"]),
               _SysActor("S3", "PERSON", "c", aliases=["b"]), _SysActor("S4", "ORG", "c")]
    rep = ArticleReport("g", "g", "", "a1")
    _score_actors(Gold("g", GoldDocument(), golds, [], []), systems, rep)
    assert rep.actors.overall.tp_gold == 4 and rep.actors.overall.tp_sys == 4


SECTOR_CASES = [
    # (gold actor, system actor, matches?)
    (GoldActor("KOR_NETIZENS", "GROUP", "South Korean netizens", country="KOR", sector_field="CVL"),
     _SysActor("KOR_CVL", "GROUP", "South Korean civilians", "KOR", "CVL"), True),
    (GoldActor("KOR_NETIZENS", "GROUP", "South Korean netizens", country="KOR", sector_field="CVL"),
     _SysActor("JPN_CVL", "GROUP", "Japanese civilians", "JPN", "CVL"), False),
    # also_ok_sector widens the sector
    (GoldActor("RIGHT", "GROUP", "right-wingers", country="JPN", sector_field="OPP",
               also_ok_sector=["NGO"]),
     _SysActor("JPN_NGO", "GROUP", "x", "JPN", "NGO"), True),
    # a generic group of no stated country: the sector with any country
    (GoldActor("NETIZENS", "GROUP", "internet users", sector_field="CVL"),
     _SysActor("JPN_CVL", "GROUP", "x", "JPN", "CVL"), True),
    (GoldActor("NETIZENS", "GROUP", "internet users", sector_field="CVL"),
     _SysActor("JPN_MED", "GROUP", "x", "JPN", "MED"), False),
    # an unnamed person is coded by sector (CAMEO: KORCVL)
    (GoldActor("KOR_MAN", "PERSON", "South Korean man", country="KOR", sector_field="CVL"),
     _SysActor("KOR_CVL", "GROUP", "x", "KOR", "CVL"), True),
    # a named person or organisation matches by name only, whatever its sector
    (GoldActor("NODA", "PERSON", "Yoshihiko Noda", country="JPN", sector_field="GOV"),
     _SysActor("JPN_GOV", "GOVERNMENT", "Government of Japan", "JPN", "GOV"), False),
    (GoldActor("JOONGANG", "ORGANIZATION", "JoongAng Ilbo", country="KOR", sector_field="MED"),
     _SysActor("KOR_MED", "GROUP", "South Korean media", "KOR", "MED"), False),
    (GoldActor("JOONGANG", "ORGANIZATION", "JoongAng Ilbo", country="KOR", sector_field="MED"),
     _SysActor("ORG_JOONGANG", "ORG", "JoongAng Ilbo", "KOR", "MED"), True),
    # an organisation described by a common noun is generic
    (GoldActor("POLICE", "ORGANIZATION", "Japanese police", country="JPN", sector_field="COP"),
     _SysActor("JPN_COP", "GOVERNMENT", "Police of Japan", "JPN", "COP"), True),
]


@pytest.mark.parametrize(("gold_actor", "sys_actor", "expected"), SECTOR_CASES)
def test_generic_actors_match_by_country_and_sector(gold_actor, sys_actor, expected):
    assert actor_matches(gold_actor, sys_actor) is expected


def test_gold_sector_fields_are_read(tmp_path):
    path = tmp_path / "g.gold.yaml"
    path.write_text(
        "document: {id: a1}\n"
        "actors:\n"
        "  - {id: KOR_NETIZENS, type: GROUP, country: KOR, sector: cvl, also_ok_sector: [OPP],\n"
        "     name_en: South Korean netizens}\n"
        "  - {id: JOONGANG, type: ORGANIZATION, country: KOR, sector: MED, name_en: JoongAng Ilbo}\n",
        encoding="utf-8",
    )
    g = load_gold(path)
    net, paper = g.actor("KOR_NETIZENS"), g.actor("JOONGANG")
    assert net.sectors == {"CVL", "OPP"} and net.generic
    assert paper.system_type == "ORG" and paper.sector == "MED" and not paper.generic


def test_show_errors_lists_everything(gold, tables):
    t = load_tables(PERFECT)
    t.events = _set(tables.events, "event_id", "ev1", date="2026-02", date_source="publication")
    t.dates = _drop(tables.dates, "date_id", "d2")
    text = format_report(score([gold], t), show_errors=True)
    assert "wrong date event E1 USA 085 -> BLR date 2025-12: system ev1 gave 2026-02 (publication)" in text
    assert "miss date 2025年 12月=2025-12: not detected" in text
    assert "errors (2)" in text
    assert "wrong date" not in format_report(score([gold], t))


def test_one_system_event_pairs_with_one_gold_event(gold, tables):
    # ev5 (Lukashenko 03, no target) is the only candidate for E5; a second gold
    # event it could also satisfy stays a miss, with the reason given
    gold.events.append(GoldEvent(id="E7", source="LUKASHENKO", root="03", code="036"))
    r = score([gold], tables)
    assert r.events.root.tp_gold == 6 and r.events.root.n_gold == 7
    assert r.events.code.tp_gold == 6  # the pairing prefers the code-correct gold (E5)
    misses = _messages(r, "event", "miss")
    assert misses == ["miss event E7 LUKASHENKO 036 -> (any) date (any): "
                      "its system match ev5 is paired with gold E5"]


# ------------------------------------------------------- finding the gold's article


def _gold_titled(folder, name: str, title: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.gold.yaml"
    path.write_text(yaml.safe_dump({"document": {"title": title}}, allow_unicode=True), encoding="utf-8")
    return path


def _article(folder, name: str, title: str, body: str = "米国は制裁を解除した。"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\ntitle: {title}\npublished: 2026-03\nlang: ja\n---\n{body}\n", encoding="utf-8")
    return path


def test_find_article_beside_the_gold_file_first(tmp_path):
    from pipeline.evaluate_run import find_article

    gold = _gold_titled(tmp_path / "gold", "kiji", "制裁の解除")
    beside = _article(tmp_path / "gold", "kiji.txt", "別の題")
    _article(tmp_path / "corpus", "other.md", "制裁の解除")
    assert find_article(gold, tmp_path / "corpus") == beside


def test_find_article_by_title_in_the_corpus(tmp_path):
    from pipeline.evaluate_run import find_article

    gold = _gold_titled(tmp_path / "gold", "kiji", "制裁の解除")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "broken.md").write_text("---\npublished: soon\n---\n本文。", encoding="utf-8")  # skipped
    _article(corpus, "first.md", "別の題")
    wanted = _article(corpus / "sub", "second.md", "制裁の解除")
    assert find_article(gold, corpus) == wanted


def test_find_article_says_where_it_looked(tmp_path):
    from pipeline.evaluate_run import find_article

    gold = _gold_titled(tmp_path / "gold", "kiji", "制裁の解除")
    _article(tmp_path / "corpus", "first.md", "別の題")
    with pytest.raises(ValueError, match=r"kiji\.md/\.txt beside it and title '制裁の解除' in .*corpus"):
        find_article(gold, tmp_path / "corpus")


def test_eval_scores_an_article_found_by_title(tmp_path):
    """`dekigoto eval GOLD --corpus DIR`: the article comes from the corpus, by its title."""
    from pipeline.evaluate_run import tables_for_gold

    gold = tmp_path / "gold" / "kiji.gold.yaml"
    gold.parent.mkdir()
    gold.write_text(
        yaml.safe_dump(
            {
                "document": {"title": "制裁の解除", "published": "2026-03"},
                "actors": [{"id": "USA", "type": "COUNTRY", "country": "USA", "name_en": "United States"}],
                "dates": [],
                "events": [{"id": "E1", "source": "USA", "root": "08", "code": "085", "target": None, "date": None}],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    _article(tmp_path / "corpus", "a.md", "制裁の解除")
    with tables_for_gold([gold], tmp_path / "corpus") as tables:
        report = score([load_gold(gold)], load_tables(tables)).to_dict()["total"]
    assert report["events"]["root"]["tp_gold"] == 1
    assert report["actors"]["overall"]["tp_gold"] == 1


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Combined Joint Task Force - Operation Inherent Resolve",
         "Combined Joint Task Force Operation Inherent Resolve", True),  # a dash between words
        ("Task Force – Operation Unity", "task force operation unity", True),  # en dash, case
        ("Tam Man-kei", "Tam Mankei", False),  # a hyphen inside a name stays
    ],
)  # fmt: skip
def test_names_match_without_a_dash_between_words(a, b, same):
    from pipeline.evaluate import norm_name

    assert (norm_name(a) == norm_name(b)) is same
