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
import threading
from pathlib import Path

FAMILY = "Inter Mediakit"
#: What a creator writes in the profile (``font: Inter``) to get the shipped family in pages.
PROFILE_NAME = "Inter"
FOLDER = Path(__file__).resolve().parent / "fonts"
#: Published with every site: the pages' fonts and the licence that must travel with them.
SITE_FOLDER = "assets/fonts"
WEB_FILES = ("InterMediakit-Regular.woff2", "InterMediakit-Bold.woff2", "LICENSE.txt")


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
_registering = threading.Lock()  # `serve` rebuilds in a thread of its own


def register() -> None:
    """Give vl-convert the shipped fonts (once per process; vl-convert keeps them process-wide)."""
    global _registered
    with _registering:
        if _registered:
            return
        import vl_convert

        vl_convert.register_font_directory(str(FOLDER))
        _registered = True


def site_files() -> dict[str, bytes]:
    """The font files and their licence, as the site publishes them ({path: bytes})."""
    return {f"{SITE_FOLDER}/{name}": (FOLDER / name).read_bytes() for name in WEB_FILES}


def page_family(font: str) -> str | None:
    """The family the pages ask for first, from the profile's ``font`` (None: the device's own).

    ``Inter`` (the default) is the shipped family; ``system`` is the reader's own font; any other
    name is used when the reader's device has it. The stylesheet puts the device's fonts after
    it. The name was checked by the profile (letters, digits, spaces, ``-`` and ``_``), so the
    template quotes it and autoescaping has nothing to change.
    """
    name = font.strip()
    if name.lower() == "system":
        return None
    if name.lower() in (PROFILE_NAME.lower(), FAMILY.lower()):
        return FAMILY
    return _checked(name)


def print_family(font: str) -> str:
    """The family for print and the PDF: ``system`` prints with the shipped family, so the PDF
    is the same whichever machine built it; a named font is kept (the creator chose it)."""
    return page_family(font) or FAMILY


def _checked(name: str) -> str:
    if not name or any(not (c.isalnum() or c in " -_") for c in name):
        raise ValueError(f"not a font name: {name!r}")  # the profile refuses these first
    return name
