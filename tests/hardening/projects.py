"""A small creator whose numbers are easy to check by hand, for tests that build many projects.

Ten days of TikTok data, March 1-10 2026, downloaded on March 12:
Overview: views = 100 x day, profile views = day, likes = 10 x day, comments 1, shares 0.
FollowerHistory: followers = 1000 + day.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mediakit.site import render

DAYS = tuple(range(1, 11))
TODAY = "2026-03-12"
OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
FOLLOWERS_HEADER = '"Date","Followers","Difference in followers from previous day"'
PROFILE = (
    "name: Test Creator\n"
    "platforms:\n"
    "  tiktok:\n"
    '    handle: "@testcreator"\n'
    "    exported_on: 2026-03-12\n"
)


def overview_rows(days: tuple[int, ...] = DAYS) -> list[str]:
    return [f'"March {d}","{100 * d}","{d}","{10 * d}","1","0"' for d in days]


def followers_rows(days: tuple[int, ...] = DAYS) -> list[str]:
    return [f'"March {d}","{1000 + d}","1"' for d in days]


def csv_text(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def small_project(root: Path, *, profile: str = PROFILE,
                  files: dict[str, bytes] | None = None, cache: Path | None = None) -> Path:
    """Write the small creator into ``root``; ``files`` (paths under content/) replace or add.

    A value of ``None`` in ``files`` is not allowed; to drop a file, write it and delete it.
    ``cache`` is a shared chart-cache folder (charts of equal data are drawn once).
    """
    content = root / "content"
    data = content / "data" / "tiktok"
    data.mkdir(parents=True)
    (content / "profile.yaml").write_text(profile, "utf-8")
    (data / "Overview.csv").write_bytes(csv_text(OVERVIEW_HEADER, overview_rows()))
    (data / "FollowerHistory.csv").write_bytes(csv_text(FOLLOWERS_HEADER, followers_rows()))
    for name, data_bytes in (files or {}).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data_bytes)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (root / ".mediakit-cache").symlink_to(cache, target_is_directory=True)
    return root


@contextlib.contextmanager
def templates_compiled_once(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reuse one Jinja environment per locale for projects without their own templates/.

    Compiling the theme takes most of a small build; the environment holds nothing from a
    project (templates, filters for the locale), so sharing it changes no byte of any page.
    Projects with a templates/ folder still get a fresh one (and its checks).
    """
    original = render.environment
    environments: dict[str, object] = {}

    def environment(project_dir: Path, formatter):  # type: ignore[no-untyped-def]
        if (Path(project_dir) / "templates").exists():
            return original(project_dir, formatter)
        key = f"{formatter.locale} {formatter.language}"  # its filters and its catalog
        if key not in environments:
            environments[key] = original(project_dir, formatter)
        return environments[key]

    monkeypatch.setattr(render, "environment", environment)
    yield


STUB_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
            '<rect width="10" height="10"/></svg>')
STUB_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" "1f15c489"
    "0000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


@contextlib.contextmanager
def drawings_checked_not_drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Skip vl-convert's drawing (most of a small build) but check what it would be given.

    Use it only for projects with their own chart cache (``small_project(cache=...)``).

    A chart spec must be plain JSON (no NaN or infinity) and the share card well-formed XML
    (every user string escaped): those are the ways odd data could break the real drawing, which
    tests that build the demo, and the real-drawing cases of the corpus, exercise in full.
    """
    import json

    import vl_convert
    from defusedxml.ElementTree import fromstring

    def vegalite_to_svg(spec: object, *args: object, **kwargs: object) -> str:
        json.dumps(spec, allow_nan=False)
        return STUB_SVG

    def svg_to_png(svg: str, *args: object, **kwargs: object) -> bytes:
        fromstring(svg.encode("utf-8"))
        return STUB_PNG

    monkeypatch.setattr(vl_convert, "vegalite_to_svg", vegalite_to_svg)
    monkeypatch.setattr(vl_convert, "svg_to_png", svg_to_png)
    # the stand-in drawings go to the project's own cache, never to one other tests read
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    yield
