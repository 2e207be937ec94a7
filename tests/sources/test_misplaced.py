"""An export in another platform's folder is named as such, with the folder it belongs in.

Before, Instagram's Views.csv in the TikTok folder read as a table of one column whose rows
"look cut short or edited", which sends the creator to download a file that is fine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from export_bytes import csv_bytes, overview, zip_bytes

from mediakit.errors import SourceError
from mediakit.sources import load_platform

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INSTAGRAM = FIXTURES / "instagram" / "business_suite"
INSTAGRAM_JSON = next((FIXTURES / "instagram" / "download").rglob("audience_insights.json"))
TIKTOK = FIXTURES / "tiktok" / "yearend"
TIKTOK_JSON = FIXTURES / "tiktok" / "userdata" / "user_data_tiktok.json"
YOUTUBE = FIXTURES / "youtube" / "classic"


def _error(tmp_path: Path, platform: str, source: Path, data_dir: str = "") -> str:
    content = tmp_path / "content"
    folder = content / (data_dir or f"data/{platform}")
    folder.mkdir(parents=True)
    shutil.copy(source, folder / source.name)
    with pytest.raises(SourceError) as caught:
        load_platform(platform, folder, content_dir=content)
    return str(caught.value)


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("Views.csv", "Meta Business Suite's 'Views' file"),
        ("Reach.csv", "Meta Business Suite's 'Reach' file"),
        ("Follows.csv", "Meta Business Suite's 'Instagram follows' file"),
        ("Audience.csv", "Meta Business Suite's Audience file"),
        ("Aug-18-2026_Nov-16-2026_1783524897764272.csv", "Meta Business Suite's post export"),
    ],
)
def test_an_instagram_file_in_the_tiktok_folder_says_where_it_belongs(
    tmp_path: Path, name: str, what: str
) -> None:
    assert _error(tmp_path, "tiktok", INSTAGRAM / name) == (
        f"data/tiktok/{name}: looks like an Instagram export ({what}), not a TikTok one "
        "(move it into data/instagram/, the folder for Instagram exports; list instagram under "
        "platforms in profile.yaml if it is not there yet)"
    )


def test_views_csv_in_the_tiktok_folder_is_no_longer_called_cut_short(tmp_path: Path) -> None:
    message = _error(tmp_path, "tiktok", INSTAGRAM / "Views.csv")
    assert "cut short" not in message and "download the export again" not in message


def test_instagram_insights_json_in_the_tiktok_folder(tmp_path: Path) -> None:
    message = _error(tmp_path, "tiktok", INSTAGRAM_JSON)
    assert message.startswith(
        "data/tiktok/audience_insights.json: looks like an Instagram export (insights from "
        "Instagram's Download your information), not a TikTok one (move it into data/instagram/"
    )


@pytest.mark.parametrize(
    "name",
    ["Overview.csv", "Content.csv", "Viewers.csv", "FollowerHistory.csv", "FollowerActivity.csv",
     "FollowerGender.csv", "FollowerTopTerritories.csv"],
)
def test_a_tiktok_file_in_the_instagram_folder_says_where_it_belongs(
    tmp_path: Path, name: str
) -> None:
    assert _error(tmp_path, "instagram", TIKTOK / name) == (
        f"data/instagram/{name}: looks like a TikTok export (TikTok Studio's {name}), not an "
        "Instagram one (move it into data/tiktok/, the folder for TikTok exports; list tiktok "
        "under platforms in profile.yaml if it is not there yet)"
    )


def test_tiktok_user_data_in_the_instagram_folder(tmp_path: Path) -> None:
    message = _error(tmp_path, "instagram", TIKTOK_JSON)
    assert message.startswith(
        "data/instagram/user_data_tiktok.json: looks like a TikTok export (TikTok's Download "
        "your data), not an Instagram one (move it into data/tiktok/"
    )


@pytest.mark.parametrize(
    ("platform", "source", "owner", "what"),
    [
        ("tiktok", YOUTUBE / "Table data.csv", "YouTube", "YouTube Studio's Table data.csv"),
        ("instagram", YOUTUBE / "Chart data.csv", "YouTube", "YouTube Studio's Chart data.csv"),
        ("youtube", TIKTOK / "Overview.csv", "TikTok", "TikTok Studio's Overview.csv"),
        ("youtube", INSTAGRAM / "Views.csv", "Instagram", "Meta Business Suite's 'Views' file"),
    ],
)
def test_youtube_files_and_the_youtube_folder_too(
    tmp_path: Path, platform: str, source: Path, owner: str, what: str
) -> None:
    message = _error(tmp_path, platform, source)
    assert f"looks like {'an' if owner == 'Instagram' else 'a'} {owner} export ({what})" in message
    assert f"move it into data/{owner.lower()}/" in message


def test_a_file_inside_a_zip_is_named_by_its_place_in_the_zip(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "data" / "tiktok"
    folder.mkdir(parents=True)
    (folder / "Overview_2026-01-03_1767398400_mara.zip").write_bytes(zip_bytes({
        "Overview.csv": overview(("January 1", 5)),
        "insights/Views.csv": (INSTAGRAM / "Views.csv").read_bytes(),
    }))
    with pytest.raises(SourceError) as caught:
        load_platform("tiktok", folder, content_dir=tmp_path / "content")
    assert str(caught.value).startswith(
        "data/tiktok/Overview_2026-01-03_1767398400_mara.zip/insights/Views.csv: looks like an "
        "Instagram export"
    )


def test_a_folder_set_in_the_profile_is_not_assumed_to_sit_beside_the_others(
    tmp_path: Path,
) -> None:
    message = _error(tmp_path, "tiktok", INSTAGRAM / "Views.csv", data_dir="exports/tt")
    assert message.endswith(
        "(move it into the folder of your Instagram exports (platforms.instagram.data in "
        "profile.yaml; data/instagram/ by default))"
    )


def test_a_damaged_tiktok_file_keeps_its_own_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = content / "data" / "tiktok"
    folder.mkdir(parents=True)
    (folder / "Overview.csv").write_bytes(csv_bytes([
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"],
        ["January 1", "5", "0", "0", "0"],
    ]))
    with pytest.raises(SourceError, match="the file looks cut short or edited"):
        load_platform("tiktok", folder, content_dir=content)


def test_a_file_no_platform_knows_keeps_the_usual_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = content / "data" / "instagram"
    folder.mkdir(parents=True)
    (folder / "budget.csv").write_bytes(csv_bytes([["Item", "Cost"], ["ring light", "40"]]))
    with pytest.raises(SourceError, match="is not an Instagram export mediakit knows"):
        load_platform("instagram", folder, content_dir=content)
