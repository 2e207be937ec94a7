"""posts-extra.csv: per-post figures the creator types in, filling only what exports leave empty."""

from __future__ import annotations

from pathlib import Path

import pytest

import mediakit.sources as sources
from mediakit.errors import SourceError, UnsafePathError
from mediakit.sources import extra
from mediakit.tables import Account
from tests.helpers import posts

LINK = "https://www.tiktok.com/@mara/video/7527623000473079054"


def _write(content: Path, text: str) -> Path:
    path = content / "data" / "tiktok" / extra.EXTRA_FILE
    path.write_text(text, "utf-8")
    return path


def _exported() -> Account:
    return Account(posts=posts([
        {"post_id": "7527623000473079054", "url": LINK, "views": 191_265, "likes": 533,
         "comments": 32, "shares": 16},
    ]))


def test_figures_fill_the_exported_post_by_its_link(content: Path):
    _write(content, f"url,avg_watch_s,completion_rate,views\n{LINK},0:14,45%,999\n")
    account = extra.apply(_exported(), content / "data/tiktok", "tiktok", content_dir=content)
    row = account.posts.iloc[0]
    assert row["avg_watch_s"] == 14.0  # 0:14 read as 14 seconds
    assert row["completion_rate"] == 0.45
    assert row["views"] == 191_265  # the export's number wins over the typed 999
    source = account.files[-1]
    assert (source.path, source.kind, source.rows) == ("data/tiktok/posts-extra.csv",
                                                       "tiktok.posts_extra", 1)


def test_plain_percent_numbers_and_ids_are_understood(content: Path):
    _write(content, "post_id,completion_rate,avg_watch_s\n7527623000473079054,45,12.5\n"
                    "999,0.3,\n")
    account = extra.apply(_exported(), content / "data/tiktok", "tiktok", content_dir=content)
    by_id = account.posts.set_index("post_id")
    assert by_id.loc["7527623000473079054", "completion_rate"] == 0.45  # "45" means 45%
    assert by_id.loc["999", "completion_rate"] == 0.3  # kept for the history to match
    assert any("1 post(s) not in these exports" in note for note in account.notes)


def test_no_file_changes_nothing(content: Path):
    account = _exported()
    assert extra.apply(account, content / "data/tiktok", "tiktok", content_dir=content) is account


@pytest.mark.parametrize(("text", "message"), [
    ("url,avg_watch\nx,1\n", "data/tiktok/posts-extra.csv:1: avg_watch: unknown column "
                             "'avg_watch' (did you mean 'avg_watch_s'?)"),
    ("avg_watch_s\n12\n", "needs a post_id or url column"),
    ("url,views\nhttps://example.com/x,5\n", ":2: url: the link 'https://example.com/x' has no "
                                             "post id in it"),
    ("post_id,completion_rate\n1,145%\n", ":2: completion_rate: '1.45' is out of range"),
    ("post_id,views\n1,lots\n", ":2: views:"),
    ("post_id,views\n1,5\n1,6\n", ":3: post_id: post '1' appears twice"),
    ("post_id,posted_at\n1,yesterday\n", ":2: posted_at: 'yesterday' is not a date"),
    ("post_id,sponsored\n1,maybe\n", ":2: sponsored: 'maybe' is not yes or no"),
    ("post_id,avg_watch_s\n1,-3\n", ":2: avg_watch_s: '-3.0' is out of range"),
])
def test_mistakes_are_one_line_errors_naming_row_and_column(content: Path, text, message):
    _write(content, text)
    with pytest.raises(SourceError) as caught:
        extra.apply(_exported(), content / "data/tiktok", "tiktok", content_dir=content)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_link_out_of_the_project_is_refused(content: Path, tmp_path: Path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("post_id,views\n1,5\n", "utf-8")
    (content / "data" / "tiktok" / extra.EXTRA_FILE).symlink_to(outside)
    with pytest.raises(UnsafePathError, match="outside the project"):
        extra.apply(_exported(), content / "data/tiktok", "tiktok", content_dir=content)


def test_post_ids_from_platform_links():
    assert extra.post_id_from_url(LINK) == "7527623000473079054"
    assert extra.post_id_from_url("https://www.instagram.com/reel/DV6R8VejxSK/") == "DV6R8VejxSK"
    assert extra.post_id_from_url("https://www.youtube.com/watch?v=oEDe6JMwL7Q") == "oEDe6JMwL7Q"
    assert extra.post_id_from_url("https://www.youtube.com/shorts/abc_-12") == "abc_-12"
    assert extra.post_id_from_url("https://example.com/") is None


def test_load_platform_applies_the_file_after_the_platform_reader(content: Path, monkeypatch):
    monkeypatch.setitem(sources.READERS, "tiktok",
                        lambda folder, *, content_dir, exported_on=None: _exported())
    _write(content, f"url,completion_rate\n{LINK},0.5\n")
    account = sources.load_platform("tiktok", content / "data/tiktok", content_dir=content)
    assert account.posts.iloc[0]["completion_rate"] == 0.5
    assert account.files[-1].kind == "tiktok.posts_extra"
