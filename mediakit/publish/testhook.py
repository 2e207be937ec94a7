"""Test hook: stop a publish at a named stage, so a test can kill it there and check recovery.

Every step of a publish calls :func:`pause` with its stage; it does nothing unless the
``MEDIAKIT_TEST_PAUSE_AT`` environment variable names that stage.
"""

from __future__ import annotations

import os
import sys
import time

#: Test hook: ``MEDIAKIT_TEST_PAUSE_AT=<stage>`` makes publish stop at that stage (see ``pause``).
PAUSE_ENV = "MEDIAKIT_TEST_PAUSE_AT"
STAGES = (
    "temp-half-written",
    "temp-written",
    "user-files-linked",
    "moved-aside",
    "swapped",
    "cleanup",
)


def pause(stage: str) -> None:
    """Test hook: stop at `stage` when MEDIAKIT_TEST_PAUSE_AT names it, so a test can SIGKILL us.

    Announces itself on stderr (the test waits for that line), then sleeps for a minute.
    """
    if os.environ.get(PAUSE_ENV) == stage:
        print(f"mediakit-test-paused-at: {stage}", file=sys.stderr, flush=True)
        time.sleep(60)
