"""``mediakit auth youtube|instagram|tiktok``: the one-time sign-in (logic: mediakit/live/)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mediakit.commands.options import verbose_option
from mediakit.commands.output import console
from mediakit.errors import LiveError

LIVE_HINT = 'live numbers need the live extra: pip install "creator-mediakit[live]"'


def require_live() -> None:
    """One clear line when the live extra (httpx, Google's clients) is not installed."""
    try:
        import googleapiclient  # noqa: F401
        import httpx  # noqa: F401
        import platformdirs  # noqa: F401
    except ImportError:
        raise LiveError("the live extra is not installed", hint=LIVE_HINT) from None


@click.command()
@click.argument("platform", type=click.Choice(["youtube", "instagram", "tiktok"]))
@click.option("--client-secrets", type=click.Path(dir_okay=False, path_type=Path),
              help="YouTube: the OAuth client file of your Google Cloud Desktop app.")
@click.option("--app-id", help="Instagram: the Instagram app ID; TikTok: the client key.")
@click.option("--redirect-uri", help="Instagram and TikTok: the app's HTTPS redirect address.")
@click.option("--show-secret", is_flag=True,
              help="Print the stored sign-in once, to paste into a GitHub secret.")
@verbose_option
def auth(platform: str, client_secrets: Path | None, app_id: str | None,
         redirect_uri: str | None, show_secret: bool) -> None:
    """Sign in to a platform once, with your own app (docs/live-numbers.md).

    The sign-in is kept in your user config folder (readable by you only), never in the
    project. Then `mediakit pull` fetches your numbers.

    \b
    Examples:
      mediakit auth youtube --client-secrets ~/Downloads/client_secret_123.json
      mediakit auth instagram --app-id 123456 --redirect-uri https://me.github.io/
      mediakit auth tiktok --app-id awx1y2z3 --redirect-uri https://me.github.io/
      mediakit auth youtube --show-secret   # for the MEDIAKIT_YOUTUBE_TOKEN secret
    """
    require_live()
    from mediakit.live import tokens

    if show_secret:
        click.echo(json.dumps(tokens.require(platform), sort_keys=True))
        return
    if platform == "youtube":
        if client_secrets is None:
            raise click.UsageError("YouTube needs --client-secrets (see docs/live-numbers.md)")
        from mediakit.live.youtube import authorize

        token = authorize(str(client_secrets))
    else:
        token = _paste_flow(platform, app_id, redirect_uri)
    where = tokens.save(platform, token)
    console().print(f"Signed in to {tokens.LABELS[platform]}; the sign-in is kept in {where} "
                    f"(only you can read it). Next: mediakit pull", markup=False)


def _paste_flow(platform: str, app_id: str | None, redirect_uri: str | None) -> dict:
    from mediakit.live import oauth, tokens

    if not app_id or not redirect_uri:
        raise click.UsageError(f"{tokens.LABELS[platform]} needs --app-id and --redirect-uri")
    secret = click.prompt("App secret (not shown)", hide_input=True)
    state = oauth.new_state()
    click.echo("Open this link, sign in and allow every permission:")
    click.echo(oauth.authorize_url(platform, app_id, redirect_uri, state))
    pasted = click.prompt("Then paste the address the browser ended on", hide_input=True)
    code = oauth.code_from(pasted, state, tokens.LABELS[platform])
    if platform == "instagram":
        return oauth.instagram_exchange(app_id, secret, redirect_uri, code)
    return oauth.tiktok_exchange(app_id, secret, redirect_uri, code)
