"""Fixtures for the CLI tests: copies of the demo creator, a tiny hand-made creator, a runner.

Every command is driven twice: in-process through Click's CliRunner (fast, monkeypatchable) and
as a real subprocess (``python -m mediakit``), which is how a creator runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mediakit.commands.main import main

REPO = Path(__file__).resolve().parents[2]
SUBPROCESS_TIMEOUT_S = 240  # a shared CI machine can be slow; never wait forever
TODAY = "2026-11-20"  # the demo's data runs to 2026-11-16: four days old, not stale


@pytest.fixture(scope="session")
def warm_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project built once, so copies start with a warm chart cache."""
    root = tmp_path_factory.mktemp("warm") / "kit"
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("history"))
    outcome = CliRunner().invoke(main, ["build", str(root), "--quiet", "--today", TODAY])
    assert outcome.exit_code == 0, outcome.output
    shutil.rmtree(root / "site")
    shutil.rmtree(root / "content/data/history")
    return root


@pytest.fixture()
def demo(tmp_path: Path, warm_demo: Path) -> Path:
    """A private copy of the demo project (a build writes content/data/history/)."""
    target = tmp_path / "kit"
    shutil.copytree(warm_demo, target)
    return target


OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"\n'
FOLLOWERS_HEADER = '"Date","Followers","Difference in followers from previous day"\n'
SMALL_DAYS = (1, 2, 3, 7, 8, 9, 10)  # March 2026; 4, 5 and 6 are missing from every file


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    """A creator with two tiny exports whose numbers are easy to check by hand.

    Overview: views 100 x day, profile views = day; FollowerHistory: 1000 + day followers.
    Both cover March 1-3 and 7-10, 2026 (downloaded on March 12).
    """
    root = tmp_path / "small"
    data = root / "content" / "data" / "tiktok"
    data.mkdir(parents=True)
    (root / "content" / "profile.yaml").write_text(
        "name: Test Creator\n"
        "platforms:\n"
        "  tiktok:\n"
        '    handle: "@testcreator"\n'
        "    exported_on: 2026-03-12\n",
        encoding="utf-8",
    )
    overview = [f'"March {d}","{100 * d}","{d}","{10 * d}","1","0"\n' for d in SMALL_DAYS]
    followers = [f'"March {d}","{1000 + d}","1"\n' for d in SMALL_DAYS]
    (data / "Overview.csv").write_text(OVERVIEW_HEADER + "".join(overview), encoding="utf-8")
    (data / "FollowerHistory.csv").write_text(FOLLOWERS_HEADER + "".join(followers),
                                              encoding="utf-8")
    return root


@pytest.fixture()
def invoke() -> Callable[..., Result]:
    """Run the CLI in-process; stderr is kept apart from stdout."""

    def _invoke(*args: object, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(main, [str(arg) for arg in args], env=env)

    return _invoke


@pytest.fixture()
def run() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m mediakit`` as a creator would, with a bounded wait."""

    def _run(*args: object, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        environment = {key: value for key, value in os.environ.items()
                       if key not in ("MEDIAKIT_DEBUG", "FORCE_COLOR")}
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "mediakit", *(str(arg) for arg in args)],
            capture_output=True, text=True, cwd=cwd, env=environment,
            timeout=SUBPROCESS_TIMEOUT_S, check=False,
        )

    return _run
