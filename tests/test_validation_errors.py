"""One explainer turns pydantic's errors into the creator's words for every YAML file.

The profile and rosters (config.py) and pitch and case-study headers (frontmatter.py) each had a
copy of the same ~40 lines; they now share
mediakit/project/validation_errors.py. The messages below are
the ones each file gave before the two copies were merged (the one change: a roster with
``creators: []`` said pydantic's "List should have at least 1 item after validation, not 0").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.errors import ConfigError
from mediakit.project import frontmatter, validation_errors, yaml_lines
from mediakit.project.frontmatter import parse, parse_model
from mediakit.project.profile import load_profile
from mediakit.project.yaml_lines import load_yaml_model
from mediakit.roster.model import RosterFile
from mediakit.site.casestudies import CaseStudyHeader
from mediakit.site.pitches import PitchHeader

BASE = 'name: Mara Quinn\nplatforms:\n  tiktok:\n    handle: "@maraquinnmusic"\n'  # lines 1-4
NUMBER = "write only the number, e.g. 850 or 850.50, without currency sign or separators"
PITCH = "brand: B\ndeliverables: [x]\nprice: 10\nvalid_until: 2026-12-01\n"  # file lines 2-5
CASE = "brand: B\ndate: 2026-01-01\nfee: 1\nposts:\n  - url: https://www.tiktok.com/@m/video/1\n"


def test_config_and_frontmatter_use_the_one_shared_explainer() -> None:
    assert yaml_lines.first_problem is validation_errors.first_problem
    assert frontmatter.first_problem is validation_errors.first_problem
    assert not hasattr(yaml_lines, "_explain") and not hasattr(frontmatter, "_explain")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('platforms: {tiktok: {handle: "@x"}}\n',
         "1: name: this required key is missing (add a line like: name: Mara Quinn)"),
        ('name:\nplatforms: {tiktok: {handle: "@x"}}\n',
         "1: name: must not be empty (add a line like: name: Mara Quinn)"),
        ('name: X\nplatforms:\n  tiktok: {url: "https://x.com"}\n',
         '3: platforms.tiktok.handle: this required key is missing (add e.g. handle: '
         '"@yourname")'),
        (BASE + "tagline: [a, b]\n", "5: tagline: must be text, got a list"),
        (BASE + "rates:\n  - deliverable: Video\n    price: lots\n",
         f"7: rates[0].price: must be a number, got 'lots' ({NUMBER})"),
        (BASE + "rates:\n  - deliverable: Video\n    price: nan\n",
         f"7: rates[0].price: must be an ordinary number, got 'nan' ({NUMBER})"),
        (BASE + "partners:\n  - name: Acme\n    year: soon\n",
         "7: partners[0].year: must be a whole number, got 'soon'"),
        (BASE + "site:\n  noindex: maybe\n",
         "6: site.noindex: must be true or false, got 'maybe' (yes and no work too)"),
        (BASE + "colors: red\n", "5: colors: must be a group of 'key: value' lines, got 'red'"),
        (BASE + "partners:\n  - name: Acme\n    year: 1800\n",
         "7: partners[0].year: must be at least 1900, got '1800'"),
        (BASE + "partners:\n  - name: Acme\n    year: 2200\n",
         "7: partners[0].year: must be at most 2100, got '2200'"),
        (BASE + "audience:\n  tiktok:\n    city:\n      source: app\n"
         "      shares: {strasbourg: 1.5}\n",
         "9: audience.tiktok.city.shares.strasbourg: must be at most 1, got '1.5' (a share is a "
         "fraction of the audience: write 41% as 0.41)"),
        (BASE + "    exported_on: soon\n",
         "5: platforms.tiktok.exported_on: must be a date like 2026-11-17, got 'soon' "
         "(year-month-day)"),
    ],
)
def test_profile_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_profile(path)
    assert str(caught.value) == f"{path}:{message}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: X\ncreators: []\n", "2: creators: needs at least one item"),
        ('name: ""\ncreators: [a]\n', "1: name: String should have at least 1 character"),
        ("name: X\nbranding: {primary: red}\ncreators: [a]\n",
         "2: branding.primary: Value error, must be a colour like #1f3a5f, got 'red'"),
        ("name: X\ncreators: a\n",
         "2: creators: must be a list, got 'a' (write one '- item' per line, or [first, second])"),
        ("name: X\nbranding: red\ncreators: [a]\n",
         "2: branding: must be a group of 'key: value' lines, got 'red'"),
        ("name: X\ncreators: [a]\nagency: Z\n", "3: agency: unknown key 'agency'"),
    ],
)
def test_roster_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "ROSTER.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_yaml_model(path, RosterFile)
    assert str(caught.value) == f"{path}:{message}"


@pytest.mark.parametrize(
    ("model", "header", "message"),
    [
        (PitchHeader, "deliverables: [x]\nprice: 10\nvalid_until: 2026-12-01\n",
         "2: brand: this required key is missing"),
        (PitchHeader, "brand:\n" + PITCH[9:], "2: brand: must not be empty"),
        (PitchHeader, PITCH.replace("price: 10", "price: lots"),
         f"4: price: must be a number, got 'lots' ({NUMBER})"),
        (PitchHeader, PITCH.replace("price: 10", "price: nan"),
         f"4: price: must be a number, got 'nan' ({NUMBER})"),
        (PitchHeader, PITCH.replace("[x]", "[]"), "3: deliverables: needs at least one item"),
        (PitchHeader, PITCH.replace("[x]", "[{item: x, quantity: 0}]"),
         "3: deliverables[0].quantity: must be at least 1, got '0'"),
        (PitchHeader, PITCH + "sections: match\n",
         "6: sections: must be a list, got 'match' (write one '- item' per line)"),
        (PitchHeader, PITCH + "target: women\n",
         "6: target: must be a group of 'key: value' lines, got 'women'"),
        (PitchHeader, PITCH + "prepared_for: [a]\n", "6: prepared_for: must be text, got a list"),
        (PitchHeader, PITCH.replace("2026-12-01", "soon"),
         "5: valid_until: must be a date like 2026-12-15, got 'soon' (year-month-day)"),
        (CaseStudyHeader, CASE + "    views: lots\n",
         "7: posts[0].views: must be a whole number, got 'lots' (write only digits, e.g. 1240)"),
        (CaseStudyHeader, CASE + "results: {revenue: -1}\n",
         "7: results.revenue: must be at least 0, got '-1'"),
        # "date" is a key here, not pydantic's name for a type: it stays in the message
        (CaseStudyHeader, CASE.replace("2026-01-01", "2026-02-30"),
         "3: date: must be a date like 2026-12-15, got '2026-02-30' (year-month-day)"),
    ],
)
def test_markdown_header_messages(model: type, header: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_model(model, parse(f"---\n{header}---\nbody\n", "content/x.md"))
    assert str(caught.value) == f"content/x.md:{message}"


def test_schema_tags_leave_the_path_but_keys_stay() -> None:
    error = {"type": "string_type", "input": 3, "msg": "",
             "loc": ("target", "function-after[_text(), str]", "str", "list[str]", "gender", 0)}
    found = validation_errors.explain(error, "x.md", {("target", "gender"): 4},
                                      frontmatter.WORDING)
    assert (found.field, found.line) == ("target.gender[0]", 4)
    assert found.message == "must be text, got '3'"
