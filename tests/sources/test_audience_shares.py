"""Every reader refuses an audience share outside 0-100%, as TikTok's always did.

A share of 1.5 would appear on the kit as "150% of followers" in Dublin. TikTok's
FollowerGender/FollowerTopTerritories were checked; Instagram's Audience.csv and its JSON
audience insights were not. YouTube Studio's exports hold no audience shares (its one
percentage read, "Average percentage viewed", may pass 100% when viewers watch again).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mediakit.errors import SourceError
from mediakit.sources import load_platform
from mediakit.tables import Account

EXPORTED = date(2026, 11, 17)
INSIGHTS = "instagram-mara-2026-11-17-AbCd/logged_information/past_instagram_insights"


def _load(tmp_path: Path, platform: str, files: dict[str, bytes]) -> Account:
    content = tmp_path / "content"
    folder = content / "data" / platform
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return load_platform(platform, folder, content_dir=content, exported_on=EXPORTED)


def _error(tmp_path: Path, platform: str, files: dict[str, bytes]) -> str:
    with pytest.raises(SourceError) as caught:
        _load(tmp_path, platform, files)
    return str(caught.value)


def utf16(text: str) -> bytes:
    return b"\xff\xfe" + text.encode("utf-16-le")


def audience_csv(cities: str = '"Dublin, Ireland","24.6%"\n', grid: str = "") -> bytes:
    grid = grid or '"18-24","21.4%","9.6%"\n"25-34","22.8%","12.1%"\n'
    return utf16(
        'sep=,\n"Instagram followers by gender and age"\n"Age","Women","Men"\n' + grid
        + '\n"Instagram followers by top cities"\n"Top cities","Value"\n' + cities
    )


def insights_json(**values: str) -> bytes:
    strings = {"Date Range": "Aug 19 - Nov 16", "Followers": "18,342",
               "Follower Percentage by Country": "Ireland: 48.2%, United Kingdom: 21.7%",
               "Total Follower Percentage for Women": "63.9%",
               "Total Follower Percentage for Men": "36.1%"}
    strings.update(values)
    entry = {"media_map_data": {}, "string_map_data": {
        label: {"value": value, "timestamp": 0} for label, value in strings.items()}}
    return json.dumps({"organic_insights_audience": [entry]}).encode()


# -- TikTok (the check every reader now shares) --------------------------------------------------


@pytest.mark.parametrize("written", ["1.5", "150%", "-0.1"])
def test_tiktok_territory_share_outside_0_to_1_is_refused(tmp_path: Path, written: str) -> None:
    territories = f'"Top territories","Distribution"\n"IE","0.5"\n"GB","{written}"'.encode()
    assert _error(tmp_path, "tiktok", {"FollowerTopTerritories.csv": territories}) == (
        "data/tiktok/FollowerTopTerritories.csv:3: Distribution: a share is between 0 and 1 "
        f"(0% and 100%), got '{written}' (use the export as downloaded)"
    )


# -- Instagram Audience.csv ----------------------------------------------------------------------


def test_instagram_shares_within_100_percent_are_read(tmp_path: Path) -> None:
    audience = _load(tmp_path, "instagram", {"Audience.csv": audience_csv()}).audience
    shares = {(d, s): round(v, 6) for d, s, v in
              zip(audience["dimension"], audience["segment"], audience["share"], strict=True)}
    # ages add across: 21.4 + 9.6 = 31.0%, 22.8 + 12.1 = 34.9%; genders add down:
    # women 21.4 + 22.8 = 44.2%, men 9.6 + 12.1 = 21.7%
    assert shares == {("age", "18-24"): 0.31, ("age", "25-34"): 0.349,
                      ("gender", "female"): 0.442, ("gender", "male"): 0.217,
                      ("city", "Dublin, Ireland"): 0.246}


def test_instagram_city_share_over_100_percent_is_refused(tmp_path: Path) -> None:
    files = {"Audience.csv": audience_csv(cities='"Dublin, Ireland","246%"\n')}
    # rows as a spreadsheet shows them (Excel hides the "sep=," line): title 1, header 2,
    # ages 3-4, blank 5, title 6, header 7, Dublin 8
    assert _error(tmp_path, "instagram", files) == (
        "data/instagram/Audience.csv:8: Value: a share is between 0 and 1 (0% and 100%), got "
        "'246%' (use the export as downloaded)"
    )


def test_instagram_age_gender_cell_over_100_percent_is_refused(tmp_path: Path) -> None:
    files = {"Audience.csv": audience_csv(grid='"18-24","21.4%","109.6%"\n')}
    assert _error(tmp_path, "instagram", files) == (
        "data/instagram/Audience.csv:3: Men: a share is between 0 and 1 (0% and 100%), got "
        "'109.6%' (use the export as downloaded)"
    )


def test_instagram_negative_share_is_refused(tmp_path: Path) -> None:
    files = {"Audience.csv": audience_csv(cities='"Cork, Ireland","-6.1%"\n')}
    assert "got '-6.1%'" in _error(tmp_path, "instagram", files)


def test_instagram_age_and_gender_cells_adding_up_past_100_percent_are_refused(
    tmp_path: Path,
) -> None:
    # every cell below 100%, but 45 + 30 + 25 + 20 = 120% of followers: the 18-24 band alone
    # would show as 75% and women as 70%, with men 50% on top
    grid = '"18-24","45%","30%"\n"25-34","25%","20%"\n'
    assert _error(tmp_path, "instagram", {"Audience.csv": audience_csv(grid=grid)}) == (
        "data/instagram/Audience.csv: Women, Men: the follower shares by age and gender add up "
        "to 120.0%, more than all followers (use the export as downloaded)"
    )


def test_meta_rounding_a_little_past_100_percent_is_accepted(tmp_path: Path) -> None:
    # each cell rounded to 0.1%: 50.3 + 49.9 = 100.2%, within the 0.7 points 14 cells can gain
    grid = '"18-24","50.3%","0%"\n"25-34","0%","49.9%"\n'
    audience = _load(tmp_path, "instagram", {"Audience.csv": audience_csv(grid=grid)}).audience
    gender = audience[audience["dimension"] == "gender"]
    assert dict(zip(gender["segment"], gender["share"].round(6), strict=True)) == {
        "female": 0.503, "male": 0.499}


# -- Instagram "Download your information" JSON ---------------------------------------------------


def test_instagram_json_country_share_over_100_percent_is_refused(tmp_path: Path) -> None:
    data = insights_json(**{"Follower Percentage by Country": "Ireland: 148.2%, Peru: 1%"})
    message = _error(tmp_path, "instagram", {f"{INSIGHTS}/audience_insights.json": data})
    assert message == (
        f"data/instagram/{INSIGHTS}/audience_insights.json: "
        "organic_insights_audience[0].Follower Percentage by Country: a share is between 0 and 1 "
        "(0% and 100%), got '148.2%' (use the export as downloaded)"
    )


def test_instagram_json_gender_share_over_100_percent_is_refused(tmp_path: Path) -> None:
    data = insights_json(**{"Total Follower Percentage for Women": "163.9%"})
    message = _error(tmp_path, "instagram", {f"{INSIGHTS}/audience_insights.json": data})
    assert message.endswith(
        "organic_insights_audience[0].Total Follower Percentage for Women: a share is between 0 "
        "and 1 (0% and 100%), got '163.9%' (use the export as downloaded)"
    )
