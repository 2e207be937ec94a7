"""The Instagram and TikTok clients against recorded answers (tests/live/recorded/)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pytest_httpserver import HTTPServer

from mediakit.errors import LiveError
from mediakit.live import instagram, tiktok, tokens
from tests.live.conftest import DAY, NOW, answer, instagram_routes, tiktok_routes


def _instagram(server: HTTPServer, sleeps: list[float] | None = None):
    return instagram.pull(DAY, date(2026, 11, 8), base_url=server.url_for("").rstrip("/"),
                          sleep=(sleeps.append if sleeps is not None else lambda s: None),
                          now=lambda: NOW)


def _tiktok(server: HTTPServer, since: date | None = None, sleeps: list[float] | None = None):
    return tiktok.pull(DAY, since, base_url=server.url_for("").rstrip("/"),
                       sleep=(sleeps.append if sleeps is not None else lambda s: None),
                       now=lambda: NOW)


def test_instagram_pull(httpserver: HTTPServer, config_home) -> None:
    instagram_routes(httpserver)
    snapshot = _instagram(httpserver)
    # end_time 2026-12-05T08:00+0000 closes the Pacific day 2026-12-04.
    assert snapshot.daily == [{"date": "2026-12-04", "reached": 1500},
                              {"date": "2026-12-05", "reached": 1700},
                              {"date": "2026-12-07", "followers": 18432}]
    assert snapshot.period == [{"first": "2026-11-08", "last": "2026-12-07", "views": 45210}]
    shares = {(r["dimension"], r["segment"]): r["share"] for r in snapshot.audience}
    assert shares[("age", "18-24")] == 0.6 and shares[("gender", "female")] == 0.7
    assert shares[("gender", "other")] == 0.05 and shares[("country", "IE")] == 0.5
    assert shares[("city", "Dublin, Dublin")] == 0.8
    # Page 2's post is older than --since: the listing stops there.
    posts = {row["post_id"]: row for row in snapshot.posts}
    assert sorted(posts) == ["18000000000000002", "18000000000000003"]
    reel = posts["18000000000000003"]
    assert reel == {"post_id": "18000000000000003", "posted_at": "2026-12-03T19:00:00",
                    "title": "Rehearsal night", "url": "https://www.instagram.com/reel/C0000000003/",
                    "kind": "reel", "views": 21000, "reach": 12000, "likes": 900, "comments": 40,
                    "shares": 120, "saves": 310}
    assert posts["18000000000000002"]["kind"] == "carousel"


def test_instagram_media_pages_by_after_cursor(httpserver: HTTPServer, config_home) -> None:
    afters = []

    def page1(request):
        afters.append(request.args.get("after"))
        return answer("instagram/media_page1.json")

    instagram_routes(httpserver, media_page1=page1)
    snapshot = instagram.pull(DAY, date(2026, 9, 1), base_url=httpserver.url_for("").rstrip("/"),
                              sleep=lambda s: None, now=lambda: NOW)
    assert afters == [None]  # page 1 once; page 2 asked with after=QVFIUAFTER1, and has no next
    assert len(snapshot.posts) == 3
    assert [e[0].args.get("after") for e in httpserver.log if e[0].path.endswith("/media")] == [
        None, "QVFIUAFTER1"]


def test_instagram_windows_are_at_most_30_days() -> None:
    spans = instagram.windows(date(2026, 10, 1), date(2026, 12, 7))
    assert spans == [(date(2026, 10, 1), date(2026, 10, 30)), (date(2026, 10, 31),
                     date(2026, 11, 29)), (date(2026, 11, 30), date(2026, 12, 7))]


def test_instagram_token_renewed_after_a_day(httpserver: HTTPServer, config_home) -> None:
    instagram_routes(httpserver)
    stored = tokens.load("instagram")
    tokens.save("instagram", {**stored, "renewed_at": NOW.timestamp() - 2 * 86400})
    _instagram(httpserver)
    renewed = tokens.load("instagram")
    assert renewed["access_token"] == "IGQV-CANARY-RENEWED-ig"
    assert renewed["expires_at"] == NOW.timestamp() + 5183944


def test_instagram_expired_token_is_refused_before_any_request(httpserver: HTTPServer,
                                                               config_home) -> None:
    stored = tokens.load("instagram")
    tokens.save("instagram", {**stored, "expires_at": NOW.timestamp() - 1})
    with pytest.raises(LiveError, match="expired.*mediakit auth instagram"):
        _instagram(httpserver)
    assert len(httpserver.log) == 0


@pytest.mark.parametrize(("fixture", "expected"), [
    ("instagram/error_token.json", "refused (expired or revoked)"),
    ("instagram/error_scope.json", "a permission is missing"),
])
def test_instagram_refusals(httpserver: HTTPServer, config_home, fixture, expected) -> None:
    instagram_routes(httpserver, me=lambda r: answer(fixture))
    with pytest.raises(LiveError) as caught:
        _instagram(httpserver)
    assert str(caught.value).startswith("Instagram: ") and expected in str(caught.value)


def test_instagram_server_error_retried_within_a_bound(httpserver: HTTPServer,
                                                       config_home) -> None:
    from werkzeug import Response

    instagram_routes(httpserver, views=lambda r: Response("oops", status=503))
    sleeps: list[float] = []
    with pytest.raises(LiveError, match="kept answering 503"):
        _instagram(httpserver, sleeps)
    assert sleeps == [1.0, 2.0, 4.0, 8.0]


def test_tiktok_pull_pages_by_cursor(httpserver: HTTPServer, config_home) -> None:
    tiktok_routes(httpserver)
    snapshot = _tiktok(httpserver)
    assert snapshot.daily == [{"date": "2026-12-07", "followers": 91234}]
    posts = {row["post_id"]: row for row in snapshot.posts}
    assert len(posts) == 3  # two on page 1, one on page 2
    first = posts["7611889043718342913"]
    assert first["posted_at"] == "2026-12-05T19:00:00" and first["views"] == 120000
    assert first["shares"] == 150 and first["duration_s"] == 34
    assert posts["7611889043718342912"]["title"] == "Studio day"  # no title: the description
    assert not snapshot.audience  # the Display API has no audience data


def test_tiktok_since_stops_the_listing(httpserver: HTTPServer, config_home) -> None:
    tiktok_routes(httpserver)
    snapshot = _tiktok(httpserver, since=date(2026, 12, 1))
    assert [row["post_id"] for row in snapshot.posts] == ["7611889043718342913"]


def test_tiktok_rotated_refresh_token_is_stored(httpserver: HTTPServer, config_home) -> None:
    tiktok_routes(httpserver)
    stored = tokens.load("tiktok")
    tokens.save("tiktok", {**stored, "expires_at": NOW.timestamp() - 10})
    _tiktok(httpserver)
    sent = [dict(entry[0].form) for entry in httpserver.log if entry[0].path == "/v2/oauth/token/"]
    assert sent[0]["grant_type"] == "refresh_token"
    assert sent[0]["refresh_token"] == "rft.CANARY-REFRESH-tt"
    renewed = tokens.load("tiktok")
    assert renewed["refresh_token"] == "rft.CANARY-ROTATED-tt"
    assert renewed["access_token"] == "act.CANARY-RENEWED-tt"
    assert renewed["expires_at"] == NOW.timestamp() + 86400
    auth = [e[0].headers["Authorization"] for e in httpserver.log if e[0].path == "/v2/user/info/"]
    assert auth == ["Bearer act.CANARY-RENEWED-tt"]


def test_tiktok_refresh_refused(httpserver: HTTPServer, config_home) -> None:
    tiktok_routes(httpserver, token=lambda r: answer("tiktok/token_invalid.json"))
    stored = tokens.load("tiktok")
    tokens.save("tiktok", {**stored, "expires_at": NOW.timestamp() - 10})
    with pytest.raises(LiveError, match="could not be renewed.*mediakit auth tiktok"):
        _tiktok(httpserver)


@pytest.mark.parametrize(("fixture", "expected"), [
    ("tiktok/error_token.json", "refused (expired or revoked)"),
    ("tiktok/error_scope.json", "a permission is missing"),
])
def test_tiktok_refusals(httpserver: HTTPServer, config_home, fixture, expected) -> None:
    tiktok_routes(httpserver, user_info=lambda r: answer(fixture))
    with pytest.raises(LiveError) as caught:
        _tiktok(httpserver)
    assert str(caught.value).startswith("TikTok: ") and expected in str(caught.value)


def test_tiktok_rate_limit_uses_retry_after(httpserver: HTTPServer, config_home) -> None:
    calls = []

    def page1(request):
        calls.append(1)
        if len(calls) == 1:
            response = answer("tiktok/error_rate.json")
            response.headers["Retry-After"] = "7"
            return response
        return answer("tiktok/videos_page1.json")

    tiktok_routes(httpserver, videos_page1=page1)
    sleeps: list[float] = []
    assert len(_tiktok(httpserver, sleeps=sleeps).posts) == 3
    assert sleeps == [7.0]


def test_token_files_are_private(config_home) -> None:
    path = tokens.folder() / "tiktok.json"
    assert path.stat().st_mode & 0o777 == 0o600
    assert tokens.folder().stat().st_mode & 0o777 == 0o700
    assert json.loads(path.read_text())["client_key"] == "awx1y2z3"


def test_ci_token_from_environment_is_not_saved(config_home, monkeypatch) -> None:
    monkeypatch.setenv("MEDIAKIT_TIKTOK_TOKEN", json.dumps({"access_token": "x"}))
    assert tokens.load("tiktok") == {"access_token": "x"}
    tokens.save("tiktok", {"access_token": "y"})
    monkeypatch.delenv("MEDIAKIT_TIKTOK_TOKEN")
    assert tokens.load("tiktok")["access_token"] == "act.CANARY-OLD-tt"


def test_production_hosts_are_the_official_https_ones() -> None:
    from mediakit.live import oauth, youtube

    assert instagram.BASE_URL == "https://graph.instagram.com"
    assert tiktok.BASE_URL == "https://open.tiktokapis.com"
    assert tiktok.AUTHORIZE_URL == "https://www.tiktok.com/v2/auth/authorize/"
    assert oauth.INSTAGRAM_AUTHORIZE == "https://www.instagram.com/oauth/authorize"
    assert oauth.INSTAGRAM_CODE_URL == "https://api.instagram.com"
    assert youtube.TOKEN_URI == "https://oauth2.googleapis.com/token"
    # Without a base_url the Google client uses its discovery document's root: Google's hosts.
    from googleapiclient.discovery import build

    roots = {build(n, v, static_discovery=True, developerKey="k")._baseUrl
             for n, v in (youtube.DATA_API, youtube.ANALYTICS_API)}
    assert roots == {"https://youtube.googleapis.com/",
                     "https://youtubeanalytics.googleapis.com/"}
