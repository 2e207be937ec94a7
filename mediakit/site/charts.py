"""Charts: Altair specs rendered to inline SVG, themed from the creator's brand colours.

SVG (via vl-convert, no browser) means charts work without JavaScript, in print and in a PDF.
Rendering is the slowest step of a build, so each SVG is cached on disk by the hash of its spec
and vl-convert's version: an unchanged chart costs a file read. The cache only saves time: one
that cannot be read or written (read-only, full, a file where its folder should be) means drawing.

Building a spec is not free either (Altair's import alone takes a second), so Altair is imported
only when charts are built, the data goes in as plain records (no DataFrame for Altair to
sanitise), every encoding channel is a typed object (a "field:Q" string makes Altair search its
whole schema for the class), and specs are not validated against the Vega-Lite schema in a build
(the test suite validates every chart the demo draws).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediakit.analytics.report import PlatformReport, Report
from mediakit.project.limits import svg_problem
from mediakit.site import cachefile

if TYPE_CHECKING:
    import altair as alt

    from mediakit.project.profile import Profile

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
        import vl_convert

        spec = chart.to_dict(validate=False)  # validated by the test suite, not every build
        text = json.dumps(spec, sort_keys=True, separators=(",", ":"))
        # a new vl-convert brings a new Vega, which may draw the same spec differently
        text = f"vl-convert {vl_convert.__version__}\n{text}"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
        cached = self.cache_dir / f"{digest}.svg" if self.cache_dir else None
        svg = _read_cached(cached) if cached is not None else None
        if svg is not None:
            self.cached += 1
        else:
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


def _values(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Inline data for Altair: the records as JSON has them (NaN and infinity become null).

    Altair would turn a DataFrame into exactly these records (and first copy and sanitise it).
    """
    return {"values": [{name: _plain(value) for name, value in row.items()} for row in rows]}


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # a NumPy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


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


def build(report: Report, profile: Profile, renderer: Renderer) -> dict[str, Chart]:
    """Every chart for every platform, keyed "<platform>-<name>".

    Keys: followers, views (the kit), and for the report: engagement-benchmark,
    activity-heatmap, top-posts, insights, gender, age, country, city.
    """
    import altair as alt
    from altair.utils.schemapi import debug_mode

    alt.theme.register("mediakit", enable=True)(lambda: {"config": theme(profile)})
    charts: dict[str, Chart] = {}
    names = territory_names(profile.locale)
    # Altair's debug mode validates every piece of a spec as it is made; the suite validates
    # the whole specs instead (tests/test_charts.py), so a build does not pay for it.
    with debug_mode(False):
        for data in report.platforms.values():
            made = (
                followers_chart(data, renderer),
                views_chart(data, renderer),
                benchmark_chart(data, renderer),
                heatmap_chart(data, renderer),
                top_posts_chart(data, renderer),
                insights_chart(data, renderer),
                *(audience_chart(data, dimension, renderer, names)
                  for dimension in ("gender", "age", "country", "city")),
            )
            for chart in made:
                if chart is not None:
                    charts[chart.key] = chart
    return charts


def _time_values(series: list[tuple[str, int]], column: str) -> dict[str, list[dict[str, Any]]]:
    return _values([{"date": day, column: value} for day, value in series])


def followers_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Follower count per day: growth, from counts (never TikTok's difference column)."""
    if len(data.followers_series) < 2:
        return None
    import altair as alt

    chart = (
        alt.Chart(_time_values(data.followers_series, "followers"), width=WIDTH, height=HEIGHT)
        .mark_line(interpolate="monotone")
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b", tickCount=6),
                    scale=alt.Scale(type="utc")),  # the same ticks in every time zone
            y=alt.Y("followers:Q", title=None, scale=alt.Scale(zero=False),
                    axis=alt.Axis(format="~s", tickCount=4)),
        )
    )
    key = f"{data.platform}-followers"
    first, last = data.followers_series[0], data.followers_series[-1]
    description = (
        f"Followers per day from {first[0]} ({first[1]:,}) to {last[0]} ({last[1]:,})."
    )
    return Chart(key, "Follower growth", description, renderer.svg(chart, key),
                 _monthly_table(data.followers_series, "last"))


