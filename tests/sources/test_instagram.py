"""Meta Business Suite exports for Instagram read into the canonical tables, quirk by quirk.

The fixture tests/fixtures/instagram/business_suite/ is a hand-made export of one account:
two post exports with overlapping ranges (Jun 1 - Aug 29 and Aug 18 - Nov 16, 2026), the five
daily series for Nov 10-16 in UTF-16 with Meta's ``sep=,`` and title lines (Follows.csv leaves
out Nov 11 and Visits.csv Nov 12, days Meta counted nothing), and Audience.csv.
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from mediakit.errors import SourceError
from mediakit.sources import load_platform
from mediakit.sources.cells import country_codes
from mediakit.sources.instagram_account import sections
from mediakit.tables import SCHEMAS, Account, SourceFile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "instagram"
BOM = b"\xef\xbb\xbf"
POSTS_NEW = "Aug-18-2026_Nov-16-2026_1783524897764272.csv"
POSTS_OLD = "Jun-01-2026_Aug-29-2026_1783524897764272.csv"
HEADER = (
    '"Post ID","Account ID","Account username","Account name",Description,"Duration (sec)",'
    '"Publish time",Permalink,"Post type","Data comment",Date,Views,Reach,Likes,Shares,Follows,'
    "Comments,Saves\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "content" / "data" / "instagram").mkdir(parents=True)
    return tmp_path / "content"


def _write(content: Path, name: str, data: bytes) -> None:
    path = content / "data" / "instagram" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _load(content: Path, exported_on: date | None = None) -> Account:
    folder = content / "data" / "instagram"
    return load_platform("instagram", folder, content_dir=content, exported_on=exported_on)


def utf16(text: str) -> bytes:
    """Meta's account-level CSVs: UTF-16 little-endian with a byte-order mark."""
    return b"\xff\xfe" + text.encode("utf-16-le")


def series(title: str, *rows: tuple[str, str]) -> bytes:
    lines = ["sep=,", f'"{title}"', '"Date","Primary"']
    lines += [f'"{day}T00:00:00","{value}"' for day, value in rows]
    return utf16("\n".join(lines) + "\n")


ACCOUNT = '17841455512345678,maraquinnmusic,"Mara Quinn"'


def post_row(post_id: str, views: str = "100", kind: str = "IG reel",
             when: str = "11/01/2026 18:00", account: str = ACCOUNT) -> str:
    return (f"{post_id},{account},caption,15,\"{when}\",https://www.instagram.com/reel/x{post_id}/,"
            f"\"{kind}\",,Lifetime,{views},80,9,1,0,2,3\n")


@pytest.fixture
def suite(content: Path) -> Account:
    shutil.copytree(FIXTURES / "business_suite", content / "data" / "instagram",
                    dirs_exist_ok=True)
    return _load(content)


def _by_date(frame: pd.DataFrame, column: str) -> dict[str, object]:
    return {day.date().isoformat(): (None if pd.isna(value) else value)
            for day, value in zip(frame["date"], frame[column], strict=True)}


def test_fixture_files_have_meta_bytes() -> None:
    views = (FIXTURES / "business_suite" / "Views.csv").read_bytes()
    assert views.startswith(b"\xff\xfe" + "sep=,\n".encode("utf-16-le"))
    posts = (FIXTURES / "business_suite" / POSTS_NEW).read_bytes()
    assert posts.startswith(BOM + HEADER.encode())
    assert b"\r" not in posts
    assert posts.count(b"\n") > 6  # 5 posts + header, captions add physical lines


def test_tables_have_the_canonical_schema(suite: Account) -> None:
    for table, schema in SCHEMAS.items():
        frame = getattr(suite, table)
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == schema
        assert frame["platform"].eq("instagram").all()


