"""Generate `pipeline/data/events/verbpatterns_en.tsv` from PETRARCH2's CAMEO verb dictionary.

Run by hand (or `make dictionaries`) when the source changes, then review the diff:

    .venv/bin/python -m pipeline.events.build_verbpatterns [../shared/data/cameo_dictionaries]

Source: `CAMEO.verbpatterns.150430.txt` (openeventdata/petrarch2 @ 676801cd, MIT, the
Open Event Data Alliance; a composite of the TABARI CAMEO dictionaries and WordNet synonym
sets). The pipeline never reads it at run time: it reads the TSV written here, whose
header names the source and licence.

What is converted, and how (PETRARCH matches patterns on constituency trees; we write
them so that `pipeline.events.verbpatterns` can match them on a dependency parse):
- each verb block (`--- NAME [code] ---`) gives every verb it lists (lemma; `+CLEAR_UP`
  is `clear` with the particle `up`, `+WAGE_WAR` is `wage` with `war` after it) the
  block's code, or the verb line's own code (`EXPRESS [0110]`);
- each pattern line (`- pre * post [code]`) becomes a row per verb of the block: `pre`
  and `post` are the words before and after the verb, lower-cased; `_` joins words that
  must be adjacent (`diplomatic_ties`); a word ending in `_` must match exactly, others
  match a token's form or lemma, and words of five letters or more also as a stem
  (`negotiat` matches negotiations); `&SET` names a synonym set (expanded into `a|b|c`);
- the markers say where the actors are: `$` the source, `+` the target, `^` a skipped
  noun phrase, `%` a compound actor. The target's place becomes the `target` column:
  `patient` (right after the verb), `prep:on` (after a preposition), `content` (inside a
  noun phrase: release of +), `subject` (before the verb: + was * by $, a passive);
- `[---]` is the code "" (the pattern blocks coding); `[040:040]` is a joint act
  (`sym`); `[145:175]` keeps the first code (the second is the reverse act);
- blocks whose header has no code (`--- DEFEND ###`) and multi-word verbs joined by
  AND (`+ATTACKED_AND_STABBED`) are left out.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_FILE = "CAMEO.verbpatterns.150430.txt"
DATA = Path(__file__).resolve().parent.parent / "data" / "events"
OUT_VERBS = DATA / "petrarch_verbs_en.tsv"
OUT_PATTERNS = DATA / "petrarch_patterns_en.tsv"
OUT_SYNSETS = DATA / "petrarch_synsets_en.tsv"
DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "cameo_dictionaries"
PARTICLES = {
    "up", "down", "back", "out", "off", "over", "away", "forth", "forward", "together",
    "after", "behind", "on", "at", "to", "in", "into", "with", "around", "aside", "apart",
}  # fmt: skip
PREPOSITIONS = {
    "on", "to", "with", "against", "at", "into", "upon", "toward", "towards", "for", "from",
    "by", "of", "in", "over", "about", "between", "among", "near", "onto", "across",
}  # fmt: skip
NP_PREPOSITIONS = {"of", "by"}
HEADER = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([0-9]{2,4}|---)(?::([0-9]{2,4}|---))?\]")


@dataclass
class Block:
    name: str
    code: str
    sym: bool
    verbs: list[tuple[str, str, str, str, bool]] = field(default_factory=list)
    # (lemma, particle, extra post word, code, sym)
    patterns: list[tuple[str, str, str, bool, str, int]] = field(default_factory=list)
    # (pre, post, code, sym, target, line)


def _code(raw: str) -> tuple[str, bool] | None:
    m = CODE.search(raw)
    if m is None:
        return None
    first, second = m.group(1), m.group(2)
    code = "" if first == "---" else first
    return code, bool(second) and second == first and code != ""


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME blocks: name (without &, trailing _ dropped) -> lower-cased words."""
    sets: dict[str, list[str]] = {}
    name = ""
    for line in lines:
        if not line.strip():
            name = ""
            continue
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text[1:].strip().rstrip("_").lower()
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(text[1:].strip().lower())
    return sets


def _verb_line(text: str) -> tuple[str, str, str] | None:
    """'SAY {SAYS SAID}' -> ('say', '', ''); '+CLEAR_UP' -> ('clear', 'up', '');
    '+WAGE_WAR' -> ('wage', '', 'war'); None for what is not a verb we can match."""
    text = re.sub(r"\{.*?\}", "", text)
    text = CODE.sub("", text).strip()
    if not text:
        return None
    word = text.split()[0].lstrip("+").lower()
    parts = [p for p in word.split("_") if p]
    if not parts or "and" in parts[1:] or not parts[0].isalpha():
        return None
    if len(parts) == 1:
        return parts[0], "", ""
    rest = parts[1:]
    if rest[0] in PARTICLES:
        return parts[0], rest[0], "_".join(rest[1:])
    return parts[0], "", "_".join(rest)


