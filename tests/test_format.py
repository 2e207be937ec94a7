import math

import pytest

from mediakit.analytics.figures import Span
from mediakit.site.format import MISSING, Formatter, small_share, untitled


@pytest.fixture
def en() -> Formatter:
    return Formatter("en_US")


def test_compact_numbers_read_like_a_person_writes_them(en):
    assert en.compact(48_213) == "48.2K"
    assert en.compact(2_100_000) == "2.1M"
    assert en.compact(1_234) == "1,234"  # small numbers in full


def test_missing_is_a_dash_never_zero_or_nan(en):
    for value in (None, float("nan"), math.nan):
        assert en.compact(value) == MISSING
        assert en.percent(value) == MISSING
        assert en.money(value, "EUR") == MISSING


def test_percent_money_and_signed_changes(en):
    assert en.percent(0.0834) == "8.3%"
    assert en.money(850, "EUR") == "€850"
    assert en.money(99.5, "USD") == "$99.50"
    assert en.signed(-312) == "−312"
    assert en.signed(4_213) == "+4,213"


def test_the_profile_locale_decides_the_layout():
    fr = Formatter("fr_FR")
    assert fr.money(850, "EUR") == "850\xa0€"
    assert fr.compact(48_213) == "48,2\xa0k"
    assert fr.day("2026-11-16") == "16 nov. 2026"


def test_a_small_share_is_never_printed_as_zero(en):
    # 0.3% of the audience rounds to "0%" at no decimals: it exists, so "<1%"
    assert en.share(0.003) == "<1%"
    assert en.share(0.0049) == "<1%"
    assert en.share(0.005) == "<1%"  # 0.5 rounds half to even: 0, so still "<1%"
    assert en.share(0.006) == "1%"
    assert en.share(0.462) == "46%"
    assert en.share(0.0) == "0%"  # a real zero stays zero
    assert en.share(None) == MISSING
    # at one decimal (the charts' data tables) the floor is 0.1%
    assert small_share(0.0004, 1) == "<0.1%" and small_share(0.004, 1) is None


def test_a_window_label_says_the_days_the_data_covers(en):
    # 30 of 30 days to the as-of day; 28 (a 28-day export); 28 that end 2 days before as_of
    assert en.span(Span(30, 30, "2026-01-30", "2026-02-28", True)) == "last 30 days"
    assert en.span(Span(30, 28, "2026-02-01", "2026-02-28", True)) == (
        "last 28 days — all the data there is")
    assert en.span(Span(30, 28, "2026-02-01", "2026-02-28", False)) == (
        "28 days to Feb 28, 2026")  # no article: "Reach over the 28 days to …", never "the the"
    assert en.span(None) == MISSING


def test_a_post_without_a_title_has_one_wording_everywhere():
    assert untitled("") == untitled(None) == untitled("  ") == "Untitled post"
    assert untitled("Night Bus Home") == "Night Bus Home"
