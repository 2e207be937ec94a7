"""The analytics' values in the reader's words: keys and rules the core states, translated here.

The analytics core stays pure and language-free: it names a rate's denominator ("view"), a
benchmark band ("above average"), a window's rule ("last 30 posts"). This module turns each into
a sentence part of the page's language through the catalog, with its numbers re-inserted as
placeholders, so no page glues English words from the core into a translated sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from mediakit.site.i18n import N_

if TYPE_CHECKING:
    from mediakit.site.format import Formatter

DENOMINATORS = {"view": N_("view"), "follower": N_("follower"), "reach": N_("reach")}
PER_DENOMINATOR = {"view": N_("Engagement per view"), "follower": N_("Engagement per follower"),
                   "reach": N_("Engagement per reach")}
INTERACTIONS = {"likes": N_("likes"), "comments": N_("comments"), "shares": N_("shares"),
                "saves": N_("saves")}
BANDS = {"low": N_("low"), "below average": N_("below average"), "average": N_("average"),
         "above average": N_("above average"), "high": N_("high")}
DIMENSIONS = {"gender": N_("Gender"), "age": N_("Age"), "country": N_("Country"),
              "city": N_("City")}
GENDERS = {"female": N_("Female"), "male": N_("Male"), "other": N_("Other"),
           "unknown": N_("Unknown")}
FACETS = {"hashtag": N_("hashtag"), "sound": N_("sound"), "duration": N_("duration"),
          "kind": N_("kind"), "sponsored": N_("sponsored")}
# Words the core and its shipped tables write, shown as they are in English: marked here so the
# catalog has them, translated where the page shows them (the ``tr`` filter).
CORE_WORDS = (
    N_("Engagement per view"), N_("Engagement per follower"), N_("Engagement per reach"),
    N_("All interactions per view"), N_("Likes per view"), N_("Comments per view"),
    N_("Shares per view"), N_("Saves per view"),
    N_("median interactions per post ÷ median views per post"),
    N_("median interactions per post ÷ followers on the as-of day"),
    N_("median interactions per post ÷ median accounts reached per post"),
    N_("sum of interactions ÷ sum of views (views-weighted)"),
    N_("sum of likes ÷ sum of views"), N_("sum of comments ÷ sum of views"),
    N_("sum of shares ÷ sum of views"), N_("sum of saves ÷ sum of views"),
    N_("sum of interactions ÷ sum of views over every post known (views-weighted)"),
    N_("Video views"), N_("Profile views"), N_("Likes"), N_("Comments"), N_("Shares"),
    N_("New viewers"), N_("Returning viewers"), N_("Followers gained"), N_("Posts published"),
    N_("Median views of posts published"),
    N_("no follower count"), N_("no daily video views"),
    N_("daily video views do not cover the 30 days"),
    N_("niche"), N_("audience region"), N_("engagement"), N_("usage rights"),
    N_("exclusivity"), N_("no niche in the profile"), N_("no audience country data"),
    N_("no benchmark for this platform and tier"),
    N_("video"), N_("reel"), N_("story"), N_("carousel"), N_("short"), N_("image"),
    N_("sponsored"), N_("organic"), N_("under 15 s"), N_("15–30 s"), N_("30–60 s"),
    N_("1–3 min"), N_("3–10 min"), N_("10 min +"),
    # the shipped tables (mediakit/analytics/data/*.csv): what their rows are called
    N_("engagements: \"likes + comments etc.\" in the source's words"),
    N_("median engagements of the last 30 posts ÷ followers"),
    N_("median engagements of the last 30 posts ÷ median views of the same posts"),
    N_("technology"), N_("finance"), N_("business"), N_("fashion"), N_("beauty"),
    N_("fitness"), N_("food"), N_("travel"), N_("gaming"), N_("education"),
    N_("entertainment"), N_("lifestyle"), N_("parenting"), N_("health"), N_("automotive"),
    N_("real estate"), N_("luxury"), N_("pets"), N_("sports"),
    N_("United States & Canada"), N_("UK & Western Europe"), N_("Australia & New Zealand"),
    N_("Gulf states"), N_("Saudi Arabia"), N_("Latin America"), N_("South Asia"),
    N_("Southeast Asia"), N_("other countries"), N_("organic only"),
    N_("paid usage 30 days"), N_("none"), N_("category exclusivity 30 days"),
    N_("integration"), N_("dedicated video"),
)

_LAST_POSTS = re.compile(r"last (\d+) posts")
_LAST_DAYS = re.compile(r"last (\d+) days")
_VIRAL = re.compile(r"more than ([\d.]+) × the typical \(median\) views of recent posts")
_TIER = re.compile(r"(.+) followers")


def tr(fmt: Formatter, text: object) -> str:
    """A core or table string in the reader's language when the catalog has it, else as it is."""
    return fmt.catalog.gettext(str(text)) if text else ""


