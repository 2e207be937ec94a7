"""Per-field canaries: every field a creator controls gets a marker of its own, found on its page.

``write_project`` turns a copy of the demo into a "canary" project: each field of the profile,
of every pitch and case-study header (walked from their schemas, schema_walk.py), each Markdown
body and page title, and the text cells of each platform's exports holds a unique marker such as
``zqxabcq`` (letters only, so it survives escaping, typography and ``|title``), followed by
``<i>&`` where the field takes free text. ``locate`` reads the built files and says, for each
marker, on which page it is and in what context (text, an attribute, a script, a style...).

FIELDS says where each field must be rendered (the pages of the default theme); NOT_RENDERED
lists, with the reason, the fields no template shows (their markers must then appear nowhere);
NOT_TEXT lists the fields that cannot hold text at all (numbers, dates, choices from a fixed
list). A schema field in none of them fails test_canaries.py by name.
"""

from __future__ import annotations

import fnmatch
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mediakit.project import languages
from tests.hardening import hostile, schema_walk

LETTERS = "abcdefghijklmnoprstuvwy"  # no q, x or z: a marker never runs into its neighbour
MARKER = re.compile(r"zqx[a-pr-wy]{3}q", flags=re.IGNORECASE)
SUFFIX = "<i>&"  # shown as text: "&lt;i&gt;&amp;" in the HTML, "<i>&" once decoded
EVERY_PAGE = "*"  # every HTML page of the site

# --- where each field is rendered by the default theme -------------------------------------------
# Pages are paths in the site; "{own}" is the pitch's, case study's or Markdown page's own page.

KIT, REPORT, PITCHES, STUDIES = "index.html", "report.html", "pitches/*", "case-studies/*"
FIELDS: dict[str, tuple[str, ...]] = {
    # profile.yaml
    "profile: name": (EVERY_PAGE,),  # the menu's brand link, the footer
    "profile: handle": (KIT, PITCHES),  # the hero
    "profile: tagline": (KIT, PITCHES),
    "profile: bio": (KIT,),  # kit/about.html (a pitch shows it only with the "about" section)
    "profile: niche": (KIT,),
    "profile: location": (KIT,),
    "profile: languages[]": (KIT,),
    "profile: locale": (EVERY_PAGE,),  # <meta property="og:locale">
    "profile: timezone": (REPORT,),  # best time to post "(Pacific/Chatham)"
    "profile: avatar": (EVERY_PAGE,),  # the favicon; the hero's picture on the kit and pitches
    "profile: cover.file": (KIT,),  # the hero's banner (kit/hero.html)
    "profile: cover.alt": (KIT,),
    "profile: gallery[].file": (KIT,),  # press photos under About (kit/about.html)
    "profile: gallery[].alt": (KIT,),
    "profile: colors.primary": (EVERY_PAGE,),  # <style>:root{--primary...} and theme-color
    "profile: colors.accent": (EVERY_PAGE,),
    "profile: contact.email": (EVERY_PAGE,),  # the menu's Contact link
    "profile: contact.links[].label": (KIT, PITCHES, STUDIES),  # kit/contact.html
    "profile: contact.links[].url": (KIT, PITCHES, STUDIES),
    "profile: platforms{}.handle": (REPORT,),  # via the report: each platform's heading
    "profile: platforms{}.url": (KIT, PITCHES),  # the hero's buttons
    # the font the pages ask for: a quoted CSS string in the site's stylesheet
    "profile: font": ("assets/site.css",),
    "profile: rates[].deliverable": (KIT,),  # kit/rates.html
    "profile: rates[].notes": (KIT,),
    "profile: rates[].currency": (KIT,),
    "profile: partners[].name": (KIT,),  # the logo's alt text, or the name
    "profile: partners[].logo": (KIT,),
    "profile: testimonials[].quote": (KIT,),
    "profile: testimonials[].author": (KIT,),
    "profile: testimonials[].role": (KIT,),
    "profile: audience{}{}.source": (KIT, REPORT),  # "Self-reported by the creator — ..."
    "profile: audience{}{}.shares{key}": (KIT, REPORT),  # a segment's name
    "profile: site.title": (EVERY_PAGE,),  # og:site_name; the kit's <title>
    "profile: site.base_url": (EVERY_PAGE,),  # og:image, canonical
    "profile: site.custom_domain": ("CNAME",),
    "profile: site.language": (EVERY_PAGE,),  # <html lang>
    # a pitch: its own page only (pitches are unlisted)
    "pitch: brand": ("{own}",),
    "pitch: prepared_for": ("{own}",),
    "pitch: logo": ("{own}",),
    "pitch: target.description": ("{own}",),  # kit/match.html
    "pitch: deliverables[].item": ("{own}",),  # kit/proposal.html
    "pitch: deliverables[].notes": ("{own}",),
    "pitch: target.city[]": ("{own}",),  # kit/match.html: the segments the brand wants
    "pitch: currency": ("{own}",),
    "pitch: locale": ("{own}",),  # <meta property="og:locale"> of the pitch's page
    "pitch: body": ("{own}",),
    # a case study: its own page, and the kit's list of case studies
    "case-study: brand": ("{own}", KIT),
    "case-study: title": ("{own}", KIT),
    "case-study: logo": ("{own}",),
    "case-study: deliverables[].item": ("{own}",),
    "case-study: deliverables[].notes": ("{own}",),
    "case-study: currency": ("{own}",),  # the fee (the kit's list shows a CPM only when the
    # exports have the posts' views)
    "case-study: posts[].url": ("{own}",),
    "case-study: posts[].title": ("{own}",),
    "case-study: posts[].source": ("{own}",),
    "case-study: results.source": ("{own}",),
    "case-study: quote": ("{own}",),
    "case-study: quote_author": ("{own}",),
    "case-study: body": ("{own}",),
    # a Markdown page: its title is in every page's menu
    "page: title": ("{own}", EVERY_PAGE),
    "page: body": ("{own}",),
    # export cells (any row's marker counts: only the top posts and segments are shown)
    "csv: tiktok Content.csv: Video title": (KIT, REPORT),
    "csv: tiktok FollowerGender.csv: Gender": (KIT, REPORT),
    "csv: tiktok FollowerTopTerritories.csv: Top territories": (KIT, REPORT),
    "csv: youtube Table data.csv: Video title": (KIT, REPORT),
    "csv: instagram posts: Description": (KIT, REPORT),
    "csv: instagram Audience.csv: Top cities": (REPORT,),
}

