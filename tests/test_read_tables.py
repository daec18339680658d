"""Reading the tables back: declared types, and clear errors naming the file."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.read_tables import TableError, iter_table, read_table
from pipeline.synthetic import write_synthetic_tables
from pipeline.tables import TABLES


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return write_synthetic_tables(tmp_path_factory.mktemp("tables"), 40, hostile=True)


def test_columns_have_their_declared_types(tables):
    events = read_table(tables, "events")
    assert list(events.columns) == [c.name for c in TABLES["events"]]
    assert events["event_code"].map(type).eq(str).all()
    assert events["event_code"].str.len().ge(3).all()  # 050 stays 050
    assert events["quad_class"].dtype == "int64" and events["goldstein"].dtype == "float64"
    assert events["symmetric"].dtype == bool


def test_chunks_add_up_to_the_table(tables):
    chunks = list(iter_table(tables, "events", chunksize=7))
    assert len(chunks) == 6
    assert pd.concat(chunks, ignore_index=True).equals(read_table(tables, "events"))


def test_parquet_tables_are_read_too(tmp_path, tables):
    read_table(tables, "events").to_parquet(tmp_path / "events.parquet", index=False)
    assert read_table(tmp_path, "events").equals(read_table(tables, "events"))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "table not found"),
        ("", "empty file"),
        ("event_id,article_id\nx,y\n", "missing columns date"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_bad_tables_are_errors_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "events.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError, match=reason) as err:
        read_table(tmp_path, "events")
    assert "events.csv" in str(err.value)


def test_a_value_of_the_wrong_type_is_an_error(tmp_path):
    header = ",".join(c.name for c in TABLES["articles"])
    (tmp_path / "articles.csv").write_text(header + "\na,a.md,,,ja,,,,many,1,ok,\n", encoding="utf-8")
    with pytest.raises(TableError, match="articles.csv: a value does not have its column's declared type"):
        read_table(tmp_path, "articles")
