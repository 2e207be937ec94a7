"""``mediakit import``: what was copied, skipped and new, printed (logic: import_exports.py).

Named ``import_`` because ``import`` is a Python keyword.
"""

from __future__ import annotations

from pathlib import Path

import click

from mediakit.commands.options import verbose_option
from mediakit.commands.output import console
from mediakit.errors import printable


@click.command(name="import")
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
    out = console()
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
