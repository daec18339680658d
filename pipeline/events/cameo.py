"""The CAMEO codebook table (pipeline/data/cameo_event_codes.tsv), read once."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CameoCode:
    code: str  # "0841"
    root: str  # "08"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    label: str


@lru_cache(maxsize=1)
def load_cameo() -> dict[str, CameoCode]:
    """code -> CameoCode for every row of the CAMEO table."""
    path = resources.files("pipeline") / "data" / "cameo_event_codes.tsv"
    out: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            code = row["cameo_code"].strip()
            out[code] = CameoCode(
                code=code,
                root=row["root_code"].strip(),
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
                label=row["description"].strip(),
            )
    return out


def root_of(code: str) -> str:
    entry = load_cameo().get(code)
    return entry.root if entry else code[:2]
