"""The creator's own words per language: mappings in the profile and headers, about.fr.md pages,
and the languages a kit, a pitch or a variant may name (project/words.py, project/languages.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.errors import ConfigError
from mediakit.project import languages
from mediakit.project.frontmatter import parse, parse_model
from mediakit.project.profile import load_profile
from mediakit.site.casestudies import CaseStudyHeader
from mediakit.site.pitches import PitchHeader
from mediakit.site.render import markdown, read_pages

# Four lines; each test adds its own from line 5.
BASE = 'name: Mara Quinn\nplatforms:\n  tiktok:\n    handle: "@maraquinnmusic"\n'
RATES = """\
rates:
  - deliverable: {en: "1 TikTok video", fr: "1 vidéo TikTok", de: "1 TikTok-Video"}
    price: 650
    currency: EUR
    notes: "30 days of organic usage"
  - deliverable: "Story"
    price: 180
testimonials:
  - quote: {en: "Easiest brief ever.", fr: "Le brief le plus simple de notre vie."}
    author: Tom Kealy
    role: {fr: "Fondateur, Velvet Fox", en: "Founder, Velvet Fox"}
"""


@pytest.fixture
def catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for mediakit/site/locale/: French, German and Brazilian Portuguese catalogs."""
    folder = tmp_path / "locale"
    for code in ("fr", "de", "pt_BR"):
        (folder / code / "LC_MESSAGES").mkdir(parents=True)
    (folder / "README").mkdir()  # not a language: ignored
    monkeypatch.setattr(languages, "LOCALE_DIR", folder)
    return folder


def profile_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(BASE + text, "utf-8")
    return path


def refused(tmp_path: Path, text: str) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_profile(profile_file(tmp_path, text))
    return caught.value


# --- the available languages ---------------------------------------------------------------------

def test_available_languages_are_english_and_the_catalog_folders(catalogs: Path) -> None:
    assert languages.available() == ("de", "en", "fr", "pt_BR")
    assert languages.is_available("pt-BR") and languages.is_available("pt_br")
    assert languages.is_available("fr-CA")  # French's catalog serves Canadian French
    assert not languages.is_available("es") and not languages.is_available("pt")


def test_without_catalogs_only_english_is_available(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languages, "LOCALE_DIR", tmp_path / "missing")
    assert languages.available() == ("en",)


# --- per-language words in the profile -----------------------------------------------------------

def test_plain_strings_read_as_the_kit_language_and_in_language_picks_variants(
        tmp_path: Path, catalogs: Path) -> None:
    profile = load_profile(profile_file(tmp_path, "locale: fr_FR\ntagline:\n  en: Songs\n"
                                        "  fr: Chansons\nbio: Un texte\n" + RATES))
    # locale fr_FR makes the kit French: the plain field holds the French variant
    assert profile.site.language == "fr"
    assert profile.tagline == "Chansons"
    assert profile.rates[0].deliverable == "1 vidéo TikTok"
    assert profile.testimonials[0].role == "Fondateur, Velvet Fox"
    english = profile.in_language("en")
    assert english.tagline == "Songs"
    assert english.rates[0].deliverable == "1 TikTok video"
    assert english.testimonials[0].quote == "Easiest brief ever."
    assert english.testimonials[0].role == "Founder, Velvet Fox"
    # plain text has no variant: it stays as written in every language
    assert english.bio == "Un texte" and english.rates[0].notes == "30 days of organic usage"
    assert english.rates[1].deliverable == "Story"
    # everything else is untouched, and the original is not changed
    assert english.rates[0].price == 650 and english.site.language == "fr"
    assert profile.tagline == "Chansons"


