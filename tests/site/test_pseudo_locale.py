"""No interface text reaches the reader untranslated: the demo built in a pseudo-language.

Every message of messages.pot is "translated" into a pseudo-language whose letters are all
accented ("Growth" -> "[Ĝŕóŵţĥ]"), placeholders and HTML tags kept. In that build, any word of
plain ASCII letters on a page, in a chart, in the share preview or in the PDF must be the
creator's own (found in content/), a name Babel writes for the locale (months, countries), or a
platform's name: anything else is English that did not go through the catalog.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from mediakit import build as build_module
from mediakit.site import format as format_module
from mediakit.site.catalogs import TEMPLATE
from tests.site.demo import REPO, TODAY

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "áƀçđéƒĝĥíĵķĺṁñóþǫŕśţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŚŢÚṼŴẊÝŽ"
PSEUDO = str.maketrans(_LETTERS, _ACCENTED)
# what a message keeps as it is: placeholders, a percent sign, tags and entities
_KEEP = re.compile(r"%\(\w+\)[sd]|%%|<[^>]*>|&\w+;")
WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"TikTok", "Instagram", "YouTube", "mediakit", "json", "stats", "https", "www",
           "USD", "EUR", "GBP"}


def pseudo(text: str) -> str:
    """"Growth of %(name)s" -> "[Ĝŕóŵţĥ óƒ %(name)s]"."""
    parts, last = [], 0
    for found in _KEEP.finditer(text):
        parts.append(text[last:found.start()].translate(PSEUDO))
        parts.append(found.group(0))
        last = found.end()
    parts.append(text[last:].translate(PSEUDO))
    return "[" + "".join(parts) + "]"


def pseudo_translations() -> Translations:
    with TEMPLATE.open("rb") as file:
        template = read_po(file)
    catalog = Catalog(locale="en", domain="messages")
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            catalog.add(message.id, tuple(pseudo(text) for text in message.id))
        else:
            catalog.add(message.id, pseudo(message.id))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain="messages")


class _Text(HTMLParser):
    """The words a reader meets: text, and the attributes read aloud or shown."""

    SHOWN = ("alt", "title", "aria-label", "placeholder", "content")

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self._skip = 0
        self._svg = 0  # charts are aria-hidden: Vega's own ARIA labels are never read out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        if tag == "svg":
            self._svg += 1
        names = dict(attrs)
        if self._svg:
            return
        if tag == "meta" and (names.get("name") or names.get("property", "")) not in (
                "description", "og:description", "twitter:description", "og:title",
                "twitter:title", "og:image:alt"):
            return
        for name in self.SHOWN:
            if names.get(name):
                self.words.append(str(names[name]))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1
        if tag == "svg":
            self._svg -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.words.append(_without_cut_titles(data))


def _without_cut_titles(text: str) -> str:
    """The text without a creator's title cut short for a table or a chart ("Small Hours: how
    I wrote it, chord by…"): the longest run before a "…" that starts one of their texts."""
    def cut(found: re.Match[str]) -> str:
        run = found.group(1)
        for at in (0, *(m.end() for m in re.finditer(r"\s", run))):  # the longest title start
            start = run[at:].strip()
            if len(start) >= 3 and any(value.startswith(start) for value in CREATOR_VALUES):
                return run[:at] + " "
        return found.group(0)

    return re.sub(r"([^\[\]…]*?)…", cut, _plain(text))


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.words)


def creator_values(content: Path) -> list[str]:
    """Every text the creator wrote or exported: values only (no column names, keys or
    comments)."""
    import yaml

    values: list[str] = []
    for path in content.rglob("*"):
        if not path.is_file():
            continue
        text = path.read_text("utf-8", errors="ignore") if path.suffix in (
            ".md", ".yaml", ".csv", ".json") else ""
        if path.suffix == ".csv":
            values += [cell for row in list(csv.reader(io.StringIO(text)))[1:] for cell in row]
        elif path.suffix == ".json":
            values += _json_values(json.loads(text))
        elif path.suffix == ".yaml":
            values += _json_values(yaml.safe_load(text))
        elif path.suffix == ".md":
            _, front, body = re.split(r"^---$", "\n" + text, maxsplit=2, flags=re.M) \
                if text.startswith("---") else ("", "", text)
            values += _json_values(yaml.safe_load(front) or {}) + [body]
    return values


def creator_texts(content: Path) -> list[str]:
    """The creator's texts cut at Markdown marks, commas and sentence ends, longest first."""
    values = creator_values(content)
    # a title is also shown without its hashtags (a picture's alt text), and each hashtag alone
    values += [re.sub(r"#\w+", "\n", value) for value in values]
    values += [tag for value in values for tag in re.findall(r"#(\w+)", value)]
    pieces = {_plain(piece).strip(" .,;:!?-–—#")
              for value in values
              for piece in re.split(r"[\n\r*_`\[\](),>|\"]+|(?<=[.!?;:])\s|(?:^|(?<=\n))#+\s",
                                    _no_pictographs(value))}
    return sorted((piece for piece in pieces if len(piece) >= 3), key=len, reverse=True)


def _no_pictographs(text: str) -> str:
    """Emoji cut a text in pieces: pages and charts may leave them out."""
    import unicodedata

    return "".join("\n" if unicodedata.category(ch) == "So" else ch for ch in text)


