"""What every command shares: --version, --help with examples, one-line errors, exit statuses."""

from __future__ import annotations

import pytest

from mediakit import __version__

COMMANDS = ("init", "build", "serve", "check", "stats", "import")


def test_version_is_printed(invoke, run):
    assert invoke("--version").output.strip() == f"mediakit, version {__version__}"
    done = run("--version")
    assert done.returncode == 0 and __version__ in done.stdout


def test_the_top_help_lists_every_command_with_examples(invoke):
    outcome = invoke("--help")
    assert outcome.exit_code == 0
    for command in COMMANDS:
        assert f"  {command} " in outcome.output
    assert "Examples:" in outcome.output and "mediakit serve --open" in outcome.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(invoke, command):
    outcome = invoke(command, "--help")
    assert outcome.exit_code == 0
    assert "Examples:" in outcome.output
    assert f"mediakit {command}" in outcome.output.split("Examples:")[1]


def test_help_works_in_a_real_process(run):
    done = run("build", "--help")
    assert done.returncode == 0 and "--strict" in done.stdout and "Examples:" in done.stdout


def test_a_user_error_is_one_line_exit_2_without_traceback(invoke, small):
    (small / "content/profile.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    for command in ("build", "stats"):
        outcome = invoke(command, small)
        assert outcome.exit_code == 2, command
        assert outcome.stdout == ""
        lines = outcome.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ")
        assert "profile.yaml:1" in lines[0] and "Traceback" not in outcome.stderr


def test_verbose_or_mediakit_debug_shows_the_traceback(invoke, run, small):
    (small / "content/profile.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    verbose = invoke("build", small, "--verbose")
    assert verbose.exit_code == 2 and "Traceback" in verbose.stderr
    assert verbose.stderr.strip().splitlines()[-1].startswith("Error: ")
    debug = run("build", small, env={"MEDIAKIT_DEBUG": "1"})
    assert debug.returncode == 2 and "Traceback" in debug.stderr
    quiet = run("build", small)
    assert quiet.returncode == 2 and "Traceback" not in quiet.stderr
    assert len(quiet.stderr.strip().splitlines()) == 1


def test_a_bug_is_an_internal_error_exit_3_with_traceback_only_in_verbose(invoke, small,
                                                                           monkeypatch):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("mediakit.build.analyze_project", broken)
    outcome = invoke("stats", small)
    assert outcome.exit_code == 3
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "internal error" in lines[0] and "ZeroDivisionError" in lines[0]
    assert "please report it" in lines[0]
    verbose = invoke("stats", small, "-v")
    assert verbose.exit_code == 3 and "Traceback" in verbose.stderr


def test_output_is_plain_when_not_a_terminal(run, small):
    done = run("check", small, "--today", "2026-03-12")
    assert "\x1b[" not in done.stdout + done.stderr  # no colour codes in a pipe or a log file
