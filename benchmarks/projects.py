"""The projects the benchmark builds: the demo, a large account, and an equivalent MkDocs site.

Every timed cold build starts from a fresh copy of a pristine project, because a build writes
content/data/history/, .mediakit-cache/ and site/, and any of them left over would make the next
"cold" build a warm one.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

BUILD_OUTPUTS = ("site", ".mediakit-cache")
HISTORY = Path("content/data/history")


def tracked_content(repo: Path) -> list[Path] | None:
    """The files under content/ that git tracks, or None outside a git checkout.

    A build in the checkout leaves an untracked content/data/history/ behind; copying only the
    tracked files keeps every run starting from the demo as committed (plus local edits).
    """
    if not (repo / ".git").exists():
        return None
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z", "content"], cwd=repo, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    files = [Path(name) for name in listing.decode("utf-8").split("\0") if name]
    return [f for f in files if (repo / f).is_file()] or None


def copy_demo(repo: Path, dest: Path) -> Path:
    """A pristine demo project in ``dest`` (content/ only: no cache, no site, no history)."""
    files = tracked_content(repo)
    if files is None:
        shutil.copytree(repo / "content", dest / "content",
                        ignore=shutil.ignore_patterns("history"))
    else:
        for relative in files:
            target = dest / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(repo / relative, target)
    return dest


def make_large(repo: Path, demo: Path, dest: Path, days: int, posts: int) -> Path:
    """The demo profile and pages over a generated large TikTok account (same export format)."""
    shutil.copytree(demo, dest)
    tiktok = dest / "content" / "data" / "tiktok"
    shutil.rmtree(tiktok)
    subprocess.run(
        [sys.executable, str(repo / "scripts" / "make_demo.py"), "--out", str(tiktok),
         "--days", str(days), "--posts", str(posts)],
        check=True, capture_output=True,
    )
    return dest


def make_new_exports(repo: Path, dest: Path, end: str = "2026-12-16") -> Path:
    """The demo's TikTok exports one month later (``make_demo.py --end``): a creator's next
    download, which changes the numbers and so every chart that shows them."""
    subprocess.run([sys.executable, str(repo / "scripts" / "make_demo.py"), "--out", str(dest),
                    "--end", end], check=True, capture_output=True)
    return dest


def apply_new_exports(project: Path, exports: Path, exported_on: str = "2026-12-17") -> None:
    """Put ``exports`` in place of the project's TikTok folder, as a creator unzipping a new
    download does, and set the profile's ``exported_on`` to its download day."""
    tiktok = project / "content" / "data" / "tiktok"
    shutil.rmtree(tiktok)
    shutil.copytree(exports, tiktok)
    profile = project / "content" / "profile.yaml"
    text = profile.read_text("utf-8")
    changed = re.sub(r"(\n    exported_on: )2026-11-17", rf"\g<1>{exported_on}", text, count=1)
    if changed == text:
        raise ValueError("the demo profile has no TikTok exported_on: 2026-11-17 to move")
    profile.write_text(changed, "utf-8")


