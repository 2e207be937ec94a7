"""The commands a newcomer types, CI runs and GitHub runs are one and the same.

README's two commands are the contract: `.ci/run` runs the test command verbatim, the project's
GitHub workflow runs it on three systems and three Pythons, and the Pages workflow that
``mediakit init`` writes installs exactly the mediakit that wrote it.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

import mediakit
from mediakit.project.layout import Project
from mediakit.project.scaffold import scaffold_files

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
TEST_WORKFLOW = ROOT / ".github" / "workflows" / "test.yml"
#: An action pinned to one release: owner/name@vMAJOR.MINOR.PATCH (a moving @v4 or @main is not).
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+$")


def fenced(language: str, text: str = README) -> list[str]:
    """The one-line code blocks of ``language`` in ``text``, in order."""
    return [block.strip() for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)
            if block.strip().count("\n") == 0]


def readme_commands() -> dict[str, str]:
    """README's build and test commands, for POSIX shells and for PowerShell."""
    section = README.split("## The two commands", 1)[1].split("\n## ", 1)[0]
    bash, powershell = fenced("bash", section), fenced("powershell", section)
    assert len(bash) == 2 and len(powershell) == 2, section
    return {"build": bash[0], "test": bash[1], "build-ps": powershell[0],
            "test-ps": powershell[1]}


def steps_using(steps: list[dict], action: str) -> list[dict]:
    return [step for step in steps if step.get("uses", "").split("@")[0] == action]


# -- README's two commands ------------------------------------------------------------------------


def test_readme_commands_make_their_own_virtual_environment():
    """A system Python under PEP 668 refuses `pip install`; a fresh Ubuntu has no `python`."""
    commands = readme_commands()
    assert commands["build"] == (
        "python3 -m venv .venv && .venv/bin/python -m pip install . && .venv/bin/mediakit build")
    assert commands["test"] == ('python3 -m venv .venv && .venv/bin/python -m pip install -e '
                                '".[test]" && .venv/bin/python -m pytest')
    for name in ("build", "test"):
        words = commands[name].split()
        assert words[0] == "python3" and "python" not in words[1:] and "pip" not in words[:3]
    for name in ("build-ps", "test-ps"):
        assert commands[name].startswith("py -3 -m venv .venv; .venv\\Scripts\\python -m pip ")


def test_what_the_commands_create_is_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text("utf-8").splitlines()
    for rule in (".venv/", "build/", "*.egg-info/", ".mediakit-cache/"):
        assert rule in ignored


