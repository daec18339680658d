"""The HTML report: what it sums, and that the page is one self-contained, safe file.
(tests/test_report_browser.py opens it in a real browser.)"""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import ReportError, report_html, script_json, write_report
from pipeline.report.data import article_href, dyads, involvement, labels, network, timeline
from pipeline.synthetic import HOSTILE, write_synthetic_tables
from pipeline.tables import TABLES, frame

runner = CliRunner()


def events(*rows):
    """An events table from (source, code, target, date, quad, goldstein[, symmetric]) tuples."""
    out = []
    blank = {c.name: "" for c in TABLES["events"] if c.dtype == "str"}
    for i, (source, code, target, date, quad, goldstein, *sym) in enumerate(rows):
        out.append(blank | {
            "event_id": f"a:e{i}", "article_id": "a", "date": date, "source_actor_id": source, "event_code": code,
            "event_root_code": code[:2], "target_actor_id": target, "quad_class": quad, "goldstein": goldstein,
            "n_mentions": 1, "symmetric": bool(sym and sym[0]), "confidence": 1.0, "is_caption": False,
        })
    return frame("events", out)


SAMPLE = events(
    ("USA", "085", "BLR", "2025-12-05", 2, 7.0),
    ("USA", "085", "BLR", "2025-12", 2, 7.0),
    ("USA", "111", "BLR", "2025-12", 3, -2.0),
    ("RUS", "1621", "BLR", "2025", 4, -5.6),
    ("BLR", "057", "RUS", "2026-01-10", 1, 8.0, True),
    ("BLR", "014", "", "2026-02", 1, 0.0),
)


def test_timeline_counts_an_event_only_at_scales_its_date_allows():
    t = timeline(SAMPLE)
    month = t["scales"]["month"]
    assert month["periods"] == ["2025-12", "2026-01", "2026-02"]
    assert month["counts"]["2"] == [2, 0, 0] and month["counts"]["3"] == [1, 0, 0]
    assert month["excluded"] == 1  # the event dated 2025 is not put in a month
    assert month["goldstein"][0] == pytest.approx(4.0)
    assert t["scales"]["day"]["periods"] == ["2025-12-05", "2026-01-10"]
    assert t["scales"]["year"]["excluded"] == 0
    assert t["default"] == "month"  # 5 of 6 events have a month


def test_timeline_shows_days_by_default_only_over_a_short_span():
    short = events(("USA", "010", "", "2026-01-03", 1, 0.0), ("USA", "010", "", "2026-02-20", 1, 0.0))
    long = events(("USA", "010", "", "2024-01-03", 1, 0.0), ("USA", "010", "", "2026-02-20", 1, 0.0))
    assert timeline(short)["default"] == "day"
    assert timeline(long)["default"] == "month" and "day" in timeline(long)["scales"]


def test_timeline_leaves_out_days_over_many_years():
    many = events(("USA", "010", "", "2001-01-01", 1, 0.0), ("USA", "010", "", "2025-01-01", 1, 0.0))
    assert set(timeline(many)["scales"]) == {"year", "month"}


def test_dyads_count_pairs_and_keep_joint_acts_undirected():
    d = dyads(SAMPLE).set_index(["source_actor_id", "target_actor_id"])
    assert d.loc[("USA", "BLR"), "events"] == 3
    assert d.loc[("USA", "BLR"), "top_code"] == "085"
    assert bool(d.loc[("BLR", "RUS"), "symmetric"])
    assert ("BLR", "") not in d.index  # no target, no dyad


def test_involvement_counts_both_roles():
    inv = involvement(SAMPLE)
    assert inv.loc["BLR", "as_source"] == 2 and inv.loc["BLR", "as_target"] == 4
    assert inv.index[0] == "BLR"


