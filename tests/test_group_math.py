"""A group's combined numbers (mediakit/roster/group.py), worked out by hand on three members."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediakit.roster.group import OVERLAP_NOTE, combine, member, weighted


def summary(as_of: str, platforms: dict, counted: list[str]) -> dict:
    """A stats.json summary with only what a group reads (headline, audience, top posts)."""
    out = {}
    for name, (followers, views, gender, countries, posts) in platforms.items():
        out[name] = {"headline": {"followers": followers, "views_30d": views,
                                  "median_views": 1000.0,
                                  "engagement": {"value": 0.05, "denominator": "view"}},
                     "followers": followers,
                     "audience": {"gender": gender, "countries": countries},
                     "top_posts": posts}
    return {"as_of": as_of, "lead_platform": next(iter(platforms)), "platforms": out,
            "combined": {"views_30d_by_platform": {p: platforms[p][1] for p in counted}}}


def post(url: str, views: int) -> dict:
    return {"url": url, "title": url.rsplit("/", 1)[-1], "views": views}


@pytest.fixture
def members():
    ada = member("ada", summary("2026-11-16", {
        "tiktok": (40_000, 500_000, {"female": 0.7, "male": 0.3}, {"US": 0.5, "GB": 0.5},
                   [post("https://t.example/a1", 900_000), post("https://t.example/a2", 50_000)]),
        # a 28-day Instagram export: its 30-day views are not summed
        "instagram": (10_000, 20_000, {}, {}, [post("https://i.example/a3", 70_000)]),
    }, counted=["tiktok"]), name="Ada", ages={"tiktok": {"18-24": 0.6, "25-34": 0.4}})
    bo = member("bo", summary("2026-11-16", {
        "tiktok": (10_000, 100_000, {"female": 0.5, "male": 0.4, "other": 0.1},
                   {"US": 0.2, "DE": 0.8}, [post("https://t.example/b1", 60_000)]),
    }, counted=["tiktok"]), name="Bo", ages={"tiktok": {"18-24": 0.2, "25-34": 0.8}})
    cy = member("cy", summary("2026-11-02", {
        "tiktok": (50_000, 300_000, {"female": 0.4, "male": 0.6}, {},
                   [post("https://t.example/c1", 80_000)]),
    }, counted=["tiktok"]), name="Cy")
    return ada, bo, cy


def test_combined_followers_are_the_sum_of_the_members_headline_followers(members):
    figures = combine(list(members))
    assert figures.followers_by_platform == {"instagram": 10_000, "tiktok": 100_000}
    assert figures.followers == 40_000 + 10_000 + 10_000 + 50_000 == 110_000


def test_views_add_only_where_the_member_s_own_combined_rule_counts_them(members):
    figures = combine(list(members))
    assert figures.views_30d_by_platform == {"tiktok": 900_000}
    assert figures.views_30d == 900_000
    assert figures.left_out == [("Ada", "instagram",
                                 "daily video views do not cover the 30 days")]


def test_gender_and_countries_are_weighted_by_followers(members):
    tiktok = combine(list(members)).audiences[1]
    assert tiktok.platform == "tiktok"
    # (40K×0.7 + 10K×0.5 + 50K×0.4) ÷ 100K = 0.53; male (12K + 4K + 30K) ÷ 100K = 0.46
    assert tiktok.gender == {"female": 0.53, "male": 0.46, "other": 0.01}
    # Cy has no country split: over Ada and Bo only (50K): US (20K + 2K) ÷ 50K
    assert tiktok.countries == {"US": 0.44, "GB": 0.4, "DE": 0.16}
    assert tiktok.gender_from == ["Ada", "Bo", "Cy"] and tiktok.countries_from == ["Ada", "Bo"]


def test_age_is_left_out_when_one_member_lacks_it(members):
    tiktok = combine(list(members)).audiences[1]
    assert tiktok.age is None and tiktok.age_from == []
    assert tiktok.age_note == "left out: no exported age split for Cy"  # stats.json, English
    assert tiktok.age_lacking == ("Cy",)  # the page words it in the reader's language


def test_the_missing_age_note_is_translated_with_the_members_named(tmp_path):
    from jinja2 import Environment

    from mediakit.site.i18n import translations

    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_translations(translations("fr"), newstyle=True)
    line = next(line for line in (Path(__file__).parents[1] / "templates/group.html")
                .read_text("utf-8").splitlines() if "a.age_lacking" in line)
    page = env.from_string("{% for a in [audience] %}" + line.strip() + "{% endfor %}").render(
        audience={"age_lacking": ("Cy", "Dee & Co"), "age_note": "left out"})
    assert "Âge non pris en compte" in page and "Cy, Dee &amp; Co" in page


def test_age_is_weighted_when_every_member_has_it(members):
    ada, bo, _ = members
    tiktok = combine([ada, bo]).audiences[1]
    # 18-24: (40K×0.6 + 10K×0.2) ÷ 50K = 0.52; 25-34: (16K + 8K) ÷ 50K = 0.48
    assert tiktok.age == {"18-24": 0.52, "25-34": 0.48}
    assert tiktok.age_note is None


def test_different_age_bands_are_not_mixed(members):
    ada, bo, _ = members
    other = member("dee", {**summary("2026-11-16", {"tiktok": (5, 5, {}, {}, [])}, ["tiktok"])},
                   name="Dee", ages={"tiktok": {"18-34": 1.0}})
    tiktok = combine([ada, bo, other]).audiences[1]
    assert tiktok.age is None and "different age bands" in tiktok.age_note


def test_an_older_member_is_flagged_with_its_own_day(members):
    figures = combine(list(members))
    assert figures.as_of == "2026-11-16"
    assert figures.stale == {"cy": "2026-11-02"}


def test_a_failed_member_is_missing_from_every_total(members):
    ada, bo, _ = members
    broken = member("cy", {}, name="Cy", error="Overview.csv, row 5: 'lots' is not a number")
    figures = combine([ada, bo, broken])
    assert figures.missing == ["Cy"] and figures.counted == ["Ada", "Bo"]
    assert figures.followers == 60_000 and figures.views_30d == 600_000
    assert figures.audiences[1].gender == {"female": 0.66, "male": 0.32, "other": 0.02}


def test_best_posts_across_members_by_views(members):
    best = combine(list(members)).best_posts
    assert [(p["member"], p["views"]) for p in best] == [
        ("Ada", 900_000), ("Cy", 80_000), ("Ada", 70_000), ("Bo", 60_000), ("Ada", 50_000)]
    assert best[2]["platform"] == "instagram"


def test_weighted_ignores_an_empty_weight_and_the_note_is_honest():
    assert weighted([]) == {} and weighted([(0, {"a": 1.0})]) == {}
    assert OVERLAP_NOTE == "combined following, not unique people"
