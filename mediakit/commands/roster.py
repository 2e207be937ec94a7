"""`mediakit roster build`: every creator's kit from one roster file."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from mediakit.errors import MediakitError


@click.group()
def roster() -> None:
    """Build media kits for a roster of creators (managers and agencies)."""


@roster.command("build")
@click.argument("roster_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: site/ beside the roster file).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Creators built at once (default: all CPU cores).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="local: this machine; dask: a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler address such as tcp://10.0.0.5:8786 (implies dask).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Compute every kit as of this day.")
@click.option("--pdf", is_flag=True,
              help="Also write the group kit's media-kit.pdf (a roster with group:; WeasyPrint).")
def build_command(roster_file: Path, out_dir: Path | None, workers: int | None, executor: str,
                  scheduler: str | None, as_of: str | None, pdf: bool) -> None:
    """Build every creator in ROSTER_FILE into OUT/<creator>/ plus an agency index.

    \b
    ROSTER.yaml:
      name: North Star Talent
      branding: {tagline: "Creators worth a brief", primary: "#14213d"}
      creators:
        - creators/*          # folders holding content/profile.yaml
        - ../mara-quinn
      group: {name: "The Loft"}  # optional: a collective's own kit (docs/groups.md)
    \b
    Examples:
      mediakit roster build ROSTER.yaml
      mediakit roster build ROSTER.yaml --workers 8 --out public
      mediakit roster build ROSTER.yaml --scheduler tcp://scheduler:8786
    """
    from mediakit.roster.build import build_roster

    day = None
    if as_of:
        try:
            day = date.fromisoformat(as_of)
        except ValueError as exc:
            raise click.BadParameter(f"{as_of!r} is not a date like 2026-11-16") from exc
    count = workers or os.cpu_count() or 1

    def progress(outcome, done: int, total: int) -> None:
        status = f"failed: {outcome.error}" if outcome.error else "built"
        click.echo(f"[{done}/{total}] {outcome.slug}: {status}")

    try:
        result = build_roster(roster_file, out_dir=out_dir, workers=count, executor=executor,
                              scheduler=scheduler, as_of=day, progress=progress, pdf=pdf)
    except MediakitError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)
    failed = len(result.failed)
    built = len(result.outcomes) - failed
    click.echo(f"Built {built} of {len(result.outcomes)} kits into {result.out_dir}"
               + (f"; {failed} failed (see above and the index page)." if failed else "."))
    if failed:
        sys.exit(1)
