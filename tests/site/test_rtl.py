"""Right to left: the demo with ``<html dir="rtl">`` in Chromium at a phone's width.

The theme's CSS is written in logical properties (start/end, inline), so ``dir="rtl"`` (which an
Arabic kit gets) must mirror the layout without a horizontal scroll, while figures keep their
left-to-right order ("+0.7%", not "0.7%+") and the charts stay drawn left to right.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import ARGS, CHROMIUM, serving
from tests.helpers import needs

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")

PHONE = 390
#: Where the screenshots go (look at them): MEDIAKIT_SCREENSHOTS or the test's temp folder.
SHOTS = os.environ.get("MEDIAKIT_SCREENSHOTS")

RTL = "document.documentElement.setAttribute('dir', 'rtl')"


@pytest.fixture(scope="module")
def phone(demo_site: Path) -> Iterator[tuple[object, str]]:
    with serving(demo_site) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": PHONE, "height": 900})
        page = context.new_page()
        page.route("**/*", lambda route, request: route.continue_()
                   if request.url.startswith(url) else route.abort())
        yield page, url
        browser.close()


def open_rtl(phone: tuple[object, str], name: str) -> object:
    page, url = phone
    page.goto(url + name, wait_until="load")
    page.evaluate(RTL)
    return page


def test_no_page_scrolls_sideways_right_to_left(phone, demo_pages: list[str],
                                                tmp_path: Path) -> None:
    wide = {}
    for name in demo_pages:
        page = open_rtl(phone, name)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[name] = overflow
    assert wide == {}
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "pitches/carnet-mauve.html"):
        open_rtl(phone, name).screenshot(path=str(folder / f"rtl-{name.replace('/', '-')}.png"),
                                         full_page=True)
        assert (folder / f"rtl-{name.replace('/', '-')}.png").stat().st_size > 10_000


def test_the_layout_mirrors(phone) -> None:
    page = open_rtl(phone, "index.html")
    found = page.evaluate("""() => {
        const box = (el) => el.getBoundingClientRect();
        const text = (el) => { const r = document.createRange(); r.selectNodeContents(el);
                               return r.getBoundingClientRect(); };
        const quote = document.querySelector('.testimonial');
        const style = getComputedStyle(quote);
        const row = document.querySelector('.rates tr, table tr');
        const [label, price] = row.querySelectorAll('td, th');
        const stat = document.querySelector('.stat');
        const big = stat.querySelector('.big');
        return {
          borderRight: style.borderRightWidth, borderLeft: style.borderLeftWidth,
          paddingRight: style.paddingRight, paddingLeft: style.paddingLeft,
          labelRight: box(label).right, priceRight: box(price).right,
          statRight: box(stat).right, bigRight: text(big).right,
        };
    }""")
    # the testimonial's rule and indent move to the right-hand side
    assert (found["borderRight"], found["borderLeft"]) == ("3px", "0px")
    assert (found["paddingRight"], found["paddingLeft"]) == ("16px", "0px")
    # a rate's description comes first from the right, its price after it (to its left)
    assert found["priceRight"] < found["labelRight"]
    # a headline number sits at the right of its card, like its label (16 px of padding)
    assert found["statRight"] - found["bigRight"] == pytest.approx(16, abs=2)


def test_figures_keep_their_order_and_charts_stay_left_to_right(phone) -> None:
    page = open_rtl(phone, "report.html")
    signed = page.evaluate("""() => {
        const cell = [...document.querySelectorAll('td.num')].find(
            (td) => /^\\+\\d/.test(td.textContent.trim()));
        const range = document.createRange();
        const text = cell.firstChild;
        const at = (i) => { range.setStart(text, i); range.setEnd(text, i + 1);
                            return range.getBoundingClientRect().left; };
        const last = text.textContent.length - 1;
        return {text: text.textContent, sign: at(0), digit: at(1), end: at(last),
                cellLeft: cell.getBoundingClientRect().left};
    }""")
    assert re.fullmatch(r"\+[\d,.]+%?", signed["text"])
    # "+353" reads left to right: the sign left of the first digit, the last character rightmost
    assert signed["sign"] < signed["digit"] < signed["end"] or len(signed["text"]) == 2
    chart_direction = page.evaluate(
        "getComputedStyle(document.querySelector('.chart svg text')).direction")
    assert chart_direction == "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
