"""The share preview (OpenGraph / Twitter card image): a 1200x630 PNG of the kit's headline.

When the kit's link is pasted into email, Slack or iMessage, this picture is what the brand sees
first, so it carries the name, the handle and the three numbers a brand asks for. It is an SVG we
compose (every user string XML-escaped) and turn into PNG with vl-convert, which the charts already
need: no browser, no extra dependency, and the same bytes for the same kit on any machine, since
its text names only the font mediakit ships (typeface.py), never one the machine may lack.

Drawing a card takes 0.1-0.3 s and a kit has one per pitch besides its own, so each PNG is cached
on disk like the chart SVGs, keyed by what the drawing depends on: the SVG text (which holds every
word, colour and the avatar), vl-convert's version and the shipped fonts. A cache entry is only
ever PNG bytes, and it is checked to be a whole, well-formed PNG before it is used; anything else
is drawn again.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from mediakit.site import cachefile, typeface

if TYPE_CHECKING:
    from mediakit.site.chart_pool import ChartPool

WIDTH, HEIGHT = 1200, 630
FONT = typeface.FAMILY
MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg", ".webp": "image/webp", ".gif": "image/gif"}


@dataclass(frozen=True)
class Card:
    """What the preview says; every value already formatted for people."""

    name: str
    handle: str
    tagline: str
    stats: list[tuple[str, str]]  # (big number, label), at most three
    footer: str  # e.g. "Media kit · data as of 16 Nov 2026"
    kicker: str = ""  # e.g. "Proposal for Liffey Audio"
    primary: str = "#1e293b"
    accent: str = "#2563eb"
    avatar: bytes | None = None
    avatar_type: str = "image/svg+xml"


def fit(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters with an ellipsis (SVG text does not wrap)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def svg(card: Card) -> str:
    """The card as an SVG document."""
    text_x = 80
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">',
        '<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">'
        f'<stop offset="0" stop-color="{escape(card.primary)}"/>'
        f'<stop offset="1" stop-color="{escape(card.primary)}" stop-opacity="0.82"/>'
        '</linearGradient><clipPath id="round"><circle cx="1035" cy="165" r="85"/></clipPath>'
        '</defs>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="{escape(card.accent)}"/>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="url(#bg)"/>',
        f'<rect x="0" y="{HEIGHT - 14}" width="{WIDTH}" height="14" fill="{escape(card.accent)}"/>',
    ]
    if card.avatar:
        data = base64.b64encode(card.avatar).decode("ascii")
        parts.append(
            f'<circle cx="1035" cy="165" r="91" fill="#ffffff" fill-opacity="0.9"/>'
            f'<image x="950" y="80" width="170" height="170" clip-path="url(#round)" '
            f'preserveAspectRatio="xMidYMid slice" href="data:{card.avatar_type};base64,{data}"/>'
        )
    y = 120
    if card.kicker:
        parts.append(_text(text_x, y, fit(card.kicker, 40), 30, "#ffffff", 600, 0.85))
        y += 80
    else:
        y += 40
    parts.append(_text(text_x, y, fit(card.name, 24), 76, "#ffffff", 700))
    y += 54
    if card.handle:
        parts.append(_text(text_x, y, fit(card.handle, 40), 32, "#ffffff", 600, 0.85))
        y += 50
    if card.tagline:
        parts.append(_text(text_x, y, fit(card.tagline, 58), 28, "#ffffff", 400, 0.92))
    for index, (value, label) in enumerate(card.stats[:3]):
        x = text_x + index * 340
        parts.append(_text(x, 468, fit(value, 10), 64, "#ffffff", 700))
        parts.append(_text(x, 508, fit(label, 22), 24, "#ffffff", 400, 0.85))
    parts.append(_text(text_x, 572, fit(card.footer, 70), 22, "#ffffff", 400, 0.75))
    parts.append("</svg>")
    return "".join(parts)


def _text(x: int, y: int, text: str, size: int, colour: str, weight: int,
          opacity: float = 1.0) -> str:
    return (f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" '
            f'font-weight="{weight}" fill="{colour}" fill-opacity="{opacity}">'
            f"{escape(text)}</text>")


def png(card: Card, cache: Path | None = None, pool: ChartPool | None = None
        ) -> bytes | Pending:
    """The card as PNG bytes (the same card always gives the same bytes).

    ``cache`` is a folder of earlier drawings (e.g. ``.mediakit-cache/previews``); a drawing
    found there is returned as it is, and a new one is added to it when the folder is writable.
    With ``pool`` (the build's drawing processes) a new drawing is made there and this returns
    it Pending: the page stage goes on meanwhile, and ``settled`` collects the bytes.
    """
    drawing = svg(card)
    path = cache / f"{cache_key(drawing)}.png" if cache is not None else None
    found = _read_png(path) if path is not None else None
    if found is not None:
        return found
    future = pool.call(drawn_png, drawing, path) if pool is not None else None
    return Pending(future, drawing, path) if future is not None else drawn_png(drawing, path)


def drawn_png(drawing: str, path: Path | None) -> bytes:
    """The SVG drawn as PNG (here, or in a drawing process), kept at ``path`` when given."""
    import vl_convert

    typeface.register()
    data = vl_convert.svg_to_png(drawing)
    if path is not None:
        cachefile.store(path, data)  # a cache that cannot be written only means drawing again
    return data


@dataclass(frozen=True)
class Pending:
    """A share picture a drawing process is making."""

    future: Future[bytes]
    drawing: str
    path: Path | None

    def result(self) -> bytes:
        """The PNG; drawn here when the pool broke (a worker killed, say): the same bytes."""
        try:
            return self.future.result()
        except BrokenExecutor:
            return drawn_png(self.drawing, self.path)


def settled(files: dict[str, bytes | Pending]) -> dict[str, bytes]:
    """The site's files with every share picture handed to the pool in place (waits for it)."""
    return {name: data.result() if isinstance(data, Pending) else data
            for name, data in files.items()}


def cache_key(drawing: str) -> str:
    """The hash of what a PNG depends on: the SVG text, vl-convert's version and the fonts."""
    import vl_convert

    text = f"vl-convert {vl_convert.__version__}\nfonts {typeface.fingerprint()}\n{drawing}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def is_png(data: bytes) -> bool:
    """Whether ``data`` is one whole PNG: the signature, then chunks whose lengths and checksums
    are right, IHDR first and IEND last with nothing after it (so a cut-off file fails)."""
    if not data.startswith(PNG_SIGNATURE):
        return False
    at, first = len(PNG_SIGNATURE), True
    while at + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        end = at + 12 + length
        if end > len(data):
            return False
        body = data[at + 4:end - 4]  # the chunk type and its data: what the CRC covers
        if zlib.crc32(body) != struct.unpack(">I", data[end - 4:end])[0]:
            return False
        if first and kind != b"IHDR":
            return False
        first = False
        if kind == b"IEND":
            return end == len(data)
        at = end
    return False


def _read_png(path: Path) -> bytes | None:
    """A cached drawing, or None when it is missing, unreadable or not a whole PNG."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if is_png(data) else None
