"""``mediakit build``: the site from the project, with progress on a terminal and a summary.

A build with nothing changed since the last one finishes on a fast path that prints with click
alone: rich's import would double the time of a build that did nothing.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mediakit.commands.options import (
    as_of_option,
    is_verbose,
    project_argument,
    today_option,
    verbose_option,
)
from mediakit.commands.output import console, note, warn

if TYPE_CHECKING:
    from rich.console import Console


class StageView:
    """Progress on a terminal: a spinner for the running stage, a tick for each finished one."""

    def __init__(self, console: Console, show: bool) -> None:
        self.console, self.show = console, show
        self.status: Any = None
        self.current: str | None = None
        self.since = time.perf_counter()

    def __call__(self, stage: str) -> None:
        from mediakit.build import STAGES

        self.finish()
        self.current, self.since = stage, time.perf_counter()
        if not self.show:
            return
        if self.status is None:
            self.status = self.console.status(STAGES[stage] + "…")
            self.status.start()
        else:
            self.status.update(STAGES[stage] + "…")

    def finish(self) -> None:
        from mediakit.build import STAGES

        if self.current is not None and self.show:
            seconds = time.perf_counter() - self.since
            self.console.print(f"[green]✓[/] {STAGES[self.current]} [dim]{seconds:.1f} s[/]")
        self.current = None

    def close(self, ok: bool) -> None:
        if ok:
            self.finish()
        if self.status is not None:
            self.status.stop()


@click.command()
@project_argument
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: PROJECT_DIR/site).")
@as_of_option
@click.option("--strict", is_flag=True,
              help="Treat warnings (stale data, unreadable dates...) as errors: exit 1, "
                   "site not written.")
@click.option("--pdf", is_flag=True, help="Also write site/media-kit.pdf (needs WeasyPrint).")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings and errors.")
@click.option("--force", is_flag=True,
              help="Run every stage even when nothing changed since the last build.")
@today_option
@verbose_option
@click.pass_context
def build(ctx: click.Context, project_dir: Path, out_dir: Path | None, as_of: date | None,
          strict: bool, pdf: bool, quiet: bool, force: bool, today: date | None) -> None:
    """Build the media kit site from PROJECT_DIR (default: the current folder).

    Reads content/profile.yaml and the exports in content/data/, saves what they hold into
    content/data/history/, and writes the site into site/ (the old site survives any error).

    \b
    Examples:
      mediakit build
      mediakit build my-kit --out public
      mediakit build --strict          # in CI: fail on stale or doubtful data
      mediakit build --as-of 2026-10-31 --pdf
      mediakit build --force           # every stage again, even with nothing changed
    """
    if not force and _skipped(project_dir, out_dir, as_of, strict, pdf, quiet, today):
        return
    from mediakit.site import chart_pool

    # The drawing processes start first, so their engines warm up while this one imports pandas,
    # reads the exports and computes the numbers; they end with the build, whatever happens.
    # None when every chart will come from the cache (or on one core: chart_pool.wanted_workers).
    drawing = chart_pool.wanted_workers() > 0 and not _charts_cached(project_dir, out_dir, as_of,
                                                                      pdf)
    with chart_pool.for_build(None, needed=drawing) as pool:
        from mediakit.build import build as run_build

        out = console()
        view = StageView(out, show=not quiet and (out.is_terminal or is_verbose(ctx)))
        ok = False
        try:
            result = run_build(project_dir, out_dir=out_dir, as_of=as_of, today=today,
                               strict=strict, pdf=pdf, progress=view, pool=pool)
            ok = True
        finally:
            view.close(ok)
    for warning in result.warnings:
        warn(warning)
    if quiet:
        return
    count = len(result.warnings)
    out.print(f"Built {result.pages} pages ({result.files} files) into {result.out_dir} in "
              f"{result.seconds:.1f} s.", style="bold", markup=False)
    out.print(f"  charts:     {result.charts_rendered} drawn, {result.charts_cached} from the "
              "cache", markup=False)
    out.print(f"  warnings:   {count if count else 'none'}", markup=False,
              style="yellow" if count else None)
    out.print(f"  data as of: {result.report.as_of.isoformat()}", markup=False)
    if result.pdf is not None:
        out.print(f"  pdf:        {result.pdf}", markup=False)
    out.print(f"Open {result.out_dir / 'index.html'}, or preview it with: mediakit serve",
              markup=False)
    for text in result.notes:
        note(text)


def _charts_cached(project_dir: Path, out_dir: Path | None, as_of: date | None,
                   pdf: bool) -> bool:
    from mediakit.project.layout import Project
    from mediakit.publish import fastpath

    project = Project(project_dir)
    return fastpath.charts_unchanged(
        project.root, out_dir if out_dir is not None else project.site, project.cache_dir,
        as_of_option=as_of, pdf=pdf)


def _skipped(project_dir: Path, out_dir: Path | None, as_of: date | None, strict: bool,
             pdf: bool, quiet: bool, today: date | None) -> bool:
    """Finish quickly when the last build's record shows nothing (or only page text) changed."""
    from mediakit.project.layout import Project
    from mediakit.publish import fastpath

    project = Project(project_dir)
    out_dir = out_dir if out_dir is not None else project.site
    skipped = fastpath.try_skip(project.root, out_dir, project.cache_dir, as_of_option=as_of,
                                pdf=pdf, strict=strict, today=today)
    if skipped is None:
        return False
    for warning in skipped.warnings:
        warn(warning)
    if quiet:
        return True
    # click, not rich: rich's import alone would double the time of a build that did nothing
    if skipped.patched:
        names = ", ".join(skipped.patched)
        count = len(skipped.patched)
        click.secho(f"Updated {count} page{'s' if count != 1 else ''} in {skipped.out_dir} in "
                    f"{skipped.seconds:.1f} s: only {names} changed.", bold=True)
    else:
        click.secho(f"{skipped.out_dir} is up to date: nothing changed since the last build "
                    f"({skipped.pages} pages, {skipped.files} files).", bold=True)
    count = len(skipped.warnings)
    click.secho(f"  warnings:   {count if count else 'none'}", fg="yellow" if count else None)
    click.echo(f"  data as of: {skipped.as_of.isoformat()}")
    click.echo("Run every stage again with: mediakit build --force")
    for text in skipped.notes:
        note(text)
    return True
