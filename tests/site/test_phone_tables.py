"""Tables that fit a phone: at 320 and 390 px no page scrolls sideways, no word in a table cell is
cut across two lines ("Pric / e"), and no amount splits ("€1,25 / 0")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import ARGS, CHROMIUM, serving
from tests.helpers import needs

PHONES = (320, 390)

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")

# Every word of every table cell (split at spaces, hyphens, dashes and slashes, where a line may
# break) must sit on one line: its text range has client rects on one line only.
CUT_WORDS = """() => {
  const cut = [];
  for (const cell of document.querySelectorAll("table th, table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const words = /[^\\s\\-\\u2013\\u2014\\/]+/g;
      let m;
      while ((m = words.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                .map(r => Math.round(r.top)));
        if (lines.size > 1) cut.push(m[0]);
      }
    }
  }
  return cut;
}"""


@pytest.fixture(scope="module")
def measured(demo_site: Path, demo_pages: list[str]) -> Iterator[dict]:
    results = {}
    with serving(demo_site) as root, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in PHONES:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.route("**/*", lambda route, request: route.continue_()
                       if request.url.startswith(root) else route.abort())
            for name in demo_pages:
                page.goto(root + name, wait_until="load")
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                results[(name, width)] = (overflow, page.evaluate(CUT_WORDS))
            context.close()
        browser.close()
    yield results


@pytest.mark.parametrize("width", PHONES)
def test_no_page_scrolls_sideways_on_a_small_phone(measured, demo_pages, width):
    assert {name: measured[(name, width)][0] for name in demo_pages
            if measured[(name, width)][0] > 0} == {}


@pytest.mark.parametrize("width", PHONES)
def test_no_word_or_amount_in_a_table_is_cut(measured, demo_pages, width):
    assert {name: measured[(name, width)][1] for name in demo_pages
            if measured[(name, width)][1]} == {}
