"""One insights entry of Instagram's data download, as Meta writes it, read back.

Each entry holds its figures in ``string_map_data`` under labels, and two Meta habits are undone
here:

- **mojibake**: Meta writes each UTF-8 byte as its own ``\\u00XX`` escape, so "é" arrives as
  "Ã©"; every string (and key) is re-read as the UTF-8 it was meant to be;
- **localized labels**: the keys of ``string_map_data`` are in the app's language ("Contas
  alcançadas", "Erreichte Konten"); labels are matched without case or accents (``label_key``).
"""

from __future__ import annotations

import re
from typing import Any

from mediakit.errors import SourceError
from mediakit.sources import dates

PLATFORM = "instagram"


def label_key(text: str) -> str:
    """How labels are compared: no case, accents, quotes or hyphens ("„Gefällt mir“-Angaben")."""
    text = dates.normalise(text.replace("’", "'"))
    return " ".join(re.sub(r"[„“”\"«»\-]+", " ", text).split())


def label_lookup(labels: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """``label_key`` of every label -> its canonical name."""
    return {label_key(text): name for name, texts in labels.items() for text in texts}


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


def entry_maps(entry: Any, where: str, label: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """An entry's ``string_map_data`` and ``media_map_data``; ``where`` names it in errors."""
    if not isinstance(entry, dict):
        raise SourceError("should be an object with string_map_data", file=label, field=where)
    strings, media = entry.get("string_map_data") or {}, entry.get("media_map_data") or {}
    if not isinstance(strings, dict) or not isinstance(media, dict):
        raise SourceError("string_map_data and media_map_data should be objects", file=label,
                          field=where)
    return strings, media


def entry_value(item: Any) -> str:
    """A labelled value as text ("" when missing)."""
    if isinstance(item, dict):
        item = item.get("value", "")
    return "" if item is None else str(item).strip()