def test_posts_keep_multi_line_captions_and_map_post_types(suite: Account) -> None:
    posts = suite.posts.set_index("post_id")
    # Two exports, 5 + 2 rows, one post in both: 6 posts, sorted by id whatever the file order.
    assert posts.index.tolist() == [
        "18011122233344455", "18031234567890123", "18055544433322211", "18066677788899900",
        "18074512345678901", "18099887766554433",
    ]
    night_bus = posts.loc["18074512345678901"]
    assert night_bus["title"] == (
        "Night Bus Home, live at the Crooked Lantern 🌙\n\n#indiefolk #dublin")
    assert night_bus["hashtags"] == "indiefolk dublin"
    assert night_bus["url"] == "https://www.instagram.com/reel/DQx1aBcDeFg/"
    # Publish time is MM/DD/YYYY HH:MM; the Date column only says "Lifetime".
    assert night_bus["posted_at"] == pd.Timestamp("2026-11-02 19:30")
    assert posts.loc["18031234567890123", "title"] == (
        'Tour diary, part 3: "the van smells of oranges"\n#tourlife'  # RFC 4180 "" is one "
    )
    assert posts.loc["18099887766554433", "title"] == "Maeve."  # unquoted field
    assert pd.isna(posts.loc["18055544433322211", "title"])  # no caption
    assert posts["kind"].to_dict() == {
        "18011122233344455": "image", "18031234567890123": "carousel",
        "18055544433322211": "reel", "18066677788899900": "reel", "18074512345678901": "reel",
        "18099887766554433": "image",
    }


def test_post_metrics_and_zero_durations(suite: Account) -> None:
    posts = suite.posts.set_index("post_id")
    row = posts.loc["18074512345678901"]
    assert [row[c] for c in ("views", "reach", "likes", "shares", "comments", "saves")] == [
        24358, 15873, 1904, 212, 87, 341]
    assert row["duration_s"] == 47.0
    # "1,204" likes has a thousands separator.
    assert posts.loc["18031234567890123", "likes"] == 1204
    # Images and carousels say 0 seconds, and so can a reel: no duration is missing, not 0.
    assert posts["duration_s"].isna().tolist() == [True, True, True, False, False, True]
    # Columns Instagram's post export does not have stay missing.
    assert posts[["watch_time_s", "avg_watch_s", "completion_rate", "sound"]].isna().all().all()


def test_a_post_in_two_exports_keeps_the_newest_totals(suite: Account) -> None:
    post = suite.posts.set_index("post_id").loc["18066677788899900"]
    # Jun-Aug export (ends Aug 29): 5000 views; Aug-Nov export (ends Nov 16): 7200 views.
    assert (post["views"], post["reach"], post["likes"], post["saves"]) == (7200, 5100, 520, 77)
    assert post["snapshot_date"] == pd.Timestamp("2026-11-16")
    older = suite.posts.set_index("post_id").loc["18011122233344455"]
    assert older["snapshot_date"] == pd.Timestamp("2026-08-29")  # end date in its file name


def test_daily_series_leave_uncounted_days_missing(suite: Account) -> None:
    daily = suite.daily
    assert _by_date(daily, "views") == {
        "2026-11-10": 1775, "2026-11-11": 2040, "2026-11-12": 1630, "2026-11-13": 1912,
        "2026-11-14": 3308, "2026-11-15": 4120, "2026-11-16": 2766,
    }
    assert _by_date(daily, "reached")["2026-11-15"] == 2950
    # Visits.csv has no row for Nov 12: missing, not zero.
    assert _by_date(daily, "profile_views") == {
        "2026-11-10": 40, "2026-11-11": 52, "2026-11-12": None, "2026-11-13": 47,
        "2026-11-14": 96, "2026-11-15": 130, "2026-11-16": 71,
    }
    # Instagram has no daily likes/comments/shares per account, nor new/returning viewers.
    assert daily[["likes", "comments", "shares", "new_viewers"]].isna().all().all()


