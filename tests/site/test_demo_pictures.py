"""The demo ships pictures: scripts/make_demo_pictures.py draws exactly the committed files, for
exactly the posts the demo kit shows, and they stay small."""

from __future__ import annotations

import importlib.util
import sys

from mediakit.site import casestudies
from mediakit.site.pagetext import markdown
from mediakit.site.pictures import kit_posts
from tests.site.demo import REPO

_spec = importlib.util.spec_from_file_location("make_demo_pictures",
                                               REPO / "scripts" / "make_demo_pictures.py")
make_demo_pictures = importlib.util.module_from_spec(_spec)
sys.modules["make_demo_pictures"] = make_demo_pictures
_spec.loader.exec_module(make_demo_pictures)


def test_the_generator_reproduces_the_committed_pictures():
    drawn = make_demo_pictures.pictures()
    assert len(drawn) == 13 + 1 + 3
    for name, data in drawn.items():
        assert (REPO / "content" / name).read_bytes() == data, f"content/{name} differs"
    committed = {p.relative_to(REPO / "content").as_posix()
                 for p in (REPO / "content/assets/posts").iterdir()}
    assert committed == {name for name in drawn if name.startswith("assets/posts/")}
    assert sum(len(data) for data in drawn.values()) < 400_000  # well under 1 MB


def test_every_post_the_demo_kit_shows_has_a_picture(demo_inputs):
    profile, project = demo_inputs.profile, demo_inputs.project
    studies = casestudies.read_all(project / "content", markdown(), profile,
                                   demo_inputs.account.posts, demo_inputs.report.as_of)
    shown = {post_id for _, post_id, _ in kit_posts(demo_inputs.report, studies)}
    assert shown == {post_id for post_id, _ in make_demo_pictures.POSTS}
