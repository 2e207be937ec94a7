"""``serve`` keeps the data stage between builds (build.DataMemo): an edit to a template, a pitch
or a case study renders the pages again from the numbers and charts in memory, into the same
bytes a full build writes; an edit to the profile or an export runs every stage."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from mediakit import build as build_module
from mediakit.build import DataMemo, build

TODAY = date(2026, 3, 20)  # the small creator's data runs to 2026-03-10


def stages(project: Path, memo: DataMemo, today: date = TODAY) -> tuple[list[str], list[str]]:
    """The stages a build ran, and its warnings."""
    seen: list[str] = []
    result = build(project, today=today, memo=memo, progress=seen.append)
    return seen, result.warnings


def visible(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def full_build(project: Path, tmp_path: Path) -> dict[str, bytes]:
    copy = tmp_path / "reference"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".mediakit-cache"))
    build(copy, today=TODAY)
    return visible(copy / "site")


def test_a_template_edit_renders_only_the_pages_into_a_full_builds_bytes(small, tmp_path):
    memo = DataMemo()
    first, _ = stages(small, memo)
    assert first == list(build_module.STAGES)
    history = visible(small / "content/data/history")
    (small / "templates").mkdir()
    (small / "templates/404.html").write_text(
        '{% extends "base.html" %}{% block body %}<main id="main"><h1>Nothing here, '
        "{{ profile.name }}</h1></main>{% endblock %}\n", "utf-8")
    second, _ = stages(small, memo)
    assert second == ["pages", "history", "publish"]  # no profile, exports, numbers or charts
    assert "<h1>Nothing here, Test Creator</h1>" in (small / "site/404.html").read_text("utf-8")
    assert visible(small / "site") == full_build(small, tmp_path)
    assert visible(small / "content/data/history") == history


def test_an_export_or_profile_edit_runs_every_stage(small):
    memo = DataMemo()
    stages(small, memo)
    overview = small / "content/data/tiktok/Overview.csv"
    overview.write_bytes(overview.read_bytes())  # saved again, the same bytes: reused
    assert stages(small, memo)[0] == ["pages", "history", "publish"]
    overview.write_text(overview.read_text("utf-8") + '"March 11","1100","11","110","1","0"\n',
                        "utf-8")
    assert stages(small, memo)[0] == list(build_module.STAGES)
    profile = small / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8") + "tagline: Small things, filmed\n", "utf-8")
    assert stages(small, memo)[0] == list(build_module.STAGES)
    assert "Small things, filmed" in (small / "site/index.html").read_text("utf-8")


def test_the_stale_warning_follows_today_without_piling_up(small):
    memo = DataMemo()
    # 2026-03-10 -> 2026-05-25: 21 days of March + 30 of April + 25 of May = 76
    stale = ("the newest data is from 2026-03-10, 76 days ago: download fresh exports before "
             "you send the kit")
    stages(small, memo)
    (small / "templates").mkdir()
    for number, (today, expected) in enumerate([(date(2026, 5, 25), [stale]), (TODAY, []),
                                                (date(2026, 5, 25), [stale])]):
        (small / f"templates/extra-{number}.html").write_text("x\n", "utf-8")  # pages only
        seen, warnings = stages(small, memo, today)
        assert seen[0] == "pages"
        assert [w for w in warnings if w.startswith("the newest data")] == expected


def test_exports_kept_in_a_pages_stage_folder_are_never_memoised(small):
    """The memo's key leaves out pages, pitches and case studies; a profile that keeps its
    exports in one of those folders must not have its numbers reused after they change."""
    content = small / "content"
    shutil.move(content / "data/tiktok", content / "pitches/tiktok-exports")
    profile = content / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "    exported_on:", "    data: ./pitches/tiktok-exports\n    exported_on:"), "utf-8")
    memo = DataMemo()
    assert stages(small, memo)[0] == list(build_module.STAGES)
    assert memo.stage is None
    overview = content / "pitches/tiktok-exports/Overview.csv"
    overview.write_text(overview.read_text("utf-8") + '"March 11","1100","11","110","1","0"\n',
                        "utf-8")
    assert stages(small, memo)[0] == list(build_module.STAGES)