def test_followers_are_the_audience_total_on_the_last_day_never_the_follows(suite: Account) -> None:
    # Follows.csv counts new follows per day (4, 2, 3, 9, 12, 5): not a follower count.
    assert _by_date(suite.daily, "followers") == {
        "2026-11-10": None, "2026-11-11": None, "2026-11-12": None, "2026-11-13": None,
        "2026-11-14": None, "2026-11-15": None, "2026-11-16": 18342,
    }
    assert any("Follows.csv is read but not used" in note for note in suite.notes)
    assert suite.warnings == []


def test_audience_sums_women_and_men_and_names_countries_by_code(suite: Account) -> None:
    shares = {(row.dimension, row.segment): row.share for row in suite.audience.itertuples()}
    # Women: 1.9 + 21.4 + 22.8 + 9.7 + 4.1 + 2.6 + 1.4 = 63.9 %
    # Men:   0.8 +  9.6 + 12.1 + 6.3 + 3.2 + 1.9 + 2.2 = 36.1 %
    assert shares[("gender", "female")] == pytest.approx(0.639)
    assert shares[("gender", "male")] == pytest.approx(0.361)
    # Each age band is women + men: 18-24 = 21.4 + 9.6 = 31.0 %, 65+ = 1.4 + 2.2 = 3.6 %.
    ages = {segment: share for (dimension, segment), share in shares.items() if dimension == "age"}
    assert ages == pytest.approx({"13-17": 0.027, "18-24": 0.31, "25-34": 0.349, "35-44": 0.16,
                                  "45-54": 0.073, "55-64": 0.045, "65+": 0.036})
    countries = {s: v for (d, s), v in shares.items() if d == "country"}
    # "Hong Kong" is CLDR's "Hong Kong SAR China": known under its everyday name too.
    assert countries == pytest.approx(
        {"IE": 0.482, "GB": 0.217, "US": 0.094, "DE": 0.031, "HK": 0.006})
    assert shares[("city", "Dublin, Ireland")] == pytest.approx(0.246)
    assert len([d for d, _ in shares if d == "city"]) == 5
    assert suite.audience["as_of"].unique().tolist() == [pd.Timestamp("2026-11-16")]
    assert suite.audience["source"].unique().tolist() == ["export: Audience.csv"]


def test_each_file_is_listed_once_with_its_dates(suite: Account) -> None:
    files = {source.path.rsplit("/", 1)[-1]: source for source in suite.files}
    assert len(suite.files) == 8
    assert files["Audience.csv"] == SourceFile(
        "data/instagram/Audience.csv", "instagram", "instagram.audience", 19,
        date(2026, 11, 16), date(2026, 11, 16))
    assert files["Follows.csv"].rows == 6  # Nov 11 left out
    assert files[POSTS_NEW].kind == "instagram.posts"
    assert (files[POSTS_NEW].first_date, files[POSTS_NEW].last_date) == (
        date(2026, 8, 20), date(2026, 11, 14))


def test_audience_sections_split_at_blank_lines() -> None:
    records = [(1, ["Instagram followers"]), (2, ["IG_ACCOUNT,FOLLOW,UNIQUE_USERS"]), (3, ["9"]),
               (4, []), (5, ["Instagram followers by top cities"]), (6, ["Top cities", "Value"]),
               (7, ["Cork, Ireland", "5%"]),
               (8, ["Instagram followers by top countries"]), (9, ["Top countries", "Value"])]
    # A title right after a table also starts a section, blank line or not.
    assert [block[0][0] for block in sections(records)] == [1, 5, 8]


def test_an_unknown_country_name_is_kept_and_warned(content: Path) -> None:
    _write(content, "Audience.csv", utf16(
        'sep=,\n"Instagram followers by top countries"\n"Top countries","Value"\n'
        '"Ireland","60%"\n"Freedonia","40%"\n'))
    account = _load(content, exported_on=date(2026, 11, 17))
    assert account.audience["segment"].tolist() == ["Freedonia", "IE"]
    assert account.warnings == [
        "Instagram: data/instagram/Audience.csv: country name(s) Freedonia not recognised; "
        "shown as written"
    ]
    # Alone in its folder, Audience.csv is dated by exported_on.
    assert account.audience["as_of"].unique().tolist() == [pd.Timestamp("2026-11-17")]


