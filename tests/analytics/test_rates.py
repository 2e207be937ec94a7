import pytest

from mediakit.analytics import rates
from mediakit.analytics.figures import AudienceSplit
from mediakit.project.profile import Profile


def _profile(**extra) -> Profile:
    return Profile.model_validate({"name": "A", "platforms": {"tiktok": {"handle": "@a"}},
                                   **extra})  # extra may replace the platforms


def test_niche_factor_from_the_words_of_the_niche():
    assert rates.niche_factor("Beauty & skincare") == (1.1, "niche 'Beauty & skincare' (beauty)")
    assert rates.niche_factor("Personal finance")[0] == 1.5
    assert rates.niche_factor("Music") == (1.0, "no factor listed for niche 'Music'")
    assert rates.niche_factor(None) == (1.0, "no niche in the profile")


def test_region_factor_weights_known_countries_by_share():
    split = AudienceSplit("country", {"US": 0.5, "GB": 0.25, "BR": 0.25, "Others": 0.4},
                          "x.csv", False)
    factor, why = rates.region_factor(split)
    # (0.5 x 1.0 + 0.25 x 0.85 + 0.25 x 0.5) / (0.5 + 0.25 + 0.25) = 0.8375; "Others" left out
    assert abs(factor - 0.8375) < 1e-12
    assert "100% of the audience known" in why
    other = AudienceSplit("country", {"JP": 1.0}, "x.csv", False)
    assert rates.region_factor(other)[0] == 0.5  # a country in no region: "other countries"
    assert rates.region_factor(None) == (1.0, "no audience country data")


def test_engagement_factor_follows_the_benchmark_band():
    assert rates.engagement_factor("above average")[0] == 1.1
    assert rates.engagement_factor("low")[0] == 0.8
    assert rates.engagement_factor(None) == (1.0, "no benchmark for this platform and tier")


def test_usd_prices_with_every_factor_and_the_formula():
    profile = _profile(niche="Beauty", rates=[{"deliverable": "1 video", "price": 500,
                                               "currency": "USD", "platform": "tiktok"}])
    us = AudienceSplit("country", {"US": 1.0}, "x.csv", False)
    advice = rates.advise("tiktok", 21_000.0, us, "above average", profile)
    # TikTok CPM $7-$25; factors: beauty 1.1 x US 1.0 x above average 1.1 = 1.21
    # one video: 21,000 / 1,000 x 7 x 1.21 = 177.87 -> 180; x 25 = 635.25 -> 640 (nearest 10)
    single = advice.suggestions[0]
    assert (single.low, single.high, single.currency) == (180.0, 640.0, "USD")
    assert single.formula == ("21,000 views ÷ 1,000 × 7.00–25.00 USD CPM × 1.10 niche × "
                              "1.00 audience region × 1.10 engagement")
    # with paid usage (x 1.3): 231.23 -> 230; 825.83 -> 830
    usage = advice.suggestions[1]
    assert (usage.low, usage.high) == (230.0, 830.0) and usage.multipliers["usage rights"] == 1.3
    # exclusivity (x 1.2): 213.44 -> 210; 762.3 -> 760
    assert (advice.suggestions[2].low, advice.suggestions[2].high) == (210.0, 760.0)
    # three videos: 533.61 -> 530; 1,905.75 -> 1,910
    assert (advice.suggestions[3].low, advice.suggestions[3].high) == (530.0, 1_910.0)
    assert advice.fx_note is None
    assert advice.rate_card == [{"deliverable": "1 video", "price": 500.0, "currency": "USD",
                                 "notes": None}]


def test_a_euro_rate_card_gets_euro_prices_at_the_stated_rate():
    profile = _profile(rates=[{"deliverable": "1 video", "price": 650, "currency": "EUR"}])
    advice = rates.advise("tiktok", 40_000.0, None, "average", profile)
    # CPM in EUR = USD / 1.0411 (ECB, 2025-02-28): 7 / 1.0411 = 6.7236...
    assert advice.currency == "EUR"
    assert advice.cpm_low == pytest.approx(7 / 1.0411)
    # 40 x 6.7237 = 268.9 -> 270; 40 x 25 / 1.0411 = 960.5 -> 960
    assert (advice.suggestions[0].low, advice.suggestions[0].high) == (270.0, 960.0)
    assert "1 EUR = 1.0411 USD" in advice.fx_note and "2025-02-28" in advice.fx_note


