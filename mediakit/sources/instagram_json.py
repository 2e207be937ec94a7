"""Instagram "Download your information" JSON: the past insights of posts, reels and audience.

The download (``instagram-<user>-<YYYY-MM-DD>-<code>.zip``) holds the whole account: messages,
likes, searches... Only ``logged_information/past_instagram_insights/`` is read — ``posts.json``,
``reels.json`` and ``audience_insights.json``; every other file of the download is skipped
without being looked at. Two Meta habits are undone first:

- **mojibake**: Meta writes each UTF-8 byte as its own ``\\u00XX`` escape, so "é" arrives as
  "Ã©"; every string (and key) is re-read as the UTF-8 it was meant to be;
- **localized labels**: the keys of ``string_map_data`` are in the app's language ("Contas
  alcançadas", "Erreichte Konten"); the labels known below are matched without case or accents.

The download has no post ids or links, so its posts get ids made from their creation time and are
joined to the same post from the Business Suite CSV when both are present (``link_json_posts``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources import dates
from mediakit.sources.cells import country_codes, counts, durations, hashtags, shares
from mediakit.sources.files import RawFile, read_json
from mediakit.sources.merge import Piece
from mediakit.tables import SourceFile

PLATFORM = "instagram"
JSON_PREFIX = "igjson-"
# Folders of a data download: files there that hold no insights are skipped silently.
DOWNLOAD_FOLDERS = frozenset(
    {
        "logged_information", "your_instagram_activity", "personal_information", "connections",
        "security_and_login_information", "preferences", "ads_information",
        "apps_and_websites_off_of_instagram", "past_instagram_insights",
    }
)
_DOWNLOAD_NAME = re.compile(r"instagram-[^/]*?-(\d{4})-(\d{2})-(\d{2})")
# Country names in the audience file are in the app's language.
COUNTRY_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "tr", "pl")

# Canonical name <- labels in string_map_data (written naturally; compared normalised).
POST_LABELS: dict[str, tuple[str, ...]] = {
    "views": ("Views", "Plays", "Instagram Plays", "Visualizações", "Reproduções",
              "Reproducciones", "Visualizaciones", "Visualizzazioni", "Riproduzioni", "Vues",
              "Lectures", "Aufrufe", "Wiedergaben"),
    "impressions": ("Impressions", "Impressões", "Impresiones", "Impressioni", "Impressionen"),
    "reach": ("Accounts reached", "Contas alcançadas", "Cuentas alcanzadas", "Account raggiunti",
              "Comptes touchés", "Comptes atteints", "Erreichte Konten"),
    "likes": ("Likes", "Instagram Likes", "Curtidas", "Me gusta", "Mi piace", "J'aime",
              "Gefällt mir", "„Gefällt mir“-Angaben", "Gefällt mir-Angaben"),
    "comments": ("Comments", "Instagram Comments", "Comentários", "Comentarios", "Commenti",
                 "Commentaires", "Kommentare"),
    "shares": ("Shares", "Instagram Shares", "Compartilhamentos", "Veces compartido",
               "Compartidos", "Condivisioni", "Partages", "Geteilt", "Geteilte Inhalte"),
    "saves": ("Saves", "Instagram Saves", "Salvamentos", "Guardados", "Elementos guardados",
              "Salvataggi", "Enregistrements", "Gespeichert"),
    "duration": ("Duration", "Duração", "Duración", "Durata", "Durée", "Dauer"),
    "caption": ("Caption", "Legenda", "Pie de foto", "Didascalia", "Légende",
                "Bildunterschrift"),
}
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
POST_METRICS = ("views", "reach", "likes", "comments", "shares", "saves")


def label_key(text: str) -> str:
    """How labels are compared: no case, accents, quotes or hyphens ("„Gefällt mir“-Angaben")."""
    text = dates.normalise(text.replace("’", "'"))
    return " ".join(re.sub(r"[„“”\"«»\-]+", " ", text).split())


def _lookup(labels: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {label_key(text): name for name, texts in labels.items() for text in texts}


_POST_LOOKUP = _lookup(POST_LABELS)
_AUDIENCE_LOOKUP = _lookup(AUDIENCE_LABELS)


def fix_mojibake(value: Any) -> Any:
    """Undo Meta's byte-per-character escaping in every string and key, recursively.

    "Ã©" was UTF-8 read as Latin-1: encoding back to Latin-1 gives the bytes, which decode as
    UTF-8. A string that is not such a misreading (real "é", an emoji) is left as it is.
    """
    if isinstance(value, str):
        if not any("\x80" <= ch <= "\xff" for ch in value):
            return value
        try:
            return value.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return value
    if isinstance(value, list):
        return [fix_mojibake(item) for item in value]
    if isinstance(value, dict):
        return {fix_mojibake(key): fix_mojibake(item) for key, item in value.items()}
    return value


@dataclass
class JsonResult:
    pieces: list[Piece] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read(raw: RawFile, exported_on: date | None) -> JsonResult | None:
    """The insights in one JSON file; None for a download file that holds none (skip it)."""
    data = read_json(raw)
    if isinstance(data, dict):
        for key, reader in READERS.items():
            if key in data:
                anchor, warnings = download_day(raw, exported_on)
                entries = data[key]
                if not isinstance(entries, list):
                    raise SourceError("should be a list", file=raw.label, field=key)
                result = reader(fix_mojibake(entries), key, raw, anchor)
                result.warnings[:0] = warnings
                return result
        if any(str(key).startswith("organic_insights_") for key in data):
            return None  # interactions, reach, stories: account-level summaries not used
    if DOWNLOAD_FOLDERS & set(raw.label.split("/")[:-1]):
        return None
    raise SourceError(
        "is not an Instagram export mediakit knows",
        file=raw.label,
        hint="expected posts.json, reels.json or audience_insights.json from Instagram > "
        "Download your information (JSON format), under logged_information/"
        "past_instagram_insights/",
    )


def download_day(raw: RawFile, exported_on: date | None) -> tuple[date, list[str]]:
    """The day of the download: from ``instagram-<user>-YYYY-MM-DD-...``, else the profile."""
    found = _DOWNLOAD_NAME.search(raw.label)
    if found:
        try:
            day = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            day = None
        if day is not None and dates.plausible(day):
            return day, []
    if exported_on is not None:
        return exported_on, []
    day = raw.modified.date()
    return day, [
        f"Instagram: the download date of {raw.label} is unknown, so it was taken from the file "
        f"({day}); add `exported_on: YYYY-MM-DD` under platforms.instagram in profile.yaml"
    ]


# -- posts and reels ------------------------------------------------------------------------------


def _entry(entry: Any, where: str, label: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if not isinstance(entry, dict):
        raise SourceError("should be an object with string_map_data", file=label, field=where)
    strings, media = entry.get("string_map_data") or {}, entry.get("media_map_data") or {}
    if not isinstance(strings, dict) or not isinstance(media, dict):
        raise SourceError("string_map_data and media_map_data should be objects", file=label,
                          field=where)
    return strings, media


def _value(item: Any) -> str:
    if isinstance(item, dict):
        item = item.get("value", "")
    return "" if item is None else str(item).strip()


def _created(strings: dict[str, Any], media: dict[str, Any], where: str, label: str) -> datetime:
    """Creation time: the thumbnail's, else the first timestamp among the labelled values."""
    stamps = [item.get("creation_timestamp") for item in media.values() if isinstance(item, dict)]
    stamps += [item.get("timestamp") for item in strings.values() if isinstance(item, dict)]
    for stamp in stamps:
        if isinstance(stamp, int | float) and not isinstance(stamp, bool) and stamp > 0:
            moment = datetime.fromtimestamp(int(stamp), tz=UTC).replace(tzinfo=None)
            if datetime(2010, 1, 1) <= moment <= datetime(2100, 1, 1):
                return moment
            break
    raise SourceError("has no creation time", file=label, field=where,
                      hint="download your information again (JSON format)")