def _items(raw: str) -> str:
    """Pattern text -> lower-cased items joined by spaces: words (`_` keeps adjacency, a
    trailing `_` asks for an exact match), synonym sets (`&name`, as written) and the
    markers `$`, `+`, `^`, `%` as items of their own."""
    out: list[str] = []
    for tok in raw.split():
        pieces = [p for p in re.split(r"(?<=[$+^%])_|_(?=[$+^%])", tok) if p]
        out += [p.lower() for p in pieces]
    return " ".join(out)


def _words(item: str, synsets: dict[str, list[str]]) -> set[str]:
    """The last words an item can end with (for the word before a `+`)."""
    last = item.split("_")[-1] or item
    return set(synsets.get(last[1:], [last])) if last.startswith("&") else {last}


def _target_place(pre: list[str], post: list[str], synsets: dict[str, list[str]]) -> str:
    if "+" in pre:
        return "subject"
    if "+" not in post:
        return ""
    k = post.index("+")
    if k == 0:
        return "patient"
    before = _words(post[k - 1], synsets)
    if before <= NP_PREPOSITIONS:
        return "content"  # release of +, construction by +
    if before <= PREPOSITIONS:
        return "prep:" + "|".join(sorted(before))
    return "content"


def parse(path: Path) -> tuple[list[Block], dict[str, list[str]]]:
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    synsets = read_synsets(lines[:start])
    blocks: list[Block] = []
    block: Block | None = None
    for n, line in enumerate(lines[start + 1 :], start + 2):
        if line.startswith("---"):
            m = HEADER.match(line)
            code = _code("[" + m.group(2) + "]") if m else None
            block = Block(m.group(1), *code) if m and code else None
            if block is not None:
                blocks.append(block)
            continue
        if block is None:
            continue
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        if text.startswith("-"):
            own = _code(text)
            if own is None:
                continue
            body = CODE.sub("", text[1:]).strip()
            if "*" not in body:
                continue
            pre_raw, post_raw = body.split("*", 1)
            pre_raw = pre_raw.rstrip("_")  # WAS_*: a word right before the verb
            if post_raw.startswith("_"):  # *_UP: a word right after the verb
                post_raw = "*" + post_raw[1:]
            pre, post = _items(pre_raw), _items(post_raw)
            target = _target_place(pre.split(), post.split(), synsets)
            block.patterns.append((pre, post, own[0], own[1], target, n))
        else:
            verb = _verb_line(text)
            if verb is None:
                continue
            own = _code(text)
            code, sym = own if own else (block.code, block.sym)
            block.verbs.append((*verb, code, sym))
    return blocks, synsets


VERB_COLUMNS = ("block", "verb", "particle", "post", "code", "sym")
PATTERN_COLUMNS = ("block", "pre", "post", "code", "sym", "target", "line")
SYNSET_COLUMNS = ("set", "words")


def verb_rows(blocks: list[Block]) -> list[tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for b in blocks:
        for verb, particle, extra, code, sym in b.verbs:
            out.setdefault((verb, particle, extra), (b.name, verb, particle, extra, code, "1" if sym else ""))
    return list(out.values())


def pattern_rows(blocks: list[Block]) -> list[tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for b in blocks:
        for pre, post, code, sym, target, n in b.patterns:
            out.setdefault((b.name, pre, post), (b.name, pre, post, code, "1" if sym else "", target, str(n)))
    return list(out.values())


def write(path: Path, columns: tuple[str, ...], out_rows: list[tuple[str, ...]], what: str) -> None:
    head = [
        f"# CAMEO {what} for English, generated by pipeline/events/build_verbpatterns.py",
        f"# from {SOURCE_FILE} (openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf,",
        "# petrarch2/data/dictionaries/; MIT licence, (c) 2015 Open Event Data Alliance; from the",
        "# TABARI CAMEO dictionaries and WordNet synonym sets). Do not edit by hand: corrections go",
        "# to lexicon_en.tsv, which is consulted first. Columns: README.md (section PETRARCH).",
        "\t".join(columns),
    ]
    body = ["\t".join(r) for r in out_rows]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")


def build(src: Path, out_dir: Path = DATA) -> tuple[int, int]:
    """Convert the dictionary in `src` into the three TSV files of `out_dir`."""
    blocks, synsets = parse(src / SOURCE_FILE)
    verbs, patterns = verb_rows(blocks), pattern_rows(blocks)
    sets = [(name, " ".join(words)) for name, words in synsets.items()]
    write(out_dir / OUT_VERBS.name, VERB_COLUMNS, verbs, "verbs")
    write(out_dir / OUT_PATTERNS.name, PATTERN_COLUMNS, patterns, "verb patterns")
    write(out_dir / OUT_SYNSETS.name, SYNSET_COLUMNS, sets, "synonym sets of the verb patterns")
    return len(verbs), len(patterns)


def main(argv: list[str]) -> None:
    src = Path(argv[0]) if argv else DEFAULT_SOURCE
    n_verbs, n_patterns = build(src)
    print(f"{n_verbs} verbs, {n_patterns} patterns -> {DATA}")


if __name__ == "__main__":
    main(sys.argv[1:])