def test_a_currency_without_an_exchange_rate_stays_in_usd_and_says_so():
    profile = _profile(rates=[{"deliverable": "1 video", "price": 90_000, "currency": "JPY"}])
    advice = rates.advise("tiktok", 10_000.0, None, None, profile)
    assert advice.currency == "USD" and "no exchange rate" in advice.fx_note


def test_no_typical_views_or_unknown_platform_no_advice():
    assert rates.advise("tiktok", None, None, None, _profile()) is None
    assert rates.advise("myspace", 1_000.0, None, None, _profile()) is None


def test_small_prices_round_to_whole_units():
    advice = rates.advise("tiktok", 1_000.0, None, None, _profile())
    # 1 x 7 = 7 and 1 x 25 = 25 dollars: under 100, rounded to units
    assert (advice.suggestions[0].low, advice.suggestions[0].high) == (7.0, 25.0)


# --- second pass (issue 15) ---------------------------------------------------------------------


def test_a_country_split_with_only_other_buckets_is_no_country_data():
    # "Others" and "unknown" are left out and nothing is left: a neutral 1.0, not a 0 ÷ 0
    split = AudienceSplit("country", {"Others": 0.7, "unknown": 0.3}, "x.csv", False)
    assert rates.region_factor(split) == (1.0, "no audience country data")
    zero = AudienceSplit("country", {"US": 0.0}, "x.csv", False)  # a known country at 0 %
    assert rates.region_factor(zero) == (1.0, "no audience country data")


def test_a_band_the_multiplier_table_does_not_list_is_neutral():
    assert rates.engagement_factor("exceptional") == (1.0, "engagement exceptional")


def test_a_price_from_100_up_rounds_to_tens_even_just_over_100():
    # no niche, no countries, no band: every factor is 1.0.
    # 14,380 views ÷ 1,000 × 7 = 100.66: from 100 up the step is 10 -> 100, not 101;
    # × 25 = 359.5 -> 360
    advice = rates.advise("tiktok", 14_380.0, None, None, _profile())
    assert (advice.suggestions[0].low, advice.suggestions[0].high) == (100.0, 360.0)
    # 14,200 ÷ 1,000 × 7 = 99.4: under 100, to the unit -> 99
    assert rates.advise("tiktok", 14_200.0, None, None, _profile()).suggestions[0].low == 99.0


def test_the_region_factor_is_an_average_over_the_known_share_only():
    # half the audience is in known countries: US 0.3 (× 1.0) and BR 0.2 (× 0.5)
    # (0.3 + 0.1) / 0.5 = 0.8, an average over the known half, not a product with it
    split = AudienceSplit("country", {"US": 0.3, "BR": 0.2, "Others": 0.5}, "x.csv", False)
    factor, why = rates.region_factor(split)
    assert factor == pytest.approx(0.8)
    assert why == "audience countries weighted by share (50% of the audience known)"


def test_the_platforms_own_rate_card_sets_the_currency():
    # the first rate listed is Instagram's, in USD; TikTok's card is in EUR: TikTok is priced
    # in euros (7 / 1.0411 per 1,000 views)
    both = {"tiktok": {"handle": "@a"}, "instagram": {"handle": "@a"}}
    profile = _profile(platforms=both, rates=[
        {"deliverable": "1 reel", "price": 800, "currency": "USD", "platform": "instagram"},
        {"deliverable": "1 video", "price": 650, "currency": "EUR", "platform": "tiktok"},
    ])
    advice = rates.advise("tiktok", 40_000.0, None, None, profile)
    assert advice.currency == "EUR" and advice.cpm_low == pytest.approx(7 / 1.0411)
    assert [rate["deliverable"] for rate in advice.rate_card] == ["1 video"]
    # a platform with no card of its own takes the first rate's currency
    only_instagram = _profile(platforms=both, rates=[
        {"deliverable": "1 reel", "price": 800, "currency": "EUR", "platform": "instagram"}])
    assert rates.advise("tiktok", 40_000.0, None, None, only_instagram).currency == "EUR"


