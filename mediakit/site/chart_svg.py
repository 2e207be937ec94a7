"""Drawing chart specs to inline SVG: vl-convert, the on-disk cache, and tidying the SVG.

SVG (via vl-convert, no browser) means charts work without JavaScript, in print and in a PDF.
Drawing is the slowest step of a build, so each SVG is cached on disk by the hash of its spec,
vl-convert's version and the shipped fonts' (typeface.py): an unchanged chart costs a file read.
The cache only saves time: one that cannot be read or written (read-only, full, a file where its
folder should be) means drawing.
The drawn SVG is then made fit to share a page with others: ids renumbered and prefixed, sized by
its container.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mediakit.project.limits import svg_problem
from mediakit.site import cachefile, typeface

if TYPE_CHECKING:
    import altair as alt


@dataclass(frozen=True)
class Chart:
    """One rendered chart and the words that make it accessible."""

    key: str  # e.g. "tiktok-followers"
    title: str
    description: str  # what the chart shows, for screen readers and the caption
    svg: str
    table: list[tuple[str, str]]  # the data behind it: (label, value) rows


class Renderer:
    """Turns Altair charts into SVG, with an on-disk cache keyed by the spec's hash."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.rendered = 0
        self.cached = 0

    def svg(self, chart: alt.TopLevelMixin, key: str) -> str:
        import vl_convert

        spec = chart.to_dict(validate=False)  # validated by the test suite, not every build
        text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
        # a new vl-convert brings a new Vega, which may draw the same spec differently, and other
        # fonts measure and draw other text
        text = f"vl-convert {vl_convert.__version__}\nfonts {typeface.fingerprint()}\n{text}"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        cached = self.cache_dir / f"{digest}.svg" if self.cache_dir else None
        svg = _read_cached(cached) if cached is not None else None
        if svg is not None:
            self.cached += 1
        else:
            typeface.register()
            # numbered as in a new process: a cache entry's bytes do not depend on what was drawn
            svg = renumbered(vl_convert.vegalite_to_svg(spec))
            self.rendered += 1
            if cached is not None:  # a cache that cannot be written only means drawing again
                cachefile.store(cached, svg.encode("utf-8"))
        return responsive(svg, key)


def _read_cached(path: Path) -> str | None:
    """A cached SVG's text, or None when it is missing, unreadable or unsafe (then redrawn)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if svg_problem(data) is not None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def responsive(svg: str, key: str) -> str:
    """Let the SVG scale with its container and give its ids a per-chart prefix.

    Several SVGs inline in one page share one id namespace; vl-convert's ids (clip paths,
    gradients) would collide without the prefix.
    """
    svg = renumbered(svg)
    svg = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{key}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{key}-{m.group(1)})", svg)
    svg = re.sub(r'(<svg[^>]*?)\swidth="[^"]*"\sheight="[^"]*"', r"\1", svg, count=1)
    return svg.replace("<svg ", '<svg role="img" aria-hidden="true" focusable="false" ', 1)


_COUNTED_ID = re.compile(r'(?<=\sid=")(gradient_|clip)(\d+)(?=")')
_COUNTED_REF = re.compile(r'(id="|url\(#)((?:gradient_|clip)\d+)(?=[")])')
_FIRST = {"gradient_": 0, "clip": 1}  # where vl-convert's counters start in a new process


def renumbered(svg: str) -> str:
    """Number the SVG's gradients and clip paths as a first drawing in a new process would.

    vl-convert counts them over the whole process ("gradient_0", then "gradient_1" in the next
    chart drawn), so without this a chart's bytes would depend on what was drawn before it: in
    ``serve``, or when some charts come from the cache and others are drawn.
    """
    mapping: dict[str, str] = {}
    counts = dict(_FIRST)
    for found in _COUNTED_ID.finditer(svg):
        if found.group(0) not in mapping:
            family = found.group(1)
            mapping[found.group(0)] = f"{family}{counts[family]}"
            counts[family] += 1
    if all(old == new for old, new in mapping.items()):
        return svg
    return _COUNTED_REF.sub(lambda m: m.group(1) + mapping.get(m.group(2), m.group(2)), svg)


def capped(svg: str, scale: float = 1.4) -> str:
    """Keep a chart from growing past ``scale`` × its design width on a wide screen.

    The report's bar charts are drawn narrow so their text stays legible when a phone shrinks
    them; without a cap a desktop would blow their 13 px labels up to 30 px.
    """
    found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', svg)
    if not found:
        return svg
    width = round(float(found.group(1)) * scale)
    return svg.replace("<svg ", f'<svg style="max-width: {width}px; margin: 0 auto" ', 1)
