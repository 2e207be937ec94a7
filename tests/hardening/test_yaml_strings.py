"""YAML 1.1 look-alikes stay the text the creator typed, all the way to the page.

PyYAML's default rules would turn ``NO`` into false, ``012345`` into 5349 (octal), ``1.10`` into
1.1, ``2026-01-01`` into a date and ``.inf`` into infinity. Where the schema says "text", the
kit must show exactly what was written, unquoted, in the profile and in a pitch's header.
"""

from __future__ import annotations

import html
import re

import pytest
from click.testing import CliRunner

from mediakit.commands.main import main
from tests.hardening.projects import TODAY, small_project, templates_compiled_once

PROFILE = """\
name: NO
tagline: 012345
niche: 1.10
location: Yes
languages: [NO, 1e3]
platforms:
  tiktok:
    handle: "@testcreator"
    exported_on: 2026-03-12
rates:
  - deliverable: 1_000
    price: 500
    notes: 2026-01-01
partners:
  - name: ON
testimonials:
  - quote: .inf
    author: 0o17
    role: 0x1F
site:
  title: 12:30:00
"""
PITCH = """\
---
brand: Off
prepared_for: 007
deliverables: [3.0]
price: 500
valid_until: 2026-04-30
---
Hello.
"""
PROFILE_VALUES = ["NO", "012345", "1.10", "Yes", "1e3", "1_000", "2026-01-01", "ON", ".inf",
                  "0o17", "0x1F", "12:30:00"]
PITCH_VALUES = ["Off", "007", "3.0"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("yaml") / "kit"
    small_project(root, profile=PROFILE, files={"pitches/off.md": PITCH.encode()})
    with pytest.MonkeyPatch.context() as monkeypatch, templates_compiled_once(monkeypatch):
        result = CliRunner().invoke(main, ["build", str(root), "--quiet", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return {path.relative_to(root / "site").as_posix(): _text(path.read_text("utf-8"))
            for path in (root / "site").rglob("*.html")}


def _text(page: str) -> str:
    """The words a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("value", PROFILE_VALUES)
def test_profile_text_is_shown_as_typed(pages: dict[str, str], value: str) -> None:
    assert re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", pages["index.html"]), value


@pytest.mark.parametrize("value", PITCH_VALUES)
def test_pitch_header_text_is_shown_as_typed(pages: dict[str, str], value: str) -> None:
    assert re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", pages["pitches/off.html"])