def _posts(entries: list[Any], key: str, raw: RawFile, anchor: date) -> JsonResult:
    label, kind = raw.label, "reel" if key == "organic_insights_reels" else None
    rows: list[dict[str, Any]] = []
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        strings, media = _entry(entry, where, label)
        named = {}
        for text, item in strings.items():
            name = _POST_LOOKUP.get(label_key(str(text)))
            if name is not None and name not in named:
                named[name] = (str(text), _value(item))
        thumb = next((item for item in media.values() if isinstance(item, dict)), {})
        caption = named.get("caption", ("", ""))[1] or str(thumb.get("title") or "").strip()
        rows.append({"posted_at": _created(strings, media, where, label), "title": caption,
                     "named": named})
    frame = pd.DataFrame(
        {
            "posted_at": pd.Series([row["posted_at"] for row in rows], dtype="datetime64[ns]"),
            "title": pd.Series([row["title"] for row in rows], dtype="string"),
        }
    )
    stamps = frame["posted_at"].dt.strftime("%Y%m%dT%H%M%S").astype("string")
    ids = JSON_PREFIX + stamps
    repeat = ids.groupby(ids).cumcount()  # two posts in the same second stay apart
    frame["post_id"] = ids.where(repeat == 0, ids + "-" + (repeat + 1).astype("string"))
    frame["kind"] = pd.Series([kind] * len(rows), dtype="string")
    frame["hashtags"] = hashtags(frame["title"])
    frame["title"] = frame["title"].replace("", pd.NA)
    for name in (*POST_METRICS, "impressions", "duration"):
        column = _numbers(rows, name, key, label)
        if column is not None:
            frame[name] = column
    if "views" not in frame and "impressions" in frame:
        frame["views"] = frame["impressions"]  # Meta's Views replaced Impressions in 2024-25
    if "duration" in frame:
        frame["duration_s"] = frame["duration"].where(frame["duration"] > 0)
    frame = frame.drop(columns=["impressions", "duration"], errors="ignore")
    frame["snapshot_date"] = pd.Timestamp(anchor)
    posted = frame["posted_at"]
    first = posted.min().date() if len(frame) else None
    last = posted.max().date() if len(frame) else None
    kind_name = "reels" if kind else "posts"
    source = SourceFile(label, PLATFORM, f"instagram.insights_{kind_name}", len(frame), first, last)
    warnings = [] if len(frame) else [f"Instagram: {label} lists no {kind_name}"]
    return JsonResult([Piece("posts", frame, anchor, source, warnings)])


