"""Hostile projects: the demo creator with an XSS payload in every field a creator controls.

``pack`` writes one "payload-packed" project: every slot (a profile string, a front-matter value,
a Markdown body, a CSV cell or header) gets a different payload, rotating through the corpus so a
few builds use all of them. A payload the profile or front-matter schema refuses is recorded with
its one-line error and the slot keeps its demo value, so the build itself always succeeds.
``scan`` reads a built site with an HTML parser and lists everything that could run.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from mediakit.errors import MediakitError
from mediakit.project import frontmatter
from mediakit.project.profile import load_profile
from mediakit.site import casestudies, pitches

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "hostile"
TODAY = date(2026, 11, 20)  # the demo's data runs to 2026-11-16: not stale
NEWLINE = "⏎"


def payloads() -> list[str]:
    """The XSS corpus, in file order (tests/fixtures/hostile/xss.txt)."""
    lines = (FIXTURES / "xss.txt").read_text("utf-8").splitlines()
    return [line.replace(NEWLINE, "\n") for line in lines if line and not line.startswith("## ")]


def copy_demo(target: Path, *, cache_from: Path | None = None) -> Path:
    """A private copy of the demo (without its history; optionally with a warm chart cache)."""
    shutil.copytree(REPO / "content", target / "content", ignore=shutil.ignore_patterns("history"))
    if cache_from is not None and (cache_from / ".mediakit-cache").is_dir():
        shutil.copytree(cache_from / ".mediakit-cache", target / ".mediakit-cache")
    return target


# --- where payloads go -------------------------------------------------------------------------

Where = tuple[str | int, ...]


@dataclass
class Slot:
    """One field that received a payload."""

    kind: str  # "profile", "pitch", "case-study", "page", "csv"
    where: str  # e.g. "rates[1].notes" or "data/tiktok/Content.csv:row 3:Video title"
    payload: str
    markdown: bool = False  # rendered through Markdown (text may be re-shaped)
    refused: str | None = None  # the one-line error when validation refused the payload


@dataclass
class Packed:
    project: Path
    slots: list[Slot] = field(default_factory=list)

    @property
    def placed(self) -> list[Slot]:
        return [slot for slot in self.slots if slot.refused is None]

    @property
    def refused(self) -> list[Slot]:
        return [slot for slot in self.slots if slot.refused is not None]


class Rotation:
    """Hands out payloads in order from a starting point, wrapping around the corpus."""

    def __init__(self, corpus: list[str], start: int) -> None:
        self.corpus, self.next = corpus, start

    def take(self) -> str:
        payload = self.corpus[self.next % len(self.corpus)]
        self.next += 1
        return payload


def _get(data: Any, where: Where) -> Any:
    for key in where:
        data = data[key]
    return data


def _set(data: Any, where: Where, value: Any) -> None:
    _get(data, where[:-1])[where[-1]] = value


def _dotted(where: Where) -> str:
    return frontmatter.dotted(where)


def _demo_profile() -> dict[str, Any]:
    """The demo profile as plain JSON-able values (dates as text)."""
    data = yaml.safe_load((REPO / "content" / "profile.yaml").read_text("utf-8"))
    return json.loads(json.dumps(data, default=str))


def _dump(data: dict[str, Any]) -> str:
    """YAML text for ``data``: JSON is valid YAML, and quotes every string exactly."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def profile_slots(profile: dict[str, Any]) -> list[Where]:
    """Every string a creator writes in profile.yaml that the site may show."""
    slots: list[Where] = [("name",), ("handle",), ("tagline",), ("bio",), ("niche",),
                          ("location",), ("site", "title"), ("contact", "email")]
    slots += [("languages", i) for i in range(len(profile.get("languages", [])))]
    for i in range(len(profile.get("contact", {}).get("links", []))):
        slots += [("contact", "links", i, "label"), ("contact", "links", i, "url")]
    for name in profile.get("platforms", {}):
        slots += [("platforms", name, "handle"), ("platforms", name, "url")]
    for i in range(len(profile.get("rates", []))):
        slots += [("rates", i, "deliverable"), ("rates", i, "notes")]
    for i in range(len(profile.get("partners", []))):
        slots += [("partners", i, "name"), ("partners", i, "url")]
    for i in range(len(profile.get("testimonials", []))):
        slots += [("testimonials", i, key) for key in ("quote", "author", "role")]
    for platform, dimensions in profile.get("audience", {}).items():
        for dimension in dimensions:
            slots.append(("audience", platform, dimension, "source"))
    return slots


