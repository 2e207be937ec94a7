"""The whole build as one readable function: profile -> exports -> history -> numbers -> site.

Each stage takes plain values and returns plain values; only the last one writes site/. The CLI
(and ``serve``) watch the stages go by through a ``progress`` callback, so the pipeline itself
never prints.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

import pandas as pd

from mediakit import history
from mediakit.analytics.analyze import analyze
from mediakit.analytics.report import Report
from mediakit.analytics.stale import (  # noqa: F401 (STALE_AFTER_DAYS, stale_warnings re-exported)
    STALE_AFTER_DAYS,
    freshness,
    stale_warnings,
)
from mediakit.errors import MediakitError
from mediakit.project.ambiguous import doubts
from mediakit.project.layout import Project
from mediakit.project.paths import inside
from mediakit.project.placeholders import unfinished
from mediakit.project.profile import Profile, load_profile
from mediakit.project.yaml_lines import read_with_lines
from mediakit.publish import record
from mediakit.publish.output import check_out_dir, publish
from mediakit.site import chart_pool, languages, render  # noqa: F401 (render: re-exported)
from mediakit.site import charts as charts_module
from mediakit.site import pictures_ahead as photos_ahead
from mediakit.site.chart_svg import Chart, Renderer
from mediakit.site.palette import palette
from mediakit.site.pdf import PDF_NAME
from mediakit.sources import load_platform
from mediakit.tables import SCHEMAS, Account, conform

#: The stages of a build, in order, with the words the terminal shows while each one runs.
STAGES: dict[str, str] = {
    "profile": "Reading the profile",
    "exports": "Reading the exports",
    "numbers": "Computing the numbers",
    "charts": "Drawing the charts",
    "pages": "Rendering the pages",
    "history": "Saving the history",
    "publish": "Writing the site",
}

#: Called with a key of STAGES when that stage starts.
Progress = Callable[[str], None]


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
    pages: int = 0  # HTML pages among the files
    pdf: Path | None = None  # the PDF written with pdf=True
    stage_seconds: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # friendly, not a problem: "demo data"


@dataclass
class Analysis:
    """A project read and computed, nothing written: what ``check`` and ``stats`` need."""

    project: Project
    profile: Profile
    account: Account  # fresh exports merged with the history folder
    report: Report


class StrictBuildError(MediakitError):
    """``--strict`` turned warnings into a failure; the previous site was left untouched."""

    def __init__(self, warnings: list[str]) -> None:
        count = len(warnings)
        super().__init__(f"{count} warning{'s' if count != 1 else ''} and --strict is on, so "
                         "the site was not written", hint="fix the warnings above, or build "
                         "without --strict")
        self.warnings = list(warnings)


def load_account(project: Project, profile: Profile) -> Account:
    """Read every platform's exports and merge them with the history folder."""
    return history.merge(read_history(project), read_exports(project, profile))


def read_history(project: Project) -> Account:
    """The saved history, refusing a history folder or file linked in from outside the project
    (builds and ``import`` write it back: never through a link)."""
    for name in ("", *(f"/{table}.csv" for table in SCHEMAS)):
        inside(project.content, history.HISTORY_DIR.as_posix() + name, field="history")
    return history.read(project.history_dir)


def read_exports(project: Project, profile: Profile) -> Account:
    """Every configured platform's export folder, read into one Account (no history)."""
    return combine(*(read_platform(project, profile, name) for name in profile.platforms))


def read_platform(project: Project, profile: Profile, platform: str) -> Account:
    """One platform's export folder, as the profile names it."""
    relative = profile.platform_data_dir(platform)
    folder = inside(project.content, relative, file=project.profile_file,
                    field=f"platforms.{platform}.data")
    settings = profile.platforms[platform]
    return load_platform(
        platform, folder, content_dir=project.content, exported_on=settings.exported_on
    )


def combine(*accounts: Account) -> Account:
    """Platforms' accounts side by side (their keys never overlap: platform is in each key);
    each table conformed once, however many platforms."""
    merged = Account(files=[item for one in accounts for item in one.files],
                     warnings=[item for one in accounts for item in one.warnings],
                     notes=[item for one in accounts for item in one.notes])
    for table in SCHEMAS:
        frames = [frame for one in accounts if not (frame := getattr(one, table)).empty]
        if frames:
            setattr(merged, table, conform(pd.concat(frames, ignore_index=True), table))
    return merged


def freshness_warnings(report: Report, today: date, *, demo: bool = False) -> list[str]:
    """Say so when the newest data is old: brands distrust stale kits (demo data excepted)."""
    return freshness(report.as_of, today, demo=demo)[0]


def freshness_notes(report: Report, *, demo: bool = False) -> list[str]:
    """The note a build of demo data prints instead of the stale warning (else nothing)."""
    return freshness(report.as_of, report.as_of, demo=demo)[1]


