"""The interface's words in the reader's language: gettext catalogs shipped in the package.

Each language is one ``locale/<lang>/LC_MESSAGES/messages.po`` beside ``locale/messages.pot``.
A catalog is compiled from its ``.po`` when first asked for (Babel, in memory, once a process):
no ``.mo`` file to keep in step with its source, and the same ``.po`` always gives the same
translations, so builds stay deterministic. Fuzzy entries are left out, as gettext would.
English is the source language: its catalog is empty and every msgid is its own English.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the no-op marker)
    """Mark a string for extraction where it is defined; it is translated where it is shown."""
    return message


def catalog_path(language: str) -> Path:
    """Where the catalog of ``language`` lives (it may not exist)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available() -> list[str]:
    """The languages the interface can be written in: English and every catalog folder (the
    same list the profile's checks use, mediakit/project/languages.py); a folder whose .po has
    not arrived yet writes English."""
    from mediakit.project import languages

    return list(languages.available(LOCALE_DIR))


def catalog_language(language: str) -> str | None:
    """The shipped catalog for a language tag: "pt-BR" -> "pt_BR", "fr-CA" -> "fr", "pt" ->
    "pt_BR" (the only Portuguese one), else None."""
    tag = language.replace("-", "_")
    shipped = {name.lower(): name for name in available()}
    for candidate in (tag, tag.split("_")[0]):
        if candidate.lower() in shipped:
            return shipped[candidate.lower()]
    # "pt" (what locale: pt_BR gives as the language) -> the one regional catalog there is
    regional = [name for key, name in shipped.items() if key.split("_")[0] == tag.lower()]
    return regional[0] if len(regional) == 1 else None


def translations(language: str, locale_dir: Path | None = None) -> NullTranslations:
    """The interface's translations for ``language`` (a tag such as "fr" or "pt_BR").

    A language without a catalog gives the English text (NullTranslations); the profile refuses
    a language that has none before a build gets here. English goes through its own catalog like
    any other language (a catalog of the source words), so every build costs the same.
    ``locale_dir`` points at other catalogs (the tests' pseudo-locale).
    """
    if locale_dir is None:
        name = catalog_language(language)
        if name is None:
            return NullTranslations()
        return _compiled(catalog_path(name))
    return _compiled(locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po")


@lru_cache(maxsize=32)
def _compiled(path: Path) -> NullTranslations:
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def locale_for(language: str, kit_locale: str) -> str:
    """The locale a page in ``language`` writes numbers with: the kit's when it is the same
    language (fr with fr_BE stays Belgian), else the language's own ("de" -> de)."""
    from babel import Locale

    primary = re.split(r"[-_]", language)[0].lower()
    if Locale.parse(kit_locale).language == primary:
        return kit_locale
    try:
        return str(Locale.parse(language.replace("-", "_")))
    except (ValueError, LookupError):
        return primary


def autonym(language: str) -> str:
    """A language by its own name, for a language switcher: "fr" -> "Français"."""
    from babel import Locale

    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(
            language.replace("-", "_")) or language
    except (ValueError, LookupError):
        return language
    return name[:1].upper() + name[1:]


def unknown_language(language: str) -> str | None:
    """Why a language cannot be built (no catalog), in one line; None when it can."""
    if catalog_language(language) is not None:
        return None
    return (f"unknown language '{language}': mediakit's interface is written in "
            + ", ".join(available()))


def alternates(languages: list[str], current: str, path: str) -> list[dict[str, object]]:
    """The same page in every language of the kit: the first language at the site's top, the
    others under their own folder ("fr/report.html"), for hreflang links and the switcher."""
    found = []
    for index, language in enumerate(languages):
        href = path if index == 0 else f"{language}/{path}"
        found.append({"lang": language, "name": autonym(language), "current": language == current,
                      "href": href, "url": href.removesuffix("index.html")})  # url: canonical
    return found
