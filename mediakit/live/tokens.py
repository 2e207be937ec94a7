"""Where sign-ins are kept: the user's config folder, readable by the user only, never the project.

``mediakit auth <platform>`` stores one JSON file per platform in
``platformdirs.user_config_dir("mediakit")/tokens/`` (``~/.config/mediakit/tokens/`` on Linux),
folder mode 0700 and file mode 0600. On CI the same JSON comes from an environment variable
(``MEDIAKIT_YOUTUBE_TOKEN`` ...) set from a repository secret; a token refreshed there lives
only for that run. Nothing here ever writes under the project or prints a token.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mediakit.errors import LiveError

PLATFORMS = ("youtube", "instagram", "tiktok")
LABELS = {"youtube": "YouTube", "instagram": "Instagram", "tiktok": "TikTok"}


def env_name(platform: str) -> str:
    """The environment variable CI passes a platform's sign-in in."""
    return f"MEDIAKIT_{platform.upper()}_TOKEN"


def folder() -> Path:
    """The user's own config folder for tokens (XDG_CONFIG_HOME is honoured on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("mediakit", appauthor=False)) / "tokens"


def load(platform: str) -> dict[str, Any] | None:
    """The stored sign-in: the environment variable first (CI), then the config folder."""
    text = os.environ.get(env_name(platform))
    where = f"the environment variable {env_name(platform)}"
    if not text:
        path = folder() / f"{platform}.json"
        if not path.is_file():
            return None
        text, where = path.read_text(encoding="utf-8"), "the stored sign-in"
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise LiveError(
            f"{LABELS[platform]}: {where} is not what `mediakit auth {platform}` writes",
            hint=f"run `mediakit auth {platform}` again",
        )
    return value


def save(platform: str, token: dict[str, Any]) -> Path:
    """Write the sign-in atomically with mode 0600 (in CI, from the environment: not saved)."""
    if os.environ.get(env_name(platform)):
        return Path(os.devnull)
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    os.chmod(target, 0o700)
    path = target / f"{platform}.json"
    temporary = target / f".{platform}.json.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(token, handle, sort_keys=True)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)
    return path


def require(platform: str) -> dict[str, Any]:
    """The stored sign-in, or a one-line error saying how to sign in."""
    token = load(platform)
    if token is None:
        raise LiveError(
            f"{LABELS[platform]}: not signed in",
            hint=f"run `mediakit auth {platform}` (on CI: set the secret {env_name(platform)})",
        )
    return token
