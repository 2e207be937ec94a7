"""Options and arguments several commands share, so they read and behave the same everywhere."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

#: Where --verbose is remembered, in the context's meta (shared with every subcommand).
VERBOSE = "mediakit.verbose"


def is_verbose(ctx: click.Context) -> bool:
    return bool(ctx.meta.get(VERBOSE))


def _set_verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        ctx.meta[VERBOSE] = True
    return value


verbose_option = click.option(
    "--verbose", "-v", is_flag=True, expose_value=False, is_eager=True, callback=_set_verbose,
    help="Show more detail, and the traceback of an error.",
)


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-16") from exc


project_argument = click.argument(
    "project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
as_of_option = click.option(
    "--as-of", "as_of", callback=_day, metavar="YYYY-MM-DD",
    help="Compute the numbers as of this day (default: the last day of data).")
today_option = click.option(  # for reproducible runs and tests: "stale" is measured from here
    "--today", callback=_day, metavar="YYYY-MM-DD", hidden=True)
