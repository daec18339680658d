"""Quality figures measured from the pipeline, against the floors in
tests/fixtures/quality_floor.yaml (read by tests/test_quality.py).

Each section of the floor file names one measurement below; each line of a section
is a figure, a path into that measurement (`events.root.f1`). A figure may fall
below its recorded value by at most `tolerance_items` items (events, actors, dates or
entities; the file says how many), and may not stand above it: when a change raises a figure, its line is raised
in the same commit. `make floors` (this module run as a script) measures every
section and prints the lines that moved; `make floors WRITE=1` raises them in place.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

TESTS = Path(__file__).resolve().parent
FLOOR_FILE = TESTS / "fixtures" / "quality_floor.yaml"
REPO = TESTS.parent
SHARED = REPO.parent / "shared"  # development data beside the clone (../shared); CI has it
SAMPLE_JA_GOLD = TESTS / "fixtures" / "gold" / "belarus_us_635.gold.yaml"
SAMPLE_EN_GOLD = TESTS / "fixtures" / "english" / "belarus_us_en.gold.yaml"
NEWS_JA = SHARED / "dev" / "news"
NEWS_EN = SHARED / "dev" / "en_news"
NER_DATA = SHARED / "data" / "ner"
DIGITS = 3  # figures are recorded rounded to this many decimals


class Unavailable(Exception):
    """The data a measurement needs is not here (a clone without ../shared)."""


def load_floors() -> tuple[float, dict[str, dict[str, float]]]:
    """(items a figure may lose, {section: {figure path: recorded value}})."""
    data = yaml.safe_load(FLOOR_FILE.read_text(encoding="utf-8"))
    return data.pop("tolerance_items"), data


def _needs(path: Path) -> Path:
    if not path.exists():
        raise Unavailable(
            f"{path} not found: this floor is measured only where the development data "
            f"../shared sits beside the clone (the workplace and its CI)"
        )
    return path


# ---------------------------------------------------------------------- measurements


def eval_report(gold_paths: list[Path]) -> dict:
    """`dekigoto eval GOLD...` totals: the gold files' articles through the whole pipeline."""
    from pipeline.evaluate import load_gold, load_tables, score
    from pipeline.evaluate_run import tables_for_gold

    with tables_for_gold(gold_paths) as tables:
        report = score([load_gold(p) for p in gold_paths], load_tables(tables))
    if report.warnings:
        raise AssertionError(f"scoring warned: {report.warnings}")
    return report.to_dict()["total"]


def _dev_set(folder: Path) -> dict:
    return eval_report(sorted(_needs(folder).glob("*.gold.yaml")))


def coder_on_hand_made_mentions() -> dict:
    """The event coder alone on the sample article, actors and dates given by hand
    (tests/fixtures/events/): precision, and recall of the events not marked hard.
    Gold events are matched one to one, first fit (tests/events_fixtures.gold_event_matches)."""
    from .events_fixtures import coded_sample_events, gold_event_matches

    gold = yaml.safe_load(SAMPLE_JA_GOLD.read_text(encoding="utf-8"))["events"]
    merged = coded_sample_events()
    used: set[str] = set()
    found: set[str] = set()
    for g in gold:
        for ev in merged:
            if ev.event_id not in used and gold_event_matches(ev, g):
                used.add(ev.event_id)
                found.add(g["id"])
                break
    normal = [g["id"] for g in gold if g.get("difficulty") != "hard"]
    tp_normal = sum(1 for g in normal if g in found)
    return {
        "events": {
            "all": {"n_sys": len(merged), "tp_sys": len(used), "precision": len(used) / len(merged)},
            "normal": {"n_gold": len(normal), "tp_gold": tp_normal, "recall": tp_normal / len(normal)},
        }
    }


def _ner_node(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n_gold": tp + fn, "n_sys": tp + fp, "tp_gold": tp, "tp_sys": tp,
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }


def _micro(scorer) -> dict:
    labels = scorer.labels
    return _ner_node(*(sum(c[x] for x in labels) for c in (scorer.tp, scorer.fp, scorer.fn)))


