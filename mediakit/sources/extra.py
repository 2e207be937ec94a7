"""posts-extra.csv: per-post figures the creator copies from the app, labelled self-reported.

TikTok shows average watch time and "watched full video" only on screen; YouTube exports them.
A creator may type them, per post, into ``content/data/<platform>/posts-extra.csv`` using the
canonical post column names (``post_id`` or ``url`` to say which post, then any of the figure
columns). These values only ever *fill* what the exports leave empty: an exported number is never
replaced by a typed one. The file is listed as a SourceFile of kind "<platform>.posts_extra", so
analytics and the methodology page can label its figures self-reported.
"""

from __future__ import annotations

import difflib
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from mediakit.errors import SourceError, UnsafePathError
from mediakit.sources.cells import MISSING, counts, durations, fractions, web_links
from mediakit.sources.files import MAX_TABLE_BYTES, RawFile, relative_label
from mediakit.sources.readfile import read_table
from mediakit.tables import Account, SourceFile, conform

EXTRA_FILE = "posts-extra.csv"
KIND = "posts_extra"
ID_COLUMNS = ("post_id", "url")
COUNT_COLUMNS = ("views", "reach", "likes", "comments", "shares", "saves")
SECONDS_COLUMNS = ("duration_s", "watch_time_s", "avg_watch_s")
TEXT_COLUMNS = ("title", "kind", "hashtags", "sound")
COLUMNS = ID_COLUMNS + COUNT_COLUMNS + SECONDS_COLUMNS + TEXT_COLUMNS + (
    "posted_at", "completion_rate", "sponsored")
_ID_IN_URL = re.compile(r"/(?:video|reel|p|shorts)/([A-Za-z0-9_-]+)|[?&]v=([A-Za-z0-9_-]+)")
_YES = {"yes": True, "true": True, "1": True, "y": True, "no": False, "false": False, "0": False,
        "n": False}


def post_id_from_url(url: str) -> str | None:
    """The platform's id in a post link: .../video/7527623000473079054 -> "7527623000473079054"."""
    found = _ID_IN_URL.search(url)
    if not found:
        return None
    return found.group(1) or found.group(2)


def read_extra(folder: Path, platform: str, *, content_dir: Path) -> tuple[pd.DataFrame,
                                                                          SourceFile] | None:
    """The canonical posts rows typed in ``folder/posts-extra.csv``; None when there is no file."""
    path = Path(folder) / EXTRA_FILE
    if not path.is_file():
        return None
    label = relative_label(path, content_dir)
    root = Path(os.path.abspath(content_dir)).resolve()
    if root not in path.resolve().parents:
        raise UnsafePathError("points outside the project folder, so mediakit will not read it",
                              file=label, hint="copy the file into the project instead of linking")
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise SourceError(f"is too large ({size:,} bytes) for a list of posts", file=label)
    raw = RawFile(label, path.name, ".csv", path.read_bytes(),
                  datetime.fromtimestamp(path.stat().st_mtime, UTC))
    table = read_table(raw)
    table.columns = [str(name).strip().lower().replace(" ", "_") for name in table.columns]
    _check_columns(table, label)
    frame = _parse(table, label, platform)
    source = SourceFile(path=label, platform=platform, kind=f"{platform}.{KIND}",
                        rows=len(frame))
    return frame, source


def _check_columns(table: pd.DataFrame, label: str) -> None:
    for name in table.columns:
        if name and name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "columns: " + ", ".join(COLUMNS)
            raise SourceError(f"unknown column '{name}'", file=label, line=1, field=name,
                              hint=hint)
    if not any(name in table.columns for name in ID_COLUMNS):
        raise SourceError("needs a post_id or url column to say which post each row is about",
                          file=label, line=1,
                          hint="copy the post's link from the app into a column named url")