def test_fallback_goes_to_the_default_language_then_to_the_first_variant(
        tmp_path: Path, catalogs: Path) -> None:
    profile = load_profile(profile_file(tmp_path, "tagline: {de: Lieder, fr: Chansons}\n" + RATES))
    # the kit is English (no locale), and the tagline has no English: the first variant given
    assert profile.site.language == "en"
    assert profile.tagline == "Lieder"
    assert profile.in_language("fr").tagline == "Chansons"
    assert profile.in_language("es").tagline == "Lieder"  # no Spanish: the default's text
    # German deliverable, English quote (no German quote: the default language's)
    german = profile.in_language("de-AT")  # Austrian German takes the de variant
    assert german.rates[0].deliverable == "1 TikTok-Video"
    assert german.testimonials[0].quote == "Easiest brief ever."


def test_a_variant_code_is_checked_at_its_line(tmp_path: Path) -> None:
    error = refused(tmp_path, "tagline:\n  en: Songs\n  french: Chansons\n")
    assert (error.line, error.field) == (7, "tagline.french")
    assert "unknown language 'french'" in error.message
    assert "en, fr" in (error.hint or "")
    error = refused(tmp_path, RATES.replace('de: "1 TikTok-Video"', 'xx: "?"'))
    assert (error.line, error.field) == (6, "rates[0].deliverable.xx")


def test_a_variant_must_be_non_empty_text(tmp_path: Path) -> None:
    error = refused(tmp_path, 'tagline: {en: Songs, fr: "  "}\n')
    assert (error.line, error.field, error.message) == (5, "tagline.fr", "must not be empty")
    error = refused(tmp_path, "tagline: {en: Songs, fr: [a, b]}\n")
    assert (error.field, error.message) == ("tagline.fr", "must be text")
    error = refused(tmp_path, "tagline: {}\n")
    assert (error.field, error.message) == ("tagline", "needs at least one language")


def test_missing_in_lists_fields_with_no_text_in_a_language(tmp_path: Path) -> None:
    profile = load_profile(profile_file(tmp_path, "tagline: {en: Songs, fr: Chansons}\n"
                                        "bio: Plain\n" + RATES))
    assert profile.missing_in("en", "en") == []
    # bio, the first rate's notes and the second rate's deliverable are plain (English) text
    assert profile.missing_in("fr", "en") == [
        ("bio",), ("rates", 1, "deliverable"), ("rates", 0, "notes")]
    assert profile.missing_in("de", "en") == [
        ("tagline",), ("bio",), ("rates", 1, "deliverable"), ("rates", 0, "notes"),
        ("testimonials", 0, "quote"), ("testimonials", 0, "role")]


# --- the kit's languages -------------------------------------------------------------------------

def test_site_language_and_languages_need_a_catalog(tmp_path: Path, catalogs: Path) -> None:
    profile = load_profile(profile_file(tmp_path, "site:\n  language: fr\n  languages: [de, "
                                        "pt-BR, de]\n"))
    assert (profile.site.language, profile.site.languages) == ("fr", ["de", "pt-BR"])
    error = refused(tmp_path, "site:\n  language: es\n")
    assert (error.line, error.field) == (6, "site.language")
    assert error.message == "mediakit cannot write a kit in 'es'"
    assert error.hint == "languages available: de, en, fr, pt_BR"
    error = refused(tmp_path, "site:\n  languages: [fr, it]\n")
    assert (error.line, error.field) == (6, "site.languages[1]")
    assert "'it'" in error.message and "de, en, fr, pt_BR" in (error.hint or "")


def test_a_language_taken_from_the_locale_is_not_refused(tmp_path: Path, catalogs: Path) -> None:
    """locale: el_GR alone still builds (Greek numbers, the interface's fallback words)."""
    assert load_profile(profile_file(tmp_path, "locale: el_GR\n")).site.language == "el"


# --- pitches and case studies --------------------------------------------------------------------

PITCH = """\
---
brand: Carnet Mauve
{language}target:
  description: {{en: "students who journal", fr: "étudiants qui tiennent un journal"}}
deliverables:
  - item: {{en: "TikTok video", fr: "Vidéo TikTok"}}
    notes: "30 s"
  - "Story"
price: 1600
valid_until: 2027-01-15
---
Bonjour Camille,
"""


