"""The report's charts: engagement benchmark, activity heatmap, top posts, insights, audience.

The analytics core's findings, drawn. The bar charts are narrower than the kit's time charts, so
their labels stay legible when a phone shrinks them, and capped so a wide screen does not blow
them up.
"""

from __future__ import annotations

import math
import unicodedata
from typing import TYPE_CHECKING, Any

from mediakit.analytics.report import PlatformReport
from mediakit.site.chart_specs import HEIGHT, WIDTH, inline_data
from mediakit.site.chart_svg import Chart, Renderer, capped
from mediakit.site.format import UNTITLED, Formatter, small_share
from mediakit.site.i18n import N_
from mediakit.site.wording import BANDS, DENOMINATORS, tr

if TYPE_CHECKING:
    from babel import Locale

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
BAR_WIDTH = 400  # narrower than the time charts: labels sit above the bars, legible on a phone
BAND_COLOURS = ("#eef0f3", "#dfe3e8", "#c9ced6", "#dfe3e8", "#eef0f3")
MUTED = "#7a8699"


def territory_names(locale: str | Locale) -> dict[str, str]:
    """ISO alpha-2 -> country name in the profile's language ("IE" -> "Ireland")."""
    from babel import Locale

    return dict(Locale.parse(locale).territories)  # parse() returns a Locale as it is


def _pct(value: float | None, digits: int = 1, fmt: Formatter | None = None) -> str:
    if value is None:
        return "—"
    return fmt.percent(value, digits) if fmt is not None else f"{value * 100:.{digits}f}%"


