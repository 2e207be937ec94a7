"""A YouTube export that is only ``Table data.csv``: its Total row is the kit's reach, and the
kit, stats.json and the build's warning name one date (issue 14, point 5).

The file is the real-looking default Studio table (formats.md, section 3): its Total row holds
61,685 views, 1,384.3735 watch hours, +281 subscribers and 843,001 impressions; its videos were
published up to 18 Jun 2021. Nothing beside it says its period, so its numbers are dated by the
file (7 Dec 2026 here) with a warning, and that date, not the last publish day, is "as of".
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pandas as pd

from mediakit.build import build

TABLE = (
    "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers,"
    "Impressions,Impressions click-through rate (%)\n"
    "Total,,,,61685,1384.3735,281,843001,6.31\n"
    "oEDe6JMwL7Q,Study room make over for NEET aspriant || suuz,\"Apr 29, 2020\",292,58005,"
    "1321.6783,269,797168,6.32\n"
    "aaaaaaaaaaa,Second video,\"Jun 18, 2021\",200,3680,62.6952,12,45833,6.1\n"
)
PROFILE = """\
name: Suuz
locale: en_GB
platforms:
  youtube:
    handle: "@suuz"
    data: data/youtube
"""


def _project(root: Path, folder: str = "") -> Path:
    content = root / "content"
    table = content / "data" / "youtube" / folder / "Table data.csv"
    table.parent.mkdir(parents=True)
    table.write_text(TABLE, encoding="utf-8")
    stamp = pd.Timestamp("2026-12-07 09:30").timestamp()
    os.utime(table, (stamp, stamp))
    (content / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    return root


def test_a_lone_table_shows_its_totals_and_one_date_everywhere(tmp_path: Path) -> None:
    result = build(_project(tmp_path), today=date(2026, 12, 8))
    stats = json.loads((tmp_path / "site/stats.json").read_text())
    kit = (tmp_path / "site/index.html").read_text()
    report = (tmp_path / "site/report.html").read_text()
    # one date: the warning's, stats.json's and the pages' "data as of" (not 2021-06-18)
    assert any("dated 2026-12-07 (the file's date)" in text for text in result.warnings)
    assert stats["as_of"] == "2026-12-07"
    assert 'data as of <time datetime="2026-12-07">7 Dec 2026</time>' in kit
    assert '<time datetime="2026-12-07">7 Dec 2026</time>' in report
    # the Total row, labelled with its period (whose start the export does not say)
    assert stats["platforms"]["youtube"]["period_totals"] == [{
        "first": None, "last": "2026-12-07", "days": None, "views": 61685,
        "watch_time_hours": 1384.3735, "followers_gained": 281, "impressions": 843001}]
    assert "Video views, the export’s period, to 7 Dec 2026" in kit
    assert '<dd class="big">61.7k</dd>' in kit  # 61,685 in en_GB's compact form
    assert "1,384 hours watched · +281 subscribers" in kit  # 1,384.3735 h rounded; net +281
    assert "the export’s period, to 7 Dec 2026" in report and "843,001" in report


def test_a_table_in_a_studio_named_folder_is_as_of_its_period_end(tmp_path: Path) -> None:
    result = build(_project(tmp_path, "Content 2021-05-22_2021-06-18 suuz"),
                   today=date(2026, 12, 8))
    stats = json.loads((tmp_path / "site/stats.json").read_text())
    assert stats["as_of"] == "2021-06-18"
    [totals] = stats["platforms"]["youtube"]["period_totals"]
    # May 22 .. Jun 18 2021: 10 days of May (22..31) + 18 of June = 28 days
    assert (totals["first"], totals["last"], totals["days"]) == ("2021-05-22", "2021-06-18", 28)
    assert not any("file's date" in text for text in result.warnings)
    kit = (tmp_path / "site/index.html").read_text()
    assert "Video views, 22 May 2021 – 18 Jun 2021 (28 days)" in kit
