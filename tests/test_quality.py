"""Regression floor: the sample article's scores (make eval) may rise, never fall."""

from __future__ import annotations

import pytest
import yaml

from pipeline.evaluate import load_gold, load_tables, score
from pipeline.evaluate_run import tables_for_gold

from .conftest import FIXTURES, SAMPLE_GOLD

FLOOR = yaml.safe_load((FIXTURES / "quality_floor.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> dict:
    with tables_for_gold([SAMPLE_GOLD]) as tables:
        return score([load_gold(SAMPLE_GOLD)], load_tables(tables)).to_dict()["total"]


def _get(data: dict, path: str) -> float:
    for key in path.split("."):
        data = data[key]
    return data


@pytest.mark.parametrize("path", sorted(FLOOR))
def test_score_does_not_fall(report, path):
    assert _get(report, path) >= FLOOR[path] - 1e-9, f"{path}: {_get(report, path):.3f} < floor {FLOOR[path]}"


def test_issue_targets_on_the_sample(report):
    """The acceptance targets of the actors and events issues."""
    assert report["actors"]["overall"]["f1"] >= 0.9
    assert report["events"]["root"]["precision"] >= 0.8
    assert report["events"]["recall_by_difficulty"]["normal"]["recall"] >= 0.8
