"""One date style per page: every date mediakit writes is in the kit's locale ("16 Nov 2026"),
so "27 Feb 2026" never sits beside "2025-03-25". Dates the creator typed stay as typed."""

from __future__ import annotations

import re
from pathlib import Path

from tests.site.demo import REPO

ISO = re.compile(r"\b20\d\d-\d\d(?:-\d\d)?\b")


def _visible_text(page: Path) -> str:
    html = page.read_text("utf-8")
    html = re.sub(r"<(svg|script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)  # attributes (datetime="...") are for machines


def test_every_date_mediakit_writes_follows_the_locale(demo_site: Path):
    typed = "\n".join(path.read_text("utf-8") for path in (REPO / "content").rglob("*")
                      if path.suffix in (".yaml", ".md"))
    found = {}
    for page in sorted(demo_site.rglob("*.html")):
        own = [day for day in ISO.findall(_visible_text(page)) if day not in typed]
        if own:
            found[page.relative_to(demo_site).as_posix()] = own
    assert found == {}


def test_the_data_tables_beside_charts_use_the_locales_months(demo_site: Path):
    text = _visible_text(demo_site / "index.html")
    # the followers chart's table: one row per month, "Nov 2026" (en_IE), not "2026-11"
    assert re.search(r"Nov 2026\s+47,960", text)
