"""The interface's catalogs: extract the English, add or update a language, check one.

    python scripts/catalog.py extract        # templates/ and mediakit/ -> messages.pot (+ en)
    python scripts/catalog.py init it        # a new language: locale/it/LC_MESSAGES/messages.po
    python scripts/catalog.py update         # every .po gains the new messages (as untranslated)
    python scripts/catalog.py check fr de    # what is missing, fuzzy or broken (exit 1 if any)

The same as ``pybabel extract -F babel.cfg`` / ``init`` / ``update``, written with Babel's API
so the files carry no creation date and the same sources always give the same bytes. English is
the source language: its catalog repeats each message as its own translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mediakit.site import catalogs  # noqa: E402
from mediakit.site.i18n import DOMAIN, LOCALE_DIR, catalog_path  # noqa: E402

METHODS = [("mediakit/**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {"templates/**.html": {"trimmed": "true"}}
HEADER = "The interface of mediakit, in {language}. See docs/languages.md."


def _catalog(locale: str | None = None) -> Catalog:
    return Catalog(locale=locale, domain=DOMAIN, project="mediakit", version="",
                   copyright_holder="mediakit contributors", msgid_bugs_address="",
                   creation_date=None, revision_date=None, fuzzy=False,
                   header_comment=f"# {HEADER.format(language=locale or 'English (template)')}")


def extract() -> Catalog:
    """Every translatable message of the package's code and default theme."""
    template = _catalog()
    for folder, method in (("mediakit", "python"), ("templates", "jinja2")):
        pattern = [(f"**.{'py' if method == 'python' else 'html'}", method)]
        options = {pattern[0][0]: {"trimmed": "true"}} if method == "jinja2" else {}
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, pattern, options_map=options, keywords=_keywords()):
            template.add(message, locations=[(f"{folder}/{filename}", lineno)],
                         auto_comments=comments, context=context)
    return template


def _keywords() -> dict:
    from babel.messages.extract import DEFAULT_KEYWORDS

    return dict(DEFAULT_KEYWORDS)


def write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog, width=100, no_location=True, omit_header=False,
                 sort_output=True, sort_by_file=False, include_previous=False)
    text = path.read_text("utf-8")
    lines = [line for line in text.splitlines(keepends=True)
             if not line.startswith(('"POT-Creation-Date:', '"PO-Revision-Date:',
                                     '"Generated-By:'))]
    path.write_text("".join(lines), "utf-8")


def english(template: Catalog) -> Catalog:
    """The source language's catalog: every message is its own translation."""
    catalog = _catalog("en")
    for message in template:
        if message.id:
            string = message.id if isinstance(message.id, str) else tuple(message.id)
            catalog.add(message.id, string, locations=message.locations,
                        flags=message.flags - {"fuzzy"}, context=message.context)
    return catalog


def update(language: str, template: Catalog) -> None:
    path = catalog_path(language)
    with path.open("rb") as file:
        catalog = read_po(file, locale=language)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    write(catalog, path)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("extract", "init", "update", "check"):
        print(__doc__)
        return 2
    command, languages = argv[0], argv[1:]
    if command == "check":
        found = [line for name in languages or [p.parent.parent.name for p in catalogs.shipped()]
                 for line in catalogs.problems(catalog_path(name))]
        print("\n".join(found) if found else "every catalog checked is whole")
        return 1 if found else 0
    template = extract()
    write(template, LOCALE_DIR / f"{DOMAIN}.pot")
    write(english(template), catalog_path("en"))
    if command == "init":
        for language in languages:
            Locale.parse(language)  # an unknown language code stops here
            catalog = _catalog(language)
            catalog.update(template, no_fuzzy_matching=True)
            write(catalog, catalog_path(language))
    if command in ("update", "init"):
        for path in catalogs.shipped():
            if path.parent.parent.name != "en":
                update(path.parent.parent.name, template)
    print(f"{len([m for m in template if m.id])} messages in messages.pot")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
