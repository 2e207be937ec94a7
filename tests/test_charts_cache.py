"""The chart cache only saves time: a cache that cannot be written never changes or fails a build.

The cache sits in the project (``.mediakit-cache/charts``), where a creator may find it read-only
(a CI checkout, a synced folder), full, or replaced by a file of the same name.
"""

from __future__ import annotations

import os
import tempfile
import threading
from datetime import date
from pathlib import Path

import pytest

from mediakit import build as build_module
from mediakit.site import cachefile
from mediakit.site.chart_svg import Renderer
from tests.hardening.projects import small_project, templates_compiled_once

# A colour legend is a gradient and the chart is clipped: ids that vl-convert numbers per process.
SPEC = {"data": {"values": [{"day": "Mon", "hour": 9, "share": 0.2},
                            {"day": "Tue", "hour": 9, "share": 0.5},
                            {"day": "Mon", "hour": 10, "share": 0.3}]},
        "mark": "rect", "width": 200, "height": 80,
        "encoding": {"x": {"field": "hour", "type": "ordinal"},
                     "y": {"field": "day", "type": "nominal"},
                     "color": {"field": "share", "type": "quantitative"}}}
KEY = "tiktok-activity-heatmap"


class Spec:
    """Stands in for an Altair chart: the renderer only asks it for its spec."""

    def __init__(self, spec: dict) -> None:
        self.spec = spec

    def to_dict(self, validate: bool = True) -> dict:
        return self.spec


@pytest.fixture(scope="module")
def written() -> tuple[str, str, bytes]:
    """The chart drawn through a writable cache: its SVG, the cache entry's name and bytes."""
    with tempfile.TemporaryDirectory() as folder:
        renderer = Renderer(Path(folder))
        svg = renderer.svg(Spec(SPEC), KEY)
        (entry,) = Path(folder).iterdir()  # one entry, no temporary file beside it
        assert entry.suffix == ".svg" and renderer.rendered == 1
        return svg, entry.name, entry.read_bytes()


def test_a_file_where_the_cache_folder_should_be_draws_the_same_svg(tmp_path, written):
    cache = tmp_path / "charts"
    cache.write_bytes(b"not a folder")
    renderer = Renderer(cache)
    assert renderer.svg(Spec(SPEC), KEY) == written[0]
    assert renderer.svg(Spec(SPEC), KEY) == written[0]  # nothing kept: drawn again, same bytes
    assert (renderer.rendered, renderer.cached) == (2, 0)
    assert cache.read_bytes() == b"not a folder"


def test_a_file_where_the_cache_folders_parent_should_be_draws_the_same_svg(tmp_path, written):
    (tmp_path / ".mediakit-cache").write_bytes(b"")
    assert Renderer(tmp_path / ".mediakit-cache" / "charts").svg(Spec(SPEC), KEY) == written[0]


def test_a_read_only_cache_folder_draws_the_same_svg(tmp_path, written, monkeypatch):
    cache = tmp_path / "charts"
    cache.mkdir()
    cache.chmod(0o555)
    if os.name != "posix" or os.geteuid() == 0:
        # Folder permissions do not bind root (nor exist on Windows): refuse the write the way
        # the kernel refuses it to anyone else, with EACCES when the temporary file is made.
        def refused(*args, **kwargs):
            raise PermissionError(13, "Permission denied", str(cache))

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    try:
        renderer = Renderer(cache)
        assert renderer.svg(Spec(SPEC), KEY) == written[0]
        assert renderer.rendered == 1
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(0o755)


def test_a_full_disk_draws_the_same_svg_and_leaves_no_temporary_file(tmp_path, written,
                                                                     monkeypatch):
    """Writing into /dev/full fails as a full disk does (ENOSPC), after the file was made."""
    made: list[str] = []
    real = tempfile.mkstemp

    def full_disk(*args, **kwargs):
        handle, name = real(*args, **kwargs)
        os.close(handle)
        made.append(name)
        return os.open("/dev/full", os.O_WRONLY), name

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    monkeypatch.setattr(tempfile, "mkstemp", full_disk)
    renderer = Renderer(tmp_path)
    assert renderer.svg(Spec(SPEC), KEY) == written[0]
    assert len(made) == 1 and renderer.rendered == 1
    assert list(tmp_path.iterdir()) == []  # the half-written temporary file is gone


def test_a_folder_in_an_entrys_place_draws_the_same_svg_and_stays(tmp_path, written):
    """The rename into place fails (a folder has the entry's name) after the SVG was written."""
    (tmp_path / written[1]).mkdir()
    assert Renderer(tmp_path).svg(Spec(SPEC), KEY) == written[0]
    assert [path.name for path in tmp_path.iterdir()] == [written[1]]  # no temporary file left
    assert (tmp_path / written[1]).is_dir()


def test_a_writable_cache_keeps_the_drawing_and_gives_it_back(tmp_path, written):
    """The entry has the bytes of the fixture's, drawn earlier in this process: entries are kept
    numbered as a first drawing ("gradient_0"), not by vl-convert's count over the process."""
    renderer = Renderer(tmp_path)
    assert renderer.svg(Spec(SPEC), KEY) == written[0]
    assert [path.name for path in tmp_path.iterdir()] == [written[1]]
    assert (tmp_path / written[1]).read_bytes() == written[2]
    assert renderer.svg(Spec(SPEC), KEY) == written[0]
    assert (renderer.rendered, renderer.cached) == (1, 1)


def test_threads_writing_one_entry_at_once_leave_one_whole_entry(tmp_path):
    """Temporary names are unique per process and thread: with a name from the process id alone,
    one thread renamed another's half-written file, and the other's rename then failed."""
    path = tmp_path / "charts" / "entry.svg"
    bodies = [bytes([65 + n]) * 400_000 for n in range(8)]  # "AAAA...", "BBBB...", ...
    start = threading.Barrier(len(bodies))
    results: list[bool] = []

    def write(body: bytes) -> None:
        start.wait()
        for _ in range(5):
            results.append(cachefile.store(path, body))

    threads = [threading.Thread(target=write, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 40  # 8 threads x 5 writes
    assert path.read_bytes() in bodies  # one writer's whole body, never a mix
    assert [p.name for p in path.parent.iterdir()] == ["entry.svg"]


def test_a_build_with_a_file_in_place_of_its_cache_succeeds_with_the_same_site(
        tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # each project's own cache
    today = date(2026, 3, 12)
    sites: list[dict[str, bytes]] = []
    with templates_compiled_once(monkeypatch):
        for name, blocked in (("writable", False), ("blocked", True)):
            project = small_project(tmp_path / name)
            if blocked:
                (project / ".mediakit-cache").write_bytes(b"kept by the creator")
            result = build_module.build(project, today=today)
            assert result.charts_rendered == 2  # followers and views, drawn in both builds
            site = project / "site"
            sites.append({path.relative_to(site).as_posix(): path.read_bytes()
                          for path in sorted(site.rglob("*")) if path.is_file()})
    assert (tmp_path / "blocked" / ".mediakit-cache").read_bytes() == b"kept by the creator"
    assert len(list((tmp_path / "writable" / ".mediakit-cache" / "charts").glob("*.svg"))) == 2
    assert sites[0] == sites[1]
