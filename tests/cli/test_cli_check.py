"""`mediakit check`: the data quality report and its exit status (0 clean, 1 warnings, 2 errors).

The hand-made creator (see conftest.small) has daily numbers for March 1-3 and 7-10, 2026:
March 4-6 are missing from every export, and nothing else is exported.
"""

from __future__ import annotations

import shutil
from datetime import date

import pandas as pd

from mediakit import history
from mediakit.analytics.report import PlatformReport
from mediakit.commands.check_report import (
    ERROR,
    NOTE,
    WARNING,
    check,
    daily_holes,
    describe_days,
    missing_metrics,
)
from mediakit.project.profile import load_profile
from tests import helpers
from tests.cli.conftest import TODAY

HOLE = ("TikTok: no daily data for 2026-03-04 to 2026-03-06 (3 days): the charts have a hole "
        "there (an export covering those days fills them; download one now)")
MISSING = [
    "TikTok: typical views per post will show as missing",
    "TikTok: the engagement rate will show as missing",
    "TikTok: your best posts will show as missing",
    "TikTok: the best time to post will show as missing",
    "TikTok: the audience's gender will show as missing",
    "TikTok: the audience's countries will show as missing",
]


def test_the_demo_is_clean_and_every_export_is_described(invoke, demo):
    outcome = invoke("check", demo, "--today", TODAY)
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert lines[0] == "Profile: content/profile.yaml is valid (Mara Quinn)"
    result = check(demo, today=date(2026, 11, 20))
    assert f"Exports read ({len(result.exports)}):" in lines
    # Overview.csv has 365 daily rows, November 17, 2025 to November 16, 2026
    assert "  data/tiktok/Overview.csv: overview, 365 rows, 2025-11-17 to 2026-11-16" in lines
    assert "  data/tiktok/FollowerGender.csv: follower gender, 3 rows" in lines
    assert "The kit's numbers are as of 2026-11-16." in lines
    assert lines[-1].startswith("0 errors, 0 warnings, ")
    assert lines[-1].endswith("all good: ready to build.")
    # A reader's note about an expected export quirk is passed on
    assert any("FollowerActivity.csv: left out 2026-11-16" in line for line in lines)
    assert not (demo / "site").exists() and not (demo / "content/data/history").exists()


def test_the_demo_undefined_days_are_named(demo):
    result = check(demo, today=date(2026, 11, 20))
    # Viewers.csv says "undefined" for Total Viewers on its first 20 days (Nov 17 - Dec 6, 2025)
    assert ("TikTok: 'reached' has no value on 2025-11-17 to 2025-12-06 (20 days) (the export "
            "says \"undefined\" or does not cover those days); they count as missing, not as "
            "zero") in result.of(NOTE)


def test_holes_and_missing_metrics_are_warnings_exit_1(invoke, small):
    outcome = invoke("check", small, "--today", "2026-03-12")
    assert outcome.exit_code == 1
    result = check(small, today=date(2026, 3, 12))
    warnings = result.of(WARNING)
    assert warnings[0] == HOLE
    assert [text.split(";")[0] for text in warnings[1:]] == MISSING
    assert warnings[1] == ("TikTok: typical views per post will show as missing; add the Content "
                           "download from TikTok Studio")
    # TikTok exports no age split: not a warning, a note saying how to self-report it
    assert ("TikTok: the audience's age will show as missing: TikTok's exports do not include "
            "it; copy it from the app into profile.yaml under audience.tiktok.age (it is then "
            "labelled as self-reported)") in result.of(NOTE)
    assert result.of(ERROR) == []
    (coverage,) = result.coverage
    # 7 days with numbers between March 1 and March 10; no posts
    assert (coverage.first_date, coverage.last_date, coverage.days, coverage.posts) == (
        date(2026, 3, 1), date(2026, 3, 10), 7, 0)
    assert "TikTok: daily data from 2026-03-01 to 2026-03-10 (7 days), 0 posts" in outcome.stdout
    assert outcome.stdout.splitlines()[-1] == (
        f"0 errors, {len(warnings)} warnings, {len(result.of(NOTE))} notes: ready to build, "
        "but look at the warnings first.")


def test_stale_data_is_a_warning(small):
    result = check(small, today=date(2026, 4, 30))
    # March 10 to April 30: 21 + 30 = 51 days
    assert ("the newest data is from 2026-03-10, 51 days ago: download fresh exports before you "
            "send the kit") in result.of(WARNING)
    assert check(small, today=date(2026, 3, 24)).of(WARNING)[0] == HOLE  # 14 days: not stale


def test_demo_data_is_a_note_not_a_stale_warning(small):
    profile = small / "content/profile.yaml"
    profile.write_text("demo: true\n" + profile.read_text("utf-8"), "utf-8")
    result = check(small, today=date(2026, 4, 30))
    assert not any("days ago" in text for text in result.of(WARNING))
    assert ("this is demo data (demo: true in content/profile.yaml): a sample creator, numbers "
            "up to 2026-03-10. Your own kit: mediakit init my-kit") in result.of(NOTE)


def test_a_hole_too_old_to_download_again_is_only_a_note(small):
    # The saved history holds Nov 1, 2025 - Feb 28, 2026 except Nov 3 and 4.
    days = pd.date_range("2025-11-01", "2026-02-28", freq="D")
    kept = [day for day in days if day.strftime("%m-%d") not in ("11-03", "11-04")]
    frame = helpers.daily([{"date": day, "followers": 900, "views": 50} for day in kept])
    folder = small / "content/data/history"
    folder.mkdir(parents=True)
    (folder / "daily.csv").write_bytes(history.to_csv_bytes(frame, "daily"))
    result = check(small, today=date(2026, 3, 12))
    # Nov 4 is 126 days before March 10: no export can bring it back, so it is a note.
    assert ("TikTok: no daily data for 2025-11-03 to 2025-11-04 (2 days): the charts have a hole "
            "there (they are older than 60 days, so an export can no longer fill them)"
            ) in result.of(NOTE)
    assert HOLE in result.of(WARNING)
    (coverage,) = result.coverage
    # Nov 1 - Feb 28 is 120 days, minus the 2 missing, plus the 7 exported March days
    assert (coverage.first_date, coverage.days) == (date(2025, 11, 1), 120 - 2 + 7)


