"""`datapackage.json`: the tables described as a Frictionless Data Package.

Generated from the one column declaration (`pipeline.tables.TABLES` and `KEYS`),
so frictionless, R (`frictionless` package) and pandas readers can type each
column as declared: CAMEO codes as strings (`050` stays `050`), counts as
integers, flags as booleans; with primary and foreign keys.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pipeline.atomic import atomic_output
from pipeline.read_tables import table_path
from pipeline.tables import KEYS, TABLES

FILE_NAME = "datapackage.json"
FIELD_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}


def datapackage(tables_dir: str | Path, tables, base_dir: str | Path | None = None) -> dict:
    """The descriptor of `tables` stored in `tables_dir`; resource paths are relative
    to `base_dir` (where datapackage.json is written; default `tables_dir`)."""
    tables_dir = Path(tables_dir)
    base_dir = Path(base_dir) if base_dir is not None else tables_dir
    resources = []
    for name in tables:
        path = table_path(tables_dir, name) or tables_dir / f"{name}.csv"
        rel = Path(os.path.relpath(path, base_dir)).as_posix()
        resources.append(_resource(name, rel, path.suffix.lstrip("."), set(tables)))
    return {
        "profile": "tabular-data-package",
        "name": "dekigoto-tables",
        "title": "dekigoto event tables (出来事)",
        "description": "Events coded with CAMEO (who did what to whom, when), actors, mentions, dates and sentences "
        "extracted from news articles by dekigoto. Columns are documented in docs/tables.md.",
        "resources": resources,
    }


def _resource(name: str, path: str, fmt: str, present: set[str]) -> dict:
    keys = KEYS[name]
    schema = {
        "fields": [
            {"name": c.name, "type": FIELD_TYPES[c.dtype], "description": c.doc}
            | ({"trueValues": ["True"], "falseValues": ["False"]} if c.dtype == "bool" else {})
            for c in TABLES[name]
        ],
        "missingValues": [""],
        "primaryKey": list(keys.primary),
        "foreignKeys": [
            {"fields": list(fk.columns), "reference": {"resource": fk.table, "fields": list(fk.references)}}
            for fk in keys.foreign
            if fk.table in present
        ],
    }
    resource = {"name": name, "path": path, "profile": "tabular-data-resource", "format": fmt}
    if fmt == "csv":
        resource |= {
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "doubleQuote": True, "header": True, "lineTerminator": "\n", "quoteChar": '"'},
        }
    return resource | {"schema": schema}


def write_datapackage(tables_dir: str | Path, out_dir: str | Path, tables) -> Path:
    dest = Path(out_dir) / FILE_NAME
    text = json.dumps(datapackage(tables_dir, tables, out_dir), ensure_ascii=False, indent=1) + "\n"
    with atomic_output(dest) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return dest
