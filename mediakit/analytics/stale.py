"""Whether the newest data is too old to send: brands distrust stale kits.

Its own small module because ``mediakit build`` says it even when nothing changed and the rest of
the pipeline is skipped (mediakit.publish.fastpath):
the warning depends on today, not on the inputs.
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
