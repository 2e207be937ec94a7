"""``mediakit thumbnails`` against a local stand-in for TikTok's oEmbed and YouTube's image host
(pytest-httpserver): saved whole, never over the creator's own file, one line per failure."""

from __future__ import annotations

import io
import json
import shutil
import time
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from mediakit.commands.main import main
from mediakit.live import thumbnails
from mediakit.live.thumbnails import Wanted, fetch_all

pytest.importorskip("pytest_httpserver")

TIKTOK_ID, YOUTUBE_ID = "7661732316709023528", "3KqtFg8UXH2"
TIKTOK_URL = f"https://www.tiktok.com/@maraquinnmusic/video/{TIKTOK_ID}"


def jpeg(colour=(200, 30, 30), size=(720, 1280)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture()
def platforms(httpserver):
    """The stand-in: oEmbed at /oembed, covers at /cdn/..., YouTube at /vi/<id>/<name>."""
    def oembed(video_id: str, answer: dict | None = None, status: int = 200) -> None:
        body = answer if answer is not None else {
            "version": "1.0", "type": "video", "thumbnail_width": 720,
            "thumbnail_url": httpserver.url_for(f"/cdn/{video_id}.jpeg")}
        httpserver.expect_request("/oembed", query_string={
            "url": f"https://www.tiktok.com/@maraquinnmusic/video/{video_id}"}).respond_with_data(
            json.dumps(body), status=status, content_type="application/json")
    httpserver.oembed = oembed
    return httpserver


def run(server, wanted, folder: Path, **options):
    return fetch_all(wanted, folder, tiktok_oembed=server.url_for("/oembed"),
                     youtube_images=server.url_for("/vi"), **options)


def test_a_tiktok_cover_is_saved_whole(platforms, tmp_path):
    platforms.oembed(TIKTOK_ID)
    platforms.expect_request(f"/cdn/{TIKTOK_ID}.jpeg").respond_with_data(
        jpeg(), content_type="image/jpeg")
    outcome = run(platforms, [Wanted("tiktok", TIKTOK_ID, TIKTOK_URL)], tmp_path)
    assert outcome.saved == [f"{TIKTOK_ID}.jpg"] and not outcome.failed
    assert (tmp_path / f"{TIKTOK_ID}.jpg").read_bytes() == jpeg()
    assert [p.name for p in tmp_path.iterdir()] == [f"{TIKTOK_ID}.jpg"]  # no temporary file


def test_youtube_falls_back_from_maxres_to_hq_and_the_format_names_the_file(platforms, tmp_path):
    png = io.BytesIO()
    Image.new("RGB", (480, 360), (0, 90, 200)).save(png, "PNG")
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_data(
        "not found", status=404)
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/hqdefault.jpg").respond_with_data(
        png.getvalue(), content_type="image/jpeg")  # the content decides: a PNG
    outcome = run(platforms, [Wanted("youtube", YOUTUBE_ID, None)], tmp_path)
    assert outcome.saved == [f"{YOUTUBE_ID}.png"]


def test_each_failure_is_one_line_and_the_rest_are_saved(platforms, tmp_path):
    platforms.oembed("1111", status=404)  # a deleted video
    platforms.oembed("2222")
    platforms.expect_request("/cdn/2222.jpeg").respond_with_data(
        b"<html>blocked</html>", content_type="text/html")  # not a picture
    platforms.oembed("3333", answer={"title": "no cover"})
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_data(
        jpeg((10, 10, 10), (1280, 720)), content_type="image/jpeg")
    platforms.expect_request("/vi/gone0000000/maxresdefault.jpg").respond_with_data("", status=404)
    platforms.expect_request("/vi/gone0000000/hqdefault.jpg").respond_with_data("", status=404)
    wanted = [Wanted("tiktok", i, f"https://www.tiktok.com/@maraquinnmusic/video/{i}")
              for i in ("1111", "2222", "3333")]
    wanted += [Wanted("youtube", YOUTUBE_ID, None), Wanted("youtube", "gone0000000", None),
               Wanted("tiktok", "4444", None), Wanted("instagram", "DGasUIrQqsl", None)]
    outcome = run(platforms, wanted, tmp_path)
    assert outcome.failed == [
        "tiktok post 1111: TikTok's oEmbed answered 404 (a private or deleted video?)",
        "tiktok post 2222: the platform sent something that is not a usable picture",
        "tiktok post 3333: TikTok's oEmbed gave no cover picture for it",
        "youtube post gone0000000: YouTube has no thumbnail for it (HTTP 404: a private or "
        "deleted video?)",
        "tiktok post 4444: the exports have no link for it, and TikTok finds covers by link",
    ]
    assert outcome.notes == ["instagram post DGasUIrQqsl: Instagram shares covers only with a "
                             "login; save the picture as content/assets/posts/DGasUIrQqsl.jpg"]
    assert outcome.saved == [f"{YOUTUBE_ID}.jpg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{YOUTUBE_ID}.jpg"]


