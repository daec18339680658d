"""Exports: each format round-trips through the tool that reads it, and hostile
text (formula starters, markup, line breaks, tabs, NUL) survives in every one."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.export import FORMATS, ExportError, export
from pipeline.export.excel_csv import neutralise
from pipeline.export.gdelt import GDELT_COLUMNS, actor_code, fraction_date, gdelt_day
from pipeline.export.xlsx import display_width, write_xlsx
from pipeline.read_tables import read_table
from pipeline.synthetic import HOSTILE, write_synthetic_tables
from pipeline.tables import CORE_TABLES, TABLES

runner = CliRunner()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Synthetic tables with hostile text, and every export of them."""
    tables = write_synthetic_tables(tmp_path_factory.mktemp("hostile"), 60, hostile=True)
    export(tables, FORMATS)
    return tables


def _texts(tables, table: str) -> set[str]:
    df = read_table(tables, table)
    return {v for c in TABLES[table] if c.dtype == "str" for v in df[c.name]}


def test_the_fixture_holds_every_hostile_string(hostile):
    texts = set().union(*(_texts(hostile, t) for t in ("articles", "actors", "events")))
    assert set(HOSTILE) <= texts


# ------------------------------------------------------------------------ xlsx


def test_xlsx_round_trips_through_openpyxl(hostile):
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.utils.escape import unescape

    book = openpyxl.load_workbook(hostile / "dekigoto.xlsx")
    assert book.sheetnames == list(CORE_TABLES)
    for name in CORE_TABLES:
        sheet = book[name]
        df = read_table(hostile, name)
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == [c.name for c in TABLES[name]]
        assert len(rows) == len(df) + 1
        assert sheet.freeze_panes == "A2"
        for column, (i, c) in zip(TABLES[name], enumerate(TABLES[name]), strict=True):
            got = [row[i] for row in rows[1:]]
            want = df[c.name].tolist()
            if column.dtype == "str":
                # Control characters (NUL) are stored as Excel's _xHHHH_ escape, which
                # Excel reverses and openpyxl leaves to openpyxl.utils.escape.unescape.
                got = [unescape(v) if v else v for v in got]
                want = [v if v else None for v in want]
            assert got == want, (name, c.name)


def test_xlsx_writes_text_as_text_and_no_formula(hostile):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(hostile / "dekigoto.xlsx")
    kinds = {cell.data_type for sheet in book for row in sheet.iter_rows() for cell in row}
    assert "f" not in kinds  # no formula anywhere
    codes = [row[9] for row in book["events"].iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in codes)
    assert any(cell.value.startswith("0") for cell in codes)  # 050 stays 050


def test_xlsx_continues_a_long_table_on_another_sheet(tmp_path, hostile):
    openpyxl = pytest.importorskip("openpyxl")
    write_xlsx(hostile, tmp_path, ["events"], max_rows=25)
    book = openpyxl.load_workbook(tmp_path / "dekigoto.xlsx")
    assert book.sheetnames == ["events", "events 2", "events 3"]
    assert sum(sheet.max_row - 1 for sheet in book) == 60


@pytest.mark.parametrize(("text", "width"), [("abc", 3), ("ベラルーシ", 10), ("米国 USA", 8)])
def test_display_width_counts_wide_characters_twice(text, width):
    assert display_width(text) == width


# ---------------------------------------------------------------------- sqlite


def test_sqlite_holds_the_tables_with_keys(hostile):
    con = sqlite3.connect(hostile / "dekigoto.db")
    for name in CORE_TABLES:
        assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(read_table(hostile, name))
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = {(row[2], row[3]) for row in con.execute("PRAGMA foreign_key_list(events)")}
    assert ("actors", "source_actor_id") in fks and ("articles", "article_id") in fks
    indexes = {row[1] for row in con.execute("PRAGMA index_list(events)")}
    assert {"events_date", "events_event_code", "events_source_actor_id"} <= indexes
    plan = " ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN SELECT * FROM events WHERE event_code = '050'"))
    assert "USING INDEX" in plan


