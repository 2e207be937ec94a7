"""The demo built in French and in Arabic, in Chromium: what a French or Arabic brand opens.

Issue 17's browser check: the French kit at 390 and 1280 px and the Arabic kit (right to left)
at 390 px load without errors, never scroll sideways, request nothing from another host and
pass axe. Screenshots are written to MEDIAKIT_SCREENSHOTS (when set) to be looked at.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM, launched, local_only, serving
from tests.helpers import needs
from tests.site.demo import build_demo, copy_demo

needs(Path(CHROMIUM).is_file(), "Chromium (Debian package: chromium)")
pytest.importorskip("playwright.sync_api", reason="Python playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")

PAGES = ("index.html", "report.html", "methodology.html", "about.html")
CASES = [("fr", "fr_FR", 390), ("fr", "fr_FR", 1280), ("ar", "ar_AE", 390)]
#: Interface words each language's kit must show (from its catalog), and the English it replaces.
WORDS = {"fr": ("Chiffres clés", "Headline numbers"),
         "ar": ("الأرقام الرئيسية", "Headline numbers")}


def _in_language(project: Path, language: str, locale: str) -> Path:
    profile = project / "content/profile.yaml"
    text = profile.read_text("utf-8")
    assert "locale: en_IE" in text and "  language: en\n" in text  # the demo's own settings
    profile.write_text(text.replace("locale: en_IE", f"locale: {locale}", 1)
                       .replace("  language: en\n", f"  language: {language}\n", 1), "utf-8")
    build_demo(project, project / "site")
    return project / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {language: _in_language(copy_demo(tmp_path_factory.mktemp(language)), language, locale)
            for language, locale, _ in CASES[::2]}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with launched() as chromium:
        yield chromium


def test_the_pages_speak_the_kit_language(sites):
    for language, (word, english) in WORDS.items():
        index = (sites[language] / "index.html").read_text("utf-8")
        assert f'<html lang="{language}"' in index
        assert word in index and english not in index, language
    assert 'dir="rtl"' in (sites["ar"] / "index.html").read_text("utf-8")
    assert 'dir="rtl"' not in (sites["fr"] / "index.html").read_text("utf-8")


@pytest.mark.parametrize(("language", "locale", "width"), CASES)
def test_the_kit_in_chromium(sites, browser, language, locale, width):
    shots = os.environ.get("MEDIAKIT_SCREENSHOTS")
    with serving(sites[language]) as url:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.route("**/*", functools.partial(local_only, requests))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            for name in PAGES:
                response = page.goto(url + name, wait_until="load")
                assert response is not None and response.status == 200, name
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, (language, width, name, overflow)
                violations = axe_module.Axe().run(page).response["violations"]
                assert not [f"{v['id']}: {v['nodes'][0]['target']}" for v in violations], (
                    language, width, name)
                if shots:
                    page.screenshot(path=str(Path(shots) / f"{language}-{width}-{name}.png"),
                                    full_page=True)
        finally:
            context.close()
        assert not errors, errors
        assert all(urlsplit(r).hostname == "127.0.0.1" or r.startswith("data:")
                   for r in requests), requests
