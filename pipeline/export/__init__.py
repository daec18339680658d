"""Exports of the tables for other tools: Excel, SQLite, GDELT readers, Frictionless.

Each format reads the tables of an outputs folder through `pipeline.read_tables`
(so it works for any corpus, and codes stay text) and writes its file atomically.
`export(tables_dir, formats)` is the one entry point; the CLI only calls it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.read_tables import TableError, has_table
from pipeline.tables import TABLES


class ExportError(ValueError):
    """An export that cannot be made: the message names the file and the reason."""


def present_tables(directory: str | Path) -> list[str]:
    """The tables of `directory`, in declaration order; an error when it holds none."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ExportError(f"{directory}: tables folder not found")
    names = [name for name in TABLES if has_table(directory, name)]
    if not names:
        raise ExportError(f"{directory}: no tables here (run `dekigoto extract` first)")
    return names


def _writers():
    from pipeline.export.datapackage import write_datapackage
    from pipeline.export.excel_csv import write_excel_csv
    from pipeline.export.gdelt import write_gdelt
    from pipeline.export.sqlite import write_sqlite
    from pipeline.export.xlsx import write_xlsx

    return {
        "xlsx": write_xlsx,
        "sqlite": write_sqlite,
        "gdelt": write_gdelt,
        "excel-csv": write_excel_csv,
        "datapackage": write_datapackage,
    }


FORMATS = ("xlsx", "sqlite", "gdelt", "excel-csv", "datapackage")


def export(tables_dir: str | Path, formats, out_dir: str | Path | None = None) -> list[Path]:
    """Write each of `formats` (see FORMATS) from the tables in `tables_dir` into
    `out_dir` (default: the same folder). Returns the paths written."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"unknown export format {unknown[0]!r}: use {', '.join(FORMATS)}")
    tables_dir = Path(tables_dir)
    out_dir = Path(out_dir) if out_dir is not None else tables_dir
    names = present_tables(tables_dir)
    writers = _writers()
    written = []
    try:
        for fmt in formats:
            written.append(writers[fmt](tables_dir, out_dir, names))
    except TableError as exc:
        raise ExportError(str(exc)) from exc
    return written
