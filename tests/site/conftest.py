"""One build of the demo for all site tests (a build takes seconds; the tests take less)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediakit import build as build_module
from mediakit.analytics.analyze import analyze
from mediakit.analytics.report import Report
from mediakit.project.profile import Profile, load_profile
from mediakit.site import charts as charts_module
from mediakit.site import render
from mediakit.site.chart_svg import Renderer
from mediakit.tables import Account
from tests.site.demo import REPO, build_demo, copy_demo


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def demo_site(demo_project: Path) -> Path:
    """The demo built into a folder, as `mediakit build` writes it (without the PDF)."""
    out = demo_project / "site"
    build_demo(demo_project, out)
    return out


@pytest.fixture(scope="session")
def demo_pages(demo_site: Path) -> list[str]:
    """Every HTML page of the demo site, as paths relative to the site."""
    return sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.html"))


@dataclass
class Inputs:
    """What render.site takes, computed once from the demo (render tests vary the profile)."""

    report: Report
    charts: dict
    profile: Profile
    account: Account
    project: Path

    def render(self, project: Path | None = None, *, profile: Profile | None = None,
               **options: object) -> dict[str, bytes]:
        root = project or self.project
        return render.site(self.report, self.charts, profile or self.profile, project_dir=root,
                           content_dir=root / "content",
                           profile_file=root / "content/profile.yaml",
                           account=self.account, **options)


@pytest.fixture(scope="session")
def demo_inputs(demo_project: Path, demo_site: Path) -> Inputs:
    """The demo's report, charts (from the build's cache), profile and account."""
    project = build_module.Project(demo_project)
    profile = load_profile(project.profile_file)
    account = build_module.load_account(project, profile)
    report = analyze(account, profile)
    charts = charts_module.build(report, profile, Renderer(project.cache_dir / "charts"))
    return Inputs(report, charts, profile, account, demo_project)


@pytest.fixture()
def project_copy(tmp_path: Path) -> Path:
    """A copy of the demo's content (without exports) to change for one test."""
    shutil.copytree(REPO / "content", tmp_path / "content",
                    ignore=shutil.ignore_patterns("data"))
    return tmp_path
