"""The English event lexicon: the project's own rows (lexicon_en.tsv) over PETRARCH2's
CAMEO verb dictionary (petrarch_*_en.tsv, generated; see `pipeline.events.verbpatterns`).

A row of lexicon_en.tsv maps a verb lemma (+ a particle it must govern, + a pattern on
its object and complements) to a CAMEO code and the frame its roles are read by (act |
sym | demand | consider); among its rows the most specific matching one wins (a required
particle counts 2, each positive pattern item 1; then file order).

A frame's row, first found wins:
1. a specific lexicon_en.tsv row (with a particle or an object pattern);
2. the longest matching PETRARCH pattern of the verb's blocks (`[---]`: no event);
3. the lexicon_en.tsv default row of the verb (code `---`: no event, and the verb's
   PETRARCH patterns are not consulted: `die`, whose subject is the victim);
4. the PETRARCH block's code for the verb (when the verb's blocks agree on one).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pipeline.events.verbpatterns import (
    Pattern,
    best_pattern,
    frame_keys,
    load_patterns,
    match_items,
)

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
    target: str = ""  # where the target is, when the row says: patient | prep:on | content

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


NO_EVENT = "---"
OWN_CONTENT = ("say", "intend", "consider")  # kinds whose complement decides the code


def _specific(lemma: str, frame) -> tuple[LexEntry | None, bool]:
    """(the lexicon_en row for the frame, whether it is specific: particle or pattern)."""
    e = match_entry(lemma, frame.particles, frame.object_text)
    return e, e is not None and (bool(e.particle) or bool(e.pattern))


def _kind(code: str, sym: bool, lemma: str) -> str:
    """The frame kind of a PETRARCH row: joint act, demand (10x), consideration (014),
    else the kind of the verb's own lexicon_en default row for a code of the same root."""
    own = match_entry(lemma, frozenset(), " ")
    if own is not None and own.frame in ("say", "intend"):
        return own.frame
    if sym:
        return "sym"
    if code.startswith("10"):
        return "demand"
    if code == "014":
        return "consider"
    if own is not None and own.frame == "sym" and own.code[:2] == code[:2]:
        return "sym"
    return "act"


def petrarch_entry(frame) -> tuple[LexEntry | None, bool]:
    """(the PETRARCH row of a frame, whether it came from a pattern) — (None, False) when
    the dictionary has nothing; a row with code "" when it says "no event"."""
    verbs, _ = load_patterns()
    rows = verbs.get(frame.lemma, ())
    own = match_entry(frame.lemma, frozenset(), " ")
    own_kind = own.frame if own is not None else ""
    with_particle = [v for v in rows if v.particle and v.particle in frame.particles]
    rows = with_particle or [v for v in rows if not v.particle]
    rows = [v for v in rows if not v.post or match_items(v.post, frame.after)]
    if not rows:
        return None, False
    keys = frame_keys(frame.before + frame.after)
    best: Pattern | None = None
    # a statement's or a commitment's content is coded from its own frames, not by words
    blocks = () if own_kind in OWN_CONTENT else dict.fromkeys(v.block for v in rows)
    for block in blocks:
        p = best_pattern(block, frame.before, frame.after, keys)
        if p is not None and (best is None or p.size > best.size):
            best = p
    if best is not None:
        code, sym, target = best.code, best.sym, best.target
        note = f"PETRARCH {best.block} line {best.line}"
    else:
        codes = {v.code for v in rows}
        code = codes.pop() if len(codes) == 1 else ""
        sym, target, note = rows[0].sym, "", f"PETRARCH {rows[0].block}"
    # PETRARCH codes an event only with a source and a target: its verbs alone need one
    flags = frozenset() if best is not None else frozenset({"needs_target"})
    if own is not None:  # the verb's own row says who acts unwritten (agent=GOV) ...
        flags |= own.flags
    entry = LexEntry(frame.lemma, rows[0].particle, (), code, _kind(code, sym, frame.lemma),
                     flags, note, -1, target)  # fmt: skip
    return entry, best is not None


JUDGING_VERBS = ("call", "describe", "label", "brand", "term", "dub")  # X called Y a Z


@dataclass(frozen=True)
class StatementCue:
    pattern: tuple[tuple[tuple[bool, str], ...], ...]
    code: str
    aimed: str  # the code when the statement names whom it is about ("" : code)
    note: str

    def matches(self, text: str) -> bool:
        return any(all((item in text) != neg for neg, item in alt) for alt in self.pattern)


@lru_cache(maxsize=1)
def load_statement_cues() -> tuple[StatementCue, ...]:
    """statement_cues_en.tsv: what a plain statement's words make it (lying: 112), in file order."""
    path = resources.files("pipeline") / "data" / "events" / "statement_cues_en.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(
        StatementCue(parse_cue(r["cue"]), r["code"].strip(), (r.get("aimed") or "").strip(),
                     (r.get("note") or "").strip())
        for r in csv.DictReader(lines, delimiter="\t")
    )


def parse_cue(raw: str) -> tuple[tuple[tuple[bool, str], ...], ...]:
    """A cue as parse_pattern reads it, each item whole words (" lie ") or, ending in
    `*`, a word start (" apologi")."""
    return tuple(
        tuple((neg, f" {item[:-1]}" if item.endswith("*") else f" {item} ") for neg, item in alt)
        for alt in parse_pattern(raw)
    )


class EnglishLexicon:
    """The lexicon as the frame coder asks it: a frame's row, the trigger's generic row,
    and what a plain statement's words make it."""

    def statement_code(self, said: list, aimed: bool = False) -> str:
        """The code of a plain statement whose words (the frames said: the statement's own
        and those of its complements and quotes) carry a cue (statement_cues_en.tsv), else "";
        `aimed`: the statement names a party it is about."""
        text = " ".join(f" {f.lemma} {f.object_text} " for f in said)
        cue = next((c for c in load_statement_cues() if c.matches(text)), None)
        if cue is None:
            return ""
        return (cue.aimed or cue.code) if aimed else cue.code

    def entry(self, frame) -> LexEntry | None:
        if frame.lemma in JUDGING_VERBS:  # called it a non-starter: a statement that criticises
            code = self.statement_code([frame])
            if code:
                return LexEntry(frame.lemma, "", (), code, "say", frozenset(), "judging", -1)
        own, specific = _specific(frame.lemma, frame)
        if own is not None and specific:
            return None if own.code == NO_EVENT else own
        if own is not None and own.code == NO_EVENT:
            return None
        pet, from_pattern = petrarch_entry(frame)
        if pet is not None and from_pattern:
            return pet if pet.code or pet.frame == "intend" else None
        if own is not None:
            return own
        return pet if pet is not None and (pet.code or pet.frame == "intend") else None

    def generic(self, frame) -> LexEntry | None:
        return match_entry(frame.lemma, frame.particles, " ")


__all__ = ["EnglishLexicon", "LexEntry", "load_lexicon_en", "match_entry", "parse_pattern"]
