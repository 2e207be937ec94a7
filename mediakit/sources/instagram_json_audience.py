"""The audience in Instagram's data download (``audience_insights.json``).

Countries, cities, ages and genders as shares, and the follower total, all as of the last day of
the period the file covers.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.cells import country_codes, counts, shares
from mediakit.sources.files import RawFile
from mediakit.sources.instagram_json_entries import (
    PLATFORM,
    entry_maps,
    entry_value,
    label_key,
    label_lookup,
)
from mediakit.sources.merge import Piece
from mediakit.tables import SourceFile

# Country names in the audience file are in the app's language.
COUNTRY_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "tr", "pl")
AUDIENCE_LABELS: dict[str, tuple[str, ...]] = {
    "followers": ("Followers", "Follower", "Seguidores", "Abonnés"),
    "period": ("Date Range", "Période", "Zeitraum", "Período", "Periodo"),
    "country": ("Follower Percentage by Country", "Pourcentage de followers en fonction du pays",
                "Prozentualer Anteil der Follower nach Land",
                "Porcentagem de seguidores por país", "Porcentaje de seguidores por país"),
    "city": ("Follower Percentage by City", "Pourcentage de followers en fonction de la ville",
             "Prozentualer Anteil der Follower nach Stadt",
             "Porcentagem de seguidores por cidade", "Porcentaje de seguidores por ciudad"),
    "age": ("Follower Percentage by Age for All Genders",
            "Pourcentage de followers en fonction de l'âge pour tous les genres",
            "Prozentualer Anteil an Followern nach Alter für alle Geschlechter"),
    "male": ("Total Follower Percentage for Men", "Pourcentage du total des followers hommes",
             "Prozentualer Anteil an männlichen Followern insgesamt"),
    "female": ("Total Follower Percentage for Women",
               "Pourcentage du total des followers femmes",
               "Pourcentage du total des de followers femmes",
               "Prozentualer Anteil an weiblichen Followern insgesamt"),
}
_AUDIENCE_LOOKUP = label_lookup(AUDIENCE_LABELS)


def _pairs(text: str, where: str, label: str) -> list[tuple[str, str]]:
    """ "Dublin, Ireland: 12.3%, Cork, Ireland: 4.1%" -> [("Dublin, Ireland", "12.3%"), ...]."""
    pairs = []
    for part in re.split(r"%\s*,\s*", text.strip()):
        if not part.strip():
            continue
        found = re.fullmatch(r"\s*(.+?)\s*:\s*([-+]?\d+(?:[.,]\d+)?)\s*%?\s*", part)
        if not found:
            raise SourceError(f"expected 'name: share%' pairs, got '{part.strip()[:40]}'",
                              file=label, field=where)
        pairs.append((found[1], found[2] + "%"))
    return pairs


def read_audience(entries: list[Any], key: str, raw: RawFile, anchor: date) -> list[Piece]:
    label = raw.label
    named: dict[str, tuple[str, str]] = {}
    for i, entry in enumerate(entries):
        strings, _ = entry_maps(entry, f"{key}[{i}]", label)
        for text, item in strings.items():
            name = _AUDIENCE_LOOKUP.get(label_key(str(text)))
            if name is not None:
                named.setdefault(name, (f"{key}[{i}].{text}", entry_value(item)))
    day = _period_end(named.get("period"), anchor, label)
    warnings: list[str] = []
    rows: list[tuple[str, str, str]] = []  # dimension, segment, share text
    places: list[str] = []  # the JSON field each row came from, for errors
    for dimension in ("country", "city", "age"):
        if dimension in named:
            where, text = named[dimension]
            found = _pairs(text, where, label)
            rows += [(dimension, name, share) for name, share in found]
            places += [where] * len(found)
    for gender in ("female", "male"):
        if gender in named and named[gender][1]:
            rows.append(("gender", gender, named[gender][1]))
            places.append(named[gender][0])
    frame = pd.DataFrame(rows, columns=["dimension", "segment", "text"], dtype="str")
    try:
        frame["share"] = shares(frame["text"], file=label, column="share").round(6)
    except SourceError as err:
        raise SourceError(err.message, file=label, field=places[int(err.line or 0)],
                          hint=err.hint) from err
    countries = frame["dimension"] == "country"
    if countries.any():
        codes, unknown = country_codes(frame.loc[countries, "segment"], COUNTRY_LANGUAGES)
        frame.loc[countries, "segment"] = codes
        if unknown:
            warnings.append(f"Instagram: {label}: country name(s) {', '.join(unknown)} not "
                            "recognised; shown as written")
    frame = frame.drop(columns="text").assign(as_of=pd.Timestamp(day),
                                              source=f"export: {raw.name}")
    source = SourceFile(label, PLATFORM, "instagram.insights_audience", len(frame), day, day)
    pieces = [Piece("audience", frame, day, source, warnings)]
    if "followers" in named:
        where, text = named["followers"]
        total = counts(pd.Series([text], dtype="str"), file=label, column=where).iloc[0]
        if pd.notna(total):
            daily = pd.DataFrame({"date": [pd.Timestamp(day)],
                                  "followers": pd.array([int(total)], dtype="Int64")})
            pieces.append(Piece("daily", daily, day, source))
    return pieces


def _period_end(period: tuple[str, str] | None, anchor: date, label: str) -> date:
    """The last day of "Jan 27 - Apr 26" (no year: the latest such day on or before the anchor)."""
    if period is None or not period[1]:
        return anchor
    end = re.split(r"\s+[-–]\s+", period[1])[-1]
    parsed = dates.parse_month_day(end)
    if parsed is None:
        raise SourceError(f"expected a period like 'Jan 27 - Apr 26', got '{period[1]}'",
                          file=label, field=period[0])
    if parsed.year is not None:
        day = date(parsed.year, parsed.month, parsed.day)
        if not dates.plausible(day):
            raise SourceError(f"the period '{period[1]}' is not a plausible date", file=label,
                              field=period[0])
        return day
    months, days = pd.Series([parsed.month]).to_numpy(), pd.Series([parsed.day]).to_numpy()
    year = int(dates.latest_years(months, days, anchor)[0])
    return date(year, parsed.month, parsed.day)
