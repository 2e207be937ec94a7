"""``mediakit check``: the data report printed, and its exit status (logic: check_report.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from mediakit.commands.options import project_argument, today_option, verbose_option
from mediakit.commands.output import console
from mediakit.errors import printable


@click.command()
@project_argument
@today_option
@verbose_option
@click.pass_context
def check(ctx: click.Context, project_dir: Path, today: date | None) -> None:
    """Check the profile and every export without building, and report on the data.

    Shows what each export covers (dates, rows), gaps, stale data, "undefined" days,
    overlapping exports, numbers the kit will show as missing, and notes on anything odd.
    Exit status: 0 all good, 1 warnings, 2 errors.

    \b
    Examples:
      mediakit check
      mediakit check my-kit || echo "look at the report before sending the kit"
    """
    from mediakit.commands.check_report import check as run_check
    from mediakit.commands.check_report import lines

    result = run_check(project_dir, today=today)
    out = console()
    styles = {"head": "bold", "error": "red", "warning": "yellow", "note": "dim"}
    for style, text in lines(result):
        out.print(printable(text), style=styles.get(style), markup=False)
    ctx.exit(result.exit_code)
