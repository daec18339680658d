"""The report in a real browser: headless Chromium (Debian's `chromium`) driven by
Playwright opens report.html from disk, and the timeline, network and events table
render with no console error and no request leaving the file.

Skipped, saying why, where no Chromium is installed; CI (`.ci/run`) installs
Debian's package, so there a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import os

import pytest

from pipeline.report import write_report
from pipeline.report.browser import OpenedReport, chromium, unavailable
from pipeline.synthetic import write_synthetic_tables


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser test cannot run in CI: {reason}")
        pytest.skip(reason)
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


def test_sample_report_renders(browser, sample_tables, tmp_path):
    tables, corpus = sample_tables
    html = write_report(tables, tmp_path / "report.html", corpus_dir=corpus)
    view = OpenedReport(browser, html)
    page = view.page
    assert view.errors == []
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in view.requests), view.requests

    assert view.count("#timeline .main-svg") > 0
    assert view.count("#timeline .trace.bars .point") > 0
    assert view.count("#network .scatterlayer .point") >= 5
    assert view.count("#network .annotation") > 0
    n_rows = view.count("#events tbody tr")
    assert n_rows > 10
    assert "ベラルーシ" in page.locator("#events tbody").inner_text()
    assert view.count("#dyads tbody tr") > 0 and view.count("#actors tbody tr") > 0
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000

    page.fill("#f-actor", "Saudi Arabia")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length < {n_rows}")
    assert "Saudi Arabia" in page.locator("#events tbody").inner_text()
    page.click("#f-reset")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length == {n_rows}")

    page.evaluate("document.getElementById('network').scrollIntoView({behavior: 'instant'})")
    node = page.locator("#network .scatterlayer .trace .point").last.bounding_box()
    page.mouse.move(node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)
    page.mouse.click(node["x"] + node["width"] / 2, node["y"] + node["height"] / 2)
    page.wait_for_function("document.getElementById('f-actor').value !== ''")
    assert view.errors == []


def test_large_hostile_report_pages_and_runs_no_article_text(browser, tmp_path):
    tables = write_synthetic_tables(tmp_path / "tables", 420, hostile=True)
    view = OpenedReport(browser, write_report(tables))
    page = view.page
    assert view.errors == [] and view.dialogs == []
    assert view.count("#events tbody tr") == 50
    assert page.locator("#page-info").inner_text().startswith("page 1 of 9")
    page.click("#page-last")
    assert page.locator("#page-info").inner_text().startswith("page 9 of 9")
    assert view.count("#events tbody tr") == 20
    page.fill("#f-text", "</script>")
    page.wait_for_function("!document.getElementById('match-count').textContent.startsWith('420 of')")
    assert "</script><script>alert(1)</script>" in page.locator("#events tbody").inner_text()
    assert view.count("#events img") == 0 and view.dialogs == [] and view.errors == []
