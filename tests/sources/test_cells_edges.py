"""Cell reading at its edges, where mutation testing found no test (benchmarks/MUTATION.md).

Lengths of time, measured decimals, the largest count a float holds exactly, dot-grouped
thousands, shares at 0% and 100%, link schemes, and country names.
"""

from __future__ import annotations

import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources.cells import (
    MAX_COUNT,
    country_codes,
    counts,
    decimals,
    durations,
    fractions,
    hashtags,
    shares,
    web_links,
)

HINT = "use the export as downloaded; a cell may have been edited by hand"


def _cells(*values: str | None) -> pd.Series:
    # index = spreadsheet row numbers (the header is row 1)
    return pd.Series(list(values), index=range(2, len(values) + 2), dtype="object")


def _floats(series: pd.Series) -> list[float | None]:
    return [None if pd.isna(value) else float(value) for value in series]


def test_a_length_of_time_reads_seconds_minutes_and_hours():
    values = _cells("263", "4:23", "0:04:23", "1:02:03.5", "-4:23", "undefined", "0:59")
    result = durations(values, file="f.csv", column="Average time watched")
    assert str(result.dtype) == "Float64"
    # 4:23 = 4*60 + 23 = 263; 0:04:23 = (0*60 + 4)*60 + 23 = 263;
    # 1:02:03.5 = (1*60 + 2)*60 + 3.5 = 3723.5; "-4:23" keeps its sign; 0:59 = 59
    assert _floats(result) == [263.0, 263.0, 263.0, 3723.5, -263.0, None, 59.0]
    assert result.index.tolist() == list(range(2, 9))


def test_a_clock_with_60_seconds_or_minutes_is_refused_with_its_cell():
    with pytest.raises(SourceError) as caught:
        durations(_cells("4:23", "1:60:00"), file="f.csv", column="Duration")
    error = caught.value
    assert error.message == (
        "'1:60:00' is not a length of time (minutes and seconds go up to 59)")
    assert (error.file, error.line, error.field, error.hint) == ("f.csv", 3, "Duration", HINT)
    # the hour may be anything: 100:00:00 is 100 * 3600 = 360,000 seconds
    assert _floats(durations(_cells("100:00:00"), file="f.csv", column="d")) == [360_000.0]


def test_decimals_keep_their_fractions_and_read_both_thousands_styles():
    values = _cells("1321.6783", "1,234.5", "1.234,5", "undefined", "6.31")
    result = decimals(values, file="f.csv", column="Watch time (hours)")
    assert str(result.dtype) == "Float64"
    assert _floats(result) == [1321.6783, 1234.5, 1234.5, None, 6.31]


def test_dot_grouped_counts_are_thousands_never_decimals():
    # Turkish and German exports write 58.005 for fifty-eight thousand and five;
    # "1.5" has one digit after the dot, so it is a decimal and rounds (to even) to 2.
    values = _cells("58.005", "1.234.567", "1591.0", "1.5", "2.5")
    assert counts(values, file="f.csv", column="Views").tolist() == [
        58_005, 1_234_567, 1591, 2, 2]


def test_dot_grouped_whole_thousands_are_thousands_too():
    # "58.000" parses as the whole number 58, but with exactly three digits after the dot it is
    # fifty-eight thousand in a Turkish or German export, like "58.005"; "1591.0" stays 1,591.
    values = _cells("58.000", "1.000", "2.000.000", "1591.0", "58")
    assert counts(values, file="f.csv", column="Views").tolist() == [
        58_000, 1_000, 2_000_000, 1591, 58]


def test_the_largest_count_is_just_below_two_to_the_53():
    below = str(MAX_COUNT - 1)  # 9,007,199,254,740,991: every whole number up to here is exact
    assert counts(_cells(below), file="f.csv", column="Views").tolist() == [MAX_COUNT - 1]
    for text in (str(MAX_COUNT), "-" + str(MAX_COUNT)):
        with pytest.raises(SourceError) as caught:
            counts(_cells("5", text), file="f.csv", column="Views")
        error = caught.value
        assert error.message == f"the number '{text}' is too large to be a count"
        assert (error.file, error.line, error.field, error.hint) == ("f.csv", 3, "Views", HINT)