MARKDOWN_PROFILE = {("bio",)}


def _profile_refusal(base: dict[str, Any], where: Where, payload: str, tmp: Path) -> str | None:
    """The one-line error when the profile schema refuses ``payload`` at ``where`` alone."""
    trial = json.loads(json.dumps(base))
    _set(trial, where, payload)
    path = tmp / "trial-profile.yaml"
    path.write_text(_dump(trial), "utf-8")
    try:
        load_profile(path)
    except MediakitError as err:  # anything else escapes and fails the test
        return str(err)
    return None


def _header_refusal(model: type, header: dict[str, Any], body: str, shown_as: str) -> str | None:
    try:
        frontmatter.parse_model(model, frontmatter.parse(_document(header, body), shown_as))
    except MediakitError as err:
        return str(err)
    return None


def _document(header: dict[str, Any], body: str) -> str:
    return "---\n" + _dump(header) + "---\n" + body


def _read_document(path: Path) -> tuple[dict[str, Any], str]:
    header, body = frontmatter.split(path.read_text("utf-8"), str(path))
    data = yaml.safe_load(header)
    return json.loads(json.dumps(data, default=str)), body


def _markdown_body(chunk: list[str]) -> str:
    return "\n\n".join(chunk) + "\n"


def pack(project: Path, corpus: list[str], start: int, body_chunk: list[str]) -> Packed:
    """Put payloads (from ``start``) into every slot of the demo copy in ``project``.

    ``body_chunk`` fills the Markdown bodies (a new page, the pitch and the case study), one
    payload per block.
    """
    rotation = Rotation(corpus, start)
    packed = Packed(project)
    content = project / "content"
    scratch = project / ".trials"
    scratch.mkdir()

    # profile.yaml: one field at a time is tried alone, so a refusal names only that field
    base = _demo_profile()
    profile = json.loads(json.dumps(base))
    for where in profile_slots(base):
        payload = rotation.take()
        refused = _profile_refusal(base, where, payload, scratch)
        packed.slots.append(Slot("profile", _dotted(where), payload,
                                 markdown=where in MARKDOWN_PROFILE, refused=refused))
        if refused is None:
            _set(profile, where, payload)
    # self-reported segments are keys: rename the first one of each
    for platform, dimensions in base.get("audience", {}).items():
        for dimension in dimensions:
            shares = profile["audience"][platform][dimension]["shares"]
            first = next(iter(shares))
            payload = rotation.take()
            profile["audience"][platform][dimension]["shares"] = {
                (payload if key == first else key): value for key, value in shares.items()}
            packed.slots.append(Slot("profile", f"audience.{platform}.{dimension}.shares key",
                                     payload))
    (content / "profile.yaml").write_text(_dump(profile), "utf-8")
    shutil.rmtree(scratch)

    # front matter and bodies of every pitch and case study
    for folder, model, kind in ((pitches.FOLDER, pitches.PitchHeader, "pitch"),
                                (casestudies.FOLDER, casestudies.CaseStudyHeader, "case-study")):
        for path in sorted((content / folder).glob("*.md")):
            header, _ = _read_document(path)
            shown = f"content/{folder}/{path.name}"
            body = _markdown_body(body_chunk)
            trial_base = json.loads(json.dumps(header))
            for where in _header_slots(header):
                payload = rotation.take()
                trial = json.loads(json.dumps(trial_base))
                _set(trial, where, payload)
                refused = _header_refusal(model, trial, body, shown)
                packed.slots.append(Slot(kind, f"{shown}: {_dotted(where)}", payload,
                                         refused=refused))
                if refused is None:
                    _set(header, where, payload)
            path.write_text(_document(header, body), "utf-8")
            packed.slots += [Slot(kind, f"{shown}: body", p, markdown=True) for p in body_chunk]

    # a Markdown page: its "# heading" becomes the page title and a menu entry
    title = rotation.take().replace("\n", " ")
    (content / "pages" / "zz-hostile.md").write_text(
        f"# {title}\n\n" + _markdown_body(body_chunk), "utf-8")
    packed.slots.append(Slot("page", "content/pages/zz-hostile.md: title", title, markdown=True))
    packed.slots += [Slot("page", "content/pages/zz-hostile.md: body", p, markdown=True)
                     for p in body_chunk]

    packed.slots += _pack_csvs(content / "data", rotation)
    return packed


