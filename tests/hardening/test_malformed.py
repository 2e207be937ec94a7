"""Over a hundred broken inputs through the CLI: a correct build or one clear line, never a crash.

Every case of tests/hardening/malformed.py is built with ``mediakit build`` through Click's
runner, in process, with vl-convert's drawing replaced by a check of what it would be given
(projects.drawings_checked_not_drawn: drawing is most of a small build's time). The cases whose
odd numbers reach the charts are also built with real drawing, and a sample runs as a real
``python -m mediakit build`` subprocess. A build that succeeds must have kept every number:
the history holds each of the ten days' values exactly, except the cells the case names as
missing, so no number was silently turned into "missing". A build that fails exits 2 with one
line naming the file, the row and the column and quoting the value.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mediakit.commands.main import main
from tests.hardening.malformed import DAYS, Case, base_value, corpus, input_count
from tests.hardening.projects import (
    TODAY,
    drawings_checked_not_drawn,
    small_project,
    templates_compiled_once,
)

CASES = corpus()
COLUMNS = ("views", "profile_views", "likes", "comments", "shares", "followers")


@pytest.fixture(scope="module")
def chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("charts")


def make(case: Case, root: Path, cache: Path | None) -> Path:
    project = small_project(root, profile=case.profile, files=case.files, cache=cache)
    for name in case.remove:
        (project / "content" / name).unlink()
    return project


def history(project: Path) -> dict[tuple[int, str], str]:
    """(March day, column) -> the history's text for the small creator's ten days of 2026."""
    path = project / "content" / "data" / "history" / "daily.csv"
    found = {}
    for row in csv.DictReader(path.open(encoding="utf-8")):
        if row["date"].startswith("2026-03-"):
            day = int(row["date"][-2:])
            found.update({(day, column): row[column] for column in COLUMNS})
    return found


def check(case: Case, result: Result, project: Path) -> None:
    output = result.output
    assert "Traceback" not in output and "internal error" not in output, output
    if case.error:
        assert result.exit_code == 2, output
        lines = output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), output
        for word in case.error:
            assert word in lines[0], f"{word!r} not in {lines[0]!r}"
        return
    assert result.exit_code == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("Warning: ")]
    if case.warning:
        assert any(case.warning in line for line in warnings), output
    assert (project / "site" / "index.html").is_file()
    if not case.base:
        return
    kept = history(project)
    for day in DAYS:
        for column in COLUMNS:
            if (day, column) in case.blank:
                assert kept[day, column] == "", (day, column)
            else:
                expected = case.expect.get((day, column), base_value(column, day))
                assert kept[day, column] == expected, (day, column)


def test_the_corpus_has_over_a_hundred_inputs_of_both_outcomes() -> None:
    assert input_count(CASES) >= 130
    assert sum(1 for case in CASES if case.error) >= 80
    assert input_count([case for case in CASES if not case.error]) >= 50


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_broken_input_builds_correctly_or_fails_in_one_line(
        case: Case, tmp_path: Path, chart_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make(case, tmp_path / "kit", chart_cache)
    with templates_compiled_once(monkeypatch), drawings_checked_not_drawn(monkeypatch):
        result = CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY])
    check(case, result, project)


DRAWN = ["numbers written every way", "only the header", "future date (after the download day)"]


@pytest.mark.parametrize("name", DRAWN)
def test_odd_numbers_are_drawn_for_real(name: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    case = next(case for case in CASES if case.name == name)
    project = make(case, tmp_path / "kit", None)
    with templates_compiled_once(monkeypatch):
        result = CliRunner().invoke(main, ["build", str(project), "--quiet", "--today", TODAY])
    check(case, result, project)
    assert b"<svg" in (project / "site" / "index.html").read_bytes()


SAMPLE = ["numbers written every way", "views '12.5%'"]


@pytest.mark.parametrize("name", SAMPLE)
def test_the_real_command_gives_the_same_answer(name: str, tmp_path: Path) -> None:
    case = next(case for case in CASES if case.name == name)
    project = make(case, tmp_path / "kit", None)
    env = {key: value for key, value in os.environ.items()
           if key not in ("MEDIAKIT_DEBUG", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "mediakit", "build", str(project), "--quiet", "--today", TODAY],
        capture_output=True, text=True, env=env, timeout=240, check=False)
    result = Result(runner=CliRunner(), stdout_bytes=done.stdout.encode(),
                    stderr_bytes=done.stderr.encode(), output_bytes=(done.stdout + done.stderr)
                    .encode(), return_value=None, exit_code=done.returncode, exception=None)
    check(case, result, project)