def test_a_platform_that_does_not_answer_times_out(platforms, tmp_path):
    def slow(_request):
        time.sleep(1.5)
        from werkzeug import Response
        return Response(jpeg(), content_type="image/jpeg")
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_handler(slow)
    started = time.monotonic()
    outcome = run(platforms, [Wanted("youtube", YOUTUBE_ID, None)], tmp_path, timeout=0.4)
    assert outcome.failed == [f"youtube post {YOUTUBE_ID}: no answer within 0.4 seconds"]
    assert time.monotonic() - started < 1.4 and not list(tmp_path.iterdir())


def test_an_oversized_picture_is_refused_without_reading_it_all(platforms, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(thumbnails, "MAX_IMAGE_BYTES", 10_000)
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_data(
        jpeg(size=(2000, 2000)) + b"\0" * 20_000, content_type="image/jpeg")
    outcome = run(platforms, [Wanted("youtube", YOUTUBE_ID, None)], tmp_path)
    assert outcome.failed[0].startswith(f"youtube post {YOUTUBE_ID}: the picture is ")
    assert "more than the 9.8 KB limit" in outcome.failed[0] and not list(tmp_path.iterdir())


def test_the_creators_own_file_is_kept_unless_forced(platforms, tmp_path):
    own = tmp_path / f"{YOUTUBE_ID}.PNG"
    own.write_bytes(b"my own picture")
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_data(
        jpeg(), content_type="image/jpeg")
    wanted = [Wanted("youtube", YOUTUBE_ID, None)]
    outcome = run(platforms, wanted, tmp_path)
    assert outcome.kept == [own.name] and not outcome.saved
    assert own.read_bytes() == b"my own picture"
    assert run(platforms, wanted, tmp_path, force=True).saved == [own.name]  # replaced in place
    assert own.read_bytes() == jpeg() and len(list(tmp_path.iterdir())) == 1


def test_the_command_fetches_the_kits_posts_and_exits_1_on_a_failure(platforms, tmp_path,
                                                                    monkeypatch):
    project = tmp_path / "kit"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", project / "content",
                    ignore=shutil.ignore_patterns("history", "assets"))
    monkeypatch.setattr(thumbnails, "fetch_all", partial(
        fetch_all, tiktok_oembed=platforms.url_for("/oembed"),
        youtube_images=platforms.url_for("/vi")))
    platforms.oembed(TIKTOK_ID)
    platforms.expect_request(f"/cdn/{TIKTOK_ID}.jpeg").respond_with_data(jpeg())
    platforms.expect_request(f"/vi/{YOUTUBE_ID}/maxresdefault.jpg").respond_with_data(jpeg())
    result = CliRunner().invoke(main, ["thumbnails", str(project)])
    assert result.exit_code == 1, result.output
    assert f"saved content/assets/posts/{TIKTOK_ID}.jpg" in result.output
    assert f"saved content/assets/posts/{YOUTUBE_ID}.jpg" in result.output
    # the kit's other TikTok and YouTube posts: the stand-in has nothing for them
    assert "tiktok post 7618696672677628085: TikTok's oEmbed answered 500" in result.output
    assert "instagram post DGasUIrQqsl: Instagram shares covers only with a login" in result.output
    saved = sorted(p.name for p in (project / "content/assets/posts").iterdir())
    assert saved == sorted([f"{TIKTOK_ID}.jpg", f"{YOUTUBE_ID}.jpg"])