def _header_slots(header: dict[str, Any]) -> list[Where]:
    """Every free-text value of a pitch or case-study header."""
    slots: list[Where] = [(key,) for key in ("brand", "prepared_for", "title", "quote",
                                             "quote_author")]
    target = header.get("target")
    if isinstance(target, dict):
        slots.append(("target", "description"))
    for i, item in enumerate(header.get("deliverables", [])):
        if isinstance(item, dict):
            slots += [("deliverables", i, "item"), ("deliverables", i, "notes")]
        else:
            slots.append(("deliverables", i))
    for i, post in enumerate(header.get("posts", [])):
        if isinstance(post, dict):
            slots += [("posts", i, "title"), ("posts", i, "source")]
    if isinstance(header.get("results"), dict):
        slots.append(("results", "source"))
    return [where for where in slots if where[0] in _allowed_keys(header)]


def _allowed_keys(header: dict[str, Any]) -> set[str]:
    if "valid_until" in header:  # a pitch
        return set(pitches.PitchHeader.model_fields)
    return set(casestudies.CaseStudyHeader.model_fields)


# --- CSV exports ---------------------------------------------------------------------------------


def _read_csv(path: Path) -> tuple[str, list[list[str]]]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    text = raw.decode(encoding)
    sep = "\t" if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    return encoding, [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=sep)]


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def _pack_csvs(data: Path, rotation: Rotation) -> list[Slot]:
    """Post titles (every snapshot of a post gets the same one), segment names, extra headers."""
    slots: list[Slot] = []
    titles: dict[str, str] = {}  # video link -> payload
    for path in sorted((data / "tiktok").rglob("Content.csv")):
        _, rows = _read_csv(path)
        header = rows[0]
        title, link = header.index("Video title"), header.index("Video link")
        for row in rows[1:]:
            if row[link] not in titles:
                titles[row[link]] = rotation.take()
                slots.append(Slot("csv", f"data/tiktok Content.csv: {row[link]}: Video title",
                                  titles[row[link]]))
            row[title] = titles[row[link]]
        _write_csv(path, rows)
    for name, column in (("FollowerTopTerritories.csv", "Top territories"),
                         ("FollowerGender.csv", "Gender")):
        path = data / "tiktok" / name
        _, rows = _read_csv(path)
        index = rows[0].index(column)
        payload = rotation.take()
        rows[-1][index] = payload  # the smallest segment: the kit still has the others
        slots.append(Slot("csv", f"data/tiktok/{name}: last row: {column}", payload))
        _write_csv(path, rows)
    # extra columns with hostile names (and hostile cells) are ignored by the reader
    path = data / "tiktok" / "Overview.csv"
    _, rows = _read_csv(path)
    head, cell = rotation.take(), rotation.take()
    rows[0].append(head)
    for row in rows[1:]:
        row.append(cell)
    _write_csv(path, rows)
    slots.append(Slot("csv", "data/tiktok/Overview.csv: extra column header", head))
    slots.append(Slot("csv", "data/tiktok/Overview.csv: extra column cells", cell))
    youtube = data / "youtube" / "Table data.csv"
    if youtube.is_file():
        _, rows = _read_csv(youtube)
        index = rows[0].index("Video title")
        for row in rows[1:]:
            if row[0] != "Total" and row[index]:
                row[index] = rotation.take()
                slots.append(Slot("csv", f"data/youtube/Table data.csv: {row[0]}: Video title",
                                  row[index]))
        _write_csv(youtube, rows)
    for path in sorted((data / "instagram").glob("*_*.csv")):
        encoding, rows = _read_csv(path)
        if not rows or "Description" not in rows[0]:
            continue
        index = rows[0].index("Description")
        for row in rows[1:]:
            if len(row) > index and row[index]:
                row[index] = rotation.take()
                slots.append(Slot("csv", f"data/instagram/{path.name}: Description", row[index]))
        _write_csv(path, rows)
    return slots


