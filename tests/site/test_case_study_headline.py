"""A case study sets the campaign's engagement beside the kit's headline, and says how that
headline was made: over recent posts, or, when no recent post had every count, over every post
known (analytics/headline.py's fallback), which must not be called "recent"."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from mediakit.analytics.figures import HeadlineEngagement
from mediakit.analytics.headline import ALL_POSTS_RATE
from mediakit.site import render

FALLBACK_METHOD = "sum of interactions ÷ sum of views over every post known (views-weighted)"


def _note(html: bytes) -> str:
    """The sentence about the kit's headline, as read (tags dropped, spaces joined)."""
    found = re.search(r"The kit’s headline, .*?(?=</dd>)", html.decode("utf-8"), re.S)
    assert found, "the case study does not name the kit's headline"
    return " ".join(re.sub(r"<[^>]+>", "", found.group(0)).split())


def test_the_demo_case_studies_name_recent_posts(demo_inputs):
    files = demo_inputs.render()
    notes = [_note(data) for path, data in files.items() if path.startswith("case-studies/")]
    assert notes and all(note.endswith(("recent posts", "recent post")) for note in notes)


def test_the_all_posts_fallback_is_not_called_recent(demo_inputs):
    report = copy.deepcopy(demo_inputs.report)
    for data in report.platforms.values():
        data.headline = replace(data.headline, engagement=HeadlineEngagement(
            key=ALL_POSTS_RATE, value=0.05, denominator="view",
            numerator="likes + comments + shares", method=FALLBACK_METHOD, posts=3,
            benchmarked=False))
    root = demo_inputs.project
    files = render.site(report, demo_inputs.charts, demo_inputs.profile, project_dir=root,
                        content_dir=root / "content", profile_file=root / "content/profile.yaml",
                        account=demo_inputs.account)
    notes = [_note(data) for path, data in files.items() if path.startswith("case-studies/")]
    # 5% per view over every post known, 3 of them with likes, comments, shares and views
    assert notes and all(note == (
        "The kit’s headline, 5.0% per view, is the sum of interactions ÷ sum of views over every "
        "post known (views-weighted) (3 posts with every count known)") for note in notes)