#: Fields that hold a creator's text but that no template shows: their markers must be nowhere.
NOT_RENDERED: dict[str, str] = {
    "profile: platforms{}.data": "the folder the exports are read from: the creator's own path, "
                                 "never on a published page (methodology names exports by what "
                                 "they hold)",
    "profile: partners[].url": "kit/partners.html shows the logo or the name, without a link",
    "page variant: title": "about.fr.md is about.md in French: read in place of about.md only "
                           "for a kit or pitch in French, never a page of the default build",
    "page variant: body": "the same page in another language",
    "csv: tiktok Overview.csv: unknown column header": "columns the reader does not know are "
                                                       "ignored",
    "csv: tiktok Overview.csv: unknown column cells": "the same ignored column",
}

#: Fields that cannot hold text: the schema turns them into numbers, dates or booleans, or only
#: takes a value from a fixed list.
_NUMBER = "a number: the schema refuses anything else, and the page shows it formatted"
_DATE = "a date (YYYY-MM-DD): the schema refuses anything else"
_CHOICE = "one of a fixed list; anything else is a one-line ConfigError"
NOT_TEXT: dict[str, str] = {
    "profile: platforms{key}": _CHOICE + " (tiktok, instagram, youtube)",
    "profile: platforms{}.exported_on": _DATE,
    "profile: rates[].platform": _CHOICE + " (your platforms)",
    "profile: rates[].price": _NUMBER,
    "profile: partners[].year": _NUMBER,
    "profile: audience{key}": _CHOICE + " (your platforms)",
    "profile: audience{}{key}": _CHOICE + " (age, gender, country, city)",
    "profile: audience{}{}.shares{}": _NUMBER,
    "profile: site.noindex": "true or false",
    "profile: demo": "true or false",
    "profile: site.show_suggested_rates": "true or false",
    "profile: site.report": "true or false",
    "profile: site.benchmark": _CHOICE + " (always, favourable, never)",
    "profile: site.paper": _CHOICE + " (a4, letter)",
    "profile: site.sections[]": _CHOICE + " (the kit's section names)",
    "profile: site.interactive_charts": "true or false",
    "profile: site.languages[]":
        _CHOICE + " (the languages mediakit/site/locale/ has catalogs for)",
    "pitch: target.gender[]": _CHOICE + " (female, male, other)",
    "pitch: target.age[]": _CHOICE + " (age groups like 18-24 or 45+)",
    "pitch: target.country[]": _CHOICE + " (country names and codes)",
    "pitch: deliverables[].quantity": _NUMBER,
    "pitch: price": _NUMBER,
    "pitch: valid_until": _DATE,
    "pitch: sections[]": _CHOICE + " (the kit's sections)",
    "pitch: language": _CHOICE + " (the languages mediakit/site/locale/ has catalogs for)",
    "case-study: date": _DATE,
    "case-study: deliverables[].quantity": _NUMBER,
    "case-study: fee": _NUMBER,
    "case-study: posts[].posted_on": _DATE,
    "case-study: posts[].views": _NUMBER,
    "case-study: posts[].likes": _NUMBER,
    "case-study: posts[].comments": _NUMBER,
    "case-study: posts[].shares": _NUMBER,
    "case-study: posts[].saves": _NUMBER,
    "case-study: results.link_clicks": _NUMBER,
    "case-study: results.promo_code_uses": _NUMBER,
    "case-study: results.sales": _NUMBER,
    "case-study: results.revenue": _NUMBER,
}

