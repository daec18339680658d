"""`dekigoto.db`: the tables in one SQLite database, ready for joins.

Each table keeps its declared columns and types (TEXT, INTEGER, REAL; flags as
INTEGER 0/1), its primary key, its foreign keys (`events.source_actor_id` →
`actors.actor_id` ...) and indexes on ids, dates and codes (`pipeline.tables.KEYS`),
so `sqlite3 outputs/dekigoto.db` answers a join at once. An empty text cell (no
target, no URL) is NULL, as SQL expects. The foreign keys are checked after
loading: tables that do not join are an error, not a silent database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pipeline.atomic import atomic_output
from pipeline.read_tables import iter_table
from pipeline.tables import KEYS, TABLES

FILE_NAME = "dekigoto.db"
SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER"}


def create_statements(tables) -> list[str]:
    """CREATE TABLE and CREATE INDEX statements for `tables` (foreign keys only to tables present)."""
    present = set(tables)
    statements = []
    for name in tables:
        keys = KEYS[name]
        lines = [f'  "{c.name}" {SQL_TYPES[c.dtype]}' for c in TABLES[name]]
        lines.append(f"  PRIMARY KEY ({_names(keys.primary)})")
        for fk in keys.foreign:
            if fk.table in present:
                lines.append(f'  FOREIGN KEY ({_names(fk.columns)}) REFERENCES "{fk.table}" ({_names(fk.references)})')
        statements.append(f'CREATE TABLE "{name}" (\n' + ",\n".join(lines) + "\n)")
        indexed = [fk.columns for fk in keys.foreign] + [(c,) for c in keys.indexed]
        for cols in dict.fromkeys(indexed):
            if cols != keys.primary[: len(cols)]:
                statements.append(f'CREATE INDEX "{name}_{"_".join(cols)}" ON "{name}" ({_names(cols)})')
    return statements


def _names(cols) -> str:
    return ", ".join(f'"{c}"' for c in cols)


def write_sqlite(tables_dir: str | Path, out_dir: str | Path, tables) -> Path:
    from pipeline.export import ExportError

    dest = Path(out_dir) / FILE_NAME
    with atomic_output(dest) as tmp:
        tmp.unlink()
        con = sqlite3.connect(tmp)
        try:
            for statement in create_statements(tables):
                con.execute(statement)
            for name in tables:
                _load(con, tables_dir, name)
            con.commit()
            problems = con.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                table, rowid, parent, _ = problems[0]
                raise ExportError(
                    f"{tables_dir}: {len(problems)} rows refer to rows that do not exist "
                    f"(first: {table} row {rowid} -> {parent}); are the tables from one extraction?"
                )
            con.execute("ANALYZE")
            con.commit()
        finally:
            con.close()
    return dest


def _load(con: sqlite3.Connection, tables_dir, name: str) -> None:
    cols = TABLES[name]
    insert = f'INSERT INTO "{name}" VALUES ({", ".join("?" * len(cols))})'
    for chunk in iter_table(tables_dir, name):
        for c in cols:
            if c.dtype == "str":
                chunk[c.name] = chunk[c.name].where(chunk[c.name] != "", None)
            elif c.dtype == "bool":
                chunk[c.name] = chunk[c.name].astype(int)
        chunk = chunk.astype(object).where(chunk.notna(), None)
        con.executemany(insert, chunk.itertuples(index=False, name=None))
