"""``mediakit pull``: fresh numbers from the platforms' APIs into dated snapshots."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click

from mediakit.commands.auth import require_live
from mediakit.commands.options import project_argument, today_option, verbose_option
from mediakit.commands.output import console
from mediakit.errors import LiveError


def _since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a day like 2026-09-01, got {value!r}") from None


@click.command()
@project_argument
@click.option("--platform", type=click.Choice(["youtube", "instagram", "tiktok"]),
              help="Pull only this platform (default: every signed-in platform of the profile).")
@click.option("--since", callback=_since, metavar="YYYY-MM-DD",
              help="The first day to fetch (default: 90 days back; Instagram 30).")
@today_option
@verbose_option
def pull(project_dir: Path, platform: str | None, since: date | None,
         today: date | None) -> None:
    """Fetch your own numbers from the platforms' APIs (after `mediakit auth`).

    Each platform's numbers are written to content/data/<platform>/api/<today>/ only when its
    whole pull succeeded; `mediakit build` then reads them like any export.

    \b
    Examples:
      mediakit pull
      mediakit pull --platform youtube --since 2026-09-01
    """
    require_live()
    from mediakit.live.pull import pull as run_pull
    from mediakit.live.tokens import LABELS

    day = today or datetime.now(UTC).date()
    result = run_pull(project_dir, day, only=platform, since=since)
    out = console()
    for name, folder, snapshot in result.written:
        counts = ", ".join(f"{len(rows)} {file.removesuffix('.csv')} rows"
                           for file, rows in snapshot.tables().items())
        out.print(f"{LABELS[name]}: {counts} -> {folder}", markup=False)
    for name in result.skipped:
        out.print(f"{LABELS[name]}: not signed in, skipped (mediakit auth {name})", markup=False)
    if result.failed:
        for error in result.failed[:-1]:
            click.secho(f"Error: {error}", fg="red", err=True)
        raise result.failed[-1]
    if not result.written:
        raise LiveError("nothing was pulled")