def test_audience_without_any_date_uses_the_file_date_and_warns(content: Path) -> None:
    _write(content, "Audience.csv", utf16(
        'sep=,\n"Instagram followers"\n"IG_ACCOUNT,FOLLOW,UNIQUE_USERS"\n"1629"\n'))
    account = _load(content)
    assert account.daily["followers"].tolist() == [1629]
    assert len(account.warnings) == 1 and "exported_on" in account.warnings[0]


def test_renamed_post_export_is_dated_by_its_latest_post(content: Path) -> None:
    _write(content, "posts.csv", BOM + (HEADER + post_row("1", when="10/01/2026 09:00")
                                        + post_row("2", when="10/05/2026 21:45")).encode())
    account = _load(content)
    assert account.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-10-05")]
    assert any("latest publish time" in note for note in account.notes)
    # exported_on, when given, is the better guess.
    dated = _load(content, exported_on=date(2026, 10, 9))
    assert dated.posts["snapshot_date"].unique().tolist() == [pd.Timestamp("2026-10-09")]


def test_german_thousands_and_an_older_export_without_views(content: Path) -> None:
    header = HEADER.replace(",Views,", ",Impressions,")
    _write(content, "old.csv", BOM + (header + post_row("7", views='"12.400"')).encode())
    account = _load(content, exported_on=date(2026, 11, 17))
    assert account.posts["views"].tolist() == [12400]  # Impressions, "12.400" = 12,400
    assert any("used 'Impressions' for views" in note for note in account.notes)


def test_stories_are_left_out_and_odd_post_types_kept_without_a_type(content: Path) -> None:
    rows = post_row("1", kind="IG story") + post_row("2", kind="IG live") + post_row("3")
    _write(content, "p.csv", BOM + (HEADER + rows).encode())
    account = _load(content, exported_on=date(2026, 11, 17))
    assert account.posts["post_id"].tolist() == ["2", "3"]
    assert account.posts["kind"].isna().tolist() == [True, False]


def test_a_bad_number_names_file_row_and_column(content: Path) -> None:
    # Row 2 is the header's next record; the caption of post 1 spans two physical lines, so
    # post 2 is physical line 4 but spreadsheet row 3.
    first = post_row("1").replace("caption", '"two\nlines"')
    _write(content, POSTS_NEW, BOM + (HEADER + first + post_row("2", views="12k")).encode())
    with pytest.raises(SourceError) as caught:
        _load(content)
    assert str(caught.value) == (
        f"data/instagram/{POSTS_NEW}:3: Views: expected a number, got '12k' "
        "(use the export as downloaded; a cell may have been edited by hand)")


def test_a_bad_daily_value_names_its_spreadsheet_row(content: Path) -> None:
    _write(content, "Views.csv", series("Views", ("2026-11-10", "12"), ("2026-11-11", "lots")))
    with pytest.raises(SourceError, match=r"^data/instagram/Views.csv:4: Primary: expected a "
                                          r"number, got 'lots'"):
        _load(content)


def test_a_bad_daily_date_is_named(content: Path) -> None:
    _write(content, "Reach.csv", utf16('sep=,\n"Reach"\n"Date","Primary"\n"11/10/2026","5"\n'))
    with pytest.raises(SourceError, match=r"Reach.csv:3: Date: '11/10/2026' is not a date"):
        _load(content)


def test_an_unknown_title_line_says_what_is_read(content: Path) -> None:
    _write(content, "Clicks.csv", series("Instagram story replies", ("2026-11-10", "3")))
    with pytest.raises(SourceError, match="its title is 'Instagram story replies'"):
        _load(content)


