"""The one rule for "the same post" (mediakit/sources/same_post.py), its edge cases, and proof
that the readers and the history apply it alike.

Rows are written the way the readers make them: a TikTok Studio row has the video id, its link and
a bare local date; a data-download row has an id made of its UTC posting moment
("json-20260304T183000"), the exact time, and no views.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit import history
from mediakit.sources import load_platform, same_post
from mediakit.tables import Account
from tests.helpers import posts

SNAP = "2026-03-10"


def studio(post_id: str, day: str, title: str | None, **extra: object) -> dict:
    return {"post_id": post_id, "url": f"https://www.tiktok.com/@m/video/{post_id}",
            "posted_at": day, "title": title, "snapshot_date": SNAP, **extra}


def download(moment: str, title: str | None, **extra: object) -> dict:
    stamp = pd.Timestamp(moment).strftime("%Y%m%dT%H%M%S")
    return {"post_id": f"json-{stamp}", "posted_at": moment, "title": title,
            "snapshot_date": SNAP, **extra}


def joined(rows: list[dict]) -> pd.DataFrame:
    """What a reader makes of these rows: one row per post, indexed by id."""
    frame = posts(rows).assign(_rank=range(len(rows)))
    return same_post.join(frame, "_rank").drop(columns="_rank").set_index("post_id")


# -- ids first ---------------------------------------------------------------------------------


def test_two_platform_ids_are_two_posts_whatever_the_caption_and_day() -> None:
    result = joined([studio("7401", "2026-03-04", "New song"),
                     studio("7402", "2026-03-04", "New song")])
    assert result.index.tolist() == ["7401", "7402"]


def test_the_same_platform_id_is_one_post_even_with_a_new_caption() -> None:
    result = joined([studio("7401", "2026-03-04", "New song", views=100),
                     studio("7401", "2026-03-04", "New song (acoustic)", views=150,
                            snapshot_date="2026-03-20")])
    assert result.index.tolist() == ["7401"]
    post = result.loc["7401"]
    assert (post["title"], post["views"]) == ("New song (acoustic)", 150)


def test_two_made_up_ids_are_two_posting_moments_so_two_posts() -> None:
    result = joined([download("2026-03-04 10:00:00", "New song"),
                     download("2026-03-04 18:00:00", "New song")])
    assert result.index.tolist() == ["json-20260304T100000", "json-20260304T180000"]


def test_made_up_ids_are_told_from_platform_ids_by_their_shape() -> None:
    ids = pd.Series(["json-20260304T183000", "igjson-20260304T183000-2", "7401",
                     "18031234567890123", "dQw4w9WgXcQ", "json-1"])
    assert same_post.is_made_up(ids).tolist() == [True, True, False, False, False, False]


def test_a_tiktok_video_id_holds_its_posting_second() -> None:
    # The real Content.csv in the formats notes: this video's Post time is "July 16" (2025).
    ids = pd.Series(["7527623000473079054", "7401", "json-20260304T183000",
                     "7527623000473079054", "18031234567890123"])
    platforms = pd.Series(["tiktok", "tiktok", "tiktok", "instagram", "tiktok"])
    moments = same_post.id_moments(platforms, ids)
    assert moments[0] == pd.Timestamp("2025-07-16 10:21:48")
    assert moments[1:].isna().all()  # too short, made up, not TikTok, before TikTok existed


# 2026-03-04 12:00:00 UTC is unix second 1772625600: (1772625600 << 32) | 0x1234.
NOON_VIDEO = "7613368980052382260"


def test_the_id_decides_an_uncaptioned_or_edited_video_whose_id_holds_the_moment() -> None:
    result = joined([
        studio(NOON_VIDEO, "2026-03-04", "", views=900),
        download("2026-03-04 12:00:00", None, sound="its sound"),
        download("2026-03-04 20:15:00", None, sound="another video"),
    ])
    assert result.index.tolist() == [NOON_VIDEO, "json-20260304T201500"]
    assert result.loc[NOON_VIDEO, "sound"] == "its sound"
    edited = joined([studio(NOON_VIDEO, "2026-03-04", "first words"),
                     download("2026-03-04 12:00:00", "second thoughts")])
    assert edited.index.tolist() == [NOON_VIDEO]


def test_made_up_ids_keep_two_posts_of_the_same_second_apart() -> None:
    moments = pd.Series(pd.to_datetime(["2026-03-04 18:30:00"] * 2 + ["2026-03-05 09:00:01"]))
    assert same_post.made_up_ids("json-", moments).tolist() == [
        "json-20260304T183000", "json-20260304T183000-2", "json-20260305T090001"]


# -- a download row joins the Studio row of the same post ---------------------------------------


def test_the_download_row_joins_the_studio_row_keeping_the_id_and_filling_the_gaps() -> None:
    result = joined([
        studio("7401", "2026-03-04", "New song #indiefolk", views=5000, likes=210),
        download("2026-03-04 18:30:00", "New song #indiefolk", likes=205,
                 sound="original sound", sponsored=True),
    ])
    assert result.index.tolist() == ["7401"]  # the video id is kept, the rows merge
    post = result.loc["7401"]
    assert post["url"] == "https://www.tiktok.com/@m/video/7401"
    assert (post["views"], post["likes"]) == (5000, 210)  # Studio's totals win
    assert (post["sound"], post["sponsored"]) == ("original sound", True)  # what Studio lacks
    assert post["posted_at"] == pd.Timestamp("2026-03-04 18:30:00")  # a time beats a date


def test_a_newer_download_does_not_replace_studio_numbers_but_fills_missing_ones() -> None:
    result = joined([
        studio("7401", "2026-03-04", "New song", views=5000, likes=210),
        download("2026-03-04 18:30:00", "New song", likes=260, snapshot_date="2026-04-01"),
    ])
    assert result.loc["7401", "likes"] == 210
    assert result.loc["7401", "snapshot_date"] == pd.Timestamp(SNAP)  # the date of Studio's totals


def test_captions_compare_without_case_spacing_or_unicode_form() -> None:
    composed, decomposed = "Caf\u00e9  NIGHTS\n#Dublin ", "caf\u0065\u0301 nights #dublin"
    assert same_post.caption_key(pd.Series([composed, decomposed, None, "  "])).tolist() == [
        "café nights #dublin", "café nights #dublin", "", ""]
    result = joined([studio("7401", "2026-03-04", composed),
                     download("2026-03-04 18:30:00", decomposed, sound="s")])
    assert result.index.tolist() == ["7401"]


def test_an_edited_caption_is_not_the_same_post() -> None:
    # Decided: only spacing, case and Unicode form may differ. A wrong join would erase a post for
    # good; a missed one shows the download's row apart until both files show the new caption.
    result = joined([studio("7401", "2026-03-04", "New song #indiefolk"),
                     download("2026-03-04 18:30:00", "New song (acoustic) #indiefolk")])
    assert result.index.tolist() == ["7401", "json-20260304T183000"]


def test_a_post_made_near_midnight_joins_across_the_day_line() -> None:
    # Posted 18:30 in Los Angeles on March 4 = 02:30 UTC on March 5.
    result = joined([studio("7401", "2026-03-04", "late show"),
                     download("2026-03-05 02:30:00", "late show", sound="s")])
    assert result.index.tolist() == ["7401"]
    assert result.loc["7401", "posted_at"] == pd.Timestamp("2026-03-05 02:30:00")


def test_two_days_apart_is_two_posts() -> None:
    result = joined([studio("7401", "2026-03-04", "late show"),
                     download("2026-03-06 00:30:00", "late show")])
    assert result.index.tolist() == ["7401", "json-20260306T003000"]


def test_the_same_caption_on_two_days_is_two_posts() -> None:
    result = joined([
        studio("7401", "2026-03-04", "practice clip", views=900),
        download("2026-03-04 18:00:00", "practice clip", sound="first"),
        download("2026-03-06 18:00:00", "practice clip", sound="second"),
    ])
    assert result.index.tolist() == ["7401", "json-20260306T180000"]
    assert result.loc["7401", "sound"] == "first"


def test_a_caption_posted_every_evening_behind_utc_pairs_each_post_with_its_twin() -> None:
    # Every download day is Studio's day + 1. Pairing the closest days first would give March 5's
    # download row to Studio's March 5 post and leave two rows alone; posting order pairs all.
    result = joined([
        studio("7401", "2026-03-04", "daily riff"),
        studio("7402", "2026-03-05", "daily riff"),
        download("2026-03-05 02:30:00", "daily riff", sound="riff 1"),
        download("2026-03-06 02:30:00", "daily riff", sound="riff 2"),
    ])
    assert result.index.tolist() == ["7401", "7402"]
    assert result["sound"].tolist() == ["riff 1", "riff 2"]
    assert result["posted_at"].tolist() == [pd.Timestamp("2026-03-05 02:30:00"),
                                            pd.Timestamp("2026-03-06 02:30:00")]


def test_two_posts_on_one_day_with_the_same_empty_caption_stay_two() -> None:
    # (Short ids like these carry no posting second, so only a caption could tell.)
    result = joined([studio("7401", "2026-03-04", ""), studio("7402", "2026-03-04", ""),
                     download("2026-03-04 18:30:00", None)])
    assert result.index.tolist() == ["7401", "7402", "json-20260304T183000"]


def test_an_empty_caption_alone_on_its_day_is_still_no_evidence() -> None:
    result = joined([studio("7401", "2026-03-04", ""), download("2026-03-04 18:30:00", None)])
    assert result.index.tolist() == ["7401", "json-20260304T183000"]


def test_a_share_link_id_in_the_download_only_is_kept_and_its_time_too() -> None:
    # The download gave this video's numeric id (a share link); Studio's newer export lists it
    # with the bare date: same id, one post, the exact time kept.
    result = joined([
        {"post_id": "7570", "posted_at": "2026-03-04 18:30:00", "title": "tour",
         "sound": "s", "snapshot_date": "2026-03-05"},
        studio("7570", "2026-03-04", "tour", views=800),
    ])
    assert result.index.tolist() == ["7570"]
    post = result.loc["7570"]
    assert (post["posted_at"], post["views"], post["sound"]) == (
        pd.Timestamp("2026-03-04 18:30:00"), 800, "s")


def test_platforms_never_join_each_other() -> None:
    rows = posts([studio(NOON_VIDEO, "2026-03-04", "New song")], platform="tiktok")
    other = posts([download("2026-03-04 12:00:00", "New song")], platform="instagram")
    frame = pd.concat([rows, other], ignore_index=True).assign(_rank=[0, 1])
    assert len(same_post.join(frame, "_rank")) == 2


# -- the history applies the same rule ---------------------------------------------------------


def build_one_after_another(downloads: list[list[dict]]) -> pd.DataFrame:
    """Each download read by a reader, then merged into history files on disk, build by build."""
    folder = Path(tempfile.mkdtemp())
    try:
        for rows in downloads:
            fresh = Account(posts=posts(joined(rows).reset_index().to_dict("records")))
            history.write(history.merge(history.read(folder), fresh), folder)
        return history.read(folder).posts.set_index("post_id")
    finally:
        shutil.rmtree(folder)


SCENARIOS = {
    "studio first, download later": [
        [studio("7401", "2026-03-04", "New song", views=5000)],
        [download("2026-03-04 18:30:00", "New song", sound="s", snapshot_date="2026-04-01")],
    ],
    "download first, studio later": [
        [download("2026-03-04 18:30:00", "New song", sound="s")],
        [studio("7401", "2026-03-04", "New song", views=5000, snapshot_date="2026-04-01")],
    ],
    "near midnight, and the same caption two days later": [
        [studio("7401", "2026-03-04", "late show", views=10)],
        [download("2026-03-05 02:30:00", "late show", sound="a", snapshot_date="2026-04-01"),
         download("2026-03-07 02:30:00", "late show", sound="b", snapshot_date="2026-04-01")],
    ],
    "every evening behind UTC, studio rows one month at a time": [
        [studio("7401", "2026-03-04", "daily riff")],
        [studio("7402", "2026-03-05", "daily riff", snapshot_date="2026-03-20")],
        [download("2026-03-05 02:30:00", "daily riff", sound="riff 1", snapshot_date="2026-04-01"),
         download("2026-03-06 02:30:00", "daily riff", sound="riff 2", snapshot_date="2026-04-01")],
    ],
    "an uncaptioned video told by its id": [
        [studio(NOON_VIDEO, "2026-03-04", "", views=900)],
        [download("2026-03-04 12:00:00", None, sound="its sound", snapshot_date="2026-04-01"),
         download("2026-03-04 20:15:00", None, sound="another", snapshot_date="2026-04-01")],
    ],
    "empty captions": [
        [studio("7401", "2026-03-04", "")],
        [download("2026-03-04 18:30:00", None, snapshot_date="2026-04-01")],
    ],
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_history_build_by_build_finds_the_posts_a_reader_finds_in_one_go(name: str) -> None:
    downloads = SCENARIOS[name]
    in_one_go = joined([row for rows in downloads for row in rows])
    built = build_one_after_another(downloads)
    assert built.index.tolist() == in_one_go.index.tolist()
    for column in ("posted_at", "sound", "views"):
        assert built[column].tolist() == in_one_go[column].tolist(), column


def test_the_same_downloads_again_change_no_byte_of_the_history(tmp_path: Path) -> None:
    rows = [studio("7401", "2026-03-04", "late show", views=10),
            download("2026-03-05 02:30:00", "late show", sound="a")]
    fresh = Account(posts=posts(joined(rows).reset_index().to_dict("records")))
    history.write(history.merge(history.read(tmp_path), fresh), tmp_path)
    before = (tmp_path / "posts.csv").read_bytes()
    again = Account(posts=posts([rows[1]]))  # next build: only the data download again
    assert history.write(history.merge(history.read(tmp_path), again), tmp_path) == []
    assert (tmp_path / "posts.csv").read_bytes() == before


def test_a_joined_post_is_recognised_again_after_its_caption_was_edited() -> None:
    # The history holds the joined post with the download's exact moment; a later download shows
    # the video under a new caption: the moment its id was made of is the same, so one post.
    built = build_one_after_another([
        [studio("7401", "2026-03-04", "New song", views=5000),
         download("2026-03-04 18:30:00", "New song", sound="s")],
        [download("2026-03-04 18:30:00", "New song (out now!)", likes=99,
                  snapshot_date="2026-04-01")],
    ])
    assert built.index.tolist() == ["7401"]
    assert (built.loc["7401", "title"], built.loc["7401", "likes"]) == ("New song", 99)


# -- the TikTok reader, from files --------------------------------------------------------------


def test_tiktok_files_a_post_near_midnight_is_one_post(content: Path) -> None:
    folder = content / "data" / "tiktok"
    (folder / "Content.csv").write_bytes(
        '\ufeff"Time","Video title","Video link","Post time","Total likes","Total comments",'
        '"Total shares","Total views"\n'
        '"March 6","late show #live","https://www.tiktok.com/@m/video/7600000000000000001",'
        '"March 4","40","2","1","900"\n'
        '"March 6","","https://www.tiktok.com/@m/video/7600000000000000002","March 4","5","0",'
        '"0","100"\n'
        f'"March 6","","https://www.tiktok.com/@m/video/{NOON_VIDEO}","March 4","7","0","0",'
        '"300"'.encode())
    videos = [{"Date": "2026-03-05 02:30:00", "Link": "https://v16m.tiktokcdn.com/a/",
               "Likes": "38", "Title": "late show  #live", "Sound": "original sound"},
              {"Date": "2026-03-04 12:00:00", "Link": "https://v16m.tiktokcdn.com/b/",
               "Likes": "7", "Title": "", "Sound": "quiet"},
              {"Date": "2026-03-04 20:15:00", "Link": "https://v16m.tiktokcdn.com/c/",
               "Likes": "5", "Title": "", "Sound": "other"}]
    (folder / "user_data_tiktok.json").write_text(
        json.dumps({"Post": {"Posts": {"VideoList": videos}}}))
    account = load_platform("tiktok", folder, content_dir=content, exported_on=date(2026, 3, 6))
    result = account.posts.set_index("post_id")
    # The captioned video is one post (same caption, a day apart); the uncaptioned one whose id
    # holds 12:00:00 is one post; the other uncaptioned ones stay apart (nothing proves them).
    assert result.index.tolist() == [
        "7600000000000000001", "7600000000000000002", NOON_VIDEO, "json-20260304T201500"]
    assert result.loc[NOON_VIDEO, "sound"] == "quiet"
    late = result.loc["7600000000000000001"]
    assert (late["posted_at"], late["views"], late["likes"], late["sound"]) == (
        pd.Timestamp("2026-03-05 02:30:00"), 900, 40, "original sound")


# -- worked examples: which row joins which, worked out by hand ----------------------------------


def ig_row(post_id: str, moment: str, title: str, **extra: object) -> dict:
    return {"post_id": post_id, "posted_at": moment, "title": title,
            "snapshot_date": "2026-03-31", **extra}


def test_a_two_platform_account_pairs_every_download_row_with_its_own_twin() -> None:
    """Each caption's rows pair in posting order, the most pairs, then the smallest day gaps.

    Every download row has its own sound, so the sound shows which Studio / Business Suite row it
    joined; a joined TikTok post keeps the download's time (a time beats Studio's bare date), an
    Instagram post the Business Suite time (between two times the platform file's wins).
    """
    month = {"snapshot_date": "2026-03-31"}
    tiktok = [
        # "daily riff": Studio 1 and 3 March; downloads 1, 3, 4 March at 20:00 UTC.
        # day gaps: a1-7401 0, a2-7402 0, a3-7402 1 (a1-7402, a2-7401 two days: never).
        # Two pairs at most: {a1-7401, a2-7402} (0 days) beats {a1-7401, a3-7402} (1 day).
        studio("7401", "2026-03-01", "daily riff", **month),
        studio("7402", "2026-03-03", "daily riff", **month),
        download("2026-03-01 20:00:00", "daily riff", sound="a1", **month),
        download("2026-03-03 20:00:00", "daily riff", sound="a2", **month),
        download("2026-03-04 20:00:00", "daily riff", sound="a3", **month),
        # "studio tour": Studio 6, 8, 9 March; downloads 6 and 8 March.
        # b1-7411 0, b2-7412 0, b2-7413 1: {b1-7411, b2-7412} (0 days); 7413 stays alone.
        studio("7411", "2026-03-06", "studio tour", **month),
        studio("7412", "2026-03-08", "studio tour", **month),
        studio("7413", "2026-03-09", "studio tour", **month),
        download("2026-03-06 20:00:00", "studio tour", sound="b1", **month),
        download("2026-03-08 20:00:00", "studio tour", sound="b2", **month),
        # "late show": one download (12 March), two Studio rows: 7421 a day off, 7422 the same
        # day: the later Studio row is its twin, 7421 stays alone.
        studio("7421", "2026-03-11", "late show", **month),
        studio("7422", "2026-03-12", "late show", **month),
        download("2026-03-12 20:00:00", "late show", sound="c1", **month),
        # "tour": two downloads (14 and 15 March), one Studio row on the 15th: d2 (0 days) joins
        # it, d1 (1 day) stays apart.
        studio("7431", "2026-03-15", "tour", **month),
        download("2026-03-14 20:00:00", "tour", sound="d1", **month),
        download("2026-03-15 20:00:00", "tour", sound="d2", **month),
    ]
    instagram = [
        # Business Suite gives local times, 7 hours behind the download's UTC.
        # "new reel": 12 March 10:00 local = 17:00 UTC, one row each: one post. In posting order
        # it sits between TikTok's 7422 (12 March) and c1 (12 March 20:00): each platform is
        # paired on its own, so the crossing costs neither its pair.
        ig_row("18000000000000001", "2026-03-12 10:00:00", "new reel"),
        ig_row("igjson-20260312T170000", "2026-03-12 17:00:00", "new reel", sound="e1"),
        # "evening riff" posted 17 and 18 March at 19:30 local (18 and 19 March 02:30 UTC).
        # f1-…02: 1 day, 7 h; f1-…03: 0 days, 17 h; f2-…03: 1 day, 7 h; f2-…02: 2 days (never).
        # Two pairs {f1-…02, f2-…03} (2 days, 14 h) beat the one pair f1-…03 (0 days).
        ig_row("18000000000000002", "2026-03-17 19:30:00", "evening riff"),
        ig_row("18000000000000003", "2026-03-18 19:30:00", "evening riff"),
        ig_row("igjson-20260318T023000", "2026-03-18 02:30:00", "evening riff", sound="f1"),
        ig_row("igjson-20260319T023000", "2026-03-19 02:30:00", "evening riff", sound="f2"),
    ]
    frame = pd.concat([posts(tiktok, platform="tiktok"), posts(instagram, platform="instagram")],
                      ignore_index=True)
    result = same_post.join(frame.assign(_rank=range(len(frame))), "_rank")
    found = [(platform, post_id, None if pd.isna(sound) else sound, str(posted))
             for platform, post_id, sound, posted in zip(
                 result["platform"], result["post_id"], result["sound"], result["posted_at"],
                 strict=True)]
    assert found == [
        ("instagram", "18000000000000001", "e1", "2026-03-12 10:00:00"),
        ("instagram", "18000000000000002", "f1", "2026-03-17 19:30:00"),
        ("instagram", "18000000000000003", "f2", "2026-03-18 19:30:00"),
        ("tiktok", "7401", "a1", "2026-03-01 20:00:00"),
        ("tiktok", "7402", "a2", "2026-03-03 20:00:00"),
        ("tiktok", "7411", "b1", "2026-03-06 20:00:00"),
        ("tiktok", "7412", "b2", "2026-03-08 20:00:00"),
        ("tiktok", "7413", None, "2026-03-09 00:00:00"),
        ("tiktok", "7421", None, "2026-03-11 00:00:00"),
        ("tiktok", "7422", "c1", "2026-03-12 20:00:00"),
        ("tiktok", "7431", "d2", "2026-03-15 20:00:00"),
        ("tiktok", "json-20260304T200000", "a3", "2026-03-04 20:00:00"),
        ("tiktok", "json-20260314T200000", "d1", "2026-03-14 20:00:00"),
    ]
    # 22 rows in; 9 download rows joined a platform row (a1 a2 b1 b2 c1 d2 on TikTok, e1 f1 f2
    # on Instagram): 22 - 9 = 13 posts.
    assert (len(frame), len(result)) == (22, 13)


def test_posting_order_is_the_posting_date_not_the_spelling_of_the_ids() -> None:
    # Studio's 7502 was posted on 4 March, 7501 on 5 March (ids need not follow the dates).
    # The downloads are a day later (behind UTC). In posting order: downloads 5th, 6th and
    # Studio 4th (7502), 5th (7501): both pair a day apart. Ordered by id instead (7501 first),
    # the 5 March download would take 7501 (0 days) and the 6 March one would find nothing.
    result = joined([
        studio("7502", "2026-03-04", "daily riff"),
        studio("7501", "2026-03-05", "daily riff"),
        download("2026-03-05 02:30:00", "daily riff", sound="riff 1"),
        download("2026-03-06 02:30:00", "daily riff", sound="riff 2"),
    ])
    assert result.index.tolist() == ["7501", "7502"]
    assert result["sound"].tolist() == ["riff 2", "riff 1"]


def test_two_videos_with_one_caption_on_one_day_pair_by_video_id_order() -> None:
    # Studio gives both "two takes" videos the date 4 March and no time; TikTok ids grow with
    # time, so 7408 is the earlier video and takes the earlier download (10:00), 7409 the later.
    # (Seven other videos come first so the two sit at rows 7 and 8 of the working table, where
    # the order of a small set of row numbers alone would put 8 first.)
    others = [studio(f"740{n}", "2026-03-01", f"clip {n}") for n in range(1, 8)]
    result = joined([
        *others,
        studio("7408", "2026-03-04", "two takes"),
        studio("7409", "2026-03-04", "two takes"),
        download("2026-03-04 10:00:00", "two takes", sound="first take"),
        download("2026-03-04 20:00:00", "two takes", sound="second take"),
    ])
    assert result.index.tolist() == [f"740{n}" for n in range(1, 10)]
    assert result.loc[["7408", "7409"], "sound"].tolist() == ["first take", "second take"]


def test_one_second_holds_one_video_when_two_downloads_share_it() -> None:
    # Two download posts of the same second (ids "…T120000" and "…T120000-2", see made_up_ids);
    # the Studio video whose id holds 12:00:00 is one of them: the first by id joins, the other
    # stays a post of its own (a video id is one video).
    result = joined([
        studio(NOON_VIDEO, "2026-03-04", ""),
        download("2026-03-04 12:00:00", None, sound="first"),
        {**download("2026-03-04 12:00:00", None, sound="second"),
         "post_id": "json-20260304T120000-2"},
    ])
    assert result.index.tolist() == [NOON_VIDEO, "json-20260304T120000-2"]
    assert result.loc[NOON_VIDEO, "sound"] == "first"


def test_a_clock_one_second_off_is_another_post_not_a_closer_twin() -> None:
    # A double upload: the download lists video 7570 (its share link, 18:30:00) and a second
    # post one second later without a link; Studio lists 7570 and 7571 on 4 March, bare dates.
    # The second download row is 7571: its clock is 1 s from 7570's, but 7570 is already the
    # download's own row; Studio's bare date gives no clock, so its gap counts 0 s, not the
    # 18:30:01 from midnight, and 0 s beats 1 s.
    result = joined([
        {"post_id": "7570", "posted_at": "2026-03-04 18:30:00", "title": "tour", "sound": "s1",
         "snapshot_date": SNAP},
        download("2026-03-04 18:30:01", "tour", sound="s2"),
        studio("7570", "2026-03-04", "tour", views=800),
        studio("7571", "2026-03-04", "tour", views=50),
    ])
    assert result.index.tolist() == ["7570", "7571"]
    assert result["sound"].tolist() == ["s1", "s2"]
    assert result["posted_at"].tolist() == [pd.Timestamp("2026-03-04 18:30:00"),
                                            pd.Timestamp("2026-03-04 18:30:01")]
    assert result["views"].tolist() == [800, 50]


def test_a_file_without_a_snapshot_date_never_replaces_a_dated_files_posting_time() -> None:
    # A file whose date column was hidden by a damaged header gives no snapshot date: it counts
    # as the oldest, for the posting time as for every other column, even though it came later.
    result = joined([
        {"post_id": "7570", "posted_at": "2026-03-04 18:30:00", "title": "tour", "views": 800,
         "snapshot_date": SNAP},
        {"post_id": "7570", "posted_at": "2026-03-04 19:30:00", "title": "tour", "views": 900},
    ])
    assert (result.loc["7570", "posted_at"], result.loc["7570", "views"]) == (
        pd.Timestamp("2026-03-04 18:30:00"), 800)


def test_a_row_without_an_id_stays_one_post_with_its_id_still_missing() -> None:
    # An API snapshot's empty post_id cell: the row is a post all the same (its views count),
    # and its id stays missing while other rows join, as the history reads it back, so the next
    # build finds it again instead of counting it twice.
    rows = [{"post_id": None, "posted_at": "2026-03-02 09:00:00", "title": "x", "views": 5,
             "snapshot_date": SNAP},
            studio("7401", "2026-03-04", "New song"),
            download("2026-03-04 18:30:00", "New song", sound="s")]
    result = same_post.join(posts(rows).assign(_rank=range(3)), "_rank")
    assert result["post_id"].isna().tolist() == [False, True]
    assert result["post_id"][0] == "7401"
    assert result["posted_at"].tolist() == [pd.Timestamp("2026-03-04 18:30:00"),
                                            pd.Timestamp("2026-03-02 09:00:00")]
    assert result["views"][1] == 5
    built = build_one_after_another([rows, rows])
    assert len(built) == 2


def test_a_download_row_never_joins_a_row_without_an_id() -> None:
    # Same caption, same day; but the row without an id has no platform id to give the
    # download's row: two posts, the download's keeping its made-up id.
    rows = [{"post_id": None, "posted_at": "2026-03-04", "title": "New song", "views": 5,
             "snapshot_date": SNAP},
            download("2026-03-04 18:30:00", "New song", sound="s")]
    result = same_post.join(posts(rows).assign(_rank=range(2)), "_rank")
    assert result["post_id"].isna().tolist() == [False, True]
    assert result["post_id"][0] == "json-20260304T183000"
    assert (result["sound"][0], result["views"][1]) == ("s", 5)


def test_id_moments_limits_and_row_labels() -> None:
    # TikTok launched on 2016-09-01: unix second 1472688000, the first second a video id may
    # hold (1472688000 << 32 = 6325146797211648000); 2100-01-01 (4102444800 << 32 =
    # 17619866249645260800) is the first second past the last one. A row of unknown platform
    # is not read as TikTok. The result keeps the caller's row labels.
    ids = pd.Series(["6325146797211648000", "17619866249645260800", NOON_VIDEO, NOON_VIDEO],
                    index=[10, 11, 12, 13])
    platforms = pd.Series(["tiktok", "tiktok", "tiktok", None], index=[10, 11, 12, 13])
    moments = same_post.id_moments(platforms, ids)
    assert moments.index.tolist() == [10, 11, 12, 13]
    assert moments[10] == pd.Timestamp("2016-09-01 00:00:00")
    assert pd.isna(moments[11])
    assert moments[12] == pd.Timestamp("2026-03-04 12:00:00")
    assert pd.isna(moments[13])


def test_caption_key_keeps_the_row_labels() -> None:
    keys = same_post.caption_key(pd.Series(["New  Song", None], index=[7, 9]))
    assert keys.to_dict() == {7: "new song", 9: ""}
