"""The whole build as one readable function: profile -> exports -> history -> numbers -> site.

Each stage takes plain values and returns plain values; only the last one writes site/.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from mediakit import charts as charts_module
from mediakit import history, render
from mediakit.analytics import analyze
from mediakit.analytics.report import Report
from mediakit.config import Profile, load_profile
from mediakit.output import publish
from mediakit.paths import inside
from mediakit.sources import load_platform
from mediakit.tables import SCHEMAS, Account, conform

STALE_AFTER_DAYS = 14


@dataclass
class Project:
    """Where a creator's files live: the folder holding content/ (and optionally templates/)."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def profile_file(self) -> Path:
        return self.content / "profile.yaml"

    @property
    def history_dir(self) -> Path:
        return self.content / history.HISTORY_DIR

    @property
    def cache_dir(self) -> Path:
        return self.root / ".mediakit-cache"


@dataclass
class BuildResult:
    out_dir: Path
    report: Report
    files: int
    charts_rendered: int
    charts_cached: int
    history_changed: list[Path]
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load_account(project: Project, profile: Profile) -> Account:
    """Read every platform's exports and merge them with the history folder."""
    fresh = Account()
    for platform, settings in profile.platforms.items():
        relative = profile.platform_data_dir(platform)
        folder = inside(project.content, relative, file=project.profile_file,
                        field=f"platforms.{platform}.data")
        account = load_platform(
            platform, folder, content_dir=project.content, exported_on=settings.exported_on
        )
        fresh = combine(fresh, account)
    return history.merge(history.read(project.history_dir), fresh)


def combine(first: Account, second: Account) -> Account:
    """Two platforms' accounts side by side (their keys never overlap: platform is in each key)."""
    merged = Account(
        files=first.files + second.files,
        warnings=first.warnings + second.warnings,
        notes=first.notes + second.notes,
    )
    for table in SCHEMAS:
        frames = [f for f in (getattr(first, table), getattr(second, table)) if not f.empty]
        if frames:
            setattr(merged, table, conform(pd.concat(frames, ignore_index=True), table))
    return merged


def freshness_warnings(report: Report, today: date) -> list[str]:
    """Say so when the newest data is old: brands distrust stale kits."""
    age = (today - report.as_of).days
    if age > STALE_AFTER_DAYS:
        return [
            f"the newest data is from {report.as_of.isoformat()}, {age} days ago: download fresh "
            "exports before you send the kit"
        ]
    return []


def build(
    project_dir: Path,
    out_dir: Path | None = None,
    as_of: date | None = None,
    today: date | None = None,
) -> BuildResult:
    """Build the site for the project in ``project_dir``; the previous site survives any error."""
    started = time.perf_counter()
    project = Project(project_dir)
    out_dir = out_dir if out_dir is not None else project.root / "site"
    profile = load_profile(project.profile_file)
    account = load_account(project, profile)
    report = analyze(account, profile, as_of)
    report.warnings.extend(freshness_warnings(report, today or date.today()))
    renderer = charts_module.Renderer(project.cache_dir / "charts")
    charts = charts_module.build(report, profile, renderer)
    files = render.site(
        report, charts, profile,
        project_dir=project.root, content_dir=project.content, profile_file=project.profile_file,
    )
    changed = history.write(account, project.history_dir)
    publish(files, out_dir, project_dir=project.root)
    return BuildResult(
        out_dir=out_dir,
        report=report,
        files=len(files),
        charts_rendered=renderer.rendered,
        charts_cached=renderer.cached,
        history_changed=changed,
        warnings=list(report.warnings),
        seconds=time.perf_counter() - started,
    )