def denominator_name(fmt: Formatter, key: str) -> str:
    return tr(fmt, DENOMINATORS.get(key, key))


def per_denominator_label(fmt: Formatter, key: str) -> str:
    """"Engagement per view", the label of a rate by what it divides by."""
    if key in PER_DENOMINATOR:
        return fmt.gettext(PER_DENOMINATOR[key])
    return fmt.gettext("Engagement per %(denominator)s", denominator=key)


def numerator_name(fmt: Formatter, text: str) -> str:
    """"likes + comments + shares", each interaction in the reader's words."""
    return " + ".join(tr(fmt, INTERACTIONS.get(part, part)) for part in text.split(" + "))


def band_name(fmt: Formatter, band: str) -> str:
    return tr(fmt, BANDS.get(band, band))


def tier_name(fmt: Formatter, tier: str) -> str:
    """"10K–50K followers" in the reader's words (the bounds are written as numbers)."""
    found = _TIER.fullmatch(tier)
    if found:
        return fmt.gettext("%(range)s followers", range=found.group(1))
    return tier


def dimension_name(fmt: Formatter, dimension: str) -> str:
    return tr(fmt, DIMENSIONS.get(dimension, dimension.title()))


def gender(fmt: Formatter, segment: str) -> str:
    key = str(segment).strip().lower()
    return tr(fmt, GENDERS[key]) if key in GENDERS else str(segment).title()


def facet_name(fmt: Formatter, facet: str) -> str:
    return tr(fmt, FACETS.get(facet, facet))


def window_rule(fmt: Formatter, window: Any) -> str:
    """The recent window's rule: "last 30 posts", "last 90 days", "posts with a view count"."""
    rule = window.rule
    if found := _LAST_POSTS.fullmatch(rule):
        count = int(found.group(1))
        return fmt.ngettext("last post", "last %(num)d posts", count)
    if found := _LAST_DAYS.fullmatch(rule):
        count = int(found.group(1))
        return fmt.ngettext("last day", "last %(num)d days", count)
    return tr(fmt, {"posts with a view count": N_("posts with a view count"),
                    "all posts": N_("all posts")}.get(rule, rule))


def viral_rule(fmt: Formatter, virality: Any) -> str:
    """"more than 5 × the typical (median) views of recent posts"."""
    if found := _VIRAL.fullmatch(virality.rule):
        return fmt.gettext("more than %(times)s × the typical (median) views of recent posts",
                           times=fmt.number(float(found.group(1)), 0)
                           if float(found.group(1)).is_integer() else found.group(1))
    return tr(fmt, virality.rule)


def assumption_text(fmt: Formatter, match: Any) -> str:
    """An audience match's assumptions, each in the reader's words."""
    parts = []
    for note in match.assumption.split("; "):
        if note.startswith("upper bound: no data for "):
            names = [dimension_name(fmt, name).lower()
                     for name in note.removeprefix("upper bound: no data for ").split(", ")]
            parts.append(fmt.gettext("upper bound: no data for %(dimensions)s",
                                     dimensions=", ".join(names)))
        elif note.startswith("self-reported by the creator: "):
            names = [dimension_name(fmt, name).lower()
                     for name in note.removeprefix("self-reported by the creator: ").split(", ")]
            parts.append(fmt.gettext("self-reported by the creator: %(dimensions)s",
                                     dimensions=", ".join(names)))
        else:
            parts.append(tr(fmt, {
                "dimensions treated as independent": N_("dimensions treated as independent"),
                "age segments cut by the target counted in proportion to their years":
                    N_("age segments cut by the target counted in proportion to their years"),
            }.get(note, note)))
    return "; ".join(parts)


_OVER = re.compile(r"over (\d+) and (\d+) posts with a view count")
_DELIVERABLE = re.compile(r"(\d+) (\w+?)s?(, organic only| \+ paid usage rights \(30 days\)"
                          r"| \+ category exclusivity \(30 days\))")
_DELIVERABLE_KINDS = {
    ", organic only": N_("%(what)s, organic only"),
    " + paid usage rights (30 days)": N_("%(what)s + paid usage rights (30 days)"),
    " + category exclusivity (30 days)": N_("%(what)s + category exclusivity (30 days)"),
}


def _format_count(fmt: Formatter, name: str, count: int) -> str | None:
    """"3 videos": a deliverable's format and how many, as the language counts them."""
    if name == "video":
        return fmt.ngettext("%(num)d video", "%(num)d videos", count)
    if name == "reel":
        return fmt.ngettext("%(num)d reel", "%(num)d reels", count)
    if name == "integration":
        return fmt.ngettext("%(num)d integration", "%(num)d integrations", count)
    return None