def _short(text: str, limit: int = 38, fmt: Formatter | None = None) -> str:
    """One line of at most ``limit`` characters, pictographs dropped (chart fonts lack them)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "So")
    text = " ".join(text.split()) or (fmt.gettext(UNTITLED) if fmt else UNTITLED)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def benchmark_chart(data: PlatformReport, renderer: Renderer,
                    fmt: Formatter | None = None) -> Chart | None:
    """The creator's rate as a bar over the benchmark's bands (low .. high) for the same tier."""
    bench = data.benchmark
    if bench is None:
        return None
    fmt = fmt or Formatter()
    edges = [0.0, bench.below_from or bench.average_low, bench.average_low, bench.average_high,
             bench.above_to or bench.average_high]
    top = max(edges[-1], bench.value) * 1.15
    edges.append(top)
    names = ("low", "below average", "average", "above average", "high")
    bands = [{"band": tr(fmt, BANDS[band]), "start": start, "end": end}
             for band, start, end in zip(names, edges[:-1], edges[1:], strict=True)
             if end > start]
    you = inline_data([{"value": bench.value,
                        "label": fmt.gettext("You: %(rate)s", rate=_pct(bench.value, 1, fmt))}])
    middle = inline_data([{"mid": (bench.average_low + bench.average_high) / 2,
                       "label": fmt.gettext("tier average %(low)s–%(high)s",
                                            low=_pct(bench.average_low, 1, fmt),
                                            high=_pct(bench.average_high, 1, fmt))}])
    import altair as alt

    from mediakit.site.wording import per_denominator_label, tier_name

    x = alt.X("start:Q", title=per_denominator_label(fmt, bench.denominator),
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
    description = fmt.gettext(
        "Engagement per %(denominator)s of %(rate)s against the %(tier)s benchmark (%(source)s, "
        "%(date)s): the average band is %(low)s–%(high)s, so this is %(band)s.",
        denominator=tr(fmt, DENOMINATORS.get(bench.denominator, bench.denominator)),
        rate=_pct(bench.value, 1, fmt), tier=tier_name(fmt, bench.tier), source=bench.source,
        date=fmt.dated(bench.source_date), low=_pct(bench.average_low, 1, fmt),
        high=_pct(bench.average_high, 1, fmt), band=tr(fmt, BANDS[bench.band]))
    table = [(row["band"], f"{_pct(row['start'], 1, fmt)}–{_pct(row['end'], 1, fmt)}")
             for row in bands if row["band"] != tr(fmt, BANDS["high"])]
    table.append((fmt.gettext("You"), _pct(bench.value, 1, fmt)))
    return Chart(key, fmt.gettext("Engagement against the tier benchmark"), description,
                 capped(renderer.svg(layers, key)), table)


def heatmap_chart(data: PlatformReport, renderer: Renderer,
                  fmt: Formatter | None = None) -> Chart | None:
    """Active followers by weekday and hour, the recommended posting window outlined."""
    best = data.best_time
    if best is None:
        return None
    fmt = fmt or Formatter()
    names = fmt.language_locale.days["format"]["abbreviated"]
    weekdays = [names[day] for day in range(7)] if fmt.language_locale.language != "en" \
        else list(WEEKDAYS)
    cells = [
        {"weekday": weekdays[day], "hour": hour, "end": hour + 1, "active": value}
        for day, row in enumerate(best.heatmap) for hour, value in enumerate(row)
        if value is not None
    ]
    if not cells:
        return None
    start, end = best.start_hour, best.start_hour + best.window_hours
    spans = [(start, min(end, 24))] + ([(0, end - 24)] if end > 24 else [])
    window = inline_data([{"start": begin, "end": stop} for begin, stop in spans])
    import altair as alt

    y = alt.Y("weekday:O", title=None, sort=weekdays, scale=alt.Scale(domain=weekdays))
    chart = alt.layer(
        alt.Chart(inline_data(cells)).mark_rect().encode(
            x=alt.X("hour:Q", title=fmt.gettext("Hour (%(zone)s)",
                                                zone=best.timezone or fmt.gettext("local time")),
                    scale=alt.Scale(domain=[0, 24], nice=False),
                    axis=alt.Axis(values=list(range(0, 25, 3)), format="d")),
            x2=alt.X2("end:Q"), y=y,
            color=alt.Color("active:Q", title=fmt.gettext("Active followers"),
                            scale=alt.Scale(scheme="blues"),
                            legend=alt.Legend(orient="bottom", format="~s", gradientLength=200)),
        ),
        alt.Chart(window).mark_rect(fill=None, stroke="#d9482b", strokeWidth=3).encode(
            x=alt.X("start:Q"), x2=alt.X2("end:Q")),
        width=WIDTH, height=HEIGHT,
    )
    key = f"{data.platform}-activity-heatmap"
    zone = best.timezone or fmt.gettext("the export's local time")
    description = fmt.ngettext(
        "Active followers by weekday and hour over %(num)d day (%(zone)s). The outlined window, "
        "%(start)s to %(end)s, holds %(share)s of a day's follower activity; the busiest hour is "
        "%(peak)s.",
        "Active followers by weekday and hour over %(num)d days (%(zone)s). The outlined window, "
        "%(start)s to %(end)s, holds %(share)s of a day's follower activity; the busiest hour is "
        "%(peak)s.", best.days, zone=zone, start=fmt.hour(best.start_hour),
        end=fmt.hour(best.end_hour), share=_pct(best.share_of_day, 0, fmt),
        peak=fmt.hour(best.peak_hour))
    table = [(f"{hour:02d}:00", fmt.number(value))
             for hour, value in enumerate(data.activity_by_hour)]
    return Chart(key, fmt.gettext("When followers are active"), description,
                 capped(renderer.svg(chart, key)), table)


def top_posts_chart(data: PlatformReport, renderer: Renderer,
                    fmt: Formatter | None = None) -> Chart | None:
    """The most viewed posts as bars, viral hits in the accent colour, the median as a rule."""
    if len(data.top_posts) < 2:
        return None
    viral = {post.post_id for post in (data.viral.posts if data.viral else [])}
    fmt = fmt or Formatter()
    kinds = (fmt.gettext("post"), fmt.gettext("viral hit"))
    rows = [
        {"label": f"{i}. {_short(post.title, fmt=fmt)}", "views": post.views,
         "kind": kinds[1] if post.post_id in viral else kinds[0]}
        for i, post in enumerate(data.top_posts, 1)
    ]
    frame = inline_data(rows)  # one object for both layers: Altair then lists the data once
    median = data.reach.median_views if data.reach else None
    import altair as alt

    y = alt.Y("label:N", title=None, sort=None, axis=None)
    bars = alt.Chart(frame).mark_bar(size=14, yOffset=8).encode(
        y=y,
        x=alt.X("views:Q", title=fmt.gettext("Views"), axis=alt.Axis(format="~s", tickCount=4)),
        color=alt.Color("kind:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=list(kinds))),
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
    values = {"day": fmt.day(best.posted_at), "views": fmt.number(best.views)}
    if median:
        description = fmt.ngettext(
            "The %(num)d most viewed post; the first, from %(day)s, has %(views)s views. The "
            "dashed line is the typical (median) views of recent posts, %(median)s.",
            "The %(num)d most viewed posts; the first, from %(day)s, has %(views)s views. The "
            "dashed line is the typical (median) views of recent posts, %(median)s.",
            len(rows), median=fmt.number(median), **values)
    else:
        description = fmt.ngettext(
            "The %(num)d most viewed post; the first, from %(day)s, has %(views)s views. The "
            "dashed line is the typical (median) views of recent posts.",
            "The %(num)d most viewed posts; the first, from %(day)s, has %(views)s views. The "
            "dashed line is the typical (median) views of recent posts.", len(rows), **values)
    table = [(row["label"], fmt.number(row["views"])) for row in rows]
    return Chart(key, fmt.gettext("Most viewed posts"), description,
                 capped(renderer.svg(chart, key)), table)


FACET_LABELS = {"sound": N_("sound: %(value)s"), "duration": N_("length: %(value)s")}


def insights_chart(data: PlatformReport, renderer: Renderer,
                   fmt: Formatter | None = None) -> Chart | None:
    """Lift of median views per feature, with the post count in the label."""
    if not data.insights:
        return None
    fmt = fmt or Formatter()
    directions = (fmt.gettext("more views"), fmt.gettext("fewer views"))

    def label(facet: str, value: str) -> str:
        short = _short(tr(fmt, value) if facet in ("duration", "kind", "sponsored") else value,
                       30, fmt)
        return fmt.gettext(FACET_LABELS[facet], value=short) if facet in FACET_LABELS else short

    rows = sorted((
        {"label": f"{label(item.facet, item.value)} ({item.posts})",
         "lift": item.lift, "direction": directions[0] if item.lift >= 0 else directions[1]}
        for item in data.insights
    ), key=_by_lift)
    import altair as alt

    y = alt.Y("label:N", title=None, sort=None, axis=None)
    bars = alt.Chart().mark_bar(size=12, yOffset=8).encode(
        y=y,
        x=alt.X("lift:Q", title=fmt.gettext("Median views against the account median"),
                axis=alt.Axis(format="+%", tickCount=4)),
        color=alt.Color("direction:N", legend=None, scale=alt.Scale(domain=list(directions))),
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
    description = fmt.gettext(
        "Median views of posts with each feature against the account's median (post counts in "
        "brackets). Highest: %(feature)s at %(lift)s.", feature=top["label"],
        lift=_signed(top["lift"], fmt))
    table = [(row["label"], _signed(row["lift"], fmt)) for row in rows]
    return Chart(key, fmt.gettext("What travels"), description,
                 capped(renderer.svg(chart, key)), table)


def _by_lift(row: dict[str, Any]) -> tuple[bool, float]:
    """Largest lift first, ties in the analysis's order, a missing (NaN) lift last."""
    lift = float(row["lift"])
    return (math.isnan(lift), 0.0 if math.isnan(lift) else -lift)


