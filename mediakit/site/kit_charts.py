"""The kit's charts: follower growth and daily video views, each a line or area over time."""

from __future__ import annotations

from typing import Any

from mediakit.analytics.report import PlatformReport
from mediakit.site.chart_specs import HEIGHT, WIDTH, inline_data
from mediakit.site.chart_svg import Chart, Renderer
from mediakit.site.format import Formatter


def _time_values(series: list[tuple[str, int]], column: str) -> dict[str, list[dict[str, Any]]]:
    return inline_data([{"date": day, column: value} for day, value in series])


def followers_chart(data: PlatformReport, renderer: Renderer,
                    fmt: Formatter | None = None) -> Chart | None:
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
    fmt = fmt or Formatter()
    first, last = data.followers_series[0], data.followers_series[-1]
    description = fmt.gettext(
        "Followers per day from %(first_day)s (%(first)s) to %(last_day)s (%(last)s).",
        first_day=fmt.day(first[0]), first=fmt.number(first[1]),
        last_day=fmt.day(last[0]), last=fmt.number(last[1]))
    return Chart(key, fmt.gettext("Follower growth"), description, renderer.svg(chart, key),
                 _monthly_table(data.followers_series, "last", fmt))


def views_chart(data: PlatformReport, renderer: Renderer,
                fmt: Formatter | None = None) -> Chart | None:
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
    fmt = fmt or Formatter()
    peak = max(data.views_series, key=lambda item: (item[1], item[0]))
    description = fmt.gettext(
        "Video views per day from %(first)s to %(last)s; the busiest day was %(peak)s with "
        "%(views)s views.", first=fmt.day(data.views_series[0][0]),
        last=fmt.day(data.views_series[-1][0]), peak=fmt.day(peak[0]), views=fmt.number(peak[1]))
    return Chart(key, fmt.gettext("Daily video views"), description, renderer.svg(chart, key),
                 _monthly_table(data.views_series, "sum", fmt))


def _monthly_table(series: list[tuple[str, int]], how: str,
                   fmt: Formatter | None = None) -> list[tuple[str, str]]:
    """The data behind a daily chart, one row per month (a readable size for a table).

    ``how`` is "last" (the month's last value: a count) or "sum" (a total). Days are ISO dates;
    months and numbers are written as the rest of the page writes them (the profile's locale).
    """
    fmt = fmt or Formatter()
    months: dict[str, int] = {}
    for day, value in series:
        month = day[:7]  # "2026-03-14" -> "2026-03"
        months[month] = value if how == "last" else months.get(month, 0) + value
    return [(fmt.month(label), fmt.number(value)) for label, value in sorted(months.items())]