def pitch(language: str, kit: str = "en") -> PitchHeader:
    text = PITCH.format(language=f"language: {language}\n" if language else "")
    return parse_model(PitchHeader, parse(text, "content/pitches/carnet.md"), kit)


def test_a_pitch_in_french_takes_its_french_variants(catalogs: Path) -> None:
    header = pitch("fr")
    assert header.language == "fr"
    assert header.target.description == "étudiants qui tiennent un journal"
    assert header.deliverables[0].item == "Vidéo TikTok"
    assert header.deliverables[1].item == "Story"
    # without language:, the kit's language decides; in_language switches afterwards
    assert pitch("").deliverables[0].item == "TikTok video"
    assert pitch("", kit="fr").target.description == "étudiants qui tiennent un journal"
    assert pitch("").in_language("fr").deliverables[0].item == "Vidéo TikTok"


def test_a_pitch_language_needs_a_catalog(catalogs: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        pitch("it")
    error = caught.value
    assert (error.line, error.field) == (3, "language")
    assert error.message == "mediakit cannot write a pitch in 'it'"
    assert error.hint == "languages available: de, en, fr, pt_BR"


def test_a_case_study_title_and_quote_per_language() -> None:
    text = ("---\nbrand: Liffey Audio\ntitle: {en: The Duo series, fr: La série Duo}\n"
            "date: 2026-10-01\nfee: 900\nposts: [\"https://www.tiktok.com/@m/video/1\"]\n"
            "quote: {fr: Génial, en: Great}\n---\nBody\n")
    header = parse_model(CaseStudyHeader, parse(text, "content/case-studies/x.md"), "en")
    assert (header.title, header.quote) == ("The Duo series", "Great")
    french = header.in_language("fr")
    assert (french.title, french.quote) == ("La série Duo", "Génial")


# --- Markdown pages per language -----------------------------------------------------------------

def test_about_fr_md_is_about_md_in_french_and_never_a_page_of_its_own(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("# About Mara\n\nHello.\n", "utf-8")
    (pages / "about.fr.md").write_text("# Qui est Mara ?\n\nBonjour.\n", "utf-8")
    (pages / "about.pt-BR.md").write_text("# Sobre a Mara\n", "utf-8")
    (pages / "press.md").write_text("# Press\n", "utf-8")
    (pages / "release.v2.md").write_text("# Release v2\n", "utf-8")  # not a language: a page
    (pages / "_draft.fr.md").write_text("# Brouillon\n", "utf-8")
    md = markdown()
    default = read_pages(tmp_path, md)
    assert [(p.slug, p.title, p.source) for p in default] == [
        ("about", "About Mara", "content/pages/about.md"),
        ("press", "Press", "content/pages/press.md"),
        ("release-v2", "Release v2", "content/pages/release.v2.md")]
    french = read_pages(tmp_path, md, "fr")
    assert [(p.slug, p.title) for p in french] == [
        ("about", "Qui est Mara ?"), ("press", "Press"), ("release-v2", "Release v2")]
    assert "<p>Bonjour.</p>" in french[0].html
    assert french[0].source == "content/pages/about.fr.md"
    assert read_pages(tmp_path, md, "fr-CA")[0].title == "Qui est Mara ?"
    assert read_pages(tmp_path, md, "pt-BR")[0].title == "Sobre a Mara"
    assert read_pages(tmp_path, md, "pt")[0].title == "About Mara"  # pt-BR is not all Portuguese
    assert read_pages(tmp_path, md, "de")[0].title == "About Mara"


# --- mediakit check: what is missing in each language --------------------------------------------

def test_check_notes_name_each_missing_field_with_its_line_and_each_page(
        tmp_path: Path, catalogs: Path) -> None:
    from mediakit.project.missing_words import missing_words

    path = profile_file(tmp_path, "tagline: {en: Songs, fr: Chansons}\nbio: Plain\n" + RATES
                        + "site:\n  languages: [fr, de]\n")
    (tmp_path / "pages").mkdir()
    for name in ("about.md", "about.fr.md", "press.md", "zines.de.md"):
        (tmp_path / "pages" / name).write_text("# Page\n", "utf-8")
    notes = missing_words(load_profile(path), path, tmp_path)
    assert notes == [
        # English, the default: every mapping has an en variant, plain text is English
        "content/profile.yaml: no French (fr) text for bio (line 6), rates[1].deliverable "
        "(line 12), rates[0].notes (line 11); the kit in fr shows them in the default language "
        "(give them as {en: ..., fr: ...}, see docs/languages.md)",
        "content/pages: no French (fr) version of press.md; the kit in fr shows the default one "
        "(write press.fr.md beside press.md)",
        "content/profile.yaml: no German (de) text for tagline (line 5), bio (line 6), "
        "rates[1].deliverable (line 12), rates[0].notes (line 11), testimonials[0].quote "
        "(line 15), testimonials[0].role (line 17); the kit in de shows them in the default "
        "language (give them as {en: ..., de: ...}, see docs/languages.md)",
        "content/pages: no German (de) version of about.md, press.md; the kit in de shows the "
        "default one (write about.de.md beside about.md)",
        "content/pages/zines.de.md: there is no zines.md beside it, so it is never published "
        "(a page in another language needs the default one: write zines.md, or rename this "
        "file)",
    ]


def test_check_on_the_demo_with_french_added(tmp_path: Path, catalogs: Path) -> None:
    from mediakit.commands.check_report import check
    from mediakit.project.scaffold import init_project

    root = tmp_path / "kit"
    init_project(root, demo=True)
    profile = root / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "  languages: [fr]\n", "utf-8")
    checked = check(root)
    assert checked.exit_code == 0  # notes, not warnings
    notes = [text for text in checked.of("note") if "French" in text]
    # the tagline, the bio and the first rate have fr: variants, about.md has about.fr.md
    assert notes == [
        "content/profile.yaml: no French (fr) text for rates[1].deliverable (line 82), "
        "rates[2].deliverable (line 87), rates[3].deliverable (line 91), rates[1].notes "
        "(line 86), rates[3].notes (line 95), testimonials[0].quote (line 112), "
        "testimonials[1].quote (line 116), testimonials[0].role (line 115), "
        "testimonials[1].role (line 119); the kit in fr shows them in the default language "
        "(give them as {en: ..., fr: ...}, see docs/languages.md)",
        "content/pages: no French (fr) version of press.md; the kit in fr shows the default one "
        "(write press.fr.md beside press.md)",
    ]


# --- docs/languages.md says what the code does ---------------------------------------------------

DOC = (Path(__file__).resolve().parent.parent / "docs" / "languages.md").read_text("utf-8")


def test_the_docs_example_profile_loads_with_its_variants(tmp_path: Path) -> None:
    import re

    example = re.search(r"```yaml\n(.*?)```", DOC, re.S).group(1).replace("…", "...")
    profile = load_profile(profile_file(tmp_path, example))
    french = profile.in_language("fr")
    assert french.tagline == "Des chansons indie-folk écrites dans le bus de nuit"
    assert french.rates[0].deliverable == "1 vidéo TikTok (30 à 60 s)"
    assert french.rates[0].notes == profile.rates[0].notes == "30 days of organic usage rights"


def test_the_docs_refusal_is_the_real_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locale"
    (folder / "fr").mkdir(parents=True)
    monkeypatch.setattr(languages, "LOCALE_DIR", folder)
    path = profile_file(tmp_path, "\n" * 51 + "site:\n  title: Kit\n  language: ga\n")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    shown = str(caught.value).replace(str(path), "content/profile.yaml")
    assert shown in DOC
