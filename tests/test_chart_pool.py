"""Charts drawn by worker processes: the same bytes as drawn serially, and no process left behind.

The pool (mediakit/site/chart_pool.py) is what ``mediakit build`` and ``serve`` draw with on a
machine with two cores or more; these tests use real spawned workers and the real demo.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediakit.build import build
from mediakit.site import chart_pool
from mediakit.site.chart_pool import ChartPool
from mediakit.site.chart_svg import Renderer, capped
from tests.site.demo import TODAY, copy_demo

REPO = Path(__file__).resolve().parents[1]
SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"day": "2026-11-01", "views": 1200}, {"day": "2026-11-02", "views": 900},
                        {"day": "2026-11-03", "views": 1500}]},
    "mark": {"type": "area", "line": True,
             "color": {"gradient": "linear", "stops": [{"offset": 0, "color": "#fff"},
                                                       {"offset": 1, "color": "#e4405f"}]}},
    "encoding": {"x": {"field": "day", "type": "temporal"},
                 "y": {"field": "views", "type": "quantitative"}},
    "width": 320, "height": 120,
}


class Spec:
    """Stands in for an Altair chart: what Renderer.svg asks of one is ``to_dict``."""

    def __init__(self, spec: dict) -> None:
        self.spec = spec

    def to_dict(self, validate: bool = False) -> dict:
        return self.spec


class CountingPool(ChartPool):
    """A real pool that also counts the drawings it was given."""

    submitted = 0

    def submit(self, spec: dict):  # noqa: ANN201
        self.submitted += 1
        return super().submit(spec)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to read its exit status counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _worker_pids(pool: ChartPool) -> list[int]:
    pool.submit(SPEC).result(timeout=120)  # every worker has started once one drew
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pids = [p.pid for p in pool._executor._processes.values()]  # type: ignore[union-attr]
        if len(pids) == pool.workers:
            return pids
        time.sleep(0.05)
    raise AssertionError("the pool did not start its workers")


def test_demo_is_the_same_bytes_drawn_by_workers_or_serially(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # each project its own, cold cache
    serial = copy_demo(tmp_path / "serial")
    parallel = copy_demo(tmp_path / "parallel")
    alone = build(serial, today=TODAY)
    with CountingPool(2) as pool:
        shared = build(parallel, today=TODAY, pool=pool)
        assert pool.submitted == 20  # every chart of the demo went to a worker
    assert alone.charts_rendered == shared.charts_rendered == 20
    assert alone.charts_cached == shared.charts_cached == 0
    for folder in ("site", "content", ".mediakit-cache/charts"):  # pages, history, cached SVGs
        drawn_here, drawn_there = _files(serial / folder), _files(parallel / folder)
        assert len(drawn_here) > 0
        assert drawn_here.keys() == drawn_there.keys()
        different = [name for name in drawn_here if drawn_here[name] != drawn_there[name]]
        assert different == [], folder
    assert "<!--mediakit chart" not in (parallel / "site" / "index.html").read_text("utf-8")



def test_a_kit_in_two_languages_draws_the_other_language_with_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The French pass's charts go to the pool too (handed over before the English pages are
    written), and the site is the same bytes as one drawn in this process alone."""
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    projects = []
    for name in ("serial", "parallel"):
        project = copy_demo(tmp_path / name)
        profile = project / "content" / "profile.yaml"
        text = profile.read_text("utf-8")
        assert text.count("\nsite:\n") == 1
        profile.write_text(text.replace("\nsite:\n", "\nsite:\n  languages: [fr]\n"), "utf-8")
        projects.append(project)
    alone = build(projects[0], today=TODAY)
    with CountingPool(2) as pool:
        shared = build(projects[1], today=TODAY, pool=pool)
    # 20 English charts, then the French ones whose spec differs (their words): every one of
    # those went to a worker; none was drawn in the build's own process
    french = len(list((projects[1] / ".mediakit-cache" / "charts").glob("*.svg"))) - 20
    assert french > 10
    assert pool.submitted == 20 + french
    assert alone.charts_rendered == shared.charts_rendered == 20
    assert (projects[1] / "site" / "fr" / "report.html").is_file()
    for folder in ("site", ".mediakit-cache/charts"):
        serial, parallel = _files(projects[0] / folder), _files(projects[1] / folder)
        assert serial.keys() == parallel.keys()
        assert [name for name in serial if serial[name] != parallel[name]] == [], folder

def test_a_capped_chart_is_capped_once_drawn(tmp_path: Path) -> None:
    serial = Renderer(tmp_path / "serial")
    expected = capped(serial.svg(Spec(SPEC), "views"), 1.2)
    with ChartPool(1) as pool:
        renderer = Renderer(tmp_path / "pooled", pool)
        placeholder = capped(renderer.svg(Spec(SPEC), "views"), 1.2)
        assert placeholder == "<!--mediakit chart 0 capped 1.2-->"
        assert renderer.rendered == 1
        [chart] = renderer.resolve({"views": _chart(placeholder)}).values()
    assert chart.svg == expected
    assert chart.svg.startswith('<svg style="max-width: ')
    assert _files(tmp_path / "serial") == _files(tmp_path / "pooled")  # the same cache entry


def _chart(svg: str):  # noqa: ANN202
    from mediakit.site.chart_svg import Chart

    return Chart("views", "Daily video views", "", svg, [])


def test_a_broken_pool_means_drawing_here(tmp_path: Path) -> None:
    expected = Renderer(None).svg(Spec(SPEC), "views")
    pool = ChartPool(1)
    try:
        [pid] = _worker_pids(pool)
        os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer would
        renderer = Renderer(None, pool)
        drawn = renderer.resolve({"views": _chart(renderer.svg(Spec(SPEC), "views"))})
    finally:
        pool.close()
    assert drawn["views"].svg == expected


