"""First sign-in (code exchange, state check, the YouTube loopback flow), the live extra's hint,
and the snapshot reader's own rules (layout, edits, an API day beside an export)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from mediakit.commands.main import main
from mediakit.errors import LiveError, SourceError
from mediakit.live import oauth, youtube
from mediakit.live.http import scrub
from mediakit.live.snapshot import Snapshot, render, write
from mediakit.sources import load_platform
from tests.live.conftest import CANARY, NOW, answer


def test_authorize_links_carry_scopes_and_state() -> None:
    link = oauth.authorize_url("tiktok", "awx1y2z3", "https://me.github.io/", "s1")
    assert link.startswith("https://www.tiktok.com/v2/auth/authorize/?client_key=awx1y2z3")
    assert "scope=user.info.basic%2Cuser.info.stats%2Cvideo.list" in link and "state=s1" in link
    link = oauth.authorize_url("instagram", "123", "https://me.github.io/", "s2")
    assert link.startswith("https://www.instagram.com/oauth/authorize?client_id=123")
    assert "instagram_business_basic%2Cinstagram_business_manage_insights" in link


def test_pasted_address_must_carry_the_state() -> None:
    # Instagram ends its redirect with "#_": a fragment, not part of the code.
    assert oauth.code_from("https://me.github.io/?code=AQBx&state=s1#_", "s1", "X") == "AQBx"
    assert oauth.code_from(" https://me.github.io/?state=s1&code=c0de\n", "s1", "X") == "c0de"
    with pytest.raises(LiveError, match="not the address"):
        oauth.code_from("https://me.github.io/?code=AQBx&state=forged", "s1", "TikTok")
    with pytest.raises(LiveError, match="not allowed"):
        oauth.code_from("https://me.github.io/?error=access_denied&state=s1", "s1", "TikTok")


def test_instagram_code_becomes_a_long_lived_token(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/oauth/access_token", method="POST").respond_with_json(
        {"data": [{"access_token": "IGAA-CANARY-SHORT", "user_id": "17841400000000001",
                   "permissions": "instagram_business_basic"}]})
    httpserver.expect_request("/access_token").respond_with_handler(
        lambda r: answer("instagram/refresh.json"))
    base = httpserver.url_for("").rstrip("/")
    token = oauth.instagram_exchange("123", "CANARY-APPSECRET", "https://me.github.io/", "AQBx",
                                     code_url=base, graph_url=base, now=lambda: NOW)
    assert token == {"access_token": "IGQV-CANARY-RENEWED-ig", "user_id": "17841400000000001",
                     "renewed_at": NOW.timestamp(), "expires_at": NOW.timestamp() + 5183944}
    exchange = [e[0] for e in httpserver.log if e[0].path == "/access_token"][0]
    assert exchange.args["grant_type"] == "ig_exchange_token"
    assert exchange.args["access_token"] == "IGAA-CANARY-SHORT"


def test_tiktok_code_becomes_tokens(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/oauth/token/", method="POST").respond_with_handler(
        lambda r: answer("tiktok/token.json"))
    token = oauth.tiktok_exchange("awx1y2z3", "CANARY-SECRET", "https://me.github.io/", "c0de",
                                  base_url=httpserver.url_for("").rstrip("/"), now=lambda: NOW)
    assert token["refresh_token"] == "rft.CANARY-ROTATED-tt"
    assert token["refresh_expires_at"] == NOW.timestamp() + 31536000
    sent = httpserver.log[0][0].form
    assert (sent["grant_type"], sent["code"]) == ("authorization_code", "c0de")


def test_refused_code_is_one_line_without_secrets(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/oauth/token/", method="POST").respond_with_handler(
        lambda r: answer("tiktok/token_invalid.json"))
    with pytest.raises(LiveError) as caught:
        oauth.tiktok_exchange("awx1y2z3", "CANARY-SECRET", "https://x/", "CANARY-CODE",
                              base_url=httpserver.url_for("").rstrip("/"))
    assert str(caught.value).startswith("TikTok: the sign-in code was refused")
    assert CANARY not in str(caught.value)


def test_youtube_loopback_flow_is_google_auth_oauthlibs(tmp_path: Path) -> None:
    secrets = tmp_path / "client_secret.json"
    secrets.write_text(json.dumps({"installed": {
        "client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "CANARY-S",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token", "redirect_uris": ["http://localhost"]}}))
    seen = []

    class Done:
        def to_json(self) -> str:
            return json.dumps({"refresh_token": "1//r", "client_id": "1234"})

    def run_flow(flow):
        seen.append(sorted(flow.oauth2session.scope))
        return Done()

    assert youtube.authorize(str(secrets), run_flow) == {"refresh_token": "1//r",
                                                          "client_id": "1234"}
    assert seen == [sorted(youtube.SCOPES)]
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(LiveError, match="is not a Google OAuth client file"):
        youtube.authorize(str(tmp_path / "bad.json"))


def test_scrub_hides_secrets_and_anything_token_shaped() -> None:
    text = scrub("bad token EAAGm0PX4ZCpsBAKZAZBxyz1234567890abcdef and CANARY", ("CANARY",))
    assert "EAAGm0PX4ZCps" not in text and CANARY not in text


def test_missing_live_extra_is_one_line(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "googleapiclient", None)
    result = CliRunner().invoke(main, ["pull"])
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: the live extra is not installed (live numbers need "
                                     'the live extra: pip install "creator-mediakit[live]")')


# -- the snapshot folder and its reader --------------------------------------------------------


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    (content / "data" / "tiktok").mkdir(parents=True)
    return content


def test_render_is_sorted_with_fixed_columns() -> None:
    rows = [{"date": "2026-12-02", "views": 5}, {"date": "2026-12-01", "followers": 7}]
    assert render("daily.csv", rows) == (
        b"date,followers,views,reached,likes,comments,shares\n"
        b"2026-12-01,7,,,,,\n2026-12-02,,5,,,,\n")


def test_same_day_pull_replaces_its_folder_and_leaves_others(tmp_path: Path) -> None:
    folder = _content(tmp_path) / "data" / "tiktok"
    write(Snapshot("tiktok", date(2026, 12, 6), daily=[{"date": "2026-12-06", "followers": 1}]),
          folder)
    first = Snapshot("tiktok", date(2026, 12, 7), daily=[{"date": "2026-12-07", "followers": 2}],
                     posts=[{"post_id": "1", "views": 3}])
    write(first, folder)
    write(Snapshot("tiktok", date(2026, 12, 7), daily=[{"date": "2026-12-07", "followers": 4}]),
          folder)
    api = folder / "api"
    assert sorted(p.name for p in api.iterdir()) == ["2026-12-06", "2026-12-07"]
    assert sorted(p.name for p in (api / "2026-12-07").iterdir()) == ["daily.csv"]
    assert (api / "2026-12-06" / "daily.csv").read_text().endswith("2026-12-06,1,,,,,\n")


def test_api_day_wins_over_the_export_and_fills_followers(tmp_path: Path) -> None:
    content = _content(tmp_path)
    folder = content / "data" / "tiktok"
    write(Snapshot("tiktok", date(2026, 12, 7), daily=[{"date": "2026-12-07", "followers": 91234}],
                   posts=[{"post_id": "7611889043718342913", "posted_at": "2026-12-05T19:00:00",
                           "views": 120000, "likes": 9000}]), folder)
    account = load_platform("tiktok", folder, content_dir=content)
    assert account.daily["followers"].tolist() == [91234]
    assert account.posts["snapshot_date"].tolist() == [pd.Timestamp("2026-12-07")]
    assert account.posts["views"].tolist() == [120000]
    assert [f.kind for f in account.files] == ["tiktok.api.daily", "tiktok.api.posts"]
    assert account.warnings == []  # no "no export files found": the API gave numbers


@pytest.mark.parametrize(("relative", "text", "expected"), [
    ("api/2026-12-07/notes.csv", "a,b\n1,2\n", "is not a snapshot `mediakit pull` writes"),
    ("api/latest/daily.csv", "date,followers,views,reached,likes,comments,shares\n",
     "is not a snapshot"),
    ("api/2026-12-07/daily.csv", "date,followers\n2026-12-07,5\n", "expected the columns"),
    ("api/2026-12-07/daily.csv",
     "date,followers,views,reached,likes,comments,shares\n2026-13-07,5,,,,,\n",
     "daily.csv:2: date: '2026-13-07' is not a date"),
])
def test_foreign_or_edited_snapshot_files_are_named(tmp_path: Path, relative, text,
                                                    expected) -> None:
    content = _content(tmp_path)
    path = content / "data" / "tiktok" / relative
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(SourceError) as caught:
        load_platform("tiktok", content / "data" / "tiktok", content_dir=content)
    assert expected in str(caught.value) and "data/tiktok/api/" in str(caught.value)


def test_auth_command_paste_flow_saves_privately(config_home, monkeypatch) -> None:
    from mediakit.live import tokens

    monkeypatch.setattr(oauth, "new_state", lambda: "s1")
    calls = []

    def exchange(key, secret, redirect, code):
        calls.append((key, secret, redirect, code))
        return {"access_token": "act.CANARY-NEW", "refresh_token": "rft.CANARY-NEW"}

    monkeypatch.setattr(oauth, "tiktok_exchange", exchange)
    result = CliRunner().invoke(
        main, ["auth", "tiktok", "--app-id", "awx1y2z3", "--redirect-uri", "https://me.github.io/"],
        input="CANARY-TYPED-SECRET\nhttps://me.github.io/?code=c0de&state=s1\n")
    assert result.exit_code == 0, result.output
    assert calls == [("awx1y2z3", "CANARY-TYPED-SECRET", "https://me.github.io/", "c0de")]
    assert "https://www.tiktok.com/v2/auth/authorize/?client_key=awx1y2z3" in result.output
    assert CANARY not in result.output  # the secret and the address are typed unseen
    assert tokens.load("tiktok")["access_token"] == "act.CANARY-NEW"
    assert (tokens.folder() / "tiktok.json").stat().st_mode & 0o777 == 0o600
    shown = CliRunner().invoke(main, ["auth", "tiktok", "--show-secret"])
    assert json.loads(shown.output) == {"access_token": "act.CANARY-NEW",
                                        "refresh_token": "rft.CANARY-NEW"}