def _parse(table: pd.DataFrame, label: str, platform: str) -> pd.DataFrame:
    frame = pd.DataFrame(index=table.index)
    text = {name: table[name].str.strip() for name in table.columns if name}
    ids = text.get("post_id", pd.Series("", index=table.index))
    urls = web_links(text.get("url", pd.Series("", index=table.index)), file=label, column="url")
    from_urls = urls.map(lambda url: post_id_from_url(url) or "")
    frame["post_id"] = ids.where(ids != "", from_urls)
    for row, (post_id, url) in enumerate(zip(frame["post_id"], urls, strict=True)):
        if not post_id:
            line = int(table.index[row])
            what = (f"the link '{url}' has no post id in it" if url
                    else "this row has no post_id or url")
            raise SourceError(what, file=label, line=line,
                              field="post_id" if not url else "url",
                              hint="copy the post's link from the app, e.g. "
                              "https://www.tiktok.com/@you/video/7527623000473079054")
    if frame["post_id"].duplicated().any():
        row = int(table.index[frame["post_id"].duplicated().to_numpy()][0])
        raise SourceError(f"post '{frame['post_id'][row]}' appears twice", file=label, line=row,
                          field="post_id", hint="keep one row per post")
    frame["url"] = urls.where(urls != "")
    for name in COUNT_COLUMNS:
        if name in text:
            frame[name] = counts(text[name], file=label, column=name)
    for name in SECONDS_COLUMNS:
        if name in text:
            frame[name] = durations(text[name], file=label, column=name)
    if "completion_rate" in text:
        typed = text["completion_rate"]
        rates = fractions(typed, file=label, column="completion_rate")
        plain = ~typed.str.endswith("%")
        rates = rates.where(~(plain & (rates > 1)).fillna(False), rates / 100)  # "45" for 45%
        _in_range(rates, 0, 1, label, "completion_rate", "a share such as 0.45 or 45%")
        frame["completion_rate"] = rates
    for name in SECONDS_COLUMNS + COUNT_COLUMNS:
        if name in frame:
            _in_range(frame[name], 0, None, label, name, "a number of 0 or more")
    for name in TEXT_COLUMNS:
        if name in text:
            frame[name] = text[name].where(~text[name].str.lower().isin(MISSING))
    if "posted_at" in text:
        frame["posted_at"] = _dates(text["posted_at"], label)
    if "sponsored" in text:
        frame["sponsored"] = _booleans(text["sponsored"], label)
    frame["platform"] = platform
    return conform(frame.reset_index(drop=True), "posts")


def _in_range(values: pd.Series, low: float, high: float | None, label: str, column: str,
              wanted: str) -> None:
    bad = values.notna() & ((values < low) | (values > high if high is not None else False))
    if bad.fillna(False).any():
        row = int(values.index[bad.fillna(False).to_numpy()][0])
        raise SourceError(f"'{values[row]}' is out of range: expected {wanted}", file=label,
                          line=row, field=column)


def _dates(values: pd.Series, label: str) -> pd.Series:
    parsed = pd.to_datetime(values.where(~values.str.lower().isin(MISSING)), format="ISO8601",
                            errors="coerce")
    bad = values.ne("") & ~values.str.lower().isin(MISSING) & parsed.isna()
    if bad.any():
        row = int(values.index[bad.to_numpy()][0])
        raise SourceError(f"'{values[row]}' is not a date", file=label, line=row,
                          field="posted_at", hint="write dates as YYYY-MM-DD, e.g. 2026-11-03")
    return parsed


def _booleans(values: pd.Series, label: str) -> pd.Series:
    lowered = values.str.lower()
    result = lowered.map(lambda v: _YES.get(v, pd.NA) if v not in MISSING else pd.NA)
    bad = ~lowered.isin(MISSING) & result.isna()
    if bad.any():
        row = int(values.index[bad.to_numpy()][0])
        raise SourceError(f"'{values[row]}' is not yes or no", file=label, line=row,
                          field="sponsored", hint="write yes or no")
    return result.astype("boolean")


def fill_posts(posts: pd.DataFrame, extra: pd.DataFrame) -> pd.DataFrame:
    """Exported posts with empty cells filled from the typed rows (exports always win).

    Rows for posts the exports do not list are kept: the history folder may know them, and the
    history merge joins them by post id.
    """
    if extra.empty:
        return posts
    if posts.empty:
        return conform(extra, "posts")
    left = posts.set_index(["platform", "post_id"])
    right = extra.set_index(["platform", "post_id"])
    merged = left.combine_first(right)
    return conform(merged.reset_index(), "posts")


def apply(account: Account, folder: Path, platform: str, *, content_dir: Path) -> Account:
    """The account with posts-extra.csv's figures filled in and the file listed as a source."""
    found = read_extra(folder, platform, content_dir=content_dir)
    if found is None:
        return account
    extra, source = found
    known = set(account.posts["post_id"].dropna())
    unmatched = [post_id for post_id in extra["post_id"] if post_id not in known]
    account.posts = fill_posts(account.posts, extra)
    account.files = [*account.files, source]
    if unmatched:
        account.notes = [*account.notes, f"{source.path}: {len(unmatched)} post(s) not in these "
                         "exports (kept: the history folder may know them)"]
    return account
