"""The English event lexicon (pipeline/data/events/lexicon_en.tsv), loaded once per process.

A row maps a verb lemma (+ a particle it must govern, + a pattern on its object and
complements) to a CAMEO code and the frame its roles are read by (act | sym | demand |
consider). The most specific matching row wins: a required particle counts 2, each
positive pattern item 1; then file order.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEXICON_FILE = "lexicon_en.tsv"


@dataclass(frozen=True)
class LexEntry:
    trigger: str
    particle: str
    pattern: tuple[tuple[tuple[bool, str], ...], ...]  # alternatives of (negated, text) items
    code: str
    frame: str  # act | sym | demand | consider
    flags: frozenset[str]
    note: str
    order: int

    def matches(self, text: str) -> int | None:
        """Specificity (positive items) of the first matching alternative, else None."""
        if not self.pattern:
            return 0
        for alt in self.pattern:
            if all((item in text) != neg for neg, item in alt):
                return sum(1 for neg, _ in alt if not neg)
        return None


def parse_pattern(raw: str) -> tuple[tuple[tuple[bool, str], ...], ...]:
    """`A+B|C+!D` -> alternatives of (negated, item)."""
    alts = []
    for alt in raw.split("|"):
        items = []
        for item in alt.split("+"):
            item = item.strip()
            if item:
                neg = item.startswith("!")
                items.append((neg, item[1:].strip() if neg else item))
        if items:
            alts.append(tuple(items))
    return tuple(alts)


@lru_cache(maxsize=1)
def load_lexicon_en() -> dict[str, tuple[LexEntry, ...]]:
    """lexicon_en.tsv: trigger lemma -> its rows in file order."""
    path = resources.files("pipeline") / "data" / "events" / LEXICON_FILE
    lines = [
        ln
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    out: dict[str, list[LexEntry]] = {}
    for order, row in enumerate(csv.DictReader(lines, delimiter="\t")):
        flags = frozenset(f.strip() for f in (row.get("flags") or "").split(",") if f.strip())
        e = LexEntry(
            trigger=row["trigger"].strip().lower(),
            particle=(row.get("particle") or "").strip().lower(),
            pattern=parse_pattern(row.get("object") or ""),
            code=row["code"].strip(),
            frame=(row.get("frame") or "act").strip() or "act",
            flags=flags,
            note=(row.get("note") or "").strip(),
            order=order,
        )
        out.setdefault(e.trigger, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def match_entry(lemma: str, particles: set[str] | frozenset[str], text: str) -> LexEntry | None:
    """The most specific row for a trigger: particle given, then pattern items, then file order."""
    best: tuple[int, int, LexEntry] | None = None
    for e in load_lexicon_en().get(lemma, ()):
        if e.particle and e.particle not in particles:
            continue
        spec = e.matches(text)
        if spec is None:
            continue
        score = spec + (2 if e.particle else 0)
        if best is None or score > best[0] or (score == best[0] and e.order < best[1]):
            best = (score, e.order, e)
    return best[2] if best else None


class EnglishLexicon:
    """The lexicon as the frame coder asks it: a frame's row, and the trigger's generic row."""

    def entry(self, frame) -> LexEntry | None:
        return match_entry(frame.lemma, frame.particles, frame.object_text)

    def generic(self, frame) -> LexEntry | None:
        return match_entry(frame.lemma, frame.particles, " ")


__all__ = ["EnglishLexicon", "LexEntry", "load_lexicon_en", "match_entry", "parse_pattern"]
