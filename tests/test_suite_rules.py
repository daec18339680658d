"""The test suite's own rules: tests that can fail, the same way everywhere.

- property tests are seeded (conftest's hypothesis profile);
- no wall-clock limits in unit tests (speed is `make bench`'s job: machines here are shared);
- our own modules are imported, never `importorskip`ped (an ImportError in them is a failure);
- quality thresholds live only in tests/fixtures/quality_floor.yaml (tests/test_quality.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import settings

TESTS = Path(__file__).parent
SOURCES = {path.name: path.read_text(encoding="utf-8") for path in sorted(TESTS.glob("*.py"))}
CLOCKS = {"perf_counter", "monotonic", "time", "process_time", "perf_counter_ns", "monotonic_ns", "time_ns"}
QUALITY_WORDS = ("f1", "precision", "recall", "accuracy")


def test_property_tests_are_seeded():
    assert settings.default.derandomize, "load a derandomized hypothesis profile (tests/conftest.py)"
    assert settings.default.database is None


def _is_clock_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in CLOCKS
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in ("time", "datetime")
    )


def wall_clock_asserts(source: str) -> list[int]:
    """Lines of asserts that read a clock, directly or through a name set from one."""
    found = []
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        timed = {
            target.id
            for node in ast.walk(func)
            if isinstance(node, ast.Assign) and any(_is_clock_call(n) for n in ast.walk(node.value))
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(func):
            if isinstance(node, ast.Assert) and any(
                _is_clock_call(n) or (isinstance(n, ast.Name) and n.id in timed) for n in ast.walk(node.test)
            ):
                found.append(node.lineno)
    return found


def own_importorskips(source: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "importorskip"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and str(node.args[0].value).split(".")[0] in ("pipeline", "tests")
    ]


def quality_thresholds(source: str) -> list[int]:
    """Lines comparing a precision / recall / F1 / accuracy with `>=` or `>` a number."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare) or not any(isinstance(op, (ast.GtE, ast.Gt)) for op in node.ops):
            continue
        if not any(isinstance(c, ast.Constant) and isinstance(c.value, float) for c in node.comparators):
            continue
        if any(word in ast.unparse(node.left).lower() for word in QUALITY_WORDS):
            found.append(node.lineno)
    return found


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_no_wall_clock_asserts(name):
    assert wall_clock_asserts(SOURCES[name]) == [], f"{name}: move speed limits to make bench"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_our_modules_are_imported_not_skipped(name):
    assert own_importorskips(SOURCES[name]) == [], f"{name}: import our own modules plainly"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_quality_thresholds_live_in_the_floor_file(name):
    assert quality_thresholds(SOURCES[name]) == [], f"{name}: put the figure in tests/fixtures/quality_floor.yaml"


@pytest.mark.parametrize(
    "checker,source,lines",
    [
        (wall_clock_asserts, "def t():\n    t0 = time.perf_counter()\n    run()\n    assert time.perf_counter() - t0 < 2.0\n", [4]),
        (wall_clock_asserts, "def t():\n    el = time.monotonic() - s\n    assert el < 20\n", [3]),
        (wall_clock_asserts, "def t():\n    deadline = time.monotonic() + 60\n    assert x == 1\n", []),
        (own_importorskips, "pytest.importorskip('pipeline.actors.component')\n", [1]),
        (own_importorskips, "pytest.importorskip('pyarrow')\n", []),
        (quality_thresholds, "assert total['events']['root']['f1'] >= 0.93\n", [1]),
        (quality_thresholds, "assert recall >= 0.8, missing\n", [1]),
        (quality_thresholds, "assert r.events.root.f1 == 1.0\n", []),
        (quality_thresholds, "assert 0.0 < score <= 1.0\n", []),
    ],
)
def test_the_rules_find_what_they_look_for(checker, source, lines):
    assert checker(source) == lines
