"""Pitch and case-study headers: YAML read safely, strings kept as typed, errors at file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mediakit.errors import ConfigError
from mediakit.project.frontmatter import parse, parse_model, read
from mediakit.site.casestudies import CaseStudyHeader
from mediakit.site.pitches import PitchHeader

SHOWN = "content/pitches/acme.md"
PITCH = """---
brand: NO
target:
  age: ["18–24", 25-34]
  country: [Ireland, uk]
  gender: women
deliverables:
  - 2 TikTok videos
  - item: Story
    quantity: 3
price: "650"
valid_until: 2026-12-15
---
Hello **Acme**.
"""


def pitch(text: str) -> PitchHeader:
    return parse_model(PitchHeader, parse(text, SHOWN))


def error(text: str, model: type = PitchHeader) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_model(model, parse(text, SHOWN))
    return str(caught.value)


def test_values_stay_as_typed_and_become_numbers_and_dates_only_where_asked():
    header = pitch(PITCH)
    assert header.brand == "NO"  # YAML 1.1 would say False
    assert header.price == 650.0
    assert header.valid_until == date(2026, 12, 15)
    assert [d.item for d in header.deliverables] == ["2 TikTok videos", "Story"]
    assert [d.quantity for d in header.deliverables] == [1, 3]
    # age ranges with an en dash are normalised; country names become ISO codes
    assert header.target.segments() == {"gender": ["female"], "age": ["18-24", "25-34"],
                                        "country": ["IE", "GB"]}
    assert header.sections[:2] == ["match", "proposal"]


def test_the_body_is_what_follows_the_header():
    assert parse(PITCH, SHOWN).body == "Hello **Acme**.\n"


def test_an_unknown_key_names_its_line_and_suggests_the_right_one():
    text = PITCH.replace('price: "650"', "prcie: 650")
    assert error(text) == (f"{SHOWN}:11: prcie: unknown key 'prcie' (did you mean 'price'?)")


def test_a_word_where_a_number_belongs_names_the_key_and_line():
    text = PITCH.replace('price: "650"', "price: lots")
    assert error(text).startswith(f"{SHOWN}:11: price: must be a number, got 'lots'")


def test_a_nested_problem_names_the_full_path():
    text = PITCH.replace("    quantity: 3", "    quantity: 0")
    assert error(text) == f"{SHOWN}:10: deliverables[1].quantity: must be at least 1, got '0'"


def test_a_missing_required_key_is_named():
    text = PITCH.replace("valid_until: 2026-12-15\n", "")
    assert error(text) == f"{SHOWN}:2: valid_until: this required key is missing"


def test_dates_must_be_year_month_day():
    text = PITCH.replace("valid_until: 2026-12-15", "valid_until: 15/12/2026")
    assert error(text) == (f"{SHOWN}:12: valid_until: must be a date like 2026-12-15, "
                           "got '15/12/2026' (year-month-day)")


def test_an_unknown_country_says_what_to_write():
    text = PITCH.replace("[Ireland, uk]", "[Ireland, Atlantis]")
    assert error(text) == (f"{SHOWN}:5: target.country[1]: unknown country 'Atlantis' "
                           "(write a country name (Ireland) or its 2-letter code (IE))")


def test_an_unknown_section_is_refused_with_a_suggestion():
    text = PITCH.replace("---\nHello", "sections: [match, numbrs]\n---\nHello")
    assert error(text).endswith("sections[1]: unknown section 'numbrs' (did you mean 'numbers'?)")


def test_a_file_without_the_header_fences_is_explained():
    with pytest.raises(ConfigError, match=r"acme.md:1: must start with a '---' line"):
        parse("brand: Acme\n", SHOWN)
    with pytest.raises(ConfigError, match=r"acme.md:1: .* never closed with a '---' line"):
        parse("---\nbrand: Acme\n", SHOWN)


def test_broken_yaml_points_at_its_line():
    text = PITCH.replace("brand: NO", "brand: Acme: the brand")
    with pytest.raises(ConfigError, match=r"acme.md:2: is not valid YAML"):
        parse(text, SHOWN)


def test_a_key_written_twice_is_refused():
    text = PITCH.replace("brand: NO", "brand: NO\nbrand: Acme")
    with pytest.raises(ConfigError, match=r"acme.md:3: brand: the key 'brand' appears twice"):
        parse(text, SHOWN)


def test_no_python_object_is_ever_built_from_a_tag():
    text = PITCH.replace("brand: NO", "brand: !!python/object/apply:os.system [echo hi]")
    assert parse(text, SHOWN).data["brand"] == ["echo hi"]  # plain data: the tag is ignored
    assert error(text) == f"{SHOWN}:2: brand: must be text, got a list"


def test_aliases_cannot_blow_up():
    rows = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    rows += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, "
             f"*a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 8)]
    with pytest.raises(ConfigError, match="too large"):
        parse("---\n" + "\n".join(rows) + "\n---\n", SHOWN)


def test_a_file_that_is_not_utf8_names_its_line(tmp_path: Path):
    path = tmp_path / "acme.md"
    path.write_bytes(b"---\nbrand: Caf\xe9\n---\n")
    with pytest.raises(ConfigError, match=r"acme.md:2: is not UTF-8 text"):
        read(path, "content/pitches/acme.md")


CASE = """---
brand: Acme
date: 2026-03-03
fee: 900
posts:
  - https://www.tiktok.com/@mara/video/123
  - url: https://www.tiktok.com/@mara/video/456
    views: 1200
---
"""


def test_numbers_typed_in_for_a_post_need_a_source():
    assert error(CASE, CaseStudyHeader) == (
        "content/pitches/acme.md:7: posts[1].source: numbers typed in by hand need a source "
        '(e.g. source: "TikTok Studio, copied on 2026-11-17")')


def test_a_post_link_must_be_a_platform_link():
    text = CASE.replace("https://www.tiktok.com/@mara/video/123", "https://example.com/post")
    assert "posts[0].url: is not a TikTok, Instagram or YouTube post link" in error(
        text, CaseStudyHeader)


def test_a_javascript_link_is_refused_for_a_post():
    text = CASE.replace("https://www.tiktok.com/@mara/video/123", "javascript:alert(1)")
    assert "posts[0].url: must start with https://" in error(text, CaseStudyHeader)
