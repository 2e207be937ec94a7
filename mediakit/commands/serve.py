"""``mediakit serve``: the live preview; mediakit.serve does the work, this prints what it says."""

from __future__ import annotations

from pathlib import Path

import click

from mediakit.commands.options import is_verbose, project_argument, verbose_option


@click.command()
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
    from mediakit.serve.watch import serve as run_serve

    def echo(text: str, is_error: bool) -> None:
        colour = ("red" if text.startswith("Error") else "yellow") if is_error else None
        click.secho(text, fg=colour, err=is_error)

    run_serve(project_dir, out_dir=out_dir, port=port, open_browser=open_browser, echo=echo,
              verbose=is_verbose(ctx))
