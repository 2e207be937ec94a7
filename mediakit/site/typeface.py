"""The font mediakit ships, so a kit draws the same pixels on every machine.

Charts (SVG from vl-convert), the share preview (PNG from vl-convert) and the PDF (WeasyPrint)
measure and draw text with fonts. Left to the machine's own fonts, a kit built on a new laptop
differs from the one committed, and a creator's ``git status`` is dirty after every build. So
the package carries one family, Inter (SIL OFL 1.1), renamed "Inter Mediakit" so that a
different Inter installed on the machine can never be picked instead (vl-convert and fontconfig
prefer the machine's fonts when two share a name). Its files are in ``mediakit/site/fonts/``
(made by ``scripts/make_fonts.py``): OTF for vl-convert, which reads no WOFF2, and WOFF2 for the
pages, published under ``assets/fonts/`` with the licence; the PDF is made from the pages, so
WeasyPrint loads the same WOFF2 files through the stylesheet's ``@font-face``.

Characters Inter lacks (emoji, CJK, Arabic, ...) still come from whatever font the machine has
that draws them: that text is the one part that can differ between machines.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from markupsafe import Markup

FAMILY = "Inter Mediakit"
#: What a creator writes in the profile (``font: Inter``) to get the shipped family in pages.
PROFILE_NAME = "Inter"
FOLDER = Path(__file__).resolve().parent / "fonts"
#: Published with every site: the pages' fonts and the licence that must travel with them.
SITE_FOLDER = "assets/fonts"
WEB_FILES = ("InterMediakit-Regular.woff2", "InterMediakit-Bold.woff2", "LICENSE.txt")
#: The device's own fonts, for ``font: system`` and after any font the reader lacks.
SYSTEM_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


@functools.cache
def fingerprint() -> str:
    """A hash of every shipped font file: part of the chart and preview cache keys, so a
    drawing made with other fonts (an older mediakit, or before the fonts shipped) is redrawn."""
    digest = hashlib.sha256()
    for path in sorted(FOLDER.iterdir()):
        if path.suffix in (".otf", ".woff2"):
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


_registered = False


def register() -> None:
    """Give vl-convert the shipped fonts (once per process; vl-convert keeps them process-wide)."""
    global _registered
    if _registered:
        return
    import vl_convert

    vl_convert.register_font_directory(str(FOLDER))
    _registered = True


def site_files() -> dict[str, bytes]:
    """The font files and their licence, as the site publishes them ({path: bytes})."""
    return {f"{SITE_FOLDER}/{name}": (FOLDER / name).read_bytes() for name in WEB_FILES}


def css_stack(font: str) -> Markup:
    """The CSS font-family for the pages from the profile's ``font``.

    ``Inter`` (the default) is the shipped family; ``system`` is the reader's own font; any other
    name is used when the reader's device has it, else the device's font. The name was checked
    by the profile (letters, digits, spaces, ``-`` and ``_``), so quoting it is enough.
    """
    name = font.strip()
    if name.lower() == "system":
        return Markup(SYSTEM_STACK)
    if name.lower() in (PROFILE_NAME.lower(), FAMILY.lower()):
        name = FAMILY
    return Markup(f'"{_checked(name)}", {SYSTEM_STACK}')


def print_stack(font: str) -> Markup:
    """The font-family for print and the PDF: ``system`` prints with the shipped family, so the
    PDF is the same whichever machine built it; a named font is kept (the creator chose it)."""
    if font.strip().lower() == "system":
        return css_stack(PROFILE_NAME)
    return css_stack(font)


def _checked(name: str) -> str:
    if not name or any(not (c.isalnum() or c in " -_") for c in name):
        raise ValueError(f"not a font name: {name!r}")  # the profile refuses these first
    return name
