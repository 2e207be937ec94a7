"""One build of the demo for all site tests (a build takes seconds; the tests take less)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.demo import build_demo, copy_demo


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