# --- reading a built site ------------------------------------------------------------------------

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "srcset", "srcdoc", "codebase", "cite",
                            "ping", "manifest", "lowsrc", "dynsrc", "icon", "content"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "data:", "file:", "mocha:")
# Elements that load or run something; the clean build's own ones are subtracted.
ACTIVE_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                         "base", "form", "portal", "foreignobject", "handler", "listener",
                         "animate", "set", "animatetransform", "animatemotion", "import"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme_danger(value: str) -> bool:
    """Whether a URL would run or embed something, as a browser reads it (tabs, case, entities)."""
    text = _CONTROL.sub("", html.unescape(value)).lower()
    if text == "data:,":  # the empty favicon the theme uses when there is no avatar
        return False
    if text.startswith(DANGEROUS_SCHEMES):
        return True
    # <meta http-equiv=refresh content="0;url=javascript:...">
    return bool(re.search(r"url=(javascript|vbscript|data):", text))


def style_danger(value: str) -> bool:
    text = _CONTROL.sub("", html.unescape(value)).lower()
    text = re.sub(r"\\0*([0-9a-f]{1,6})", lambda m: chr(int(m[1], 16)), text)  # CSS escapes
    return any(bad in text for bad in ("expression(", "javascript:", "vbscript:", "behavior:",
                                       "-moz-binding", "@import", "url(data:", "url(\"data:",
                                       "url('data:"))


@dataclass
class Finding:
    file: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


class _Scanner(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.findings: list[Finding] = []
        self.active: list[str] = []  # e.g. "script type=None src=None"
        self.text: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)
        self.current.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.current and self.current[-1] == tag:
            self.current.pop()

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ACTIVE_TAGS:
            self.active.append(f"<{tag} " + " ".join(f"{k}={v!r}" for k, v in sorted(
                attrs, key=lambda kv: kv[0])) + ">")
        refresh = (values.get("http-equiv") or "").lower() == "refresh"
        if tag == "meta" and (values.get("http-equiv") or "").lower() in ("refresh", "set-cookie"):
            self.findings.append(Finding(self.name, f"<meta http-equiv={values['http-equiv']}>"))
        for key, value in attrs:
            value = value or ""
            self.text.append(value)
            if key.startswith("on"):
                self.findings.append(Finding(self.name, f"<{tag} {key}=...> event handler"))
            elif key in URL_ATTRIBUTES and url_scheme_danger(value):
                # a <meta content> is a link only in a refresh (og:site_name may say "url=")
                if not (key == "content" and tag == "meta" and not refresh):
                    self.findings.append(Finding(self.name, f"<{tag} {key}={value[:60]!r}>"))
            elif key == "style" and style_danger(value):
                self.findings.append(Finding(self.name, f"<{tag} style={value[:60]!r}>"))
            elif key in ("attributename",) and value.lower().startswith(("on", "href",
                                                                          "xlink:href")):
                self.findings.append(Finding(self.name, f"<{tag} attributeName={value!r}>"))

    def handle_data(self, data: str) -> None:
        if self.current and self.current[-1] == "script":
            self.active.append(f"script text {data.strip()[:80]!r}")
        if self.current and self.current[-1] == "style" and style_danger(data):
            self.findings.append(Finding(self.name, f"<style> with {data.strip()[:60]!r}"))
        self.text.append(data)


@dataclass
class Scan:
    findings: list[Finding]
    active: dict[str, list[str]]  # page -> active elements (scripts, iframes...) in order
    text: dict[str, str]  # page -> its text and attribute values, entities decoded
    files: int


def scan(site: Path) -> Scan:
    """Every HTML and SVG file of a built site, parsed."""
    findings: list[Finding] = []
    active: dict[str, list[str]] = {}
    text: dict[str, str] = {}
    count = 0
    for path in sorted(site.rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".svg", ".xml") or not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        scanner = _Scanner(name)
        scanner.feed(path.read_text("utf-8"))
        scanner.close()
        findings += scanner.findings
        active[name] = scanner.active
        text[name] = "\n".join(scanner.text)
        count += 1
    return Scan(findings, active, text, count)


def page_kind(name: str) -> str:
    """Pages compared with the clean build by their template: pitches/x.html -> pitches/*."""
    folder, _, file = name.rpartition("/")
    if folder:
        return f"{folder}/*"
    return file if file in ("index.html", "404.html", "report.html", "methodology.html") else "*.md"
