import pytest

from mediakit.analytics import benchmarks
from mediakit.analytics.figures import Rate
from mediakit.analytics.reference import table


def _rate(value: float, denominator: str = "view", key: str = "per_view") -> Rate:
    return Rate(key, "Engagement", value, "likes + comments + shares", denominator, "median", 30)


def test_tiers_include_their_lower_bound_only():
    assert benchmarks.find("tiktok", "view", 10_000)["tier_min"] == "10000"
    assert benchmarks.find("tiktok", "view", 9_999)["tier_min"] == "5000"
    assert benchmarks.find("tiktok", "view", 49_999)["tier_max"] == "50000"
    assert benchmarks.find("tiktok", "view", 5_000_000)["tier_max"] == ""  # 1M+ is open
    assert benchmarks.find("tiktok", "view", 999) is None  # under 1K: no tier published


def test_the_demo_tier_is_modash_november_2025():
    row = benchmarks.find("tiktok", "view", 47_960)
    assert (row["average_low"], row["average_high"]) == ("0.0838", "0.0937")
    assert row["source_date"] == "2025-11" and "Modash" in row["source"]


def test_every_published_tiktok_band_from_the_issue():
    # Modash TikTok per-view medians, Nov 2025: 1-5K 12.1-14.0%, 5-10K 10.5-11.8%,
    # 10-50K 8.4-9.4%, 50-100K 7.2-8.0%, 100-500K 6.7-7.4%, 500K-1M 6.2-6.9%, 1M+ 6.2-6.8%
    expected = [(0.121, 0.140), (0.105, 0.118), (0.084, 0.094), (0.072, 0.080), (0.067, 0.074),
                (0.062, 0.069), (0.062, 0.068)]
    rows = [row for row in table("benchmarks") if row["platform"] == "tiktok"]
    got = [(round(float(r["average_low"]), 3), round(float(r["average_high"]), 3)) for r in rows]
    assert got == expected


@pytest.mark.parametrize(("value", "band"), [
    (0.05, "low"),  # under 6.28% (below_from)
    (0.07, "below average"),  # 6.28% .. 8.38%
    (0.0838, "average"),  # edges belong to "average"
    (0.0937, "average"),
    (0.10, "above average"),  # 9.37% .. 11.38%
    (0.12, "high"),
])
def test_bands_of_the_10k_50k_tiktok_tier(value, band):
    row = benchmarks.find("tiktok", "view", 20_000)
    assert benchmarks.band(value, row) == band


def test_compare_gives_band_and_distance_from_the_middle():
    result = benchmarks.compare(_rate(0.0975), "tiktok", 20_000)
    # midpoint of 8.38%..9.37% = 8.875%; 9.75 / 8.875 = 1.0986
    assert result.band == "above average"
    assert result.tier == "10K–50K followers"
    assert abs(result.vs_midpoint - 0.0975 / 0.08875) < 1e-12
    assert result.denominator == "view"


def test_a_per_view_rate_is_never_compared_with_a_per_follower_benchmark():
    # Instagram's published table is per follower: a per-view rate finds no benchmark
    assert benchmarks.compare(_rate(0.05), "instagram", 20_000) is None
    follower = _rate(0.01, "follower", "per_follower")
    assert benchmarks.compare(follower, "instagram", 20_000).band == "average"  # 0.84-1.11%
    # and TikTok has no per-follower table
    assert benchmarks.compare(follower, "tiktok", 20_000) is None


def test_no_followers_or_no_rate_no_comparison():
    assert benchmarks.compare(_rate(0.05), "tiktok", None) is None
    assert benchmarks.compare(None, "tiktok", 20_000) is None
    assert benchmarks.compare(_rate(0.05), "youtube", 20_000) is None  # none shipped


def test_headline_rate_per_platform():
    rates = [_rate(0.09), _rate(0.02, "follower", "per_follower")]
    assert benchmarks.headline_rate(rates, "tiktok").key == "per_view"
    assert benchmarks.headline_rate(rates, "youtube").key == "per_view"
    assert benchmarks.headline_rate(rates, "instagram").key == "per_follower"


def test_tier_labels():
    assert benchmarks.tier_label(1_000, 5_000) == "1K–5K followers"
    assert benchmarks.tier_label(500_000, 1_000_000) == "500K–1M followers"
    assert benchmarks.tier_label(1_000_000, None) == "1M+ followers"


def test_every_benchmark_row_is_sourced_dated_and_ordered():
    for row in table("benchmarks"):
        assert row["source"] and row["url"].startswith("https://") and row["source_date"]
        assert row["denominator"] in ("view", "follower", "reach")
        edges = [float(row[k]) for k in ("below_from", "average_low", "average_high",
                                          "above_to")]
        assert edges == sorted(edges), row


def test_an_unknown_reference_table_is_named_in_the_error():
    import pytest

    with pytest.raises(KeyError, match="^'benchmark'$"):  # a typo of "benchmarks"
        table("benchmark")
    first = table("fx")
    first.clear()  # callers get a copy: emptying it leaves the shipped table whole
    assert table("fx")


@pytest.mark.parametrize(("value", "band"), [
    (0.0628, "below average"),  # below_from itself: "low" is strictly under it
    (0.1138, "above average"),  # above_to itself: "high" is strictly over it
])
def test_the_outer_band_edges_belong_to_the_inner_bands(value, band):
    row = benchmarks.find("tiktok", "view", 20_000)  # 10K-50K: low < 6.28% ... 11.38% < high
    assert (row["below_from"], row["above_to"]) == ("0.0628", "0.1138")
    assert benchmarks.band(value, row) == band


def test_compare_carries_the_row_it_used_with_its_source():
    result = benchmarks.compare(_rate(0.0975), "tiktok", 20_000)
    assert (result.average_low, result.average_high) == (0.0838, 0.0937)
    assert (result.below_from, result.above_to) == (0.0628, 0.1138)
    assert "Modash" in result.source and result.source_date == "2025-11"
    assert result.url.startswith("https://")
    # the source's own words for what it counts and how it combines posts
    assert result.numerator == 'engagements: "likes + comments etc." in the source\'s words'
    assert result.method.startswith("median engagements of the last 30 posts")


OWN_ROWS = [{  # a benchmark table passed in (not the shipped one): a tier under 1K
    "platform": "tiktok", "denominator": "view", "tier_min": "0", "tier_max": "1000",
    "below_from": "", "above_to": "", "average_low": "0.05", "average_high": "0.07",
    "source": "Agency survey", "url": "", "source_date": "2026-01", "method": "median",
}]


def test_rows_passed_in_replace_the_shipped_table():
    # the shipped table has no tier under 1K followers; the rows passed in do
    assert benchmarks.find("tiktok", "view", 500) is None
    assert benchmarks.find("tiktok", "view", 500, OWN_ROWS) is OWN_ROWS[0]
    result = benchmarks.compare(_rate(0.2), "tiktok", 500, OWN_ROWS)
    # 0.2 is over 0.07 and the source gives no "high" edge: above average, not high
    assert result.band == "above average" and result.tier == "0–1K followers"
    assert result.below_from is None and result.above_to is None
    assert result.source == "Agency survey" and result.source_date == "2026-01"
    assert result.url is None  # an empty link is no link
    assert result.method == "median"
    assert result.numerator == ""  # a table without a numerator column: empty words, not None
    assert abs(result.vs_midpoint - 0.2 / 0.06) < 1e-12  # midpoint of 5%..7% = 6%