def creator_questions(project: Project, profile: Profile) -> list[str]:
    """Warnings for init's leftovers, prices that may be typos and unreadable brand colours;
    asked at every render (pages change without the data), so a fixed one never lingers."""
    read = read_with_lines(project.profile_file)  # the typed text, once for both questions
    return [*unfinished(project.profile_file, project.content, read),
            *doubts(project.profile_file, read),
            *palette(profile.colors.primary, profile.colors.accent).warnings]


def analyze_project(
    project_dir: Path, as_of: date | None = None, today: date | None = None
) -> Analysis:
    """Read the profile and exports and compute the Report, writing nothing."""
    project = Project(Path(project_dir))
    inside(project.content, "profile.yaml", file=project.profile_file)
    profile = load_profile(project.profile_file)
    account = load_account(project, profile)
    report = analyze(account, profile, as_of)
    report.warnings.extend(freshness_warnings(report, today or date.today(), demo=profile.demo))
    return Analysis(project, profile, account, report)


@dataclass
class DataStage:
    """The profile, the merged account, the numbers and the charts: what the pages are made of.

    ``serve`` keeps the last one (a DataMemo) so an edit to a pitch, a case study or a template
    renders the pages again without reading the exports or drawing the charts.
    """

    profile: Profile
    account: Account
    report: Report
    charts: dict[str, Chart]
    warnings: list[str]  # the numbers' warnings, without the freshness one (that needs today)
    charts_rendered: int = 0
    charts_cached: int = 0


@dataclass
class DataMemo:
    """The last DataStage and the hash of the files it was computed from."""

    key: str | None = None
    stage: DataStage | None = None


#: Folders of content/ that only the pages stage reads; everything else may feed the numbers.
PAGE_FOLDERS = ("pages", "pitches", "case-studies")


def data_key(read: dict[str, str], as_of: date | None, *, saved: bool = True) -> str:
    """Hash of every input of the data stage (``read`` is record.inputs()): content/ except
    pages, pitches and case studies; ``saved=False`` leaves out the history a build writes."""
    digest = hashlib.sha256(f"as_of={as_of}\n".encode())
    skipped = tuple(f"content/{folder}/" for folder in PAGE_FOLDERS)
    folder = f"content/{history.HISTORY_DIR.as_posix()}/"
    for name in sorted(read):
        if not name.startswith("content/") or name.startswith(skipped):
            continue
        if not saved and name.startswith(folder):
            continue
        digest.update(f"{name} {read[name]}\n".encode())
    return digest.hexdigest()


def compute_data(project: Project, as_of: date | None, clock: _Clock,
                 pool: chart_pool.ChartPool | None = None) -> DataStage:
    """Profile -> exports + history -> numbers -> charts (drawn by ``pool`` if there is one)."""
    clock.stage("profile")
    inside(project.content, "profile.yaml", file=project.profile_file)  # not a link out
    profile = load_profile(project.profile_file)
    photos = photos_ahead.hand_over(pool, project.content, profile, project.cache_dir)  # idle
    clock.stage("exports")
    account = load_account(project, profile)
    clock.stage("numbers")
    report = analyze(account, profile, as_of)
    warnings = list(report.warnings)
    clock.stage("charts")
    renderer = Renderer(project.cache_dir / "charts", pool)
    charts = charts_module.build(report, profile, renderer)
    photos_ahead.wait(photos)  # in the cache before the pages look for them
    return DataStage(profile, account, report, charts, warnings, renderer.rendered,
                     renderer.cached)


@dataclass
class Rendered:
    """A project's site in memory, and the history it would write: nothing touched on disk yet.

    Rosters build many creators in worker processes (or on a cluster) and hand these back to
    the one writer, so the atomic-publish and history guarantees hold however the work ran.
    """

    files: dict[str, bytes]
    report: Report
    history: dict[str, bytes]  # history CSV name -> bytes (only files whose bytes change)
    charts_rendered: int
    charts_cached: int
    warnings: list[str] = field(default_factory=list)
    data: DataStage | None = None
    notes: list[str] = field(default_factory=list)  # "demo data" instead of the stale warning