def test_sqlite_keeps_text_and_answers_joins(hostile):
    con = sqlite3.connect(hostile / "dekigoto.db")
    texts = {r[0] for r in con.execute("SELECT evidence FROM events")}
    assert {h for h in HOSTILE} & texts == {h for h in HOSTILE} & _texts(hostile, "events")
    assert con.execute("SELECT count(*) FROM events WHERE target_actor_id = ''").fetchone()[0] == 0  # NULL, not ''
    rows = con.execute(
        "SELECT e.event_code, s.name_ja, a.title FROM events e JOIN actors s ON s.actor_id = e.source_actor_id "
        "JOIN articles a USING (article_id) ORDER BY e.event_id LIMIT 3"
    ).fetchall()
    assert len(rows) == 3 and all(isinstance(code, str) and len(code) >= 3 for code, _, _ in rows)


def test_sqlite_refuses_tables_that_do_not_join(tmp_path):
    tables = write_synthetic_tables(tmp_path, 20)
    events = read_table(tables, "events")
    events.loc[0, "source_actor_id"] = "NOBODY"
    events.to_csv(tables / "events.csv", index=False)
    with pytest.raises(ExportError, match="refer to rows that do not exist"):
        export(tables, ["sqlite"])
    assert not (tables / "dekigoto.db").exists()


