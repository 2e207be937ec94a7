"""One rule for "the same post", used by every reader and by the history.

A post can reach mediakit through several files: TikTok Studio's Content.csv and the "Download
your data" JSON, Instagram's Business Suite CSV and its data download, this month's export and
last month's. Whether two rows are one post decides every post count, median and top list, so
the rule must not depend on *where* the rows meet: the readers (one download) and
``mediakit.history`` (every download so far) both call :func:`join`, and joining again what was
already joined changes nothing.

The rule, in order:

1. **Ids first.** A row carries either the platform's own post id (a TikTok video id, an
   Instagram Post ID, a YouTube video id) or an id a reader *made up* from the posting moment
   because its file has none (``json-20260304T183000``; see :func:`made_up_ids`). Rows with the
   same id are one post. Two rows that both carry a platform id are one post only if the ids are
   equal, whatever their captions and days; two made-up ids are two different posting moments,
   so two posts.
2. **A made-up row joins a row with a platform id** of the same platform when either
   a. the platform row carries exactly the moment the made-up id was made of, to the second:
      in its id (a TikTok video id holds its posting second, UTC, in its top 32 bits: see
      :func:`id_moments`), or in its posting time (a post joined in an earlier build). This is
      the id deciding: it holds whatever the captions say, empty or edited; or
   b. both have the same caption once normalised (Unicode NFKC, case-folded, runs of spaces and
      line breaks as one space) and it is not empty, and their posting days are at most one day
      apart (a data download's clock is UTC, Studio and Business Suite use local days, so a post
      made near midnight falls on different days).
   Each row joins at most one other. When one caption has several candidates (a caption reused
   on following days), the rows are paired in posting order, as many pairs as possible, then
   the smallest day gaps: a creator who posts every evening in a time zone behind UTC has every
   download day one later than Studio's, and each post still finds its own twin.
3. **Never the same post** otherwise: an empty caption (it says nothing about which post it is),
   captions that differ after normalisation (an edited caption: a wrong join would erase a post
   for good, a missed one only shows a download's row apart until both files show the new
   caption), days two or more apart.

The joined row keeps the platform id and link. Each column takes the platform file's newest
known value, the download filling only what it left missing (its sound, its branded-content
flag); the posting time is the most precise one: a time of day beats a bare date, and between two
times the platform file's wins.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

TIKTOK = "tiktok"
KEYS = ["platform", "post_id"]
PLATFORM_ROW = "_platform_row"  # working column: does the row's own id come from the platform?
DAY_SKEW = pd.Timedelta(days=1)  # UTC against local days: a post near midnight is a day off
# prefix-YYYYMMDDTHHMMSS, "-2", "-3"... for posts of the same second (see made_up_ids).
_MADE_UP = re.compile(r"^[a-z]+-\d{8}T\d{6}(?:-\d+)?$")
# TikTok launched in September 2016: an id that decodes to an earlier second is not a video id.
_FIRST_TIKTOK_SECOND = int(pd.Timestamp("2016-09-01").timestamp())
_LAST_SECOND = int(pd.Timestamp("2100-01-01").timestamp())


def made_up_ids(prefix: str, posted_at: pd.Series) -> pd.Series:
    """Ids for a file without post ids: its prefix and the posting moment, unique per file.

    The moment is what makes the id the same in every download of the same post; two posts of
    the same second get "-2", "-3"... in file order.
    """
    ids = prefix + posted_at.dt.strftime("%Y%m%dT%H%M%S").astype("string")
    repeat = ids.groupby(ids).cumcount()
    return ids.where(repeat == 0, ids + "-" + (repeat + 1).astype("string"))


def is_made_up(post_ids: pd.Series) -> pd.Series:
    """True for ids a reader made up (see :func:`made_up_ids`), False for the platform's ids."""
    return post_ids.astype("string").fillna("").str.match(_MADE_UP).astype(bool)


