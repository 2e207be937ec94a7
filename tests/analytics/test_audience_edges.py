"""Audience matching at its edges, where mutation testing found no test (MUTATION.md)."""

from __future__ import annotations

from mediakit.analytics.audience import AudienceMatch, match
from mediakit.analytics.report import AudienceSplit

AGE = AudienceSplit("age", {"18-24": 0.4, "25-34": 0.3, "abc": 0.1, "45+": 0.2}, "Age.csv",
                    self_reported=True)
GENDER = AudienceSplit("gender", {"Female": 0.6, "male": 0.28, "nonbinary": 0.05,
                                  "Agender": 0.05, "Unspecified": 0.02},
                       "FollowerGender.csv", self_reported=False)


def test_a_match_spells_out_every_assumption_it_made():
    # gender: "women" is female -> 0.6. Age 18-29 = years 18..29: 18-24 fully (0.4),
    # 25-34 for 5 of its 10 years (0.3 * 5/10 = 0.15), "abc" is no age range -> 0.55.
    # Country is asked for but not exported: missing, so the share is an upper bound.
    # 0.6 * 0.55 = 0.33
    result = match([GENDER, AGE], {"gender": ["women"], "age": ["18-29"], "country": ["US"]})
    assert result == AudienceMatch(
        0.6 * 0.55, {"gender": 0.6, "age": 0.55}, ["country"],
        "dimensions treated as independent; "
        "age segments cut by the target counted in proportion to their years; "
        "upper bound: no data for country; "
        "self-reported by the creator: age")


def test_a_whole_age_segment_is_not_a_partial_one_and_an_unknown_gender_word_matches_itself():
    # 18-24 and 25-34 are inside 18-34 whole: no proportional note. "Non-Binary" is a word
    # for "other", as is the export's "nonbinary" (0.05); "AGENDER" is in no table and matches
    # its own segment (0.05); "Unspecified" is matched by nothing: 0.05 + 0.05 = 0.1
    result = match([GENDER, AGE], {"gender": ["AGENDER", "Non-Binary"], "age": ["18-34"]})
    assert result.parts == {"gender": 0.1, "age": 0.7}
    assert result.assumption == ("dimensions treated as independent; "
                                 "self-reported by the creator: age")


def test_a_target_dimension_with_no_wanted_segments_is_missing_and_later_ones_still_count():
    result = match([GENDER, AGE], {"age": [], "gender": ["female"]})
    assert (result.share, result.parts, result.missing) == (0.6, {"gender": 0.6}, ["age"])
    # and a one-year range "18-18" is the year 18 alone: 1/7 of 18-24's 0.4
    assert match([AGE], {"age": ["18-18"]}).parts == {"age": 0.4 / 7}


# --- second pass (issue 15) ---------------------------------------------------------------------


def test_a_segment_whose_range_runs_backwards_or_is_empty_is_no_age_range():
    # "25-24" is the empty range 25..24 and "34-25" runs backwards: neither is an age range, so
    # neither counts towards 18+ (a damaged cell, not a whole segment): only 18-24's 0.4
    split = AudienceSplit("age", {"18-24": 0.4, "25-24": 0.1, "34-25": 0.05}, "Age.csv",
                          self_reported=False)
    assert match([split], {"age": ["18+"]}).parts == {"age": 0.4}


def test_a_segment_that_is_no_age_range_does_not_stop_the_later_ones_counting():
    # AGE lists "abc" before "45+": the 45+ segment (0.2) still counts
    assert match([AGE], {"age": ["45+"]}).parts == {"age": 0.2}


def test_overlapping_target_ranges_count_each_year_of_a_segment_once():
    # 18-24 is inside both 18-24 and 18-29, but its 7 years count once: 0.4 whole, not 0.8;
    # 25-34 shares 25..29 with 18-29, 5 of 10 years: 0.3 x 5/10 = 0.15. 0.4 + 0.15 = 0.55
    result = match([AGE], {"age": ["18-24", "18-29"]})
    assert abs(result.parts["age"] - 0.55) < 1e-12


def test_no_age_note_without_an_age_target():
    # only gender asked for, from an export: the one assumption is independence
    result = match([GENDER], {"gender": ["female"]})
    assert result.assumption == "dimensions treated as independent"


def test_a_part_is_capped_at_the_whole_audience():
    # a creator's typed-in brackets that overlap (18-24 and 18-34) add up to 0.7 + 0.6 = 1.3
    # inside 18-34: no more than the whole audience, 1.0
    typed = AudienceSplit("age", {"18-24": 0.7, "18-34": 0.6}, "typed in", self_reported=True)
    result = match([typed], {"age": ["18-34"]})
    assert result.parts == {"age": 1.0} and result.share == 1.0


def test_several_missing_or_self_reported_dimensions_are_listed_comma_separated():
    country = AudienceSplit("country", {"US": 0.5, "GB": 0.5}, "typed in", self_reported=True)
    result = match([AGE, country], {"age": ["18-24"], "country": ["US"], "city": ["Dublin"],
                                    "language": ["en"]})
    assert result.missing == ["city", "language"]
    assert result.assumption == ("dimensions treated as independent; "
                                 "upper bound: no data for city, language; "
                                 "self-reported by the creator: age, country")


def test_an_older_snapshot_adds_nothing_to_the_newest_one():
    from mediakit.analytics.audience import latest_split
    from tests.helpers import audience as rows

    # January's split had FR and a bigger US share; only February's split is shown
    table = rows([
        ("country", "US", 0.6, "2026-01-31"),
        ("country", "FR", 0.4, "2026-01-31"),
        ("country", "US", 0.5, "2026-02-28"),
        ("country", "GB", 0.5, "2026-02-28"),
    ])
    shares, _ = latest_split(table, "country")
    assert shares == {"GB": 0.5, "US": 0.5}  # no FR, and US is February's 0.5
    assert list(shares) == ["GB", "US"]  # equal shares in name order


def test_an_undated_split_is_shown_whole_and_a_missing_share_is_left_out():
    from mediakit.analytics.audience import latest_split
    from tests.helpers import audience as rows

    # no snapshot date at all: there is no newer one to prefer, so every row is the split;
    # "female" has no share (an empty cell) and is left out, the rest stay
    table = rows([
        ("gender", "female", None, None),
        ("gender", "male", 0.4, None),
        ("gender", "other", 0.1, None),
    ])
    shares, source = latest_split(table, "gender")
    assert shares == {"male": 0.4, "other": 0.1}
    assert source == "export: test.csv"


def test_the_source_of_a_split_is_its_first_rows_or_none():
    from mediakit.analytics.audience import latest_split
    from tests.helpers import audience as rows

    one = rows([("country", "IE", 1.0, "2026-02-28")])  # a single row is a whole split
    assert latest_split(one, "country") == ({"IE": 1.0}, "export: test.csv")
    # every share missing: no split, so no source either (not an IndexError)
    empty = rows([("country", "IE", None, "2026-02-28"), ("country", "GB", None, "2026-02-28")])
    assert latest_split(empty, "country") == ({}, None)
    # a split whose file is not named has no source (not the text "nan")
    unnamed = rows([("country", "IE", 0.6, "2026-02-28"), ("country", "GB", 0.4, "2026-02-28")])
    unnamed["source"] = None
    assert latest_split(unnamed, "country") == ({"IE": 0.6, "GB": 0.4}, None)