#: Fields that are not in a schema: Markdown, page titles and export cells.
NOT_IN_SCHEMA = ("pitch: body", "case-study: body", "page: title", "page: body",
                 "page variant: title", "page variant: body")


def uncovered_fields() -> list[str]:
    """Schema fields that none of FIELDS, NOT_RENDERED and NOT_TEXT mentions."""
    known = set(FIELDS) | set(NOT_RENDERED) | set(NOT_TEXT)
    return [name for name in schema_walk.all_fields() if name not in known]


# --- the canary project ------------------------------------------------------------------------


@dataclass
class Canary:
    """One concrete field (e.g. ``profile: rates[2].notes``) and the marker it holds."""

    name: str  # "profile: rates[2].notes", "pitch liffey-audio: brand", "csv: ...: row 3"
    pattern: str  # the FIELDS / NOT_RENDERED key: "profile: rates[].notes"
    needle: str  # what the site shows: the marker, or a colour, locale, timezone, currency code
    value: str  # what was written into the file
    pages: tuple[str, ...]  # where it must be (EVERY_PAGE, globs); () for NOT_RENDERED
    escaped: bool  # the value carries SUFFIX, which must show as text where the field shows

    @property
    def group(self) -> str:
        """Export cells count as one field: any row's marker on the page will do."""
        return self.pattern if self.pattern.startswith("csv: ") else self.name


