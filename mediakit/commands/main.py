"""The command line: thin wrappers that call the pipeline, print, and pick the exit status.

Exit status: 0 success; 1 warnings (``check``, ``import``, ``build --strict``); 2 a problem in
the user's files, told in one line (what, where, how to fix); 3 a bug in mediakit. Tracebacks
appear only with --verbose or MEDIAKIT_DEBUG=1. Colours and progress only on a terminal.
"""

from __future__ import annotations

import os
import time
import traceback
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from mediakit import __version__
from mediakit.errors import MediakitError, printable

if TYPE_CHECKING:  # rich costs 50 ms to import: only when something is printed
    from rich.console import Console
    from rich.table import Table

VERBOSE = "mediakit.verbose"
EXAMPLES_ROOT = """\b
Examples:
  mediakit init my-kit          # a new project with every file explained
  mediakit init demo --demo     # the demo creator, ready to build
  mediakit import ~/Downloads/Overview_*.zip
  mediakit check                # is the data good enough to send?
  mediakit serve --open         # preview, reloads as you edit
  mediakit build                # reads content/, writes site/
"""


def warn(text: str) -> None:
    """One warning on stderr; what it quotes from the user's files cannot act on the terminal."""
    click.secho(f"Warning: {printable(text)}", fg="yellow", err=True)


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.meta.get(VERBOSE)) or os.environ.get("MEDIAKIT_DEBUG") == "1"


class MediakitGroup(click.Group):
    """Turns errors into one line and an exit status, for every command."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MediakitError as error:
            from mediakit.build import StrictBuildError

            if _debug(ctx):
                traceback.print_exc()
            for warning in getattr(error, "warnings", []):
                warn(warning)
            click.secho(f"Error: {error}", fg="red", err=True)
            ctx.exit(1 if isinstance(error, StrictBuildError) else 2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug in mediakit, not in the user's files
            if _debug(ctx):
                traceback.print_exc()
            click.secho(
                f"Error: internal error in mediakit ({type(error).__name__}: {error}); please "
                "report it with the output of the same command run with --verbose",
                fg="red", err=True,
            )
            ctx.exit(3)


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


def _console(stderr: bool = False) -> Console:
    """Rich output that stays plain (no colour, no wrapping) when not on a terminal."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


@click.group(cls=MediakitGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXAMPLES_ROOT)
@click.version_option(__version__, "--version", prog_name="mediakit")
@verbose_option
def main() -> None:
    """Build a media kit website from your own analytics exports.

    Run a command with --help to see what it does, with examples.
    """


# -- init ----------------------------------------------------------------------------------------


@main.command()
@click.argument("directory", default=".", type=click.Path(path_type=Path))
@click.option("--demo", is_flag=True, help="Fill the project with the demo creator's data.")
@verbose_option
def init(directory: Path, demo: bool) -> None:
    """Start a new media kit project in DIRECTORY (default: the current folder).

    Writes a commented content/profile.yaml, the data folders (each with a README.txt on how
    to download that platform's exports), an example page, pitch and case study, a .gitignore
    and a GitHub Actions workflow that publishes the kit on GitHub Pages. Existing files are
    never overwritten.

    \b
    Examples:
      mediakit init my-kit
      mediakit init demo-kit --demo && mediakit build demo-kit
    """
    from mediakit.project.scaffold import init_project

    result = init_project(directory, demo=demo)
    out = _console()
    where = str(directory)
    out.print(f"Created {len(result.created)} files in {where}/", markup=False)
    for name in result.created:
        out.print(f"  {name}", markup=False)
    if result.skipped:
        out.print(f"Skipped {len(result.skipped)} files that already exist (left as they were):",
                  style="yellow", markup=False)
        for name in result.skipped:
            out.print(f"  {name}", markup=False)
    out.print("\nNext steps:", style="bold")
    step = f"  cd {where}\n" if where != "." else ""
    if demo:
        out.print(f"{step}  mediakit serve --open     # the demo kit, live", markup=False)
        return
    out.print(
        f"{step}  1. Write about yourself in content/profile.yaml\n"
        "  2. Download your exports (see content/data/tiktok/README.txt), then:\n"
        "       mediakit import ~/Downloads/Overview_*.zip ...\n"
        "  3. mediakit check            # is everything readable and current?\n"
        "  4. mediakit serve --open     # preview; reloads as you edit",
        markup=False,
    )


# -- build ---------------------------------------------------------------------------------------


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


@main.command()
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
    from mediakit.build import build as run_build

    out = _console()
    verbose = bool(ctx.meta.get(VERBOSE))
    view = StageView(out, show=not quiet and (out.is_terminal or verbose))
    ok = False
    try:
        result = run_build(project_dir, out_dir=out_dir, as_of=as_of, today=today,
                           strict=strict, pdf=pdf, progress=view)
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
    return True


# -- serve ---------------------------------------------------------------------------------------


