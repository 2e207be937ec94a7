"""Year-less localized dates: every language TikTok writes, and the year worked out backwards."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from babel import Locale

from mediakit.errors import SourceError
from mediakit.sources.dates import (
    MonthDay,
    chronological_years,
    latest_years,
    parse_column,
    parse_month_day,
    to_datetimes,
)


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("February 28", 2, 28),  # en-US, the real sample
        ("28 August", 8, 28),  # en-GB
        ("Feb 28", 2, 28),
        ("Sept. 3", 9, 3),
        ("4 septembre", 9, 4),  # fr
        ("28 août", 8, 28),
        ("1er mai", 5, 1),
        ("8 de marzo", 3, 8),  # es
        ("8 de março", 3, 8),  # pt
        ("8. März", 3, 8),  # de
        ("8 März", 3, 8),
        ("8 marzo", 3, 8),  # it
        ("25 Φεβρουαρίου", 2, 25),  # el genitive
        ("18 Μαρτίου", 3, 18),
        ("25 Φεβρουάριος", 2, 25),  # el nominative
        ("18 tháng Sáu", 6, 18),  # vi
        ("18 tháng 6", 6, 18),
        ("2 tháng Mười Hai", 12, 2),
        ("8 maart", 3, 8),  # nl
        ("8 Mart", 3, 8),  # tr
        ("12 października", 10, 12),  # pl genitive
        ("28 февраля", 2, 28),  # ru
        ("2月28日", 2, 28),  # ja / zh-TW
        ("2월 28일", 2, 28),  # ko
    ],
)
def test_localized_month_day_is_parsed(text: str, month: int, day: int) -> None:
    assert parse_month_day(text) == MonthDay(month, day)


@pytest.mark.parametrize("text", ["AOÛT 28", "28 AOUT", "28 aout", "  28   août ", "28 Août"])
def test_case_accents_and_spacing_do_not_matter(text: str) -> None:
    assert parse_month_day(text) == MonthDay(8, 28)


@pytest.mark.parametrize("text", ["Smarch 3", "", "February 30", "31 avril", "28", "hello"])
def test_text_that_is_not_a_date_is_refused(text: str) -> None:
    assert parse_month_day(text) is None


def test_full_dates_keep_their_year() -> None:
    # An XLSX re-saved by Excel may hold real dates; they need no inference.
    assert parse_month_day("2026-02-28") == MonthDay(2, 28, 2026)
    assert parse_month_day("Feb 28, 2026") == MonthDay(2, 28, 2026)
    assert parse_month_day("2025-02-29") is None  # no such day


LOCALES = ["en", "en_GB", "fr", "es", "pt", "pt_BR", "de", "it", "nl", "el", "vi", "id", "tr"]
LOCALES += [
    "pl",
    "ro",
    "sv",
    "da",
    "nb",
    "ru",
    "uk",
    "ar",
    "th",
    "hi",
    "ms",
    "hu",
]  # CJK: see above


@pytest.mark.parametrize("locale", LOCALES)
def test_every_babel_month_name_of_the_locale_is_known(locale: str) -> None:
    # Cross-check the hand-written table against CLDR: "<day> <month name>" for all 12 months,
    # in both the "format" (genitive) and "stand-alone" (nominative) forms.
    months = Locale.parse(locale).months
    for context in ("format", "stand-alone"):
        for number, name in months[context]["wide"].items():
            assert parse_month_day(f"17 {name}") == MonthDay(number, 17), (locale, name)


@pytest.mark.parametrize("locale", ["en", "en_GB", "fr", "es", "pt", "de", "it", "nl", "id"])
def test_babel_abbreviated_month_names_are_known(locale: str) -> None:
    months = Locale.parse(locale).months
    for context in ("format", "stand-alone"):
        for number, name in months[context]["abbreviated"].items():
            assert parse_month_day(f"{name} 17") == MonthDay(number, 17), (locale, name)


def _years(texts: list[str], anchor: date) -> list[int]:
    values = pd.Series(texts, index=range(2, len(texts) + 2), dtype="str")
    parsed = parse_column(values, file="Overview.csv", column="Date")
    years = chronological_years(
        parsed, anchor, file="Overview.csv", column="Date", rows=values.index
    )
    return years.tolist()


def test_year_steps_back_when_the_month_day_jumps_up_going_backwards() -> None:
    # Exported 2026-01-02: the last row (January 1) is the latest Jan 1 <= 2026-01-05 -> 2026;
    # going back, Dec 31 > Jan 1 as month-day, so the year drops to 2025.
    assert _years(["December 30", "December 31", "January 1"], date(2026, 1, 2)) == [
        2025,
        2025,
        2026,
    ]


def test_last_row_may_be_up_to_three_days_after_the_anchor() -> None:
    # A slightly wrong exported_on (a day or two early) must not push the data back a year.
    assert _years(["January 3", "January 4"], date(2026, 1, 2)) == [2026, 2026]
    # Four days later is more than the slack: that January 6 is last year's.
    assert _years(["January 6"], date(2026, 1, 2)) == [2025]


def test_three_year_daily_file_gets_three_year_changes() -> None:
    days = pd.date_range("2023-03-01", "2026-02-27", freq="D")
    texts = [f"{day:%B} {day.day}" for day in days]
    years = _years(texts, date(2026, 2, 28))
    assert years == [day.year for day in days]


def test_repeated_dates_of_hourly_rows_do_not_change_the_year() -> None:
    texts = ["December 31"] * 24 + ["January 1"] * 24
    assert _years(texts, date(2026, 1, 2)) == [2025] * 24 + [2026] * 24


def test_february_29_lands_on_a_leap_year() -> None:
    assert _years(["February 28", "February 29", "March 1"], date(2024, 3, 2)) == [2024] * 3
    # The latest February 29 on or before 2026-03-03 is in 2024.
    assert latest_years(np.array([2]), np.array([29]), date(2026, 3, 3)).tolist() == [2024]


def test_february_29_in_a_common_year_is_a_clear_error() -> None:
    # Anchored in 2025, "March 1" is 2025-03-01, so the "February 29" before it cannot exist.
    with pytest.raises(SourceError) as caught:
        _years(["February 28", "February 29", "March 1"], date(2025, 3, 2))
    message = str(caught.value)
    assert message.startswith("Overview.csv:3: Date: February 29 would fall in 2025")
    assert "exported_on" in message


def test_rows_out_of_date_order_are_refused_not_misdated() -> None:
    # A file someone sorted by views in a spreadsheet: the year would wrap at every row.
    texts = ["March 3", "January 9", "May 1", "February 2", "April 4", "January 1"]
    with pytest.raises(SourceError, match="not in date order"):
        _years(texts, date(2026, 5, 10))


def test_two_rows_in_reverse_order_are_refused() -> None:
    # Newest first would mean a 364-day gap between two rows of a daily file: not TikTok's order.
    with pytest.raises(SourceError, match="Overview.csv:3: Date: the rows are not in date order"):
        _years(["January 2", "January 1"], date(2026, 1, 3))


def test_missing_days_in_order_keep_their_years() -> None:
    # Rows deleted by hand leave gaps, but the dates still only move forward: no year is in doubt.
    assert _years(["January 1", "March 7", "March 8"], date(2026, 3, 10)) == [2026] * 3


def test_unknown_date_names_its_spreadsheet_row_and_column() -> None:
    values = pd.Series(["February 27", "Smarch 3"], index=[2, 3], dtype="str")
    with pytest.raises(SourceError) as caught:
        parse_column(values, file="data/tiktok/Overview.csv", column="Date")
    assert str(caught.value).startswith(
        "data/tiktok/Overview.csv:3: Date: 'Smarch 3' is not a date mediakit can read"
    )


def test_post_time_is_the_latest_date_on_or_before_the_snapshot_day() -> None:
    # formats.md: Time "11 septembre" with Post time "30 septembre" is the previous year.
    snapshot = pd.Series(pd.to_datetime(["2025-09-11", "2025-09-11"]))
    years = latest_years(np.array([9, 9]), np.array([30, 1]), snapshot)
    assert years.tolist() == [2024, 2025]


def test_datetimes_are_midnight_nanosecond_timestamps() -> None:
    values = pd.Series(["December 31", "January 1"], index=[2, 3], dtype="str")
    parsed = parse_column(values, file="f.csv", column="Date")
    stamps = to_datetimes(np.array([2025, 2026]), parsed, values.index)
    assert str(stamps.dtype) == "datetime64[ns]"
    assert stamps.tolist() == [pd.Timestamp("2025-12-31"), pd.Timestamp("2026-01-01")]
    assert stamps.index.tolist() == [2, 3]


@pytest.mark.parametrize(("month", "day", "limit", "year"), [
    (11, 16, date(2026, 11, 16), 2026),  # a post made on the day of the export: this year
    (11, 17, date(2026, 11, 16), 2025),  # the day after the limit can only be last year's
    (11, 15, date(2026, 11, 16), 2026),  # the day before: this year
    (12, 31, date(2027, 1, 1), 2026),  # over the year turn
    (1, 1, date(2027, 1, 1), 2027),  # New Year's Day exported on New Year's Day
    (2, 29, date(2028, 2, 29), 2028),  # 29 February on a leap 29 February
    (2, 29, date(2028, 2, 28), 2024),  # ... the day before it: the leap day four years back
    (3, 1, date(2028, 2, 29), 2027),
])
def test_latest_years_on_the_boundaries(month, day, limit, year):
    assert latest_years(np.array([month]), np.array([day]), limit).tolist() == [year]
    # the same answer when the limit comes row by row (a Series of snapshot days)
    limits = pd.Series(pd.to_datetime([limit]))
    assert latest_years(np.array([month]), np.array([day]), limits).tolist() == [year]
