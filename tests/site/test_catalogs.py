"""The shipped catalogs: messages.pot is up to date, and every language in the package is whole.

Languages arrive one .po at a time: these tests check whichever catalogs are shipped, so a new
language is held to the same rules the moment it is added (``scripts/catalog.py check``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mediakit.site import catalogs, i18n
from mediakit.site.format import Formatter

REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("catalog_script", REPO / "scripts/catalog.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["catalog_script"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _ids(catalog) -> set:
    return {message.id if isinstance(message.id, str) else tuple(message.id)
            for message in catalog if message.id}


def test_messages_pot_has_every_string_of_the_code_and_templates() -> None:
    """A string wrapped without `scripts/catalog.py update` would never reach a translator."""
    fresh = _script().extract()
    with catalogs.TEMPLATE.open("rb") as file:
        shipped = read_po(file)
    assert _ids(fresh) - _ids(shipped) == set(), "run: python scripts/catalog.py update"
    assert _ids(shipped) - _ids(fresh) == set(), "run: python scripts/catalog.py update"


@pytest.mark.parametrize("path", catalogs.shipped(), ids=lambda path: path.parent.parent.name)
def test_every_shipped_catalog_is_whole(path: Path) -> None:
    """No missing or fuzzy entry, the English placeholders, the language's plural forms."""
    assert catalogs.problems(path) == []


def test_english_is_shipped_and_every_catalog_compiles() -> None:
    assert "en" in i18n.available()
    for path in catalogs.shipped():
        language = path.parent.parent.name
        assert i18n.translations(language).gettext("Headline numbers")


def _catalog(tmp_path: Path, body: str, plural: str = "nplurals=2; plural=(n > 1);") -> Path:
    path = tmp_path / "xx" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
                    f'"Plural-Forms: {plural}\\n"\n\n' + body, "utf-8")
    return path


def _template(tmp_path: Path) -> Path:
    path = tmp_path / "messages.pot"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                    '#, python-format\nmsgid "Proposal for %(brand)s"\nmsgstr ""\n\n'
                    'msgid "Growth"\nmsgstr ""\n\n'
                    '#, python-format\nmsgid "%(num)d post"\nmsgid_plural "%(num)d posts"\n'
                    'msgstr[0] ""\nmsgstr[1] ""\n', "utf-8")
    return path


WHOLE = ('#, python-format\nmsgid "Proposal for %(brand)s"\nmsgstr "Proposition pour %(brand)s"\n\n'
         'msgid "Growth"\nmsgstr "Croissance"\n\n'
         '#, python-format\nmsgid "%(num)d post"\nmsgid_plural "%(num)d posts"\n'
         'msgstr[0] "%(num)d publication"\nmsgstr[1] "%(num)d publications"\n')


def test_the_check_passes_a_whole_catalog(tmp_path: Path) -> None:
    assert catalogs.problems(_catalog(tmp_path, WHOLE), _template(tmp_path)) == []


@pytest.mark.parametrize(("broken", "expected"), [
    (WHOLE.replace('msgid "Growth"\nmsgstr "Croissance"\n\n', ""), "xx: missing: 'Growth'"),
    (WHOLE.replace('msgid "Growth"', '#, fuzzy\nmsgid "Growth"'), "xx: fuzzy: 'Growth'"),
    (WHOLE.replace('"Croissance"', '""'), "xx: untranslated: 'Growth'"),
    (WHOLE.replace("pour %(brand)s", "pour %(marque)s"),
     "xx: placeholders differ from the English: 'Proposal for %(brand)s'"),
    (WHOLE.replace('msgstr[1] "%(num)d publications"\n', ""),
     "xx: untranslated: '%(num)d post'"),  # a plural form left out is an empty one
    (WHOLE.replace('"%(num)d publications"', '"%(count)d publications"'),
     "xx: placeholders differ from the English: '%(num)d post'"),
])
def test_the_check_finds_each_kind_of_problem(tmp_path: Path, broken: str, expected: str) -> None:
    assert catalogs.problems(_catalog(tmp_path, broken), _template(tmp_path)) == [expected]


def test_a_plural_form_may_leave_the_count_out(tmp_path: Path) -> None:
    """French "une publication" for 1: the count is in the word, not a placeholder."""
    one = WHOLE.replace('msgstr[0] "%(num)d publication"', 'msgstr[0] "une publication"')
    assert catalogs.problems(_catalog(tmp_path, one), _template(tmp_path)) == []


def test_a_catalog_with_more_plural_forms_is_checked_against_its_own_header(tmp_path: Path) -> None:
    """Arabic has six forms: six are whole, two leave four untranslated."""
    arabic = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 " \
             ": n%100>=11 ? 4 : 5);"
    six = WHOLE.replace('msgstr[1] "%(num)d publications"',
                        "\n".join(f'msgstr[{i}] "%(num)d p{i}"' for i in range(1, 6)))
    assert catalogs.problems(_catalog(tmp_path, six, arabic), _template(tmp_path)) == []
    two = _catalog(tmp_path / "two", WHOLE, arabic)
    assert catalogs.problems(two, _template(tmp_path)) == [
        "xx: untranslated: '%(num)d post'"]


def test_a_formatter_speaks_the_catalog_with_plurals_and_placeholders(tmp_path: Path) -> None:
    path = _catalog(tmp_path, WHOLE)
    fmt = Formatter("fr_FR", catalog=i18n.translations("xx", locale_dir=tmp_path))
    assert path.is_file()
    assert fmt.gettext("Proposal for %(brand)s", brand="Liffey") == "Proposition pour Liffey"
    assert fmt.ngettext("%(num)d post", "%(num)d posts", 1) == "1 publication"
    assert fmt.ngettext("%(num)d post", "%(num)d posts", 2) == "2 publications"
    assert fmt.gettext("Not in the catalog") == "Not in the catalog"