def render_project(
    project_dir: Path,
    as_of: date | None = None,
    today: date | None = None,
    *,
    strict: bool = False,
    pdf: bool = False,
    progress: Progress | None = None,
    data: DataStage | None = None,
    pool: chart_pool.ChartPool | None = None,
) -> Rendered:
    """Every stage up to the bytes of the site, without writing site/ or history.

    ``strict`` raises StrictBuildError as soon as the numbers carry a warning; ``pdf`` adds
    media-kit.pdf to the files (WeasyPrint; a missing WeasyPrint is an OutputError). ``data``
    is a DataStage computed from the very same data files (DataMemo): only the pages are
    rendered, and the history is already saved. ``pool`` draws the charts (chart_pool.py).
    """
    clock = progress if isinstance(progress, _Clock) else _Clock(progress)
    project = Project(Path(project_dir))
    reused = data is not None
    if data is None:
        data = compute_data(project, as_of, clock, pool)
    report = data.report
    demo = data.profile.demo
    report.warnings = [*data.warnings, *creator_questions(project, data.profile),
                       *freshness_warnings(report, today or date.today(), demo=demo)]
    if strict and report.warnings:
        raise StrictBuildError(report.warnings)
    clock.stage("pages")
    notes: list[str] = []
    files = languages.site(
        report, data.charts, data.profile, chart_cache=project.cache_dir / "charts", pool=pool,
        project_dir=project.root, content_dir=project.content, profile_file=project.profile_file,
        account=data.account, pdf=pdf, cache_dir=project.cache_dir, creator_notes=notes,
    )
    report.warnings.extend(notes)
    return Rendered(
        files=files,
        report=report,
        history={} if reused else history.changed_files(data.account, project.history_dir),
        charts_rendered=0 if reused else data.charts_rendered,
        charts_cached=0 if reused else data.charts_cached,
        warnings=list(report.warnings),
        data=data,
        notes=freshness_notes(report, demo=demo),
    )


def build(
    project_dir: Path,
    out_dir: Path | None = None,
    as_of: date | None = None,
    today: date | None = None,
    *,
    strict: bool = False,
    pdf: bool = False,
    progress: Progress | None = None,
    memo: DataMemo | None = None,
    pool: chart_pool.ChartPool | None = None,
) -> BuildResult:
    """Build the site for the project in ``project_dir``; the previous site survives any error.

    ``strict`` refuses to write anything when there are warnings (StrictBuildError); ``pdf``
    also writes site/media-kit.pdf (mediakit.site.pdf, which needs WeasyPrint); ``progress`` is told
    when each stage (a key of STAGES) starts; ``memo`` (kept by ``serve`` between builds) skips
    the data stages when no data file changed since the build that filled it; ``pool``
    (chart_pool.py: the command's, or serve's kept warm) draws the charts, else this process.
    """
    started = time.perf_counter()
    clock = _Clock(progress)
    project = Project(Path(project_dir))
    out_dir = out_dir if out_dir is not None else project.site
    check_out_dir(out_dir, project_dir=project.root)  # refuse a wrong --out before the work
    read_before = record.inputs(project.root)
    reuse = None
    if memo is not None and memo.key == data_key(read_before, as_of):
        reuse = memo.stage
    rendered = render_project(project.root, as_of=as_of, today=today, strict=strict, pdf=pdf,
                              progress=clock, data=reuse, pool=pool)
    clock.stage("history")
    changed = history.write_files(rendered.history, project.history_dir)
    clock.stage("publish")
    publish(rendered.files, out_dir, project_dir=project.root)
    demo = rendered.data is not None and rendered.data.profile.demo
    stale = freshness_warnings(rendered.report, today or date.today(), demo=demo)
    read_after = record.write_record(
        project.cache_dir, out_dir, project_root=project.root, read_before=read_before,
        as_of_option=as_of, pdf=pdf, as_of=rendered.report.as_of,
        warnings=[text for text in rendered.warnings if text not in stale], files=rendered.files,
        demo=demo,
    )
    if memo is not None:
        _remember(memo, rendered.data, read_before, read_after, as_of)
    clock.stage(None)
    return BuildResult(
        out_dir=out_dir,
        report=rendered.report,
        files=len(rendered.files),
        charts_rendered=rendered.charts_rendered,
        charts_cached=rendered.charts_cached,
        history_changed=changed,
        warnings=rendered.warnings,
        seconds=time.perf_counter() - started,
        pages=sum(1 for name in rendered.files if name.endswith(".html")),
        pdf=out_dir / PDF_NAME if PDF_NAME in rendered.files else None,
        stage_seconds=clock.seconds,
        notes=rendered.notes,
    )


def _remember(memo: DataMemo, data: DataStage | None, read_before: dict[str, str],
              read_after: dict[str, str] | None, as_of: date | None) -> None:
    """Keep the data stage for the next build, unless a data file changed while this one ran
    or the profile reads exports from a folder the pages stage owns."""
    memo.key, memo.stage = None, None
    if data is None or read_after is None:
        return
    if data_key(read_before, as_of, saved=False) != data_key(read_after, as_of, saved=False):
        return
    for name in data.profile.platforms:
        parts = [part for part in PurePosixPath(
            data.profile.platform_data_dir(name).replace("\\", "/")).parts if part != "."]
        if parts and parts[0] in PAGE_FOLDERS:
            return
    memo.key, memo.stage = data_key(read_after, as_of), data


class _Clock:
    """Tells ``progress`` when each stage starts and remembers how long each one took."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}
        self.current: str | None = None
        self.since = time.perf_counter()

    def __call__(self, name: str) -> None:
        self.stage(name)

    def stage(self, name: str | None) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.seconds[self.current] = now - self.since
        self.current, self.since = name, now
        if name is not None and self.progress is not None:
            self.progress(name)
