"""Two builds of the same inputs are byte-identical, whatever the machine's time zone and locale.

The session's clean demo build ran in this process with TZ=UTC and a cold chart cache; here a
fresh copy is built by the real command in another process, with a cold cache, on the other
side of the date line (Pacific/Kiritimati is UTC+14) and in the C.UTF-8 locale with a German
LANG. Every file of the site and of the history must match byte for byte: dates in the exports
carry no time zone, charts are drawn from data (vl-convert would show local time on a time axis
that is not UTC), and numbers are formatted by the profile's locale, not the machine's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening import hostile


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_build_elsewhere_in_time_and_language_is_byte_identical(
        request: pytest.FixtureRequest, tmp_path: Path) -> None:
    project = hostile.copy_demo(tmp_path / "kit")  # no chart cache: every chart drawn again
    env = {key: value for key, value in os.environ.items()  # no shared chart cache either
           if key not in ("MEDIAKIT_DEBUG", "FORCE_COLOR", "LC_ALL", "LANG", "TZ",
                          "MEDIAKIT_CACHE_DIR")}
    env.update(TZ="Pacific/Kiritimati", LC_ALL="C.UTF-8", LANG="de_DE.UTF-8", LANGUAGE="de")
    # The other process starts first, so its cold build runs beside this process's cold build of
    # the clean demo (when no earlier test asked for it) instead of after it: two cores, half
    # the wait. They share nothing: another project folder, cache, time zone and environment.
    process = subprocess.Popen(
        [sys.executable, "-m", "mediakit", "build", str(project), "--quiet", "--today",
         hostile.TODAY.isoformat()],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        clean_demo: Path = request.getfixturevalue("clean_demo")
        _, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, stderr
    expected, built = tree(clean_demo / "site"), tree(project / "site")
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    history = Path("content") / "data" / "history"
    assert tree(project / history) == tree(clean_demo / history)
    assert len(expected) >= 15 and any(name.endswith(".png") for name in expected)
