"""axe in Chromium, light and dark, phone and desktop: the demo, and brand colours at the extremes.

Phones read in dark mode at night, which is when brand managers catch up on their inbox; a
creator's navy on the dark background, or yellow on white, must still read (WCAG AA).
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mediakit.project.profile import Colors
from tests.browser import ARGS, CHROMIUM, serving
from tests.helpers import needs

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
EXTREMES = {"white": "#ffffff", "black": "#000000", "yellow": "#ffff00", "navy": "#000080"}
EXTREME_PAGES = ("index.html", "report.html", "pitches/liffey-audio.html")

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")


@pytest.fixture(scope="module")
def sites(demo_site: Path, demo_inputs, tmp_path_factory) -> dict[str, Path]:
    """The demo as built, and the demo's pages rendered with each extreme brand colour."""
    folders = {"demo": demo_site}
    for name, colour in EXTREMES.items():
        profile = demo_inputs.profile.model_copy(
            update={"colors": Colors(primary=colour, accent=colour)})
        out = tmp_path_factory.mktemp(f"colours-{name}")
        for path, data in demo_inputs.render(profile=profile).items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(data)
        folders[name] = out
    return folders


@pytest.fixture(scope="module")
def root(sites: dict[str, Path]) -> Iterator[str]:
    """One local server for all the sites (each under its own folder)."""
    top = next(iter(sites.values())).parent.parent / "colour-sites"
    top.mkdir(exist_ok=True)
    for name, folder in sites.items():
        link = top / name
        if not link.exists():
            link.symlink_to(folder, target_is_directory=True)
    with serving(top) as url:
        yield url


@pytest.fixture(scope="module")
def violations(root: str, demo_pages: list[str]) -> dict[tuple[str, str, str, int], list[str]]:
    """axe's colour-contrast findings for every (site, page, scheme, width) visited: one
    Chromium per scheme, side by side (Playwright wants one instance per thread)."""
    visits = [("demo", page) for page in demo_pages]
    visits += [(name, page) for name in EXTREMES for page in EXTREME_PAGES]
    found: dict[tuple[str, str, str, int], list[str]] = {}
    with ThreadPoolExecutor(max_workers=len(SCHEMES)) as threads:
        for part in threads.map(lambda scheme: _contrast(root, visits, scheme), SCHEMES):
            found.update(part)
    return found


def _contrast(root: str, visits: list[tuple[str, str]],
              scheme: str) -> dict[tuple[str, str, str, int], list[str]]:
    found: dict[tuple[str, str, str, int], list[str]] = {}
    axe = axe_module.Axe()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          color_scheme=scheme)
            page = context.new_page()
            page.route("**/*", lambda route, request: route.continue_()
                       if request.url.startswith(root) else route.abort())
            for site, name in visits:
                page.goto(f"{root}{site}/{name}", wait_until="load")
                report = axe.run(page, options={"runOnly": ["color-contrast"]})
                found[(site, name, scheme, width)] = [
                    f"{node['target']}: {node['any'][0]['message'] if node['any'] else ''}"
                    for violation in report.response["violations"]
                    for node in violation["nodes"]]
            context.close()
        browser.close()
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_demo_page_reads_in_both_schemes(violations, demo_pages, scheme, width):
    bad = {name: violations[("demo", name, scheme, width)] for name in demo_pages
           if violations[("demo", name, scheme, width)]}
    assert bad == {}


@pytest.mark.parametrize("colour", sorted(EXTREMES))
@pytest.mark.parametrize("scheme", SCHEMES)
def test_extreme_brand_colours_still_read(violations, colour, scheme):
    bad = {(name, width): violations[(colour, name, scheme, width)]
           for name in EXTREME_PAGES for width in WIDTHS
           if violations[(colour, name, scheme, width)]}
    assert bad == {}
