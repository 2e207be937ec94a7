"""Currency conversion for suggested rates: the one published pair, both ways, and nothing else."""

from __future__ import annotations

from mediakit.analytics.rates import fx_factor


def test_the_published_pair_converts_both_ways_and_an_unknown_pair_not_at_all():
    # the shipped table has one row: 1 EUR = 1.0411 USD (ECB reference rate)
    factor, row = fx_factor("EUR", "USD")
    assert factor == 1.0411 and (row["base"], row["quote"]) == ("EUR", "USD")
    assert fx_factor("USD", "EUR")[0] == 1 / 1.0411  # 100 USD -> 96.05 EUR
    # a pair sharing one currency with the row is still unknown
    assert fx_factor("GBP", "USD") is None
    assert fx_factor("EUR", "GBP") is None