def ner_scores(records: list[dict]) -> dict:
    """Micro P/R/F1 (PERSON+ORG+LOC, exact spans) as `make eval-ner` measures them
    (`pipeline.ner.score`): the packaged model alone, and the pipeline's mentions
    without and with it."""
    from pipeline.ner.component import load_model
    from pipeline.ner.convert import mapped_entities
    from pipeline.ner.evaluate import Scorer
    from pipeline.ner.score import mention_spans, predict_spans

    texts = [r["text"] for r in records]
    model, _ = load_model(None)
    predicted = {
        "model": predict_spans(model, texts),
        "mentions_without_model": mention_spans(texts, ner=False),
        "mentions_with_model": mention_spans(texts, ner=True),
    }
    scorers = {name: Scorer() for name in predicted}
    for name, spans in predicted.items():
        for record, found in zip(records, spans, strict=True):
            scorers[name].add(mapped_entities(record), found)
    return {name: {"micro": _micro(s)} for name, s in scorers.items()}


def _ner_split(corpus: str) -> list[dict]:
    from pipeline.ner.convert import load_splits

    _needs(NER_DATA)
    return load_splits(NER_DATA)[corpus]["test"]


# section of the floor file -> what it measures
MEASURES: dict[str, Callable[[], dict]] = {
    "sample_ja": lambda: eval_report([SAMPLE_JA_GOLD]),
    "sample_ja_coder": coder_on_hand_made_mentions,
    "sample_en": lambda: eval_report([SAMPLE_EN_GOLD]),
    "news_ja": lambda: _dev_set(NEWS_JA),
    "news_en": lambda: _dev_set(NEWS_EN),
    "ner_gsd_test": lambda: ner_scores(_ner_split("gsd")),
    "ner_wiki_heldout": lambda: ner_scores(_ner_split("wiki")),
}


@cache
def measure(section: str) -> dict | Unavailable:
    """The section's measurement, once per process (an Unavailable when its data is absent)."""
    try:
        return MEASURES[section]()
    except Unavailable as missing:
        return missing


# ---------------------------------------------------------------- figures and floors


# how many items one figure counts: one of them fewer right moves it by 1 / count
ITEMS = {
    "precision": lambda node: node["n_sys"],
    "recall": lambda node: node["n_gold"],
    "f1": lambda node: (node["n_sys"] + node["n_gold"]) / 2,  # one miss that became a false alarm
    "accuracy": lambda node: node["total"],
}


def figure(report: dict, path: str) -> tuple[float | None, float]:
    """The figure at `path` and its tolerance: how much one item fewer right (one more
    miss or false alarm) moves it, from the counts beside it."""
    *parents, name = path.split(".")
    node = report
    for key in parents:
        node = node[key]
    count = ITEMS[name](node)
    return node[name], 1 / count if count else 1.0


def check(recorded: float, measured: float | None, tolerance: float) -> str:
    """"fell", "rose" or "" (within one item below the recorded figure)."""
    if measured is None or measured < recorded - tolerance - 10 ** -DIGITS / 2:
        return "fell"
    if round(measured, DIGITS) > recorded:
        return "rose"
    return ""


def rewrite_floors(text: str, raised: dict[tuple[str, str], float]) -> str:
    """The floor file with the given (section, path) lines set to new values, comments kept."""
    out, section = [], None
    for line in text.splitlines(keepends=True):
        top = re.match(r"^([A-Za-z_]\w*):", line)
        if top:
            section = top.group(1)
        entry = re.match(r"^(\s+)(\S+): ([0-9.]+)(.*)$", line.rstrip("\n"))
        if entry and (section, entry.group(2)) in raised:
            indent, path, _, rest = entry.groups()
            line = f"{indent}{path}: {raised[section, path]:.{DIGITS}f}{rest}\n"
        out.append(line)
    return "".join(out)


def main(argv: list[str]) -> int:
    """Measure every section; print the figures that moved; with --write raise the risen ones."""
    items, floors = load_floors()
    raised: dict[tuple[str, str], float] = {}
    fallen = 0
    for section, figures in floors.items():
        report = measure(section)
        if isinstance(report, Unavailable):
            print(f"{section}: skipped ({report})")
            continue
        for path, recorded in figures.items():
            measured, one_item = figure(report, path)
            verdict = check(recorded, measured, items * one_item)
            shown = "none" if measured is None else f"{measured:.{DIGITS}f}"
            print(f"{section:<18} {path:<45} recorded {recorded:.{DIGITS}f}  measured {shown}  {verdict}")
            if verdict == "rose":
                raised[section, path] = round(measured, DIGITS)
            fallen += verdict == "fell"
    if "--write" in argv and raised:
        FLOOR_FILE.write_text(rewrite_floors(FLOOR_FILE.read_text(encoding="utf-8"), raised), encoding="utf-8")
        print(f"raised {len(raised)} floor(s) in {FLOOR_FILE.relative_to(REPO)}")
    return 1 if fallen else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
