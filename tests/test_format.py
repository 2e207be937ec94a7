import math

import pytest

from mediakit.site.format import MISSING, Formatter


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
