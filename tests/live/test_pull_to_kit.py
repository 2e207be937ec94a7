"""The whole way: recorded answers -> `mediakit pull` -> `mediakit build` -> the kit's numbers.

Also: a second pull the same day changes no byte; a failing platform writes nothing and exits 2
with one line; no canary token appears in anything mediakit writes or prints.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from mediakit.commands.main import main
from mediakit.live import instagram, tiktok, youtube
from mediakit.live import pull as live_pull
from tests.live.conftest import (
    CANARY,
    NOW,
    answer,
    instagram_routes,
    tiktok_routes,
    youtube_routes,
)


@pytest.fixture
def servers(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, config_home) -> HTTPServer:
    """Every platform replayed on one local server; the pull command pointed at it."""
    youtube_routes(httpserver)
    instagram_routes(httpserver)
    tiktok_routes(httpserver)
    base = httpserver.url_for("").rstrip("/")
    quiet = {"sleep": lambda s: None}
    pullers = {
        "youtube": functools.partial(youtube.pull, base_url=base + "/",
                                     token_uri=base + "/token", **quiet),
        "instagram": functools.partial(instagram.pull, base_url=base, now=lambda: NOW, **quiet),
        "tiktok": functools.partial(tiktok.pull, base_url=base, now=lambda: NOW, **quiet),
    }
    monkeypatch.setattr(live_pull, "default_pullers", lambda: pullers)
    return httpserver


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_pull_then_build_shows_the_api_numbers(servers, project: Path, config_home) -> None:
    pulled = _run("pull", str(project), "--since", "2026-11-08", "--today", "2026-12-07")
    assert pulled.exit_code == 0, pulled.output
    api = project / "content" / "data" / "youtube" / "api" / "2026-12-07"
    assert sorted(p.name for p in api.iterdir()) == [
        "audience.csv", "daily.csv", "period.csv", "posts.csv"]
    assert (api / "daily.csv").read_text().splitlines()[:2] == [
        "date,followers,views,reached,likes,comments,shares",
        "2026-12-01,,1000,,40,5,3"]
    built = _run("build", str(project), "--today", "2026-12-07")
    assert built.exit_code in (0, 1), built.output
    stats = json.loads((project / "site" / "stats.json").read_text())
    platforms = stats["platforms"]
    assert platforms["youtube"]["headline"]["followers"] == 48210  # the Data API's count
    assert platforms["instagram"]["headline"]["followers"] == 18432
    assert platforms["tiktok"]["headline"]["followers"] == 91234
    page = (project / "site" / "index.html").read_text()
    assert "48,210" in page or "48.2K" in page
    assert "YouTube, Instagram and TikTok via their APIs on Dec 7, 2026" in page  # as-of line
    methodology = (project / "site" / "methodology.html").read_text()
    assert "From the platform’s API: daily numbers and the follower count" in methodology
    assert "TikTok’s API has no audience data: exports fill that in" in methodology

    history = _files(project / "content" / "data" / "history")
    snapshots = _files(project / "content" / "data")
    again = _run("pull", str(project), "--since", "2026-11-08", "--today", "2026-12-07")
    assert again.exit_code == 0
    assert _run("build", str(project), "--today", "2026-12-07").exit_code in (0, 1)
    assert _files(project / "content" / "data") == snapshots  # history included: byte for byte
    assert _files(project / "content" / "data" / "history") == history

    written = _files(project)  # content (snapshots, history), site/, the build record
    cache = os.environ.get("MEDIAKIT_CACHE_DIR")  # the suite's shared cache (charts, pages)
    if cache:
        written.update({f"cache/{k}": v for k, v in _files(Path(cache)).items()})
    written.update({f"config/{k}": v for k, v in _files(config_home).items()
                    if not k.startswith("mediakit/tokens/")})  # only the sign-ins hold tokens
    leaked = [name for name, data in written.items() if CANARY.encode() in data]
    assert leaked == []
    assert len(written) > 30
    for result in (pulled, built, again):
        assert CANARY not in result.output


def test_a_failing_platform_writes_nothing_and_exits_2(servers, project: Path) -> None:
    servers.clear()  # TikTok refuses the token; the others answer as recorded
    youtube_routes(servers)
    instagram_routes(servers)
    tiktok_routes(servers, user_info=lambda r: answer("tiktok/error_token.json"))
    result = CliRunner().invoke(main, ["pull", str(project), "--today", "2026-12-07"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert errors == ["Error: TikTok: the sign-in was refused (expired or revoked) "
                      "(run `mediakit auth tiktok` again)"]
    assert not (project / "content" / "data" / "tiktok" / "api").exists()
    assert (project / "content" / "data" / "youtube" / "api" / "2026-12-07").is_dir()
    assert CANARY not in result.output


def test_an_answer_missing_a_field_is_one_line(servers, project: Path) -> None:
    from werkzeug import Response

    servers.clear()
    tiktok_routes(servers, videos_page2=lambda r: Response(
        json.dumps({"data": {"videos": [{"title": "no id"}], "has_more": False},
                    "error": {"code": "ok", "message": "", "log_id": "1"}}),
        content_type="application/json"))
    result = CliRunner().invoke(main, ["pull", str(project), "--platform", "tiktok",
                                       "--today", "2026-12-07"])
    assert result.exit_code == 2
    assert "TikTok: an answer was not shaped as the API documents" in result.output
    assert not (project / "content" / "data" / "tiktok" / "api").exists()


def test_not_signed_in(project: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    for name in ("YOUTUBE", "INSTAGRAM", "TIKTOK"):
        monkeypatch.delenv(f"MEDIAKIT_{name}_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["pull", str(project)])
    assert result.exit_code == 2
    assert "no platform of the profile is signed in" in result.output


def test_an_edited_snapshot_is_named_by_file_row_and_column(servers, project: Path) -> None:
    assert _run("pull", str(project), "--platform", "tiktok", "--today",
                "2026-12-07").exit_code == 0
    posts = project / "content" / "data" / "tiktok" / "api" / "2026-12-07" / "posts.csv"
    lines = posts.read_text().splitlines()
    lines[2] = lines[2].replace(",45000,", ",lots,")  # row 3: video ...912
    posts.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["build", str(project), "--today", "2026-12-07"])
    assert result.exit_code == 2
    assert "data/tiktok/api/2026-12-07/posts.csv:3: views: 'lots' is not a number" in result.output


def test_ci_sign_in_from_the_environment_is_used_and_never_saved(servers, project: Path,
                                                                 config_home, monkeypatch) -> None:
    from tests.live.conftest import SIGN_INS

    stored = (config_home / "mediakit" / "tokens" / "tiktok.json").read_bytes()
    expired = {**SIGN_INS["tiktok"], "expires_at": NOW.timestamp() - 60}
    monkeypatch.setenv("MEDIAKIT_TIKTOK_TOKEN", json.dumps(expired))
    result = _run("pull", str(project), "--platform", "tiktok", "--today", "2026-12-07")
    assert result.exit_code == 0, result.output
    refresh = [e[0].form for e in servers.log if e[0].path == "/v2/oauth/token/"]
    assert refresh[0]["refresh_token"] == "rft.CANARY-REFRESH-tt"  # the environment's
    assert (config_home / "mediakit" / "tokens" / "tiktok.json").read_bytes() == stored
    assert CANARY not in result.output


def test_a_platform_missing_from_the_profile_is_named(servers, project: Path) -> None:
    profile = project / "content" / "profile.yaml"
    profile.write_text(profile.read_text().split("  tiktok:")[0])
    result = CliRunner().invoke(main, ["pull", str(project), "--platform", "tiktok"])
    assert result.exit_code == 2
    assert "profile.yaml: the profile has no platforms.tiktok" in result.output
