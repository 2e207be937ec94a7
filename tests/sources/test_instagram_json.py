"""Instagram "Download your information" JSON insights: mojibake, localized labels, linking.

The fixture tests/fixtures/instagram/download/instagram-maraquinnmusic-2026-11-17-AbCdEf12/ is
a hand-made (and trimmed) download: two posts and one reel under
logged_information/past_instagram_insights/, the audience insights, a content-interactions summary
and your_instagram_activity/content/posts_1.json. Every non-ASCII character is written the way
Meta writes it, one ``\\u00XX`` escape per UTF-8 byte.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources import load_platform
from mediakit.sources.instagram_json_entries import fix_mojibake, label_key
from mediakit.tables import Account

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "instagram"
DOWNLOAD = "instagram-maraquinnmusic-2026-11-17-AbCdEf12"
INSIGHTS = "logged_information/past_instagram_insights"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "content" / "data" / "instagram").mkdir(parents=True)
    return tmp_path / "content"


def _load(content: Path, exported_on: date | None = None) -> Account:
    folder = content / "data" / "instagram"
    return load_platform("instagram", folder, content_dir=content, exported_on=exported_on)


def _write(content: Path, name: str, data: bytes) -> None:
    path = content / "data" / "instagram" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def meta_json(value: object) -> bytes:
    """JSON the way Meta writes it: each UTF-8 byte of a string escaped as its own \\u00XX."""

    def mangle(item: object) -> object:
        if isinstance(item, str):
            return item.encode("utf-8").decode("latin-1")
        if isinstance(item, list):
            return [mangle(part) for part in item]
        if isinstance(item, dict):
            return {mangle(key): mangle(part) for key, part in item.items()}
        return item

    return json.dumps(mangle(value)).encode("ascii")


@pytest.fixture
def download(content: Path) -> Account:
    shutil.copytree(FIXTURES / "download", content / "data" / "instagram", dirs_exist_ok=True)
    return _load(content)


def test_fixture_is_escaped_byte_by_byte() -> None:
    raw = (FIXTURES / "download" / DOWNLOAD / INSIGHTS / "posts.json").read_bytes()
    assert b"Caf\\u00c3\\u00a9" in raw  # "é" = UTF-8 C3 A9, each byte escaped
    assert raw.isascii()


def test_mojibake_is_undone_in_values_and_keys_but_good_text_is_left_alone() -> None:
    assert fix_mojibake("Caf\u00c3\u00a9 \u00e2\u0098\u0095") == "Café ☕"
    assert fix_mojibake({"Gef\u00c3\u00a4llt": ["D\u00c3\u00ban"]}) == {"Gefällt": ["Dún"]}
    assert fix_mojibake("Café") == "Café"  # already right: "é" alone is not valid UTF-8 bytes
    assert fix_mojibake("€5 🎸") == "€5 🎸"  # not Latin-1 at all
    assert fix_mojibake(12) == 12


def test_labels_compare_without_case_accents_or_quotes() -> None:
    assert label_key("„Gefällt mir“-Angaben") == label_key("Gefällt mir Angaben") == \
        "gefallt mir angaben"
    assert label_key("Contas alcançadas") == "contas alcancadas"


def test_posts_and_reels_become_posts_dated_by_the_download(download: Account) -> None:
    posts = download.posts.set_index("post_id")
    # No ids in the download: ids come from the creation time (UTC).
    assert posts.index.tolist() == [
        "igjson-20260314T184000", "igjson-20261021T110500", "igjson-20261102T193000"]
    cafe = posts.loc["igjson-20260314T184000"]
    assert cafe["title"] == "Café gig tonight ☕ #dublin #livemusic"
    assert cafe["hashtags"] == "dublin livemusic"
    # posts.json has Impressions but no Views: Meta's Views replaced Impressions.
    assert (cafe["views"], cafe["reach"], cafe["likes"], cafe["comments"], cafe["shares"]) == (
        2210, 1875, 198, 9, 3)
    assert pd.isna(cafe["saves"])  # "--"
    assert pd.isna(cafe["kind"]) and pd.isna(cafe["url"])
    reel = posts.loc["igjson-20261102T193000"]
    assert reel["kind"] == "reel"
    assert reel["title"] == "Night Bus Home, live at the Crooked Lantern 🌙\n\n#indiefolk #dublin"
    assert (reel["views"], reel["reach"], reel["saves"], reel["duration_s"]) == (
        24358, 15873, 341, 47.0)
    # The download's name carries its date.
    assert posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-11-17")]


def test_audience_insights_give_shares_and_the_follower_total(download: Account) -> None:
    shares = {(row.dimension, row.segment): row.share for row in download.audience.itertuples()}
    assert shares[("city", "Dún Laoghaire, Ireland")] == pytest.approx(0.022)  # mojibake fixed
    assert shares[("country", "IE")] == pytest.approx(0.482)
    assert shares[("age", "18-24")] == pytest.approx(0.31)  # "31%" with no decimals
    assert shares[("gender", "female")] == pytest.approx(0.639)
    assert shares[("gender", "male")] == pytest.approx(0.361)
    assert len(shares) == 3 + 3 + 7 + 2  # cities, countries, ages, genders (men-only ages unused)
    # "Aug 19 - Nov 16" has no year: the latest Nov 16 on or before the download day (Nov 17).
    assert download.audience["as_of"].unique().tolist() == [pd.Timestamp("2026-11-16")]
    assert download.daily[["date", "followers"]].values.tolist() == [
        [pd.Timestamp("2026-11-16"), 18342]]  # "18,342"


def test_files_of_the_download_without_insights_are_skipped_with_a_note(download: Account) -> None:
    kinds = sorted(source.kind for source in download.files)
    assert kinds == ["instagram.insights_audience", "instagram.insights_posts",
                     "instagram.insights_reels"]
    assert download.notes[0].startswith(
        "Instagram: skipped 2 file(s) of the data download that hold no insights")
    assert download.warnings == []


def test_download_posts_join_the_same_posts_of_the_business_suite_export(content: Path) -> None:
    shutil.copytree(FIXTURES / "download", content / "data" / "instagram", dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "business_suite", content / "data" / "instagram",
                    dirs_exist_ok=True)
    account = _load(content)
    ids = account.posts["post_id"].tolist()
    # 6 posts from the CSVs; of the 3 in the download, the carousel (same caption, Oct 21) and
    # the reel (same caption, Nov 2) are the same posts, only the March café post is new.
    assert len(ids) == 7
    assert ids[-1] == "igjson-20260314T184000" and sum(i.startswith("igjson-") for i in ids) == 1
    carousel = account.posts.set_index("post_id").loc["18031234567890123"]
    # The CSV's id, link, local publish time and totals win.
    assert carousel["posted_at"] == pd.Timestamp("2026-10-21 12:05")
    assert carousel["url"] == "https://www.instagram.com/p/DQa2bCdEfGh/"
    assert carousel["views"] == 6120


def test_a_zipped_download_is_read_and_dated_by_its_name(content: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        root = FIXTURES / "download" / DOWNLOAD
        for path in sorted(root.rglob("*.json")):
            archive.writestr(path.relative_to(root).as_posix(), path.read_bytes())
        archive.writestr("media/posts/202603/17990011223344556_n.jpg", b"\xff\xd8 not read")
    _write(content, "instagram-maraquinnmusic-2026-11-20-Zz9.zip", buffer.getvalue())
    account = _load(content)
    assert len(account.posts) == 3
    assert account.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-11-20")]


def test_localized_labels_brazilian_portuguese(content: Path) -> None:
    post = {"media_map_data": {"Miniatura da mídia": {
                "uri": "media/posts/1.jpg", "creation_timestamp": 1773513600, "title": "Olá"}},
            "string_map_data": {
                "Carimbo de data/hora da criação": {"timestamp": 1773513600},
                "Impressões": {"value": "1.250"}, "Contas alcançadas": {"value": "980"},
                "Curtidas": {"value": "77"}, "Comentários": {"value": "4"},
                "Compartilhamentos": {"value": "2"}, "Salvamentos": {"value": "6"}}}
    _write(content, f"{INSIGHTS}/posts.json", meta_json({"organic_insights_posts": [post]}))
    account = _load(content, exported_on=date(2026, 11, 17))
    row = account.posts.iloc[0]
    assert row["title"] == "Olá"
    # "1.250" impressions = 1,250 (dots group thousands in pt-BR).
    assert [row[c] for c in ("views", "reach", "likes", "comments", "shares", "saves")] == [
        1250, 980, 77, 4, 2, 6]
    assert row["snapshot_date"] == pd.Timestamp("2026-11-17")  # exported_on


def test_localized_audience_german_with_mojibake_keys(content: Path) -> None:
    audience = {"organic_insights_audience": [{"media_map_data": {}, "string_map_data": {
        "Zeitraum": {"value": "9. Juli - 6. Okt.", "timestamp": 0},
        "Follower": {"value": "10.801", "timestamp": 0},
        "Prozentualer Anteil der Follower nach Land": {
            "value": "Deutschland: 84,5%, Schweiz: 5,1%, Österreich: 4,4%, Türkei: 3,6%",
            "timestamp": 0},
        "Prozentualer Anteil an weiblichen Followern insgesamt": {"value": "78,8%"},
        "Prozentualer Anteil an männlichen Followern insgesamt": {"value": "21,1%"},
    }}]}
    _write(content, f"{INSIGHTS}/audience_insights.json", meta_json(audience))
    account = _load(content, exported_on=date(2026, 11, 17))
    shares = {(row.dimension, row.segment): row.share for row in account.audience.itertuples()}
    assert shares == pytest.approx({
        ("country", "DE"): 0.845, ("country", "CH"): 0.051, ("country", "AT"): 0.044,
        ("country", "TR"): 0.036, ("gender", "female"): 0.788, ("gender", "male"): 0.211})
    # "6. Okt." on or before 2026-11-17 is 2026-10-06; "10.801" followers = 10,801.
    assert account.daily[["date", "followers"]].values.tolist() == [
        [pd.Timestamp("2026-10-06"), 10801]]


def test_a_bad_value_names_the_json_entry_and_label(content: Path) -> None:
    post = {"media_map_data": {"Media Thumbnail": {"uri": "x", "creation_timestamp": 1773513600}},
            "string_map_data": {"Likes": {"value": "many"}}}
    _write(content, f"{INSIGHTS}/posts.json", meta_json({"organic_insights_posts": [post, post]}))
    with pytest.raises(SourceError) as caught:
        _load(content, exported_on=date(2026, 11, 17))
    assert str(caught.value).startswith(
        "data/instagram/logged_information/past_instagram_insights/posts.json: "
        "organic_insights_posts[0].Likes: expected a number, got 'many'")


def test_a_post_without_a_creation_time_is_an_error(content: Path) -> None:
    post = {"media_map_data": {}, "string_map_data": {"Likes": {"value": "3"}}}
    _write(content, "posts.json", meta_json({"organic_insights_posts": [post]}))
    with pytest.raises(SourceError, match=r"posts.json: organic_insights_posts\[0\]: has no "
                                          r"creation time"):
        _load(content, exported_on=date(2026, 11, 17))


def test_a_json_that_is_not_instagram_is_refused(content: Path) -> None:
    _write(content, "user_data_tiktok.json", b'{"Post": {"Posts": {"VideoList": []}}}')
    with pytest.raises(SourceError, match=r"user_data_tiktok.json: looks like a TikTok export "
                                          r"\(TikTok's Download your data\), not an Instagram one"):
        _load(content)
    _write(content, "user_data_tiktok.json", b'{"Playlists": []}')  # nobody's export
    with pytest.raises(SourceError, match="user_data_tiktok.json: is not an Instagram export "
                                          "mediakit knows"):
        _load(content)


def test_unknown_download_date_is_guessed_from_the_file_and_warned(content: Path) -> None:
    post = {"media_map_data": {"Media Thumbnail": {"uri": "x", "creation_timestamp": 1773513600}},
            "string_map_data": {"Likes": {"value": "3"}}}
    _write(content, "posts.json", meta_json({"organic_insights_posts": [post]}))
    account = _load(content)
    assert len(account.warnings) == 1
    assert "the download date of data/instagram/posts.json is unknown" in account.warnings[0]
