"""XSS payloads in every field a creator controls: the built site shows them, never runs them.

Two payload-packed demo builds (tests/hardening/conftest.py) put each of the 249 payloads of
tests/fixtures/hostile/xss.txt into a profile string, a pitch or case-study header, a CSV cell
or header and every Markdown body. Every built HTML and SVG file is then read with an HTML parser
and compared with the clean demo build.

These builds prove that nothing runs. They cannot say which field reached which page: every
Markdown body holds the whole corpus, so a payload is on some page whatever a template does with
its own field. test_canaries.py traces each field to its page with a marker of its own,
test_payload_rounds.py puts every payload through every free-text field, and
test_validated_fields.py puts every payload through every field with a validator.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from mediakit.errors import ConfigError
from mediakit.project.profile import load_profile
from tests.hardening import hostile
from tests.hardening.conftest import PackedBuild

# Fields whose schema only takes a link, an e-mail address or a one-word handle: a payload may be
# refused there (with a one-line ConfigError) instead of shown. Every other field must take it.
MAY_REFUSE = re.compile(
    r"(^contact\.email$|\.url$|^platforms\.(tiktok|instagram)\.handle$|posts\[\d+\]\.url$)")


def _alnum(text: str) -> str:
    """Letters and digits only: how a payload is recognised after escaping and typography."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def test_the_corpus_has_over_200_distinct_payloads(corpus: list[str]) -> None:
    assert len(corpus) >= 200
    assert len(set(corpus)) == len(corpus)


def test_every_kind_of_field_received_payloads(packed_builds: list[PackedBuild]) -> None:
    kinds = Counter(slot.kind for build in packed_builds for slot in build.packed.placed)
    # per build: ~40 profile strings, 2 pitches and 2 case studies (header values and bodies),
    # a page, and CSV cells (post titles of three platforms, segment names, an extra column)
    assert kinds["profile"] >= 2 * 30
    assert kinds["pitch"] >= 2 * 2 * 200  # two bodies holding the whole corpus, per build
    assert kinds["case-study"] >= 2 * 2 * 200
    assert kinds["page"] >= 2 * 200
    assert kinds["csv"] >= 2 * 40
    headers = {slot.where.split(": ")[-1] for build in packed_builds
               for slot in build.packed.placed if slot.kind in ("pitch", "case-study")}
    for key in ("brand", "prepared_for", "target.description", "deliverables[0].item",
                "deliverables[0].notes", "title", "quote", "quote_author", "posts[0].title",
                "posts[0].source", "results.source", "body"):
        assert key in headers


def test_every_payload_is_used_in_a_plain_field_and_a_markdown_body(
        packed_builds: list[PackedBuild], corpus: list[str]) -> None:
    plain = {slot.payload for build in packed_builds for slot in build.packed.placed
             if not slot.markdown}
    markdown = {slot.payload for build in packed_builds for slot in build.packed.placed
                if slot.markdown}
    assert set(corpus) - plain == set()
    assert set(corpus) - markdown == set()


def test_payloads_reach_the_pages(packed_builds: list[PackedBuild]) -> None:
    """Otherwise "nothing ran" would prove nothing: the payloads are on the pages, as text.

    Coarse: all pages are searched together (test_canaries.py checks each field's own page)."""
    for build in packed_builds:
        shown = _alnum(" ".join(build.scan.text.values()))
        placed = build.packed.placed
        missing = [slot for slot in placed if _alnum(slot.payload)[:24] not in shown
                   and _alnum(html.unescape(slot.payload))[:24] not in shown]
        # every profile and header string is shown somewhere (the e-mail address is refused)
        assert [s.where for s in missing if s.kind != "csv" and not s.markdown] == []
        # Markdown makes links of a few ("[x](https://ok.example)" shows as "x"); the rest show
        bodies = [s for s in placed if s.markdown]
        assert len([s for s in missing if s.markdown]) <= 0.05 * len(bodies)
        # only the kit's top posts show titles; dozens of hostile titles are among them
        assert len([s for s in placed if s.kind == "csv" and s not in missing]) >= 20


def test_no_script_or_other_active_element_is_added(clean_demo: Path,
                                                     packed_builds: list[PackedBuild]) -> None:
    clean = hostile.scan(clean_demo / "site")
    expected = {hostile.page_kind(name): Counter(elements)
                for name, elements in clean.active.items()}
    for build in packed_builds:
        assert build.scan.files >= clean.files + 1  # the hostile page is there too
        for name, elements in build.scan.active.items():
            assert Counter(elements) == expected.get(hostile.page_kind(name), Counter()), name


def test_no_event_handler_or_dangerous_url_anywhere(clean_demo: Path,
                                                    packed_builds: list[PackedBuild]) -> None:
    assert hostile.scan(clean_demo / "site").findings == []
    for build in packed_builds:
        assert [str(finding) for finding in build.scan.findings] == []


def test_the_scanner_sees_what_it_must_refuse(tmp_path: Path) -> None:
    """The scanner itself: raw payloads written into a page are all caught."""
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<a href=" JaVa&#x09;script:alert(1)">x</a><img src=x onerror=alert(2)>'
        '<svg><a xlink:href="data:text/html,x">y</a></svg><div style="width:expr\\65ssion(1)">'
        '<meta http-equiv="refresh" content="0;url=javascript:alert(3)"><script>alert(4)</script>'
        '<form action="vbscript:x"><button formaction="javascript:x">b</button></form>',
        "utf-8")
    found = hostile.scan(tmp_path / "site")
    # the refresh meta counts twice: for its http-equiv and for the javascript: in its content
    assert len(found.findings) == 8, found.findings
    assert found.active["index.html"][0] == "<script >"
    assert "script text 'alert(4)'" in found.active["index.html"]


