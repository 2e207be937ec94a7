"""The command line: the ``mediakit`` group, which every command joins, and its exit statuses.

Exit status: 0 success; 1 warnings (``check``, ``import``, ``build --strict``); 2 a problem in
the user's files, told in one line (what, where, how to fix); 3 a bug in mediakit. Tracebacks
appear only with --verbose or MEDIAKIT_DEBUG=1. Colours and progress only on a terminal.

Each command lives in its own module (commands/<name>.py) as a plain click command; this module
alone puts them together, so no command module imports this one.
"""

from __future__ import annotations

import os
import traceback
from typing import Any

import click

from mediakit import __version__
from mediakit.commands.auth import auth
from mediakit.commands.build import build
from mediakit.commands.check import check
from mediakit.commands.import_ import import_
from mediakit.commands.init import init
from mediakit.commands.options import is_verbose, verbose_option
from mediakit.commands.output import warn
from mediakit.commands.pull import pull
from mediakit.commands.roster import roster
from mediakit.commands.serve import serve
from mediakit.commands.stats import stats
from mediakit.commands.thumbnails import thumbnails
from mediakit.errors import MediakitError

EXAMPLES_ROOT = """\b
Examples:
  mediakit init my-kit          # a new project with every file explained
  mediakit init demo --demo     # the demo creator, ready to build
  mediakit import ~/Downloads/Overview_*.zip
  mediakit check                # is the data good enough to send?
  mediakit serve --open         # preview, reloads as you edit
  mediakit build                # reads content/, writes site/
"""


def _debug(ctx: click.Context) -> bool:
    return is_verbose(ctx) or os.environ.get("MEDIAKIT_DEBUG") == "1"


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


@click.group(cls=MediakitGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog=EXAMPLES_ROOT)
@click.version_option(__version__, "--version", prog_name="mediakit")
@verbose_option
def main() -> None:
    """Build a media kit website from your own analytics exports.

    Run a command with --help to see what it does, with examples.
    """


main.add_command(init)
main.add_command(build)
main.add_command(serve)
main.add_command(check)
main.add_command(stats)
main.add_command(import_)
main.add_command(roster)
main.add_command(thumbnails)


if __name__ == "__main__":  # pragma: no cover
    main()
main.add_command(auth)
main.add_command(pull)
