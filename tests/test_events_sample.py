"""The sample article against the gold events.

1. With hand-made actor and date mentions (tests/fixtures/events/), so the coder
   is tested on its own: recall on events not marked hard and precision >= 0.8.
2. With the whole pipeline (actors and dates from their components), scored by
   pipeline.evaluate like `dekigoto eval`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.events import code_events, merge_events
from pipeline.nlp import blank_japanese, make_doc

from .events_fixtures import find_dates, find_mentions

FIXTURES = Path(__file__).parent / "fixtures"
# fixture ids -> gold ids
GOLD_IDS = {"USR": "SUN", "IGO_EU": "EU", "REG_EUROPE": "EUROPE", "IGO_UN": "UN", "IGO_CIS": "CIS"}


def _gold_id(actor_id: str) -> str | None:
    if not actor_id:
        return None
    if actor_id.startswith("PER_"):
        return actor_id[4:]
    return GOLD_IDS.get(actor_id, actor_id)


def _matches(ev, gold: dict) -> bool:
    if ev.root_code not in {gold["root"], *gold.get("also_ok", [])}:
        return False
    src, tgt = _gold_id(ev.source_actor_id), _gold_id(ev.target_actor_id)
    sources = {gold["source"], *gold.get("also_ok_source", [])}
    targets = {gold["target"], *gold.get("also_ok_target", [])}
    if None in targets:
        ok = src in sources
    else:
        ok = src in sources and tgt in targets
    if gold.get("symmetric"):
        ok = ok or (tgt in sources and src in targets)
    return ok


@pytest.fixture(scope="module")
def merged(sample_document):
    doc = make_doc(blank_japanese(), sample_document.text, "2026-02", sample_document.sentences)
    surfaces = yaml.safe_load(
        (FIXTURES / "events" / "belarus_actors.yaml").read_text(encoding="utf-8")
    )
    doc._.mentions, doc._.actors = find_mentions(
        doc.text, {k: tuple(v) for k, v in surfaces.items()}
    )
    dates = yaml.safe_load((FIXTURES / "events" / "belarus_dates.yaml").read_text(encoding="utf-8"))
    doc._.dates = find_dates(doc.text, {k: str(v) for k, v in dates.items()})
    return merge_events(code_events(doc), doc._.actors)


def test_sample_with_hand_made_mentions(merged, sample_gold):
    gold = sample_gold["events"]
    used: set[str] = set()
    found: set[str] = set()
    for g in gold:  # one-to-one, first fit
        for ev in merged:
            if ev.event_id not in used and _matches(ev, g):
                used.add(ev.event_id)
                found.add(g["id"])
                break
    normal = [g["id"] for g in gold if g.get("difficulty") != "hard"]
    recall = sum(1 for g in normal if g in found) / len(normal)
    precision = len(used) / len(merged)
    assert recall >= 0.8, sorted(set(normal) - found)
    assert precision >= 0.8, [
        (e.source_actor_id, e.event_code, e.target_actor_id)
        for e in merged
        if e.event_id not in used
    ]


def test_sample_dates_and_merging(merged):
    by_key = {(e.source_actor_id, e.event_code, e.target_actor_id): e for e in merged}
    lifted = by_key[("USA", "085", "BLR")]  # four sentences, one happening, dated by 25年12月には
    assert (lifted.n_mentions, lifted.date, lifted.date_source) == (4, "2025-12", "clause")
    treaty = by_key[("BLR", "057", "RUS")]  # 両国で締結: the two states named last
    assert treaty.symmetric and treaty.date == "1999"
    assert by_key[("RUS", "1621", "BLR")].date == "2020"  # 20年の…価格交渉
    assert by_key[("BLR", "014", "SAU")].date == "2020-03"  # 3月には
    assert (
        by_key[("PER_STALIN", "100", "")].date == "1945-02"
    )  # from the caption 「ヤルタ会談 1945年2月」
    assert by_key[("LTU_GOV", "1244", "BLR")].modality == "intended"  # 堅持する構え
    assert by_key[("RUS", "1012", "BLR")].modality == "reported"  # …というのだ
    assert by_key[("PER_TSIKHANOUSKAYA", "051", "USA")].is_caption


def test_sample_through_the_whole_pipeline(tmp_path):
    """Scored like `dekigoto eval` (needs the dates and actors components)."""
    pytest.importorskip("pipeline.actors.component")
    pytest.importorskip("pipeline.dates.component")
    from pipeline.evaluate import load_gold, load_tables, score
    from pipeline.evaluate_run import tables_for_gold

    gold_path = FIXTURES / "gold" / "belarus_us_635.gold.yaml"
    with tables_for_gold([gold_path]) as tables:
        report = score([load_gold(gold_path)], load_tables(tables))
    events = report.to_dict()["total"]["events"]
    precision = events["root"]["precision"]
    recall_normal = events["recall_by_difficulty"]["normal"]["recall"]
    assert precision >= 0.8, events
    assert recall_normal >= 0.8, events
