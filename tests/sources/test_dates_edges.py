"""The edges of date reading that mutation testing found unguarded (benchmarks/MUTATION.md).

Century leap years, the first and last plausible day, dates that already carry their year, an
empty cell in a date column, and the exact line where the "not in date order" check trips.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources.dates import (
    TIKTOK_DATE_HINT,
    MonthDay,
    chronological_years,
    implausible,
    latest_years,
    normalise,
    parse_column,
    parse_month_day,
    plausible,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-02-29", MonthDay(2, 29, 2024)),  # divisible by 4: leap
    ("2000-02-29", MonthDay(2, 29, 2000)),  # divisible by 400: leap although a century
    ("2100-02-29", None),  # a century not divisible by 400: no 29 February
    ("1900-02-29", None),
    ("2023-02-29", None),  # not divisible by 4
])
def test_a_dated_29_february_follows_the_gregorian_century_rule(text, expected):
    assert parse_month_day(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("January 1", MonthDay(1, 1)),  # the first month and day are allowed...
    ("December 31", MonthDay(12, 31)),  # ...and the last ones
    ("April 30", MonthDay(4, 30)),
    ("February 29", MonthDay(2, 29)),  # no year yet: the leap year is found later
    ("2026-01-00", None),  # day 0
    ("2026-00-10", None),  # month 0
    ("2026-13-01", None),  # month 13
    ("2026-04-31", None),  # April has 30 days
    ("2026-12-32", None),
])
def test_month_and_day_must_exist_in_the_calendar(text, expected):
    assert parse_month_day(text) == expected


def test_a_full_date_keeps_its_month_day_and_year():
    # every part read from "Feb 28, 2026": nothing defaulted or dropped
    parsed = parse_month_day("Feb 28, 2026")
    assert (parsed.month, parsed.day, parsed.year) == (2, 28, 2026)


def test_plausible_days_run_from_the_first_of_2005_to_the_last_of_2100_inclusive():
    assert plausible(date(2005, 1, 1)) and plausible(date(2100, 12, 31))
    assert not plausible(date(2004, 12, 31)) and not plausible(date(2101, 1, 1))


def test_implausible_flags_years_outside_2005_to_2100_and_never_a_missing_moment():
    moments = pd.Series(pd.to_datetime(["2004-12-31", "2005-01-01", "2100-12-31", "2101-01-01",
                                        None]))
    flags = implausible(moments)
    assert flags.dtype == bool
    assert flags.tolist() == [True, False, False, True, False]  # NaT is not implausible


def _column(texts: list[str | None]) -> pd.Series:
    return pd.Series(texts, index=range(2, len(texts) + 2), dtype="string")


def test_an_empty_date_cell_is_named_as_such_with_its_row_and_the_hint():
    with pytest.raises(SourceError) as caught:
        parse_column(_column(["February 27", None]), file="Overview.csv", column="Date")
    error = caught.value
    assert error.message == "an empty cell is not a date mediakit can read"
    assert (error.file, error.line, error.field) == ("Overview.csv", 3, "Date")
    assert error.hint == TIKTOK_DATE_HINT


def test_a_platform_gives_its_own_hint_for_an_unreadable_date():
    with pytest.raises(SourceError) as caught:
        parse_column(_column(["Smarch 3"]), file="f.csv", column="Date", hint="use YouTube's")
    assert caught.value.hint == "use YouTube's"


def test_dates_with_years_keep_them_however_far_the_anchor_is():
    values = _column(["2020-02-28", "2020-03-01"])
    parsed = parse_column(values, file="f.csv", column="Date")
    assert parsed.years.tolist() == [2020, 2020]
    assert parsed.months.tolist() == [2, 3] and parsed.days.tolist() == [28, 1]
    # anchored six years later, inference would say 2026; the written year wins
    years = chronological_years(parsed, date(2026, 11, 1), file="f.csv", column="Date",
                                rows=values.index)
    assert years.tolist() == [2020, 2020]


def test_an_empty_date_column_has_no_years():
    values = _column([])
    parsed = parse_column(values, file="f.csv", column="Date")
    years = chronological_years(parsed, date(2026, 1, 1), file="f.csv", column="Date",
                                rows=values.index)
    assert years.dtype == np.int64 and len(years) == 0


def _years(texts: list[str], anchor: date) -> list[int]:
    values = _column(texts)
    parsed = parse_column(values, file="Overview.csv", column="Date")
    return chronological_years(parsed, anchor, file="Overview.csv", column="Date",
                               rows=values.index).tolist()


def test_the_order_check_allows_at_most_two_days_per_distinct_date_plus_a_month():
    # "rough days" are year*372 + (month-1)*31 + day. Dec 31 of 2025 -> 2025*372 + 341 + 31
    # = 2026*372; Feb 6 of 2026 -> 2026*372 + 31 + 6, so the span is 37 rough days.
    # Distinct dates: Dec 31, Jan 1, Feb 6 = 3 (the repeated Jan 1 counts once), and the limit
    # is 2 * 3 + 31 = 37: a span of 37 is accepted...
    assert _years(["December 31", "January 1", "January 1", "February 6"],
                  date(2026, 2, 7)) == [2025, 2026, 2026, 2026]
    # ...and February 7 makes it 38 > 37: refused, at the first row after the year turn
    with pytest.raises(SourceError) as caught:
        _years(["December 31", "January 1", "January 1", "February 7"], date(2026, 2, 8))
    error = caught.value
    assert error.message == (
        "the rows are not in date order, so the year of each date cannot be worked out")
    # rows are numbered from 2; the wrap is between row 2 (Dec 31) and row 3 (Jan 1)
    assert (error.file, error.line, error.field) == ("Overview.csv", 3, "Date")
    assert error.hint == "download the export again and do not sort or edit it"


def test_a_29_february_in_a_common_year_names_its_row_and_the_fix():
    # exported 2025-03-02: March 1 is 2025-03-01, so the row before it would be 2025-02-29
    with pytest.raises(SourceError) as caught:
        _years(["February 28", "February 29", "March 1"], date(2025, 3, 2))
    error = caught.value
    assert error.message == "February 29 would fall in 2025, which has no February 29"
    assert (error.line, error.field) == (3, "Date")
    assert error.hint == ("check exported_on in profile.yaml: it must be the day you "
                          "downloaded the export")


def test_inferred_years_are_whole_numbers():
    # to_datetimes and the 29 February check take years as int64, not floats like 2025.0
    values = _column(["December 31", "January 1"])
    parsed = parse_column(values, file="f.csv", column="Date")
    years = chronological_years(parsed, date(2026, 1, 2), file="f.csv", column="Date",
                                rows=values.index)
    assert years.dtype == np.int64 and years.tolist() == [2025, 2026]


@pytest.mark.parametrize(("text", "expected"), [
    ("AOÛT", "aout"),  # case and accents go
    ("Mayıs", "mayis"),  # Turkish dotless i: NFKD leaves it, so it is replaced by hand
    ("MAYIS", "mayis"),  # ...so the capitals TikTok may write meet the table's "mayıs"
    ("Đà Nẵng", "da nang"),  # Vietnamese d with stroke, likewise
    ("Łódź", "lodz"),  # Polish l with stroke
    ("  28   août ", "28 aout"),  # spaces collapse
])
def test_normalise_folds_case_accents_and_the_letters_nfkd_keeps(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(("text", "month"), [
    ("5 tháng Một", 1),  # "tháng" + the number word, from một (1)...
    ("5 tháng Mười Một", 11),  # ...to two-word ones (mười_một in the table)
    ("5 thg Sáu", 6),  # the short prefix "thg"
    ("5 tháng Giêng", 1),  # the traditional names of January, April and December
    ("5 tháng Bốn", 4),
    ("5 tháng Chạp", 12),
    ("5 MAYIS", 5),  # Turkish in capitals
])
def test_vietnamese_month_words_and_turkish_capitals_are_months(text, month):
    assert parse_month_day(text) == MonthDay(month, 5)


def test_years_from_row_by_row_limits_are_whole_numbers():
    limits = pd.Series(pd.to_datetime(["2025-09-11", "2025-09-11"]))
    years = latest_years(np.array([9, 9]), np.array([30, 1]), limits)
    # September 30 is after September 11: the year before; September 1 is before it
    assert years.dtype == np.int64 and years.tolist() == [2024, 2025]
