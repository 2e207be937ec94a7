"""Rosters: build every creator's kit at once, for a talent manager or an agency.

Each creator is built exactly as ``mediakit build`` would build it (``render_project``), in this
process, in a process pool, or on a Dask cluster. Workers only compute bytes; this process is the
one writer: it publishes the whole roster — every kit under ``<slug>/`` plus the agency index — in
one atomic swap, and writes each creator's history. One creator's bad data fails that creator
only: its error is in the summary and on the index page, and the others still build.
"""

from __future__ import annotations

import glob
import multiprocessing
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from mediakit.errors import ConfigError, MediakitError

EXECUTORS = ("local", "dask")


class Branding(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    tagline: str | None = None
    primary: str = "#1e293b"
    accent: str = "#2563eb"

    @field_validator("primary", "accent")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"#(?:[0-9a-fA-F]{3}){1,2}", value):
            raise ValueError(f"must be a colour like #1f3a5f, got {value!r}")
        return value.lower()


class RosterFile(BaseModel):
    """ROSTER.yaml: the agency's name, optional branding, and the creators' project folders."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    branding: Branding = Branding()
    creators: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Creator:
    slug: str
    project_dir: Path


@dataclass
class Outcome:
    """What one creator's build gave back to the writer (picklable: plain values and bytes)."""

    slug: str
    project_dir: Path
    files: dict[str, bytes] = field(default_factory=dict)
    history: dict[str, bytes] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class RosterResult:
    out_dir: Path
    outcomes: list[Outcome]

    @property
    def failed(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.error]


def load_roster(path: Path) -> tuple[RosterFile, list[Creator]]:
    """Read ROSTER.yaml and expand its folders and globs (relative to the roster file)."""
    from mediakit.project.profile import load_yaml_model

    if not path.is_file():
        raise ConfigError("roster file not found", file=path,
                          hint="write a ROSTER.yaml with name: and creators:")
    roster = load_yaml_model(path, RosterFile)
    base = path.parent
    folders: list[Path] = []
    for index, pattern in enumerate(roster.creators):
        if Path(pattern).is_absolute():
            matches = sorted(glob.glob(pattern))
        else:
            matches = sorted(glob.glob(str(base / pattern)))
        projects = [Path(m) for m in matches if (Path(m) / "content" / "profile.yaml").is_file()]
        if not projects:
            raise ConfigError(
                f"no creator project matches {pattern!r}", file=path, field=f"creators[{index}]",
                hint="each creator is a folder holding content/profile.yaml",
            )
        folders.extend(p for p in projects if p.resolve() not in {f.resolve() for f in folders})
    return roster, assign_slugs(folders)


def assign_slugs(folders: list[Path]) -> list[Creator]:
    """URL-safe, unique slugs from folder names (a clash gets -2, -3 in path order)."""
    creators: list[Creator] = []
    taken: set[str] = set()
    for folder in sorted(folders, key=lambda p: str(p.resolve())):
        base = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-") or "creator"
        slug, number = base, 2
        while slug in taken or slug in ("assets", "index"):
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        creators.append(Creator(slug, folder))
    return creators


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
        warnings=rendered.warnings,
    )


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
            hint='pip install "mediakit[dask]"',
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


def site_files(
    roster: RosterFile, outcomes: list[Outcome], roster_dir: Path
) -> dict[str, bytes]:
    """Every kit under its slug, plus the agency index and its assets."""
    from mediakit.roster.index import index_files

    files: dict[str, bytes] = {}
    for outcome in outcomes:
        for path, data in outcome.files.items():
            if path in ("CNAME", ".nojekyll", "robots.txt"):
                continue  # site-wide files belong to the roster's root, not to a sub-folder
            files[f"{outcome.slug}/{path}"] = data
    files.update(index_files(roster, outcomes, roster_dir))
    return files


def build_roster(
    roster_file: Path, *, out_dir: Path | None = None, workers: int = 1,
    executor: str = "local", scheduler: str | None = None, as_of: date | None = None,
    today: date | None = None, progress: Progress | None = None,
) -> RosterResult:
    """Build every creator and publish the roster site in one atomic swap."""
    from mediakit.history import write_files
    from mediakit.publish.output import publish

    roster, creators = load_roster(roster_file)
    out_dir = out_dir if out_dir is not None else roster_file.parent / "site"
    outcomes = run_all(creators, workers=workers, executor=executor, scheduler=scheduler,
                       as_of=as_of, today=today or date.today(), progress=progress)
    files = site_files(roster, outcomes, roster_file.parent)
    for outcome in outcomes:
        if not outcome.error and outcome.history:
            write_files(outcome.history, outcome.project_dir / "content" / "data" / "history")
    publish(files, out_dir, project_dir=roster_file.parent)
    return RosterResult(out_dir=out_dir, outcomes=outcomes)
