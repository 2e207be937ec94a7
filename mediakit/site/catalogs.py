"""What makes a shipped catalog whole: the checks a new or updated language must pass.

A language is one ``.po`` file; ``scripts/catalog.py check <lang>`` runs these checks, and so do
the tests for every catalog in the package. A catalog is whole when every message of
``messages.pot`` has a translation that is not fuzzy, keeps the English placeholders (a
``%(name)s`` lost or renamed would fail the page at build time), and has as many plural forms
as the language's Plural-Forms header says.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from mediakit.site.i18n import DOMAIN, LOCALE_DIR

TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[#0\- +]*\d*(?:\.\d+)?([sdifr%])")


def placeholders(text: str) -> set[str]:
    """The named placeholders of a python-format string ("%%" is a percent sign, not one)."""
    return {f"%({name}){kind}" for name, kind in _PLACEHOLDER.findall(text) if kind != "%"}


def load(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def problems(po_path: Path, template_path: Path = TEMPLATE) -> list[str]:
    """Everything wrong with one catalog, one line each (empty when the catalog is whole)."""
    template = load(template_path)
    catalog = load(po_path)
    found: list[str] = []
    name = po_path.parent.parent.name
    expected_forms = catalog.num_plurals
    for message in template:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            found.append(f"{name}: missing: {key!r}")
            continue
        if entry.fuzzy:
            found.append(f"{name}: fuzzy: {key!r}")
        strings = list(entry.string) if isinstance(entry.string, (tuple, list)) \
            else [entry.string]
        if any(not text for text in strings):
            found.append(f"{name}: untranslated: {key!r}")
            continue
        if isinstance(message.id, (tuple, list)):
            if len(strings) != expected_forms:
                found.append(f"{name}: {len(strings)} plural forms, the header says "
                             f"{expected_forms}: {key!r}")
            wanted = placeholders(message.id[0]) | placeholders(message.id[1])
            for text in strings:  # a form may leave the count out ("un jour"), nothing else
                if not placeholders(text) <= wanted or \
                        wanted - {"%(num)d"} - placeholders(text) - _count_names(message.id):
                    found.append(f"{name}: placeholders differ from the English: {key!r}")
                    break
        elif placeholders(strings[0]) != placeholders(key):
            found.append(f"{name}: placeholders differ from the English: {key!r}")
    for entry in catalog:
        if entry.id and template.get(entry.id, context=entry.context) is None \
                and not entry.obsolete:
            key = entry.id if isinstance(entry.id, str) else entry.id[0]
            found.append(f"{name}: not in messages.pot (run scripts/catalog.py update): {key!r}")
    return found


def _count_names(ids: tuple[str, ...] | list[str]) -> set[str]:
    """The placeholder that carries the count in a plural message: one form may leave it out."""
    return {p for p in placeholders(ids[1]) if p.startswith(("%(num)", "%(count)"))}


def shipped() -> list[Path]:
    """Every catalog in the package."""
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
