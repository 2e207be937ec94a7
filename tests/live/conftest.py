"""Shared pieces for the live tests: a throwaway config folder with canary sign-ins, a project,
and a local server replaying the recorded answers in tests/live/recorded/ (no real network)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

FIXTURES = Path(__file__).parent / "recorded"
DAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
CANARY = "CANARY"  # in every stored token and every token the fake servers hand out

SIGN_INS: dict[str, dict[str, Any]] = {
    "youtube": {"client_id": "1234-abc.apps.googleusercontent.com",
                "client_secret": "GOCSPX-CANARY-SECRET-yt", "refresh_token": "1//CANARY-REFRESH-yt",
                "token": "ya29.CANARY-OLD-yt", "type": "authorized_user"},
    "instagram": {"access_token": "IGQV-CANARY-LONG-ig", "user_id": "17841400000000001",
                  "renewed_at": NOW.timestamp() - 3600, "expires_at": NOW.timestamp() + 50 * 86400},
    "tiktok": {"client_key": "awx1y2z3", "client_secret": "CANARY-SECRET-tt",
               "access_token": "act.CANARY-OLD-tt", "refresh_token": "rft.CANARY-REFRESH-tt",
               "expires_at": NOW.timestamp() + 3600, "refresh_expires_at": NOW.timestamp() + 9e6},
}

PROFILE = """\
name: Mara Quinn
handle: "@maraquinnmusic"
platforms:
  youtube:
    handle: "@MaraQuinnMusic"
    data: data/youtube
  instagram:
    handle: "@maraquinnmusic"
    data: data/instagram
  tiktok:
    handle: "@maraquinnmusic"
    data: data/tiktok
"""


def answer(name: str) -> Response:
    """A recorded answer as the server's response."""
    recorded = json.loads((FIXTURES / name).read_text())
    return Response(json.dumps(recorded["body"]), status=recorded["status"],
                    content_type="application/json")


def body(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())["body"]


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user config folder (platformdirs honours XDG_CONFIG_HOME) with canary sign-ins."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    for platform in SIGN_INS:
        monkeypatch.delenv(f"MEDIAKIT_{platform.upper()}_TOKEN", raising=False)
    from mediakit.live import tokens

    for platform, token in SIGN_INS.items():
        tokens.save(platform, token)
    return home


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "kit"
    for platform in ("youtube", "instagram", "tiktok"):
        (root / "content" / "data" / platform).mkdir(parents=True)
    (root / "content" / "profile.yaml").write_text(PROFILE)
    return root


Route = Callable[[Request], Response]


def youtube_routes(server: HTTPServer, **override: Route) -> None:
    """The Google token endpoint, the Data API and the Analytics API, as recorded."""

    def reports(request: Request) -> Response:
        dimensions = request.args["dimensions"]
        name = {"day": "daily", "video": "per_video", "ageGroup,gender": "age_gender",
                "country": "country"}[dimensions]
        if name in override:
            return override[name](request)
        return answer(f"youtube/{name}.json")

    routes: dict[str, Route] = {
        "/token": lambda r: answer("youtube/token.json"),
        "/youtube/v3/channels": lambda r: answer("youtube/channels.json"),
        "/youtube/v3/videos": lambda r: answer("youtube/videos.json"),
        "/v2/reports": reports,
    }
    for path, route in routes.items():
        server.expect_request(path).respond_with_handler(override.get(path, route))


def instagram_routes(server: HTTPServer, **override: Route) -> None:
    """graph.instagram.com as recorded: the account, its insights, its media."""
    account = "/v25.0/17841400000000001"

    def insights(request: Request) -> Response:
        metric = request.args["metric"]
        name = {"reach": "reach", "views": "views"}.get(metric) or (
            "demographics_" + request.args["breakdown"])
        return override.get(name, lambda r: answer(f"instagram/{name}.json"))(request)

    def media(request: Request) -> Response:
        page = "media_page2" if request.args.get("after") == "QVFIUAFTER1" else "media_page1"
        return override.get(page, lambda r: answer(f"instagram/{page}.json"))(request)

    server.expect_request("/v25.0/me").respond_with_handler(
        override.get("me", lambda r: answer("instagram/me.json")))
    server.expect_request(f"{account}/insights").respond_with_handler(insights)
    server.expect_request(f"{account}/media").respond_with_handler(media)
    for number, recorded in ((1, 2), (2, 2), (3, 3)):  # the old post's insights: as post 2's
        server.expect_request(f"/v25.0/1800000000000000{number}/insights").respond_with_handler(
            lambda r, n=recorded: answer(f"instagram/media_insights_{n}.json"))
    server.expect_request("/refresh_access_token").respond_with_handler(
        override.get("refresh", lambda r: answer("instagram/refresh.json")))


def tiktok_routes(server: HTTPServer, **override: Route) -> None:
    """open.tiktokapis.com as recorded: user info, the paged video list, the token endpoint."""

    def videos(request: Request) -> Response:
        sent = json.loads(request.get_data() or b"{}")
        page = "videos_page2" if sent.get("cursor") == 1795892400000 else "videos_page1"
        return override.get(page, lambda r: answer(f"tiktok/{page}.json"))(request)

    server.expect_request("/v2/user/info/").respond_with_handler(
        override.get("user_info", lambda r: answer("tiktok/user_info.json")))
    server.expect_request("/v2/video/list/", method="POST").respond_with_handler(videos)
    server.expect_request("/v2/oauth/token/", method="POST").respond_with_handler(
        override.get("token", lambda r: answer("tiktok/token.json")))
