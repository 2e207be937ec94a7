"""site/media-kit.pdf: the kit's front page as a print-ready PDF, made with WeasyPrint.

Made from the very bytes of the built site (index.html, its stylesheet's print rules, the inline
SVG charts, the logos), so the PDF always has the same numbers as the page. WeasyPrint fetches
nothing: every URL it asks for is answered from the in-memory site, and anything else is refused.
WeasyPrint is optional (``pip install "creator-mediakit[pdf]"``; it needs the Pango library, which
pip cannot install: see :func:`install_hint`), so it is imported only when a PDF is asked for.
"""

from __future__ import annotations

import html as html_module
import logging
import mimetypes
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from mediakit.errors import OutputError

PDF_NAME = "media-kit.pdf"
_BASE = "http://mediakit.invalid/"  # never contacted: the fetcher answers from memory
#: How to get Pango, per system: pip installs WeasyPrint but never the C library it draws with.
PANGO = {
    "darwin": "on macOS also `brew install pango`",
    "win32": "on Windows also Pango as WeasyPrint's install guide says: install MSYS2, run "
             "`pacman -S mingw-w64-x86_64-pango` in it, and set WEASYPRINT_DLL_DIRECTORIES to "
             "C:\\msys64\\mingw64\\bin",
    "linux": "on Debian/Ubuntu also `sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0`, "
             "on Fedora `sudo dnf install pango`",
}


def install_hint(platform: str = sys.platform) -> str:
    """How to make --pdf work on the creator's own system, in one line.

    The error is read by someone on one computer, so it names that computer's way to get Pango
    (macOS, Windows, Linux) rather than listing every system's.
    """
    system = "linux" if platform.startswith("linux") else platform
    pango = PANGO.get(system, "also the Pango library: see WeasyPrint's install guide")
    return (f'install it with `pip install "creator-mediakit[pdf]"` ({pango}), '
            "or build without --pdf")


def available() -> bool:
    """Whether WeasyPrint and its Pango libraries can be loaded here."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def render_pdf(files: dict[str, bytes], page: str = "index.html",
               base_url: str | None = None) -> bytes:
    """PDF bytes of ``page`` from the in-memory site ``files`` ({relative path: bytes}).

    The PDF travels without the site, so its links must be real addresses: links within the
    kit point at the live kit (``base_url``, the profile's ``site.base_url``), or are left out
    when there is none. Links to other sites and e-mail addresses stay as they are.
    """
    if page not in files:
        raise OutputError(f"cannot make the PDF: the site has no {page}")
    return html_to_pdf(live_links(files[page].decode("utf-8"), page, base_url), files, page)


def html_to_pdf(html: str, files: dict[str, bytes], page: str) -> bytes:
    """PDF bytes of an HTML document whose stylesheets, fonts and images are in ``files``.

    ``page`` is where the document sits in the site, so its relative URLs resolve; nothing is
    fetched from anywhere else. No dates or random identifiers go in: same input, same bytes.
    """
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise OutputError("cannot make the PDF: WeasyPrint is not available", hint=install_hint()) \
            from exc
    fetcher = _fetcher(files)
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its warnings about unsupported CSS are not the user's
    try:
        document = HTML(string=html, base_url=_BASE + page,
                        url_fetcher=fetcher, media_type="print")
        return document.write_pdf(uncompressed_pdf=False)
    finally:
        logger.setLevel(level)


_ANCHOR = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r'\s+href="([^"]*)"', re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def live_links(html: str, page: str, base_url: str | None) -> str:
    """The page's own links made absolute on the live kit, or removed without one.

    Only the ``<a>`` tags of mediakit's own templates are touched (their ``href`` is always a
    double-quoted, escaped value); stylesheets and images are still read from memory.
    """
    def fix(tag: re.Match[str]) -> str:
        def one(href: re.Match[str]) -> str:
            target = html_module.unescape(href[1])
            if _SCHEME.match(target):
                return href[0]  # https://, mailto:, tel: - already an address
            if base_url and not target.startswith("#"):
                absolute = urljoin(str(base_url) + page, target)
                return f' href="{html_module.escape(absolute, quote=True)}"'
            return ""  # no live kit to point at: plain text in the PDF

        return _HREF.sub(one, tag[0], count=1)

    return _ANCHOR.sub(fix, html)


def _answer(files: dict[str, bytes], url: str) -> tuple[bytes, str]:
    """The bytes and type of a site file WeasyPrint asks for; anything else is refused."""
    if url.startswith(_BASE):
        relative = url[len(_BASE):].split("#")[0].split("?")[0]
        if relative in files:
            return files[relative], mimetypes.guess_type(relative)[0] or "application/octet-stream"
    raise ValueError(f"refused: {url[:80]}")  # WeasyPrint skips the resource and goes on


def _fetcher(files: dict[str, bytes]) -> object:
    """A URL fetcher that answers from memory, for WeasyPrint's old and new fetcher APIs."""
    try:  # WeasyPrint >= 66: a URLFetcher subclass returning URLFetcherResponse
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except ImportError:  # older: a function returning a dict
        def fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict:
            body, mime = _answer(files, url)
            return {"string": body, "mime_type": mime, "redirected_url": url}

        return fetch

    class MemoryFetcher(URLFetcher):
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            body, mime = _answer(files, url)
            return URLFetcherResponse(url, body, {"Content-Type": mime})

    return MemoryFetcher()


def write_pdf(site_dir: Path, page: str = "index.html") -> Path:
    """Write site_dir/media-kit.pdf from an already published site; returns its path.

    Prefer ``render.site(..., pdf=True)``: it puts the PDF in the site's files (so it is
    published atomically and listed in the manifest) and links it from the kit.
    """
    files = {path.relative_to(site_dir).as_posix(): path.read_bytes()
             for path in site_dir.rglob("*") if path.is_file() and path.suffix != ".pdf"}
    target = site_dir / PDF_NAME
    temporary = target.with_name(f".{PDF_NAME}.tmp")
    temporary.write_bytes(render_pdf(files, page))
    temporary.replace(target)
    return target
