"""The report's charts: engagement benchmark, activity heatmap, top posts, insights, audience.

The analytics core's findings, drawn. The bar charts are narrower than the kit's time charts, so
their labels stay legible when a phone shrinks them, and capped so a wide screen does not blow
them up.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from mediakit.analytics.report import PlatformReport
from mediakit.site.chart_specs import HEIGHT, WIDTH, inline_data
from mediakit.site.chart_svg import Chart, Renderer, capped
from mediakit.site.format import UNTITLED, Formatter, small_share

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BAR_WIDTH = 400  # narrower than the time charts: labels sit above the bars, legible on a phone
BAND_COLOURS = ("#eef0f3", "#dfe3e8", "#c9ced6", "#dfe3e8", "#eef0f3")
MUTED = "#7a8699"


def territory_names(locale: str) -> dict[str, str]:
    """ISO alpha-2 -> country name in the profile's language ("IE" -> "Ireland")."""
    from babel import Locale

    return dict(Locale.parse(locale).territories)


def _pct(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def _short(text: str, limit: int = 38) -> str:
    """One line of at most ``limit`` characters, pictographs dropped (chart fonts lack them)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "So")
    text = " ".join(text.split()) or UNTITLED
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def benchmark_chart(data: PlatformReport, renderer: Renderer,
                    fmt: Formatter | None = None) -> Chart | None:
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
    you = inline_data([{"value": bench.value, "label": f"You: {_pct(bench.value)}"}])
    middle = inline_data([{"mid": (bench.average_low + bench.average_high) / 2,
                       "label": f"tier average {_pct(bench.average_low)}–"
                                f"{_pct(bench.average_high)}"}])
    import altair as alt

    x = alt.X("start:Q", title=f"Engagement per {bench.denominator}",
              scale=alt.Scale(domain=[0, top], nice=False),
              axis=alt.Axis(format="%", tickCount=6))
    layers = alt.layer(
        alt.Chart(inline_data(bands)).mark_rect().encode(
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
        f"benchmark ({bench.source}, {(fmt or Formatter()).dated(bench.source_date)}): the average "
        "band is "
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
    window = inline_data([{"start": begin, "end": stop} for begin, stop in spans])
    import altair as alt

    y = alt.Y("weekday:O", title=None, sort=list(WEEKDAYS), scale=alt.Scale(domain=WEEKDAYS))
    chart = alt.layer(
        alt.Chart(inline_data(cells)).mark_rect().encode(
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


def top_posts_chart(data: PlatformReport, renderer: Renderer,
                    fmt: Formatter | None = None) -> Chart | None:
    """The most viewed posts as bars, viral hits in the accent colour, the median as a rule."""
    if len(data.top_posts) < 2:
        return None
    viral = {post.post_id for post in (data.viral.posts if data.viral else [])}
    rows = [
        {"label": f"{i}. {_short(post.title)}", "views": post.views,
         "kind": "viral hit" if post.post_id in viral else "post"}
        for i, post in enumerate(data.top_posts, 1)
    ]
    frame = inline_data(rows)  # one object for both layers: Altair then lists the data once
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
        rule = inline_data([{"median": median}])
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[4, 3], color=MUTED).encode(
            x=alt.X("median:Q")))
    chart = alt.layer(*layers, width=BAR_WIDTH, height=alt.Step(44))
    key = f"{data.platform}-top-posts"
    best = data.top_posts[0]
    fmt = fmt or Formatter()
    description = (
        f"The {len(rows)} most viewed posts; the first, from {fmt.day(best.posted_at)}, has "
        f"{fmt.number(best.views)} views. The dashed line is the typical (median) views of "
        "recent posts" + (f", {fmt.number(median)}." if median else ".")
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
    chart = alt.layer(bars, labels, data=inline_data(rows), width=BAR_WIDTH, height=alt.Step(40))
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

    rows = [{"segment": label(seg), "share": share,
             "label": small_share(share) or f"{share:.0%}"}
            for seg, share in split.shares.items()]
    import altair as alt

    chart = alt.Chart(width=BAR_WIDTH - 140, height=alt.Step(26)).mark_bar().encode(
        y=alt.Y("segment:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("share:Q", title=None, axis=alt.Axis(format="%", tickCount=4)),
    )
    text = chart.mark_text(align="left", dx=4, fontSize=12, color=MUTED).encode(
        text=alt.Text("label:N"))
    key = f"{data.platform}-{dimension}"
    origin = (f"self-reported by the creator ({split.source})" if split.self_reported
              else "from the platform's own analytics export")
    largest = rows[0]
    description = (f"Audience by {dimension}, {origin}; the largest group is "
                   f"{largest['segment']} at {largest['label']}.")
    table = [(row["segment"], small_share(row["share"], 1) or _pct(row["share"])) for row in rows]
    title = AUDIENCE_TITLES.get(dimension, dimension.title())
    layered = alt.layer(chart, text, data=inline_data(rows), padding={"left": 24, "right": 8})
    return Chart(key, title, description, capped(renderer.svg(layered, key)), table)
