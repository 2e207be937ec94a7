"""`mediakit build`: progress, the closing summary, --quiet, --strict, --pdf."""

from __future__ import annotations

import json
from datetime import date

from mediakit.build import STAGES, build
from mediakit.site.pdf import install_hint
from tests.cli.conftest import TODAY
from tests.helpers import needs


def test_build_reports_pages_charts_warnings_place_and_date(invoke, demo):
    outcome = invoke("build", demo, "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    site = demo / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    files = [p for p in site.rglob("*") if p.is_file() and p.name != ".mediakit-manifest.json"]
    lines = outcome.stdout.splitlines()
    assert lines[0].startswith(f"Built {len(pages)} pages ({len(files)} files) into {site} in ")
    assert "charts:" in outcome.stdout and "from the cache" in outcome.stdout
    assert "  warnings:   none" in lines
    assert "  data as of: 2026-11-16" in lines
    assert f"Open {site / 'index.html'}" in outcome.stdout
    assert outcome.stderr == ""


def test_quiet_prints_nothing_but_warnings(invoke, small):
    outcome = invoke("build", small, "--quiet", "--today", "2026-04-30")
    assert outcome.exit_code == 0
    assert outcome.stdout == ""
    # March 10 to April 30 is 21 + 30 = 51 days
    assert outcome.stderr.strip().splitlines() == [
        "Warning: the newest data is from 2026-03-10, 51 days ago: download fresh exports "
        "before you send the kit"
    ]


def test_strict_turns_warnings_into_exit_1_and_keeps_the_old_site(invoke, small):
    assert invoke("build", small, "--today", "2026-03-12").exit_code == 0
    before = (small / "site/index.html").read_bytes()
    history = (small / "content/data/history/daily.csv").read_bytes()
    (small / "content/data/tiktok/Overview.csv").open("a").write('"March 11","5","0","0","0","0"\n')
    outcome = invoke("build", small, "--strict", "--today", "2026-04-30")
    assert outcome.exit_code == 1
    errors = outcome.stderr.strip().splitlines()
    assert errors[0].startswith("Warning: the newest data is from 2026-03-11, 50 days ago")
    assert errors[-1] == ("Error: 1 warning and --strict is on, so the site was not written "
                          "(fix the warnings above, or build without --strict)")
    assert (small / "site/index.html").read_bytes() == before
    assert (small / "content/data/history/daily.csv").read_bytes() == history
    assert invoke("build", small, "--strict", "--today", "2026-03-12").exit_code == 0


def test_progress_is_told_every_stage_in_order(demo):
    seen: list[str] = []
    result = build(demo, today=date(2026, 11, 20), progress=seen.append)
    assert seen == ["profile", "exports", "numbers", "charts", "pages", "history", "publish"]
    assert set(seen) == set(STAGES)
    assert set(result.stage_seconds) == set(seen)
    assert result.pages == len(list((demo / "site").rglob("*.html")))


def test_verbose_shows_each_stage_even_off_a_terminal(invoke, demo):
    outcome = invoke("build", demo, "--verbose", "--today", TODAY)
    assert outcome.exit_code == 0
    ticks = [line for line in outcome.stdout.splitlines() if line.startswith("✓ ")]
    assert [tick.split(" ", 1)[1].rsplit(" ", 2)[0] for tick in ticks] == [
        STAGES[key] for key in ("profile", "exports", "numbers", "charts", "pages", "history",
                                "publish")]


def test_build_in_a_real_process_writes_the_site(run, demo):
    done = run("build", demo, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Built ") and "data as of: 2026-11-16" in done.stdout
    stats = json.loads((demo / "site/stats.json").read_text())
    assert stats["as_of"] == "2026-11-16"


def _weasyprint() -> bool:
    from mediakit.site.pdf import available

    return available()


def test_pdf_is_written_and_named_in_the_summary(invoke, demo):
    needs(_weasyprint(), "WeasyPrint and Pango")
    outcome = invoke("build", demo, "--pdf", "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    pdf = demo / "site/media-kit.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert f"  pdf:        {pdf}" in outcome.stdout.splitlines()


def test_pdf_without_weasyprint_is_a_clear_error(invoke, demo, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise ModuleNotFoundError("No module named 'weasyprint'", name="weasyprint")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    outcome = invoke("build", demo, "--pdf", "--today", TODAY)
    assert outcome.exit_code == 2
    line = outcome.stderr.strip().splitlines()[-1]
    assert "WeasyPrint" in line and 'pip install "creator-mediakit[pdf]"' in line
    assert install_hint() in line  # with this system's way to get Pango
    assert not (demo / "site").exists()


def test_a_warning_quoting_the_users_files_cannot_act_on_the_terminal(invoke, small, monkeypatch):
    """A warning quotes the user's files (a caption, a column); an escape sequence in them is
    written out, not sent to the terminal (errors do the same: tests/test_errors.py)."""
    from mediakit import build as build_module

    real = build_module.freshness_warnings

    def with_escape(report, today, **options):
        return [*real(report, today, **options), "caption \x1b[2J\x1b[31mred\r over"]

    monkeypatch.setattr(build_module, "freshness_warnings", with_escape)
    outcome = invoke("build", small, "--today", "2026-03-20", "--force")
    assert outcome.exit_code == 0, outcome.output
    assert "Warning: caption \\x1b[2J\\x1b[31mred\\x0d over" in outcome.stderr
    assert "\x1b" not in outcome.stderr and "\r" not in outcome.stderr


DEMO_NOTE = ("Note: this is demo data (demo: true in content/profile.yaml): a sample creator, "
             "numbers up to 2026-11-16. Your own kit: mediakit init my-kit")


def test_the_demos_first_build_ends_on_a_note_not_a_warning(invoke, demo):
    late = "2026-12-07"  # 21 days after the demo's last day of data
    first = invoke("build", demo, "--today", late)
    assert first.exit_code == 0, first.output
    assert first.stderr == ""  # no "Warning: the newest data is from 2026-11-16, 21 days ago"
    assert first.stdout.splitlines()[-1] == DEMO_NOTE
    assert "  warnings:   none" in first.stdout.splitlines()
    again = invoke("build", demo, "--today", late)  # nothing changed: the fast path says it too
    assert "is up to date" in again.stdout and again.stderr == ""
    assert again.stdout.splitlines()[-1] == DEMO_NOTE
    assert invoke("build", demo, "--today", late, "--strict").exit_code == 0
    assert invoke("build", demo, "--today", late, "--quiet").stdout == ""


def test_a_real_project_with_old_data_still_gets_the_warning(invoke, demo):
    profile = demo / "content/profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace("\ndemo: true ", "\n# ", 1), "utf-8")
    outcome = invoke("build", demo, "--today", "2026-12-07")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr.strip() == ("Warning: the newest data is from 2026-11-16, 21 days ago: "
                                      "download fresh exports before you send the kit")
    assert "Note:" not in outcome.stdout
