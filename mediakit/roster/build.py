"""Rosters: build every creator's kit at once, for a talent manager or an agency.

Each creator is built exactly as ``mediakit build`` would build it (roster.workers), in this
process, in a process pool, or on a Dask cluster. Workers only compute bytes; this process is the
one writer: it publishes the whole roster — every kit under ``<slug>/`` plus the agency index — in
one atomic swap, and writes each creator's history. One creator's bad data fails that creator
only: its error is in the summary and on the index page, and the others still build.

A roster with ``group:`` is a collective: its root is the group kit (roster.group_page) and the
agency table moves to ``roster.html``; without ``group:`` nothing changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mediakit.errors import ConfigError
from mediakit.roster.group_page import Inputs, group_files, read_inputs
from mediakit.roster.index import index_files
from mediakit.roster.model import Outcome, RosterFile, RosterResult, load_roster
from mediakit.roster.workers import Progress, run_all


def site_files(
    roster: RosterFile, outcomes: list[Outcome], roster_dir: Path,
    group: Inputs | None = None, *, pdf: bool = False,
) -> dict[str, bytes]:
    """Every kit under its slug, plus the agency index (and the group kit) and their assets."""
    files: dict[str, bytes] = {}
    for outcome in outcomes:
        for path, data in outcome.files.items():
            if path in ("CNAME", ".nojekyll", "robots.txt"):
                continue  # site-wide files belong to the roster's root, not to a sub-folder
            files[f"{outcome.slug}/{path}"] = data
    index = index_files(roster, outcomes, roster_dir)
    if roster.group is not None and group is not None:
        index["roster.html"] = index.pop("index.html")
        index.update(group_files(roster, outcomes, roster_dir, group, pdf=pdf))
    files.update(index)
    return files


def build_roster(
    roster_file: Path, *, out_dir: Path | None = None, workers: int = 1,
    executor: str = "local", scheduler: str | None = None, as_of: date | None = None,
    today: date | None = None, progress: Progress | None = None, pdf: bool = False,
) -> RosterResult:
    """Build every creator and publish the roster site in one atomic swap.

    ``pdf`` adds the group kit's media-kit.pdf (a roster with ``group:`` only; needs WeasyPrint).
    """
    from mediakit.history import write_files
    from mediakit.publish.output import publish

    roster, creators = load_roster(roster_file)
    if pdf and roster.group is None:
        raise ConfigError("--pdf makes a group kit's PDF, and this roster has no group:",
                          file=roster_file, hint="add group: (docs/groups.md), or leave out --pdf")
    out_dir = out_dir if out_dir is not None else roster_file.parent / "site"
    group = read_inputs(roster.group, roster_file) if roster.group is not None else None
    outcomes = run_all(creators, workers=workers, executor=executor, scheduler=scheduler,
                       as_of=as_of, today=today or date.today(), progress=progress)
    files = site_files(roster, outcomes, roster_file.parent, group, pdf=pdf)
    for outcome in outcomes:
        if not outcome.error and outcome.history:
            write_files(outcome.history, outcome.project_dir / "content" / "data" / "history")
    publish(files, out_dir, project_dir=roster_file.parent)
    return RosterResult(out_dir=out_dir, outcomes=outcomes)
