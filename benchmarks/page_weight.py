"""The kit's weight on a phone: index.html with every file it makes a browser download.

A brand manager opens the link on a phone, often on mobile data; issue 18 sets the target at
1.5 MB for the kit's index page with its pictures, CSS and fonts. Counted as a phone with a 2x or
3x screen downloads it, the worst case: the page, its stylesheet, the fonts the stylesheet names,
every ``<img>`` (lazy ones too: scrolling loads them) at its largest ``srcset`` candidate in the
format a modern browser takes (the ``<source>`` WebP), the icon, and inline ``data:`` nothing.

    python benchmarks/page_weight.py            # builds the demo in a temporary folder
    python benchmarks/page_weight.py site/      # measures a site already built
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parents[1]
LIMIT_BYTES = 1_500_000  # 1.5 MB, decimal, as browsers' network panels count
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


@dataclass
class Weight:
    """What one page costs to load, file by file."""

    files: dict[str, int] = field(default_factory=dict)  # path in the site -> bytes

    @property
    def total(self) -> int:
        return sum(self.files.values())

    def by_kind(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for path, size in self.files.items():
            kind = ("pictures" if path.endswith((".jpg", ".webp", ".png", ".svg", ".gif"))
                    else "fonts" if path.endswith((".woff2", ".woff", ".otf"))
                    else "CSS" if path.endswith(".css") else "HTML")
            kinds[kind] = kinds.get(kind, 0) + size
        return kinds


class _Requests(HTMLParser):
    """The addresses a browser fetches for a page: stylesheets, icons, pictures."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._source: str | None = None  # the <picture>'s WebP srcset, preferred over <img>'s

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "link" and values.get("rel") in ("stylesheet", "icon"):
            self.urls.append(values.get("href", ""))
        elif tag == "source" and values.get("srcset"):
            self._source = values["srcset"]
        elif tag == "img":
            srcset = self._source or values.get("srcset") or values.get("src", "")
            self.urls.append(largest(srcset))
        elif tag == "picture":
            self._source = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "picture":
            self._source = None


def largest(srcset: str) -> str:
    """The last (largest) candidate of a srcset, or the plain address."""
    return srcset.split(",")[-1].strip().split(" ")[0]


def page_weight(site: Path, page: str = "index.html") -> Weight:
    weight = Weight({page: (site / page).stat().st_size})
    parser = _Requests()
    parser.feed((site / page).read_text("utf-8"))
    for url in parser.urls:
        if not url or url.startswith(("data:", "http:", "https:", "#")):
            continue
        path = unquote(url)
        weight.files[path] = (site / path).stat().st_size
        if path.endswith(".css"):
            folder = Path(path).parent
            for found in _CSS_URL.findall((site / path).read_text("utf-8")):
                if not found.startswith(("data:", "#")):
                    name = (folder / unquote(found)).as_posix()
                    weight.files[name] = (site / name).stat().st_size
    return weight


def verdict(weight: Weight) -> str:
    """The line the benchmarks print: the total, its parts, and PASS or FAIL."""
    parts = ", ".join(f"{kind} {size / 1e6:.2f} MB" for kind, size in
                      sorted(weight.by_kind().items()))
    result = "PASS" if weight.total <= LIMIT_BYTES else "FAIL"
    return (f"kit index page weight: {weight.total / 1e6:.2f} MB in {len(weight.files)} files "
            f"({parts}); limit {LIMIT_BYTES / 1e6:.1f} MB: {result}")


def section(site: Path) -> str:
    """RESULTS.md's section for the page weight."""
    weight = page_weight(site)
    rows = "\n".join(f"| {kind} | {size / 1e6:.3f} MB |" for kind, size in
                     sorted(weight.by_kind().items()))
    return ("\n## Page weight\n\n" + verdict(weight) + "\n\n| kind | bytes |\n|---|---|\n"
            + rows + "\n\nCounted as a 2x/3x phone loads it: the largest WebP candidate of "
            "every picture, lazy ones included, the stylesheet and the fonts it names.\n")


def main(argv: list[str]) -> int:
    if argv:
        print(verdict(page_weight(Path(argv[0]))))
        return 0
    with tempfile.TemporaryDirectory() as work:
        project = Path(work)
        subprocess.run(["cp", "-r", str(ROOT / "content"), str(project / "content")], check=True)
        subprocess.run([sys.executable, "-m", "mediakit.commands.main", "build", str(project),
                        "-q"], check=True, cwd=project)
        weight = page_weight(project / "site")
    print(verdict(weight))
    return 0 if weight.total <= LIMIT_BYTES else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