class Markers:
    """Hands out zqx...q markers: zqxaaaq, zqxaabq... (three letters, 12,167 of them)."""

    def __init__(self) -> None:
        self.count = 0

    def take(self) -> str:
        n, self.count = self.count, self.count + 1
        size = len(LETTERS)
        return "zqx" + LETTERS[n // size // size % size] + LETTERS[n // size % size] + \
            LETTERS[n % size] + "q"


# What a field of each kind gets, given its marker (the needle is what the page shows).
_CURRENCIES = ("CHF", "PLN", "CZK", "HUF", "ZAR", "BGN", "ISK", "DKK", "NOK", "SEK")


def _tokens(pattern: str) -> list[str]:
    """ "rates[].notes" -> ["rates", "[]", "notes"]; "shares{key}" -> ["shares", "{key}"]."""
    return [t for t in re.split(r"(\[\]|\{\}|\{key\})|\.", pattern) if t]


def _concrete(data: Any, tokens: list[str], path: tuple = ()) -> Iterator[tuple]:
    """Every concrete key path in ``data`` matching ``tokens``; missing parts are created."""
    if not tokens:
        yield path
        return
    token, rest = tokens[0], tokens[1:]
    if token == "[]":
        if not data:
            data.append({} if rest else "")
        for index in range(len(data)):
            if isinstance(data[index], str) and rest:  # "2 TikTok videos" -> {item: ...}
                data[index] = {"url" if path[-1:] == ("posts",) else "item": data[index]}
            yield from _concrete(data[index], rest, (*path, index))
    elif token == "{}":
        for key in list(data):
            yield from _concrete(data[key], rest, (*path, key))
    elif token == "{key}":
        for key in list(data):
            yield (*path, ("key", key))
    else:
        if rest and not isinstance(data.get(token), (dict, list)):
            data[token] = [] if rest[0] == "[]" else {}
        yield from _concrete(data[token], rest, (*path, token)) if rest else iter([(*path,
                                                                                    token)])


def _set(data: Any, where: tuple, value: Any) -> None:
    for key in where[:-1]:
        data = data[key]
    last = where[-1]
    if isinstance(last, tuple):  # rename a mapping's key, keeping its place
        old = last[1]
        items = [(value if key == old else key, item) for key, item in data.items()]
        data.clear()
        data.update(items)
    else:
        data[last] = value


def _shown(where: tuple) -> str:
    parts = []
    for key in where:
        if isinstance(key, int):
            parts.append(f"[{key}]")
        elif isinstance(key, tuple):
            parts.append(f"{{{key[1]}}}")
        else:
            parts.append(("." if parts else "") + str(key))
    return "".join(parts)


@dataclass
class Written:
    """The canary project: its folder and every canary in it."""

    project: Path
    canaries: list[Canary] = field(default_factory=list)

    def by_group(self) -> dict[str, list[Canary]]:
        groups: dict[str, list[Canary]] = {}
        for canary in self.canaries:
            groups.setdefault(canary.group, []).append(canary)
        return groups


class _Writer:
    def __init__(self, project: Path) -> None:
        self.project = project
        self.content = project / "content"
        self.markers = Markers()
        self.written = Written(project)
        self.colours = 0
        self.currencies = iter(_CURRENCIES)
        # English locales: the pages stay readable
        self.locales = iter(("en_NZ", "en_SG", "en_CA", "en_AU", "en_IN", "en_MT", "en_BW"))

    def pages_for(self, pattern: str, own: str | None) -> tuple[str, ...]:
        if pattern in NOT_RENDERED:
            return ()
        return tuple(own if page == "{own}" else page for page in FIELDS[pattern])

    def add(self, name: str, pattern: str, needle: str, value: str, own: str | None = None,
            escaped: bool = False) -> None:
        self.written.canaries.append(Canary(name, pattern, needle, value,
                                            self.pages_for(pattern, own), escaped))

    def value(self, pattern: str, kind: str, where: tuple) -> tuple[str, str, bool]:
        """(value written, needle, escaped) for a field of ``kind``."""
        marker = self.markers.take()
        leaf = pattern.rsplit(": ", 1)[-1]
        if kind == "text":
            return marker + SUFFIX, marker, True
        if kind == "url":
            if leaf == "site.base_url":
                return f"https://{marker}.example/", marker, False
            if leaf == "posts[].url":  # a post link the case study can tell the platform of
                return f"https://www.tiktok.com/@{marker}/video/7611889043718342913", marker, False
            # the link is not text: its "<i>&" is checked by test_no_free_text_is_ever_printed_raw
            return f"https://{marker}.example/?q={SUFFIX}", marker, False
        if kind == "email":
            return f"{marker}@example.com", marker, False
        if kind == "path":
            if leaf == "platforms{}.data":  # move that platform's exports to the new folder
                platform = where[1]
                shutil.move(self.content / "data" / platform, self.content / "data" / marker)
                return f"data/{marker}", marker, False
            shutil.copy(self.content / "assets" / "avatar.svg",
                        self.content / "assets" / f"{marker}.svg")
            return f"assets/{marker}.svg", marker, False
        if kind == "colour":
            self.colours += 1
            colour = f"#c{self.colours:02d}a{self.colours:02d}"
            return colour, colour, False
        if kind == "font":
            return marker, marker, False
        if kind == "currency":
            code = next(self.currencies)
            return code, code, False
        if kind == "locale":
            code = next(self.locales)
            return code, code, False
        if kind == "timezone":
            return "Pacific/Chatham", "Pacific/Chatham", False
        if kind == "language":
            return f"en-{marker}", f"en-{marker}", False
        if kind == "hostname":
            return f"{marker}.example", marker, False
        raise AssertionError(f"no canary for a {kind} field ({pattern})")

    def fill(self, schema: str, data: dict[str, Any], prefix: str, own: str | None) -> None:
        """Every field of ``schema`` in ``data`` (a profile or a header) gets its canary."""
        for pattern, kind in schema_walk.fields(schema_walk.SCHEMAS[schema]):
            key = f"{schema}: {pattern}"
            if key in NOT_TEXT or key not in FIELDS and key not in NOT_RENDERED:
                continue  # uncovered ones fail test_every_schema_field_is_listed
            for where in list(_concrete(data, _tokens(pattern))):
                value, needle, escaped = self.value(key, kind, where)
                _set(data, where, value)
                self.add(f"{prefix}: {_shown(where)}", key, needle, value, own, escaped)


def write_project(project: Path) -> Written:
    """Put a canary into every field of the demo copy in ``project`` (see the module's doc)."""
    writer = _Writer(project)
    content = writer.content

    profile = hostile._demo_profile()
    writer.fill("profile", profile, "profile", None)
    (content / "profile.yaml").write_text(hostile._dump(profile), "utf-8")

    for folder, schema, suffix in (("pitches", "pitch", "pitches"),
                                   ("case-studies", "case-study", "case-studies")):
        for path in sorted((content / folder).glob("*.md")):
            header, _ = hostile._read_document(path)
            own = f"{suffix}/{path.stem}.html"
            writer.fill(schema, header, f"{schema} {path.stem}", own)
            body_marker = writer.markers.take()
            writer.add(f"{schema} {path.stem}: body", f"{schema}: body", body_marker,
                       body_marker + SUFFIX, own, escaped=True)
            body = f"Intro.\n\n{body_marker}{SUFFIX}\n"
            path.write_text(hostile._document(header, body), "utf-8")

    for path in sorted((content / "pages").glob("*.md")):
        title, body = writer.markers.take(), writer.markers.take()
        own = f"{path.stem}.html"
        kind = "page variant" if languages.split_variant(path)[1] else "page"  # about.fr.md
        writer.add(f"page {path.stem}: title", f"{kind}: title", title, title + SUFFIX, own, True)
        writer.add(f"page {path.stem}: body", f"{kind}: body", body, body + SUFFIX, own, True)
        path.write_text(f"# {title}{SUFFIX}\n\n{body}{SUFFIX}\n", "utf-8")

    _write_csvs(writer, profile)
    return writer.written


def _data_folder(profile: dict[str, Any], platform: str) -> str:
    return profile["platforms"][platform].get("data") or f"data/{platform}"


def _write_csvs(writer: _Writer, profile: dict[str, Any]) -> None:
    content = writer.content
    tiktok = content / _data_folder(profile, "tiktok")
    title_of: dict[str, str] = {}
    pattern = "csv: tiktok Content.csv: Video title"
    for path in sorted(tiktok.rglob("Content.csv")):
        _, rows = hostile._read_csv(path)
        title, link = rows[0].index("Video title"), rows[0].index("Video link")
        for row in rows[1:]:
            if row[link] not in title_of:
                marker = writer.markers.take()
                title_of[row[link]] = marker
                writer.add(f"{pattern}: {row[link]}", pattern, marker, marker + SUFFIX,
                           escaped=True)
            row[title] = title_of[row[link]] + SUFFIX
        hostile._write_csv(path, rows)
    for name, column in (("FollowerGender.csv", "Gender"),
                         ("FollowerTopTerritories.csv", "Top territories")):
        path = tiktok / name
        _, rows = hostile._read_csv(path)
        marker = writer.markers.take()
        rows[1][rows[0].index(column)] = marker + SUFFIX  # the largest segment: always shown
        writer.add(f"csv: tiktok {name}: {column}: row 2", f"csv: tiktok {name}: {column}",
                   marker, marker + SUFFIX, escaped=True)
        hostile._write_csv(path, rows)
    path = tiktok / "Overview.csv"
    _, rows = hostile._read_csv(path)
    head, cell = writer.markers.take(), writer.markers.take()
    rows[0].append(head + SUFFIX)
    for row in rows[1:]:
        row.append(cell + SUFFIX)
    hostile._write_csv(path, rows)
    for what, marker in (("header", head), ("cells", cell)):
        writer.add(f"csv: tiktok Overview.csv: unknown column {what}",
                   f"csv: tiktok Overview.csv: unknown column {what}", marker, marker + SUFFIX,
                   escaped=True)

    youtube = content / _data_folder(profile, "youtube")
    pattern = "csv: youtube Table data.csv: Video title"
    titles: dict[str, str] = {}
    for name in ("Table data.csv", "Chart data.csv"):
        path = youtube / name
        _, rows = hostile._read_csv(path)
        content_column, title = rows[0].index("Content"), rows[0].index("Video title")
        for row in rows[1:]:
            if row[content_column] == "Total" or not row[title]:
                continue
            if row[content_column] not in titles:
                marker = writer.markers.take()
                titles[row[content_column]] = marker
                writer.add(f"{pattern}: {row[content_column]}", pattern, marker,
                           marker + SUFFIX, escaped=True)
            row[title] = titles[row[content_column]] + SUFFIX
        hostile._write_csv(path, rows)

    instagram = content / _data_folder(profile, "instagram")
    pattern = "csv: instagram posts: Description"
    descriptions: dict[str, str] = {}
    for path in sorted(instagram.glob("*_*.csv")):
        _, rows = hostile._read_csv(path)
        if not rows or "Description" not in rows[0]:
            continue
        index, post = rows[0].index("Description"), rows[0].index("Post ID")
        for row in rows[1:]:
            if len(row) > index and row[index]:
                if row[post] not in descriptions:
                    marker = writer.markers.take()
                    descriptions[row[post]] = marker
                    writer.add(f"{pattern}: {row[post]}", pattern, marker, marker + SUFFIX,
                               escaped=True)
                row[index] = descriptions[row[post]] + SUFFIX
        hostile._write_csv(path, rows)
    path = instagram / "Audience.csv"
    text = path.read_bytes().decode("utf-16")
    section = text.split('"Top cities","Value"', 1)
    head, cities = section[0], section[1].split("\n\n", 1)
    lines = cities[0].split("\n")
    pattern = "csv: instagram Audience.csv: Top cities"
    for number, line in enumerate(lines):
        if line.startswith('"') and '","' in line:
            marker = writer.markers.take()
            lines[number] = f'"{marker}{SUFFIX}"' + line[line.index('","') + 1:]
            writer.add(f"{pattern}: row {number}", pattern, marker, marker + SUFFIX,
                       escaped=True)
    rebuilt = head + '"Top cities","Value"' + "\n".join(lines) + (
        "\n\n" + cities[1] if len(cities) > 1 else "")
    path.write_bytes(rebuilt.encode("utf-16"))


# --- reading the built site --------------------------------------------------------------------

#: Contexts where a marker may be: text, or the value of an ordinary attribute.
EXECUTABLE = ("script", "style", "event handler", "javascript: URL", "comment",
              "attribute name", "tag name", "unescaped")


@dataclass
class Hit:
    page: str
    context: str  # "text", "attr a.href", "json script", or one of EXECUTABLE

    def __str__(self) -> str:
        return f"{self.page} ({self.context})"


class _Locator(HTMLParser):
    def __init__(self, page: str, hits: dict[str, list[Hit]]) -> None:
        super().__init__(convert_charrefs=True)
        self.page, self.hits = page, hits
        self.open: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def _found(self, text: str, context: str) -> None:
        for marker in MARKER.findall(text):
            self.hits.setdefault(marker.lower(), []).append(Hit(self.page, context))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)
        if tag not in ("meta", "link", "img", "br", "input", "hr", "source"):
            self.open.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                break

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._found(tag, "tag name")
        for key, value in attrs:
            value = value or ""
            self._found(key, "attribute name")
            self.text.append(value)
            if key.startswith("on"):
                context = "event handler"
            elif key == "style":
                context = "style"
            elif key in hostile.URL_ATTRIBUTES and hostile.url_scheme_danger(value):
                context = "javascript: URL"
            else:
                context = f"attr {tag}.{key}"
            self._found(value, context)

    def handle_data(self, data: str) -> None:
        tag, attrs = self.open[-1] if self.open else ("", {})
        if tag == "script":
            kind = (attrs.get("type") or "").lower()
            self._found(data, "json script" if kind == "application/json" else "script")
        elif tag == "style":
            self._found(data, "style")
        else:
            self._found(data, "text")
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self._found(data, "comment")


