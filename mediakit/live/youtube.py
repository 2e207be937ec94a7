"""YouTube: the Analytics API v2 and the Data API v3, through google-api-python-client.

Analytics ``reports.query`` (https://developers.google.com/youtube/analytics/reference/reports/query)
gives daily views, likes, comments, shares, watch time and subscribers gained and lost; per-video
lifetime totals (paged by ``startIndex``); viewers by age group x gender and views by country.
The Data API's ``channels.list`` gives the subscriber *count* (which Studio exports lack) and
``videos.list`` the titles, publish times and durations. Scopes ``yt-analytics.readonly`` and
``youtube.readonly``. Google's refresh token does not expire, except for an app left in
"Testing", where it dies after 7 days (``invalid_grant``).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from mediakit.errors import LiveError
from mediakit.live import tokens
from mediakit.live.http import RETRIES, Sleep, scrub
from mediakit.live.snapshot import Snapshot

SCOPES = (
    "https://www.googleapis.com/auth/yt-analytics.readonly",
    "https://www.googleapis.com/auth/youtube.readonly",
)
DATA_API = ("youtube", "v3")
ANALYTICS_API = ("youtubeAnalytics", "v2")
TOKEN_URI = "https://oauth2.googleapis.com/token"
DEFAULT_DAYS = 90
PAGE = 200  # the most rows reports.query returns for the video dimension
MAX_PAGES = 100
REAUTH = "run `mediakit auth youtube` again"
_AGE = re.compile(r"^age(\d+)-(\d+|)$")
_GENDERS = {"female": "female", "male": "male"}
_DURATION = re.compile(r"^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$")


def pull(
    day: date,
    since: date | None,
    *,
    base_url: str | None = None,
    token_uri: str = TOKEN_URI,
    sleep: Sleep = time.sleep,
) -> Snapshot:
    """The whole YouTube pull in memory (nothing written): a LiveError on any failure."""
    credentials = fresh_credentials(tokens.require("youtube"), token_uri)
    data, analytics = _services(credentials, base_url)
    run = _Runner(sleep, (credentials.token or "", credentials.refresh_token or ""))
    channels = run(data.channels().list(part="snippet,statistics", mine=True))
    if not channels.get("items"):
        raise _fail("this Google account has no YouTube channel", "sign in with the channel's "
                    "account: " + REAUTH)
    channel = channels["items"][0]
    start = since or day - timedelta(days=DEFAULT_DAYS)
    born = channel["snippet"]["publishedAt"][:10]
    snapshot = Snapshot("youtube", day)
    daily = _query(run, analytics, start.isoformat(), day.isoformat(), dimensions="day",
                   metrics="views,likes,comments,shares,estimatedMinutesWatched,"
                   "subscribersGained,subscribersLost", sort="day")
    snapshot.daily = [{k: row[k] for k in ("views", "likes", "comments", "shares")}
                      | {"date": row["day"]} for row in daily]
    if not channel["statistics"].get("hiddenSubscriberCount"):
        snapshot.daily.append({"date": day.isoformat(),
                               "followers": int(channel["statistics"]["subscriberCount"])})
    if daily:
        snapshot.period.append({
            "first": daily[0]["day"], "last": daily[-1]["day"],
            "views": sum(row["views"] for row in daily),
            "watch_time_hours": sum(row["estimatedMinutesWatched"] for row in daily) / 60,
            "followers_gained": sum(r["subscribersGained"] - r["subscribersLost"] for r in daily),
        })
    videos = _videos(run, analytics, born, day.isoformat())
    details = _details(run, data, [row["video"] for row in videos])
    snapshot.posts = [_post(row, details.get(row["video"], {})) for row in videos]
    snapshot.audience = _audience(run, analytics, start.isoformat(), day.isoformat())
    return snapshot


def fresh_credentials(info: dict[str, Any], token_uri: str = TOKEN_URI) -> Any:
    """Credentials with a fresh access token; ``invalid_grant`` explained (7-day testing apps)."""
    from google.auth.exceptions import RefreshError, TransportError
    from google.auth.transport.requests import Request
    from google.oauth2.credentials import Credentials

    if not all(info.get(key) for key in ("client_id", "client_secret", "refresh_token")):
        raise _fail("the stored sign-in is incomplete", REAUTH)
    credentials = Credentials(  # from_authorized_user_info would ignore the token_uri
        token=None, refresh_token=info["refresh_token"], token_uri=token_uri,
        client_id=info["client_id"], client_secret=info["client_secret"], scopes=list(SCOPES))
    try:
        credentials.refresh(Request())
    except RefreshError as err:
        if "invalid_grant" in str(err):
            raise _fail("Google refused the sign-in (invalid_grant): it was revoked, or the "
                        "Google Cloud app is still in 'Testing', whose sign-ins end after 7 "
                        "days", "publish the app (OAuth consent screen > Publish app), then "
                        + REAUTH) from None
        raise _fail("Google refused to renew the sign-in", REAUTH) from None
    except TransportError:
        raise _fail("could not reach Google to renew the sign-in",
                    "check the connection and pull again") from None
    return credentials


def _services(credentials: Any, base_url: str | None) -> tuple[Any, Any]:
    from googleapiclient.discovery import build

    options = {"api_endpoint": base_url.rstrip("/") + "/"} if base_url else None
    return tuple(  # type: ignore[return-value]
        build(name, version, credentials=credentials, static_discovery=True,
              cache_discovery=False, client_options=options)
        for name, version in (DATA_API, ANALYTICS_API)
    )


def _fail(what: str, hint: str) -> LiveError:
    return LiveError(f"YouTube: {what}", hint=hint)


class _Runner:
    """Executes one request, retrying 429 and 5xx a bounded number of times."""

    def __init__(self, sleep: Sleep, secrets: tuple[str, ...]) -> None:
        self.sleep, self.secrets = sleep, secrets

    def __call__(self, request: Any) -> dict[str, Any]:
        from googleapiclient.errors import HttpError

        for attempt in range(RETRIES + 1):
            try:
                return request.execute(num_retries=0)
            except HttpError as err:
                status = int(err.resp.status)
                if (status == 429 or status >= 500) and attempt < RETRIES:
                    self.sleep(min(2.0**attempt, 60.0))
                    continue
                raise self._explained(status, err.content) from None
            except OSError as err:
                if attempt < RETRIES:
                    self.sleep(min(2.0**attempt, 60.0))
                    continue
                raise _fail(f"could not reach the API ({type(err).__name__})",
                            "check the connection and pull again") from None
        raise AssertionError("unreachable")

    def _explained(self, status: int, content: bytes) -> LiveError:
        try:
            error = json.loads(content)["error"]
            reasons = {e.get("reason", "") for e in error.get("errors", [])}
            reasons.add(str(error.get("status", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            reasons = set()
        if status == 401:
            return _fail("the sign-in was refused (expired or revoked)", REAUTH)
        if reasons & {"insufficientPermissions", "PERMISSION_DENIED", "forbidden"}:
            return _fail("a permission is missing (yt-analytics.readonly, youtube.readonly)",
                         REAUTH + " and allow both")
        if status == 429 or status >= 500:
            return _fail(f"the API kept answering {status} after {RETRIES + 1} attempts",
                         "wait a while and pull again")
        if reasons & {"quotaExceeded", "rateLimitExceeded", "dailyLimitExceeded"}:
            return _fail("the API quota for today is used up", "pull again tomorrow")
        reason = scrub(",".join(sorted(r for r in reasons if r)), self.secrets)
        return _fail(f"the API answered {status} ({reason or 'no reason given'})",
                     "run `mediakit pull` again later")


def _rows(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """A resultTable as dicts keyed by column name (``rows`` is absent when there is none)."""
    names = [header["name"] for header in answer["columnHeaders"]]
    return [dict(zip(names, row, strict=True)) for row in answer.get("rows") or []]


def _query(run: _Runner, analytics: Any, start: str, end: str, **params: Any) -> list[dict]:
    return _rows(run(analytics.reports().query(
        ids="channel==MINE", startDate=start, endDate=end, **params)))


def _videos(run: _Runner, analytics: Any, start: str, end: str) -> list[dict[str, Any]]:
    """Every video's lifetime totals, page by page (``startIndex`` is 1-based)."""
    found: list[dict[str, Any]] = []
    for page in range(MAX_PAGES):
        rows = _query(run, analytics, start, end, dimensions="video",
                      metrics="views,likes,comments,shares,estimatedMinutesWatched,"
                      "averageViewDuration", sort="-views", maxResults=PAGE,
                      startIndex=page * PAGE + 1)
        found.extend(rows)
        if len(rows) < PAGE:
            return found
    raise _fail(f"the video report did not end after {MAX_PAGES} pages",
                "run `mediakit pull` again later")


