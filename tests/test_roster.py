"""Rosters: many creators, one broken, built serially, with a pool and on a Dask LocalCluster."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from mediakit.commands.main import main
from mediakit.errors import ConfigError
from mediakit.roster.build import build_roster
from mediakit.roster.model import assign_slugs, load_roster

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 20)


def make_creator(folder: Path, name: str, handle: str, seed: int, days: int = 60) -> Path:
    data = folder / "content" / "data" / "tiktok"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_demo.py"), "--out", str(data),
         "--days", str(days), "--posts", "40", "--seed", str(seed), "--handle", handle],
        check=True, capture_output=True,
    )
    (folder / "content" / "profile.yaml").write_text(
        f'name: "{name}"\nplatforms:\n  tiktok:\n    handle: "@{handle}"\n'
        "    exported_on: 2026-11-17\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("agency")
    make_creator(root / "creators" / "ada-lane", "Ada Lane", "adalane", 11)
    make_creator(root / "creators" / "bo-stone", "Bo Stone", "bostone", 12)
    make_creator(root / "creators" / "cy-moss", "Cy Moss <script>", "cymoss", 13)
    broken = make_creator(root / "creators" / "dee-broken", "Dee Broken", "deebroken", 14)
    overview = broken / "content" / "data" / "tiktok" / "Overview.csv"
    lines = overview.read_bytes().split(b"\n")
    cells = lines[5].split(b",")
    cells[1] = b'"lots"'  # the 5th day's Video Views
    lines[5] = b",".join(cells)
    overview.write_bytes(b"\n".join(lines))
    (root / "ROSTER.yaml").write_text(
        'name: North Star Talent\nbranding: {tagline: "Creators worth a brief"}\n'
        "creators:\n  - creators/*\n", encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_serial_pool_and_dask_builds_are_byte_identical(agency: Path, tmp_path: Path):
    serial = build_roster(agency / "ROSTER.yaml", out_dir=tmp_path / "serial", today=TODAY)
    pooled = build_roster(agency / "ROSTER.yaml", out_dir=tmp_path / "pool", workers=2,
                          today=TODAY)
    dask = build_roster(agency / "ROSTER.yaml", out_dir=tmp_path / "dask", workers=2,
                        executor="dask", today=TODAY)
    assert [o.slug for o in serial.outcomes] == ["ada-lane", "bo-stone", "cy-moss", "dee-broken"]
    for result in (serial, pooled, dask):
        assert [o.slug for o in result.failed] == ["dee-broken"]
    assert tree(tmp_path / "serial") == tree(tmp_path / "pool") == tree(tmp_path / "dask")


def test_each_kit_equals_its_own_mediakit_build(agency: Path, tmp_path: Path):
    build_roster(agency / "ROSTER.yaml", out_dir=tmp_path / "roster", today=TODAY)
    from mediakit.build import build

    build(agency / "creators" / "ada-lane", out_dir=tmp_path / "single", today=TODAY)
    single = tree(tmp_path / "single")
    kit = tree(tmp_path / "roster" / "ada-lane")
    for name in ("index.html", "stats.json", "assets/site.css"):
        assert kit[name] == single[name], name


def test_the_index_lists_every_creator_and_the_failure(agency: Path, tmp_path: Path):
    result = build_roster(agency / "ROSTER.yaml", out_dir=tmp_path / "site", today=TODAY)
    index = (tmp_path / "site" / "index.html").read_text()
    assert 'href="ada-lane/index.html"' in index and "Ada Lane" in index
    assert "Cy Moss &lt;script&gt;" in index and "<script>" not in index.replace(
        '<script src="assets/roster.js" defer></script>', "")
    broken = result.failed[0].error
    assert "Overview.csv" in broken and "lots" in broken
    assert "Not built: " in index and "Overview.csv" in index
    rows = json.loads((tmp_path / "site" / "roster.json").read_text())["creators"]
    ada = next(row for row in rows if row["slug"] == "ada-lane")
    stats = json.loads((tmp_path / "site" / "ada-lane" / "stats.json").read_text())
    assert ada["followers"] == stats["platforms"]["tiktok"]["followers"]
    assert ada["median_views"]["tiktok"] == stats["platforms"]["tiktok"]["median_views"]
    assert not (tmp_path / "site" / "dee-broken").exists()


def test_cli_exit_status_says_some_failed(agency: Path, tmp_path: Path):
    outcome = CliRunner().invoke(main, ["roster", "build", str(agency / "ROSTER.yaml"),
                                        "--out", str(tmp_path / "out"), "--workers", "1"])
    assert outcome.exit_code == 1
    assert "dee-broken: failed" in outcome.output and "Built 3 of 4 kits" in outcome.output


def test_a_bad_roster_file_is_one_line_and_exit_2(tmp_path: Path):
    (tmp_path / "ROSTER.yaml").write_text("name: X\ncreatorz: [a]\n")
    outcome = CliRunner().invoke(main, ["roster", "build", str(tmp_path / "ROSTER.yaml")])
    assert outcome.exit_code == 2
    assert "ROSTER.yaml:1" in outcome.output and "creators" in outcome.output
    assert len(outcome.output.strip().splitlines()) == 1


def test_a_pattern_matching_no_project_is_an_error(tmp_path: Path):
    (tmp_path / "ROSTER.yaml").write_text("name: X\ncreators: [nobody/*]\n")
    with pytest.raises(ConfigError) as caught:
        load_roster(tmp_path / "ROSTER.yaml")
    assert "nobody/*" in str(caught.value) and "creators[0]" in str(caught.value)


def test_slugs_are_unique_and_url_safe(tmp_path: Path):
    folders = [tmp_path / "a" / "Mara Quinn", tmp_path / "b" / "mara-quinn", tmp_path / "assets"]
    slugs = {creator.project_dir.name: creator.slug for creator in assign_slugs(folders)}
    # clashes are numbered in path order (a/ before b/); "assets" is the roster's own folder
    assert slugs == {"Mara Quinn": "mara-quinn", "mara-quinn": "mara-quinn-2",
                     "assets": "assets-2"}
