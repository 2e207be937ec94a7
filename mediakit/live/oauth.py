"""First sign-in for Instagram and TikTok: the authorize link, the pasted answer, the exchange.

Both platforms send the browser back to the app's *HTTPS* redirect address (Instagram accepts no
loopback address), so ``mediakit auth`` shows the link, the creator signs in and pastes the
address the browser ended on; its ``code`` is exchanged for tokens here (httpx). YouTube's
loopback flow is google-auth-oauthlib's own (:func:`mediakit.live.youtube.authorize`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from mediakit.errors import LiveError
from mediakit.live import instagram, tiktok
from mediakit.live.http import Client, json_of

INSTAGRAM_AUTHORIZE = "https://www.instagram.com/oauth/authorize"
INSTAGRAM_CODE_URL = "https://api.instagram.com"  # POST /oauth/access_token (short-lived token)


def new_state() -> str:
    """An unguessable value the redirect must carry back (CSRF protection)."""
    return secrets.token_urlsafe(16)


def authorize_url(platform: str, app_id: str, redirect_uri: str, state: str) -> str:
    """The link the creator opens to sign in and allow the scopes."""
    if platform == "instagram":
        query = {"client_id": app_id, "redirect_uri": redirect_uri, "response_type": "code",
                 "scope": ",".join(instagram.SCOPES), "state": state}
        return f"{INSTAGRAM_AUTHORIZE}?{urlencode(query)}"
    query = {"client_key": app_id, "redirect_uri": redirect_uri, "response_type": "code",
             "scope": ",".join(tiktok.SCOPES), "state": state}
    return f"{tiktok.AUTHORIZE_URL}?{urlencode(query)}"


def code_from(pasted: str, state: str, label: str) -> str:
    """The ``code`` in the pasted redirect address, after checking its ``state``."""
    query = parse_qs(urlsplit(pasted.strip()).query)
    if "error" in query:
        raise LiveError(f"{label}: the sign-in was not allowed ({query['error'][0][:40]})",
                        hint="run `mediakit auth` again and allow every permission")
    if query.get("state", [""])[0] != state or not query.get("code"):
        raise LiveError(f"{label}: that is not the address the sign-in sent you back to",
                        hint="paste the whole address from the browser's address bar")
    return query["code"][0].removesuffix("#_")  # Instagram appends "#_"


def instagram_exchange(
    app_id: str, app_secret: str, redirect_uri: str, code: str, *,
    code_url: str = INSTAGRAM_CODE_URL, graph_url: str = instagram.BASE_URL,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    """Code -> short-lived token -> long-lived token (60 days), as ``tokens.save`` keeps it."""
    client = Client("Instagram", secrets=(app_secret, code))
    response = client.request("POST", f"{code_url}/oauth/access_token", data={
        "client_id": app_id, "client_secret": app_secret, "grant_type": "authorization_code",
        "redirect_uri": redirect_uri, "code": code})
    answer = json_of(client, response)
    if isinstance(answer, dict) and isinstance(answer.get("data"), list) and answer["data"]:
        answer = answer["data"][0]  # newer answers wrap the token in "data"
    if response.status_code != 200 or "access_token" not in answer:
        raise client.fail("the sign-in code was refused", "run `mediakit auth instagram` again "
                          "and paste the address at once (codes last one hour, used once)")
    short = answer["access_token"]
    client.secrets += (short,)
    response = client.request("GET", f"{graph_url}/access_token", params={
        "grant_type": "ig_exchange_token", "client_secret": app_secret, "access_token": short})
    long = json_of(client, response)
    if response.status_code != 200 or "access_token" not in long:
        raise client.fail("the long-lived token was refused", "check the app secret")
    moment = now().timestamp()
    return {"access_token": long["access_token"], "user_id": str(answer.get("user_id", "")),
            "renewed_at": moment, "expires_at": moment + float(long.get("expires_in", 0))}


def tiktok_exchange(
    client_key: str, client_secret: str, redirect_uri: str, code: str, *,
    base_url: str = tiktok.BASE_URL,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    """Code -> access and refresh token (24 hours and 365 days)."""
    client = Client("TikTok", secrets=(client_secret, code))
    response = client.request("POST", f"{base_url}/v2/oauth/token/", data={
        "client_key": client_key, "client_secret": client_secret, "code": code,
        "grant_type": "authorization_code", "redirect_uri": redirect_uri},
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    answer = json_of(client, response)
    if response.status_code != 200 or "access_token" not in answer:
        raise client.fail("the sign-in code was refused", "run `mediakit auth tiktok` again and "
                          "paste the address at once")
    return {"client_key": client_key, "client_secret": client_secret,
            **tiktok.token_fields(answer, now().timestamp())}
