"""Posts and reels in Instagram's data download (``posts.json``, ``reels.json``).

The download has no post ids or links, so its posts get ids made from their creation time and are
joined to the same post from the Business Suite CSV by the one rule of
:mod:`mediakit.sources.same_post`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

from mediakit.errors import SourceError
from mediakit.sources.cells import counts, durations, hashtags
from mediakit.sources.files import RawFile
from mediakit.sources.instagram_json_entries import (
    PLATFORM,
    entry_maps,
    entry_value,
    label_key,
    label_lookup,
)
from mediakit.sources.merge import Piece
from mediakit.sources.same_post import made_up_ids
from mediakit.tables import SourceFile

JSON_PREFIX = "igjson-"
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
POST_METRICS = ("views", "reach", "likes", "comments", "shares", "saves")
_POST_LOOKUP = label_lookup(POST_LABELS)


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


def read_posts(entries: list[Any], key: str, raw: RawFile, anchor: date) -> list[Piece]:
    label, kind = raw.label, "reel" if key == "organic_insights_reels" else None
    rows: list[dict[str, Any]] = []
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        strings, media = entry_maps(entry, where, label)
        named = {}
        for text, item in strings.items():
            name = _POST_LOOKUP.get(label_key(str(text)))
            if name is not None and name not in named:
                named[name] = (str(text), entry_value(item))
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
    frame["post_id"] = made_up_ids(JSON_PREFIX, frame["posted_at"])
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
    return [Piece("posts", frame, anchor, source, warnings)]


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
