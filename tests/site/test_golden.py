"""Golden pages: the demo's rendered HTML is pinned, so every template change is reviewed.

The comparison ignores what is not the templates' doing: the mediakit version and the inside of
the chart SVGs (drawn by Vega; tests/test_charts.py covers them). To accept an intended change:

    MEDIAKIT_UPDATE_GOLDEN=1 python -m pytest tests/site/test_golden.py

then review `git diff tests/site/golden/` and commit it with the template change.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from mediakit import __version__

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MEDIAKIT_UPDATE_GOLDEN") == "1"
HOW = ("if the change is intended, run `MEDIAKIT_UPDATE_GOLDEN=1 python -m pytest "
       "tests/site/test_golden.py`, review `git diff tests/site/golden/` and commit it")


def normalise(html: str) -> str:
    """Chart drawings collapsed to a marker, the version replaced, trailing spaces dropped."""
    html = re.sub(r"<svg\b[^>]*>.*?</svg>", "<svg><!-- chart drawn by Vega --></svg>", html,
                  flags=re.DOTALL)
    html = html.replace(f"mediakit {__version__}", "mediakit VERSION")
    return "\n".join(line.rstrip() for line in html.splitlines()) + "\n"


def pinned_files(site: Path) -> list[str]:
    return sorted([p.relative_to(site).as_posix() for p in site.rglob("*.html")]
                  + ["robots.txt"])


def test_golden_files_cover_every_page(demo_site: Path):
    pages = pinned_files(demo_site)
    if UPDATE:
        for stale in GOLDEN.rglob("*"):
            if stale.is_file() and stale.relative_to(GOLDEN).as_posix() not in pages:
                stale.unlink()
        return  # the next test writes the golden files
    golden = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert golden == pages, f"the demo's pages and tests/site/golden/ differ; {HOW}"


def test_rendered_pages_match_the_golden_files(demo_site: Path):
    changed = []
    for name in pinned_files(demo_site):
        actual = normalise((demo_site / name).read_text("utf-8"))
        golden = GOLDEN / name
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, "utf-8")
            continue
        if not golden.is_file():
            changed.append(f"{name}: no golden file")
            continue
        expected = golden.read_text("utf-8")
        if actual != expected:
            diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                        f"golden/{name}", f"site/{name}", lineterm="", n=1)
            changed.append("\n".join(list(diff)[:40]))
    if changed:
        pytest.fail(f"{len(changed)} page(s) differ from the golden files; {HOW}\n\n"
                    + "\n\n".join(changed), pytrace=False)


def test_normalise_keeps_the_markup_and_drops_the_drawing():
    html = ('<figure><svg role="img" viewBox="0 0 10 10"><path d="M0 0"/></svg>'
            f"<figcaption>x</figcaption></figure>  \n<p>mediakit {__version__}</p>")
    assert normalise(html) == ("<figure><svg><!-- chart drawn by Vega --></svg>"
                               "<figcaption>x</figcaption></figure>\n<p>mediakit VERSION</p>\n")
