"""The real English 365-day TikTok Studio export (shared/samples/tiktok-en-365d, downloaded
2026-02-28, days 2025-02-28 .. 2026-02-27), checked against numbers worked out by hand from the
raw CSVs with awk.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit.sources import load_platform
from mediakit.tables import Account
from tests.helpers import needs

SAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "tiktok-en-365d"

needs(SAMPLE.is_dir(), f"the real TikTok sample at {SAMPLE} (the shared/ folder beside the "
      "checkout)")


@pytest.fixture(scope="module")
def account() -> Account:
    return load_platform("tiktok", SAMPLE, content_dir=SAMPLE.parent, exported_on=date(2026, 2, 28))


def _daily(account: Account) -> pd.DataFrame:
    return account.daily.set_index("date")


def test_daily_runs_from_2025_02_28_to_2026_02_27(account: Account) -> None:
    daily = account.daily
    # 365 rows each in Overview/Viewers/FollowerHistory, "February 28" .. "February 27".
    assert len(daily) == 365
    assert daily["date"].iloc[0].date() == date(2025, 2, 28)
    assert daily["date"].iloc[-1].date() == date(2026, 2, 27)
    assert daily["date"].diff().dropna().eq(pd.Timedelta(days=1)).all()


def test_followers_now_thirty_days_ago_and_the_change(account: Account) -> None:
    followers = _daily(account)["followers"]
    # FollowerHistory.csv line 366: "February 27","5013","3"
    assert followers[pd.Timestamp("2026-02-27")] == 5013
    # 30 days earlier, 2026-01-28, line 336: "January 28","5000","1"
    assert followers[pd.Timestamp("2026-01-28")] == 5000
    assert (
        followers[pd.Timestamp("2026-02-27")] - followers[pd.Timestamp("2026-01-28")] == 13
    )  # 5013 - 5000
    # The first 25 rows (February 28 .. March 24) are "undefined": missing, not 0.
    assert followers.iloc[:25].isna().all()
    assert followers[pd.Timestamp("2025-03-25")] == 37  # "March 25","37","0"


def test_views_and_profile_views_over_the_last_30_days(account: Account) -> None:
    window = _daily(account).loc["2026-01-29":"2026-02-27"]
    assert len(window) == 30
    # Overview.csv "Video Views", January 29 .. February 27:
    # 18380+21530+19122+12416+41895+31073+8857+27370+15588+10396+32753+13594+5520+17592+7886
    # +12201+21631+6614+6952+20847+9723+25353+21400+43886+39647+29938+32320+25574+18327+18237
    # = 616622
    assert window["views"].sum() == 616622
    # "Profile Views", same days:
    # 18+27+22+14+50+36+13+38+17+13+35+15+6+18+7+15+20+12+5+23+12+24+28+45+40+31+34+28+21+15
    # = 682
    assert window["profile_views"].sum() == 682


def test_whole_year_totals_and_quirks(account: Account) -> None:
    daily = account.daily
    # awk -F'","' 'NR>1{s+=$2} END{print s}' Overview.csv -> 2946198
    assert daily["views"].sum() == 2946198
    # awk -F'","' 'NR>1 && $5+0<0' Overview.csv | wc -l -> 35 days with negative comments
    assert (daily["comments"] < 0).sum() == 35
    # Viewers.csv: 25 "undefined" Total Viewers, New/Returning "0" on those days.
    assert daily["reached"].isna().sum() == 25
    assert daily["new_viewers"].notna().all()
    last = _daily(account).loc[pd.Timestamp("2026-02-27")]
    # "February 27","15752","9979","5773"
    assert (last["reached"], last["new_viewers"], last["returning_viewers"]) == (15752, 9979, 5773)


def test_gender_and_territory_shares(account: Account) -> None:
    audience = account.audience
    gender = audience[audience["dimension"] == "gender"].set_index("segment")["share"]
    assert gender.round(3).to_dict() == {"female": 0.59, "male": 0.41, "other": 0.0}
    country = audience[audience["dimension"] == "country"].set_index("segment")["share"]
    assert country.round(3).to_dict() == {
        "CA": 0.001,
        "DE": 0.001,
        "EG": 0.219,
        "GB": 0.009,
        "MX": 0.019,
        "NG": 0.004,
        "RO": 0.001,
        "SA": 0.002,
        "TR": 0.071,
        "US": 0.462,
        "other": 0.211,  # "Others"
    }
    # .462+.219+.071+.019+.009+.004+.002+.001+.001+.001+.211 = 1.000
    assert country.sum() == pytest.approx(1.0)
    assert audience["as_of"].dt.date.unique().tolist() == [date(2026, 2, 28)]


def test_thirteen_posts_with_years_before_the_snapshot(account: Account) -> None:
    posts = account.posts.set_index("post_id")
    assert len(posts) == 13  # 13 data rows in Content.csv, all distinct links
    assert posts["snapshot_date"].dt.date.unique().tolist() == [date(2026, 2, 28)]  # Time
    # Post time "July 16" <= 2026-02-28 -> 2025-07-16; "February 1" -> 2026-02-01.
    assert posts.loc["7527623000473079054", "posted_at"].date() == date(2025, 7, 16)
    assert posts.loc["7602008805399940407", "posted_at"].date() == date(2026, 2, 1)
    first = posts.loc["7527623000473079054"]
    # "533","32","16","191265"
    assert (first["likes"], first["comments"], first["shares"], first["views"]) == (
        533,
        32,
        16,
        191265,
    )
    assert first["hashtags"] == "unbrush unbrushplus unbrushhairbrush"
    assert posts.loc["7531345990947851551", "title"] == ""  # empty caption


def test_activity_leaves_out_the_zero_filled_last_day(account: Account) -> None:
    # 168 rows, February 21 .. 27; February 27 hours 18-23 are "0" -> that day is dropped.
    activity = account.activity
    assert len(activity) == 144
    assert activity["date"].max().date() == date(2026, 2, 26)
    assert any("left out 2026-02-27" in note for note in account.notes)
    assert len(account.files) == 7
