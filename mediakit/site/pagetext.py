"""How a Markdown page's text becomes its title, its address and its HTML.

Kept apart from render.py (which pulls in pandas, Altair and the analytics) so that a rebuild
after a page edit can re-render the page without loading the rest of the pipeline.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", flags=re.MULTILINE)


def markdown() -> MarkdownIt:
    """CommonMark with raw HTML off and unsafe link schemes refused (markdown-it's js-default)."""
    return MarkdownIt("js-default", {"typographer": True}).enable(["table", "strikethrough"])


def page_slug(stem: str) -> str:
    """The page's address: about-me.md -> about-me (lower case, letters, digits and dashes)."""
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower()).strip("-") or "page"


def page_title(text: str, stem: str) -> str:
    """The first "# Heading", or the file name made readable when there is none."""
    match = _HEADING.search(text)
    return match.group(1) if match else stem.replace("-", " ").title()