def test_undefined_headline_days_in_the_last_30_days_are_warnings(small):
    data = small / "content/data/tiktok"
    text = (data / "FollowerHistory.csv").read_text().replace('"1009","1"', '"undefined","1"')
    (data / "FollowerHistory.csv").write_text(text)
    result = check(small, today=date(2026, 3, 12))
    assert ("TikTok: 'followers' has no value on 2026-03-09 (1 day) (the export says \"undefined\""
            " or does not cover those days); they count as missing, not as zero"
            ) in result.of(WARNING)


def test_duplicate_and_overlapping_exports_are_notes(small):
    data = small / "content/data/tiktok"
    (data / "old").mkdir()
    shutil.copy(data / "Overview.csv", data / "old/Overview.csv")
    result = check(small, today=date(2026, 3, 12))
    assert ("the same export is saved 2 times (data/tiktok/Overview.csv, "
            "data/tiktok/old/Overview.csv); mediakit reads it once, so you may delete the copies"
            ) in result.of(NOTE)
    assert ("TikTok: 2 overview exports cover the same days, 2026-03-01 to 2026-03-10 (10 days) "
            "(data/tiktok/Overview.csv, data/tiktok/old/Overview.csv); where they overlap, the "
            "newest export's numbers are used") in result.of(NOTE)


def test_the_analytics_notes_are_shown(small, monkeypatch):
    import mediakit.commands.check_report as check_module

    real = check_module.analyze

    def with_note(*args, **kwargs):
        report = real(*args, **kwargs)
        report.notes = ["follower jump on 2026-03-07 that views do not explain"]
        return report

    monkeypatch.setattr(check_module, "analyze", with_note)
    result = check(small, today=date(2026, 3, 12))
    assert result.of(NOTE)[-1] == "follower jump on 2026-03-07 that views do not explain"


def test_a_broken_export_is_an_error_exit_2_and_the_rest_is_still_read(invoke, run, small):
    (small / "content/data/tiktok/Overview.csv").write_bytes(b"\x00\x01garbage\xff")
    outcome = invoke("check", small, "--today", "2026-03-12")
    assert outcome.exit_code == 2
    errors = outcome.stdout.split("Errors (")[1].split("\n")
    assert any("data/tiktok/Overview.csv" in line for line in errors)
    assert outcome.stdout.splitlines()[0] == "Profile: content/profile.yaml is valid (Test Creator)"
    done = run("check", small, "--today", "2026-03-12")
    assert done.returncode == 2 and "Traceback" not in done.stdout + done.stderr


def test_a_bad_profile_is_an_error_exit_2(invoke, small):
    (small / "content/profile.yaml").write_text("name: Test\nplatforms: {tiktok: {}}\n")
    outcome = invoke("check", small)
    assert outcome.exit_code == 2
    result = check(small)
    assert len(result.of(ERROR)) == 1 and "profile.yaml" in result.of(ERROR)[0]
    assert result.exports == [] and result.profile is None


def test_check_in_a_real_process(run, demo):
    done = run("check", demo, "--today", TODAY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors, 0 warnings" in done.stdout


def test_days_are_described_as_ranges():
    march = [date(2026, 3, day) for day in (1, 2, 3, 9)]
    assert describe_days(march) == "2026-03-01 to 2026-03-03 and 2026-03-09 (4 days)"
    assert describe_days([date(2026, 3, 9)]) == "2026-03-09 (1 day)"
    scattered = [date(2026, 3, day) for day in (1, 3, 5, 7, 9)]
    assert describe_days(scattered) == (
        "2026-03-01, 2026-03-03, 2026-03-05 and 2 more stretches (5 days)")


def test_a_snapshot_column_is_not_reported_as_missing_days():
    # Ten days of views; the follower total is known on the last day only (one per export).
    rows = [{"date": f"2026-03-{day:02d}", "views": 10 * day} for day in range(1, 11)]
    rows[-1]["followers"] = 1500
    assert daily_holes(helpers.daily(rows, platform="instagram"), "instagram",
                       date(2026, 3, 10)) == []
    # Views known on 8 of 10 days is a series with 2 missing days, in the last 30: a warning.
    rows[3]["views"] = rows[4]["views"] = None
    assert daily_holes(helpers.daily(rows, platform="instagram"), "instagram",
                       date(2026, 3, 10)) == [(WARNING, (
                           "Instagram: 'views' has no value on 2026-03-04 to 2026-03-05 (2 days) "
                           "(the export says \"undefined\" or does not cover those days); they "
                           "count as missing, not as zero"))]


def test_numbers_a_platform_never_exports_are_notes_not_warnings(small):
    data = PlatformReport(platform="youtube", handle="@test", url=None)
    found = dict((text.split(":")[1].split(" will")[0].strip(), level)
                 for level, text in missing_metrics(data, load_profile(
                     small / "content/profile.yaml")))
    assert found == {
        "the follower count": NOTE,  # YouTube Studio exports no subscriber total
        "views over the last 30 days": WARNING,
        "typical views per post": WARNING,
        "the engagement rate": WARNING,
        "your best posts": WARNING,
        "the best time to post": NOTE,
        "the audience's gender": NOTE,
        "the audience's age": NOTE,
        "the audience's countries": NOTE,
    }
