"""Every payload through every free-text field, in rounds (rounds.py explains a round).

The canary project has 113 free-text fields shown on a page once the second pitch, case study
and Markdown page are left out (they use the same templates): the profile's strings, list items
and self-reported segment names, one pitch's and one case study's header strings and bodies,
a page's title and body, and the export cells the pages show (post titles of the three
platforms, TikTok's gender and country segments, Instagram's cities). In round r the field with
canary number k holds payload (r + k) mod 249 of tests/fixtures/hostile/xss.txt.

All 249 rounds (every field x every payload: 113 x 249 = 28,137 placements) take about two
minutes on a shared two-core machine, so the normal suite runs every third round (83 rounds,
each field sees 83 payloads spread over the whole corpus, and every payload goes through about
38 fields), starting at a round chosen afresh in each run (0, 1 or 2; set MEDIAKIT_ROUND_START to
replay one). ``MEDIAKIT_FUZZ=1`` runs all 249 rounds.

Each round must have no event handler, no dangerous link or style, no script or active element
the canary pages do not have, and each payload's letters and digits on a page that shows its
field (Markdown fields may reshape a payload: ``[x](y)`` shows as ``x``).
"""

from __future__ import annotations

import os
import random
import shutil

import pytest
import vl_convert
from defusedxml.ElementTree import fromstring

from tests.fuzzing import LONG
from tests.hardening import canaries, hostile, rounds
from tests.hardening.conftest import CanaryBuild
from tests.hardening.projects import STUB_PNG

CORPUS_SIZE = len(hostile.payloads())
STEP = 1 if LONG else 3
# which third of the corpus this run sends: from the run's seed (tests/conftest.py), so a failing
# round can be replayed with --hypothesis-seed, and every pytest-xdist worker picks the same one
START = int(os.environ.get("MEDIAKIT_ROUND_START")
            or int(os.environ.get("MEDIAKIT_FUZZ_SEED") or random.randrange(STEP)) % STEP)
ROUNDS = list(range(START, CORPUS_SIZE, STEP))
MARKDOWN = {"profile: bio", "pitch: body", "case-study: body", "page: body"}


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory, canary_build: CanaryBuild,
            corpus: list[str]) -> rounds.Harness:
    """A private copy of the canary project, with the canary build's numbers and charts."""
    project = tmp_path_factory.mktemp("rounds") / "kit"
    shutil.copytree(canary_build.written.project / "content", project / "content")
    written = canaries.Written(project, canary_build.written.canaries)
    ready = rounds.Harness(project, written, canary_build.rendered.data, canary_build.located,
                           corpus)
    return ready


@pytest.fixture(autouse=True)
def share_cards_checked_not_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """The share card (name, handle, tagline, a pitch's brand) is made each round and must be
    well-formed XML, every text escaped; drawing it to PNG is left out (0.2 s each)."""
    def svg_to_png(svg: str, *args: object, **kwargs: object) -> bytes:
        fromstring(svg.encode("utf-8"))
        return STUB_PNG

    monkeypatch.setattr(vl_convert, "svg_to_png", svg_to_png)
    rounds.remember_lookups(monkeypatch)


@pytest.fixture(scope="module")
def refusals(harness: rounds.Harness) -> list[tuple[str, str, str]]:
    """Handles: the payloads each platform's handle takes are the ones its rounds use."""
    found = harness.find_accepted()
    return found


@pytest.fixture(scope="module")
def ready(harness: rounds.Harness, refusals: list[tuple[str, str, str]]) -> rounds.Harness:
    harness.baseline = rounds.baseline(harness.render({}))
    return harness


def test_the_rounds_cover_every_field_and_payload(ready: rounds.Harness) -> None:
    free = {canary.pattern for canary in ready.free}
    texts = {name for name in canaries.FIELDS
             if any(c.pattern == name and c.escaped for c in ready.written.canaries)}
    assert texts - free == set(), "a free-text field no round fills"
    assert len(ready.free) >= 100
    for field, taken in ready.accepted.items():
        assert len(taken) >= 30, field  # one-word payloads: every handle renders dozens
    placed = {ready.payload(number, index) for number in ROUNDS
              for index in range(len(ready.free))}
    assert placed == set(ready.corpus)


def test_handles_refuse_in_one_line(refusals: list[tuple[str, str, str]]) -> None:
    assert refusals, "TikTok and Instagram handles are one word"
    for field, payload, message in refusals:
        assert "\n" not in message and field.split(": ")[1] in message, (payload, message)


@pytest.mark.parametrize("number", ROUNDS, ids=[f"round {n}" for n in ROUNDS])
def test_round(ready: rounds.Harness, number: int) -> None:
    result = ready.run(number)
    assert result.findings == [], f"round {number} (MEDIAKIT_ROUND_START={number % STEP})"
    plain = [(c.name, payload) for c, payload in result.missing if c.pattern not in MARKDOWN]
    assert plain == [], f"round {number}: payloads not shown where their field is"
    assert len(result.missing) <= 2, [(c.name, payload) for c, payload in result.missing]


def test_a_round_would_see_a_template_that_does_not_escape(ready: rounds.Harness) -> None:
    """The round's checks can fail: a theme printing a rate's notes with |safe is caught."""
    templates = ready.project / "templates" / "kit"
    templates.mkdir(parents=True)
    rates = (hostile.REPO / "templates" / "kit" / "rates.html").read_text("utf-8")
    (templates / "rates.html").write_text(rates.replace("{{ rate.notes }}",
                                                        "{{ rate.notes | safe }}"), "utf-8")
    try:
        notes = [i for i, c in enumerate(ready.free) if c.pattern == "profile: rates[].notes"]
        number = next(n for n in range(CORPUS_SIZE)
                      if ready.payload(n, notes[0]) == "<img src=x onerror=alert(26)>")
        result = ready.run(number)
    finally:
        shutil.rmtree(ready.project / "templates")
    assert any("onerror" in finding for finding in result.findings), result.findings
