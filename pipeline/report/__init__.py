"""`outputs/report.html`: one self-contained page to look at the events of a corpus.

`write_report(tables_dir)` reads the tables (any corpus's, through
`pipeline.read_tables`), sums what the page shows (`data.py`), builds the Plotly
figures (`figures.py`) and writes one HTML file with plotly.js, the style, the
script and the data inlined: it opens from disk with no network (a Content
Security Policy in the page forbids any request).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from pipeline.atomic import atomic_output
from pipeline.read_tables import read_tables

FILE_NAME = "report.html"
_PLACEHOLDER = re.compile(r"\{\{(css|js|plotly|data|version)\}\}")


class ReportError(ValueError):
    """A report that cannot be made: the message names the file and the reason."""


def _asset(name: str) -> str:
    return (resources.files("pipeline.report") / "assets" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """plotly.js as shipped inside the plotly PyPI package (no CDN)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def script_json(value) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` (article text cannot close the element)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def report_html(tables_dir: str | Path, report_dir: str | Path | None = None, corpus_dir: str | Path | None = None) -> str:
    """The page for the tables in `tables_dir`. Article links are made relative to
    `report_dir` (default `tables_dir`) and point into `corpus_dir` when an
    article has no web address."""
    from pipeline.read_tables import TableError
    from pipeline.report.data import report_data
    from pipeline.report.figures import network_figure, timeline_figure

    tables_dir = Path(tables_dir)
    try:
        tables = read_tables(tables_dir, ("events", "articles", "actors"))
    except TableError as exc:
        raise ReportError(str(exc)) from exc
    data = report_data(
        tables["events"], tables["articles"], tables["actors"],
        corpus_dir=Path(corpus_dir) if corpus_dir else None, report_dir=Path(report_dir or tables_dir),
    )
    names = {a[0]: (a[1], a[2], a[4]) for a in data["events"]["actors"]}
    codes = {c[0]: c[1] for c in data["events"]["codes"]}
    data["figures"] = {
        "timeline": {scale: timeline_figure(info, scale, data["quads"]) for scale, info in data["timeline"]["scales"].items()},
        "network": network_figure(data["network"], names, codes),
    }
    parts = {
        "css": _asset("report.css"),
        "js": _asset("report.js"),
        "plotly": plotly_js().replace("</script", "<\\/script"),
        "data": script_json(data),
        "version": metadata.version("dekigoto"),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("report.html"))


def write_report(tables_dir: str | Path, out_path: str | Path | None = None, corpus_dir: str | Path | None = None) -> Path:
    """Write the report for the tables in `tables_dir` to `out_path`
    (default `<tables_dir>/report.html`); returns the path."""
    dest = Path(out_path) if out_path else Path(tables_dir) / FILE_NAME
    html = report_html(tables_dir, report_dir=dest.parent, corpus_dir=corpus_dir)
    with atomic_output(dest) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return dest
