"""The default as-of day and the report's JSON form, where mutation testing found no test."""

from __future__ import annotations

from datetime import date

import pandas as pd

from mediakit.analytics.analyze import analyze
from mediakit.analytics.windows import last_data_date
from tests.helpers import daily, posts


def test_the_last_data_day_skips_tables_without_the_column_or_without_dates():
    no_column = pd.DataFrame({"views": [1]})  # a table that has no "date" at all
    undated = daily([{"date": None, "followers": 1}])  # the column is there, every day missing
    days = daily([{"date": "2026-03-01", "followers": 1}, {"date": "2026-03-07", "followers": 2}])
    assert last_data_date(no_column, undated, days) == date(2026, 3, 7)
    assert last_data_date(no_column, undated) is None


def test_the_last_data_day_is_the_latest_over_all_tables():
    first = daily([{"date": "2026-03-09", "followers": 1}])
    second = posts([{"post_id": "a", "posted_at": "2026-03-08 10:00", "views": 1}])
    assert last_data_date(first, second.rename(columns={"posted_at": "date"})) == date(2026, 3, 9)


def test_the_report_as_json_writes_its_as_of_day_in_iso_form(account, profile):
    report = analyze(account, profile, date(2026, 3, 31))
    assert report.to_dict()["as_of"] == "2026-03-31"
