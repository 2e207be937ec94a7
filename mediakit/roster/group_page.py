"""The group kit: a collective's own page, stats.json, share picture and PDF at the roster's root.

The numbers come from mediakit.roster.group (sums of the members' own headlines); this module
only reads the group's files (logo, about page), formats and renders. The files the group names
are read before any member is built (``read_inputs``), so a misspelt logo fails in a second, not
after every kit. The agency table moves to ``roster.html`` for a group; roster.json stays.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mediakit import __version__
from mediakit.errors import MediakitError
from mediakit.project.limits import checked_svg
from mediakit.project.paths import inside
from mediakit.roster.group import OVERLAP_NOTE, GroupFigures, Member, combine, member
from mediakit.site import preview
from mediakit.site.format import MISSING, Formatter
from mediakit.site.palette import TEXT, WHITE, palette, readable

if TYPE_CHECKING:
    from mediakit.roster.model import Group, Outcome, RosterFile

PREVIEW = "assets/preview.png"
PDF_NAME = "media-kit.pdf"


@dataclass(frozen=True)
class Inputs:
    """The group's own files, read and checked: the logo's site path and bytes, the about HTML."""

    logo_path: str | None
    logo: bytes | None
    about_html: str


def read_inputs(group: Group, roster_file: Path) -> Inputs:
    """The logo (kept inside the roster's folder, an SVG checked as an avatar is) and about text."""
    from mediakit.site.pagetext import markdown

    base = roster_file.parent
    logo_path, logo = None, None
    if group.logo:
        path = _file(base, group.logo, roster_file, "group.logo")
        if path.suffix.lower() not in preview.MIME:
            raise MediakitError(f"the logo {group.logo!r} is not a picture", file=roster_file,
                                field="group.logo", hint="use a .svg, .png, .jpg or .webp file")
        logo = path.read_bytes()
        if path.suffix.lower() == ".svg":
            logo = checked_svg(logo, name=group.logo, file=roster_file, field="group.logo")
        logo_path = f"assets/logo{path.suffix.lower()}"
    text = group.about or ""
    if group.about_page:
        path = _file(base, group.about_page, roster_file, "group.about_page")
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError as exc:
            raise MediakitError("is not UTF-8 text", file=path,
                                hint="save the page as UTF-8") from exc
    return Inputs(logo_path, logo, markdown().render(text) if text.strip() else "")


def _file(base: Path, relative: str, roster_file: Path, field: str) -> Path:
    path = inside(base, relative, file=roster_file, field=field)
    if not path.is_file():
        raise MediakitError(f"file {relative!r} not found beside the roster file",
                            file=roster_file, field=field,
                            hint="check the spelling, or remove the line")
    return path


def members_of(outcomes: list[Outcome]) -> list[Member]:
    """Each outcome as a group member; a failed one is named from its profile when it can be."""
    return [member(o.slug, o.summary, name=o.summary.get("name") or _name(o), ages=o.ages,
                   error=o.error) for o in outcomes]


def _name(outcome: Outcome) -> str:
    """A failed member's name: the profile's ``name:`` if the file reads, else the slug."""
    import yaml

    try:
        text = (outcome.project_dir / "content" / "profile.yaml").read_text("utf-8")
        name = yaml.safe_load(text).get("name")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError):
        return outcome.slug
    return name.strip() if isinstance(name, str) and name.strip() else outcome.slug


def group_files(roster: RosterFile, outcomes: list[Outcome], roster_dir: Path,
                inputs: Inputs, *, pdf: bool = False) -> dict[str, bytes]:
    """index.html (the group kit), stats.json, the share picture, the logo, and the PDF."""
    from mediakit.site.render import environment

    group = roster.group
    assert group is not None
    members = members_of(outcomes)
    figures = combine(members)
    formatter = Formatter("en_US")
    env = environment(roster_dir, formatter)  # a group may override group.html
    colours = palette(group.colors.primary, group.colors.accent,
                      keys=("group.colors.primary", "group.colors.accent"))
    html = env.get_template("group.html").render(
        group=group, figures=figures, members=members, palette=colours, inputs=inputs,
        overlap=OVERLAP_NOTE, version=__version__, preview=PREVIEW,
        description=describe(group, figures, formatter),
    )
    files: dict[str, bytes] = {
        "index.html": html.encode("utf-8"),
        "assets/group.css": env.get_template("group.css").render().encode("utf-8"),
        "stats.json": stats_json(group, figures, members),
        PREVIEW: preview.png(card(group, figures, formatter, inputs)),
    }
    if inputs.logo_path and inputs.logo is not None:
        files[inputs.logo_path] = inputs.logo
    if pdf:
        from mediakit.site.pdf import render_pdf

        files[PDF_NAME] = render_pdf(files, base_url=str(group.base_url or "") or None)
    return files


