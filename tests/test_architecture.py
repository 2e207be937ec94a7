"""The package's shape is part of the product: the folder shows the pipeline, and CI keeps it so.

The layers and the no-circle rule live in pyproject.toml ([tool.importlinter]); these tests run
import-linter on the real package, and on copies with one deliberate bad import each, so a contract
that could never fail would be noticed. docs/architecture.md is checked against the tree.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mediakit"
MAX_TOP_LEVEL = 15
MAX_LINES = 400


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` in ``root`` (its pyproject.toml), importing mediakit from ``root``."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(no_cache=True, no_logo=True))"],
        cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=120,
    )


def test_every_import_contract_is_kept():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(PACKAGE, tmp_path / "mediakit",
                    ignore=shutil.ignore_patterns("__pycache__", "data", "scaffold"))
    return tmp_path


def _add_import(copy: Path, module: str, line: str) -> None:
    path = copy / "mediakit" / module
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


@pytest.mark.parametrize(("module", "line", "contract"), [
    # a back-import up the pipeline: analytics knowing about pages
    ("analytics/reach.py", "from mediakit.site import render  # noqa", "Pipeline stages"),
    # sources reaching for the numbers
    ("sources/tiktok.py", "import mediakit.analytics.engagement  # noqa", "Sources read files"),
    # printing from below the command line
    ("publish/__init__.py", "import rich  # noqa", "Only commands print"),
    # a build going online (only mediakit.live may, from an explicit command)
    ("site/pictures.py", "import httpx  # noqa", "Only mediakit.live talks to the network"),
    # a circle made only of a type-checking import (format <- render already)
    ("site/format.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
     "    from mediakit.site.render import environment  # noqa", "No import circle"),
])
def test_a_deliberate_bad_import_breaks_a_contract(package_copy, module, line, contract):
    _add_import(package_copy, module, line)
    done = lint_imports(package_copy)
    assert done.returncode == 1, done.stdout + done.stderr
    broken = [row for row in done.stdout.splitlines() if row.rstrip().endswith("BROKEN")]
    assert any(row.startswith(contract) for row in broken), done.stdout


def test_the_top_level_reads_as_the_pipeline():
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert len(entries) <= MAX_TOP_LEVEL, entries
    stages = {"project", "sources", "history.py", "analytics", "site", "publish", "build.py",
              "commands", "roster", "serve"}
    assert stages <= set(entries)


def test_no_module_is_over_400_lines():
    long = {str(path.relative_to(PACKAGE)): n for path in PACKAGE.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_architecture_page_names_only_modules_that_exist():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(mediakit(?:\.[a-z_]+)+)`", page))
    named |= {p.removesuffix(".py").replace("/", ".")
              for p in re.findall(r"`(mediakit/(?:[a-z_]+/)*[a-z_]+\.py)`", page)}
    assert len(named) >= 20  # the page walks through the whole pipeline
    shipped = {"mediakit.templates": ROOT / "templates", "mediakit.demo": ROOT / "content"}
    missing = []
    for name in sorted(named):
        relative = Path(*name.split("."))
        if name in shipped:
            found = shipped[name].is_dir()
        elif (ROOT / relative.with_suffix(".py")).is_file():
            found = True
        elif (ROOT / relative / "__init__.py").is_file():
            found = True
        else:  # a function or class: mediakit.build.build is ``def build`` in mediakit/build.py
            module = (ROOT / relative.parent).with_suffix(".py")
            if not module.is_file():
                module = ROOT / relative.parent / "__init__.py"
            found = module.is_file() and re.search(
                rf"^(def|class) {relative.name}\b", module.read_text(encoding="utf-8"), re.M)
        if not found:
            missing.append(name)
    assert missing == []


def test_readme_links_the_architecture_page():
    assert "docs/architecture.md" in (ROOT / "README.md").read_text(encoding="utf-8")
