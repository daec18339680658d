"""The event coder alone on the sample article, with hand-made actor and date mentions
(tests/fixtures/events/): how it dates and merges what the article reports.

Its precision and recall against the gold events are quality figures: they live in
tests/fixtures/quality_floor.yaml (section sample_ja_coder, tests/test_quality.py).
"""

from __future__ import annotations

import pytest

from .events_fixtures import coded_sample_events


@pytest.fixture(scope="module")
def merged():
    return coded_sample_events()


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
    assert by_key[("PER_TSIKHANOUSKAYA", "051", "USA")].is_caption