@dataclass
class Located:
    files: dict[str, str]  # every text file of the site
    hits: dict[str, list[Hit]]  # marker (lower case) -> where it is
    text: dict[str, str]  # page -> its text and attribute values, decoded, lower case

    @property
    def pages(self) -> list[str]:
        return sorted(name for name in self.files if name.endswith(".html"))


def locate(files: dict[str, bytes]) -> Located:
    """Every marker of every text file in ``files`` (a site in memory), with its context."""
    texts = {name: data.decode("utf-8") for name, data in files.items()
             if name.endswith((".html", ".svg", ".xml", ".txt", ".json", ".css")) or
             name == "CNAME"}
    hits: dict[str, list[Hit]] = {}
    decoded: dict[str, str] = {}
    for name, text in texts.items():
        if name.endswith((".html", ".svg", ".xml")):
            locator = _Locator(name, hits)
            locator.feed(text)
            locator.close()
            decoded[name] = "\n".join(locator.text).lower()
            for marker in re.findall(MARKER.pattern + re.escape(SUFFIX[:2]), text, flags=re.I):
                hits.setdefault(marker[:-2].lower(), []).append(Hit(name, "unescaped"))
        else:
            for marker in MARKER.findall(text):
                hits.setdefault(marker.lower(), []).append(Hit(name, "file"))
            decoded[name] = text.lower()
    return Located(texts, hits, decoded)


