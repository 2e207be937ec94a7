"""Values the profile accepts but a person may not have meant: asked about, never guessed.

``price: 1.250`` is a valid number, 1.25, and also how much of Europe writes one thousand two
hundred and fifty. A rate ten times below or above the creator's others, or a rate card in two
currencies, is usually a typo. Each is a warning naming the line and the likely meaning; the
value is used as written (a build never changes what the creator typed).
"""

from __future__ import annotations

import re
from pathlib import Path
from statistics import median

from mediakit.project.validation_errors import Where
from mediakit.project.yaml_lines import read_with_lines

THOUSANDS_LOOKALIKE = re.compile(r"^\s*(\d{1,3})\.(\d{3})\s*$")  # 1.250: a decimal point?
FAR_OFF = 10  # a price 10x below or above the median of the creator's other prices


def doubts(profile_file: Path, read: tuple[dict, dict[Where, int]] | None = None) -> list[str]:
    """One warning per rate whose price or currency looks like a slip.

    ``read`` is the profile as ``read_with_lines`` gives it, when the caller has it already.
    """
    data, lines = read or read_with_lines(profile_file)
    rates = data.get("rates")
    if not isinstance(rates, list):
        return []
    warnings: list[str] = []
    prices: list[tuple[int, float, str]] = []  # (index, price, currency)
    first = rates[0] if rates and isinstance(rates[0], dict) else {}
    default_currency = str(first.get("currency") or "USD")  # later rates inherit the first's
    for index, rate in enumerate(rates):
        if not isinstance(rate, dict):
            continue
        raw = rate.get("price")
        currency = str(rate.get("currency") or default_currency).strip().upper()
        where = _where(profile_file, lines, ("rates", index, "price"))
        if isinstance(raw, str):
            lookalike = THOUSANDS_LOOKALIKE.match(raw)
            if lookalike:
                whole = int(lookalike[1] + lookalike[2])
                warnings.append(
                    f"{where}: rates[{index}].price {raw.strip()} is read as "
                    f"{_plain(float(raw))} {currency}; if you meant {whole:,} write {whole} "
                    f"(no separator), or {_plain(float(raw))} to keep it")
            try:
                prices.append((index, float(raw), currency))
            except ValueError:
                continue  # the schema refuses it with its own message
    currencies = sorted({currency for _, _, currency in prices})
    if len(currencies) > 1:
        first = prices[0][2]
        index = next(i for i, _, currency in prices if currency != first)
        where = _where(profile_file, lines, ("rates", index, "currency"))
        warnings.append(
            f"{where}: the rate card mixes currencies ({', '.join(currencies)}); brands compare "
            "rates side by side, so use one currency unless you mean to")
    for index, price, currency in prices:
        others = [p for i, p, c in prices if i != index and c == currency and p > 0]
        if len(others) < 2 or price <= 0:
            continue
        typical = median(others)
        if price * FAR_OFF < typical or price > typical * FAR_OFF:
            where = _where(profile_file, lines, ("rates", index, "price"))
            side = "below" if price < typical else "above"
            warnings.append(
                f"{where}: rates[{index}].price {_plain(price)} {currency} is far {side} your "
                f"other rates (typical {_plain(typical)} {currency}); check for a missing or "
                "extra digit")
    return warnings


def _where(profile_file: Path, lines: dict[Where, int], key: Where) -> str:
    line = lines.get(key) or lines.get(key[:-1])
    return f"{profile_file}:{line}" if line else str(profile_file)


def _plain(number: float) -> str:
    """1.25 -> '1.25', 500.0 -> '500': the number as a person would type it."""
    return f"{number:.2f}".rstrip("0").rstrip(".") if number % 1 else f"{number:.0f}"
