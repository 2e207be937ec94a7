"""Notes meant for the creator stay with the creator: the terminal, never a published page.

A brand reads the kit. File names ("FollowerGender.csv"), to-dos ("add the missing views to
content/case-studies/...") and warnings belong in ``check`` and the build's output only.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from mediakit.build import build
from mediakit.commands.check_report import check, lines
from mediakit.commands.main import main
from mediakit.project.scaffold import init_project

TODAY = "2026-12-31"  # weeks after the demo's data: the stale-data warning is among the notes
GAP_STUDY = """---
brand: Harbour Strings
date: 2026-08-02
fee: 900
currency: EUR
deliverables: [1 TikTok video]
posts:
  - https://www.tiktok.com/@maraquinnmusic/video/7686577150342672526
  - https://www.tiktok.com/@maraquinnmusic/video/7000000000000000001
---
A campaign with one post the exports do not have.
"""


def _published_text(site: Path) -> str:
    return "\n".join(path.read_text("utf-8", errors="replace") for path in sorted(site.rglob("*"))
                     if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt",
                                                           ".svg", ".js", ".css"))


def test_no_note_warning_or_file_name_meant_for_the_creator_reaches_the_site(tmp_path):
    root = tmp_path / "kit"
    init_project(root, demo=True)
    (root / "content/case-studies/gap.md").write_text(GAP_STUDY, "utf-8")
    # an init leftover and a doubtful price: two more kinds of warning
    profile = root / "content/profile.yaml"
    text = profile.read_text("utf-8").replace("\ndemo: true", "\n")  # a real creator's data
    profile.write_text(re.sub(r"(?m)^(\s+price: )\d+", r"\g<1>1.250", text, count=1), "utf-8")
    result = build(root, today=date.fromisoformat(TODAY))
    checked = check(root, today=date.fromisoformat(TODAY))
    said = [*result.warnings, *result.report.notes,
            *(text for _, text in lines(checked))]
    kinds = "\n".join(said)
    # every kind of note was really produced, so their absence from the site means something
    assert "the exports have views for 1 of the 2 posts" in kinds
    assert "download fresh exports" in kinds
    assert "is read as 1.25" in kinds
    assert "will show as missing" in kinds  # check's coverage notes
    site = _published_text(root / "site")
    for note in said:
        core = note.split(": ", 1)[-1][:60]  # the message without its file:line prefix
        if len(core) >= 20:
            assert core not in site, note
    exported = {path.name for path in (root / "content/data").rglob("*") if path.is_file()
                and "history" not in path.parts}
    leaked = sorted(name for name in exported if name in site)
    assert leaked == []
    # (methodology may say that the creator runs `mediakit check`: that is the method, not a note)
    for creator_words in ("content/", "posts-extra", "profile.yaml", "Add the missing",
                          "Exported from", ".csv"):
        assert creator_words not in site, creator_words


def test_the_case_study_gap_is_told_to_the_creator_in_build_and_check(tmp_path):
    root = tmp_path / "kit"
    init_project(root, demo=True)
    (root / "content/case-studies/gap.md").write_text(GAP_STUDY, "utf-8")
    built = CliRunner().invoke(main, ["build", str(root), "--today", "2026-11-20"])
    assert built.exit_code == 0, built.output
    gap = (f"{Path('content/case-studies/gap.md')}: the exports have views for 1 of the 2 posts, "
           "so the page shows no totals or costs per view; add the missing views (with their "
           "source) to complete them")
    assert gap in built.output
    checked = CliRunner().invoke(main, ["check", str(root), "--today", "2026-11-20"])
    assert gap in checked.output
    page = (root / "site/case-studies/gap.html").read_text("utf-8")
    assert "The exports have views for 1 of the 2 posts" in page
    assert "add the missing views" not in page.lower()
