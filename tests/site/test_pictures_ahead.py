"""Photos prepared by the drawing processes while the build reads the exports
(mediakit/site/pictures_ahead.py): which files are handed over, and that the page stage finds them
in the cache, the same bytes, or still reports a bad one with its file and field; and the share
pictures, drawn there too while the pages are written (mediakit/site/preview.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mediakit.build import build
from mediakit.errors import ConfigError
from mediakit.project.profile import load_profile
from mediakit.site import images
from mediakit.site.chart_pool import ChartPool
from mediakit.site.pictures_ahead import MAX_POSTS, prepare, wanted
from mediakit.site.preview import drawn_png
from tests.site.demo import TODAY, copy_demo

DEMO_POSTS = 13  # content/assets/posts/ in the demo


class CountingPool(ChartPool):
    """A real pool that also counts the photos and share pictures it was given."""

    photos = 0
    share_pictures = 0

    def call(self, function, *args):  # noqa: ANN001, ANN201
        if function is prepare:
            self.photos += 1
        elif function is drawn_png:
            self.share_pictures += 1
        return super().call(function, *args)


def test_the_demo_hands_over_its_cover_gallery_and_post_pictures(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo")
    content = project / "content"
    found = wanted(content, load_profile(content / "profile.yaml"))
    names = [(path.relative_to(content).as_posix(), recipe.name) for path, recipe in found]
    # the avatar is an SVG (published as it is): cover, three press photos, then the posts
    assert names[:4] == [("assets/cover.jpg", "cover"), ("assets/press-1.jpg", "gallery"),
                         ("assets/press-2.jpg", "gallery"), ("assets/press-3.jpg", "gallery")]
    assert len(names) == 4 + DEMO_POSTS
    assert {recipe for _, recipe in names[4:]} == {"post"}


def test_links_out_missing_files_and_too_many_posts_are_not_handed_over(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo")
    content = project / "content"
    posts = content / "assets" / "posts"
    secret = tmp_path / "private.jpg"
    secret.write_bytes((posts / "DGasUIrQqsl.jpg").read_bytes())
    os.symlink(secret, posts / "7000000000000000001.jpg")  # a link out of the project
    for number in range(MAX_POSTS):
        (posts / f"9{number:018d}.jpg").write_bytes(b"not read here")
    profile = (content / "profile.yaml").read_text("utf-8")
    (content / "profile.yaml").write_text(
        profile.replace("file: assets/press-3.jpg", "file: assets/press-9.jpg"), "utf-8")
    found = wanted(content, load_profile(content / "profile.yaml"))
    paths = [path for path, _ in found]
    assert secret not in paths and not any(path.is_symlink() for path in paths)
    assert content / "assets" / "press-9.jpg" not in paths  # missing: the pages say so
    # the first MAX_POSTS names in order, the link among them left out
    assert sum(recipe is images.POST for _, recipe in found) == MAX_POSTS - 1


def test_a_bad_picture_fails_quietly_here_and_loudly_in_the_page_stage(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "demo")
    broken = project / "content" / "assets" / "posts" / "DGasUIrQqsl.jpg"
    broken.write_bytes(broken.read_bytes()[:300])  # cut off
    assert prepare(broken, images.POST, tmp_path / "cache") is False
    assert not (tmp_path / "cache").exists()
    with ChartPool(2) as pool, pytest.raises(ConfigError) as caught:
        build(project, today=TODAY, pool=pool)
    assert "DGasUIrQqsl.jpg" in str(caught.value)


def test_photos_prepared_by_workers_are_the_bytes_the_build_makes_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # each project its own, cold cache
    serial, parallel = copy_demo(tmp_path / "serial"), copy_demo(tmp_path / "parallel")
    build(serial, today=TODAY)
    with CountingPool(2) as pool:
        build(parallel, today=TODAY, pool=pool)
    assert pool.photos == 4 + DEMO_POSTS
    assert pool.share_pictures == 4  # the kit's and its three pitches', drawn beside the pages
    previews = sorted((serial / "site" / "assets").glob("preview*.png"))
    assert len(previews) == 4 and all(
        p.read_bytes() == (parallel / "site" / "assets" / p.name).read_bytes() for p in previews)
    cache = ".mediakit-cache/pictures"
    made_here = {p.name: p.read_bytes() for p in (serial / cache).iterdir()}
    made_there = {p.name: p.read_bytes() for p in (parallel / cache).iterdir()}
    assert len(made_here) == (4 + DEMO_POSTS) * 4  # 1x and 2x, WebP and JPEG
    assert made_here == made_there
    pictures = sorted((serial / "site" / "assets" / "posts").iterdir())
    assert pictures and all(
        p.read_bytes() == (parallel / "site" / "assets" / "posts" / p.name).read_bytes()
        for p in pictures)


def test_two_pictures_for_one_post_hand_over_no_post_picture(tmp_path: Path) -> None:
    """The posts folder is read by the pages' own rule: when the pages would refuse it (two
    files for one post), nothing of it is handed over, and the build says why."""
    project = copy_demo(tmp_path / "demo")
    posts = project / "content" / "assets" / "posts"
    (posts / "DGasUIrQqsl.png").write_bytes((posts / "DGasUIrQqsl.jpg").read_bytes())
    content = project / "content"
    found = wanted(content, load_profile(content / "profile.yaml"))
    assert [recipe.name for _, recipe in found] == ["cover", "gallery", "gallery", "gallery"]
    with ChartPool(2) as pool, pytest.raises(ConfigError) as caught:
        build(project, today=TODAY, pool=pool)
    assert "two pictures for post DGasUIrQqsl" in str(caught.value)
