"""The PDF one-sheet: the kit laid out for paper, and one for each pitch.

A brand forwards the PDF inside the company, so it is a document designed for A4 or US Letter
(``site.paper``), not the web page printed: page one says who the creator is, the headline
numbers beside their benchmark and the audience; page two the best posts, the rates (or the
pitch's offer), partners, contact and a QR code to the live kit. It has its own template
(``templates/print/kit.html`` and ``print.css``), fed the same values as the pages.

WeasyPrint takes about a second a page, so each PDF is cached by the hash of everything it is
made from (its HTML, stylesheet, fonts and pictures, and WeasyPrint's version): a rebuild with
nothing changed reads the bytes back instead of drawing again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mediakit.site import cachefile
from mediakit.site.pdf import PDF_NAME, html_to_pdf, live_links

PAGE = "print/kit.html"  # the template, and where the document sits in the site
STYLESHEET = "print/print.css"
#: CSS page sizes by ``site.paper``: 595×842 pt and 612×792 pt.
PAPER = {"a4": "A4", "letter": "letter"}
CACHE = "pdf"  # the folder of finished PDFs in the project's cache

Render = Callable[[str, dict[str, Any]], bytes]
# Emoji (pictographs, their modifiers and joiners): Inter has none, so a PDF would draw them from
# whatever the machine has, or as empty boxes; on paper a caption reads as well without them.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0E\uFE0F\u200D\u20E3]+")
_TRAILING_TAGS = re.compile(r"(?:\s+#[^\s#]+)+\s*$")


def paper_text(text: str) -> str:
    """A post's caption for paper: without emoji, and without the hashtags that end it.

    "asked me to finish it 🚌 #indiefolk #dublin" -> "asked me to finish it".
    """
    plain = " ".join(_EMOJI.sub(" ", text).split())
    if all(word.startswith("#") for word in plain.split()):
        return plain  # nothing but hashtags: they are the caption
    return _TRAILING_TAGS.sub("", plain)


def qr_svg(url: str) -> str:
    """A QR code for ``url`` as inline SVG: vector, so it prints sharp at any size.

    Error correction M survives a crease or a smudge; the size comes from the stylesheet. The
    SVG is only segno's path of dark modules: no text from the creator is in it (the template
    prints it unescaped, audited in tests/hardening/test_source_audit.py).
    """
    import segno

    code = segno.make_qr(url, error="m", boost_error=False)
    return str(code.svg_inline(scale=1, border=0, dark="#1b1f24", omitsize=True, svgclass="qr"))


def print_src(picture: Any) -> str:
    """The largest fallback of a picture (its 2x JPEG): paper is looked at closer than a screen."""
    return str(picture.srcset.split(",")[-1].split()[0]) if picture.srcset else str(picture.src)


def documents(render: Render, context: dict[str, Any], files: dict[str, bytes],
              pitches: Iterable[Any], *, paper: str, base_url: str | None,
              cache_dir: Path | None, pictures: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """media-kit.pdf and pitches/<slug>.pdf, {path in the site: PDF bytes}.

    ``pitches`` holds, per pitch, the render function of its language and its own words (the
    creator's words in that language, its charts), so a French pitch's PDF is French too.
    ``files`` is the site so far (stylesheets, fonts, pictures); ``pictures`` is the build's
    picture store, which a template's ``picture_for`` fills as it asks (a sheet may show a post
    no page shows). ``render`` renders a template with a context, so template errors read as the
    pages' do. Without ``base_url`` the PDFs carry no QR code and no link to the kit, only the
    creator's own addresses.
    """
    base = {**context, "paper": PAPER[paper], "stylesheet": STYLESHEET, "root": "../",
            "path": PAGE, "pdf_href": None, "print_src": print_src}
    stylesheet = render(STYLESHEET, base)
    made: dict[str, bytes] = {}
    targets: list[tuple[str, dict[str, Any]]] = [(PDF_NAME, {"kit_url": base_url})]
    renders: dict[str, Render] = {PDF_NAME: render}
    for pitch, own_render, own_words in pitches:  # each in the pitch's language and words
        live = urljoin(base_url, f"pitches/{pitch.slug}.html") if base_url else None
        target = f"pitches/{pitch.slug}.pdf"
        targets.append((target, {**own_words, "pitch": pitch, "kit_url": live}))
        renders[target] = own_render
    for target, extra in targets:
        url = extra["kit_url"]
        values = {**base, **extra, "qr": qr_svg(url) if url else None}
        html = live_links(renders[target](PAGE, values).decode("utf-8"), PAGE, base_url)
        resources = {path: data for path, data in {**files, **(pictures or {})}.items()
                     if path.startswith("assets/")}
        resources[STYLESHEET] = stylesheet
        made[target] = _cached(html, resources, cache_dir)
    return made


def _cached(html: str, resources: dict[str, bytes], cache_dir: Path | None) -> bytes:
    """The PDF of ``html``, read from the cache when the same document was drawn before."""
    path = cache_dir / CACHE / f"{cache_key(html, resources)}.pdf" if cache_dir else None
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"):
            return data
    data = html_to_pdf(html, resources, PAGE)
    if path is not None:
        cachefile.store(path, data)  # a cache that cannot be written only means drawing again
    return data


def cache_key(html: str, resources: dict[str, bytes]) -> str:
    """The hash of what a PDF is made from: the document, every file it may load, WeasyPrint."""
    try:
        import weasyprint
        version = weasyprint.__version__
    except (ImportError, OSError):
        version = "missing"  # html_to_pdf says how to install it
    digest = hashlib.sha256(f"weasyprint {version}\n".encode())
    digest.update(hashlib.sha256(html.encode("utf-8")).digest())
    for name in sorted(resources):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(resources[name]).digest())
    return digest.hexdigest()[:32]
