"""Drawing chart specs to inline SVG: vl-convert, the on-disk cache, and tidying the SVG.

SVG (via vl-convert, no browser) means charts work without JavaScript, in print and in a PDF.
Drawing is the slowest step of a build, so each SVG is cached on disk by the hash of its spec,
vl-convert's version and the shipped fonts' (typeface.py): an unchanged chart costs a file read.
The cache only saves time: one that cannot be read or written (read-only, full, a file where its
folder should be) means drawing.
The drawn SVG is then made fit to share a page with others: ids renumbered and prefixed, sized by
its container.
With a ChartPool (chart_pool.py) an uncached chart is sent to a worker and the chart functions get
a placeholder (``capped`` marks it too); ``resolve`` swaps in the drawn SVGs once all are sent,
so drawing runs beside the building of the next specs. The bytes are the same either way.
"""

from __future__ import annotations

import hashlib
import json
import re
from concurrent.futures import BrokenExecutor, Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mediakit.project.limits import svg_problem
from mediakit.site import cachefile, typeface
from mediakit.site.chart_pool import ChartPool, draw_here, renumbered  # noqa: F401 (re-exported)

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
    """Turns Altair charts into SVG, with an on-disk cache keyed by the spec's hash.

    Without a pool each chart is drawn here, when asked; with one, uncached charts are drawn by
    its workers and ``resolve`` fills them in.
    """

    def __init__(self, cache_dir: Path | None, pool: ChartPool | None = None) -> None:
        self.cache_dir = cache_dir
        self.pool = pool
        self.rendered = 0
        self.cached = 0
        self._pending: list[tuple[Future[str] | None, dict, str, Path | None]] = []

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
            return responsive(svg, key)
        self.rendered += 1
        if self.pool is not None and not self.pool.closed:
            self._pending.append((self.pool.submit(spec), spec, key, cached))
            return f"{_PENDING}{len(self._pending) - 1}-->"
        return self._drawn(draw_here(spec), key, cached)

    def _drawn(self, svg: str, key: str, cached: Path | None) -> str:
        if cached is not None:  # a cache that cannot be written only means drawing again
            cachefile.store(cached, svg.encode("utf-8"))
        return responsive(svg, key)

    def resolve(self, charts: dict[str, Chart]) -> dict[str, Chart]:
        """The charts with every placeholder replaced by its drawing (waits for the workers)."""
        if not self._pending:
            return charts
        drawn = [self._drawn(_result(future, spec), key, cached)
                 for future, spec, key, cached in self._pending]
        self._pending = []

        def filled(svg: str) -> str:
            found = _PLACEHOLDER.fullmatch(svg)
            if found is None:
                return svg
            svg = drawn[int(found.group(1))]
            return capped(svg, float(found.group(2))) if found.group(2) else svg

        return {name: replace(chart, svg=filled(chart.svg)) for name, chart in charts.items()}


def _result(future: Future[str] | None, spec: dict) -> str:
    """A worker's drawing; drawn here instead when the pool broke (a worker killed, say)."""
    try:
        return future.result() if future is not None else draw_here(spec)
    except BrokenExecutor:
        return draw_here(spec)


_PENDING = "<!--mediakit chart "  # a placeholder: "<!--mediakit chart 3-->"
_PLACEHOLDER = re.compile(r"<!--mediakit chart (\d+)(?: capped ([\d.]+))?-->")


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


def capped(svg: str, scale: float = 1.4) -> str:
    """Keep a chart from growing past ``scale`` × its design width on a wide screen.

    The report's bar charts are drawn narrow so their text stays legible when a phone shrinks
    them; without a cap a desktop would blow their 13 px labels up to 30 px.
    """
    if svg.startswith(_PENDING):  # drawn later: Renderer.resolve caps it then
        return svg.replace("-->", f" capped {scale}-->")
    found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"', svg)
    if not found:
        return svg
    width = round(float(found.group(1)) * scale)
    return svg.replace("<svg ", f'<svg style="max-width: {width}px; margin: 0 auto" ', 1)
