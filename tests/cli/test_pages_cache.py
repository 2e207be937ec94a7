"""The Pages workflow's cache works: a fresh checkout with last run's .mediakit-cache/ redraws
only the charts whose numbers changed.

GitHub builds every push in a new folder and actions/cache puts back `.mediakit-cache/`; the
cache must therefore be keyed by what a chart shows, never by the folder it was drawn in (the
build record, which is bound to its folder, is not what makes this fast).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.cli.conftest import TODAY


def charts(output: str) -> tuple[int, int]:
    """(drawn, from the cache) from a build's summary."""
    found = re.search(r"charts:\s+(\d+) drawn, (\d+) from the cache", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def checkout(project: Path, folder: Path) -> Path:
    """What a GitHub run starts from: the committed content/ and the restored cache only."""
    shutil.copytree(project / "content", folder / "content")
    shutil.copytree(project / ".mediakit-cache", folder / ".mediakit-cache")
    return folder


def test_a_fresh_checkout_with_the_restored_cache_redraws_only_what_changed(
        invoke, small, tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # the project's own cache, as on GitHub
    first = invoke("build", small, "--today", TODAY)
    assert first.exit_code == 0, first.output
    drawn, reused = charts(first.output)
    assert drawn > 0 and reused == 0

    again = checkout(small, tmp_path / "run-2")
    second = invoke("build", again, "--today", TODAY)
    assert second.exit_code == 0, second.output
    assert charts(second.output) == (0, drawn)
    assert (again / "site/index.html").read_bytes() == (small / "site/index.html").read_bytes()

    edited = checkout(again, tmp_path / "run-3")
    overview = edited / "content/data/tiktok/Overview.csv"
    overview.write_text(overview.read_text("utf-8").replace('"1000","10"', '"5000","10"'),
                        "utf-8")  # March 10: 5,000 views instead of 1,000
    third = invoke("build", edited, "--today", TODAY)
    assert third.exit_code == 0, third.output
    redrawn, kept = charts(third.output)
    assert 0 < redrawn < drawn and redrawn + kept == drawn


def test_without_the_cache_a_fresh_checkout_draws_everything(invoke, small, tmp_path,
                                                             monkeypatch):
    """The control: it is the restored folder, not anything else, that saves the drawing."""
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    first = invoke("build", small, "--today", TODAY)
    drawn, _ = charts(first.output)
    bare = tmp_path / "bare"
    shutil.copytree(small / "content", bare / "content")
    assert charts(invoke("build", bare, "--today", TODAY).output) == (drawn, 0)