def test_a_facebook_page_export_is_refused_by_name(content: Path) -> None:
    header = '"Post ID","Page ID","Page name",Title,Description,"Publish time",Permalink\n'
    _write(content, "fb.csv", BOM + (header + "1,2,Mara,t,d,x,y\n").encode())
    with pytest.raises(SourceError, match="fb.csv: is a Facebook Page export, not an Instagram"):
        _load(content)


def test_an_unrelated_csv_names_its_columns(content: Path) -> None:
    _write(content, "Overview.csv", BOM + b'"Date","Video Views"\n"May 1","3"\n')
    with pytest.raises(SourceError) as caught:
        _load(content)
    assert "Overview.csv: is not an Instagram export mediakit knows (its columns are 'Date', " \
           "'Video Views')" in str(caught.value)


def test_excel_rounded_post_ids_are_refused(content: Path) -> None:
    _write(content, "p.csv", BOM + (HEADER + post_row("1.80887E+16")).encode())
    with pytest.raises(SourceError, match=r"p.csv:2: Post ID: the Post ID '1.80887E\+16' was "
                                          r"rounded by a spreadsheet program"):
        _load(content)


def test_exports_of_two_accounts_in_one_folder_are_refused(content: Path) -> None:
    other = '17841400000000001,someoneelse,"Some One"'
    _write(content, "a.csv", BOM + (HEADER + post_row("1")).encode())
    _write(content, "b.csv", BOM + (HEADER + post_row("2", account=other)).encode())
    with pytest.raises(SourceError, match="b.csv: is an export of the account 'someoneelse', but "
                                          "the folder also holds exports of 'maraquinnmusic'"):
        _load(content)


def test_an_empty_folder_warns_where_to_export(content: Path) -> None:
    account = _load(content)
    assert account.posts.empty and account.daily.empty
    assert account.warnings == [
        "Instagram: no export files found in data/instagram; export them from Meta Business "
        "Suite > Insights (Content > Export data, and the Overview/Audience exports)"
    ]


def test_a_post_export_saved_as_xlsx_reads_the_same(content: Path) -> None:
    from export_bytes import sheetjs_xlsx

    header = next(csv.reader(io.StringIO(HEADER)))
    row = next(csv.reader(io.StringIO(post_row("42", views='"1,500"'))))
    _write(content, "posts.xlsx", sheetjs_xlsx([header, row[:-2]]))  # last cells left empty
    account = _load(content, exported_on=date(2026, 11, 17))
    post = account.posts.iloc[0]
    assert (post["post_id"], post["views"], post["kind"]) == ("42", 1500, "reel")
    assert pd.isna(post["comments"]) and pd.isna(post["saves"])  # empty cells are missing


def test_country_names_in_several_spellings() -> None:
    names = pd.Series(["Ireland", "Türkiye", "Turkey", "Côte d’Ivoire", "St. Kitts & Nevis",
                       "United States", "Others", "Deutschland"])
    codes, unknown = country_codes(names)
    assert codes.tolist() == ["IE", "TR", "TR", "CI", "KN", "US", "other", "Deutschland"]
    assert unknown == ["Deutschland"]  # German names only when German is asked for
    assert country_codes(pd.Series(["Deutschland"]), ("en", "de"))[0].tolist() == ["DE"]


@pytest.mark.parametrize("when", ["-3", "01/01/0001 00:00", "12/31/9999 23:59"])
def test_a_publish_time_no_export_can_hold_is_an_error(content: Path, when: str) -> None:
    # Found by the property tests: "-3" once reached pandas as year -3 and crashed it.
    _write(content, "p.csv", BOM + (HEADER + post_row("1", when=when)).encode())
    with pytest.raises(SourceError, match=r"p.csv:2: Publish time: expected a publish time"):
        _load(content, exported_on=date(2026, 11, 17))
