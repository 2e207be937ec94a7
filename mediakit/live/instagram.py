"""Instagram API with Instagram Login (graph.instagram.com, Graph API ``VERSION``).

Endpoints (https://developers.facebook.com/docs/instagram-platform/): ``GET /me`` (followers),
``GET /<id>/insights`` (daily ``reach``; ``views`` as a total per window; ``follower_demographics``
by age, gender, country, city), ``GET /<id>/media`` paged by its ``after`` cursor and
``GET /<media-id>/insights`` per post. Scopes ``instagram_business_basic`` and
``instagram_business_manage_insights``. The long-lived token lives 60 days; a pull renews it
(``GET /refresh_access_token``) once it is a day old. Insights ranges are at most 30 days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mediakit.live import tokens
from mediakit.live.http import Client, Sleep, json_of
from mediakit.live.snapshot import Snapshot

VERSION = "v25.0"
BASE_URL = "https://graph.instagram.com"
SCOPES = ("instagram_business_basic", "instagram_business_manage_insights")
WINDOW_DAYS = 30  # the longest since..until range the insights endpoint accepts
DEFAULT_DAYS = 30
BREAKDOWNS = ("age", "gender", "country", "city")
GENDERS = {"F": "female", "M": "male", "U": "other"}
KINDS = {"REELS": "reel", "CAROUSEL_ALBUM": "carousel", "IMAGE": "image", "VIDEO": "video"}
MEDIA_FIELDS = "id,caption,media_type,media_product_type,permalink,timestamp,like_count," \
    "comments_count"
MEDIA_METRICS = "reach,views,saved,shares"
MAX_PAGES = 200
REAUTH = "run `mediakit auth instagram` again"
_RATE_CODES = {4, 17, 32, 613}
_SCOPE_CODES = {10} | set(range(200, 300))


def pull(
    day: date,
    since: date | None,
    *,
    base_url: str = BASE_URL,
    sleep: Sleep | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Snapshot:
    """The whole Instagram pull in memory (nothing written): a LiveError on any failure."""
    token = fresh_token(tokens.require("instagram"), base_url=base_url, sleep=sleep, now=now)
    graph = Graph(_client(token, sleep), f"{base_url}/{VERSION}", token["access_token"])
    me = graph.get("me", fields="user_id,username,followers_count,media_count")
    account = str(me.get("user_id") or me["id"])
    snapshot = Snapshot("instagram", day)
    start = since or day - timedelta(days=DEFAULT_DAYS)
    reach: dict[str, int] = {}
    views = 0
    for first, last in windows(start, day):
        span = {"since": _unix(first), "until": _unix(last + timedelta(days=1))}
        for point in graph.series(account, "reach", span):
            reach[point[0]] = point[1]
        views += graph.total(account, "views", span)
    snapshot.daily = [{"date": d, "reached": v} for d, v in sorted(reach.items())]
    snapshot.daily.append({"date": day.isoformat(), "followers": int(me["followers_count"])})
    snapshot.period.append({"first": start.isoformat(), "last": day.isoformat(), "views": views})
    for dimension in BREAKDOWNS:
        snapshot.audience.extend(graph.demographics(account, dimension))
    for media in graph.media(account, start):
        snapshot.posts.append(graph.post(media))
    return snapshot


def windows(start: date, end: date) -> list[tuple[date, date]]:
    """``start``..``end`` cut into ranges of at most ``WINDOW_DAYS`` days, oldest first."""
    found = []
    while start <= end:
        last = min(start + timedelta(days=WINDOW_DAYS - 1), end)
        found.append((start, last))
        start = last + timedelta(days=1)
    return found


def _unix(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def _client(token: dict[str, Any], sleep: Sleep | None) -> Client:
    secrets = tuple(str(token.get(k, "")) for k in ("access_token", "client_secret"))
    client = Client("Instagram", secrets=secrets)
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
    """The long-lived token, renewed (and stored) once it is a day old; refused when expired."""
    moment = now().timestamp()
    if float(token.get("expires_at", 0)) <= moment:
        raise _client(token, sleep).fail("the sign-in has expired (60 days)", REAUTH)
    if moment - float(token.get("renewed_at", 0)) < 86400:
        return token
    client = _client(token, sleep)
    response = client.request("GET", f"{base_url}/refresh_access_token", params={
        "grant_type": "ig_refresh_token", "access_token": token["access_token"]})
    answer = json_of(client, response)
    if response.status_code != 200 or "access_token" not in answer:
        raise _graph_error(client, response.status_code, answer)
    renewed = {**token, "access_token": answer["access_token"], "renewed_at": moment,
               "expires_at": moment + float(answer.get("expires_in", 0))}
    tokens.save("instagram", renewed)
    return renewed


def _graph_error(client: Client, status: int, answer: Any) -> Exception:
    error = answer.get("error") if isinstance(answer, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    if code == 190:
        return client.fail("the sign-in was refused (expired or revoked)", REAUTH)
    if code in _SCOPE_CODES:
        return client.fail("a permission is missing (instagram_business_basic, "
                           "instagram_business_manage_insights)", REAUTH + " and allow both")
    if code in _RATE_CODES:
        return client.fail("the API's rate limit is reached", "wait an hour and pull again")
    return client.fail(f"the API answered {status} (error {code})",
                       "run `mediakit pull` again later")


class Graph:
    """GET requests on one account's Graph API, each answer checked."""

    def __init__(self, client: Client, root: str, access_token: str) -> None:
        self.client, self.root, self.access_token = client, root, access_token

    def get(self, path: str, **params: Any) -> dict[str, Any]:
        """One checked GET: the JSON body, or a one-line error from the Graph error code."""
        response = self.client.request("GET", f"{self.root}/{path}",
                                       params={**params, "access_token": self.access_token})
        answer = json_of(self.client, response)
        if response.status_code != 200 or not isinstance(answer, dict) or "error" in answer:
            raise _graph_error(self.client, response.status_code, answer)
        return answer

    def _metric(self, answer: dict[str, Any], name: str) -> dict[str, Any]:
        for entry in answer.get("data", []):
            if entry.get("name") == name:
                return entry
        raise self.client.fail(f"the insights answer has no {name}",
                               "run `mediakit pull` again later")

    def series(self, account: str, name: str, span: dict[str, int]) -> list[tuple[str, int]]:
        """A daily metric as (day, value): ``end_time`` closes the day it counts."""
        answer = self.get(f"{account}/insights", metric=name, period="day", **span)
        points = []
        for value in self._metric(answer, name)["values"]:
            ended = datetime.strptime(value["end_time"], "%Y-%m-%dT%H:%M:%S%z")
            points.append(((ended.date() - timedelta(days=1)).isoformat(), int(value["value"])))
        return points

    def total(self, account: str, name: str, span: dict[str, int]) -> int:
        """A metric's total over the range (``metric_type=total_value``)."""
        answer = self.get(f"{account}/insights", metric=name, period="day",
                          metric_type="total_value", **span)
        return int(self._metric(answer, name)["total_value"]["value"])

    def demographics(self, account: str, dimension: str) -> list[dict[str, Any]]:
        """The followers split by one dimension, as shares of the followers counted."""
        answer = self.get(f"{account}/insights", metric="follower_demographics",
                          period="lifetime", metric_type="total_value", timeframe="this_month",
                          breakdown=dimension)
        breakdowns = self._metric(answer, "follower_demographics")["total_value"]["breakdowns"]
        results = [r for b in breakdowns for r in b["results"]]
        total = sum(int(r["value"]) for r in results)
        rows: dict[str, int] = {}
        for result in results:
            segment = str(result["dimension_values"][0])
            segment = GENDERS.get(segment, segment) if dimension == "gender" else segment
            rows[segment] = rows.get(segment, 0) + int(result["value"])
        return [{"dimension": dimension, "segment": segment, "share": count / total,
                 "basis": "followers"} for segment, count in rows.items() if total]

    def media(self, account: str, since: date) -> list[dict[str, Any]]:
        """The posts since ``since``, newest first, following the ``after`` cursor."""
        found: list[dict[str, Any]] = []
        after: str | None = None
        for _ in range(MAX_PAGES):
            params = {"fields": MEDIA_FIELDS, "limit": 50, **({"after": after} if after else {})}
            answer = self.get(f"{account}/media", **params)
            for media in answer["data"]:
                if datetime.strptime(media["timestamp"], "%Y-%m-%dT%H:%M:%S%z").date() < since:
                    return found
                found.append(media)
            paging = answer.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not paging.get("next") or not after:
                return found
        raise self.client.fail(f"the media list did not end after {MAX_PAGES} pages",
                               "run `mediakit pull --since DATE` with a recent date")

    def post(self, media: dict[str, Any]) -> dict[str, Any]:
        """One post's row: its fields and its lifetime insights."""
        answer = self.get(f"{media['id']}/insights", metric=MEDIA_METRICS)
        values = {entry["name"]: int(entry["values"][0]["value"]) for entry in answer["data"]}
        posted = datetime.strptime(media["timestamp"], "%Y-%m-%dT%H:%M:%S%z")
        product = media.get("media_product_type") or ""
        return {
            "post_id": str(media["id"]),
            "posted_at": posted.astimezone(UTC).replace(tzinfo=None).isoformat(),
            "title": (media.get("caption") or "").split("\n", 1)[0],
            "url": media.get("permalink", ""),
            "kind": KINDS.get(product) or KINDS.get(media.get("media_type", ""), "image"),
            "views": values.get("views"),
            "reach": values.get("reach"),
            "likes": media.get("like_count"),
            "comments": media.get("comments_count"),
            "shares": values.get("shares"),
            "saves": values.get("saved"),
        }
