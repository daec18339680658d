"""`make mutate`: mutation testing (mutmut) of the code where a silent regression costs
users most, and its survival rate.

mutmut copies the package to mutants/, makes small changes ("mutants") to the
functions named below one at a time, and runs the tests that reach each function
(pyproject's [tool.mutmut] names the files and the tests). A mutant the tests do
not notice "survives". mutmut leaves decorated functions alone: the cache key's
`pipeline_fingerprint` (an lru_cache) is covered by
tests/test_extract.py::test_pipeline_fingerprint_follows_code_and_data_not_docs
instead; `atomic.atomic_output` (a contextmanager) is not mutated; the CLI's option
plumbing sits in an undecorated `cli._extract`.
"""

from __future__ import annotations

import fnmatch
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# area -> mutmut names of the functions mutated (globs over mutant names)
AREAS = {
    "cache key": [
        "pipeline.extract.x_article_fingerprint__mutmut_*",
        "pipeline.extract.x__overlay_bytes__mutmut_*",
        "pipeline.extract.x__cache_valid__mutmut_*",
        "pipeline.extract.x__outputs_current__mutmut_*",
    ],
    "CLI option plumbing": ["pipeline.cli.x__extract__mutmut_*"],
    "atomic writes": [
        "pipeline.atomic.x_*",
        "pipeline.tables.xǁTableWriterǁclose__mutmut_*",
        "pipeline.tables.xǁTableWriterǁcommit__mutmut_*",
        "pipeline.tables.xǁTableWriterǁdiscard__mutmut_*",
    ],
    "merge": ["pipeline.events.merge.x_*"],
}


def statuses() -> dict[str, str]:
    """mutant name -> mutmut's status (killed, survived, timeout, not checked, ...)."""
    from mutmut.stats import status_by_exit_code

    out = {}
    for meta in sorted((REPO / "mutants").rglob("*.py.meta")):
        for name, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            out[name] = status_by_exit_code[code]
    return out


def report(found: dict[str, str]) -> tuple[str, float]:
    """A table of statuses per area, and the survival rate over the mutants checked."""
    lines, all_counts = [], Counter()
    for area, globs in AREAS.items():
        counts = Counter(s for name, s in found.items() if any(fnmatch.fnmatchcase(name, g) for g in globs))
        all_counts += counts
        checked = sum(counts.values()) - counts["not checked"]
        rate = counts["survived"] / checked if checked else 0.0
        lines.append(f"{area:<22} {checked:>4} mutants, {counts['survived']:>3} survived ({rate:.0%})  {dict(counts)}")
    checked = sum(all_counts.values()) - all_counts["not checked"]
    rate = all_counts["survived"] / checked if checked else 0.0
    lines.append(f"{'all':<22} {checked:>4} mutants, {all_counts['survived']:>3} survived ({rate:.0%})")
    return "\n".join(lines), rate


def main(argv: list[str]) -> int:
    if "--report-only" not in argv:
        mutmut = shutil.which("mutmut") or str(Path(sys.executable).parent / "mutmut")
        names = [g for globs in AREAS.values() for g in globs]
        subprocess.run([mutmut, "run", *names], cwd=REPO, check=False)
    found = statuses()
    table, _ = report(found)
    survivors = sorted(
        name for name, s in found.items() if s == "survived" and any(
            fnmatch.fnmatchcase(name, g) for globs in AREAS.values() for g in globs
        )
    )
    print("\nsurviving mutants (see one: .venv/bin/mutmut show NAME):")
    print("\n".join(f"  {name}" for name in survivors) or "  none")
    print("\n" + table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
