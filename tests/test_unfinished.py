"""What a brand sees is what the creator chose to send: no leftovers from ``mediakit init``,
and no silently misread prices."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mediakit.commands.main import main
from mediakit.project.ambiguous import doubts
from mediakit.project.placeholders import unfinished
from mediakit.project.scaffold import init_project

TODAY = "2026-11-20"


def _init(tmp_path: Path) -> Path:
    root = tmp_path / "kit"
    init_project(root)
    return root


def test_an_unedited_init_project_names_every_leftover(tmp_path):
    root = _init(tmp_path)
    profile = root / "content/profile.yaml"
    warnings = unfinished(profile, root / "content")
    text = profile.read_text("utf-8").splitlines()
    line_of = {key: next(i + 1 for i, row in enumerate(text) if row.startswith(key))
               for key in ("name:", "handle:", "tagline:", "bio:")}
    expected_starts = [
        f"{profile}:{line_of['name:']}: name is still the example from mediakit init "
        "('Your Name')",
        f"{profile}:{line_of['handle:']}: handle is still the example",
        f"{profile}:{line_of['tagline:']}: tagline is still the example",
        f"{profile}:{line_of['bio:']}: bio is still the example",
    ]
    for start in expected_starts:
        assert any(w.startswith(start) for w in warnings), (start, warnings)
    joined = "\n".join(warnings)
    for key in ("site.title", "contact.email", "contact.links[0].url",
                "platforms.tiktok.handle"):
        assert f": {key} is still the example" in joined, key
    # the examples are drafts: nothing of theirs is published, so no file warning
    assert not any("is mediakit init's example" in w for w in warnings)


def test_the_examples_are_drafts_and_a_published_copy_is_named(tmp_path):
    root = _init(tmp_path)
    content = root / "content"
    assert sorted(p.name for p in (content / "pitches").iterdir()) == ["_example-brand.md"]
    (content / "pitches/acme.md").write_bytes((content / "pitches/_example-brand.md").read_bytes())
    warnings = unfinished(root / "content/profile.yaml", content)
    assert [w for w in warnings if "example, unchanged" in w] == [
        f"{content / 'pitches/acme.md'}: is mediakit init's example, unchanged; rewrite it, or "
        "rename it _acme.md to keep it as a draft that is never published"]


def test_a_finished_profile_and_the_demo_have_no_leftovers(tmp_path):
    demo = Path(__file__).resolve().parents[1] / "content"
    assert unfinished(demo / "profile.yaml", demo) == []  # *.example is the demo's own world
    assert doubts(demo / "profile.yaml") == []


def test_an_unedited_project_publishes_no_example_and_fails_strict(tmp_path):
    root = _init(tmp_path)
    (root / "content/data/tiktok/README.txt").unlink()
    for name in ("Overview.csv",):  # the smallest data a build needs: one day of TikTok
        (root / "content/data/tiktok" / name).write_text(
            "Date,Video Views,Profile Views,Likes,Comments,Shares\n"
            "November 17,100,5,10,1,1\n", "utf-8")
    strict = CliRunner().invoke(main, ["build", str(root), "--strict", "--today", TODAY])
    assert strict.exit_code == 1, strict.output
    assert "name is still the example from mediakit init ('Your Name')" in strict.output
    assert not (root / "site").exists()
    loose = CliRunner().invoke(main, ["build", str(root), "--today", TODAY])
    assert loose.exit_code == 0, loose.output
    published = sorted(p.relative_to(root / "site").as_posix()
                       for p in (root / "site").rglob("*") if p.is_file())
    assert not [name for name in published if "example" in name or "about" in name]
    site_text = "".join(p.read_text("utf-8", errors="replace")
                        for p in (root / "site").rglob("*.html"))
    assert "Example Brand" not in site_text and "619%" not in site_text
    checked = CliRunner().invoke(main, ["check", str(root), "--today", TODAY])
    assert "name is still the example from mediakit init" in checked.output
    assert checked.exit_code == 1


def _rates(tmp_path: Path, rates: str) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text("name: Ana\nplatforms:\n  tiktok:\n    handle: '@ana'\nrates:\n" + rates,
                    "utf-8")
    return path


def test_a_price_with_three_decimals_is_asked_about_with_its_line(tmp_path):
    path = _rates(tmp_path, "  - deliverable: Video\n    price: 1.250\n    currency: EUR\n")
    assert doubts(path) == [
        f"{path}:7: rates[0].price 1.250 is read as 1.25 EUR; if you meant 1,250 write 1250 "
        "(no separator), or 1.25 to keep it"]
    # two decimals is plain money, not a doubt
    assert doubts(_rates(tmp_path, "  - deliverable: Video\n    price: 12.50\n")) == []


def test_a_price_far_from_the_others_and_mixed_currencies_are_asked_about(tmp_path):
    path = _rates(tmp_path, "".join(
        f"  - deliverable: D{i}\n    price: {price}\n    currency: {currency}\n"
        for i, (price, currency) in enumerate(
            [(500, "EUR"), (650, "EUR"), (45, "EUR"), (600, "USD")])))
    warnings = doubts(path)
    # lines: rates[i] starts at 6 + 3i; price on 7 + 3i, currency on 8 + 3i
    assert warnings == [
        f"{path}:17: the rate card mixes currencies (EUR, USD); brands compare rates side by "
        "side, so use one currency unless you mean to",
        # 45 against the median of 500 and 650 (575): 45 x 10 = 450 < 575
        f"{path}:13: rates[2].price 45 EUR is far below your other rates (typical 575 EUR); "
        "check for a missing or extra digit",
    ]
    # 60 is not: 60 x 10 = 600 >= 575
    near = _rates(tmp_path, "  - {deliverable: A, price: 500}\n  - {deliverable: B, price: 650}\n"
                            "  - {deliverable: C, price: 60}\n")
    assert doubts(near) == []


def test_a_draft_page_is_never_published_nor_patched_into_its_namesake(tmp_path):
    root = tmp_path / "demo"
    init_project(root, demo=True)
    pages = root / "content/pages"
    (pages / "_about.md").write_text("# Draft\n\nNot for brands yet.\n", "utf-8")
    first = CliRunner().invoke(main, ["build", str(root), "--today", TODAY])
    assert first.exit_code == 0, first.output
    about = (root / "site/about.html").read_bytes()
    assert b"Not for brands yet" not in about
    (pages / "_about.md").write_text("# Draft\n\nStill a secret.\n", "utf-8")
    second = CliRunner().invoke(main, ["build", str(root), "--today", TODAY])
    assert second.exit_code == 0, second.output
    assert (root / "site/about.html").read_bytes() == about
    site = b"".join(p.read_bytes() for p in (root / "site").rglob("*") if p.is_file())
    assert b"Still a secret" not in site and b"Not for brands yet" not in site
