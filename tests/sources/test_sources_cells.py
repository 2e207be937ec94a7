"""Exported text cells become numbers: missing stays missing, odd text is an error with its cell."""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources.cells import counts, fractions, hashtags


def _cells(*values: str) -> pd.Series:
    # Index = spreadsheet row numbers (header is row 1).
    return pd.Series(list(values), index=range(2, len(values) + 2), dtype="str")


def test_undefined_and_empty_are_missing_never_zero() -> None:
    result = counts(_cells("undefined", "", "0", "UNDEFINED"), file="Viewers.csv", column="x")
    assert str(result.dtype) == "Int64"
    assert result.isna().tolist() == [True, True, False, True]
    assert result.iloc[2] == 0


def test_negative_daily_values_are_kept() -> None:
    # Deleted comments make TikTok's daily Comments negative (35 of 365 days in the real sample).
    assert counts(_cells("-1", "-2", "3"), file="Overview.csv", column="Comments").tolist() == [
        -1,
        -2,
        3,
    ]


def test_thousands_separators_are_tolerated() -> None:
    values = _cells("1,234", "1.234.567", "12 345", "1\u202f000", "1591.0", " 7 ")
    assert counts(values, file="f.csv", column="x").tolist() == [
        1234,
        1234567,
        12345,
        1000,
        1591,
        7,
    ]


def test_a_word_in_a_number_column_names_row_and_column() -> None:
    with pytest.raises(SourceError) as caught:
        counts(_cells("12", "34", "abc"), file="data/tiktok/Overview.csv", column="Likes")
    assert str(caught.value) == (
        "data/tiktok/Overview.csv:4: Likes: expected a number, got 'abc' "
        "(use the export as downloaded; a cell may have been edited by hand)"
    )


def test_a_count_too_large_to_be_real_is_an_error() -> None:
    with pytest.raises(
        SourceError, match=r"f.csv:3: Views: the number '99999999999999999999' is too large"
    ):
        counts(_cells("1", "99999999999999999999"), file="f.csv", column="Views")


def test_distribution_fractions_percent_and_decimal_comma() -> None:
    values = _cells("0.462", "0,211", "46.2%", "undefined", "0")
    result = fractions(values, file="FollowerTopTerritories.csv", column="Distribution")
    assert str(result.dtype) == "Float64"
    assert result.iloc[0] == pytest.approx(0.462)
    assert result.iloc[1] == pytest.approx(0.211)
    assert result.iloc[2] == pytest.approx(0.462)
    assert result.isna().tolist() == [False, False, False, True, False]


def test_hashtags_are_lower_case_deduplicated_in_order() -> None:
    captions = pd.Series(
        ["@Unbrush #unbrush #Unbrush #unbrushplus 🚨", "", "New #IndieFolk#dublin #indiefolk"],
        dtype="str",
    )
    assert hashtags(captions).tolist() == ["unbrush unbrushplus", "", "indiefolk dublin"]
