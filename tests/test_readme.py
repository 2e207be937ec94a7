"""README is the first thing a creator follows: what it says must be true and in the right order.

Each test pins a fact a new creator tripped on: which Python, which name on PyPI, `init` before
folders made by hand, which date `exported_on` is, how far back TikTok reaches, and which folder
GitHub Pages can serve.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from mediakit.project.profile import load_profile
from mediakit.project.scaffold import scaffold_files

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
SCAFFOLD = {name: data.decode("utf-8") for name, data in scaffold_files()}


def section(title: str, text: str = README) -> str:
    """The body of the Markdown section headed ``title`` (up to the next heading of its level)."""
    match = re.search(rf"^(#+) {re.escape(title)}\n", text, re.M)
    assert match, title
    level = match.group(1)
    rest = text[match.end():]
    end = re.search(rf"^{level} ", rest, re.M)
    return rest[:end.start()] if end else rest


def test_readme_says_which_python_before_any_command():
    required = PYPROJECT["project"]["requires-python"]
    assert required == ">=3.11"
    first_command = README.index("`python3 -m")
    assert README.index("Python 3.11 or newer") < first_command


def test_readme_gives_the_name_on_pypi():
    assert PYPROJECT["project"]["name"] == "creator-mediakit"
    assert "**`creator-mediakit`**" in README and "pipx install creator-mediakit" in README
    for text in [README] + [p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md")]:
        assert not re.search(r'pip install "?mediakit\b', text)


def test_start_here_covers_macos_windows_and_linux_in_that_order():
    start = section("Start here")
    systems = [m.group(1) for m in re.finditer(r"^### (.+)$", start, re.M)]
    assert systems == ["macOS", "Windows", "Linux"]
    opens = {"macOS": "open site/index.html", "Windows": "start site\\index.html",
             "Linux": "xdg-open site/index.html"}
    for system in systems:
        steps = section(system, start)
        order = ["3.11", "pipx install creator-mediakit", "mediakit init my-kit",
                 "mediakit import", "content", "exported_on", "mediakit build", opens[system]]
        where = [steps.find(words) for words in order]
        found = dict(zip(order, where, strict=True))
        assert -1 not in where and where == sorted(where), (system, found)
    assert README.index("## Start here") < README.index("## The two commands")


def test_readme_starts_a_project_with_init_not_with_folders_made_by_hand():
    steps = section("Making your own kit, step by step")
    assert steps.index("mediakit init my-kit") < steps.index("my-kit/\n")
    assert "Make a project folder" not in README


def test_readmes_smallest_profile_is_valid(tmp_path):
    steps = section("Making your own kit, step by step")
    smallest = re.search(r"```yaml\n(.*?)```", steps, re.S).group(1)
    profile_file = tmp_path / "content" / "profile.yaml"
    profile_file.parent.mkdir()
    profile_file.write_text(re.sub(r"^   ", "", smallest, flags=re.M), "utf-8")
    profile = load_profile(profile_file)
    assert profile.name == "Mara Quinn"
    assert profile.platforms["tiktok"].exported_on.isoformat() == "2026-11-17"
    assert "the day you downloaded the exports" in smallest


def test_the_starter_profile_explains_which_day_exported_on_is():
    lines = SCAFFOLD["content/profile.yaml"].splitlines()
    at = next(i for i, line in enumerate(lines) if "exported_on:" in line)
    note = " ".join(lines[at:at + 3])
    assert "the day YOU downloaded the exports" in note and "uncomment" in note
    assert "exported_on" in SCAFFOLD["content/data/tiktok/README.txt"]


@pytest.mark.parametrize("where", ["README.md", "docs/github-pages.md",
                                   "scaffold:content/data/tiktok/README.txt"])
def test_everyone_says_tiktok_studio_reaches_back_365_days(where):
    if where.startswith("scaffold:"):
        text = SCAFFOLD[where.removeprefix("scaffold:")]
    else:
        text = (ROOT / where).read_text("utf-8")
    flat = " ".join(text.split())
    assert "365 days" in flat
    assert not re.search(r"(only keeps|only reach back|keeps about) (about )?60 days", flat)


def test_pages_instructions_name_folders_github_offers():
    """"Deploy from a branch" serves only / or /docs: never tell a creator to pick /site."""
    for text in (README, (ROOT / "docs" / "github-pages.md").read_text("utf-8")):
        assert "`/site` folder" not in text
    publish = section("Making your own kit, step by step")
    assert "Source: GitHub Actions" in publish
    assert "mediakit build --out docs" in publish and "`/docs` folder" in publish
