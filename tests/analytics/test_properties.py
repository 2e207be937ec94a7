"""Invariants that must hold for any data: shares, medians, hours, and no NaN/None on a page."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediakit.analytics import content, engagement, timing
from mediakit.analytics.analyze import analyze
from mediakit.analytics.audience import match
from mediakit.analytics.figures import AudienceSplit
from mediakit.analytics.reach import reach_stats
from mediakit.analytics.windows import recent_posts
from mediakit.project.profile import Profile
from mediakit.site import render
from mediakit.tables import Account, conform, empty
from tests.helpers import activity, posts

START = date(2026, 1, 1)
counts = st.one_of(st.none(), st.integers(min_value=0, max_value=5_000_000))


@st.composite
def splits(draw) -> AudienceSplit:
    """A split whose shares add up to at most 1, as exports and the profile guarantee."""
    dimension = draw(st.sampled_from(["gender", "age", "country", "city"]))
    names = {"gender": ["female", "male", "other"],
             "age": ["13-17", "18-24", "25-34", "35-44", "45+"],
             "country": ["US", "GB", "IE", "DE", "BR", "Others"],
             "city": ["Dublin", "London", "Cork"]}[dimension]
    chosen = draw(st.lists(st.sampled_from(names), unique=True, min_size=1))
    weights = draw(st.lists(st.integers(0, 100), min_size=len(chosen), max_size=len(chosen)))
    scale = draw(st.integers(max(sum(weights), 1), max(sum(weights), 1) * 2))
    return AudienceSplit(dimension, {n: w / scale for n, w in zip(chosen, weights, strict=True)},
                         "x.csv", draw(st.booleans()))


targets = st.dictionaries(
    st.sampled_from(["gender", "age", "country", "city"]),
    st.lists(st.sampled_from(["female", "women", "male", "18-24", "18-34", "21-40", "45+", "US",
                              "UK", "ie", "Others", "Dublin"]), min_size=1, max_size=4),
    min_size=1,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(splits(), max_size=4, unique_by=lambda s: s.dimension), targets)
def test_an_audience_match_is_a_share_between_0_and_1(found, target):
    result = match(found, target)
    assert set(result.parts) | set(result.missing) == set(target)
    for dimension, part in result.parts.items():
        assert 0.0 <= part <= 1.0
        total = sum(next(s for s in found if s.dimension == dimension).shares.values())
        assert part <= total + 1e-9  # never more than the split holds
    if result.share is not None:
        assert 0.0 <= result.share <= min(result.parts.values()) + 1e-12
    else:
        assert not result.parts


post_rows = st.lists(
    st.fixed_dictionaries({
        "day": st.integers(0, 200), "views": counts, "likes": counts, "comments": counts,
        "shares": counts, "saves": st.one_of(st.none(), st.integers(0, 10_000)),
        "hashtags": st.sampled_from([None, "a", "a b", "b c", "c"]),
        "duration_s": st.one_of(st.none(), st.floats(0, 900, allow_nan=False)),
    }),
    max_size=40,
)


def _posts(rows: list[dict]):
    return posts([{**{k: v for k, v in row.items() if k != "day"}, "post_id": f"p{i}",
                   "posted_at": (START + timedelta(days=row["day"])).isoformat()}
                  for i, row in enumerate(rows)])


@settings(max_examples=40, deadline=None)
@given(post_rows)
def test_medians_lie_within_the_views_and_rates_are_never_negative(rows):
    table = _posts(rows)
    views = table["views"].dropna()
    for rate in engagement.rates(table, 10_000):
        assert rate.value is None or rate.value >= 0
    for item in content.insights(table):
        assert views.min() <= item.median_views <= views.max()
        assert item.lift >= -1.0 and item.posts >= content.MIN_POSTS
    window, rule = recent_posts(table, START + timedelta(days=200), 30, 90)
    reach = reach_stats(empty("daily"), window, rule, 10_000, START + timedelta(days=200))
    assert reach.window.posts == len(window) <= max(30, len(table))
    if reach.median_views is not None:
        assert reach.min_views <= reach.median_views <= reach.max_views
        assert reach.min_views <= reach.mean_views <= reach.max_views


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 13), st.integers(0, 23),
                          st.floats(0, 1e6, allow_nan=False)), min_size=1, max_size=200),
       st.integers(1, 24))
def test_the_best_hour_is_an_hour_of_the_day(cells, window):
    table = activity([((START + timedelta(days=d)).isoformat(), h, v) for d, h, v in cells])
    best = timing.best_time(table, window, "Europe/Dublin")
    if best is None:
        assert not any(v for _, _, v in cells)
        return
    assert 0 <= best.start_hour <= 23 and 0 <= best.end_hour <= 23
    assert 0 <= best.peak_hour <= 23 and 0.0 <= best.share_of_day <= 1.0 + 1e-9
    assert all(hour is None or 0 <= hour <= 23 for hour in best.by_weekday)
    ranked = timing.best_hours(table, window, top=24)
    assert sorted(ranked) == list(range(24)) and ranked[0] == best.start_hour


daily_rows = st.lists(
    st.fixed_dictionaries({"followers": counts, "views": counts, "profile_views": counts,
                           "reached": counts, "new_viewers": counts,
                           "returning_viewers": counts}),
    min_size=1, max_size=120,
)
LEAKS = re.compile(r"\b(None|nan|NaN|inf|Infinity|undefined)\b")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(daily_rows, post_rows, st.lists(splits(), max_size=3, unique_by=lambda s: s.dimension))
def test_no_missing_value_leaks_into_a_page(tmp_path_factory, days, rows, found):
    frame = pd.DataFrame([{**row, "platform": "tiktok",
                           "date": (START + timedelta(days=i)).isoformat()}
                          for i, row in enumerate(days)])
    audience = pd.DataFrame([
        {"platform": "tiktok", "dimension": s.dimension, "segment": seg, "share": share,
         "as_of": START.isoformat(), "source": "export: x.csv"}
        for s in found for seg, share in s.shares.items()
    ])
    account = Account(daily=conform(frame, "daily"), posts=_posts(rows),
                      audience=conform(audience, "audience") if len(audience) else
                      Account().audience)
    profile = Profile.model_validate({
        "name": "A", "timezone": "Europe/Dublin", "platforms": {"tiktok": {"handle": "@a"}},
        "rates": [{"deliverable": "1 video", "price": 100, "currency": "EUR"}]})
    report = analyze(account, profile, as_of=START + timedelta(days=200))
    folder: Path = tmp_path_factory.mktemp("site")
    (folder / "content").mkdir()
    # The kit's own index.html is the site templates' business (and has its own tests): a
    # project's templates/ folder overrides it here, so this test pins only the analytics pages.
    (folder / "templates").mkdir()
    (folder / "templates" / "index.html").write_text('{% extends "base.html" %}', "utf-8")
    files = render.site(report, {}, profile, project_dir=folder, content_dir=folder / "content",
                        profile_file=folder / "content" / "profile.yaml")
    for name in ("report.html", "methodology.html"):
        text = re.sub(r"<[^>]+>", " ", files[name].decode("utf-8"))
        assert not LEAKS.search(text), (name, LEAKS.search(text))