def fresh_copy(pristine: Path, dest: Path) -> Path:
    """Replace ``dest`` with a copy of ``pristine``: the starting point of one cold build."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(pristine, dest)
    return dest


def clear_outputs(project: Path) -> None:
    for name in BUILD_OUTPUTS:
        shutil.rmtree(project / name, ignore_errors=True)


# --- the equivalent MkDocs site ------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # "h1".."h6", "li", "row", "p"
    text: str
    cells: tuple[str, ...] = ()


class _Blocks(HTMLParser):
    """The visible text of a page as a list of blocks (headings, list items, table rows, text)."""

    SKIP = {"head", "script", "style", "svg", "nav", "template", "noscript"}
    BLOCKS = {"p", "div", "section", "header", "footer", "main", "article", "aside", "ul", "ol",
              "dl", "dt", "dd", "table", "thead", "tbody", "figure", "figcaption", "blockquote",
              "details", "summary", "caption", "form", "br", "hr", "body"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skipping = 0
        self.text: list[str] = []
        self.kind = "p"
        self.cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif not self.skipping:
            self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag in ("br", "hr"):
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif not self.skipping:
            self._close(tag)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)

    def _open(self, tag: str) -> None:
        if tag == "tr":
            self._flush()
            self.cells = []
        elif tag in ("td", "th"):
            self._flush()
        elif re.fullmatch(r"h[1-6]", tag) or tag == "li":
            self._flush()
            self.kind = tag
        elif tag in self.BLOCKS:
            self._flush()

    def _close(self, tag: str) -> None:
        if tag in ("td", "th") and self.cells is not None:
            self.cells.append(self._take())
        elif tag == "tr" and self.cells is not None:
            self._flush()
            if any(self.cells):
                self.blocks.append(Block("row", " ".join(self.cells), tuple(self.cells)))
            self.cells = None
        elif re.fullmatch(r"h[1-6]", tag) or tag == "li" or tag in self.BLOCKS:
            self._flush()

    def _take(self) -> str:
        text = " ".join("".join(self.text).split())
        self.text = []
        return text

    def _flush(self) -> None:
        text = self._take()
        if text:
            self.blocks.append(Block(self.kind, text))
        self.kind = "p"

    def close(self) -> None:
        super().close()
        self._flush()


def visible_blocks(html: str) -> list[Block]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


def blocks_to_markdown(blocks: list[Block]) -> str:
    """Plain Markdown with the same words: headings, lists, tables and paragraphs."""
    lines: list[str] = []
    previous = ""
    for block in blocks:
        if block.kind == "row":
            cells = [cell.replace("|", r"\|") or " " for cell in block.cells]
            if previous != "row":
                lines.append("")
                lines.append("| " + " | ".join(cells) + " |")
                lines.append("|" + "---|" * len(cells))
            else:
                lines.append("| " + " | ".join(cells) + " |")
        elif block.kind == "li":
            if previous != "li":
                lines.append("")
            lines.append(f"- {block.text}")
        elif block.kind.startswith("h"):
            lines += ["", "#" * int(block.kind[1]) + " " + block.text]
        else:
            lines += ["", block.text]
        previous = block.kind
    return "\n".join(lines).strip() + "\n"


@dataclass(frozen=True)
class MkdocsSite:
    root: Path
    pages: int  # HTML pages the mkdocs build writes (its own 404.html included)
    markdown_chars: int
    demo_text_chars: int  # visible text of the demo site's pages (charts' SVG text excluded)


def make_mkdocs_site(demo_site: Path, demo_content: Path, dest: Path) -> MkdocsSite:
    """A MkDocs project with one Markdown page per HTML page of the built demo site.

    MkDocs writes its own 404.html, so the demo's 404 page is not turned into Markdown; the two
    builds then write the same number of HTML pages. The Markdown holds the demo pages' visible
    text, so both tools render a similar amount of text; the demo's images are copied too.
    """
    docs = dest / "docs"
    docs.mkdir(parents=True)
    pages = sorted(p for p in demo_site.rglob("*.html") if p.name != "404.html")
    markdown_chars = text_chars = 0
    title = "Media kit"
    for page in pages:
        html = page.read_text("utf-8")
        blocks = visible_blocks(html)
        text_chars += sum(len(b.text) for b in blocks)
        markdown = blocks_to_markdown(blocks)
        markdown_chars += len(markdown)
        target = docs / page.relative_to(demo_site).with_suffix(".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, "utf-8")
        if page.name == "index.html":
            found = re.search(r"<title>(.*?)</title>", html, re.S)
            title = " ".join(found.group(1).split()) if found else title
    if (demo_content / "assets").is_dir():
        shutil.copytree(demo_content / "assets", docs / "assets")
    (dest / "mkdocs.yml").write_text(
        f"site_name: {_yaml_string(title)}\nuse_directory_urls: false\n", "utf-8"
    )
    return MkdocsSite(dest, len(pages) + 1, markdown_chars, text_chars)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
