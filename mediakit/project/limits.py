"""How much input the build accepts, in one place, each limit with its own clear error.

A kit is built from files downloaded and edited by hand, and sometimes from files other people
send. Without caps, a 2 GB "page", a zip bomb or a CSV with ten million rows would hang the build
or exhaust the laptop's memory; with them, the creator gets one sentence naming the file in well
under a second: sizes are checked before a file is read, compression before a zip member is
unpacked, and rows while a table is parsed. Caps that live beside their reader (export file sizes
in ``sources/files.py``, the profile's 1 MB in ``yaml_lines.py``, a front-matter header's 64 KB in
``frontmatter.py``) are listed in docs/security.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from mediakit.errors import ConfigError, SourceError

#: A Markdown page, pitch or case study. The demo's longest is 3 kB; a book is about 1 MB.
MAX_MARKDOWN_BYTES = 1024 * 1024
#: Rows in one CSV or XLSX export: thirty years of days, or a hundred thousand posts, still fit.
MAX_TABLE_ROWS = 100_000
#: Unpacked size / packed size of one zip member (an XLSX is a zip too). Real exports compress
#: 5 to 20 times; a zip bomb compresses a thousand times or more.
MAX_COMPRESSION_RATIO = 100
#: Members smaller than this are never refused for their ratio (a tiny, very regular file may
#: compress well, and cannot hurt).
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
#: A photo file (avatar, cover, gallery, a post's picture). A phone's JPEG or HEIC is 2-12 MB.
MAX_IMAGE_BYTES = 30 * 1024 * 1024
#: Pixels in one photo: a 48-megapixel phone photo fits; a decompression bomb (a small file that
#: decodes to gigabytes) does not. Checked from the header, before any pixel is decoded; Pillow's
#: own bomb warning (at 89.5 million) is an error too.
MAX_IMAGE_PIXELS = 89_000_000


def size_text(size: int) -> str:
    """1536 -> '1.5 KB': sizes as a creator reads them."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def check_markdown_size(path: Path, *, shown_as: str) -> None:
    """Refuse a Markdown file over MAX_MARKDOWN_BYTES before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports a file it cannot open in its own words
    if size > MAX_MARKDOWN_BYTES:
        raise ConfigError(
            f"is {size_text(size)}, too large for a Markdown page (the limit is "
            f"{size_text(MAX_MARKDOWN_BYTES)})",
            file=shown_as,
            hint="check it is the file you meant; split a long text into several pages",
        )


def check_compression(size: int, compressed: int, *, label: str) -> None:
    """Refuse a zip member (or an XLSX part) that unpacks to far more than it takes packed."""
    if size > RATIO_CHECKED_FROM_BYTES and size > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise SourceError(
            f"unpacks from {size_text(compressed)} to {size_text(size)}, more than "
            f"{MAX_COMPRESSION_RATIO} times its size: no real export does that",
            file=label,
            hint="download the export again; if it came from someone else, do not use it",
        )


def too_many_rows(label: str) -> SourceError:
    """The error for a table with more than MAX_TABLE_ROWS rows."""
    return SourceError(
        f"has more than {MAX_TABLE_ROWS:,} rows, too many to be an export",
        file=label,
        hint="check it is the file the platform gave you; remove it from the data folder "
        "otherwise",
    )


# --- what an SVG file may hold -------------------------------------------------------------------

#: Elements that run code, embed other documents or change where links go.
_SVG_FORBIDDEN = frozenset({"script", "foreignobject", "iframe", "frame", "frameset", "embed",
                            "object", "applet", "handler", "listener", "base", "meta", "link"})
_RASTER_DATA = re.compile(r"data:image/(png|jpeg|jpg|gif|webp)[;,]")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def svg_problem(data: bytes) -> str | None:
    """Why an SVG (a logo, the avatar, a cached chart) is unsafe to publish, or None.

    SVG is a document, not a picture: opened from the kit's address it can run scripts there,
    and the share-preview renderer follows the files it links to. So an SVG may hold shapes,
    text, styles and pictures embedded as data: only; no scripts, event handlers, embedded
    documents, or links to other files (``<image href="/home/you/photo.png">``).
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data)
    except DefusedXmlException:
        return "it defines XML entities"
    except Exception:  # ParseError and friends: not XML at all
        return "it is not a valid SVG file"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in _SVG_FORBIDDEN:
            return f"it contains a <{tag}> element"
        for key, value in element.attrib.items():
            name = key.rsplit("}", 1)[-1].lower()
            clean = _CONTROL.sub("", value).lower()
            if name.startswith("on"):
                return f"it contains an event handler ({name})"
            if name in ("href", "src") and not _safe_reference(tag, clean):
                return f"it links to {value[:60]!r}"
            if name == "attributename" and clean.startswith(("on", "href", "xlink:href")):
                return f"it animates the {value!r} attribute"
            if name == "style" and _css_problem(clean):
                return f"its style uses {_css_problem(clean)}"
        if tag == "style" and _css_problem(_CONTROL.sub("", element.text or "").lower()):
            return f"its style uses {_css_problem(_CONTROL.sub('', element.text or '').lower())}"
    return None


def _safe_reference(tag: str, value: str) -> bool:
    if value.startswith("#") or _RASTER_DATA.match(value):
        return True
    return tag == "a" and value.startswith(("https://", "http://", "mailto:"))


def _css_problem(css: str) -> str | None:
    for bad in ("expression(", "javascript:", "vbscript:", "@import", "behavior:",
                "-moz-binding"):
        if bad in css:
            return bad
    for target in _CSS_URL.findall(css):
        if not (target.startswith("#") or _RASTER_DATA.match(target)):
            return f"url({target[:40]})"
    return None


def checked_svg(data: bytes, *, name: str, file: str | Path, field: str | None = None) -> bytes:
    """``data`` unchanged when it is a safe SVG; otherwise a one-line ConfigError.

    ``name`` is the SVG's path in content/; ``file`` and ``field`` say where it is named.
    """
    problem = svg_problem(data)
    if problem is not None:
        raise ConfigError(
            f"the picture '{name}' is not safe to publish: {problem}",
            file=file,
            field=field,
            hint="export it again as a plain SVG (or PNG) without scripts, links or "
            "embedded files",
        )
    return data
