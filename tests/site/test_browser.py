"""The built demo in headless Chromium: phone and desktop widths, no errors, nothing external.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright, never a downloaded browser, and
axe-core for accessibility. The site is served by http.server on 127.0.0.1; every request the
page makes is recorded, and any that would leave this machine is aborted and reported.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import ARGS, CHROMIUM, serving
from tests.helpers import needs

WIDTHS = (390, 1280)

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")


@pytest.fixture(scope="module")
def server(demo_site: Path) -> Iterator[str]:
    with serving(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _route(record: dict[str, list[str]], route, request) -> None:
    """Record every request; let through only those to this machine."""
    record["requests"].append(request.url)
    if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


def _console(record: dict[str, list[str]], message) -> None:
    if message.type in ("error", "warning"):
        record["console"].append(f"{message.type}: {message.text}")


@pytest.fixture(scope="module")
def visits(browser, server: str, demo_pages: list[str]) -> dict[tuple[str, int], dict]:
    """Load every page at both widths once; record errors, requests, widths and axe results."""
    results: dict[tuple[str, int], dict] = {}
    axe = axe_module.Axe()
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        record: dict[str, list[str]] = {"requests": [], "console": []}
        page.route("**/*", functools.partial(_route, record))
        page.on("console", functools.partial(_console, record))
        page.on("pageerror", lambda error, record=record: record["console"].append(
            f"page error: {error}"))
        for name in demo_pages:
            record["requests"].clear()
            record["console"].clear()
            response = page.goto(server + name, wait_until="load")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            violations = []
            if width == WIDTHS[0]:  # axe once per page; the phone layout is the primary one
                report = axe.run(page)
                violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. "
                              f"{v['nodes'][0]['target']})" for v in report.response["violations"]]
            results[(name, width)] = {
                "status": response.status if response else None,
                "console": list(record.get("console", [])),
                "requests": list(record.get("requests", [])),
                "overflow": overflow,
                "violations": violations,
            }
        context.close()
    return results


def test_the_demo_has_the_pages_a_brand_is_sent(demo_pages: list[str]):
    for name in ("index.html", "404.html", "pitches/liffey-audio.html",
                 "case-studies/liffey-audio-home-studio.html"):
        assert name in demo_pages


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_loads_without_console_errors(visits, demo_pages, width):
    for name in demo_pages:
        visit = visits[(name, width)]
        assert visit["status"] == 200, name
        assert visit["console"] == [], (name, width, visit["console"])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(visits, demo_pages, width):
    wide = {name: visits[(name, width)]["overflow"] for name in demo_pages
            if visits[(name, width)]["overflow"] > 0}
    assert wide == {}, f"pages wider than {width} px (extra px): {wide}"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_request_leaves_localhost(visits, demo_pages, width):
    for name in demo_pages:
        requests = visits[(name, width)]["requests"]
        assert requests, name  # the route saw the page itself
        outside = [url for url in requests if urlsplit(url).hostname not in ("127.0.0.1", None)]
        assert outside == [], (name, outside)


def test_axe_finds_no_accessibility_violation(visits, demo_pages):
    found = {name: visits[(name, WIDTHS[0])]["violations"] for name in demo_pages
             if visits[(name, WIDTHS[0])]["violations"]}
    assert found == {}, found
