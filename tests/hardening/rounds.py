"""Every XSS payload through every free-text field: rounds of the canary project, pages only.

A round takes the canary project (canaries.py) and swaps each free-text canary for a payload of
tests/fixtures/hostile/xss.txt: the field with canary number k gets payload (round + k) mod 249,
so in 249 rounds every field has held every payload, and in any round the fields hold different
ones. The profile is validated by ``load_profile`` and the pitches, case studies and pages are
read from their files by the renderer, exactly as in a build; the numbers, the charts and the
export tables are the canary build's (computed once: a full build takes seconds), with each
canary string that analytics copied out of an export or the profile (a post title, a segment,
a handle, a self-reported source, a rate as written) swapped for the same round's payload where
the Report carries it. Chart drawings are left out (their SVG is vl-convert's, checked in the
payload-packed builds); the share card is made for real and checked to be well-formed XML.

Each round's pages are read with the same HTML scanner as the payload-packed builds
(hostile.scan): no event handler, no dangerous link or style, no script or other active element
the canary pages do not have, and each payload's letters and digits are on a page that shows
its field.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediakit.build import DataStage
from mediakit.errors import MediakitError
from mediakit.project import languages
from mediakit.project.profile import load_profile
from mediakit.site import render
from tests.hardening import canaries, hostile

CANARY = re.compile(canaries.MARKER.pattern + "(?:" + re.escape(canaries.SUFFIX) + ")?",
                    flags=re.IGNORECASE)

#: Free-text fields a payload may be refused in (a one-line ConfigError): handles are one word
#: on TikTok and Instagram, and no handle may be a link.
MAY_REFUSE = ("profile: platforms{}.handle",)


def alnum(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def swap(value: Any, values: dict[str, str]) -> Any:
    """``value`` with every canary (marker, and the ``<i>&`` after it) replaced by
    ``values[marker]``; dataclasses, mappings (keys too), lists and tuples are walked."""
    if isinstance(value, str):
        if "zqx" not in value.lower():
            return value
        return CANARY.sub(lambda m: values.get(m.group(0)[:7].lower(), m.group(0)), value)
    if isinstance(value, dict):
        return {swap(key, values): swap(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [swap(item, values) for item in value]
    if isinstance(value, tuple):
        return tuple(swap(item, values) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: swap(getattr(value, f.name), values)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    return value


@dataclass
class RoundResult:
    number: int
    findings: list[str] = field(default_factory=list)  # anything that could run
    missing: list[tuple[canaries.Canary, str]] = field(default_factory=list)  # not shown
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # field, payload, error


@dataclass
class Harness:
    """The canary project, ready to swap payloads in and render its pages."""

    project: Path
    written: canaries.Written
    data: DataStage
    located: canaries.Located
    corpus: list[str]
    baseline: dict[str, Any] = field(default_factory=dict)  # page kind -> active elements
    profile_text: str = ""
    documents: dict[Path, str] = field(default_factory=dict)
    free: list[canaries.Canary] = field(default_factory=list)
    accepted: dict[str, list[str]] = field(default_factory=dict)  # may-refuse field -> payloads

    def __post_init__(self) -> None:
        content = self.project / "content"
        self.profile_text = (content / "profile.yaml").read_text("utf-8")
        # one pitch, one case study and one page are enough (the others use the same
        # templates): a round renders a third fewer pages
        dropped = []
        for folder, kind in (("pitches", "pitch"), ("case-studies", "case-study"),
                             ("pages", "page")):
            # a language variant (about.fr.md) is not a page of the default build: never first
            first, *others = sorted((content / folder).glob("*.md"), key=lambda path: (
                languages.split_variant(path)[1] is not None, path.name))
            self.documents[first] = first.read_text("utf-8")
            for path in others:
                path.unlink()
                dropped.append(f"{kind} {path.stem}: ")
        # every free-text canary that some page shows
        self.free = [c for c in self.written.canaries if c.escaped and c.pages and
                     self.located.hits.get(c.needle.lower()) and
                     not c.name.startswith(tuple(dropped))]
        self.charts = {key: dataclasses.replace(chart, svg="")
                       for key, chart in self.data.charts.items()}

    def payload(self, number: int, index: int) -> str:
        canary = self.free[index]
        pool = self.accepted.get(canary.name, self.corpus)
        return pool[(number + index) % len(pool)]

    def find_accepted(self) -> list[tuple[str, str, str]]:
        """For fields that may refuse a payload: which payloads the profile takes.

        Each payload is tried alone, in a profile of just a name and that platform (with its
        link, as in the canary profile); a refusal is recorded with its one-line error."""
        refusals = []
        trial = self.project / "trial-profile.yaml"
        for canary in self.free:
            if canary.pattern not in MAY_REFUSE:
                continue
            platform = canary.name.split(".")[1]
            taken = []
            for payload in self.corpus:
                trial.write_text(json.dumps({"name": "Trial", "platforms": {platform: {
                    "handle": payload, "url": "https://trial.example/"}}}), "utf-8")
                try:
                    load_profile(trial)
                except MediakitError as err:
                    refusals.append((canary.name, payload, str(err)))
                    continue
                taken.append(payload)
            self.accepted[canary.name] = taken
        trial.unlink(missing_ok=True)
        return refusals

    @staticmethod
    def _swap_text(text: str, values: dict[str, str]) -> str:
        """A JSON document (the profile, a header) with canaries swapped inside its strings."""
        def one(match: re.Match[str]) -> str:
            value = json.loads(match.group(0))
            return json.dumps(swap(value, values))  # \u escapes: YAML takes any character
        return re.sub(r'"(?:[^"\\]|\\.)*"', one, text)

    def values(self, number: int) -> dict[str, str]:
        return {c.needle.lower(): self.payload(number, i) for i, c in enumerate(self.free)}

    def render(self, values: dict[str, str]) -> dict[str, bytes]:
        """The pages with ``values`` (marker -> text) swapped in; {} renders the canaries."""
        content = self.project / "content"
        (content / "profile.yaml").write_text(self._swap_text(self.profile_text, values),
                                              "utf-8")
        for path, text in self.documents.items():
            if path.parent.name == "pages":
                path.write_text(swap(text, values), "utf-8")
            else:
                header, body = text.split("\n---\n", 1)
                path.write_text(self._swap_text(header, values) + "\n---\n" +
                                swap(body, values), "utf-8")
        profile = load_profile(content / "profile.yaml")
        files = render.site(swap(self.data.report, values), swap(self.charts, values), profile,
                            project_dir=self.project, content_dir=content,
                            profile_file=content / "profile.yaml", account=self.data.account)
        return files

    def run(self, number: int) -> RoundResult:
        result = RoundResult(number)
        values = self.values(number)
        files = self.render(values)
        scanned = scan_files(files)
        result.findings = list(scanned.findings)
        for name, elements in scanned.active.items():
            if elements != self.baseline.get(hostile.page_kind(name), []):
                result.findings.append(f"{name}: active elements {sorted(elements)}")
        shown = {name: alnum(text) for name, text in scanned.text.items()}
        for canary in self.free:
            payload = values[canary.needle.lower()]
            first = payload.split("\n")[0] if canary.pattern == "page: title" else payload
            forms = {alnum(first)[:24], alnum(html.unescape(first))[:24]} - {""}
            pages = {hit.page for hit in self.located.hits[canary.needle.lower()]
                     if hit.page in shown}
            if forms and not any(form in shown[page] for page in pages for form in forms):
                result.missing.append((canary, payload))
        return result


_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style", flags=re.DOTALL | re.IGNORECASE)


def scan_page(name: str, page: str) -> tuple[list[str], list[str], str]:
    """hostile.scan's checks with regular expressions (a round has a dozen pages to read, and
    Python's HTMLParser takes most of a second for them): (findings, active elements, text)."""
    findings, active = [], []
    for closing, tag, rest in _TAG.findall(page):
        tag = tag.lower()
        if closing:
            continue
        if tag in hostile.ACTIVE_TAGS:
            active.append(tag)
        attrs = [(key.lower(), html.unescape(quoted.strip("\"'")))
                 for key, quoted in _ATTR.findall(rest)]
        refresh = ("http-equiv", "refresh") in [(k, v.lower()) for k, v in attrs]
        for key, value in attrs:
            if key.startswith("on"):
                findings.append(f"{name}: <{tag} {key}=...> event handler")
            elif key in hostile.URL_ATTRIBUTES and hostile.url_scheme_danger(value):
                # a <meta content> is a link only in a refresh (og:site_name may say "url=")
                if not (tag == "meta" and key == "content" and not refresh):
                    findings.append(f"{name}: <{tag} {key}={value[:60]!r}>")
            elif key == "style" and hostile.style_danger(value):
                findings.append(f"{name}: <{tag} style={value[:60]!r}>")
            elif key == "http-equiv" and value.lower() in ("refresh", "set-cookie"):
                findings.append(f"{name}: <meta http-equiv={value}>")
    findings += [f"{name}: <style> with {css[:60]!r}" for css in _STYLE.findall(page)
                 if hostile.style_danger(css)]
    text = html.unescape(_TAG.sub(" ", page)) + " ".join(
        html.unescape(value) for value in re.findall(r'="([^"]*)"', page))
    return findings, sorted(active), text


