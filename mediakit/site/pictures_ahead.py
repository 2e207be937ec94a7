"""The kit's photos processed by the drawing processes while the build reads and counts.

A cold build turns every photo the kit shows into its sizes and formats (``images.variants``):
about a second of Pillow for the demo's 17, which the build's own process used to spend in its
page stage. The drawing processes (chart_pool.py) sit idle until the first chart reaches them,
so a build with a pool hands them the photos first: each one fills the picture cache
(``.mediakit-cache/pictures/``) and the page stage finds it there, the same bytes it would have
made itself. Only files inside content/ are handed over, and a photo that fails here is simply
left to the page stage, which checks everything again and names the file and field of any error.
"""

from __future__ import annotations

import concurrent.futures
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from mediakit.errors import MediakitError
from mediakit.project.paths import inside
from mediakit.site import images
from mediakit.site.pictures import CACHE, POSTS_FOLDER, Pictures

if TYPE_CHECKING:
    from mediakit.project.profile import Profile
    from mediakit.site.chart_pool import ChartPool

#: Post pictures handed over at most: a kit shows a dozen or so; a folder of hundreds (old
#: thumbnails) must not keep the drawing processes from the charts.
MAX_POSTS = 40


def wanted(content_dir: Path, profile: Profile) -> list[tuple[Path, images.Recipe]]:
    """(file, recipe) of every photo the kit may show: the profile's, then the posts'."""
    named: list[tuple[str, images.Recipe]] = []
    if profile.avatar:
        named.append((profile.avatar, images.AVATAR))
    if profile.cover:
        named.append((profile.cover.file, images.COVER))
    named += [(photo.file, images.GALLERY) for photo in profile.gallery]
    try:  # the post pictures the pages would find, by the pages' own rule
        posts = sorted(Pictures(content_dir, content_dir / "profile.yaml").post_files().values())
    except MediakitError:
        posts = []  # two pictures for one post: the page stage says so
    named += [(f"{POSTS_FOLDER}/{path.name}", images.POST) for path in posts[:MAX_POSTS]]
    found = []
    for relative, recipe in named:
        if relative.lower().endswith(".svg"):
            continue  # published as it is, nothing to process
        try:
            path = inside(content_dir, relative)  # never a link out of the project
        except MediakitError:
            continue  # the page stage says what is wrong with it
        if path.is_file():
            found.append((path, recipe))
    return found


def prepare(path: Path, recipe: images.Recipe, cache_dir: Path) -> bool:
    """In a drawing process: one photo's variants into the cache; False when it cannot be."""
    try:
        data = images.read_checked(path, name=path.name, file=path, field=None)
        images.variants(data, recipe, name=path.name, file=path, cache_dir=cache_dir)
    except Exception:  # noqa: BLE001 - any failure is the page stage's to report
        return False
    return True


def hand_over(pool: ChartPool | None, content_dir: Path, profile: Profile,
              cache_dir: Path) -> list[Future[bool]]:
    """Give the pool every photo to prepare (none without a pool); the futures say when they
    are in the cache."""
    if pool is None:
        return []
    futures = []
    for path, recipe in wanted(content_dir, profile):
        future = pool.call(prepare, path, recipe, cache_dir / CACHE)
        if future is not None:
            futures.append(future)
    return futures


def wait(photos: list[Future[bool]]) -> None:
    """Until every photo handed over is prepared or has failed (a broken pool counts)."""
    concurrent.futures.wait(photos)
