"""The language-independent frame coder on hand-built frames (no parser, no language)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pipeline.events.frame_coder import Story, code_frames
from pipeline.model import Actor, Arg, Frame

ACTORS = {
    "USA": Actor("USA", "STATE", "United States", "", "USA"),
    "USA_GOV": Actor("USA_GOV", "GOVERNMENT", "US government", "", "USA", "GOV"),
    "BLR": Actor("BLR", "STATE", "Belarus", "", "BLR"),
    "RUS": Actor("RUS", "STATE", "Russia", "", "RUS"),
}


@dataclass(frozen=True)
class Row:
    code: str
    frame: str = "act"
    flags: frozenset[str] = frozenset()
    pattern: tuple = ()


class TableLexicon:
    """lemma -> row; `generic` is the row a negated demand falls back to."""

    def __init__(self, rows: dict[str, Row], generic: dict[str, Row] | None = None):
        self.rows, self.generics = rows, generic or {}

    def entry(self, frame):
        return self.rows.get(frame.lemma)

    def generic(self, frame):
        return self.generics.get(frame.lemma)


def frame(index: int, lemma: str, *args: Arg, **kw) -> Frame:
    return Frame(index, 0, "body", index * 10, index * 10 + 4, lemma, lemma, args=args, **kw)


def coded(frames, rows, embedded=False, generic=None, focus=""):
    story = Story("2026-02-12", focus)
    return [
        (e.source_actor_id, e.event_code, e.target_actor_id, e.modality, e.symmetric)
        for e in code_frames(frames, ACTORS, TableLexicon(rows, generic), story, embedded)
    ]


CASES = [
    # act: the patient, else the first recipient / partner / oblique
    ([frame(0, "lift", Arg("agent", ("USA",)), Arg("patient", ("BLR",)))],
     [("USA", "085", "BLR", "asserted", False)]),
    ([frame(0, "lift", Arg("agent", ("USA",)), Arg("recipient", ("BLR",), marker="on"))],
     [("USA", "085", "BLR", "asserted", False)]),
    # one party: a state and its government do not act on each other
    ([frame(0, "lift", Arg("agent", ("USA",)), Arg("patient", ("USA_GOV",)))], []),
    # no agent, nothing coded
    ([frame(0, "lift", Arg("patient", ("BLR",)))], []),
    # symmetric: once per pair, sorted
    ([frame(0, "meet", Arg("agent", ("USA", "RUS")))], [("RUS", "040", "USA", "asserted", True)]),
    ([frame(0, "meet", Arg("agent", ("USA",)), Arg("partner", ("BLR",), marker="with"))],
     [("BLR", "040", "USA", "asserted", True)]),
    # demand: the party called on; consider: an actor inside the content
    ([frame(0, "urge", Arg("agent", ("USA",)), Arg("content_agent", ("BLR",)))],
     [("USA", "100", "BLR", "asserted", False)]),
    ([frame(0, "consider", Arg("agent", ("USA",)), Arg("content", ("RUS",), "np"))],
     [("USA", "014", "RUS", "asserted", False)]),
]  # fmt: skip
ROWS = {
    "lift": Row("085"),
    "meet": Row("040", "sym"),
    "urge": Row("100", "demand"),
    "consider": Row("014", "consider"),
    "free": Row("0841"),
}


@pytest.mark.parametrize(("frames", "expected"), CASES)
def test_roles_by_the_rows_frame(frames, expected):
    assert coded(frames, ROWS) == expected


def test_complement_of_a_coded_frame_is_embedded_only_on_request():
    urge = frame(0, "urge", Arg("agent", ("USA",)), Arg("patient", ("BLR",)))
    free = frame(1, "free", Arg("agent", ("BLR",), "inherited"), governor=0,
                 governor_rel="complement")  # fmt: skip
    assert coded([urge, free], ROWS) == [("USA", "100", "BLR", "asserted", False)]
    assert coded([urge, free], ROWS, embedded=True) == [
        ("USA", "100", "BLR", "asserted", False),
        ("BLR", "0841", "", "demanded", False),
    ]


def test_a_negated_asked_for_act_makes_the_demand_generic():
    urge = frame(0, "urge", Arg("agent", ("USA",)), Arg("patient", ("BLR",)))
    lift = frame(1, "lift", polarity="negated", governor=0, governor_rel="complement")
    rows = {**ROWS, "urge": Row("1054", "demand", pattern=(("lift",),))}
    assert coded([urge, lift], rows, generic={"urge": Row("100", "demand")}) == [
        ("USA", "100", "BLR", "asserted", False)
    ]


def test_focus_flag_guesses_the_storys_state_at_lower_confidence():
    f = frame(0, "sanction", Arg("agent", ("USA",)))
    rows = {"sanction": Row("163", flags=frozenset({"focus"}))}
    assert coded([f], rows, focus="BLR") == [("USA", "163", "BLR", "asserted", False)]
    assert coded([f], rows) == [("USA", "163", "", "asserted", False)]
