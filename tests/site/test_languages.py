"""Choosing the language: a pitch in the brand's language inside a kit in another, and a whole
kit in several languages (``site.languages``) with hreflang links and a language switcher.

The German here is a small catalog written by the test (a few messages, worked out by hand), so
these tests hold whichever catalogs the package ships.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from mediakit import build as build_module
from mediakit.errors import MediakitError
from mediakit.site import i18n
from tests.site.demo import REPO, TODAY

GERMAN = {
    "The proposal": "Das Angebot",
    "What you get": "Ihre Leistungen",
    "Headline numbers": "Kennzahlen",
    "Audience match": "Zielgruppen-Match",
    "Proposal for %(brand)s · %(name)s": "Angebot für %(brand)s · %(name)s",
    "Media kit": "Media-Kit",
    "Growth": "Wachstum",
    "Follower growth": "Follower-Wachstum",
    "Language": "Sprache",
}


def _po(language: str, plural: str, entries: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    head = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
            f'"Language: {language}\\n"\n"Plural-Forms: {plural}\\n"\n\n')
    return head + "".join(f"msgid {quoted(key)}\nmsgstr {quoted(value)}\n\n"
                          for key, value in entries.items())


def _catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, plural: str,
              entries: dict[str, str]) -> Path:
    """The package's catalogs plus one written by the test, where the site and the profile's
    checks both look."""
    from mediakit.project import languages

    folder = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, folder)
    path = folder / language / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_po(language, plural, entries), "utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    monkeypatch.setattr(languages, "LOCALE_DIR", folder)
    return folder


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _catalogs(tmp_path, monkeypatch, "de", "nplurals=2; plural=(n != 1);", GERMAN)


def _project(tmp_path: Path, profile_edit=None, pitch_edit=None) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "content", project / "content",
                    ignore=shutil.ignore_patterns("history"))
    if profile_edit:
        path = project / "content" / "profile.yaml"
        path.write_text(profile_edit(path.read_text("utf-8")), "utf-8")
    if pitch_edit:
        path = project / "content" / "pitches" / "liffey-audio.md"
        path.write_text(pitch_edit(path.read_text("utf-8")), "utf-8")
    return project


def _front_matter(line: str):
    return lambda text: text.replace("---\n", "---\n" + line + "\n", 1)


def _text(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode("utf-8")))


def test_a_pitch_in_german_inside_an_english_kit(german: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, pitch_edit=_front_matter("language: de"))
    files = build_module.render_project(project, today=TODAY).files
    pitch = files["pitches/liffey-audio.html"].decode("utf-8")
    assert '<html lang="de">' in pitch
    assert "<h2 id=\"proposal\">Das Angebot</h2>" in pitch
    assert "<h3>Ihre Leistungen</h3>" in pitch
    assert "<title>Angebot für Liffey Audio · Mara Quinn</title>" in pitch
    assert '<meta property="og:locale" content="de">' in pitch
    # German dates and money: the demo's as-of day, 16 Nov 2026, is 16.11.2026 in German
    assert "16.11.2026" in _text(files["pitches/liffey-audio.html"])
    assert "16 Nov 2026" not in _text(files["pitches/liffey-audio.html"])
    # the kit and the other pitch stay English and Irish-formatted
    index = files["index.html"].decode("utf-8")
    assert '<html lang="en">' in index
    assert '<h2 id="numbers">Headline numbers</h2>' in index
    other = files["pitches/harbour-strings.html"].decode("utf-8")
    assert '<html lang="en">' in other and "The proposal" in other


def test_a_pitch_in_german_draws_its_charts_in_german(german: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, pitch_edit=_front_matter("language: de"))  # with growth
    files = build_module.render_project(project, today=TODAY).files
    pitch = files["pitches/liffey-audio.html"].decode("utf-8")
    index = files["index.html"].decode("utf-8")
    assert "Follower-Wachstum" in pitch and "Follower growth" not in pitch
    assert "Follower growth" in index
    # Babel's German month names on the charts' ticks (Vega's time-format locale)
    assert re.search(r">(Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.?</text>", pitch)
    assert ">Mar</text>" not in pitch


def test_a_pitch_in_an_unknown_language_is_one_clear_error(german: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, pitch_edit=_front_matter("language: tlh"))
    with pytest.raises(MediakitError) as caught:
        build_module.render_project(project, today=TODAY)
    error = caught.value
    assert error.field == "language"
    assert "pitches/liffey-audio.md" in str(error.file)
    assert "'tlh'" in error.message
    assert "de, en" in str(error)


def test_a_kit_in_two_languages(german: Path, tmp_path: Path) -> None:
    project = _project(tmp_path, profile_edit=lambda text: text.replace(
        "site:\n", "site:\n  languages: [de]\n", 1))
    files = build_module.render_project(project, today=TODAY).files
    # the whole kit again under de/, the language-neutral files once
    for page in ("index.html", "report.html", "methodology.html", "about.html",
                 "case-studies/harbour-strings-tour.html"):
        assert page in files and f"de/{page}" in files
    # a pitch is for one brand: one page, in its own language
    assert "pitches/liffey-audio.html" in files and "de/pitches/liffey-audio.html" not in files
    assert "de/assets/preview.png" in files and "de/stats.json" not in files
    assert "de/assets/site.css" not in files and "de/404.html" not in files
    german_kit = files["de/index.html"].decode("utf-8")
    english_kit = files["index.html"].decode("utf-8")
    assert '<html lang="de">' in german_kit
    assert '<h2 id="numbers">Kennzahlen</h2>' in german_kit
    assert 'href="../assets/site.css"' in german_kit  # one stylesheet for every language
    # hreflang alternates and the switcher, both ways
    site = "https://kit.maraquinn.example/"  # the demo's base_url: hreflang takes full addresses
    assert f'<link rel="alternate" hreflang="en" href="{site}">' in german_kit
    assert f'<link rel="alternate" hreflang="de" href="{site}de/">' in german_kit
    assert f'<link rel="alternate" hreflang="de" href="{site}de/">' in english_kit
    switcher = re.search(r'<nav class="languages" aria-label="Sprache">(.*?)</nav>', german_kit,
                         re.S)
    assert switcher is not None
    assert 'hreflang="de" lang="de" aria-current="true">Deutsch</a>' in switcher.group(1)
    assert 'hreflang="en" lang="en">English</a>' in switcher.group(1)
    assert '<nav class="languages" aria-label="Language">' in english_kit
    # a case study one folder down links up twice to the other language's copy
    study = files["de/case-studies/harbour-strings-tour.html"].decode("utf-8")
    assert 'href="../../case-studies/harbour-strings-tour.html" hreflang="en"' in study
    assert 'href="../../assets/site.css"' in study and 'href="../index.html"' in study
    assert f'hreflang="en" href="{site}case-studies/harbour-strings-tour.html"' in study
    # stats.json stays language-neutral: the same bytes as a one-language build
    single = build_module.render_project(_project(tmp_path / "one"), today=TODAY).files
    assert files["stats.json"] == single["stats.json"]
    assert json.loads(files["stats.json"])


def test_an_unknown_kit_language_names_the_key_and_the_languages(german: Path,
                                                                 tmp_path: Path) -> None:
    project = _project(tmp_path, profile_edit=lambda text: text.replace(
        "site:\n", "site:\n  languages: [de, tlh]\n", 1))
    with pytest.raises(MediakitError) as caught:
        build_module.render_project(project, today=TODAY)
    assert caught.value.field == "site.languages[1]"
    assert "'tlh'" in caught.value.message  # the profile's check (mediakit/project/languages.py)


def test_an_arabic_kit_reads_right_to_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plural = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
              ": n%100>=11 ? 4 : 5);")
    _catalogs(tmp_path, monkeypatch, "ar", plural, {"Headline numbers": "الأرقام الرئيسية"})
    project = _project(tmp_path, profile_edit=lambda text: text.replace(
        "locale: en_IE", "locale: ar_AE", 1).replace("  language: en\n", "  language: ar\n", 1))
    index = build_module.render_project(project, today=TODAY).files["index.html"].decode()
    assert '<html lang="ar" dir="rtl">' in index
    assert '<h2 id="numbers">الأرقام الرئيسية</h2>' in index


def test_a_brazilian_locale_alone_gives_brazilian_pages():
    """locale: pt_BR makes the language "pt"; the one Portuguese catalog is Brazil's, so the
    pages are in Portuguese, not English (found by the translators)."""
    from mediakit.site.format import Formatter
    from mediakit.site.i18n import catalog_language

    assert catalog_language("pt") == "pt_BR"
    assert catalog_language("pt-BR") == "pt_BR" and catalog_language("fr-CA") == "fr"
    assert catalog_language("nl") is None
    assert Formatter("pt_BR").gettext("Work with me") == "Trabalhe comigo"
