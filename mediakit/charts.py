"""Charts: Altair specs rendered to inline SVG, themed from the creator's brand colours.

SVG (via vl-convert, no browser) means charts work without JavaScript, in print and in a PDF.
Rendering is the slowest step of a build, so each SVG is cached on disk by the hash of its spec:
an unchanged chart costs a file read.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from mediakit.analytics.report import PlatformReport, Report

if TYPE_CHECKING:
    from mediakit.config import Profile

WIDTH = 560  # rendered size; the SVG scales to the page, so text stays legible on a phone
HEIGHT = 220
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'


@dataclass(frozen=True)
class Chart:
    """One rendered chart and the words that make it accessible."""

    key: str  # e.g. "tiktok-followers"
    title: str
    description: str  # what the chart shows, for screen readers and the caption
    svg: str
    table: list[tuple[str, str]]  # the data behind it: (label, value) rows


def theme(profile: Profile) -> dict:
    """A Vega-Lite config from the profile's brand colours."""
    primary = profile.colors.primary
    accent = profile.colors.accent
    return {
        "background": "transparent",
        "font": FONT,
        "view": {"stroke": None},
        "axis": {
            "labelColor": "#5b6472", "titleColor": "#5b6472", "gridColor": "#e6e8ec",
            "domain": False, "tickColor": "#e6e8ec", "labelFontSize": 13, "titleFontSize": 13,
            "titleFontWeight": "normal",
        },
        "range": {"category": [primary, accent, "#7a8699", "#c9ced6"]},
        "line": {"color": primary, "strokeWidth": 2},
        "area": {"color": primary, "opacity": 0.85},
        "bar": {"color": primary},
        "mark": {"color": primary},
        "legend": {"labelColor": "#5b6472", "titleColor": "#5b6472"},
    }


class Renderer:
    """Turns Altair charts into SVG, with an on-disk cache keyed by the spec's hash."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.rendered = 0
        self.cached = 0

    def svg(self, chart: alt.TopLevelMixin, key: str) -> str:
        spec = chart.to_dict()
        text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        cached = self.cache_dir / f"{digest}.svg" if self.cache_dir else None
        if cached is not None and cached.is_file():
            self.cached += 1
            svg = cached.read_text("utf-8")
        else:
            import vl_convert

            svg = vl_convert.vegalite_to_svg(spec)
            self.rendered += 1
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(".tmp")
                tmp.write_text(svg, "utf-8")
                tmp.replace(cached)
        return responsive(svg, key)


def responsive(svg: str, key: str) -> str:
    """Let the SVG scale with its container and give its ids a per-chart prefix.

    Several SVGs inline in one page share one id namespace; vl-convert's ids (clip paths,
    gradients) would collide without the prefix.
    """
    svg = re.sub(r'\sid="([^"]+)"', lambda m: f' id="{key}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{key}-{m.group(1)})", svg)
    svg = re.sub(r'(<svg[^>]*?)\swidth="[^"]*"\sheight="[^"]*"', r"\1", svg, count=1)
    return svg.replace("<svg ", '<svg role="img" aria-hidden="true" focusable="false" ', 1)


def build(report: Report, profile: Profile, renderer: Renderer) -> dict[str, Chart]:
    """Every chart for every platform, keyed "<platform>-<name>"."""
    alt.theme.register("mediakit", enable=True)(lambda: {"config": theme(profile)})
    charts: dict[str, Chart] = {}
    for data in report.platforms.values():
        for chart in (followers_chart(data, renderer), views_chart(data, renderer)):
            if chart is not None:
                charts[chart.key] = chart
    return charts


def _time_frame(series: list[tuple[str, int]], column: str) -> pd.DataFrame:
    return pd.DataFrame(series, columns=["date", column])


def followers_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Follower count per day: growth, from counts (never TikTok's difference column)."""
    if len(data.followers_series) < 2:
        return None
    frame = _time_frame(data.followers_series, "followers")
    chart = (
        alt.Chart(frame)
        .mark_line(interpolate="monotone")
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b", tickCount=6)),
            y=alt.Y("followers:Q", title=None, scale=alt.Scale(zero=False),
                    axis=alt.Axis(format="~s", tickCount=4)),
        )
        .properties(width=WIDTH, height=HEIGHT)
    )
    key = f"{data.platform}-followers"
    first, last = data.followers_series[0], data.followers_series[-1]
    description = (
        f"Followers per day from {first[0]} ({first[1]:,}) to {last[0]} ({last[1]:,})."
    )
    return Chart(key, "Follower growth", description, renderer.svg(chart, key),
                 _monthly_table(frame, "followers", "last"))


def views_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Video views per day, all videos together."""
    if len(data.views_series) < 2:
        return None
    frame = _time_frame(data.views_series, "views")
    chart = (
        alt.Chart(frame)
        .mark_area(interpolate="step-after", line=False)
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b", tickCount=6)),
            y=alt.Y("views:Q", title=None, axis=alt.Axis(format="~s", tickCount=4)),
        )
        .properties(width=WIDTH, height=HEIGHT)
    )
    key = f"{data.platform}-views"
    peak = max(data.views_series, key=lambda item: (item[1], item[0]))
    description = (
        f"Video views per day from {data.views_series[0][0]} to {data.views_series[-1][0]}; "
        f"the busiest day was {peak[0]} with {peak[1]:,} views."
    )
    return Chart(key, "Daily video views", description, renderer.svg(chart, key),
                 _monthly_table(frame, "views", "sum"))


def _monthly_table(frame: pd.DataFrame, column: str, how: str) -> list[tuple[str, str]]:
    """The data behind a daily chart, one row per month (a readable size for a table)."""
    month = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m")
    grouped = frame[column].groupby(month)
    values = grouped.last() if how == "last" else grouped.sum()
    return [(label, f"{int(value):,}") for label, value in values.items()]