def _numbers(rows: list[dict[str, Any]], name: str, key: str, label: str) -> pd.Series | None:
    if not any(name in row["named"] for row in rows):
        return None
    texts = pd.Series([row["named"].get(name, ("", ""))[1] for row in rows], dtype="str")
    try:
        if name == "duration":
            cleaned = texts.str.replace(r"\s*(?:s|sec|secs|seconds?)\.?$", "", regex=True)
            return durations(cleaned, file=label, column=name)
        return counts(texts, file=label, column=name)
    except SourceError as err:  # point at the JSON entry: the "line" was its list position
        i = int(err.line or 0)
        field_name = rows[i]["named"][name][0]
        raise SourceError(err.message, file=label, field=f"{key}[{i}].{field_name}",
                          hint=err.hint) from err


# -- audience -------------------------------------------------------------------------------------


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


def _audience(entries: list[Any], key: str, raw: RawFile, anchor: date) -> JsonResult:
    label = raw.label
    named: dict[str, tuple[str, str]] = {}
    for i, entry in enumerate(entries):
        strings, _ = _entry(entry, f"{key}[{i}]", label)
        for text, item in strings.items():
            name = _AUDIENCE_LOOKUP.get(label_key(str(text)))
            if name is not None:
                named.setdefault(name, (f"{key}[{i}].{text}", _value(item)))
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
    return JsonResult(pieces)


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


READERS = {
    "organic_insights_posts": _posts,
    "organic_insights_reels": _posts,
    "organic_insights_audience": _audience,
}


# -- joining download posts to Business Suite posts ----------------------------------------------


def link_json_posts(posts: pd.DataFrame) -> pd.DataFrame:
    """Join each download post to the same post from the Business Suite CSV.

    The download has no post id, so without this a post in both would be counted twice. Same
    caption and a creation day at most one day apart (the download's clock is UTC, the CSV's is
    local) means the same post; an empty caption only matches the only post of that day on both
    sides. The joined row keeps the CSV's id, link, publish time and totals, and takes from the
    download only what the CSV left missing.
    """
    ids = posts["post_id"].astype("string")
    from_json = ids.str.startswith(JSON_PREFIX).fillna(False).to_numpy(dtype=bool)
    if not from_json.any() or from_json.all():
        return posts
    csv_side, json_side = _match_keys(posts[~from_json]), _match_keys(posts[from_json])
    pairs = csv_side.merge(json_side, on="caption", suffixes=("_csv", "_json"))
    pairs["gap"] = (pairs["day_json"] - pairs["day_csv"]).abs()
    alone = (pairs["gap"] == pd.Timedelta(0)) & pairs["alone_csv"] & pairs["alone_json"]
    pairs = pairs[(pairs["gap"] <= pd.Timedelta(days=1)) & ((pairs["caption"] != "") | alone)]
    pairs = pairs.sort_values(["gap", "row_csv", "row_json"], kind="mergesort")
    pairs = pairs.drop_duplicates("row_csv").drop_duplicates("row_json")
    if pairs.empty:
        return posts
    out = posts.copy()
    keep, gone = pairs["row_csv"].to_numpy(), pairs["row_json"].to_numpy()
    for column in out.columns.difference(["post_id", "posted_at", "url", "_rank"]):
        mine = out.loc[keep, column]
        theirs = pd.Series(posts.loc[gone, column].to_numpy(), index=mine.index)
        out.loc[keep, column] = mine.where(mine.notna(), theirs)
    return out.drop(index=gone)


def _match_keys(frame: pd.DataFrame) -> pd.DataFrame:
    day = frame["posted_at"].dt.normalize()
    caption = frame["title"].astype("string").fillna("").str.split().str.join(" ").str.casefold()
    alone = day.map(day.value_counts()) == 1
    return pd.DataFrame(
        {"row": frame.index, "day": day, "caption": caption, "alone": alone.to_numpy()}
    )
