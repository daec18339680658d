"""Excel-safe copies of the CSV tables, for people who double-click a CSV.

`outputs/excel/<table>.csv`: UTF-8 with a byte order mark (Excel on a Japanese
Windows machine otherwise reads UTF-8 as Shift_JIS: mojibake), CRLF line ends,
and every text cell that a spreadsheet would run as a formula prefixed with `'`
(OWASP's CSV-injection advice: cells starting with `=`, `+`, `-`, `@`, tab or
carriage return; also their full-width forms, which Japanese input produces).
Numeric columns are left alone, so a negative Goldstein score stays a number.
The default CSV tables stay raw UTF-8: this copy is opt-in. Excel still reads
`050` in a CSV as the number 50: use the xlsx export to keep codes as text.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.atomic import atomic_output
from pipeline.read_tables import iter_table
from pipeline.tables import TABLES

FOLDER = "excel"
FORMULA_START = re.compile(r"^[=+\-@\t\r＝＋－＠]")


def neutralise(series):
    """Text cells a spreadsheet would evaluate, prefixed with an apostrophe."""
    return series.where(~series.str.contains(FORMULA_START), "'" + series)


def write_excel_csv(tables_dir: str | Path, out_dir: str | Path, tables) -> Path:
    folder = Path(out_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name in tables:
        text_columns = [c.name for c in TABLES[name] if c.dtype == "str"]
        with atomic_output(folder / f"{name}.csv") as tmp:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                for i, chunk in enumerate(iter_table(tables_dir, name)):
                    for col in text_columns:
                        chunk[col] = neutralise(chunk[col])
                    chunk.to_csv(fh, index=False, header=(i == 0), lineterminator="\r\n")
    return folder