def test_the_cpm_row_is_the_platforms_standard_format_from_the_rows_given():
    rows = [
        {"platform": "instagram", "format": "story", "cpm_low": "10"},
        {"platform": "tiktok", "format": "reel", "cpm_low": "1"},  # another platform's word
        {"platform": "instagram", "format": "reel", "cpm_low": "15"},
    ]
    assert rates.cpm_row("instagram", rows) is rows[2]  # Instagram's standard is the reel
    assert rates.cpm_row("tiktok", rows) is None  # TikTok's standard is a video: none given
    assert rates.cpm_row("tiktok")["format"] == "video"  # the shipped table has one


def test_instagram_deliverables_are_reels_priced_with_the_audience_region():
    profile = _profile(platforms={"instagram": {"handle": "@a"}})
    brazil = AudienceSplit("country", {"BR": 1.0}, "x.csv", False)
    advice = rates.advise("instagram", 10_000.0, brazil, None, profile)
    assert [s.deliverable for s in advice.suggestions] == [
        "1 reel, organic only", "1 reel + paid usage rights (30 days)",
        "1 reel + category exclusivity (30 days)", "3 reels, organic only"]
    # Instagram reel CPM $15-$45; Latin America × 0.5: 10 × 15 × 0.5 = 75; 10 × 45 × 0.5 = 225
    # -> 230 (halves go up)
    assert (advice.suggestions[0].low, advice.suggestions[0].high) == (75.0, 230.0)
    assert advice.multipliers["audience region"][0] == 0.5


def test_halves_round_up_and_every_deliverable_names_its_factors():
    advice = rates.advise("tiktok", 1_500.0, None, None, _profile())
    # 1,500 ÷ 1,000 × 7 = 10.5 -> 11 and × 25 = 37.5 -> 38: prices, so halves go up
    assert (advice.suggestions[0].low, advice.suggestions[0].high) == (11.0, 38.0)
    assert advice.suggestions[2].multipliers == {"niche": 1.0, "audience region": 1.0,
                                                 "engagement": 1.0, "exclusivity": 1.2}
    # the three-video deliverable's formula starts with its count; the single ones do not
    assert advice.suggestions[3].formula == (
        "3 × 1,500 views ÷ 1,000 × 7.00–25.00 USD CPM × 1.00 niche × 1.00 audience region × "
        "1.00 engagement")
    assert advice.suggestions[0].formula.startswith("1,500 views")


def test_the_advice_states_its_views_cpm_range_source_and_factors():
    advice = rates.advise("tiktok", 1_500.0, None, "low", _profile(niche="Pets"))
    assert advice.expected_views == 1_500.0
    assert (advice.cpm_low, advice.cpm_high) == (7.0, 25.0)  # TikTok video, USD
    assert advice.cpm_source == "AWISEE, Influencer marketing CPM 2025 (2025)"
    assert advice.multipliers == {
        "niche": (0.8, "niche 'Pets' (pets)"),
        "audience region": (1.0, "no audience country data"),
        "engagement": (0.8, "engagement low for the tier"),
    }


def test_niche_words_are_trimmed_of_punctuation_only_and_matched_whole():
    # "Cooking," is the word cooking (food, 0.9), found before travel (1.0) in the table
    assert rates.niche_factor("Cooking, travel") == (0.9, "niche 'Cooking, travel' (food)")
    # a letter is not punctuation: "Xfood" is a word of its own, in no niche
    assert rates.niche_factor("Xfood") == (1.0, "no factor listed for niche 'Xfood'")


def test_a_hyphenated_niche_matches_the_tables_hyphenated_word_and_its_parts():
    # the table lists "real-estate" among real estate's words: written so, it is real estate
    # (1.4), not "no factor" (the hyphen used to be replaced by a space before matching, so the
    # table's hyphenated words could never match)
    assert rates.niche_factor("Real-estate") == (1.4, "niche 'Real-estate' (real estate)")
    assert rates.niche_factor("Personal-finance")[0] == 1.5  # finance, by "personal-finance"
    # a hyphenated phrase is also its parts: "food" is found in "Food-and-travel" (0.9)
    assert rates.niche_factor("Food-and-travel") == (0.9, "niche 'Food-and-travel' (food)")


def test_a_niche_that_is_a_two_word_key_matches_it_whole():
    # "real estate" is two words, neither in the table's match words: the whole niche matches
    assert rates.niche_factor(" Real Estate ") == (1.4, "niche ' Real Estate ' (real estate)")
