"""The interface's words in the reader's language: gettext catalogs shipped in the package.

Each language is one ``locale/<lang>/LC_MESSAGES/messages.po`` beside ``locale/messages.pot``.
A catalog is compiled from its ``.po`` when first asked for (Babel, in memory, once a process):
no ``.mo`` file to keep in step with its source, and the same ``.po`` always gives the same
translations, so builds stay deterministic. Fuzzy entries are left out, as gettext would.
English is the source language: its catalog is empty and every msgid is its own English.
"""

from __future__ import annotations

import io
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
    """The languages the interface can be written in: English and every shipped catalog."""
    found = {path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found | {SOURCE_LANGUAGE})


def catalog_language(language: str) -> str | None:
    """The shipped catalog for a language tag: "pt-BR" -> "pt_BR", "fr-CA" -> "fr", else None."""
    tag = language.replace("-", "_")
    shipped = {name.lower(): name for name in available()}
    for candidate in (tag, tag.split("_")[0]):
        if candidate.lower() in shipped:
            return shipped[candidate.lower()]
    return None


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
