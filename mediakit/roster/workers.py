"""Building each creator's kit: in this process, in a process pool, or on a Dask cluster.

Workers only compute bytes (an Outcome); the writer is roster.build. One creator's bad data
fails that creator only: its error travels back in the Outcome.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import date
from pathlib import Path

from mediakit.errors import MediakitError
from mediakit.roster.model import Creator, Outcome


def warm_up() -> None:
    """Pay the heavy imports and vl-convert's start-up once per worker, not once per creator."""
    import altair  # noqa: F401
    import pandas  # noqa: F401
    import vl_convert

    vl_convert.vegalite_to_svg({"mark": "point", "data": {"values": [{"x": 1}]},
                                "encoding": {"x": {"field": "x", "type": "quantitative"}}})
    import mediakit.build  # noqa: F401


def build_creator(slug: str, project_dir: str, as_of: date | None, today: date) -> Outcome:
    """One creator's kit in memory (runs in a worker); user errors become the outcome's error."""
    from mediakit.build import render_project
    from mediakit.site.stats import stats

    folder = Path(project_dir)
    try:
        rendered = render_project(folder, as_of=as_of, today=today)
    except MediakitError as error:
        return Outcome(slug, folder, error=str(error))
    return Outcome(
        slug, folder, files=rendered.files, history=rendered.history,
        summary=stats(rendered.report) | {"name": _profile_name(rendered.files)},
        warnings=rendered.warnings, ages=_ages(rendered.report),
    )


def _ages(report) -> dict[str, dict[str, float]]:  # noqa: ANN001 (a Report; imported lazily)
    """Each platform's exported age split (a self-reported one is the creator's word, not data)."""
    ages: dict[str, dict[str, float]] = {}
    for name, data in sorted(report.platforms.items()):
        split = data.split("age")
        if split is not None and not split.self_reported and split.shares:
            ages[name] = {segment: round(share, 6) for segment, share in split.shares.items()}
    return ages


def _profile_name(files: dict[str, bytes]) -> str:
    match = re.search(rb'<a class="brand"[^>]*>([^<]*)</a>', files.get("index.html", b""))
    if match:
        import html

        return html.unescape(match.group(1).decode("utf-8"))
    return ""


Progress = Callable[[Outcome, int, int], None]


def run_all(
    creators: list[Creator], *, workers: int, executor: str, scheduler: str | None,
    as_of: date | None, today: date, progress: Progress | None = None,
) -> list[Outcome]:
    """Build every creator serially, with a process pool, or on Dask; results in slug order."""
    jobs = [(c.slug, str(c.project_dir), as_of, today) for c in creators]
    outcomes: list[Outcome] = []
    for outcome in _dispatch(jobs, workers=workers, executor=executor, scheduler=scheduler):
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome, len(outcomes), len(jobs))
    return sorted(outcomes, key=lambda outcome: outcome.slug)


def _dispatch(jobs: list[tuple], *, workers: int, executor: str,
              scheduler: str | None) -> Iterator[Outcome]:
    if executor == "dask" or scheduler:
        yield from _on_dask(jobs, workers=workers, scheduler=scheduler)
    elif workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield build_creator(*job)
    else:
        # "spawn": a forked child would inherit vl-convert's runtime threads and deadlock.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                 initializer=warm_up) as pool:
            futures = [pool.submit(build_creator, *job) for job in jobs]
            for future in as_completed(futures):
                yield future.result()


def _on_dask(jobs: list[tuple], *, workers: int, scheduler: str | None) -> Iterator[Outcome]:
    try:
        from distributed import Client, LocalCluster
        from distributed import as_completed as dask_completed
    except ImportError as exc:
        raise MediakitError(
            "the Dask executor needs the optional extra",
            hint='pip install "creator-mediakit[dask]"',
        ) from exc
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="20s")
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(warm_up)
        futures = [client.submit(build_creator, *job, pure=False) for job in jobs]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