def id_moments(platforms: pd.Series, post_ids: pd.Series) -> pd.Series:
    """The posting second (UTC) an id carries, NaT for ids that carry none.

    A TikTok video id is a number whose top 32 bits are the unix second the video was posted:
    ``7527623000473079054 >> 32`` is 2025-07-16 10:21:48, and a real Content.csv lists that
    video's Post time as "July 16" (its other videos agree, to the local day). The data
    download's ``Date`` is that second too (UTC presumed: the file names no time zone; were it
    local, no second would match and the caption rule would still apply), so a download post and
    a Studio video are told the same by their ids alone.
    """
    ids = post_ids.astype("string").fillna("").str.strip()
    tiktok = (platforms.astype("string") == TIKTOK).fillna(False).to_numpy(dtype=bool)
    tiktok &= ids.str.fullmatch(r"\d{15,20}").fillna(False).to_numpy(dtype=bool)
    seconds = [float(int(value) >> 32) if is_tiktok else float("nan")
               for value, is_tiktok in zip(ids, tiktok, strict=True)]
    plausible = [_FIRST_TIKTOK_SECOND <= value < _LAST_SECOND for value in seconds]
    kept = [value if ok else float("nan") for value, ok in zip(seconds, plausible, strict=True)]
    return pd.Series(pd.to_datetime(kept, unit="s"), index=ids.index, dtype="datetime64[ns]")


def caption_key(titles: pd.Series) -> pd.Series:
    """A caption as compared: NFKC, case-folded, whitespace collapsed; "" for a missing one."""
    text = titles.astype("string").fillna("")
    normal = pd.Series([unicodedata.normalize("NFKC", value) for value in text],
                       index=text.index, dtype="string")
    return normal.str.casefold().str.split().str.join(" ").fillna("")


def join(posts: pd.DataFrame, order: str) -> pd.DataFrame:
    """One row per post under the rule above (``order``: a column, higher = the later file).

    ``posts`` has the canonical posts columns (``platform`` included) and may hold several rows
    per id (snapshots of one post); the result has one row per (platform, post_id), the extra
    ``order`` column kept as the caller gave it.
    """
    if posts.empty:
        return posts
    frame = posts.assign(**{PLATFORM_ROW: ~is_made_up(posts["post_id"]).to_numpy()})
    once = _combine(frame, order)
    aliases = same_post_ids(once)
    if aliases:
        # a row without an id keeps its missing id: made "" here, it would no longer meet its
        # own post read back from the history (where "" is read as missing) and count twice
        frame["post_id"] = [aliases.get(name, post_id) for name, post_id
                            in zip(_names(frame), frame["post_id"], strict=True)]
        once = _combine(frame, order)
    return once.drop(columns=PLATFORM_ROW)


