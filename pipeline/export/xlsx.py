"""`dekigoto.xlsx`: one workbook, one sheet per table, for Excel and LibreOffice.

Written with XlsxWriter, cell by cell with the declared type: text is always
written as a text cell (codes stay `050`; a cell starting with `=` is text, never
a formula), numbers as numbers, flags as booleans. The header row is frozen and
filterable, and columns get widths from their content (wide characters count
twice). Memory stays flat (XlsxWriter's constant-memory mode). Excel's limits
apply: a table longer than 1,048,575 rows continues on a second sheet
(`tokens 2`), and a cell holds at most 32,767 characters (longer text is cut).
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

from pipeline.atomic import atomic_output
from pipeline.read_tables import iter_table
from pipeline.tables import TABLES

FILE_NAME = "dekigoto.xlsx"
MAX_DATA_ROWS = 1_048_575  # Excel's 1,048,576 rows less the header
MAX_WIDTH = 60


def display_width(text: str) -> int:
    """Columns a string takes on screen: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_xlsx(tables_dir: str | Path, out_dir: str | Path, tables, max_rows: int = MAX_DATA_ROWS) -> Path:
    import xlsxwriter

    dest = Path(out_dir) / FILE_NAME
    with atomic_output(dest) as tmp:
        workbook = xlsxwriter.Workbook(
            str(tmp),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "nan_inf_to_errors": True,
            },
        )
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "bottom": 1})
        try:
            for name in tables:
                _write_table(workbook, header, tables_dir, name, max_rows)
        finally:
            workbook.close()
    return dest


def _write_table(workbook, header_format, tables_dir, name: str, max_rows: int) -> None:
    cols = TABLES[name]
    sheets: list[list] = []  # [sheet, rows written]
    for chunk in iter_table(tables_dir, name):
        if not sheets:  # an empty table still gets its sheet and header
            sheets.append([_new_sheet(workbook, header_format, name, cols, chunk), 0])
        for values in chunk.itertuples(index=False, name=None):
            if sheets[-1][1] >= max_rows:
                title = f"{name} {len(sheets) + 1}"
                sheets.append([_new_sheet(workbook, header_format, title, cols, chunk), 0])
            entry = sheets[-1]
            sheet, row = entry[0], entry[1] + 1
            entry[1] = row
            for col, (column, value) in enumerate(zip(cols, values, strict=True)):
                if column.dtype == "str":
                    if value:
                        sheet.write_string(row, col, value)
                elif column.dtype == "bool":
                    sheet.write_boolean(row, col, bool(value))
                elif not (isinstance(value, float) and math.isnan(value)):
                    sheet.write_number(row, col, value)
    for sheet, rows in sheets:
        sheet.autofilter(0, 0, rows, len(cols) - 1)


def _new_sheet(workbook, header_format, title: str, cols, sample):
    sheet = workbook.add_worksheet(title[:31])
    for col, column in enumerate(cols):
        sheet.write_string(0, col, column.name, header_format)
        values = sample[column.name].head(1000).astype(str)
        widest = max([display_width(column.name), *(display_width(v) for v in values)])
        sheet.set_column(col, col, min(MAX_WIDTH, widest + 2))
    sheet.freeze_panes(1, 0)
    return sheet
