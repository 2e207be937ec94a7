from mediakit.analytics import audience
from mediakit.analytics.audience import match
from mediakit.analytics.figures import AudienceSplit
from tests.helpers import audience as rows


def test_latest_snapshot_wins_and_other_comes_last():
    table = rows([
        ("country", "US", 0.5, "2026-01-01"),
        ("country", "Others", 0.3, "2026-02-28"),
        ("country", "GB", 0.2, "2026-02-28"),
        ("country", "US", 0.5, "2026-02-28"),
    ])
    shares, source = audience.latest_split(table, "country")
    assert list(shares) == ["US", "GB", "Others"]
    assert shares == {"US": 0.5, "GB": 0.2, "Others": 0.3}
    assert source == "export: test.csv"


def test_unknown_dimension_is_empty():
    assert audience.latest_split(rows([]), "age") == ({}, None)

SPLITS = [
    AudienceSplit("gender", {"female": 0.6, "male": 0.38, "other": 0.02}, "FollowerGender.csv",
                  False),
    AudienceSplit("age", {"13-17": 0.05, "18-24": 0.4, "25-34": 0.3, "35-44": 0.15, "45+": 0.1},
                  "copied from the app", True),
    AudienceSplit("country", {"IE": 0.3, "GB": 0.2, "US": 0.15, "Others": 0.35},
                  "FollowerTopTerritories.csv", False),
]


def test_match_multiplies_the_dimensions_as_if_independent():
    result = match(SPLITS, {"gender": ["female"], "age": ["18-24", "25-34"],
                            "country": ["US", "GB"]})
    # 0.6 x (0.4 + 0.3) x (0.15 + 0.2) = 0.6 x 0.7 x 0.35 = 0.147
    assert abs(result.share - 0.147) < 1e-12
    assert result.parts["gender"] == 0.6
    assert abs(result.parts["age"] - 0.7) < 1e-12
    assert abs(result.parts["country"] - 0.35) < 1e-12
    assert result.missing == []
    assert "independent" in result.assumption and "self-reported" in result.assumption


def test_brief_words_are_understood():
    result = match(SPLITS, {"gender": ["Women"], "country": ["UK", "ie"]})
    # women = female 0.6; UK = GB 0.2, ie = IE 0.3 -> 0.5; 0.6 x 0.5 = 0.3
    assert result.parts == {"gender": 0.6, "country": 0.5}
    assert abs(result.share - 0.3) < 1e-12


def test_other_buckets_never_match():
    result = match(SPLITS, {"country": ["others", "Others"]})
    assert result.share == 0.0


def test_an_age_target_that_cuts_a_segment_counts_its_years_in_proportion():
    result = match(SPLITS, {"age": ["18-29"]})
    # 18-24 fully (0.4) + 25-34 for 5 of its 10 years (0.3 x 5/10 = 0.15) = 0.55
    assert abs(result.share - 0.55) < 1e-12
    assert "proportion" in result.assumption
    assert match(SPLITS, {"age": ["45+"]}).share == 0.1  # open-ended segment matches whole


def test_a_dimension_without_data_is_named_and_the_share_is_an_upper_bound():
    result = match(SPLITS, {"gender": ["female"], "city": ["Dublin"]})
    assert result.share == 0.6 and result.missing == ["city"]
    assert "upper bound" in result.assumption
    nothing = match([], {"gender": ["female"]})
    assert nothing.share is None and nothing.missing == ["gender"]