def same_post_ids(posts: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Which made-up ids are posts that carry a platform id: {(platform, made-up id): id}.

    ``posts`` has one row per (platform, post_id).
    """
    made_up = is_made_up(posts["post_id"]).to_numpy()
    if not made_up.any() or made_up.all():
        return {}
    names = _names(posts)
    rows = pd.DataFrame(
        {
            "group": [platform for platform, _ in names],
            "post_id": posts["post_id"].astype("string").to_numpy(),
            "moment": posts["posted_at"].to_numpy(),
            "timed": _timed(posts["posted_at"]).to_numpy(),
            "day": posts["posted_at"].dt.normalize().to_numpy(),
            "caption": caption_key(posts["title"]).to_numpy(),
        }
    )
    # a row without an id (an API snapshot's empty cell) has no platform id to lend
    ours, theirs = rows[~made_up & posts["post_id"].notna().to_numpy()], rows[made_up]
    aliases: dict[tuple[str, str], str] = {}
    used: set[int] = set()
    # a. the exact moment a made-up id was made of, in the other's id or its posting time
    clock = pd.Series(id_moments(posts["platform"], posts["post_id"]).to_numpy())  # rows' index
    by_id = ours.assign(moment=clock[ours.index])
    exact = pd.concat(
        [theirs[theirs["timed"]].reset_index().merge(
            mine[mine["moment"].notna()].reset_index(), on=["group", "moment"],
            suffixes=("_m", "_p"))
         for mine in (by_id, ours[ours["timed"]])])
    # by several columns pandas always sorts stably (lexsort): no sort kind to choose
    for pair in exact.sort_values(["post_id_p", "post_id_m"]).itertuples():
        if pair.index_m not in used and pair.index_p not in used:
            used.update((pair.index_m, pair.index_p))
            aliases[names[pair.index_m]] = pair.post_id_p
    # b. the same caption, a day either way, paired in posting order
    pairs = theirs[~theirs.index.isin(used)].reset_index().merge(
        ours[~ours.index.isin(used)].reset_index(), on=["group", "caption"], suffixes=("_m", "_p"))
    pairs = pairs[(pairs["caption"] != "") & pairs["day_m"].notna() & pairs["day_p"].notna()]
    days = (pairs["day_m"] - pairs["day_p"]).abs()
    pairs, days = pairs[days <= DAY_SKEW], days[days <= DAY_SKEW].dt.days
    both_timed = (pairs["timed_m"] & pairs["timed_p"]).to_numpy(dtype=bool)
    seconds = (pairs["moment_m"] - pairs["moment_p"]).abs().dt.total_seconds().where(both_timed, 0)
    gaps: dict[tuple[str, str], dict[tuple[int, int], tuple[int, float]]] = {}
    for group, caption, made, platform, day_gap, second_gap in zip(
        pairs["group"], pairs["caption"], pairs["index_m"], pairs["index_p"], days, seconds,
        strict=True,
    ):
        gaps.setdefault((group, caption), {})[made, platform] = (int(day_gap), float(second_gap))
    posting_order = list(zip(rows["moment"], rows["post_id"], strict=True))
    for _, edges in sorted(gaps.items()):
        for made, platform in _pair_in_order(edges, posting_order):
            aliases[names[made]] = str(rows.at[platform, "post_id"])
    return aliases


def _pair_in_order(
    gaps: dict[tuple[int, int], tuple[int, float]], posting_order: list[tuple[object, str]]
) -> list[tuple[int, int]]:
    """The most pairs that keep posting order, then the smallest day and time gaps.

    ``gaps`` holds every allowed (made-up row, platform row) pair of one caption with its gap in
    days and seconds; a small dynamic programme (the rows of one caption are few) finds the
    order-keeping pairing.
    """
    made = sorted({pair[0] for pair in gaps}, key=posting_order.__getitem__)
    plat = sorted({pair[1] for pair in gaps}, key=posting_order.__getitem__)
    if len(made) == 1 and len(plat) == 1:
        return [(made[0], plat[0])]
    # best[i][j]: (pairs, -day gaps, -seconds) over the first i made-up and j platform rows
    best = [[(0, 0, 0.0)] * (len(plat) + 1) for _ in range(len(made) + 1)]
    for i in range(1, len(made) + 1):
        for j in range(1, len(plat) + 1):
            options = [best[i - 1][j], best[i][j - 1]]
            gap = gaps.get((made[i - 1], plat[j - 1]))
            if gap is not None:
                count, days, seconds = best[i - 1][j - 1]
                options.append((count + 1, days - gap[0], seconds - gap[1]))
            best[i][j] = max(options)
    chosen: list[tuple[int, int]] = []
    i, j = len(made), len(plat)
    while i and j:
        gap = gaps.get((made[i - 1], plat[j - 1]))
        if gap is not None:
            count, days, seconds = best[i - 1][j - 1]
            if best[i][j] == (count + 1, days - gap[0], seconds - gap[1]):
                chosen.append((made[i - 1], plat[j - 1]))
                i, j = i - 1, j - 1
                continue
        if best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return sorted(chosen)


def _combine(frame: pd.DataFrame, order: str) -> pd.DataFrame:
    """One row per id: the platform file's newest known value per column, the finest clock."""
    keys = KEYS
    # sorted by several columns, stably (pandas' lexsort), then grouped in key order
    ranked = frame.sort_values([PLATFORM_ROW, "snapshot_date", order], na_position="first")
    # last() skips missing values: a newer (or a download's) gap never erases a known value
    out = ranked.groupby(keys, dropna=False).last()
    by_clock = frame.assign(_timed=_timed(frame["posted_at"]).to_numpy()).sort_values(
        ["_timed", PLATFORM_ROW, "snapshot_date", order], na_position="first")
    out["posted_at"] = by_clock.groupby(keys, dropna=False)["posted_at"].last()
    return out.reset_index()


def _names(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Each row's (platform, post_id)."""
    columns = [frame[key].astype("string").fillna("").tolist() for key in KEYS]
    return list(zip(*columns, strict=True))


def _timed(posted_at: pd.Series) -> pd.Series:
    """True where the posting time has a time of day, not only a date."""
    return (posted_at.notna() & (posted_at != posted_at.dt.normalize())).astype(bool)