def describe(group: Group, figures: GroupFigures, formatter: Formatter) -> str:
    """One sentence for link previews: who, how many members, how many followers together."""
    parts = [group.tagline or formatter.gettext("Group media kit"),
             formatter.ngettext("%(num)d creator", "%(num)d creators", len(figures.counted))]
    if figures.followers is not None:
        parts.append(formatter.gettext("%(followers)s combined followers",
                                       followers=formatter.compact(figures.followers)))
    return " · ".join(parts)


def card(group: Group, figures: GroupFigures, formatter: Formatter, inputs: Inputs) -> preview.Card:
    """The share picture: the group's name and its combined numbers, as the page shows them."""
    stats = [(formatter.compact(figures.followers), formatter.gettext("combined followers")),
             (formatter.compact(figures.views_30d), formatter.gettext("video views, last 30 days")),
             (str(len(figures.counted)), formatter.ngettext("creator", "creators",
                                                            len(figures.counted)))]
    shown = [(value, label) for value, label in stats if value != MISSING]
    base = preview.Card(
        name=group.name, tagline=group.tagline or "", stats=shown,
        handle=formatter.ngettext("%(num)d creator", "%(num)d creators", len(figures.counted)),
        footer=formatter.gettext("Group media kit · data as of %(day)s",
                                 day=formatter.day(figures.as_of)),
        primary=readable(group.colors.primary, (WHITE,), TEXT) or group.colors.primary,
        accent=readable(group.colors.accent, (WHITE,), TEXT) or group.colors.accent,
    )
    if inputs.logo is None or inputs.logo_path is None:
        return base
    kind = preview.MIME.get(Path(inputs.logo_path).suffix, "")
    return dataclasses.replace(base, avatar=inputs.logo, avatar_type=kind)


def stats(group: Group, figures: GroupFigures, members: list[Member]) -> dict[str, Any]:
    """The group's stats.json: combined numbers, the audience, and each member's headline."""
    return {
        "schema_version": 1,
        "kind": "group",
        "name": group.name,
        "as_of": figures.as_of,
        "combined": {
            "followers": figures.followers,
            "followers_by_platform": figures.followers_by_platform,
            "views_30d": figures.views_30d,
            "views_30d_by_platform": figures.views_30d_by_platform,
            "left_out": [{"member": who, "platform": platform, "reason": why}
                         for who, platform, why in figures.left_out],
            "note": OVERLAP_NOTE,
        },
        "audience": {
            a.platform: {"gender": a.gender, "countries": a.countries, "age": a.age,
                         "age_note": a.age_note, "gender_from": a.gender_from,
                         "countries_from": a.countries_from, "age_from": a.age_from,
                         "method": a.method}
            for a in figures.audiences
        },
        "members": [
            {"slug": m.slug, "name": m.name, "as_of": m.as_of, "lead_platform": m.lead_platform,
             "headline": m.headlines, "stale": m.slug in figures.stale, "error": m.error}
            for m in members
        ],
        "missing": figures.missing,
        "best_posts": figures.best_posts,
    }


def stats_json(group: Group, figures: GroupFigures, members: list[Member]) -> bytes:
    """Stable bytes, as a creator's stats.json: sorted keys, two-space indent, a final newline."""
    text = json.dumps(stats(group, figures, members), indent=2, sort_keys=True,
                      ensure_ascii=False)
    return (text + "\n").encode("utf-8")