def _details(run: _Runner, data: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, publish time and duration per video id, 50 ids a request."""
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 50):
        answer = run(data.videos().list(part="snippet,contentDetails", id=",".join(ids[i:i + 50]),
                                        maxResults=50))
        for item in answer.get("items", []):
            found[item["id"]] = item
    return found


def seconds(duration: str) -> float | None:
    """ISO 8601 ``PT1M3S`` -> 63.0 (None when it is not one)."""
    match = _DURATION.match(duration or "")
    if not match or duration in ("P", "PT"):
        return None
    d, h, m, s = (int(part or 0) for part in match.groups())
    return float(((d * 24 + h) * 60 + m) * 60 + s)


def _post(row: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    snippet, details = item.get("snippet", {}), item.get("contentDetails", {})
    duration = seconds(details.get("duration", ""))
    published = snippet.get("publishedAt", "")
    return {
        "post_id": row["video"],
        "posted_at": published.replace("Z", "")[:19] if published else "",
        "title": snippet.get("title", ""),
        "url": f"https://www.youtube.com/watch?v={row['video']}",
        "kind": "short" if duration is not None and duration <= 60 else "video",
        "duration_s": duration,
        "views": row["views"],
        "likes": row["likes"],
        "comments": row["comments"],
        "shares": row["shares"],
    }


def _audience(run: _Runner, analytics: Any, start: str, end: str) -> list[dict[str, Any]]:
    """Viewers by age and by gender (viewerPercentage), views by country, as shares."""
    rows: list[dict[str, Any]] = []
    split = _query(run, analytics, start, end, dimensions="ageGroup,gender",
                   metrics="viewerPercentage")
    for dimension, key in (("age", "ageGroup"), ("gender", "gender")):
        totals: dict[str, float] = {}
        for row in split:
            segment = _segment(dimension, row[key])
            totals[segment] = totals.get(segment, 0.0) + row["viewerPercentage"] / 100
        rows += [{"dimension": dimension, "segment": s, "share": v, "basis": "viewers"}
                 for s, v in totals.items()]
    countries = _query(run, analytics, start, end, dimensions="country", metrics="views",
                       sort="-views")
    total = sum(row["views"] for row in countries)
    rows += [{"dimension": "country", "segment": row["country"], "share": row["views"] / total,
              "basis": "views"} for row in countries if total]
    return rows


def _segment(dimension: str, value: str) -> str:
    if dimension == "gender":
        return _GENDERS.get(value, "other")
    match = _AGE.match(value)
    if not match:
        return value
    return f"{match[1]}-{match[2]}" if match[2] else f"{match[1]}+"


def authorize(client_secrets: str, run_flow: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """The installed-app loopback flow (google-auth-oauthlib): the sign-in to store."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    try:
        flow = InstalledAppFlow.from_client_secrets_file(client_secrets, scopes=list(SCOPES))
    except (ValueError, OSError) as err:
        raise LiveError(f"YouTube: {client_secrets} is not a Google OAuth client file "
                        f"({type(err).__name__})", hint="download it from Google Cloud > "
                        "Credentials > your Desktop app client > Download JSON") from None
    credentials = (run_flow or (lambda f: f.run_local_server(port=0, open_browser=True)))(flow)
    return json.loads(credentials.to_json())
