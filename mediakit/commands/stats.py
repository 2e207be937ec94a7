"""``mediakit stats``: the kit's headline numbers in the terminal (or as JSON), without building."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mediakit.commands.options import as_of_option, project_argument, today_option, verbose_option
from mediakit.commands.output import console, warn

if TYPE_CHECKING:  # rich costs 50 ms to import: only when something is printed
    from rich.table import Table


@click.command()
@project_argument
@click.option("--json", "as_json", is_flag=True,
              help="Print the numbers as JSON, exactly as in site/stats.json.")
@as_of_option
@today_option
@verbose_option
def stats(project_dir: Path, as_json: bool, as_of: date | None, today: date | None) -> None:
    """Show the kit's headline numbers, without building.

    \b
    Examples:
      mediakit stats
      mediakit stats --json | jq .platforms.tiktok.followers
    """
    from mediakit.build import analyze_project
    from mediakit.site.stats import stats_json

    analysis = analyze_project(project_dir, as_of=as_of, today=today)
    if as_json:
        click.echo(stats_json(analysis.report).decode("utf-8"), nl=False)
        return
    console().print(stats_table(analysis))
    for warning in analysis.report.warnings:
        warn(warning)


def stats_table(analysis: Any) -> Table:
    """The headline numbers, one column per platform, formatted for the profile's locale."""
    from mediakit.site.filters import country_name
    from mediakit.site.format import Formatter
    from mediakit.site.render import platform_name

    fmt = Formatter(analysis.profile.locale)
    report = analysis.report
    from rich.table import Table

    table = Table(title=f"{analysis.profile.name}: data as of {report.as_of.isoformat()}",
                  title_justify="left")
    table.add_column("")
    platforms = list(report.platforms.values())
    for data in platforms:
        table.add_column(f"{platform_name(data.platform)} {data.handle}", justify="right")

    def row(label: str, values: list[str]) -> None:
        table.add_row(label, *values)

    def top(data: Any, dimension: str, count: int) -> str:
        split = data.split(dimension)
        if split is None:
            return fmt.percent(None)
        items = list(split.shares.items())[:count]
        names = [country_name(k, fmt) if dimension == "country" else k for k, _ in items]
        text = ", ".join(f"{name} {fmt.share(v)}" for name, (_, v) in zip(names, items,
                                                                             strict=True))
        return text + (" (self-reported)" if split.self_reported else "")

    def typical(data: Any) -> str:
        reach = getattr(data, "reach", None)
        if reach is not None and reach.median_views is not None:
            return f"{fmt.number(reach.median_views)} ({reach.window.rule})"
        return fmt.number(data.median_views)

    def rate(data: Any, key: str) -> str:
        found = data.rate(key) if hasattr(data, "rate") else None
        value = found.value if found is not None else (
            data.engagement_rate_per_view if key == "per_view" else None)
        text = fmt.percent(value, 2)
        benchmark = getattr(data, "benchmark", None)
        if value is not None and benchmark is not None and key == f"per_{benchmark.denominator}":
            text += f" ({benchmark.band} for {benchmark.tier})"
        return text

    def windowed(value: Any, span: Any) -> str:
        """A 30-day figure, with the days it really covers when the data holds fewer."""
        text = fmt.number(value)
        return text if value is None or span is None or span.full else f"{text} ({fmt.span(span)})"

    def suggestion(data: Any, index: int) -> str:
        advice = getattr(data, "rates", None)
        if advice is None or len(advice.suggestions) <= index:
            return fmt.number(None)
        item = advice.suggestions[index]
        return f"{fmt.money(item.low, item.currency)} – {fmt.money(item.high, item.currency)}"

    def period(data: Any) -> str:
        totals = getattr(data, "period_totals", None)
        if not totals:
            return fmt.number(None)
        return f"{fmt.number(totals[0].views)} ({fmt.period(totals[0])})"

    row("Followers", [fmt.number(d.followers) for d in platforms])
    row("Change, last 30 days", [fmt.signed(d.followers_change_30d) for d in platforms])
    row("Views, last 30 days", [windowed(d.views_30d, getattr(d, "views_30d_span", None))
                                for d in platforms])
    row("Profile views, last 30 days", [
        windowed(d.profile_views_30d, getattr(getattr(d, "reach", None), "span_30d", None))
        for d in platforms])
    row("Views over an export's period", [period(d) for d in platforms])
    row("Typical views per post (median)", [typical(d) for d in platforms])
    row("Engagement per view", [rate(d, "per_view") for d in platforms])
    row("Engagement per follower", [rate(d, "per_follower") for d in platforms])
    row("Gender", [top(d, "gender", 2) for d in platforms])
    row("Age", [top(d, "age", 2) for d in platforms])
    row("Top countries", [top(d, "country", 3) for d in platforms])
    row("Best hours to post", [", ".join(fmt.hour(h) for h in d.best_posting_hours)
                               or fmt.hour(None) for d in platforms])
    row("Benchmark band", [d.benchmark.band if d.benchmark else fmt.number(None)
                           for d in platforms])
    # mediakit's price suggestions are advice for the creator: here always, on the kit only
    # with site.show_suggested_rates
    for index, label in enumerate(("Suggested: 1 post", "Suggested: + usage rights (30 d)",
                                   "Suggested: + exclusivity (30 d)", "Suggested: 3 posts")):
        row(label, [suggestion(d, index) for d in platforms])
    return table
