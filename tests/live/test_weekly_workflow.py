"""The Pages workflow `mediakit init` writes pulls live numbers weekly (docs/live-numbers.md).

The pull step's script is run as GitHub runs it (bash -e -o pipefail) with stand-ins for pip,
mediakit and git on PATH that record their calls, so each branch of it is exercised.
"""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from mediakit.project.scaffold import scaffold_files

ROOT = Path(__file__).resolve().parents[2]


def workflow() -> dict:
    files = dict(scaffold_files())
    return yaml.safe_load(files[".github/workflows/pages.yml"].decode("utf-8"))


def pull_step() -> dict:
    return next(s for s in workflow()["jobs"]["build"]["steps"] if s.get("name") == "mediakit pull")


def test_weekly_schedule_and_write_permission() -> None:
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on:` as True
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit() and minute.isdigit()
    assert "push" in triggers and "workflow_dispatch" in triggers
    assert flow["jobs"]["build"]["permissions"] == {"contents": "write"}
    assert flow["permissions"]["contents"] == "read"  # the deploy job gets no write access


def test_pull_runs_between_install_and_build_with_the_secrets() -> None:
    steps = workflow()["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in steps]
    step = pull_step()
    where = steps.index(step)
    assert runs.index('pip install "$MEDIAKIT_REQUIREMENT"') < where
    assert where < runs.index("mediakit build --pdf")
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert where < steps.index(cache)  # the cache key sees the new snapshot files
    assert step["if"] == "github.event_name != 'push'"
    assert step["env"] == {f"MEDIAKIT_{p}_TOKEN": f"${{{{ secrets.MEDIAKIT_{p}_TOKEN }}}}"
                           for p in ("YOUTUBE", "INSTAGRAM", "TIKTOK")}


def test_live_requirement_is_the_version_that_wrote_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert workflow()["env"]["MEDIAKIT_LIVE_REQUIREMENT"] == (
        "${{ vars.MEDIAKIT_LIVE_REQUIREMENT || "
        f"'{project['name']}[live]=={project['version']}' }}}}")
    assert "live" in tomllib.loads((ROOT / "pyproject.toml").read_text())[
        "project"]["optional-dependencies"]


def _run(tmp_path: Path, env: dict[str, str], mediakit_status: int = 0,
         staged_changes: bool = True) -> tuple[subprocess.CompletedProcess, list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    log = tmp_path / "calls.log"
    for tool, status in (("pip", 0), ("mediakit", mediakit_status), ("git", 0)):
        script = bin_dir / tool
        body = f'echo "{tool} $*" >> "{log}"\n'
        if tool == "git":  # `git diff --cached --quiet` exits 1 when something is staged
            body += f'[ "$1" = diff ] && exit {1 if staged_changes else 0}\n'
        script.write_text(f"#!/bin/bash\n{body}exit {status}\n")
        script.chmod(0o755)
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", pull_step()["run"]],
        capture_output=True, text=True, cwd=tmp_path,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "MEDIAKIT_LIVE_REQUIREMENT": "x[live]", **env})
    calls = log.read_text().splitlines() if log.exists() else []
    return done, calls


def test_without_secrets_the_pull_is_skipped_cleanly(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, {"MEDIAKIT_YOUTUBE_TOKEN": "", "MEDIAKIT_TIKTOK_TOKEN": ""})
    assert done.returncode == 0 and calls == []
    assert "No MEDIAKIT_*_TOKEN secret is set" in done.stdout


def test_with_a_secret_it_pulls_and_commits_the_snapshots(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, {"MEDIAKIT_TIKTOK_TOKEN": "{}"})
    assert done.returncode == 0, done.stderr
    assert calls[:2] == ["pip install x[live]", "mediakit pull"]
    assert "git add content/data" in calls
    assert any(c.startswith("git commit -m Live numbers pulled on") for c in calls)
    assert calls[-1] == "git push"


def test_nothing_new_commits_nothing(tmp_path: Path) -> None:
    done, calls = _run(tmp_path, {"MEDIAKIT_TIKTOK_TOKEN": "{}"}, staged_changes=False)
    assert done.returncode == 0
    assert not any(c.startswith(("git commit", "git push")) for c in calls)


@pytest.mark.parametrize("status", [2, 3])
def test_a_failing_pull_fails_the_run(tmp_path: Path, status: int) -> None:
    done, calls = _run(tmp_path, {"MEDIAKIT_YOUTUBE_TOKEN": "{}"}, mediakit_status=status)
    assert done.returncode == status
    assert not any(c.startswith("git") for c in calls)  # nothing committed, nothing pushed


def test_the_docs_show_the_file_init_writes() -> None:
    docs = (ROOT / "docs" / "github-pages.md").read_text("utf-8")
    shown = docs.split("## GitHub Pages with GitHub Actions", 1)[1].split("```yaml\n", 1)[1]
    files = dict(scaffold_files())
    assert shown.split("```", 1)[0] == files[".github/workflows/pages.yml"].decode("utf-8")