def note_text(fmt: Formatter, note: str) -> str:
    """A comparison row's note ("over 12 and 9 posts with a view count")."""
    if found := _OVER.fullmatch(note):
        return fmt.gettext("over %(now)s and %(before)s posts with a view count",
                           now=found.group(1), before=found.group(2))
    return tr(fmt, note)


def deliverable_name(fmt: Formatter, label: str) -> str:
    """A suggested deliverable ("3 videos, organic only") in the reader's words."""
    found = _DELIVERABLE.fullmatch(label)
    what = _format_count(fmt, found.group(2), int(found.group(1))) if found else None
    if found is None or what is None:
        return tr(fmt, label)
    return fmt.gettext(_DELIVERABLE_KINDS[found.group(3)], what=what)


def formula_text(fmt: Formatter, advice: Any, item: Any) -> str:
    """How a suggested price is computed, its numbers in the reader's formats."""
    found = _DELIVERABLE.fullmatch(item.deliverable)
    count = int(found.group(1)) if found else 1
    factors = " × ".join(f"{fmt.number(value, 2)} {tr(fmt, key)}"
                         for key, value in item.multipliers.items())
    values = {"views": fmt.number(advice.expected_views), "thousand": fmt.number(1000),
              "low": fmt.number(advice.cpm_low, 2), "high": fmt.number(advice.cpm_high, 2),
              "currency": advice.currency, "factors": factors}
    if count != 1:
        return fmt.gettext("%(count)s × %(views)s views ÷ %(thousand)s × %(low)s–%(high)s "
                           "%(currency)s CPM × %(factors)s", count=fmt.number(count), **values)
    return fmt.gettext("%(views)s views ÷ %(thousand)s × %(low)s–%(high)s %(currency)s CPM × "
                       "%(factors)s", **values)


_NICHE = re.compile(r"niche '(.*)' \((.*)\)")
_NO_NICHE = re.compile(r"no factor listed for niche '(.*)'")
_REGION = re.compile(r"audience countries weighted by share \((\d+)% of the audience known\)")
_BAND = re.compile(r"engagement (.+?)( for the tier)?")
_FX_MISSING = re.compile(r"shown in (\w+): mediakit has no exchange rate for the rate card's")
_FX = re.compile(r"(\w+) table converted at 1 (\w+) = ([\d.]+) (\w+) \((.*), (.*)\)")


def factor_note(fmt: Formatter, note: str) -> str:
    """Why a rate factor is what it is, in the reader's words."""
    if found := _NICHE.fullmatch(note):
        return fmt.gettext("niche ‘%(niche)s’ (%(key)s)", niche=found.group(1),
                           key=tr(fmt, found.group(2)))
    if found := _NO_NICHE.fullmatch(note):
        return fmt.gettext("no factor listed for niche ‘%(niche)s’", niche=found.group(1))
    if found := _REGION.fullmatch(note):
        return fmt.gettext("audience countries weighted by share (%(share)s of the audience "
                           "known)", share=fmt.percent(int(found.group(1)) / 100, 0))
    if (found := _BAND.fullmatch(note)) and found.group(1) in BANDS:
        text = N_("engagement %(band)s for the tier") if found.group(2) \
            else N_("engagement %(band)s")
        return fmt.gettext(text, band=band_name(fmt, found.group(1)))
    return tr(fmt, note)


def fx_text(fmt: Formatter, note: str) -> str:
    """The exchange-rate note of suggested prices."""
    if found := _FX_MISSING.fullmatch(note):
        return fmt.gettext("shown in %(currency)s: mediakit has no exchange rate for the rate "
                           "card’s", currency=found.group(1))
    if found := _FX.fullmatch(note):
        table, base, rate, quote, source, date = found.groups()
        return fmt.gettext("%(table)s table converted at 1 %(base)s = %(rate)s %(quote)s "
                           "(%(source)s, %(date)s)", table=table, base=base, rate=rate,
                           quote=quote, source=source, date=fmt.dated(date))
    return tr(fmt, note)


def weekday_names(fmt: Formatter) -> list[str]:
    """Monday to Sunday, in the reader's language (Babel's names, capitalised for a table)."""
    names = fmt.language_locale.days["format"]["wide"]
    return [names[day][:1].upper() + names[day][1:] for day in range(7)]


def install(env: Any, fmt: Formatter) -> None:
    """Put these words into a Jinja environment, bound to ``fmt``'s language."""
    def bound(function: Any) -> Any:
        return lambda *args: function(fmt, *args)

    for name, function in (("tr", tr), ("gender", gender), ("dimension_name", dimension_name)):
        env.filters[name] = bound(function)
    for function in (denominator_name, per_denominator_label, numerator_name,
                     band_name, tier_name, dimension_name, facet_name, window_rule, viral_rule,
                     assumption_text, note_text, deliverable_name, formula_text, factor_note,
                     fx_text):
        env.globals[function.__name__] = bound(function)
    env.globals["weekday_names"] = weekday_names(fmt)
