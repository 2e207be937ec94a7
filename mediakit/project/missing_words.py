"""What the creator has not written yet in each language the kit is built in (for ``check``).

A kit in French with an English tagline still builds (the tagline falls back to the default
language), so these are notes, not errors: for each language of ``site.language`` and
``site.languages``, the profile fields with no text in it (with their line, so the creator can
find them) and the Markdown pages with no ``<page>.<language>.md``; and a ``<page>.<language>.md``
with no default page beside it, which no build ever shows.
"""

from __future__ import annotations

import functools
from pathlib import Path

from mediakit.project import languages
from mediakit.project.profile import Profile
from mediakit.project.validation_errors import dotted
from mediakit.project.yaml_lines import read_with_lines

__all__ = ["built_in", "missing_words"]


def built_in(profile: Profile) -> list[str]:
    """The languages the kit is built in: the default one first, then ``site.languages``."""
    codes = [profile.site.language, *profile.site.languages]
    seen: dict[str, str] = {}
    for code in codes:
        seen.setdefault(languages.normalise(code), code)
    return list(seen.values())


@functools.cache
def language_name(code: str) -> str:
    """fr -> "French (fr)": the language named in English, like every terminal message."""
    from babel import Locale  # babel is slow to import; only when needed

    try:
        return f"{Locale.parse(code.replace('-', '_')).english_name} ({code})"
    except Exception:  # a code Babel does not know: say the code
        return code


def missing_words(profile: Profile, profile_file: Path, content_dir: Path,
                  shown_as: str = "content/profile.yaml") -> list[str]:
    """One note per language and file: the profile's fields, then the pages."""
    default = profile.site.language
    _, lines = read_with_lines(profile_file)
    pages = languages.pages(content_dir / "pages")
    notes = []
    for language in built_in(profile):
        name = language_name(language)
        if language != default:
            fallback, how = "in the default language", f"as {{{default}: ..., {language}: ...}}"
        else:
            fallback, how = "in another language", f"a {language}: variant each"
        fields = [f"{dotted(where)} (line {lines[where]})" if where in lines else dotted(where)
                  for where in profile.missing_in(language, default)]
        if fields:
            notes.append(f"{shown_as}: no {name} text for {', '.join(fields)}; the kit in "
                         f"{language} shows them {fallback} (give them {how}, see "
                         "docs/languages.md)")
        if language == default:
            continue
        untranslated = [page.name for page in pages if languages.page_in(page, language) == page]
        if untranslated:
            example = Path(untranslated[0])
            notes.append(f"content/pages: no {name} version of {', '.join(untranslated)}; the "
                         f"kit in {language} shows the default one (write "
                         f"{example.stem}.{language}.md beside {example.name})")
    stems = {page.stem for page in pages}
    for stem, written in languages.variants(content_dir / "pages").items():
        if stem not in stems:
            for path in written.values():
                notes.append(f"content/pages/{path.name}: there is no {stem}.md beside it, so it "
                             "is never published (a page in another language needs the default "
                             f"one: write {stem}.md, or rename this file)")
    return notes