def test_counts_keep_their_rows_and_mark_missing_cells():
    result = counts(_cells("7", "n/a", "--", "null", "None", "NaN"), file="f.csv", column="x")
    assert str(result.dtype) == "Int64"
    assert result.index.tolist() == [2, 3, 4, 5, 6, 7]
    assert result.isna().tolist() == [False, True, True, True, True, True]


def test_a_word_in_a_fraction_column_names_its_cell():
    with pytest.raises(SourceError) as caught:
        fractions(_cells("0.5", "half"), file="f.csv", column="Share")
    error = caught.value
    assert error.message == "expected a number, got 'half'"
    assert (error.file, error.line, error.field, error.hint) == ("f.csv", 3, "Share", HINT)


def test_fractions_read_percent_signs_spaces_and_a_decimal_comma():
    values = _cells("46.2 %", ",5", "-0,25", "100%")
    # 46.2 % -> 0.462; ",5" -> 0.5; "-0,25" -> -0.25; 100% -> 1.0
    assert _floats(fractions(values, file="f.csv", column="x")) == pytest.approx(
        [0.462, 0.5, -0.25, 1.0])


def test_a_share_may_be_exactly_0_or_100_percent_but_not_beyond():
    assert _floats(shares(_cells("0", "100%", "1"), file="f.csv", column="Share")) == [
        0.0, 1.0, 1.0]
    for bad in ("-0.01", "1.01", "101%"):
        with pytest.raises(SourceError) as caught:
            shares(_cells("0.5", bad), file="f.csv", column="Share")
        error = caught.value
        assert error.message == f"a share is between 0 and 1 (0% and 100%), got '{bad}'"
        assert (error.file, error.line, error.field) == ("f.csv", 3, "Share")
        assert error.hint == "use the export as downloaded"


def test_web_links_pass_http_and_https_and_blank_cells():
    values = _cells(" https://www.tiktok.com/@a/video/1 ", "HTTP://example.com", None,
                    "www.tiktok.com/@a")
    assert web_links(values, file="f.csv", column="url").tolist() == [
        "https://www.tiktok.com/@a/video/1", "HTTP://example.com", "", "www.tiktok.com/@a"]


@pytest.mark.parametrize("link", ["javascript:alert(1)", " JavaScript:alert(1)",
                                  "java\tscript:alert(1)", "data:text/html,x", "ftp://x.org"])
def test_a_link_with_any_other_scheme_is_refused_with_its_cell(link):
    with pytest.raises(SourceError) as caught:
        web_links(_cells("https://ok.example", link), file="f.csv", column="url")
    error = caught.value
    shown = link.strip()
    assert error.message == f"the link '{shown[:60]}' is not a web address (http:// or https://)"
    assert (error.file, error.line, error.field) == ("f.csv", 3, "url")
    assert error.hint == "a post link starts with https://; use the export as downloaded"


def test_a_long_refused_link_is_cut_to_60_characters_in_the_message():
    link = "javascript:" + "a" * 100
    with pytest.raises(SourceError) as caught:
        web_links(_cells(link), file="f.csv", column="url")
    assert caught.value.message == f"the link '{link[:60]}' is not a web address " \
        "(http:// or https://)"


def test_country_names_become_iso_codes_and_unknown_names_are_listed_once():
    names = pd.Series(["Ireland", "United States", "Others", "Türkiye", "Turkey",
                       "St. Lucia", "Trinidad & Tobago", "Narnia", "Narnia", "other", ""],
                      index=range(10, 21))
    codes, unknown = country_codes(names)
    assert codes.tolist() == ["IE", "US", "other", "TR", "TR", "LC", "TT", "Narnia", "Narnia",
                              "other", ""]
    assert codes.index.tolist() == list(range(10, 21))
    assert unknown == ["Narnia", ""]