def test_sqlite_of_the_sample_article(sample_tables, tmp_path):
    tables, _ = sample_tables
    (path,) = export(tables, ["sqlite"], out_dir=tmp_path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT event_code FROM events WHERE event_code LIKE '0%' LIMIT 1").fetchone()


# ----------------------------------------------------------------- datapackage


def test_datapackage_is_valid_and_types_the_codes(hostile):
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(hostile / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:5]
    package = frictionless.Package(str(hostile / "datapackage.json"))
    events = package.get_resource("events")
    row = events.read_rows()[0]
    assert isinstance(row["event_code"], str) and isinstance(row["quad_class"], int) and isinstance(row["symmetric"], bool)


def test_datapackage_describes_every_column_once(hostile):
    descriptor = json.loads((hostile / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert list(resources) == list(CORE_TABLES)
    fields = resources["events"]["schema"]["fields"]
    assert [f["name"] for f in fields] == [c.name for c in TABLES["events"]]
    assert {f["name"]: f["type"] for f in fields}["event_code"] == "string"
    assert resources["event_mentions"]["schema"]["foreignKeys"][0]["reference"]["resource"] == "events"


def test_extract_writes_the_datapackage_beside_the_csv(sample_tables):
    tables, _ = sample_tables
    descriptor = json.loads((tables / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == [f"{t}.csv" for t in CORE_TABLES]


# ------------------------------------------------------------------- excel csv


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("+81-3", "'+81-3"),
        ("-1+2", "'-1+2"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝全角", "'＝全角"),  # full-width forms, as Japanese input types them
        ("ベラルーシ", "ベラルーシ"),
        ("a=b", "a=b"),  # only the first character counts
        ("", ""),
    ],
)
def test_neutralise_prefixes_formula_starters(cell, safe):
    assert neutralise(pd.Series([cell], dtype=str)).tolist() == [safe]


def test_excel_csv_has_bom_crlf_and_neutralised_cells(hostile):
    raw = (hostile / "excel" / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    original = read_table(hostile, "events")
    copy = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(copy.columns) == list(original.columns)
    for c in TABLES["events"]:
        got = copy[c.name]
        if c.dtype == "str":
            want = neutralise(original[c.name])
            assert got.tolist() == want.tolist(), c.name
            assert not got.str.match(r"^[=+\-@\t]").any()
    assert (copy["goldstein"].str.startswith("-")).any()  # negative numbers stay numbers


def test_default_csv_stays_raw_utf8(hostile):
    raw = (hostile / "events.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"=cmd|' /C calc'!A0" in raw


# ----------------------------------------------------------------------- gdelt


def _gdelt_rows(tables) -> list[list[str]]:
    text = (tables / "events.gdelt.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.split("\n")[:-1]]


def test_gdelt_rows_have_61_typed_columns(hostile):
    rows = _gdelt_rows(hostile)
    events = read_table(hostile, "events")
    assert len(GDELT_COLUMNS) == 61 and len(rows) == len(events)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for number, row in enumerate(rows, start=1):
        assert len(row) == 61
        assert row[col["GlobalEventID"]] == str(number)
        assert len(row[col["Day"]]) == 8 and row[col["Day"]].isdigit()
        assert row[col["MonthYear"]] == row[col["Day"]][:6] and row[col["Year"]] == row[col["Day"]][:4]
        float(row[col["FractionDate"]])
        float(row[col["GoldsteinScale"]])
        assert row[col["QuadClass"]] in {"1", "2", "3", "4"}
        assert row[col["EventRootCode"]] == row[col["EventCode"]][:2]
        assert row[col["EventBaseCode"]] == row[col["EventCode"]][:3]
        assert row[col["AvgTone"]] == "" and row[col["NumArticles"]] == "1"
        assert len(row[col["DATEADDED"]]) == 14


def test_gdelt_maps_an_event(hostile):
    events = read_table(hostile, "events")
    row = _gdelt_rows(hostile)[0]
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    ev = events.iloc[0]
    assert row[col["EventCode"]] == ev["event_code"]
    assert row[col["Actor1CountryCode"]] == ev["source_country"]
    assert row[col["Actor1Name"]] == ev["source_name_en"].upper().replace("\t", " ").replace("\n", " ").replace("\x00", " ")
    assert row[col["Day"]] == gdelt_day(ev["date"])


def test_gdelt_fields_never_hold_a_tab_or_line_break(hostile):
    text = (hostile / "events.gdelt.tsv").read_text(encoding="utf-8")
    assert "\x00" not in text and "\r" not in text
    assert "=CMD|' /C CALC'!A0" in text  # other characters are kept (upper-cased as GDELT names are)


@pytest.mark.parametrize(
    ("date", "day"), [("2025-12-05", "20251205"), ("2025-12", "20251201"), ("2025", "20250101"), ("XXXX-08", ""), ("", "")]
)
def test_gdelt_day_takes_the_first_day_of_a_period(date, day):
    assert gdelt_day(date) == day


def test_fraction_date_follows_gdelt():
    assert fraction_date("20250101") == "2025.0849"  # 2025 + (1 * 30 + 1) / 365
    assert fraction_date("") == ""


@pytest.mark.parametrize(
    ("country", "sector", "kind", "code"),
    [("BLR", "", "STATE", "BLR"), ("BLR", "GOV", "GOVERNMENT", "BLRGOV"), ("", "", "IGO", "IGO"), ("", "", "REGION", "")],
)
def test_actor_codes_are_cameo_style(country, sector, kind, code):
    assert actor_code(country, sector, kind) == code


# ------------------------------------------------------------------------- cli


def test_cli_export_writes_each_format(tmp_path):
    tables = write_synthetic_tables(tmp_path, 15)
    result = runner.invoke(app, ["export", "--out", str(tables), "--format", "sqlite", "--format", "gdelt"])
    assert result.exit_code == 0, result.output
    assert "sqlite ->" in result.output and (tables / "dekigoto.db").exists() and (tables / "events.gdelt.tsv").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "pdf"], "unknown export format 'pdf'"), (["--format", "xlsx"], "no tables here")],
)
def test_cli_export_errors(tmp_path, args, message):
    result = runner.invoke(app, ["export", "--out", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.output


def test_cli_extract_excel_csv(sample_tables, tmp_path):
    _, corpus = sample_tables
    result = runner.invoke(app, ["extract", str(corpus), "--out", str(tmp_path), "-q", "--excel-csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((tmp_path / "excel" / "events.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "event_id" and len(rows) > 1


def test_what_only_reads_tables_is_left_out_of_the_analysis_fingerprint():
    from pathlib import Path

    import pipeline
    from pipeline.extract import TABLE_READERS

    # A change to the report or the exports must not re-analyse the corpus; a renamed
    # module here would silently start doing so.
    assert all((Path(pipeline.__file__).parent / name).exists() for name in TABLE_READERS)
