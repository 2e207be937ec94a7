"""vl-convert engines in worker processes, so a build draws its charts side by side.

vl-convert runs Vega on one JavaScript worker per process: one process draws one chart at a time
and pays ~0.5 s to start its engine. A pool of spawned processes, started when a build begins,
warms its engines while the build reads the exports and computes the numbers, then draws the
charts in parallel. "spawn" everywhere (Linux included): a forked child would inherit
vl-convert's runtime threads and deadlock, and spawn is what Windows and macOS do anyway, so the
code that runs on them is the code that is tested. Workers ignore Ctrl-C; the parent ends them
(``close``) whatever happens, and a worker whose parent died ends itself, so no process outlives
the build, or ``serve``. ``draw_here`` (and ``renumbered``, which makes a drawing's bytes the same
in any process) is the one way a chart is drawn, here or in a worker.

``MEDIAKIT_SERIAL_CHARTS=1`` turns the pool off (one process draws everything, as on one core).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

#: Set to 1 (or true/yes) to draw every chart in the build's own process.
SERIAL_ENV = "MEDIAKIT_SERIAL_CHARTS"


def usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def wanted_workers() -> int:
    """How many drawing processes a build should start: 0 (draw serially) on one core or when
    MEDIAKIT_SERIAL_CHARTS is set, else one per core (the build's own process only builds the
    specs, then waits), at most 4: the demo's 20 charts would not repay more engine start-ups."""
    if os.environ.get(SERIAL_ENV, "").strip().lower() in ("1", "true", "yes", "on"):
        return 0
    cores = usable_cores()
    return 0 if cores < 2 else min(cores, 4)


def _start_worker() -> None:
    """In each worker, once: leave Ctrl-C to the parent, register the fonts, warm the engine."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    import vl_convert

    from mediakit.site import typeface

    typeface.register()
    vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": [{"x": 1}]},
                                "encoding": {"x": {"field": "x", "type": "quantitative"}}})


def _exit_with_parent() -> None:
    """End this worker when the build's process is gone, even killed without a chance to say so."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)


def _ready() -> None:
    """A no-op task: submitting one per worker makes the pool start every process now."""


def draw_here(spec: dict) -> str:
    """One spec to SVG in this process (the build's, or a worker's: the same bytes), numbered as
    in a new process: a cache entry's bytes do not depend on what was drawn before it."""
    import vl_convert

    from mediakit.site import typeface

    typeface.register()
    return renumbered(vl_convert.vegalite_to_svg(spec))


_COUNTED_ID = re.compile(r'(?<=\sid=")(gradient_|clip)(\d+)(?=")')
_COUNTED_REF = re.compile(r'(id="|url\(#)((?:gradient_|clip)\d+)(?=[")])')
_FIRST = {"gradient_": 0, "clip": 1}  # where vl-convert's counters start in a new process


def renumbered(svg: str) -> str:
    """Number the SVG's gradients and clip paths as a first drawing in a new process would.

    vl-convert counts them over the whole process ("gradient_0", then "gradient_1" in the next
    chart drawn), so without this a chart's bytes would depend on what was drawn before it: in
    ``serve``, or when some charts come from the cache and others are drawn.
    """
    mapping: dict[str, str] = {}
    counts = dict(_FIRST)
    for found in _COUNTED_ID.finditer(svg):
        if found.group(0) not in mapping:
            family = found.group(1)
            mapping[found.group(0)] = f"{family}{counts[family]}"
            counts[family] += 1
    if all(old == new for old, new in mapping.items()):
        return svg
    return _COUNTED_REF.sub(lambda m: m.group(1) + mapping.get(m.group(2), m.group(2)), svg)



class ChartPool:
    """Warm vl-convert engines in ``workers`` spawned processes; ``close`` ends them all."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker)
        for _ in range(workers):  # processes are spawned on demand: ask for all of them now
            self._executor.submit(_ready)

    def submit(self, spec: dict) -> Future[str] | None:
        """The drawing to come, or None when the pool cannot take it (closed or broken)."""
        if self._executor is None:
            return None
        try:
            return self._executor.submit(draw_here, spec)
        except (BrokenExecutor, RuntimeError):
            return None

    def call(self, function: Callable[..., T], *args: object) -> Future[T] | None:
        """Any other work for the idle workers (pictures_ahead.py), or None when it cannot."""
        if self._executor is None:
            return None
        try:
            return self._executor.submit(function, *args)
        except (BrokenExecutor, RuntimeError):
            return None

    @property
    def closed(self) -> bool:
        return self._executor is None

    def close(self) -> None:
        """End every worker now (idle or drawing): nothing is left behind, even after an error."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # ProcessPoolExecutor has no public way to end busy workers before Python 3.14
        # (terminate_workers); its process table is the one handle on them.
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)

    def __enter__(self) -> ChartPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def start(workers: int | None = None) -> ChartPool | None:
    """A pool of ``workers`` (default: ``wanted_workers()``), or None when drawing serially."""
    count = wanted_workers() if workers is None else workers
    return ChartPool(count) if count >= 1 else None


@contextmanager
def for_build(pool: ChartPool | None, *, needed: bool = True) -> Iterator[ChartPool | None]:
    """The pool a build draws with: the one given (``serve``'s, kept warm, left open), else a new
    one (None on one core or with MEDIAKIT_SERIAL_CHARTS), ended when the build ends, even by an
    error or Ctrl-C.

    Only the command line starts pools: a spawned worker imports the parent's main module again,
    which a script calling ``mediakit.build.build`` without ``if __name__ == "__main__"`` would
    not survive, so the library draws in its own process unless given a pool.
    """
    if pool is not None or not needed:
        yield pool
        return
    own = start()
    try:
        yield own
    finally:
        if own is not None:
            own.close()