def test_ci_removes_the_old_environment_then_runs_readmes_test_command_verbatim():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    lines = [line for line in script.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "set -euo pipefail"
    assert lines[-1] == readme_commands()["test"]
    assert lines.index("rm -rf .venv") == len(lines) - 2
    update = next(i for i, line in enumerate(lines) if line.startswith("apt-get update"))
    install = next(i for i, line in enumerate(lines) if line.startswith("apt-get install"))
    assert update < install < len(lines) - 2
    packages = " ".join(lines[install:install + 2])
    for package in ("python3-venv", "chromium", "poppler-utils", "libpango-1.0-0",
                    "libpangoft2-1.0-0", "fonts-dejavu-core"):
        assert f" {package}" in packages


def test_ci_fails_when_the_tests_fail(tmp_path):
    """`set -euo pipefail` and the command as its last line: pytest's status is CI's status."""
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    body = script.split("rm -rf .venv\n", 1)[0]
    fake = body.replace('cd "$(dirname "$0")/.."', "").replace("apt-get ", ": apt-get ")
    for status in (0, 1, 5):
        done = subprocess.run(["bash", "-c", fake + f"\n(exit {status})\necho after"],
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == status
        assert ("after" in done.stdout) == (status == 0)


# -- the project's own GitHub workflow ------------------------------------------------------------


def test_github_runs_the_tests_on_three_systems_and_three_pythons():
    workflow = yaml.safe_load(TEST_WORKFLOW.read_text("utf-8"))
    job = workflow["jobs"]["test"]
    assert set(job["strategy"]["matrix"]["os"]) == {"ubuntu-latest", "macos-latest",
                                                    "windows-latest"}
    assert job["strategy"]["matrix"]["python"] == ["3.11", "3.12", "3.13"]
    assert job["runs-on"] == "${{ matrix.os }}" and job["strategy"]["fail-fast"] is False
    setup = steps_using(job["steps"], "actions/setup-python")
    assert setup[0]["with"]["python-version"] == "${{ matrix.python }}"
    assert job["env"]["PY_PYTHON3"] == "${{ matrix.python }}"  # `py -3` takes the job's Python


def test_github_runs_readmes_test_command_posix_and_powershell():
    steps = yaml.safe_load(TEST_WORKFLOW.read_text("utf-8"))["jobs"]["test"]["steps"]
    commands = readme_commands()
    posix = [s for s in steps if s.get("run", "").strip() == commands["test"]]
    windows = [s for s in steps if s.get("run", "").strip() == commands["test-ps"]]
    assert len(posix) == 1 and posix[0]["if"] == "runner.os != 'Windows'"
    assert len(windows) == 1 and windows[0]["if"] == "runner.os == 'Windows'"
    assert windows[0]["shell"] == "pwsh" and posix[0]["shell"] == "bash"
    last = [s for s in steps if "run" in s][-2:]
    assert last == posix + windows  # system libraries first, then the tests


def test_every_action_is_pinned_to_one_release():
    for path in (TEST_WORKFLOW, ROOT / "mediakit/project/scaffold/project/dot-github/workflows"
                 / "pages.yml"):
        text = path.read_text("utf-8")
        uses = re.findall(r"^\s*(?:- )?uses:\s*(\S+)", text, re.M)
        assert uses, path
        for action in uses:
            assert PINNED.match(action), f"{path.name}: {action} is not an exact version"


def test_the_pin_check_refuses_moving_versions():
    for moving in ("actions/checkout@v4", "actions/checkout@main", "actions/cache@v4.2",
                   "actions/checkout"):
        assert not PINNED.match(moving)
    assert PINNED.match("actions/checkout@v4.2.2")


# -- the Pages workflow `mediakit init` writes -----------------------------------------------------


def pages_workflow() -> dict:
    files = dict(scaffold_files())
    return yaml.safe_load(files[".github/workflows/pages.yml"].decode("utf-8"))


def test_the_pages_workflow_installs_the_version_that_wrote_it():
    name, version = PYPROJECT["project"]["name"], PYPROJECT["project"]["version"]
    assert (name, version) == ("creator-mediakit", mediakit.__version__)
    workflow = pages_workflow()
    assert workflow["env"]["MEDIAKIT_REQUIREMENT"] == (
        f"${{{{ vars.MEDIAKIT_REQUIREMENT || '{name}[pdf]=={version}' }}}}")
    runs = [step.get("run") for step in workflow["jobs"]["build"]["steps"]]
    assert 'pip install "$MEDIAKIT_REQUIREMENT"' in runs


def test_the_pages_workflow_keeps_the_chart_cache_keyed_on_mediakits_version(tmp_path,
                                                                             monkeypatch):
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)  # the tests share one; GitHub doesn't
    steps = pages_workflow()["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps]
    (cache,) = steps_using(steps, "actions/cache")
    where = steps.index(cache)
    assert runs.index('pip install "$MEDIAKIT_REQUIREMENT"') < where < runs.index(
        "mediakit build --pdf")
    assert cache["with"]["path"] == Project(tmp_path).cache_dir.relative_to(tmp_path).as_posix()
    version = next(step for step in steps if step.get("id") == "mediakit")
    assert steps.index(version) < where
    prefix = "mediakit-${{ steps.mediakit.outputs.version }}-"
    assert cache["with"]["restore-keys"] == prefix
    assert cache["with"]["key"] == prefix + "${{ hashFiles('content/**', 'templates/**') }}"
    # the version step, run as GitHub runs it, gives the installed mediakit's version
    output = tmp_path / "github_output"
    done = subprocess.run(
        ["bash", "-e", "-c", version["run"]], capture_output=True, text=True,
        env={"GITHUB_OUTPUT": str(output), "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert output.read_text() == f"version={mediakit.__version__}\n"


def test_the_cache_is_where_the_build_looks_without_mediakit_cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIAKIT_CACHE_DIR", raising=False)
    assert Project(tmp_path).cache_dir == tmp_path / ".mediakit-cache"
    monkeypatch.setenv("MEDIAKIT_CACHE_DIR", str(tmp_path / "shared"))
    assert Project(tmp_path).cache_dir == tmp_path / "shared"  # why the workflow leaves it unset
    assert "MEDIAKIT_CACHE_DIR" not in str(pages_workflow())


@pytest.mark.parametrize("hint_file", ["mediakit/site/pdf.py", "mediakit/roster/workers.py"])
def test_install_hints_name_the_distribution_not_pypis_other_mediakit(hint_file):
    text = (ROOT / hint_file).read_text("utf-8")
    assert '"creator-mediakit[' in text
    assert not re.search(r'pip install "?mediakit\[', text)
