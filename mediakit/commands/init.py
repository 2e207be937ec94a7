"""``mediakit init``: a new project, every file explained, and the next steps to take."""

from __future__ import annotations

from pathlib import Path

import click

from mediakit.commands.options import verbose_option
from mediakit.commands.output import console


@click.command()
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
    out = console()
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
