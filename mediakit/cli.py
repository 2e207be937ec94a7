"""The command line: thin wrappers that call the pipeline, print, and pick the exit status.

Exit status: 0 success, 1 warnings (where a command says so), 2 a problem in the user's files.
A MediakitError prints as one line; a traceback appears only with --verbose or MEDIAKIT_DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from mediakit import __version__
from mediakit.errors import MediakitError


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-16") from exc


def fail(error: MediakitError, verbose: bool = False) -> None:
    """Print the one-line error (and the traceback when asked) and exit 2."""
    if verbose or os.environ.get("MEDIAKIT_DEBUG") == "1":
        import traceback

        traceback.print_exc()
    click.echo(f"Error: {error}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mediakit")
def main() -> None:
    """Build a media kit website from your own analytics exports.

    \b
    Quick start:
      mediakit build            # reads content/, writes site/
    """


@main.command()
@click.argument("project_dir", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: PROJECT_DIR/site).")
@click.option("--as-of", "as_of", callback=_as_of, metavar="YYYY-MM-DD",
              help="Compute the numbers as of this day (default: the last day of data).")
@click.option("--verbose", is_flag=True, help="Show details, and tracebacks on errors.")
def build(project_dir: Path, out_dir: Path | None, as_of: date | None, verbose: bool) -> None:
    """Build the media kit site from PROJECT_DIR (default: the current folder).

    \b
    Examples:
      mediakit build
      mediakit build my-kit --out public
      mediakit build --as-of 2026-10-31
    """
    from mediakit.build import build as run_build

    try:
        result = run_build(project_dir, out_dir=out_dir, as_of=as_of)
    except MediakitError as error:
        fail(error, verbose)
        return
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    click.echo(
        f"Built {result.files} files into {result.out_dir} in {result.seconds:.1f} s "
        f"(data as of {result.report.as_of.isoformat()})."
    )


if __name__ == "__main__":  # pragma: no cover
    main()