def scan_files(files: dict[str, bytes]) -> hostile.Scan:
    """scan_page for every HTML and SVG file of a site in memory."""
    findings, active, text = [], {}, {}
    for name, data in sorted(files.items()):
        if not name.endswith((".html", ".svg", ".xml")):
            continue
        found, active[name], text[name] = scan_page(name, data.decode("utf-8"))
        findings += found
    return hostile.Scan(findings, active, text, len(active))


def baseline(files: dict[str, bytes]) -> dict[str, list[str]]:
    """The canary pages' active elements (their own scripts, if any), by page kind."""
    return {hostile.page_kind(name): elements
            for name, elements in scan_files(files).active.items()}


def remember_lookups(monkeypatch: Any) -> None:
    """Case studies look their posts up in the export tables with pandas, a third of a round;
    the rounds never change a post link, a day or the tables, so each lookup is made once."""
    from mediakit.site import casestudies

    find_post, organic_baseline = casestudies.find_post, casestudies.organic_baseline
    found: dict[tuple[Any, ...], Any] = {}

    def find(posts: Any, url: str, posted_on: Any) -> Any:
        key = ("find", id(posts), url, posted_on)
        if key not in found:
            found[key] = find_post(posts, url, posted_on)
        return found[key]

    def baseline_of(posts: Any, as_of: Any, platform: Any, exclude: Any = None) -> Any:
        key = ("baseline", id(posts), as_of, platform, frozenset(exclude or ()))
        if key not in found:
            found[key] = organic_baseline(posts, as_of, platform, exclude=exclude)
        return found[key]

    monkeypatch.setattr(casestudies, "find_post", find)
    monkeypatch.setattr(casestudies, "organic_baseline", baseline_of)

