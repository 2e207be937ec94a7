"""TikTok Display API v2 (open.tiktokapis.com): follower count and the creator's videos.

Endpoints (https://developers.tiktok.com/doc/display-api-overview): ``GET /v2/user/info/``
(scopes ``user.info.basic`` + ``user.info.stats``), ``POST /v2/video/list/`` paged by ``cursor``
while ``has_more`` (scope ``video.list``), and ``POST /v2/oauth/token/`` to refresh: access
tokens live 24 hours, refresh tokens 365 days and may come back rotated, so the new one is
stored. The Display API has no audience data and no daily series: exports fill those in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from mediakit.live import tokens
from mediakit.live.http import Client, Sleep, json_of
from mediakit.live.snapshot import Snapshot

BASE_URL = "https://open.tiktokapis.com"
AUTHORIZE_URL = "https://www.tiktok.com/v2/auth/authorize/"
SCOPES = ("user.info.basic", "user.info.stats", "video.list")
USER_FIELDS = "open_id,display_name,follower_count,following_count,likes_count,video_count"
VIDEO_FIELDS = (
    "id,create_time,title,video_description,duration,share_url,"
    "view_count,like_count,comment_count,share_count"
)
PAGE_SIZE = 20  # the largest max_count the API accepts
MAX_PAGES = 500  # 10,000 videos: a bound in case has_more never turns false
REFRESH_MARGIN_S = 300
REAUTH = "run `mediakit auth tiktok` again"


def pull(
    day: date,
    since: date | None,
    *,
    base_url: str = BASE_URL,
    sleep: Sleep | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Snapshot:
    """The whole TikTok pull in memory (nothing written): a LiveError on any failure."""
    token = fresh_token(tokens.require("tiktok"), base_url=base_url, sleep=sleep, now=now)
    client = _client(token, sleep)
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    answer = _checked(client, client.request(
        "GET", f"{base_url}/v2/user/info/", params={"fields": USER_FIELDS}, headers=headers))
    user = (answer.get("data") or {}).get("user")
    if not isinstance(user, dict) or "follower_count" not in user:
        raise client.fail("the user info has no follower_count", "check the user.info.stats scope "
                          "and " + REAUTH)
    snapshot = Snapshot("tiktok", day)
    snapshot.daily.append({"date": day.isoformat(), "followers": int(user["follower_count"])})
    for video in _videos(client, base_url, headers, since):
        snapshot.posts.append(_post(video))
    return snapshot


def _client(token: dict[str, Any], sleep: Sleep | None) -> Client:
    secrets = tuple(str(token.get(k, "")) for k in ("access_token", "refresh_token",
                                                     "client_secret"))
    client = Client("TikTok", secrets=secrets)
    if sleep is not None:
        client.sleep = sleep
    return client


def fresh_token(
    token: dict[str, Any],
    *,
    base_url: str = BASE_URL,
    sleep: Sleep | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> dict[str, Any]:
    """The token, refreshed (and stored: TikTok rotates refresh tokens) when it expires soon."""
    moment = now().timestamp()
    if float(token.get("expires_at", 0)) - REFRESH_MARGIN_S > moment:
        return token
    client = _client(token, sleep)
    response = client.request("POST", f"{base_url}/v2/oauth/token/", data={
        "client_key": token.get("client_key", ""),
        "client_secret": token.get("client_secret", ""),
        "grant_type": "refresh_token",
        "refresh_token": token.get("refresh_token", ""),
    }, headers={"Content-Type": "application/x-www-form-urlencoded"})
    answer = json_of(client, response)
    if response.status_code != 200 or "access_token" not in answer:
        error = answer.get("error") if isinstance(answer, dict) else None
        raise client.fail(f"the sign-in could not be renewed ({error or response.status_code})",
                          REAUTH)
    renewed = {**token, **token_fields(answer, moment)}
    tokens.save("tiktok", renewed)
    return renewed


def token_fields(answer: dict[str, Any], moment: float) -> dict[str, Any]:
    """What to keep of a token answer (first sign-in or refresh), with absolute expiry times."""
    return {
        "access_token": answer["access_token"],
        "refresh_token": answer.get("refresh_token", ""),
        "open_id": answer.get("open_id", ""),
        "scope": answer.get("scope", ""),
        "expires_at": moment + float(answer.get("expires_in", 0)),
        "refresh_expires_at": moment + float(answer.get("refresh_expires_in", 0)),
    }


def _checked(client: Client, response: Any) -> dict[str, Any]:
    """The body of a Display API answer, or a one-line error from its ``error.code``."""
    answer = json_of(client, response)
    error = answer.get("error") if isinstance(answer, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if response.status_code == 200 and code == "ok":
        return answer
    if code in ("access_token_invalid", "invalid_token"):
        raise client.fail("the sign-in was refused (expired or revoked)", REAUTH)
    if code == "scope_not_authorized":
        raise client.fail("a permission is missing (scopes user.info.basic, user.info.stats, "
                          "video.list)", REAUTH + " and allow every permission")
    raise client.fail(f"the API answered {response.status_code} ({code or 'no error code'})",
                      "run `mediakit pull` again later")


def _videos(client: Client, base_url: str, headers: dict[str, str],
            since: date | None) -> list[dict[str, Any]]:
    """Every video (newest first), page by page; stops at videos older than ``since``."""
    found: list[dict[str, Any]] = []
    cursor: int | None = None
    for _ in range(MAX_PAGES):
        body: dict[str, Any] = {"max_count": PAGE_SIZE}
        if cursor is not None:
            body["cursor"] = cursor
        data = _checked(client, client.request(
            "POST", f"{base_url}/v2/video/list/", params={"fields": VIDEO_FIELDS},
            json=body, headers=headers)).get("data") or {}
        videos = data.get("videos")
        if not isinstance(videos, list):
            raise client.fail("a page of the video list has no videos field",
                              "run `mediakit pull` again later")
        for video in videos:
            posted = datetime.fromtimestamp(int(video["create_time"]), UTC).date()
            if since is not None and posted < since:
                return found
            found.append(video)
        if not data.get("has_more"):
            return found
        cursor = data.get("cursor")
    raise client.fail(f"the video list did not end after {MAX_PAGES} pages",
                      "run `mediakit pull --since DATE` with a recent date")


def _post(video: dict[str, Any]) -> dict[str, Any]:
    posted = datetime.fromtimestamp(int(video["create_time"]), UTC).replace(tzinfo=None)
    return {
        "post_id": str(video["id"]),
        "posted_at": posted.isoformat(),
        "title": video.get("title") or video.get("video_description") or "",
        "url": video.get("share_url", ""),
        "kind": "video",
        "duration_s": video.get("duration"),
        "views": video.get("view_count"),
        "likes": video.get("like_count"),
        "comments": video.get("comment_count"),
        "shares": video.get("share_count"),
    }
