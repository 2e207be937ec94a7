"""The group kit in a real browser, at a phone's width and a laptop's: it fits, it asks no other
host for anything, it logs no error, and axe finds no accessibility violation.

Set MEDIAKIT_SCREENSHOTS=<folder> to keep the screenshots (group-390.png, group-1280.png).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mediakit.roster.build import build_roster
from tests.browser import ARGS, CHROMIUM, serving
from tests.group_case import make_group
from tests.helpers import needs

WIDTHS = (390, 1280)

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")


@pytest.fixture(scope="module")
def visits(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, dict]]:
    root = tmp_path_factory.mktemp("group-browser")
    build_roster(make_group(root), out_dir=root / "site", today=date(2026, 11, 20))
    keep = os.environ.get("MEDIAKIT_SCREENSHOTS")
    results: dict[int, dict] = {}
    with serving(root / "site") as server, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            record: dict[str, list[str]] = {"requests": [], "console": []}
            page.route("**/*", functools.partial(_route, record))
            page.on("console", lambda m, r=record: r["console"].append(m.text)
                    if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda error, r=record: r["console"].append(str(error)))
            response = page.goto(server + "index.html", wait_until="load")
            shot = page.screenshot(full_page=True)
            if keep:
                (Path(keep) / f"group-{width}.png").write_bytes(shot)
            results[width] = {
                "status": response.status if response else None,
                "overflow": page.evaluate("document.documentElement.scrollWidth"
                                          " - document.documentElement.clientWidth"),
                "logo": page.evaluate("document.querySelector('img.logo').naturalWidth"),
                "cards": page.locator(".card").count(),
                "violations": [f"{v['id']}: {[n['target'] for n in v['nodes']]}"
                               for v in axe_module.Axe().run(page).response["violations"]]
                if width == WIDTHS[0] else [],
                "shot": shot, **record,
            }
            context.close()
        browser.close()
    yield results


def _route(record: dict[str, list[str]], route, request) -> None:
    record["requests"].append(request.url)
    if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_group_page_fits_and_stays_on_this_host(visits, width):
    visit = visits[width]
    assert visit["status"] == 200 and visit["console"] == []
    assert visit["overflow"] == 0, f"{visit['overflow']} px wider than {width}"
    assert visit["logo"] > 0  # the logo is drawn, from the group's own assets/
    assert visit["cards"] == 4  # three members and the one that failed
    outside = [url for url in visit["requests"] if urlsplit(url).hostname != "127.0.0.1"]
    assert outside == []
    assert visit["shot"][:8] == b"\x89PNG\r\n\x1a\n" and len(visit["shot"]) > 20_000


def test_axe_finds_no_violation_on_the_phone_layout(visits):
    assert visits[WIDTHS[0]]["violations"] == []
