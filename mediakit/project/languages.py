"""Which languages a kit can be built in, and which file holds a page in a given language.

The interface languages are the gettext catalogs shipped in ``mediakit/site/locale/<lang>/``
(English is the source language, so it needs no catalog): a language is "available" when its
folder is there, so adding a ``.po`` file is all it takes for ``site.language: xx`` to be
accepted. A Markdown page is written per language as ``about.fr.md`` beside ``about.md``;
``page_in`` picks the variant for a language and falls back to the default file.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

__all__ = [
    "SOURCE_LANGUAGE", "available", "is_available", "is_code", "is_known", "normalise", "page_in",
    "pages", "split_variant", "variant_for", "variants",
]

SOURCE_LANGUAGE = "en"
#: The catalogs' folder (``mediakit/site/locale/``, where the site stage reads them; named here
#: by path, not imported, because the project stage sits below the site); tests point it at a
#: temporary copy.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "site" / "locale"
_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


def normalise(code: str) -> str:
    """``pt_BR``, ``pt-br`` and ``PT-BR`` are one language: ``pt-br`` (compared, never shown)."""
    return code.strip().replace("_", "-").lower()


def is_code(text: str) -> bool:
    """Whether ``text`` is shaped like a language code (en, pt-BR, pt_BR), known or not."""
    return _CODE.fullmatch(normalise(text)) is not None


def available(locale_dir: Path | None = None) -> tuple[str, ...]:
    """English and every catalog folder, as written (``fr``, ``pt_BR``), sorted."""
    folder = LOCALE_DIR if locale_dir is None else locale_dir
    found = {SOURCE_LANGUAGE}
    if folder.is_dir():
        found |= {path.name for path in folder.iterdir()
                  if path.is_dir() and _CODE.fullmatch(normalise(path.name))}
    return tuple(sorted(found, key=normalise))


def is_available(code: str) -> bool:
    """Whether the interface can speak ``code``: its catalog, or its base language's (fr-CA: fr)."""
    wanted = normalise(code)
    codes = {normalise(name) for name in available()}
    return wanted in codes or wanted.split("-")[0] in codes


@functools.cache
def is_known(code: str) -> bool:
    """Whether ``code`` is a real language code (Babel's CLDR knows it): fr, pt-BR, not xx."""
    if not is_code(code):
        return False
    from babel import Locale, UnknownLocaleError  # babel is slow to import; only when needed

    try:
        Locale.parse(code.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def variant_for(variants: dict[str, str], language: str) -> str | None:
    """The variant written for ``language``: the exact code first, then its base (fr-CA: fr)."""
    by_code = {normalise(code): text for code, text in variants.items()}
    wanted = normalise(language)
    return by_code.get(wanted, by_code.get(wanted.split("-")[0]))


# --- Markdown pages per language ------------------------------------------------------------

def split_variant(path: Path) -> tuple[str, str | None]:
    """``about.fr.md`` -> (``about``, ``fr``); ``about.md`` -> (``about``, None).

    Only a real language code counts, so ``release.v2.md`` stays a page of its own.
    """
    stem, dot, suffix = path.stem.rpartition(".")
    if dot and stem and is_known(suffix):
        return stem, suffix
    return path.stem, None


def pages(folder: Path) -> list[Path]:
    """The pages of the default language: every ``*.md`` but drafts, hidden files and variants."""
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.glob("*.md"))
            if not path.name.startswith(("_", ".")) and split_variant(path)[1] is None]


def variants(folder: Path) -> dict[str, dict[str, Path]]:
    """{page stem: {language: file}} for every ``<stem>.<language>.md`` in ``folder``."""
    found: dict[str, dict[str, Path]] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            stem, language = split_variant(path)
            if language is not None and not path.name.startswith(("_", ".")):
                found.setdefault(stem, {})[language] = path
    return found


def page_in(page: Path, language: str | None) -> Path:
    """The file to read for ``page`` (a default-language file) in ``language``: ``about.fr.md``
    when it exists (``about.fr.md`` also serves fr-CA), else ``page`` itself."""
    if language is None:
        return page
    written = {code: str(path) for code, path in variants(page.parent).get(page.stem, {}).items()}
    chosen = variant_for(written, language)
    return Path(chosen) if chosen is not None else page