def _signed(lift: float, fmt: Formatter) -> str:
    """+65% / -17%: a lift, its sign always shown (as the chart's own labels write it)."""
    if math.isnan(lift):
        return "—"
    return ("+" if lift >= 0 else "-") + fmt.percent(abs(lift), 0)


AUDIENCE_TITLES = {"gender": N_("Gender"), "age": N_("Age"), "country": N_("Top countries"),
                   "city": N_("Top cities")}
AUDIENCE_DIMENSIONS = {"gender": N_("gender"), "age": N_("age"), "country": N_("country"),
                       "city": N_("city")}


def audience_chart(data: PlatformReport, dimension: str, renderer: Renderer,
                   names: dict[str, str], fmt: Formatter | None = None) -> Chart | None:
    """One audience split as bars (countries by name, "other" last)."""
    split = data.split(dimension)
    if split is None or not split.shares:
        return None
    fmt = fmt or Formatter()
    from mediakit.site.wording import gender

    def label(segment: str) -> str:
        if dimension == "country":
            if segment.lower() in ("other", "others"):
                return fmt.gettext("Other countries")
            return names.get(segment.upper(), segment)
        return gender(fmt, segment) if dimension == "gender" else segment

    rows = [{"segment": label(seg), "share": share,
             "label": small_share(share) or fmt.percent(share, 0)}
            for seg, share in split.shares.items()]
    import altair as alt

    chart = alt.Chart(width=BAR_WIDTH - 140, height=alt.Step(26)).mark_bar().encode(
        y=alt.Y("segment:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("share:Q", title=None, axis=alt.Axis(format="%", tickCount=4)),
    )
    text = chart.mark_text(align="left", dx=4, fontSize=12, color=MUTED).encode(
        text=alt.Text("label:N"))
    key = f"{data.platform}-{dimension}"
    largest = rows[0]
    values = {"dimension": tr(fmt, AUDIENCE_DIMENSIONS.get(dimension, dimension)),
              "group": largest["segment"], "share": largest["label"]}
    if split.self_reported:
        description = fmt.gettext(
            "Audience by %(dimension)s, self-reported by the creator (%(source)s); the largest "
            "group is %(group)s at %(share)s.", source=split.source, **values)
    else:
        description = fmt.gettext(
            "Audience by %(dimension)s, from the platform's own analytics export; the largest "
            "group is %(group)s at %(share)s.", **values)
    table = [(row["segment"], small_share(row["share"], 1) or _pct(row["share"], 1, fmt))
             for row in rows]
    title = tr(fmt, AUDIENCE_TITLES.get(dimension, dimension.title()))
    layered = alt.layer(chart, text, data=inline_data(rows), padding={"left": 24, "right": 8})
    return Chart(key, title, description, capped(renderer.svg(layered, key)), table)
