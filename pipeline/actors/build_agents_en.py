"""Generate the English rows of `pipeline/data/actors/agents.tsv` from the Phoenix agents.

Run by hand (or `make dictionaries`) when the source changes, then review the diff:

    .venv/bin/python -m pipeline.actors.build_agents_en [../shared/data/cameo_dictionaries]

Source: `Phoenix.agents.txt` (openeventdata/petrarch2 @ 676801cd, MIT, the Open Event
Data Alliance / Computational Event Data System Project): about 2,300 English nouns for
the groups, organs and roles of a society with their CAMEO sector (POLICE [~COP],
DEMONSTRATOR [~OPP], SPOKES!PERSON! [~MED]).

What is written: every rows' noun, its regular plural (PETRARCH generates those; `{}`
lists irregular ones, empty braces none) and the forms of `!PERSON!` (man, men, woman,
women, person) and `!MINIST!` (minister(s), ministry, ministries), lower-cased with
spaces for `_`; the sector is the first code of the tag (GOVMED -> GOV), religions are
REL, people PPL -> CVL, radicals RAD -> REB, immigrants IMG -> REF; IGO tags (`[IGO~]`)
and stems (a word PETRARCH matches by its beginning) are left out. `bare` is 1 only for
the nouns of BARE (reviewed: alone, they take the country the story is about). The hand
rows of the file (every `ja` row and the `en` rows above the generated block) are kept,
and a generated surface they already have is not repeated.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SOURCE_FILE = "Phoenix.agents.txt"
OUT = Path(__file__).resolve().parent.parent / "data" / "actors" / "agents.tsv"
DEFAULT_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "cameo_dictionaries"
MARK = "# --- English, generated from Phoenix.agents.txt by pipeline/actors/build_agents_en.py"
SECTOR_MAP = {
    "MUS": "REL", "CHR": "REL", "HIN": "REL", "JEW": "REL", "BUD": "REL",
    "PPL": "CVL", "RAD": "REB", "IMG": "REF",
}  # fmt: skip
SUBSTITUTIONS = {
    "!PERSON!": ("man", "men", "woman", "women", "person", "persons", "people"),
    "!MINIST!": ("minister", "ministers", "ministry", "ministries"),
}
# alone (no state or place before them) these take the country the story is about
BARE = {
    "demonstrator", "demonstrators", "militant", "militants", "insurgent", "insurgents",
    "rebel", "rebels", "soldier", "soldiers", "lawmaker", "lawmakers", "legislator",
    "legislators", "senator", "senators", "judge", "judges", "activist", "activists",
    "riot police", "security forces", "security force", "prosecutor", "prosecutors",
    "citizen", "citizens", "resident", "residents", "voter", "voters", "civilian", "civilians",
    "spokesman", "spokeswoman", "spokesperson", "government official", "government officials",
    "minister", "ministry", "parliament", "congress", "legislature", "student", "students",
}  # fmt: skip
# a spokesperson speaks for whoever the phrase names (a spokesperson for the police), not
# for the media (Phoenix: [~MED])
SKIP = {"spokesman", "spokesmen", "spokeswoman", "spokeswomen", "spokesperson", "spokespersons",
        "spokespeople"}  # fmt: skip
COLUMNS = ("lang", "surface", "sector", "bare", "suffix", "name_en", "note")
ENTRY = re.compile(r"^(?P<noun>[^\[{#]+?)\s*(?:\{(?P<forms>[^}]*)\})?\s*\[~(?P<tag>[A-Z]+)\]")


def plural(word: str) -> str:
    """The regular English plural of the last word (PETRARCH's rule of thumb)."""
    head, _, last = word.rpartition(" ")
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return word  # already plural (forces, troops)
    if last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith("man"):
        last = last[:-3] + "men"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _surface(raw: str) -> str:
    return " ".join(raw.replace("_", " ").lower().split())


def _forms(noun: str, forms: str | None) -> list[str]:
    for key, subs in SUBSTITUTIONS.items():
        if key in noun:
            return [_surface(noun.replace(key, s)) for s in subs]
    base = _surface(noun)
    if forms is None:
        return [base, plural(base)]
    return [base, *(_surface(f) for f in forms.split() if f.strip())]


def read_agents(path: Path) -> list[tuple[str, str]]:
    """(surface, sector) of every agent noun and its forms, in file order."""
    out: list[tuple[str, str]] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("#") or "[~" not in line:
            continue
        m = ENTRY.match(line.strip())
        if m is None:
            continue
        noun = m.group("noun").strip()
        if not noun.endswith("_") and " " in noun.strip():
            continue  # two words without a joining _: a stem pattern (MINISTR X)
        tag = m.group("tag")[:3]
        sector = SECTOR_MAP.get(tag, tag)
        for form in _forms(noun.rstrip("_"), m.group("forms")):
            if form and re.fullmatch(r"[a-z][a-z' .&-]*[a-z.]", form):
                out.append((form, sector))
    return out


def build(src: Path, out: Path = OUT) -> int:
    text = out.read_text(encoding="utf-8")
    kept = text.split(MARK)[0].rstrip("\n").splitlines()
    have = {ln.split("\t")[1].lower() for ln in kept if ln.startswith("en\t")}
    rows: dict[str, str] = {}
    for surface, sector in read_agents(src / SOURCE_FILE):
        if surface not in have and surface not in SKIP:
            rows.setdefault(surface, sector)
    lines = [
        MARK,
        "# (Phoenix.agents.txt, openeventdata/petrarch2 @ 676801cd, MIT; do not edit by hand:",
        "# add or correct a row above this block, which wins).",
    ]
    for surface, sector in rows.items():
        bare = "1" if surface in BARE else "0"
        lines.append("\t".join(("en", surface, sector, bare, "", "", "Phoenix")))
    out.write_text("\n".join(kept + [""] + lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str]) -> None:
    src = Path(argv[0]) if argv else DEFAULT_SOURCE
    n = build(src)
    print(f"{n} English agent rows from {SOURCE_FILE} -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
