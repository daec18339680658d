"""Read the tables of an outputs folder back, typed as declared in `pipeline.tables`.

The one entry point for everything built from the tables (the HTML report, the
exports): codes stay text (`050`), counts are integers, flags booleans, and a
missing or damaged table is an error naming the file, so any corpus's tables
work, whoever wrote them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from pipeline.tables import TABLES, typed_from_text


class TableError(ValueError):
    """A table that cannot be read: the message names the file and the reason."""


def table_path(directory: str | Path, table: str) -> Path | None:
    """The file holding `table` in `directory`: `<table>.csv`, else `<table>.parquet`
    (written by `--format parquet`); None when there is neither."""
    directory = Path(directory)
    for suffix in (".csv", ".parquet"):
        path = directory / f"{table}{suffix}"
        if path.exists():
            return path
    return None


def has_table(directory: str | Path, table: str) -> bool:
    return table_path(directory, table) is not None


def read_table(directory: str | Path, table: str) -> pd.DataFrame:
    """The whole table as a DataFrame with the declared columns and types."""
    chunks = list(iter_table(directory, table, chunksize=None))
    return chunks[0]


def read_tables(directory: str | Path, tables) -> dict[str, pd.DataFrame]:
    return {name: read_table(directory, name) for name in tables}


def iter_table(directory: str | Path, table: str, chunksize: int | None = 50_000) -> Iterator[pd.DataFrame]:
    """The table in chunks of at most `chunksize` rows (None: one chunk), so that
    exports of large tables keep memory flat. Always yields at least one chunk."""
    if table not in TABLES:
        raise TableError(f"unknown table {table!r}: one of {', '.join(TABLES)}")
    path = table_path(directory, table)
    if path is None:
        raise TableError(f"{Path(directory) / (table + '.csv')}: table not found (run `dekigoto extract` first)")
    names = [c.name for c in TABLES[table]]
    if path.suffix == ".parquet":
        try:
            df = pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            raise TableError(f"{path}: cannot read Parquet: {exc}") from exc
        _check_columns(path, df.columns, names)
        df = df[names].copy()
        for c in TABLES[table]:
            if c.dtype == "str":
                df[c.name] = df[c.name].fillna("").astype(str)
        yield df
        return
    try:
        reader = pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=chunksize or None
        )
        chunks = [reader] if chunksize is None else reader
        first = True
        for chunk in chunks:
            if first:
                _check_columns(path, chunk.columns, names)
                first = False
            yield _typed(path, table, chunk[names].copy())
        if first:  # an empty file
            raise TableError(f"{path}: empty file, not a table")
    except UnicodeDecodeError as exc:
        raise TableError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except pd.errors.ParserError as exc:
        raise TableError(f"{path}: not a readable CSV table: {exc}") from exc
    except pd.errors.EmptyDataError as exc:
        raise TableError(f"{path}: empty file, not a table") from exc


def _check_columns(path: Path, present, wanted: list[str]) -> None:
    missing = [c for c in wanted if c not in set(present)]
    if missing:
        raise TableError(f"{path}: missing columns {', '.join(missing)}")


def _typed(path: Path, table: str, df: pd.DataFrame) -> pd.DataFrame:
    try:
        return typed_from_text(table, df)
    except (TypeError, ValueError) as exc:
        raise TableError(f"{path}: a value does not have its column's declared type: {exc}") from exc
