"""Quality floors, recomputed from the pipeline in this run (tests/quality.py measures,
tests/fixtures/quality_floor.yaml records): no figure falls by more than one item
below its floor, and no floor is left below a figure that rose."""

from __future__ import annotations

import pytest

from .quality import (
    FLOOR_FILE,
    MEASURES,
    Unavailable,
    check,
    figure,
    load_floors,
    measure,
    rewrite_floors,
)

ITEMS, FLOORS = load_floors()
FIGURES = [(section, path) for section, figures in FLOORS.items() for path in figures]


def _measured(section: str, path: str) -> tuple[float, float | None, float]:
    """(recorded, measured, tolerance: the tolerated number of items)."""
    report = measure(section)
    if isinstance(report, Unavailable):
        pytest.skip(str(report))
    measured, one_item = figure(report, path)
    return FLOORS[section][path], measured, ITEMS * one_item


@pytest.mark.parametrize("section,path", FIGURES, ids=[f"{s}:{p}" for s, p in FIGURES])
def test_figure_does_not_fall(section, path):
    recorded, measured, tolerance = _measured(section, path)
    assert check(recorded, measured, tolerance) != "fell", (
        f"{section} {path} fell to {measured} (recorded {recorded}, tolerated {ITEMS} item(s) = {tolerance:.3f})"
    )


@pytest.mark.parametrize("section,path", FIGURES, ids=[f"{s}:{p}" for s, p in FIGURES])
def test_floor_is_the_measured_figure(section, path):
    recorded, measured, tolerance = _measured(section, path)
    assert check(recorded, measured, tolerance) != "rose", (
        f"{section} {path} rose to {measured:.3f}: raise its line in {FLOOR_FILE.name} "
        f"from {recorded} (make floors WRITE=1 does it)"
    )


def test_every_section_is_measured():
    assert set(FLOORS) == set(MEASURES)


@pytest.mark.parametrize(
    "recorded,measured,tolerance,verdict",
    [
        (0.900, 0.900, 0.05, ""),
        (0.900, 0.851, 0.05, ""),  # one item less: tolerated
        (0.900, 0.849, 0.05, "fell"),  # more than one
        (0.900, None, 0.05, "fell"),  # the figure is gone
        (0.900, 0.9004, 0.05, ""),  # the same when rounded
        (0.900, 0.9006, 0.05, "rose"),
    ],
)
def test_check(recorded, measured, tolerance, verdict):
    assert check(recorded, measured, tolerance) == verdict


def test_tolerance_is_one_item():
    report = {
        "events": {
            "root": {"n_gold": 20, "n_sys": 30, "precision": 0.5, "recall": 0.75, "f1": 0.6},
            "date_accuracy": {"total": 8, "accuracy": 0.75},
            "none": {"n_gold": 0, "n_sys": 0, "recall": 1.0},
        }
    }
    assert figure(report, "events.root.precision") == (0.5, 1 / 30)
    assert figure(report, "events.root.recall") == (0.75, 1 / 20)
    assert figure(report, "events.root.f1") == (0.6, 2 / 50)
    assert figure(report, "events.date_accuracy.accuracy") == (0.75, 1 / 8)
    assert figure(report, "events.none.recall") == (1.0, 1.0)


def test_rewrite_raises_one_line_and_keeps_the_rest():
    text = "# header\nsample_ja:  # the sample\n  events.root.f1: 0.869  # note\n  x.f1: 0.5\nnews_ja:\n  events.root.f1: 0.100\n"
    assert rewrite_floors(text, {("news_ja", "events.root.f1"): 0.1234}) == text.replace("0.100", "0.123")
    assert rewrite_floors(text, {("sample_ja", "events.root.f1"): 0.9}) == text.replace("0.869", "0.900")


def test_a_clone_without_shared_skips_with_the_reason(tmp_path):
    from .quality import _dev_set

    with pytest.raises(Unavailable, match=r"absent not found: .*\.\./shared sits beside the clone"):
        _dev_set(tmp_path / "absent")