@main.command()
@project_argument
@click.option("--port", "-p", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the kit in your web browser.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: PROJECT_DIR/site).")
@verbose_option
@click.pass_context
def serve(ctx: click.Context, project_dir: Path, port: int, open_browser: bool,
          out_dir: Path | None) -> None:
    """Preview the kit at http://127.0.0.1:8000/ while you edit it.

    Builds, serves on this computer only, and rebuilds when a file in content/ or templates/
    changes; open pages reload by themselves. A mistake is shown in the terminal and on the
    page, while the last good build stays visible. Stop with Ctrl+C.

    \b
    Examples:
      mediakit serve --open
      mediakit serve my-kit --port 8001
    """
    from mediakit.serve.server import serve as run_serve

    def echo(text: str, is_error: bool) -> None:
        colour = ("red" if text.startswith("Error") else "yellow") if is_error else None
        click.secho(text, fg=colour, err=is_error)

    run_serve(project_dir, out_dir=out_dir, port=port, open_browser=open_browser, echo=echo,
              verbose=bool(ctx.meta.get(VERBOSE)))


# -- check ---------------------------------------------------------------------------------------


@main.command()
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
    from mediakit.commands.check import check as run_check
    from mediakit.commands.check import lines

    result = run_check(project_dir, today=today)
    out = _console()
    styles = {"head": "bold", "error": "red", "warning": "yellow", "note": "dim"}
    for style, text in lines(result):
        out.print(printable(text), style=styles.get(style), markup=False)
    ctx.exit(result.exit_code)


# -- stats ---------------------------------------------------------------------------------------


@main.command()
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
    _console().print(stats_table(analysis))
    for warning in analysis.report.warnings:
        warn(warning)


def stats_table(analysis: Any) -> Table:
    """The headline numbers, one column per platform, formatted for the profile's locale."""
    from mediakit.site.format import Formatter
    from mediakit.site.render import country_name, platform_name

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
        text = ", ".join(f"{name} {fmt.percent(v, 0)}" for name, (_, v) in zip(names, items,
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

    row("Followers", [fmt.number(d.followers) for d in platforms])
    row("Change, last 30 days", [fmt.signed(d.followers_change_30d) for d in platforms])
    row("Views, last 30 days", [fmt.number(d.views_30d) for d in platforms])
    row("Profile views, last 30 days", [fmt.number(d.profile_views_30d) for d in platforms])
    row("Typical views per post (median)", [typical(d) for d in platforms])
    row("Engagement per view", [rate(d, "per_view") for d in platforms])
    row("Engagement per follower", [rate(d, "per_follower") for d in platforms])
    row("Gender", [top(d, "gender", 2) for d in platforms])
    row("Age", [top(d, "age", 2) for d in platforms])
    row("Top countries", [top(d, "country", 3) for d in platforms])
    row("Best hours to post", [", ".join(fmt.hour(h) for h in d.best_posting_hours)
                               or fmt.hour(None) for d in platforms])
    return table


# -- import --------------------------------------------------------------------------------------


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--project", "-p", "project_dir", default=".", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The project folder (the one holding content/).")
@verbose_option
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...], project_dir: Path) -> None:
    """Copy downloaded exports (files, folders or zips) into the project.

    Each file is recognised by what is inside it and copied into its platform's data folder
    (content/data/tiktok/ ...). Nothing is overwritten: the same file is skipped, a different
    file with the same name is kept beside it. Then the history is updated and what is new is
    listed. Exit status 1 when some files were not recognised.

    \b
    Examples:
      mediakit import ~/Downloads/Overview_2026-11-17_1794912000_me.zip
      mediakit import ~/Downloads/Followers_*.zip ~/Downloads/user_data_tiktok.json
      mediakit import ~/Downloads/tiktok-november/ --project my-kit
    """
    from mediakit.commands.import_exports import import_exports
    from mediakit.site.render import platform_name

    result = import_exports(project_dir, list(paths))
    out = _console()
    if result.copied:
        out.print(f"Copied {len(result.copied)} exports:", style="bold")
        for item in result.copied:
            kinds = ", ".join(kind.split(".", 1)[-1].replace("_", " ") for kind in item.kinds)
            note = " (a different file had that name: kept both)" if item.renamed else ""
            out.print(f"  {item.origin} -> {item.target} ({platform_name(item.platform)}: "
                      f"{kinds}){note}", markup=False)
    if result.unchanged:
        out.print(f"Already in the project ({len(result.unchanged)}):", style="bold")
        for origin, existing in result.unchanged:
            out.print(f"  {origin} (same as {existing})", markup=False)
    for platform in result.unconfigured:
        click.secho(f"Warning: {platform_name(platform)} exports were copied, but profile.yaml "
                    f"has no platforms.{platform}: add it so the kit uses them", fg="yellow",
                    err=True)
    if result.unrecognised:
        click.secho(f"Not recognised ({len(result.unrecognised)}), not copied:", fg="yellow",
                    err=True)
        for origin, why in result.unrecognised:
            click.secho(f"  {printable(str(origin))}: {printable(why)}", fg="yellow", err=True)
    if result.news:
        out.print("New in the history:", style="bold")
        for platform, items in result.news.items():
            said = ", ".join(items) if items else "nothing new (it already had all of it)"
            out.print(f"  {platform_name(platform)}: {said}", markup=False)
        out.print("Next: mediakit build", markup=False)
    elif not result.copied:
        out.print("Nothing new was imported.", markup=False)
    ctx.exit(result.exit_code)


def _register_roster() -> None:
    """`mediakit roster ...` lives in roster_cli.py (agencies' commands, kept apart)."""
    from mediakit.commands.roster import roster

    main.add_command(roster)


_register_roster()


if __name__ == "__main__":  # pragma: no cover
    main()