def test_network_keeps_the_busiest_actors_and_the_links_between_them():
    blank = {c.name: "" for c in TABLES["actors"] if c.dtype == "str"}
    actors = frame("actors", [blank | {"actor_id": a, "n_mentions": n, "n_articles": 1, "in_kb": True}
                              for a, n in (("USA", 5), ("BLR", 9), ("RUS", 4))])
    net = network(involvement(SAMPLE), dyads(SAMPLE), actors, n_nodes=2)
    assert [n["id"] for n in net["nodes"]] == ["BLR", "USA"]
    assert [(e["source"], e["target"]) for e in net["edges"]] == [("USA", "BLR")]
    assert all(-1 <= n["x"] <= 1 and -1 <= n["y"] <= 1 for n in net["nodes"])
    assert net["actors_in_events"] == 3
    assert network(involvement(SAMPLE), dyads(SAMPLE), actors) == network(involvement(SAMPLE), dyads(SAMPLE), actors)


def test_labels_give_english_and_japanese_for_every_root_and_quad():
    lab = labels()
    assert sorted(lab.roots) == [f"{i:02d}" for i in range(1, 21)]
    assert lab.roots["08"] == ("Yield", "譲歩") and sorted(lab.quads) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("url", "path", "corpus", "href"),
    [
        ("https://example.org/a", "a.md", None, "https://example.org/a"),
        ("", "sub/a.md", "corpus", "../corpus/sub/a.md"),
        ("javascript:alert(1)", "a.md", "corpus", "../corpus/a.md"),  # only web addresses are links
        ("", "a.md", None, ""),
    ],
)
def test_article_links(tmp_path, url, path, corpus, href):
    corpus_dir = tmp_path / corpus if corpus else None
    assert article_href(url, path, corpus_dir, tmp_path / "outputs") == href


def test_script_json_cannot_close_the_script_element():
    text = script_json({"evidence": ["</script><script>alert(1)</script>", "a & b <!--"]})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["evidence"][0] == "</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    tables = write_synthetic_tables(tmp_path_factory.mktemp("hostile"), 40, hostile=True)
    return tables, report_html(tables)


def _page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_the_page_is_self_contained(hostile_page):
    _, html = hostile_page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|<iframe", html)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count("</script>") == 3  # data, plotly.js, the report's script: nothing else closes one


def test_hostile_text_stays_data(hostile_page):
    _, html = hostile_page
    data = _page_data(html)
    assert set(HOSTILE) & set(data["events"]["evidence"]) == {h for h in HOSTILE if h in data["events"]["evidence"]}
    assert "</script><script>alert(1)</script>" in data["events"]["evidence"]
    assert "<img src=x" not in html.split('id="report-data">', 1)[1].split("</script>", 1)[0]


def test_the_page_holds_what_the_figures_need(sample_tables):
    tables, corpus = sample_tables
    data = _page_data(report_html(tables, corpus_dir=corpus))
    assert data["summary"]["articles"] == 1 and data["summary"]["events"] == len(data["events"]["columns"]["id"])
    assert set(data["figures"]["timeline"]) == set(data["timeline"]["scales"])
    assert data["figures"]["network"]["layout"]["annotations"]
    names = {a[0]: a[2] for a in data["events"]["actors"]}
    assert names["BLR"] == "ベラルーシ"  # Japanese beside English
    assert data["events"]["articles"][0][4].endswith("corpus/belarus_us_635.md")


def test_the_same_tables_give_the_same_page(hostile_page):
    tables, html = hostile_page
    assert report_html(tables) == html


def test_cli_report(sample_tables, tmp_path):
    tables, corpus = sample_tables
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--out", str(tables), "--corpus", str(corpus), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "report ->" in result.output and out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_cli_report_without_tables_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["report", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "events.csv: table not found" in result.output
    with pytest.raises(ReportError):
        write_report(tmp_path)


def test_a_corpus_without_events_still_gets_a_page(tmp_path):
    data = _page_data(report_html(write_synthetic_tables(tmp_path, 0)))
    assert data["summary"]["events"] == 0 and data["network"]["nodes"] == [] and data["timeline"]["default"] == "year"