def _pages(wanted: str, located: Located) -> list[str]:
    if wanted == EVERY_PAGE:
        return located.pages
    return sorted(name for name in located.files if fnmatch.fnmatchcase(name, wanted))


def problems(canaries: list[Canary], located: Located) -> list[str]:
    """What is wrong with one field (all its canaries): missing, unescaped, or executable."""
    found: list[str] = []
    first = canaries[0]
    if not first.pages:  # not rendered: then nowhere at all
        for canary in canaries:
            where = located.hits.get(canary.needle.lower(), [])
            if where:
                found.append(f"{canary.name} is listed as not rendered but is on "
                             f"{', '.join(sorted({str(h) for h in where}))}")
        return found
    for wanted in first.pages:
        pages = _pages(wanted, located)
        if not pages:
            found.append(f"{first.group}: no page matches {wanted!r}")
        for page in pages:
            text = located.text[page]
            raw = located.files[page].lower()
            shown = any(c.needle.lower() in raw and (
                not c.escaped or (c.needle + SUFFIX).lower() in text) for c in canaries)
            if not shown:
                what = "as text (with <i>& escaped)" if first.escaped else ""
                found.append(f"{first.group}: not on {page} {what}".rstrip())
    for canary in canaries:
        for hit in located.hits.get(canary.needle.lower(), []):
            if hit.context in EXECUTABLE:
                found.append(f"{canary.name}: in a {hit.context} on {hit.page}")
    return found
