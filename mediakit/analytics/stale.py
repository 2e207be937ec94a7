"""Whether the newest data is too old to send: brands distrust stale kits.

Its own small module because ``mediakit build`` says it even when nothing changed and the rest of
the pipeline is skipped (mediakit.publish.fastpath):
the warning depends on today, not on the inputs.

The demo creator's data is old by design (it is a fixed sample), and a newcomer's first build
should not end on a warning that reads like a failure. A profile with ``demo: true`` gets a
friendly note saying it is demo data instead (``demo_note``); every other project keeps the
warning.
"""

from __future__ import annotations

from datetime import date

STALE_AFTER_DAYS = 14


def stale_warnings(as_of: date, today: date) -> list[str]:
    """One warning when the newest data is more than STALE_AFTER_DAYS old, else none."""
    age = (today - as_of).days
    if age > STALE_AFTER_DAYS:
        return [
            f"the newest data is from {as_of.isoformat()}, {age} days ago: download fresh "
            "exports before you send the kit"
        ]
    return []


def freshness(as_of: date, today: date, *, demo: bool = False) -> tuple[list[str], list[str]]:
    """(warnings, notes) about the data's age: the stale warning, or for demo data the note."""
    if demo:
        return [], [demo_note(as_of)]
    return stale_warnings(as_of, today), []


def demo_note(as_of: date) -> str:
    """What a build of the demo creator says instead of warning about old data."""
    return (
        f"this is demo data (demo: true in content/profile.yaml): a sample creator, numbers up "
        f"to {as_of.isoformat()}. Your own kit: mediakit init my-kit"
    )
