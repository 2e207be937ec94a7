"""The malformed-input corpus: each case is the small creator (projects.py) with one thing broken.

A case either builds correctly (``error`` empty: the history must then hold every number of the
ten days, exactly, except the cells the case names) or stops with one line holding every word in
``error`` (file, row, column, value). Written by hand from the formats in /work/shared/formats.md
and from what creators do to files: open them in Excel, save them again, cut, paste, rename.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from dataclasses import dataclass, field

from mediakit.tables import SCHEMAS
from tests.hardening.projects import DAYS, FOLLOWERS_HEADER, PROFILE

OVERVIEW = "data/tiktok/Overview.csv"
FOLLOWERS = "data/tiktok/FollowerHistory.csv"
COLUMNS = ("Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares")
# history/daily.csv column of each Overview column, and each day's value in the small creator
HISTORY = {"Video Views": "views", "Profile Views": "profile_views", "Likes": "likes",
           "Comments": "comments", "Shares": "shares"}


def base_value(column: str, day: int) -> str:
    return {"views": str(100 * day), "profile_views": str(day), "likes": str(10 * day),
            "comments": "1", "shares": "0", "followers": str(1000 + day)}[column]


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, bytes] = field(default_factory=dict)  # under content/, written over the base
    error: tuple[str, ...] = ()  # words of the one-line error; () = a correct build
    profile: str = PROFILE
    expect: dict[tuple[int, str], str] = field(default_factory=dict)  # (March day, column) -> value
    blank: frozenset[tuple[int, str]] = frozenset()  # cells that must be missing (NA)
    warning: str = ""  # words one warning must hold
    base: bool = True  # check every other number of the ten days too
    remove: tuple[str, ...] = ()  # files of the base project to delete
    inputs: int = 1  # broken inputs the case holds (independent ones may share a build)


def table(header: list[str], rows: list[list[str]], *, sep: str = ",", bom: bool = False,
          newline: str = "\n") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, quoting=csv.QUOTE_ALL, lineterminator=newline).writerows(
        [header, *rows])
    return (codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode("utf-8")


def overview_cells() -> list[list[str]]:
    return [[f"March {d}", str(100 * d), str(d), str(10 * d), "1", "0"] for d in DAYS]


def overview(rows: list[list[str]] | None = None, **options: object) -> dict[str, bytes]:
    return {OVERVIEW: table(list(COLUMNS), overview_cells() if rows is None else rows,
                            **options)}  # type: ignore[arg-type]


def with_cell(column: str, day: int, text: str) -> dict[str, bytes]:
    rows = overview_cells()
    rows[day - 1][COLUMNS.index(column)] = text
    return overview(rows)


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def text_rows(header: str, rows: list[str]) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


OV_ERR = ("data/tiktok/Overview.csv",)


# Number cells as exports, Excel and creators write them: text -> the count it must become
# ("" = missing). They are independent cells, so they share one build (see packed_cells).
NUMBER_TEXTS: dict[str, str] = {
    "1,234": "1234", "1 234": "1234", "1\u00a0234": "1234", "1.234": "1234", "1234.0": "1234",
    "12.7": "13", " 250 ": "250", "+7": "7", "-5": "-5", "1e3": "1000", "1,234,567": "1234567",
    "0": "0", "007": "7", "1\u2019234": "1234", "2.5": "2",
    "": "", "undefined": "", "NaN": "", "nan": "", "N/A": "", "--": "", "null": "", "None": "",
    " ": "",
}
BAD_NUMBERS = ("12.5%", "1.2K", "1.2M", "abc", "inf", "-inf", "0x10", "=1+1", "\u0661\u0662\u0663",
               "-", "12,5", "1,23", "99999999999999999999", "$500", "500 views", "1..2", "TRUE",
               "1,5k")


def packed_cells() -> Case:
    """Every accepted way of writing a number, each in its own Overview cell, in one build."""
    rows = overview_cells()
    expect, blank = {}, set()
    cells = [(day, column) for day in DAYS for column in COLUMNS[1:]]
    for (day, column), (text, value) in zip(cells, NUMBER_TEXTS.items(), strict=False):
        rows[day - 1][COLUMNS.index(column)] = text
        if value:
            expect[day, HISTORY[column]] = value
        else:
            blank.add((day, HISTORY[column]))
    return Case("numbers written every way", overview(rows), expect=expect,
                blank=frozenset(blank), inputs=len(NUMBER_TEXTS))


def cell_cases() -> list[Case]:
    """A cell that is not a number: one line naming the file, row 3 (March 2), column, value."""
    return [Case(f"views {text!r}", with_cell("Video Views", 2, text),
                 error=(*OV_ERR, ":3:", "Video Views", f"'{text}'")) for text in BAD_NUMBERS]


def date_cases() -> list[Case]:
    rows = overview_cells()
    shuffled = [rows[i] for i in (0, 1, 5, 3, 4, 2, 6, 7, 8, 9)]
    duplicated = rows[:3] + [["March 3", "999", "3", "30", "1", "0"]] + rows[3:]
    gap = rows[:4] + rows[7:]
    iso = [[f"2026-03-{d:02d}", *row[1:]] for d, row in zip(DAYS, rows, strict=True)]
    return [
        Case("date 'March 32'", overview(rows[:1] + [["March 32", *rows[1][1:]]] + rows[2:]),
             error=(*OV_ERR, ":3:", "Date", "'March 32'")),
        Case("date misspelt", overview(rows[:1] + [["Marhc 2", *rows[1][1:]]] + rows[2:]),
             error=(*OV_ERR, ":3:", "Date", "'Marhc 2'")),
        Case("date empty", overview(rows[:1] + [["", *rows[1][1:]]] + rows[2:]),
             error=(*OV_ERR, ":3:", "Date", "an empty cell")),
        Case("date with slashes", overview([[f"03/{d:02d}/2026", *r[1:]]
                                            for d, r in zip(DAYS, rows, strict=True)]),
             error=(*OV_ERR, ":2:", "Date", "'03/01/2026'")),
        Case("date February 30", overview(rows[:1] + [["February 30", *rows[1][1:]]] + rows[2:]),
             error=(*OV_ERR, ":3:", "Date", "'February 30'")),
        Case("dates out of order", overview(shuffled),
             error=(*OV_ERR, ":5:", "Date", "not in date order")),
        Case("dates newest first", overview(list(reversed(rows))),
             error=(*OV_ERR, ":3:", "Date", "not in date order")),
        Case("duplicate day", overview(duplicated),
             error=(*OV_ERR, ":5:", "Date", "'March 3' appears twice")),
        Case("days missing in the middle", overview(gap),
             blank=frozenset((d, c) for d in (5, 6, 7) for c in HISTORY.values())),
        Case("dates with the year", overview(iso)),
        Case("future date (after the download day)",
             overview(rows + [["March 20", "2000", "20", "200", "1", "0"]]),
             warning="Overview.csv ends on 2025-03-20, 357 days before it was downloaded",
             base=False),
        Case("dates in lower case (Overview) and in French (FollowerHistory)", {
            **overview([[r[0].lower(), *r[1:]] for r in rows]),
            FOLLOWERS: text_rows(FOLLOWERS_HEADER, [f'"{d} mars","{1000 + d}","1"' for d in DAYS])},
             inputs=2),
    ]


def structure_cases() -> list[Case]:
    good = table(list(COLUMNS), overview_cells())
    cut = good[: good.index(b"March 6") + 14]  # in the middle of a row
    rows = overview_cells()
    return [
        Case("truncated mid-row", {OVERVIEW: cut}, error=(*OV_ERR, ":7:", "has 2 values")),
        Case("truncated mid-quote", {OVERVIEW: good[: good.index(b"March 6") + 3]},
             error=(*OV_ERR, ":7:", "has 1 values")),
        Case("empty file", {OVERVIEW: b""}, error=(*OV_ERR, "the file is empty")),
        Case("only blank lines", {OVERVIEW: b"\n\n \r\n"}, error=(*OV_ERR, "the file is empty")),
        Case("only the header", overview([]),
             blank=frozenset((d, c) for d in DAYS for c in HISTORY.values())),
        Case("header misspelt", {OVERVIEW: good.replace(b"Video Views", b"Video Viewz")},
             error=(*OV_ERR, "Overview.csv but has no column 'Video Views'")),
        Case("header in another language",
             {OVERVIEW: good.replace(b"Video Views", b"Aufrufe").replace(b"Likes", b"Gef")},
             error=(*OV_ERR, "is not a TikTok Studio export", "'Aufrufe'")),
        Case("duplicate header", {OVERVIEW: good.replace(b'"Shares"', b'"Likes"')},
             error=(*OV_ERR, ":1:", "the column 'Likes' appears twice")),
        Case("a row with one more value", overview(rows[:3] + [[*rows[3], "x"]] + rows[4:]),
             error=(*OV_ERR, ":5:", "has 7 values but the header has 6")),
        Case("a row with one value less", overview(rows[:3] + [rows[3][:5]] + rows[4:]),
             error=(*OV_ERR, ":5:", "has 5 values but the header has 6")),
        Case("NUL byte in a number", {OVERVIEW: good.replace(b'"200"', b'"2\x0000"')},
             error=(*OV_ERR, ":3:", "Video Views")),
        Case("an HTML page saved as .csv",
             {OVERVIEW: b"<!doctype html><html><body>Log in to TikTok</body></html>\n"},
             error=(*OV_ERR, "is not a TikTok Studio export")),
        Case("a JSON file saved as .csv", {OVERVIEW: json.dumps({"Date": "March 1"}).encode()},
             error=(*OV_ERR, "is not a TikTok Studio export")),
        Case("a picture saved as .csv", {OVERVIEW: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff"},
             error=(*OV_ERR, "not UTF-8 text", ":1:")),
    ]


def encoding_cases() -> list[Case]:
    text = table(list(COLUMNS), overview_cells()).decode("utf-8")
    return [
        Case("Latin-1 (French month)", {OVERVIEW: text.replace("March 4", "4 ao\u00fbt")
                                        .encode("latin-1")},
             error=(*OV_ERR, ":5:", "not UTF-8 text", "0xfb")),
        Case("mixed encodings (one Latin-1 line)",
             {OVERVIEW: text.encode("utf-8").replace(b"March 9", b"M\xe4rz 9")},
             error=(*OV_ERR, ":10:", "not UTF-8 text", "0xe4")),
        Case("UTF-16 BOM, then UTF-8 bytes", {OVERVIEW: codecs.BOM_UTF16_LE + text.encode()},
             error=(*OV_ERR,)),
        Case("Windows-1252 curly quotes", {OVERVIEW: text.encode("utf-8").replace(
            b'"Date"', b'\x93Date\x94')}, error=(*OV_ERR, ":1:", "not UTF-8 text", "0x93")),
    ]


# How a whole file may be written or saved again, each read as the same table. Every variant
# is applied to Overview.csv in one build and to FollowerHistory.csv in another, two per build.
def _quoted(header: list[str], rows: list[list[str]], sep: str = ",", newline: str = "\n") -> str:
    return table(header, rows, sep=sep, newline=newline).decode("utf-8")


FILE_VARIANTS = {
    "UTF-8 with BOM": lambda h, r: codecs.BOM_UTF8 + _quoted(h, r).encode(),
    "UTF-16 LE with BOM": lambda h, r: codecs.BOM_UTF16_LE + _quoted(h, r).encode("utf-16-le"),
    "UTF-16 BE with BOM": lambda h, r: codecs.BOM_UTF16_BE + _quoted(h, r).encode("utf-16-be"),
    "UTF-16 LE without BOM": lambda h, r: _quoted(h, r).encode("utf-16-le"),
    "UTF-16 BE without BOM": lambda h, r: _quoted(h, r).encode("utf-16-be"),
    "Windows line endings": lambda h, r: _quoted(h, r, newline="\r\n").encode(),
    "old Mac line endings": lambda h, r: _quoted(h, r, newline="\r").encode(),
    "semicolons (Excel, Europe)": lambda h, r: _quoted(h, r, sep=";").encode(),
    "tabs": lambda h, r: _quoted(h, r, sep="\t").encode(),
    "Excel's sep= line": lambda h, r: b"sep=;\n" + _quoted(h, r, sep=";").encode(),
    "no quotes at all": lambda h, r: _quoted(h, r).replace('"', "").encode(),
    "header in lower case": lambda h, r: _quoted([c.lower() for c in h], r).encode(),
    "columns reordered": lambda h, r: _quoted(h[::-1], [row[::-1] for row in r]).encode(),
    "an extra column": lambda h, r: _quoted([*h, "Notes"], [[*row, "fine"] for row in r]).encode(),
    "trailing empty cells": lambda h, r: _quoted(h, r).replace('"\n', '",,\n').encode(),
    "trailing blank lines": lambda h, r: (_quoted(h, r) + "\n\n\n").encode(),
    "a blank line in the middle": lambda h, r: _quoted(h, r).replace('"March 5"',
                                                                     '\n"March 5"').encode(),
}


def file_variant_cases() -> list[Case]:
    followers_header = ["Date", "Followers", "Difference in followers from previous day"]
    followers = [[f"March {d}", str(1000 + d), "1"] for d in DAYS]
    names = list(FILE_VARIANTS)
    half = (len(names) + 1) // 2  # Overview gets the first half, FollowerHistory the second
    cases = []
    for index, first in enumerate(names[:half]):
        second = names[(index + half) % len(names)]
        cases.append(Case(f"Overview: {first}; FollowerHistory: {second}", {
            OVERVIEW: FILE_VARIANTS[first](list(COLUMNS), overview_cells()),
            FOLLOWERS: FILE_VARIANTS[second](followers_header, followers)}, inputs=2))
    return cases


def file_cases() -> list[Case]:
    """Whole files that do not belong, or are broken as files."""
    good = table(list(COLUMNS), overview_cells())
    instagram_views = codecs.BOM_UTF16_LE + (
        'sep=,\n"Views"\n"Date","Primary"\n"2026-03-01T00:00:00","100"\n').encode("utf-16-le")
    youtube_table = (b"Content,Video title,Video publish time,Duration,Views\n"
                     b"Total,,,,100\nabc,A video,\"Mar 1, 2026\",60,100\n")
    nested = zipped({"a.zip": zipped({"b.zip": zipped({"Overview.csv": good})})})
    return [
        Case("Instagram's Views.csv in the TikTok folder", {"data/tiktok/Views.csv":
                                                           instagram_views},
             error=("data/tiktok/Views.csv", "looks like an Instagram export", "'Views'",
                    "not a TikTok one", "move it into data/instagram/")),
        Case("YouTube's Table data.csv in the TikTok folder",
             {"data/tiktok/Table data.csv": youtube_table},
             error=("data/tiktok/Table data.csv", "looks like a YouTube export",
                    "move it into data/youtube/")),
        Case("TikTok's Overview in the Instagram folder", {"data/instagram/Overview.csv": good},
             profile=PROFILE + '  instagram:\n    handle: "@testcreator"\n',
             error=("data/instagram/Overview.csv", "looks like a TikTok export",
                    "Overview.csv", "not an Instagram one", "move it into data/tiktok/")),
        Case("TikTok's Overview in the YouTube folder", {"data/youtube/Overview.csv": good},
             profile=PROFILE + '  youtube:\n    handle: "@testcreator"\n',
             error=("data/youtube/Overview.csv", "looks like a TikTok export",
                    "move it into data/tiktok/")),
        Case("a CSV renamed to .xlsx", {"data/tiktok/Overview.xlsx": good},
             error=("data/tiktok/Overview.xlsx", "damaged or not really an Excel workbook")),
        Case("an old Excel .xls", {"data/tiktok/Overview.xls": b"\xd0\xcf\x11\xe0"},
             error=("data/tiktok/Overview.xls", "cannot read .xls files")),
        Case("a Numbers file", {"data/tiktok/Overview.numbers": b"PK"},
             error=("data/tiktok/Overview.numbers", "cannot read .numbers files")),
        Case("a truncated zip", {"data/tiktok/Overview.zip": zipped({"Overview.csv": good})[:60]},
             error=("data/tiktok/Overview.zip", "damaged, encrypted or not really a zip")),
        Case("zips nested three deep", {"data/tiktok/Overview.zip": nested},
             error=("data/tiktok/Overview.zip/a.zip/b.zip", "nested this deep")),
        Case("the export zipped, an empty zip, notes and pictures beside the exports", {
            "data/tiktok/Overview_2026-03-12.zip": zipped({"Overview.csv": good}),
            "data/tiktok/Other.zip": zipped({}), "data/tiktok/README.txt": b"downloaded on a bus",
            "data/tiktok/chart.png": b"\x89PNG", "data/tiktok/.DS_Store": b"\x00\x00",
            "data/tiktok/~$Overview.csv": b"lock"}, remove=(OVERVIEW,), inputs=3),
        Case("user_data JSON cut short", {"data/tiktok/user_data_tiktok.json": b'{"Video": {'},
             error=("data/tiktok/user_data_tiktok.json", "not valid JSON", ":1:")),
        Case("user_data JSON of something else", {"data/tiktok/user_data_tiktok.json":
                                                  b'{"Profile": {"name": "x"}}'},
             warning="lists no posted videos"),
        Case("the data folder is a file", {"data/tiktok2": b"x"},
             profile=PROFILE + "    data: data/tiktok2\n",
             error=("data/tiktok2", "should be a folder")),
        Case("the data folder is missing", profile=PROFILE + "    data: data/nowhere\n",
             error=("data/nowhere", "export folder does not exist")),
    ]


def other_tiktok_cases() -> list[Case]:
    followers = [f'"March {d}","{1000 + d}","1"' for d in DAYS]
    content_header = ('"Time","Video title","Video link","Post time","Total likes",'
                      '"Total comments","Total shares","Total views"')

    def content(link: str = "https://www.tiktok.com/@testcreator/video/7611889043718342913",
                views: str = "1500", posted: str = "March 3") -> dict[str, bytes]:
        return {"data/tiktok/Content.csv": text_rows(content_header, [
            f'"March 11","a song #folk","{link}","{posted}","100","10","5","{views}"'])}

    def gender(share: str) -> dict[str, bytes]:
        return {"data/tiktok/FollowerGender.csv": text_rows(
            '"Gender","Distribution"', [f'"Female","{share}"', '"Male","0.38"'])}

    activity = [f'"March 10","{h}","{10 + h}"' for h in range(24)]
    return [
        Case("followers negative", {FOLLOWERS: text_rows(
            FOLLOWERS_HEADER, followers[:1] + ['"March 2","-3","1"'] + followers[2:])},
             expect={(2, "followers"): "-3"}),
        Case("followers too large", {FOLLOWERS: text_rows(FOLLOWERS_HEADER, followers[:1] + [
            '"March 2","9007199254740993","1"'] + followers[2:])},
             error=("data/tiktok/FollowerHistory.csv", ":3:", "Followers", "too large")),
        Case("followers '1.2K'", {FOLLOWERS: text_rows(
            FOLLOWERS_HEADER, followers[:1] + ['"March 2","1.2K","1"'] + followers[2:])},
             error=("data/tiktok/FollowerHistory.csv", ":3:", "Followers", "'1.2K'")),
        Case("followers file without the difference column", {FOLLOWERS: text_rows(
            '"Date","Followers"', [row.rsplit(",", 1)[0] for row in followers])}),
        Case("a post, the follower activity and shares written '62%'", {
            **content(), **gender("62%"), "data/tiktok/FollowerActivity.csv": text_rows(
                '"Date","Hour","Active followers"', activity)}, inputs=3),
        Case("a post link that is not a web address", content(link="javascript:alert(1)//7"),
             error=("data/tiktok/Content.csv", ":2:", "Video link", "'javascript:alert(1)//7'")),
        Case("a post without a link", content(link=""),
             error=("data/tiktok/Content.csv", ":2:", "Video link", "empty")),
        Case("post views '1.2M'", content(views="1.2M"),
             error=("data/tiktok/Content.csv", ":2:", "Total views", "'1.2M'")),
        Case("post time 'February 30'", content(posted="February 30"),
             error=("data/tiktok/Content.csv", ":2:", "Post time", "'February 30'")),
        Case("gender share '0,62'", gender("0,62")),
        Case("gender share 'lots'", gender("lots"),
             error=("data/tiktok/FollowerGender.csv", ":2:", "Distribution", "'lots'")),
        Case("gender share over 100%", gender("1.5"),
             error=("data/tiktok/FollowerGender.csv", ":2:", "Distribution", "'1.5'")),
        Case("territory without a name", {"data/tiktok/FollowerTopTerritories.csv": text_rows(
            '"Top territories","Distribution"', ['"IE","0.5"', '"","0.2"'])},
             error=("data/tiktok/FollowerTopTerritories.csv", ":3:", "Top territories")),
        Case("activity hour 24", {"data/tiktok/FollowerActivity.csv": text_rows(
            '"Date","Hour","Active followers"', activity[:23] + ['"March 10","24","5"'])},
             error=("data/tiktok/FollowerActivity.csv", ":25:", "Hour", "'24'")),
    ]


def profile_cases() -> list[Case]:
    head, rest = PROFILE.split("\n", 1)
    return [
        Case("profile: tab indentation", profile=PROFILE.replace("    handle", "\thandle"),
             error=("content/profile.yaml:4:", "tab")),
        Case("profile: unclosed quote", profile=PROFILE.replace('"@testcreator"', '"@testcreator'),
             error=("content/profile.yaml:4:", "quote")),
        Case("profile: duplicate key", profile=PROFILE + "name: Other\n",
             error=("content/profile.yaml:6:", "'name' appears twice")),
        Case("profile: price in words", profile=PROFILE + "rates:\n  - deliverable: Video\n"
             "    price: lots\n", error=("content/profile.yaml:8:", "rates[0].price", "'lots'")),
        Case("profile: price with a currency sign", profile=PROFILE + "rates:\n  - deliverable: "
             "Video\n    price: €500\n", error=("content/profile.yaml:8:", "rates[0].price")),
        Case("profile: name is a list", profile="name: [Ada, Lovelace]\n" + rest,
             error=("content/profile.yaml:1:", "name", "must be text")),
        Case("profile: platforms is a word", profile=head + "\nplatforms: tiktok\n",
             error=("content/profile.yaml:2:", "platforms")),
        Case("profile: impossible date", profile=PROFILE.replace("2026-03-12", "2026-13-45"),
             error=("content/profile.yaml:5:", "exported_on", "'2026-13-45'")),
        Case("profile: misspelt key", profile=PROFILE + "tagline_: x\n",
             error=("content/profile.yaml:6:", "unknown key 'tagline_'")),
        Case("profile: empty", profile="", error=("content/profile.yaml", "empty")),
        Case("profile: unquoted colour", profile=PROFILE + "colors:\n  primary: #fff\n",
             error=("content/profile.yaml:7:", "comment")),
        Case("profile: shares over 100%", profile=PROFILE + "audience:\n  tiktok:\n    age:\n"
             "      source: app\n      shares: {18-24: 0.7, 25-34: 0.6}\n",
             error=("content/profile.yaml", "audience.tiktok.age.shares", "more than 1")),
        Case("profile: UTF-16 with a BOM, shares written as percentages", {"profile.yaml": (
            "\ufeff" + PROFILE + "audience:\n  tiktok:\n    age:\n      source: app\n"
            "      shares: {18-24: 41%, 25-34: 33%}\n").encode("utf-16-le")}, inputs=2),
        Case("profile: a platform that does not exist", profile=PROFILE + "  tiktokk:\n"
             '    handle: "@x"\n', error=("content/profile.yaml:6:", "unknown platform 'tiktokk'")),
        Case("profile: YAML of a list", profile="- name: Ada\n",
             error=("content/profile.yaml:1:", "key: value")),
        Case("profile: a merge key", profile="base: &b {name: Ada}\n<<: *b\n",
             error=("content/profile.yaml:2:", "merge keys")),
        Case("profile: binary garbage", profile="\x00\x01\x02 name",
             error=("content/profile.yaml:1:", "control character")),
    ]


PITCH = ("---\nbrand: Acme\ndeliverables: [One TikTok video]\nprice: {price}\n"
         "valid_until: {until}\nsections: [{section}]\n---\nHello.\n")
CASE_STUDY = ("---\nbrand: Acme\ndate: 2026-03-05\nfee: 500\nposts:\n  - url: {url}\n"
              "    views: 1000\n    source: TikTok Studio\n---\nIt went well.\n")


def markdown_cases() -> list[Case]:
    def pitch(price: str = "500", until: str = "2026-04-30", section: str = "numbers") -> bytes:
        return PITCH.format(price=price, until=until, section=section).encode()

    post = "https://www.tiktok.com/@testcreator/video/7611889043718342913"
    return [
        Case("a pitch and a case study", {"pitches/acme.md": pitch(), "case-studies/acme.md":
                                          CASE_STUDY.format(url=post).encode()}, inputs=2),
        Case("pitch: header never closed", {"pitches/acme.md": pitch().replace(b"---\nHello",
                                                                                 b"Hello")},
             error=("content/pitches/acme.md:1:", "never closed")),
        Case("pitch: price in words", {"pitches/acme.md": pitch(price="lots")},
             error=("content/pitches/acme.md:4:", "price", "'lots'")),
        Case("pitch: date in words", {"pitches/acme.md": pitch(until="tomorrow")},
             error=("content/pitches/acme.md:5:", "valid_until", "'tomorrow'")),
        Case("pitch: unknown section", {"pitches/acme.md": pitch(section="numberz")},
             error=("content/pitches/acme.md:6:", "sections[0]", "'numberz'")),
        Case("pitch: not UTF-8", {"pitches/acme.md": pitch().replace(b"Hello", b"H\xe9llo")},
             error=("content/pitches/acme.md:8:", "not UTF-8")),
        Case("pitch: half a character", {"pitches/acme.md": pitch().replace(
            b"brand: Acme", b'brand: "Acme \\ud800"')},
             error=("content/pitches/acme.md:2:", "\\u escape that is not a character")),
        Case("pitch: empty file", {"pitches/acme.md": b""},
             error=("content/pitches/acme.md:1:", "must start with a '---' line")),
        Case("case study: a link that is not a post", {"case-studies/acme.md": CASE_STUDY.format(
            url="https://example.com/x").encode()},
             error=("content/case-studies/acme.md:6:", "posts[0].url", "not a TikTok")),
        Case("case study: fee negative", {"case-studies/acme.md": CASE_STUDY.format(url=post)
                                          .replace("fee: 500", "fee: -5").encode()},
             error=("content/case-studies/acme.md:4:", "fee", "'-5'")),
        Case("page: not UTF-8", {"pages/about.md": b"# About\n\nCaf\xe9\n"},
             error=("content/pages/about.md", "not UTF-8")),
        Case("page: named like a kit page", {"pages/index.md": b"# Home\n"},
             error=("content/pages/index.md", "cannot be called index.md")),
    ]


def history_cases() -> list[Case]:
    header = ("platform,date,followers,views,profile_views,likes,comments,shares,reached,"
              "new_viewers,returning_viewers\n")
    return [
        Case("history: a number edited to words", {"data/history/daily.csv": (
            header + "tiktok,2026-02-28,999,lots,,,,,,,\n").encode()},
             error=("data/history/daily.csv:2:", "views", "'lots'")),
        Case("history: a column deleted", {"data/history/daily.csv": b"platform,date\n"},
             error=("data/history/daily.csv", "missing the column 'followers'")),
        Case("history: an empty file", {"data/history/daily.csv": b""},
             error=("data/history/daily.csv", "cannot be read")),
        Case("history: an older day kept", {"data/history/daily.csv": (
            header + "tiktok,2026-02-28,999,5000,,,,,,,\n").encode()}),
        Case("history: a post link that is not a web address", {"data/history/posts.csv": (
            ",".join(SCHEMAS["posts"]) + "\ntiktok,1,,,javascript:alert(1)"
            + "," * (len(SCHEMAS["posts"]) - 5) + "\n").encode()},
             error=("data/history/posts.csv:2:", "url", "'javascript:alert(1)'")),
    ]


def corpus() -> list[Case]:
    cases = ([packed_cells()] + cell_cases() + date_cases() + structure_cases()
             + encoding_cases() + file_variant_cases() + file_cases() + other_tiktok_cases()
             + profile_cases() + markdown_cases() + history_cases())
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


def input_count(cases: list[Case]) -> int:
    """Broken inputs, counting each one of the cases that share a build."""
    return sum(case.inputs for case in cases)
