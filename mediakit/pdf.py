"""site/media-kit.pdf: the kit's front page as a print-ready PDF, made with WeasyPrint.

Made from the very bytes of the built site (index.html, its stylesheet's print rules, the inline
SVG charts, the logos), so the PDF always has the same numbers as the page. WeasyPrint fetches
nothing: every URL it asks for is answered from the in-memory site, and anything else is refused.
WeasyPrint is optional (``pip install weasyprint``; it needs the Pango library, Debian's
``libpango-1.0-0`` and ``libpangoft2-1.0-0``), so it is imported only when a PDF is asked for.
"""

from __future__ import annotations

import logging
import mimetypes

from mediakit.errors import OutputError

PDF_NAME = "media-kit.pdf"
_BASE = "http://mediakit.invalid/"  # never contacted: the fetcher answers from memory
_INSTALL = ("install it with `pip install weasyprint` (on Debian/Ubuntu also "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0`), or build without --pdf")


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
        raise OutputError("cannot make the PDF: WeasyPrint is not available", hint=_INSTALL) \
            from exc
    if page not in files:
        raise OutputError(f"cannot make the PDF: the site has no {page}")

    def fetch(url: str, timeout: int = 10, ssl_context: object = None) -> dict:
        if url.startswith(_BASE):
            relative = url[len(_BASE):].split("#")[0].split("?")[0]
            if relative in files:
                mime = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                return {"string": files[relative], "mime_type": mime, "redirected_url": url}
        raise ValueError(f"refused: {url[:80]}")  # WeasyPrint skips the resource and goes on

    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its warnings about unsupported CSS are not the user's
    try:
        document = HTML(string=files[page].decode("utf-8"), base_url=_BASE + page,
                        url_fetcher=fetch, media_type="print")
        return document.write_pdf(uncompressed_pdf=False)
    finally:
        logger.setLevel(level)

