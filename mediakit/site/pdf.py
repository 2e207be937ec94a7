"""site/media-kit.pdf: the kit's front page as a print-ready PDF, made with WeasyPrint.

Made from the very bytes of the built site (index.html, its stylesheet's print rules, the inline
SVG charts, the logos), so the PDF always has the same numbers as the page. WeasyPrint fetches
nothing: every URL it asks for is answered from the in-memory site, and anything else is refused.
WeasyPrint is optional (``pip install "creator-mediakit[pdf]"``; it needs the Pango library, which
pip cannot install: see :func:`install_hint`), so it is imported only when a PDF is asked for.
"""

from __future__ import annotations

import logging
import mimetypes
import sys
from pathlib import Path

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


def render_pdf(files: dict[str, bytes], page: str = "index.html") -> bytes:
    """PDF bytes of ``page`` from the in-memory site ``files`` ({relative path: bytes})."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:
        raise OutputError("cannot make the PDF: WeasyPrint is not available", hint=install_hint()) \
            from exc
    if page not in files:
        raise OutputError(f"cannot make the PDF: the site has no {page}")

    fetcher = _fetcher(files)
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its warnings about unsupported CSS are not the user's
    try:
        document = HTML(string=files[page].decode("utf-8"), base_url=_BASE + page,
                        url_fetcher=fetcher, media_type="print")
        return document.write_pdf(uncompressed_pdf=False)
    finally:
        logger.setLevel(level)



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
