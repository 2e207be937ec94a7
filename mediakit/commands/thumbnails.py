"""``mediakit thumbnails``: fetch the cover pictures of the posts the kit shows (the only command
that goes online; see mediakit/live/)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mediakit.commands.options import project_argument, verbose_option
from mediakit.commands.output import note, warn


@click.command()
@project_argument
@click.option("--force", is_flag=True,
              help="Replace pictures already in content/assets/posts/, your own too.")
@verbose_option
def thumbnails(project_dir: Path, force: bool) -> None:
    """Save the cover pictures of the kit's posts into content/assets/posts/.

    Asks TikTok (oEmbed) and YouTube for the covers of the best posts and the case studies'
    posts, so builds show them without ever loading anything from the platforms. A picture
    already there is kept (yours win) unless you pass --force. Instagram covers need a login:
    add those files yourself. Exit status 1 when a post could not be fetched.

    \b
    Examples:
      mediakit thumbnails
      mediakit thumbnails --force      # fetch again, replacing what is there
    """
    from mediakit.build import analyze_project
    from mediakit.live.thumbnails import Wanted, fetch_all
    from mediakit.site import casestudies
    from mediakit.site.pagetext import markdown
    from mediakit.site.pictures import POSTS_FOLDER, kit_posts

    analysis = analyze_project(project_dir)
    content = analysis.project.content
    studies = casestudies.read_all(content, markdown(), analysis.profile,
                                   analysis.account.posts, analysis.report.as_of)
    wanted = [Wanted(*post) for post in kit_posts(analysis.report, studies)]
    outcome = fetch_all(wanted, content / POSTS_FOLDER, force=force)
    for name in outcome.saved:
        click.echo(f"saved content/{POSTS_FOLDER}/{name}")
    if outcome.kept:
        click.echo(f"kept {len(outcome.kept)} picture{'s' if len(outcome.kept) != 1 else ''} "
                   "already there (--force replaces them)")
    for line in outcome.notes:
        note(line)
    for line in outcome.failed:
        warn(line)
    if outcome.failed:
        sys.exit(1)
