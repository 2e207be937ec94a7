"""Every field a creator controls, traced to the page that shows it: one marker per field.

The payload-packed builds (test_xss_static.py) prove that nothing runs, but "the payload reaches
a page" cannot fail for most fields there: every Markdown body holds the whole corpus, so any
payload is on some page whatever the templates do. Here one demo build (canaries.py) gives each
field its own marker (``zqxabcq``), followed by ``<i>&`` where the field takes free text, and each
test checks one field:

- the marker is on every page that renders the field (canaries.FIELDS: the kit, the full report,
  a pitch's or case study's own page, every page's menu...), and ``<i>&`` beside it is shown as
  text (so the template escaped it);
- nowhere is the marker inside a script (other than JSON data), a style, an event handler, a
  ``javascript:`` link, a comment, a tag or attribute name, or followed by a raw ``<i``;
- a field no template shows (canaries.NOT_RENDERED, each with its reason) is nowhere at all.

The field list is walked from the pydantic schemas (schema_walk.py): a field added to the profile
or to a pitch or case-study header fails test_every_schema_field_is_listed, by name, until it is
put in FIELDS, NOT_RENDERED or NOT_TEXT. test_removing_a_field_from_its_template_is_caught proves
the check can fail: a theme override of kit/rates.html without the rate's notes fails exactly the
rates' notes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mediakit import build as build_module
from tests.hardening import canaries, hostile, schema_walk
from tests.hardening.conftest import CanaryBuild

PATTERNS = sorted([*canaries.FIELDS, *canaries.NOT_RENDERED])


def check(pattern: str, written: canaries.Written, located: canaries.Located) -> list[str]:
    """The problems of every field matching ``pattern`` (each list element on its own)."""
    found = []
    for group in written.by_group().values():
        if group[0].pattern == pattern:
            found += canaries.problems(group, located)
    return found


def test_every_schema_field_is_listed() -> None:
    assert canaries.uncovered_fields() == [], (
        "say where these fields are rendered (canaries.FIELDS) or why they are not "
        "(canaries.NOT_RENDERED / NOT_TEXT)")
    schema = set(schema_walk.all_fields())
    stale = [name for name in [*canaries.FIELDS, *canaries.NOT_RENDERED, *canaries.NOT_TEXT]
             if not name.startswith(("csv: ", *canaries.NOT_IN_SCHEMA)) and name not in schema]
    assert stale == [], "listed but no longer in a schema"


def test_the_schema_walk_sees_every_kind_of_field() -> None:
    fields = schema_walk.all_fields()
    assert fields["profile: rates[].notes"] == "text"
    assert fields["profile: colors.primary"] == "colour"
    assert fields["profile: audience{}{}.shares{key}"] == "text"
    assert fields["case-study: posts[].url"] == "url"
    assert fields["pitch: logo"] == "path"
    assert len(fields) >= 80


def test_every_field_got_its_own_marker(canary_build: CanaryBuild) -> None:
    written = canary_build.written
    patterns = {canary.pattern for canary in written.canaries}
    assert set(PATTERNS) - patterns == set()
    needles = [c.needle.lower() for c in written.canaries]
    assert len(needles) == len(set(needles)), "two fields share a marker"
    # list elements each have their own: the four rates, three links, two testimonials...
    notes = [c for c in written.canaries if c.pattern == "profile: rates[].notes"]
    assert len(notes) == 4


@pytest.mark.parametrize("pattern", PATTERNS)
def test_field_is_shown_escaped_where_it_is_rendered(canary_build: CanaryBuild,
                                                     pattern: str) -> None:
    assert check(pattern, canary_build.written, canary_build.located) == []


def test_no_free_text_is_ever_printed_raw(canary_build: CanaryBuild) -> None:
    """``<i>&`` follows every free-text marker: no HTML file has it unescaped (links included)."""
    raw = [name for name, text in canary_build.located.files.items()
           if name.endswith((".html", ".svg", ".xml")) and canaries.SUFFIX in text]
    assert raw == []


def test_values_that_are_not_markers_are_not_in_the_demo(clean_demo: Path,
                                                         canary_build: CanaryBuild) -> None:
    """A colour, currency code, locale or timezone proves its field only if nothing else
    prints it: none of them is anywhere in the demo's own site."""
    site = " ".join(path.read_text("utf-8", errors="replace").lower()
                    for path in (clean_demo / "site").rglob("*.html"))
    others = [c.needle for c in canary_build.written.canaries
              if not canaries.MARKER.search(c.needle)]
    assert len(others) >= 10
    assert [needle for needle in others if needle.lower() in site] == []


def test_removing_a_field_from_its_template_is_caught(canary_build: CanaryBuild,
                                                      tmp_path: Path) -> None:
    """A theme (the project's own templates/, as creators override files) whose rates table
    leaves out the notes: the canaries fail for the four rates' notes, and for nothing else."""
    project = tmp_path / "kit"
    shutil.copytree(canary_build.written.project / "content", project / "content")
    rates = (hostile.REPO / "templates" / "kit" / "rates.html").read_text("utf-8")
    without = rates.replace('{% if rate.notes %}<br><span class="note">{{ rate.notes }}</span>'
                            '{% endif %}', "")
    assert without != rates, "kit/rates.html no longer prints rate.notes this way"
    (project / "templates" / "kit").mkdir(parents=True)
    (project / "templates" / "kit" / "rates.html").write_text(without, "utf-8")
    rendered = build_module.render_project(project, today=hostile.TODAY,
                                           data=canary_build.rendered.data)
    located = canaries.locate(rendered.files)
    failing = {pattern for pattern in PATTERNS
               if check(pattern, canary_build.written, located)}
    assert failing == {"profile: rates[].notes"}
    messages = check("profile: rates[].notes", canary_build.written, located)
    assert len(messages) == 4 and all("not on index.html" in m for m in messages), messages