def views_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Video views per day, all videos together."""
    if len(data.views_series) < 2:
        return None
    import altair as alt

    chart = (
        alt.Chart(_time_values(data.views_series, "views"), width=WIDTH, height=HEIGHT)
        .mark_area(interpolate="step-after", line=False)
        .encode(
            x=alt.X("date:T", title=None, axis=alt.Axis(format="%b", tickCount=6),
                    scale=alt.Scale(type="utc")),  # the same ticks in every time zone
            y=alt.Y("views:Q", title=None, axis=alt.Axis(format="~s", tickCount=4)),
        )
    )
    key = f"{data.platform}-views"
    peak = max(data.views_series, key=lambda item: (item[1], item[0]))
    description = (
        f"Video views per day from {data.views_series[0][0]} to {data.views_series[-1][0]}; "
        f"the busiest day was {peak[0]} with {peak[1]:,} views."
    )
    return Chart(key, "Daily video views", description, renderer.svg(chart, key),
                 _monthly_table(data.views_series, "sum"))


def _monthly_table(series: list[tuple[str, int]], how: str) -> list[tuple[str, str]]:
    """The data behind a daily chart, one row per month (a readable size for a table).

    ``how`` is "last" (the month's last value: a count) or "sum" (a total). Days are ISO dates.
    """
    months: dict[str, int] = {}
    for day, value in series:
        month = day[:7]  # "2026-03-14" -> "2026-03"
        months[month] = value if how == "last" else months.get(month, 0) + value
    return [(label, f"{int(value):,}") for label, value in sorted(months.items())]


# -- the report's charts (analytics core) --------------------------------------------------------

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BAR_WIDTH = 400  # narrower than the time charts: labels sit above the bars, legible on a phone
BAND_COLOURS = ("#eef0f3", "#dfe3e8", "#c9ced6", "#dfe3e8", "#eef0f3")
MUTED = "#7a8699"


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


def territory_names(locale: str) -> dict[str, str]:
    """ISO alpha-2 -> country name in the profile's language ("IE" -> "Ireland")."""
    from babel import Locale

    return dict(Locale.parse(locale).territories)


def _pct(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def _short(text: str, limit: int = 38) -> str:
    """One line of at most ``limit`` characters, pictographs dropped (chart fonts lack them)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "So")
    text = " ".join(text.split()) or "Untitled"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def benchmark_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """The creator's rate as a bar over the benchmark's bands (low .. high) for the same tier."""
    bench = data.benchmark
    if bench is None:
        return None
    edges = [0.0, bench.below_from or bench.average_low, bench.average_low, bench.average_high,
             bench.above_to or bench.average_high]
    top = max(edges[-1], bench.value) * 1.15
    edges.append(top)
    names = ("low", "below average", "average", "above average", "high")
    bands = [{"band": band, "start": start, "end": end}
             for band, start, end in zip(names, edges[:-1], edges[1:], strict=True)
             if end > start]
    you = _values([{"value": bench.value, "label": f"You: {_pct(bench.value)}"}])
    middle = _values([{"mid": (bench.average_low + bench.average_high) / 2,
                       "label": f"tier average {_pct(bench.average_low)}–"
                                f"{_pct(bench.average_high)}"}])
    import altair as alt

    x = alt.X("start:Q", title=f"Engagement per {bench.denominator}",
              scale=alt.Scale(domain=[0, top], nice=False),
              axis=alt.Axis(format="%", tickCount=6))
    layers = alt.layer(
        alt.Chart(_values(bands)).mark_rect().encode(
            x=x, x2=alt.X2("end:Q"), y=alt.YValue(24), y2=alt.Y2Value(60),
            color=alt.Color("band:N", legend=None, scale=alt.Scale(
                domain=[row["band"] for row in bands],
                range=list(BAND_COLOURS[: len(bands)])))),
        alt.Chart(middle).mark_text(fontSize=12, color=MUTED, baseline="bottom").encode(
            x=alt.X("mid:Q"), y=alt.YValue(20), text=alt.Text("label:N")),
        alt.Chart(you).mark_bar().encode(x=alt.X("value:Q"), x2=alt.X2Datum(0),
                                         y=alt.YValue(34), y2=alt.Y2Value(50)),
        alt.Chart(you).mark_text(fontSize=13, fontWeight="bold", baseline="top",
                                 align="right").encode(
            x=alt.X("value:Q"), y=alt.YValue(66), text=alt.Text("label:N")),
        width=BAR_WIDTH, height=84,
    )
    key = f"{data.platform}-engagement-benchmark"
    description = (
        f"Engagement per {bench.denominator} of {_pct(bench.value)} against the {bench.tier} "
        f"benchmark ({bench.source}, {bench.source_date}): the average band is "
        f"{_pct(bench.average_low)}–{_pct(bench.average_high)}, so this is {bench.band}."
    )
    table = [(row["band"], f"{_pct(row['start'])}–{_pct(row['end'])}")
             for row in bands if row["band"] != "high"]
    table.append(("You", _pct(bench.value)))
    return Chart(key, "Engagement against the tier benchmark", description,
                 capped(renderer.svg(layers, key)), table)


def heatmap_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Active followers by weekday and hour, the recommended posting window outlined."""
    best = data.best_time
    if best is None:
        return None
    cells = [
        {"weekday": WEEKDAYS[day], "hour": hour, "end": hour + 1, "active": value}
        for day, row in enumerate(best.heatmap) for hour, value in enumerate(row)
        if value is not None
    ]
    if not cells:
        return None
    start, end = best.start_hour, best.start_hour + best.window_hours
    spans = [(start, min(end, 24))] + ([(0, end - 24)] if end > 24 else [])
    window = _values([{"start": begin, "end": stop} for begin, stop in spans])
    import altair as alt

    y = alt.Y("weekday:O", title=None, sort=list(WEEKDAYS), scale=alt.Scale(domain=WEEKDAYS))
    chart = alt.layer(
        alt.Chart(_values(cells)).mark_rect().encode(
            x=alt.X("hour:Q", title=f"Hour ({best.timezone or 'local time'})",
                    scale=alt.Scale(domain=[0, 24], nice=False),
                    axis=alt.Axis(values=list(range(0, 25, 3)), format="d")),
            x2=alt.X2("end:Q"), y=y,
            color=alt.Color("active:Q", title="Active followers",
                            scale=alt.Scale(scheme="blues"),
                            legend=alt.Legend(orient="bottom", format="~s", gradientLength=200)),
        ),
        alt.Chart(window).mark_rect(fill=None, stroke="#d9482b", strokeWidth=3).encode(
            x=alt.X("start:Q"), x2=alt.X2("end:Q")),
        width=WIDTH, height=HEIGHT,
    )
    key = f"{data.platform}-activity-heatmap"
    zone = best.timezone or "the export's local time"
    description = (
        f"Active followers by weekday and hour over {best.days} days ({zone}). The outlined "
        f"window, {best.start_hour:02d}:00 to {best.end_hour:02d}:00, holds "
        f"{_pct(best.share_of_day, 0)} of a day's follower activity; the busiest hour is "
        f"{best.peak_hour:02d}:00."
    )
    table = [(f"{hour:02d}:00", f"{value:,.0f}")
             for hour, value in enumerate(data.activity_by_hour)]
    return Chart(key, "When followers are active", description,
                 capped(renderer.svg(chart, key)), table)


def top_posts_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """The most viewed posts as bars, viral hits in the accent colour, the median as a rule."""
    if len(data.top_posts) < 2:
        return None
    viral = {post.post_id for post in (data.viral.posts if data.viral else [])}
    rows = [
        {"label": f"{i}. {_short(post.title)}", "views": post.views,
         "kind": "viral hit" if post.post_id in viral else "post"}
        for i, post in enumerate(data.top_posts, 1)
    ]
    frame = _values(rows)  # one object for both layers: Altair then lists the data once
    median = data.reach.median_views if data.reach else None
    import altair as alt

    y = alt.Y("label:N", title=None, sort=None, axis=None)
    bars = alt.Chart(frame).mark_bar(size=14, yOffset=8).encode(
        y=y,
        x=alt.X("views:Q", title="Views", axis=alt.Axis(format="~s", tickCount=4)),
        color=alt.Color("kind:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=["post", "viral hit"])),
    )
    labels = alt.Chart(frame).mark_text(align="left", baseline="middle", dy=-6, fontSize=13,
                                        color="#3b4350").encode(
        y=y, x=alt.XDatum(0), text=alt.Text("label:N"))
    layers = [bars, labels]
    if median:
        rule = _values([{"median": median}])
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[4, 3], color=MUTED).encode(
            x=alt.X("median:Q")))
    chart = alt.layer(*layers, width=BAR_WIDTH, height=alt.Step(44))
    key = f"{data.platform}-top-posts"
    best = data.top_posts[0]
    description = (
        f"The {len(rows)} most viewed posts; the first, from {best.posted_at}, has "
        f"{best.views:,} views. The dashed line is the typical (median) views of recent posts"
        + (f", {median:,.0f}." if median else ".")
    )
    table = [(row["label"], f"{int(row['views']):,}") for row in rows]
    return Chart(key, "Most viewed posts", description, capped(renderer.svg(chart, key)), table)


FACET_NAMES = {"hashtag": "", "sound": "sound: ", "duration": "length: ", "kind": "",
               "sponsored": ""}


def insights_chart(data: PlatformReport, renderer: Renderer) -> Chart | None:
    """Lift of median views per feature, with the post count in the label."""
    if not data.insights:
        return None
    rows = sorted((
        {"label": f"{FACET_NAMES.get(item.facet, '')}{_short(item.value, 30)} ({item.posts})",
         "lift": item.lift, "direction": "more views" if item.lift >= 0 else "fewer views"}
        for item in data.insights
    ), key=_by_lift)
    import altair as alt

    y = alt.Y("label:N", title=None, sort=None, axis=None)
    bars = alt.Chart().mark_bar(size=12, yOffset=8).encode(
        y=y,
        x=alt.X("lift:Q", title="Median views against the account median",
                axis=alt.Axis(format="+%", tickCount=4)),
        color=alt.Color("direction:N", legend=None,
                        scale=alt.Scale(domain=["more views", "fewer views"])),
    )
    low = min([0.0, *(float(row["lift"]) for row in rows if not math.isnan(row["lift"]))])
    labels = alt.Chart().mark_text(align="left", baseline="middle", dy=-6, fontSize=13,
                                   color="#3b4350").encode(
        y=y, x=alt.XDatum(low), text=alt.Text("text:N")).transform_calculate(
            text="datum.label + '  ' + (datum.lift >= 0 ? '+' : '') + format(datum.lift, '.0%')")
    # the data on the layer, not on each chart: the same spec, without Altair copying the rows
    chart = alt.layer(bars, labels, data=_values(rows), width=BAR_WIDTH, height=alt.Step(40))
    key = f"{data.platform}-insights"
    top = rows[0]
    description = (
        f"Median views of posts with each feature against the account's median (post counts in "
        f"brackets). Highest: {top['label']} at {top['lift']:+.0%}."
    )
    table = [(row["label"], f"{row['lift']:+.0%}") for row in rows]
    return Chart(key, "What travels", description, capped(renderer.svg(chart, key)), table)


def _by_lift(row: dict[str, Any]) -> tuple[bool, float]:
    """Largest lift first, ties in the analysis's order, a missing (NaN) lift last."""
    lift = float(row["lift"])
    return (math.isnan(lift), 0.0 if math.isnan(lift) else -lift)


AUDIENCE_TITLES = {"gender": "Gender", "age": "Age", "country": "Top countries",
                   "city": "Top cities"}


def audience_chart(data: PlatformReport, dimension: str, renderer: Renderer,
                   names: dict[str, str]) -> Chart | None:
    """One audience split as bars (countries by name, "other" last)."""
    split = data.split(dimension)
    if split is None or not split.shares:
        return None

    def label(segment: str) -> str:
        if dimension == "country":
            if segment.lower() in ("other", "others"):
                return "Other countries"
            return names.get(segment.upper(), segment)
        return segment.title() if dimension == "gender" else segment

    rows = [{"segment": label(seg), "share": share} for seg, share in split.shares.items()]
    import altair as alt

    chart = alt.Chart(width=BAR_WIDTH - 140, height=alt.Step(26)).mark_bar().encode(
        y=alt.Y("segment:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("share:Q", title=None, axis=alt.Axis(format="%", tickCount=4)),
    )
    text = chart.mark_text(align="left", dx=4, fontSize=12, color=MUTED).encode(
        text=alt.Text("share:Q", format=".0%"))
    key = f"{data.platform}-{dimension}"
    origin = (f"self-reported by the creator ({split.source})" if split.self_reported
              else f"exported ({split.source})")
    largest = rows[0]
    description = (f"Audience by {dimension}, {origin}; the largest group is "
                   f"{largest['segment']} at {largest['share']:.0%}.")
    table = [(row["segment"], _pct(row["share"])) for row in rows]
    title = AUDIENCE_TITLES.get(dimension, dimension.title())
    layered = alt.layer(chart, text, data=_values(rows), padding={"left": 24, "right": 8})
    return Chart(key, title, description, capped(renderer.svg(layered, key)), table)
