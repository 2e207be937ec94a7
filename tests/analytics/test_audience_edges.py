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
