"""The YouTube client against recorded Analytics and Data API answers (tests/live/recorded/)."""

from __future__ import annotations

from datetime import date

import pytest
from pytest_httpserver import HTTPServer

from mediakit.errors import LiveError
from mediakit.live import youtube
from tests.live.conftest import DAY, answer, youtube_routes


def _pull(server: HTTPServer, sleeps: list[float] | None = None):
    return youtube.pull(DAY, date(2026, 12, 1), base_url=server.url_for("/"),
                        token_uri=server.url_for("/token"),
                        sleep=(sleeps.append if sleeps is not None else lambda s: None))


def test_pull_reads_every_report(httpserver: HTTPServer, config_home) -> None:
    youtube_routes(httpserver)
    snapshot = _pull(httpserver)
    days = {row["date"]: row for row in snapshot.daily}
    # Four Analytics days, then the Data API's subscriber count on the pull day.
    assert sorted(days) == ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07"]
    assert days["2026-12-02"]["views"] == 1200 and days["2026-12-02"]["likes"] == 50
    assert days["2026-12-07"] == {"date": "2026-12-07", "followers": 48210}
    # 1000+1200+900+1100 views; (3000+3600+2700+3300)/60 = 210 hours; (20+25+15+30)-(5+5+5+10)
    assert snapshot.period == [{"first": "2026-12-01", "last": "2026-12-04", "views": 4200,
                                "watch_time_hours": 210.0, "followers_gained": 65}]
    posts = {row["post_id"]: row for row in snapshot.posts}
    assert posts["vidA0000001"]["title"] == "Live at the Lantern"
    assert posts["vidA0000001"]["posted_at"] == "2026-11-20T17:30:00"
    assert posts["vidA0000001"]["duration_s"] == 492.0 and posts["vidA0000001"]["kind"] == "video"
    assert posts["vidB0000002"]["kind"] == "short" and posts["vidB0000002"]["views"] == 8000
    shares = {(r["dimension"], r["segment"]): round(r["share"], 6) for r in snapshot.audience}
    # age = female + male per group; gender = sum over groups; country = views / 4000.
    assert shares[("age", "18-24")] == 0.35 and shares[("age", "25-34")] == 0.45
    assert shares[("age", "35-44")] == 0.2
    assert shares[("gender", "female")] == 0.55 and shares[("gender", "male")] == 0.45
    assert shares[("country", "US")] == 0.75 and shares[("country", "DE")] == 0.05


def test_lifetime_video_report_starts_on_the_channel_day(httpserver: HTTPServer,
                                                         config_home) -> None:
    seen = []

    def per_video(request):
        seen.append(dict(request.args))
        return answer("youtube/per_video.json")

    youtube_routes(httpserver, per_video=per_video)
    _pull(httpserver)
    assert seen[0]["startDate"] == "2019-03-02" and seen[0]["ids"] == "channel==MINE"
    assert seen[0]["startIndex"] == "1" and seen[0]["maxResults"] == "200"


def test_video_report_pages_by_start_index(httpserver: HTTPServer, config_home,
                                           monkeypatch) -> None:
    monkeypatch.setattr(youtube, "PAGE", 2)  # the fixture's two rows fill a page: ask again
    starts = []

    def per_video(request):
        starts.append(request.args["startIndex"])
        if request.args["startIndex"] == "1":
            return answer("youtube/per_video.json")
        return answer("youtube/country.json").__class__(
            '{"kind": "youtubeAnalytics#resultTable", "columnHeaders": [{"name": "video", '
            '"columnType": "DIMENSION", "dataType": "STRING"}, {"name": "views", "columnType": '
            '"METRIC", "dataType": "INTEGER"}]}', content_type="application/json")

    youtube_routes(httpserver, per_video=per_video)
    assert len(_pull(httpserver).posts) == 2
    assert starts == ["1", "3"]


def test_rate_limit_backs_off_then_succeeds(httpserver: HTTPServer, config_home) -> None:
    calls = []

    def country(request):
        calls.append(1)
        return answer("youtube/error_rate.json" if len(calls) <= 2 else "youtube/country.json")

    youtube_routes(httpserver, country=country)
    sleeps: list[float] = []
    snapshot = _pull(httpserver, sleeps)
    assert sleeps == [1.0, 2.0] and len(calls) == 3
    assert any(r["dimension"] == "country" for r in snapshot.audience)


def test_rate_limit_gives_up_after_a_bound(httpserver: HTTPServer, config_home) -> None:
    youtube_routes(httpserver, country=lambda r: answer("youtube/error_rate.json"))
    sleeps: list[float] = []
    with pytest.raises(LiveError, match=r"^YouTube: the API kept answering 429 after 5 attempts"):
        _pull(httpserver, sleeps)
    assert sleeps == [1.0, 2.0, 4.0, 8.0]


@pytest.mark.parametrize(("fixture", "expected"), [
    ("youtube/error_scope.json", "a permission is missing"),
    ("youtube/error_quota.json", "quota for today is used up"),
])
def test_refusals_are_one_line(httpserver: HTTPServer, config_home, fixture, expected) -> None:
    youtube_routes(httpserver, **{"/youtube/v3/channels": lambda r: answer(fixture)})
    with pytest.raises(LiveError) as caught:
        _pull(httpserver)
    assert expected in str(caught.value) and "\n" not in str(caught.value)


def test_testing_app_invalid_grant_says_seven_days(httpserver: HTTPServer, config_home) -> None:
    youtube_routes(httpserver, **{"/token": lambda r: answer("youtube/token_invalid_grant.json")})
    with pytest.raises(LiveError) as caught:
        _pull(httpserver)
    text = str(caught.value)
    assert "invalid_grant" in text and "7 days" in text and "mediakit auth youtube" in text


def test_refresh_sends_the_stored_refresh_token(httpserver: HTTPServer, config_home) -> None:
    sent = []

    def token(request):
        sent.append(dict(request.form))
        return answer("youtube/token.json")

    youtube_routes(httpserver, **{"/token": token})
    _pull(httpserver)
    assert sent[0]["grant_type"] == "refresh_token"
    assert sent[0]["refresh_token"] == "1//CANARY-REFRESH-yt"


def test_durations() -> None:
    assert youtube.seconds("PT1H2M3S") == 3723.0
    assert youtube.seconds("PT45S") == 45.0
    assert youtube.seconds("P1DT1S") == 86401.0
    assert youtube.seconds("nonsense") is None
