"""`mediakit stats`: the headline numbers without building; --json is site/stats.json."""

from __future__ import annotations

import json

from tests.cli.conftest import TODAY


def test_json_is_exactly_the_sites_stats_json(invoke, demo):
    before = invoke("stats", demo, "--json", "--today", TODAY)
    assert before.exit_code == 0
    assert not (demo / "site").exists()  # stats builds nothing
    assert invoke("build", demo, "--quiet", "--today", TODAY).exit_code == 0
    assert before.stdout == (demo / "site/stats.json").read_text("utf-8")


def test_the_table_shows_the_hand_made_numbers(invoke, small):
    outcome = invoke("stats", small, "--today", "2026-03-12")
    assert outcome.exit_code == 0, outcome.output
    rows: dict[str, str] = {}
    label = ""
    for line in outcome.stdout.splitlines():
        if line.count("│") != 3:
            continue
        first, second = (cell.strip() for cell in line.split("│")[1:3])
        if first:  # a cell rich wrapped continues on lines with an empty first column
            label = first
            rows[label] = second
        else:
            rows[label] = f"{rows[label]} {second}".strip()
    assert "Test Creator: data as of 2026-03-10" in outcome.stdout
    assert "TikTok @testcreator" in outcome.stdout
    assert rows["Followers"] == "1,010"  # 1000 + 10 on March 10
    # The 30 days ending March 10 hold every exported day: 100 x (1+2+3+7+8+9+10) = 4,000; the
    # data spans only March 1 .. 10, and the figure says so
    assert rows["Views, last 30 days"] == "4,000 (last 10 days — all the data there is)"
    assert rows["Profile views, last 30 days"] == (  # 1+2+3+7+8+9+10
        "40 (last 10 days — all the data there is)")
    assert rows["Views over an export's period"] == "—"  # TikTok gives no period totals
    # No count 30 days before March 10 (Feb 8) and no posts: shown as missing, never as 0
    assert rows["Change, last 30 days"] == "—"
    assert rows["Typical views per post (median)"] == "—"
    assert rows["Engagement per view"] == "—"
    assert rows["Gender"] == "—" and rows["Best hours to post"] == "—"


def test_stats_in_a_real_process_prints_json(run, small):
    done = run("stats", small, "--json", "--today", "2026-03-12")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["as_of"] == "2026-03-10"
    assert data["platforms"]["tiktok"]["followers"] == 1010
    assert data["platforms"]["tiktok"]["views_30d"] == 4000


def test_stale_data_is_warned_about_on_stderr(invoke, small):
    outcome = invoke("stats", small, "--today", "2026-04-30")
    assert outcome.exit_code == 0
    assert "51 days ago" in outcome.stderr and "51 days ago" not in outcome.stdout