TEMPLATE_PAYLOADS = ("{{ 7*7 }}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "[[7*7]]", "{{ config }}",
                     "{% include '/etc/passwd' %}",
                     "{{ profile.name }}{% if true %}pwned{% endif %}")
# What each template payload would print had it been run as Jinja (not inside a longer number).
EVALUATED = (r"(?<![\d.])7777777(?![\d.])", r"(?<![\d.])0123456(?![\d.])", r"<Config",
             r"__builtins__", r"uid=\d", r"root:x:0:0")


def test_template_syntax_is_shown_literally(packed_builds: list[PackedBuild]) -> None:
    for payload in TEMPLATE_PAYLOADS:
        pages = [name for build in packed_builds for name, text in build.scan.text.items()
                 if payload in text]
        assert pages, f"{payload!r} is not shown as written on any page"
    for build in packed_builds:
        text = " ".join(build.scan.text.values())
        for result in EVALUATED:
            assert re.search(result, text) is None, result
        # "{{ 7*7 }}" stays itself: where a plain field held it, the field shows the braces
        for slot in build.packed.placed:
            if slot.payload == "{{ 7*7 }}" and not slot.markdown and slot.kind == "profile":
                assert any("{{ 7*7 }}" in page for page in build.scan.text.values())


def test_refused_values_are_one_line_config_errors_in_link_fields_only(
        packed_builds: list[PackedBuild]) -> None:
    refused = [slot for build in packed_builds for slot in build.packed.refused]
    assert refused, "link fields must refuse some payloads"
    for slot in refused:
        field = slot.where.split(": ")[-1]
        assert MAY_REFUSE.search(field), f"{slot.where} refused {slot.payload!r}: {slot.refused}"
        assert "\n" not in slot.refused
        assert field in slot.refused or slot.where.startswith("content/")


DANGEROUS_LINKS = [line for line in hostile.payloads()
                   if re.match(r"\s*(java|vb|live)?\s*(script|data|&#|%|\\x|jav|file)", line,
                               flags=re.IGNORECASE)
                   and not line.lstrip().startswith("<")]
LINK_FIELDS = ["contact.links[0].url", "platforms.tiktok.url", "platforms.youtube.url",
               "partners[0].url", "site.base_url"]


def test_the_dangerous_link_list_is_long() -> None:
    assert len(DANGEROUS_LINKS) >= 25


@pytest.mark.parametrize("field", LINK_FIELDS)
def test_every_dangerous_link_is_a_one_line_config_error(tmp_path: Path, field: str) -> None:
    """javascript:, data:, vbscript: and file: links, however disguised, never pass the profile."""
    for link in DANGEROUS_LINKS:
        path = tmp_path / "profile.yaml"
        path.write_text(_profile_with(field, link), "utf-8")
        with pytest.raises(ConfigError) as caught:
            load_profile(path)
        message = str(caught.value)
        assert "\n" not in message and field.split("[")[0] in message, (link, message)


def _profile_with(field: str, value: str) -> str:
    import json

    data: dict = {
        "name": "Mara Quinn",
        "contact": {"links": [{"label": "Website", "url": "https://maraquinn.example"}]},
        "platforms": {"tiktok": {"handle": "@mara", "url": "https://www.tiktok.com/@mara"},
                      "youtube": {"handle": "@Mara", "url": "https://www.youtube.com/@Mara"}},
        "partners": [{"name": "Harbour Strings", "url": "https://harbourstrings.example"}],
        "site": {"base_url": "https://kit.maraquinn.example/"},
    }
    keys = re.findall(r"[a-z_]+|\d+", field)
    target = data
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    target[keys[-1]] = value
    return json.dumps(data, ensure_ascii=False)


def test_every_dangerous_link_in_an_export_is_refused_or_harmless(tmp_path: Path) -> None:
    """A Video link becomes an href: one with a script scheme must never get through."""
    from datetime import date

    from mediakit.errors import SourceError
    from mediakit.sources import load_platform

    header = ('"Time","Video title","Video link","Post time","Total likes","Total comments",'
              '"Total shares","Total views"\n')
    folder = tmp_path / "content" / "data" / "tiktok"
    folder.mkdir(parents=True)
    refused = 0
    for link in DANGEROUS_LINKS:
        cell = (link + "/video/7611889043718342913").replace('"', '""')
        (folder / "Content.csv").write_text(
            header + f'"March 11","a song","{cell}","March 3","1","1","1","10"\n', "utf-8")
        try:
            posts = load_platform("tiktok", folder, content_dir=tmp_path / "content",
                                  exported_on=date(2026, 3, 12)).posts
        except SourceError as err:
            assert "Content.csv:2: Video link: the link" in str(err) and "\n" not in str(err)
            refused += 1
            continue
        # kept: then it has no scheme at all (autoescape prints "&#106;" as "&amp;#106;", so
        # the browser never decodes an entity in it either): a harmless relative link
        bare = re.sub(r"[\x00-\x20\x7f]+", "", str(posts["url"].iloc[0])).lower()
        assert not re.match(r"[a-z][a-z0-9+.-]*:", bare), link
    assert refused >= 15  # javascript:, data:, vbscript:, file: however cased or spaced
