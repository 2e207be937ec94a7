"""A suggested price range per deliverable, with every factor shown and the formula printed.

price = expected views (the median) ÷ 1,000 × CPM × niche × audience region × engagement
        × usage rights × exclusivity

The CPM range and the factors live in analytics/data/ with their sources; the creator's own rate
card is shown beside the suggestion, never replaced by it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from mediakit.analytics.figures import AudienceSplit, RateAdvice, SuggestedRate
from mediakit.analytics.reference import table

if TYPE_CHECKING:
    from mediakit.project.profile import Profile

FORMAT = {"tiktok": "video", "instagram": "reel", "youtube": "integration"}
OTHER = ("other", "others", "unknown")


def cpm_row(platform: str, rows: list[dict[str, str]] | None = None) -> dict[str, str] | None:
    """The CPM row for the platform's standard sponsored format."""
    wanted = FORMAT.get(platform)
    for row in table("cpm") if rows is None else rows:
        if row["platform"] == platform and row["format"] == wanted:
            return row
    return None


def fx_factor(source: str, target: str) -> tuple[float, dict[str, str]] | None:
    """Multiply an amount in ``source`` by the factor to get ``target``; None when unknown."""
    for row in table("fx"):
        rate = float(row["rate"])
        if row["base"] == target and row["quote"] == source:
            return 1 / rate, row
        if row["base"] == source and row["quote"] == target:
            return rate, row
    return None


def _multipliers(kind: str) -> list[dict[str, str]]:
    return [row for row in table("rate_multipliers") if row["kind"] == kind]


def niche_factor(niche: str | None) -> tuple[float, str]:
    """The niche's factor from its keywords; 1.0 (and why) when the table has no match."""
    if not niche:
        return 1.0, "no niche in the profile"
    # each word, and the parts of a hyphenated one: "Real-estate" is the table's "real-estate",
    # and "Food-and-travel" holds "food"
    words: set[str] = set()
    for word in niche.split():
        word = word.strip(".,&/").lower()
        words |= {word, *word.split("-")}
    for row in _multipliers("niche"):
        keys = set(row["match"].lower().split()) | {row["key"].lower()}
        if words & keys or niche.strip().lower() == row["key"].lower():
            return float(row["factor"]), f"niche '{niche}' ({row['key']})"
    return 1.0, f"no factor listed for niche '{niche}'"


def region_factor(countries: AudienceSplit | None) -> tuple[float, str]:
    """Share-weighted factor over the audience's known countries ("other" left out)."""
    if countries is None or not countries.shares:
        return 1.0, "no audience country data"
    regions = _multipliers("region")
    fallback = next(row for row in regions if row["match"] == "*")
    known = {code.upper(): share for code, share in countries.shares.items()
             if code.lower() not in OTHER and share > 0}
    total = sum(known.values())
    if total <= 0:
        return 1.0, "no audience country data"
    weighted = 0.0
    for code, share in known.items():
        row = next((r for r in regions if code in r["match"].split()), fallback)
        weighted += share * float(row["factor"])
    factor = weighted / total
    return factor, f"audience countries weighted by share ({total:.0%} of the audience known)"


def engagement_factor(band: str | None) -> tuple[float, str]:
    """From the benchmark band; 1.0 when there is no benchmark to compare with."""
    if band is None:
        return 1.0, "no benchmark for this platform and tier"
    for row in _multipliers("engagement"):
        if row["key"] == band:
            return float(row["factor"]), f"engagement {band} for the tier"
    return 1.0, f"engagement {band}"


def _round(amount: float) -> float:
    """To the nearest 10 from 100 up, else to the unit; halves go up (prices, not statistics)."""
    step = 10 if amount >= 100 else 1
    return float(math.floor(amount / step + 0.5) * step)


def advise(
    platform: str, expected_views: float | None, countries: AudienceSplit | None,
    band: str | None, profile: Profile,
) -> RateAdvice | None:
    """Suggested ranges for the platform's standard deliverables; None without views or CPM."""
    row = cpm_row(platform)
    if row is None or not expected_views:
        return None
    card = [rate for rate in profile.rates if rate.platform in (None, platform)]
    currency = card[0].currency if card else (
        profile.rates[0].currency if profile.rates else row["currency"])
    factor, fx_note = 1.0, None
    if currency != row["currency"]:
        found = fx_factor(row["currency"], currency)
        if found is None:
            currency = row["currency"]
            fx_note = f"shown in {currency}: mediakit has no exchange rate for the rate card's"
        else:
            factor, fx = found
            fx_note = (f"{row['currency']} table converted at 1 {fx['base']} = {fx['rate']} "
                       f"{fx['quote']} ({fx['source']}, {fx['date']})")
    cpm_low, cpm_high = float(row["cpm_low"]) * factor, float(row["cpm_high"]) * factor
    shared: dict[str, tuple[float, str]] = {
        "niche": niche_factor(profile.niche),
        "audience region": region_factor(countries),
        "engagement": engagement_factor(band),
    }
    usage = {r["key"]: float(r["factor"]) for r in _multipliers("usage")}
    exclusive = {r["key"]: float(r["factor"]) for r in _multipliers("exclusivity")}
    name = FORMAT[platform]
    deliverables: list[tuple[str, float, dict[str, float]]] = [
        (f"1 {name}, organic only", 1, {}),
        (f"1 {name} + paid usage rights (30 days)", 1,
         {"usage rights": usage["paid usage 30 days"]}),
        (f"1 {name} + category exclusivity (30 days)", 1,
         {"exclusivity": exclusive["category exclusivity 30 days"]}),
        (f"3 {name}s, organic only", 3, {}),
    ]
    suggestions = []
    for label, count, extra in deliverables:
        factors = {key: value for key, (value, _) in shared.items()} | extra
        product = 1.0
        for value in factors.values():
            product *= value
        low = count * expected_views / 1000 * cpm_low * product
        high = count * expected_views / 1000 * cpm_high * product
        times = f"{count:g} × " if count != 1 else ""
        parts = " × ".join(f"{value:.2f} {key}" for key, value in factors.items())
        formula = (f"{times}{expected_views:,.0f} views ÷ 1,000 × {cpm_low:.2f}–{cpm_high:.2f} "
                   f"{currency} CPM × {parts}")
        suggestions.append(SuggestedRate(label, _round(low), _round(high), currency, factors,
                                         formula))
    rate_card: list[dict[str, Any]] = [
        {"deliverable": rate.deliverable, "price": rate.price, "currency": rate.currency,
         "notes": rate.notes} for rate in card
    ]
    return RateAdvice(
        expected_views=expected_views,
        cpm_low=cpm_low,
        cpm_high=cpm_high,
        currency=currency,
        cpm_source=f"{row['source']} ({row['source_date']})",
        fx_note=fx_note,
        multipliers=shared,
        suggestions=suggestions,
        rate_card=rate_card,
    )
