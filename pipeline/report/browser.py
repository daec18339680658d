"""Open the report in headless Chromium (Debian's `chromium`, driven by Playwright):
for the browser test, `make bench`'s load time and the screenshot in docs/.

Playwright is a development dependency and is imported only here, when called.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Flags that let Chromium run as root on a machine with no network and no screen.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}


def find_chromium() -> str | None:
    """The Chromium to drive: $DEKIGOTO_CHROMIUM, else `chromium` on PATH."""
    return os.environ.get("DEKIGOTO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def unavailable() -> str | None:
    """Why the report cannot be opened in a browser here, or None when it can."""
    if not find_chromium():
        return "no Chromium installed (apt-get install chromium, or set DEKIGOTO_CHROMIUM)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (make setup installs it)"
    return None


@contextmanager
def chromium(profile_dir: str | Path | None = None) -> Iterator:
    """A headless Chromium browser context with a fresh profile (user data dir)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="dekigoto-chromium-") as fresh, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile_dir or fresh), executable_path=find_chromium(), headless=True,
            args=CHROMIUM_FLAGS, viewport=VIEWPORT,
        )
        try:
            yield context
        finally:
            context.close()


class OpenedReport:
    """A report opened from disk and drawn, with what happened on the way: console
    errors, every request made, dialogs opened, and the seconds until it was ready."""

    def __init__(self, context, path: str | Path, timeout_ms: int = 120_000):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        started = time.perf_counter()
        self.page.goto(Path(path).resolve().as_uri())
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout_ms)
        self.seconds = time.perf_counter() - started

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()


def screenshot(html: str | Path, png: str | Path, height: int | None = None) -> Path:
    """A screenshot of the drawn report: the whole page, or its first `height` pixels."""
    with chromium() as context:
        opened = OpenedReport(context, html)
        if height:
            opened.page.screenshot(path=str(png), clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height},
                                   full_page=True)
        else:
            opened.page.screenshot(path=str(png), full_page=True)
    return Path(png)