def test_regions_are_not_countries_and_other_languages_are_read_when_asked():
    codes, unknown = country_codes(pd.Series(["European Union", "Allemagne"]))
    assert codes.tolist() == ["European Union", "Allemagne"] and len(unknown) == 2
    codes, unknown = country_codes(pd.Series(["Allemagne", "Germany"]), ("fr", "en"))
    assert codes.tolist() == ["DE", "DE"] and unknown == []



def test_a_column_of_plain_seconds_needs_no_clock_and_blank_cells_stay_missing():
    values = _cells("263", "12.5", None)
    assert _floats(durations(values, file="f.csv", column="Duration")) == [263.0, 12.5, None]


def test_a_word_among_lengths_of_time_names_its_cell():
    with pytest.raises(SourceError) as caught:
        durations(_cells("4:23", "soon"), file="f.csv", column="Duration")
    error = caught.value
    assert error.message == "expected a number, got 'soon'"
    assert (error.file, error.line, error.field) == ("f.csv", 3, "Duration")


def test_decimals_keep_the_spreadsheet_rows_and_name_a_bad_cell():
    assert decimals(_cells("1.5", "2"), file="f.csv", column="x").index.tolist() == [2, 3]
    with pytest.raises(SourceError) as caught:
        decimals(_cells("1.5", "lots"), file="f.csv", column="Watch time")
    assert (caught.value.file, caught.value.line, caught.value.field) == ("f.csv", 3,
                                                                          "Watch time")


def test_a_blank_caption_has_no_hashtags():
    captions = pd.Series([None, "#a #B"], dtype="object")
    assert hashtags(captions).tolist() == ["", "a b"]


def test_country_names_spelled_unlike_cldr_still_match():
    # CLDR writes "Trinidad & Tobago", "St. Lucia", "Guinea-Bissau"; exports may not
    names = pd.Series(["Trinidad and Tobago", "Saint Lucia", "Guinea Bissau", None])
    codes, unknown = country_codes(names)
    assert str(codes.dtype) == "string"
    # a blank name stays blank (and is listed, so the caller can warn)
    assert codes.tolist() == ["TT", "LC", "GW", ""] and unknown == [""]


def test_a_missing_share_stays_missing_and_a_word_names_its_cell():
    assert _floats(shares(_cells("0.4", "undefined"), file="f.csv", column="Share")) == [
        0.4, None]
    with pytest.raises(SourceError) as caught:
        shares(_cells("0.4", "most"), file="f.csv", column="Share")
    error = caught.value
    assert (error.message, error.file, error.line, error.field) == (
        "expected a number, got 'most'", "f.csv", 3, "Share")


def test_a_french_percentage_with_a_narrow_space_and_a_decimal_comma_is_a_fraction():
    # "46,2 %" as French writes it (a narrow no-break space before %): 46.2 / 100 = 0.462
    assert _floats(fractions(_cells("46,2\u202f%", "50,5 %"), file="f.csv", column="x")) == \
        pytest.approx([0.462, 0.505])


def test_an_empty_cell_among_numbers_is_missing_not_an_error():
    # a blank cell pandas read as None (not the text ""): missing, like "undefined"
    result = counts(_cells("1", None, "1,500"), file="f.csv", column="x")
    assert result.isna().tolist() == [False, True, False]
    assert result.iloc[0] == 1 and result.iloc[2] == 1_500


def test_a_web_link_with_a_tab_inside_its_scheme_is_still_a_web_link():
    # browsers drop tabs and newlines from a URL, so "ht<TAB>tps:" is https:
    assert web_links(_cells("ht\ttps://example.com"), file="f.csv", column="url").tolist() == [
        "ht\ttps://example.com"]