def test_closing_ends_every_worker_even_mid_drawing() -> None:
    pool = ChartPool(2)
    pids = _worker_pids(pool)
    pool.submit(SPEC)
    pool.close()
    assert [pid for pid in pids if _alive(pid)] == []
    assert pool.closed and pool.submit(SPEC) is None


def test_a_failed_build_ends_its_pool(tmp_path: Path) -> None:
    with pytest.raises(ZeroDivisionError), chart_pool.for_build(None) as pool:
        assert pool is not None
        pids = _worker_pids(pool)
        1 / 0  # noqa: B018 - any error in the build
    assert [pid for pid in pids if _alive(pid)] == []


def test_serial_when_asked_or_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIAKIT_SERIAL_CHARTS", "1")
    assert chart_pool.wanted_workers() == 0
    with chart_pool.for_build(None) as pool:
        assert pool is None
    monkeypatch.delenv("MEDIAKIT_SERIAL_CHARTS")
    monkeypatch.setattr(chart_pool, "usable_cores", lambda: 1)
    assert chart_pool.wanted_workers() == 0
    monkeypatch.setattr(chart_pool, "usable_cores", lambda: 2)
    assert chart_pool.wanted_workers() == 2
    monkeypatch.setattr(chart_pool, "usable_cores", lambda: 16)
    assert chart_pool.wanted_workers() == 4  # 20 charts: more engines only cost start-ups


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(word) for word in text.split()]


def _wait_for_workers(pid: int, count: int) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        workers = [child for child in _children(pid)
                   if b"multiprocessing" in Path(f"/proc/{child}/cmdline").read_bytes()]
        if len(workers) >= count:
            return workers
        time.sleep(0.02)
    raise AssertionError("no drawing process started")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_ctrl_c_during_a_build_leaves_no_process_behind(tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "kit")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("MEDIAKIT_SERIAL_CHARTS", None)
    build_process = subprocess.Popen(
        [sys.executable, "-m", "mediakit", "build", str(project), "--today", "2026-11-20"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a terminal's Ctrl-C
    )
    workers = _wait_for_workers(build_process.pid, 1)
    build_process.send_signal(signal.SIGINT)
    build_process.communicate(timeout=60)
    assert build_process.returncode != 0
    assert not (project / "site").exists()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if _alive(pid)] == []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys, time\n"
        "from mediakit.site.chart_pool import ChartPool\n"
        "if __name__ == '__main__':\n"
        "    pool = ChartPool(2)\n"
        "    print('started', flush=True)\n"
        "    time.sleep(600)\n", "utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert parent.stdout is not None and parent.stdout.readline() == b"started\n"
        workers = _wait_for_workers(parent.pid, 2)
        time.sleep(1)  # past the workers' start, into their wait for work
    finally:
        parent.kill()  # no chance to close the pool
        parent.wait(timeout=10)
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in workers if _alive(pid)] == []


def test_serve_draws_every_rebuild_with_the_same_warm_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mediakit.serve.watch import Preview

    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    project = copy_demo(tmp_path / "kit")
    said: list[str] = []
    preview = Preview(project, port=0, echo=lambda text, _error: said.append(text))
    preview.server.server_close()  # only the builds are under test here
    with CountingPool(2) as pool:
        preview.pool = pool  # what Preview.run starts before the first build
        preview.rebuild()
        first_build = pool.submitted
        workers = _worker_pids(pool)  # (draws one chart itself)
        before = (project / "site" / "index.html").read_bytes()
        profile = project / "content" / "profile.yaml"
        profile.write_text(profile.read_text("utf-8").replace(
            'primary: "#23395b"', 'primary: "#2b4a2f"'), "utf-8")  # new colours: new charts
        counted = pool.submitted
        preview.rebuild("content/profile.yaml changed")
        second_build = pool.submitted - counted
        assert _worker_pids(pool) == workers  # the same processes, warm since the first build
    assert first_build == 20
    assert second_build == 20  # every chart redrawn in the new colour, by the same workers
    assert [text for text in said if text.startswith("Error")] == []
    assert (project / "site" / "index.html").read_bytes() != before


def test_no_drawing_processes_when_every_chart_will_come_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from mediakit import build as build_module
    from mediakit.project.layout import Project
    from mediakit.publish.fastpath import PAGE_FOLDERS, charts_unchanged

    assert PAGE_FOLDERS == build_module.PAGE_FOLDERS  # the pages-only folders, said twice
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    root = copy_demo(tmp_path / "kit")
    project = Project(root)

    def unchanged(as_of: date | None = None, pdf: bool = False) -> bool:
        return charts_unchanged(root, project.site, project.cache_dir, as_of_option=as_of,
                                pdf=pdf)

    assert not unchanged()  # never built: no record, no cache
    build(root, today=TODAY)
    assert unchanged()
    page = root / "content" / "pages" / "about.md"
    page.write_text(page.read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert unchanged()  # a page's text: no chart changes
    assert not unchanged(as_of=date(2026, 10, 31))  # other dates, other charts
    assert not unchanged(pdf=True)  # another build's record
    profile = root / "content" / "profile.yaml"
    text = profile.read_text("utf-8")
    profile.write_text(text.replace('primary: "#23395b"', 'primary: "#2b4a2f"'), "utf-8")
    assert not unchanged()  # the profile makes the charts' colours
    profile.write_text(text, "utf-8")
    assert unchanged()
    (root / "content" / "data" / "tiktok" / "Overview.csv").write_bytes(b"")
    assert not unchanged()  # an export