def _plain(text: str) -> str:
    """Quotes and spaces as the typographer and the pages may write them."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text)


def creator_words(content: Path) -> set[str]:
    """The creator's single words: a title cut short on a chart ("singerso…") is theirs, and so
    is "two-song" as "twosong" when the PDF's text breaks it at its hyphen."""
    pieces = creator_texts(content)
    return {word for piece in pieces for word in WORD.findall(piece)} | {
        joined.replace("-", "") for piece in pieces
        for joined in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", piece)}


def _json_values(data: object) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _json_values(value)]
    if isinstance(data, list):
        return [text for value in data for text in _json_values(value)]
    return [] if data is None else [str(data)]


def source_names() -> set[str]:
    """Who published the shipped benchmarks, CPMs and exchange rates: names, not interface."""
    import csv

    from mediakit.analytics import benchmarks

    folder = Path(benchmarks.__file__).parent / "data"
    words: set[str] = set()
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8") as file:
            for row in csv.DictReader(file):
                words.update(WORD.findall(row.get("source", "") or ""))
    return words


def locale_words(locale: str) -> set[str]:
    """Names Babel writes for the locale: months, weekdays, countries (data, not interface)."""
    data = Locale.parse(locale)
    names: list[str] = list(data.territories.values())
    for width in ("wide", "abbreviated"):
        names += list(data.months["format"][width].values())
        names += list(data.months["stand-alone"][width].values())
        names += list(data.days["format"][width].values())
    return {word for name in names for word in WORD.findall(name)}


@pytest.fixture(scope="module")
def pseudo_build(tmp_path_factory: pytest.TempPathFactory):
    """The demo, with suggested rates shown (more text to check), built in the pseudo-language."""
    project = tmp_path_factory.mktemp("pseudo")
    shutil.copytree(REPO / "content", project / "content",
                    ignore=shutil.ignore_patterns("history"))
    profile = project / "content" / "profile.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "site:\n", "site:\n  show_suggested_rates: true\n", 1), "utf-8")
    patch = pytest.MonkeyPatch()
    catalog = pseudo_translations()
    patch.setattr(format_module, "translations", lambda *args, **kwargs: catalog)
    try:
        rendered = build_module.render_project(project, today=TODAY, pdf=True)
    finally:
        patch.undo()
    return project, rendered


def _untranslated(text: str, allowed: set[str]) -> list[str]:
    """Words left once the creator's own texts are taken out, neither translated nor allowed;
    a creator's word cut short ("singerso…") is theirs."""
    text = CREATOR.sub(" ", _plain(text))
    prefixes = {word[:length] for word in CREATOR_WORDS for length in range(3, len(word))}
    return sorted({word for word in WORD.findall(text)
                   if word not in allowed and word not in prefixes})


# the creator's texts as whole words, longest first (a title is taken out before its words)
CREATOR_VALUES = [_plain(value) for value in creator_values(REPO / "content")]
CREATOR_PIECES = creator_texts(REPO / "content")
CREATOR = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, CREATOR_PIECES)) + r")(?!\w)")
CREATOR_WORDS = creator_words(REPO / "content")


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    # the demo's kit is Irish English, its Carnet Mauve pitch French
    return locale_words("en_IE") | locale_words("fr") | source_names() | ALLOWED


def test_the_pseudo_build_is_translated_at_all(pseudo_build) -> None:
    """The check can fail: the pseudo-language does reach the pages and the charts."""
    _, rendered = pseudo_build
    index = rendered.files["index.html"].decode("utf-8")
    assert "[Ĥéáđĺíñé ñúṁƀéŕś]" in index  # "Headline numbers"
    assert "Headline numbers" not in index
    assert "[Ƒóĺĺóŵéŕ ĝŕóŵţĥ]" in index  # a chart's title, made in Python


def test_no_page_shows_english_interface_text(pseudo_build, allowed) -> None:
    _, rendered = pseudo_build
    found = {}
    for path, data in sorted(rendered.files.items()):
        if path.endswith(".html"):
            left = _untranslated(visible_text(data.decode("utf-8")), allowed)
            if left:
                found[path] = left
    assert found == {}, "\n".join(f"{path}: {' '.join(words)}" for path, words in found.items())


def test_the_share_preview_text_is_translated(pseudo_build, allowed) -> None:
    from mediakit.site.sharing import preview_card

    _, rendered = pseudo_build
    data = rendered.data
    patch = pytest.MonkeyPatch()
    catalog = pseudo_translations()
    patch.setattr(format_module, "translations", lambda *args, **kwargs: catalog)
    try:
        fmt = format_module.Formatter(data.profile.locale)
        card = preview_card(rendered.report, data.profile, fmt,
                            kicker=fmt.gettext("Proposal for %(brand)s", brand="Liffey Audio"))
    finally:
        patch.undo()
    text = " ".join([card.footer, card.kicker, *(label for _, label in card.stats)])
    assert "[" in card.footer
    assert _untranslated(text, allowed) == []


def test_the_pdf_text_is_translated(pseudo_build, allowed, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    _, rendered = pseudo_build
    pdf = tmp_path / "kit.pdf"
    pdf.write_bytes(rendered.files["media-kit.pdf"])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "[" in text
    # the PDF's lines break the creator's sentences: their words are allowed one by one (the
    # same page's HTML is checked phrase by phrase above)
    assert _untranslated(text, allowed | CREATOR_WORDS) == []
