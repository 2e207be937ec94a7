"""str(MediakitError) is one printable line, whatever the user's files hold.

Messages quote column names, YAML keys and cells; a terminal would act on an escape sequence, a
carriage return or a bidi override in them, so those are written out as escapes.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.errors import ConfigError, MediakitError, SourceError
from mediakit.project.profile import load_profile
from mediakit.sources import load_platform

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _acts_on_a_terminal(char: str) -> bool:
    return char in BIDI or unicodedata.category(char) in ("Cc", "Cs")


def test_escape_sequence_and_carriage_return_are_written_out() -> None:
    error = SourceError("its columns are 'Da\x1b[2Jte', 'Views\r'", file="data/tiktok/x.csv",
                        line=1, field="Date", hint="use the\tfile as downloaded")
    assert str(error) == (
        "data/tiktok/x.csv:1: Date: its columns are 'Da\\x1b[2Jte', 'Views\\x0d' "
        "(use the\\x09file as downloaded)"
    )


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\x00", "\\x00"),  # C0
        ("\x07", "\\x07"),  # bell
        ("\n", "\\x0a"),
        ("\x7f", "\\x7f"),  # DEL
        ("\x85", "\\x85"),  # C1 "next line"
        ("\x9b", "\\x9b"),  # C1 CSI: starts an escape sequence on its own on some terminals
        ("\u202e", "\\u202e"),  # right-to-left override
        ("\u202a", "\\u202a"),
        ("\u2066", "\\u2066"),  # left-to-right isolate
        ("\u2069", "\\u2069"),
        ("\udcff", "\\udcff"),  # half a character: a file name that was not UTF-8
    ],
)
def test_each_control_character_becomes_an_escape(char: str, shown: str) -> None:
    assert str(ConfigError(f"unknown key 'a{char}b'")) == f"unknown key 'a{shown}b'"


def test_letters_accents_and_emoji_stay_as_typed() -> None:
    text = "Café 日本語 Ελληνικά العربية 👩\u200d💻 naïve"  # \u200d: the joiner inside the emoji
    assert str(MediakitError(f"got '{text}'", file="content/profile.yaml")) == (
        f"content/profile.yaml: got '{text}'"
    )


def test_a_backslash_typed_by_the_user_is_kept() -> None:
    assert str(MediakitError("x", file="C:\\Users\\mara\\kit")) == (
        "C:\\Users\\mara\\kit: x"
    )


@settings(max_examples=300)
@given(st.text(), st.text(), st.text())
def test_any_text_gives_one_printable_line(message: str, field: str, hint: str) -> None:
    shown = str(MediakitError(message, file="f.csv", line=3, field=field or None,
                              hint=hint or None))
    assert "\n" not in shown and "\r" not in shown
    assert not any(_acts_on_a_terminal(char) for char in shown)


def test_a_csv_header_with_an_escape_sequence_reaches_no_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "data" / "tiktok"
    folder.mkdir(parents=True)
    (folder / "Overview.csv").write_bytes(b'"Date\x1b[31m","Vi\rews"\n"May 1","3"\n')
    with pytest.raises(SourceError) as caught:
        load_platform("tiktok", folder, content_dir=tmp_path / "content")
    shown = str(caught.value)
    assert "its columns are 'Date\\x1b[31m', 'Vi\\x0dews'" in shown
    assert not any(_acts_on_a_terminal(char) for char in shown)


def test_a_yaml_key_with_a_carriage_return_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text('name: X\nplatforms: {tiktok: {handle: "@x"}}\n"tag\\rline": hi\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert f"{path}:3: tag\\x0dline: unknown key 'tag\\x0dline'" in str(caught.value)


def test_a_missing_test_tool_fails_under_ci_on_linux_and_skips_elsewhere(monkeypatch):
    import sys

    import pytest

    from tests.helpers import needs

    needs(True, "anything")  # present: nothing happens
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium is missing on the CI machine"):
        needs(False, "Chromium")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        needs(False, "Chromium")
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(sys, "platform", "darwin")  # the macOS runner has no Debian Chromium
    with pytest.raises(pytest.skip.Exception):
        needs(False, "Chromium")
