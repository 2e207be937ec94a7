"""One GET/POST with bounded retries, shared by the Instagram and TikTok clients (httpx).

Rate limits (429) and server errors (5xx) are retried a few times with a growing pause (the
``Retry-After`` header when the platform sends one, capped); anything else becomes a
:class:`~mediakit.errors.LiveError` naming the platform and what to do. Error text from the
platform is passed through :func:`scrub` so a token echoed back never reaches a message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from mediakit.errors import LiveError

Sleep = Callable[[float], None]
RETRIES = 4  # attempts after the first one, for 429 and 5xx
MAX_PAUSE = 60.0  # seconds; a longer Retry-After is not waited for
TIMEOUT = 30.0
_TOKENISH = re.compile(r"[A-Za-z0-9_\-\.|%]{24,}")  # access tokens, codes, secrets


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """``text`` without any secret and without anything long enough to be a token."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "…")
    return _TOKENISH.sub("…", text)[:200]


@dataclass
class Client:
    """An httpx client for one platform, with its retry policy and its secrets to hide."""

    platform: str  # "Instagram", "TikTok": how messages name it
    sleep: Sleep = time.sleep
    secrets: tuple[str, ...] = ()
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=TIMEOUT))

    def fail(self, what: str, hint: str | None = None) -> LiveError:
        """A one-line error for this platform."""
        return LiveError(f"{self.platform}: {scrub(what, self.secrets)}", hint=hint)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The response of the first attempt that is neither a 429 nor a 5xx (bounded)."""
        for attempt in range(RETRIES + 1):
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.HTTPError as err:
                if attempt == RETRIES:
                    raise self.fail(
                        f"could not reach the API ({type(err).__name__})",
                        "check the connection and run `mediakit pull` again",
                    ) from None
                self.sleep(_pause(attempt, None))
                continue
            if response.status_code != 429 and response.status_code < 500:
                return response
            if attempt == RETRIES:
                kind = "rate limit" if response.status_code == 429 else "server error"
                raise self.fail(
                    f"the API kept answering {response.status_code} ({kind}) after "
                    f"{RETRIES + 1} attempts",
                    "wait a while and run `mediakit pull` again",
                )
            self.sleep(_pause(attempt, response.headers.get("Retry-After")))
        raise AssertionError("unreachable")


def _pause(attempt: int, retry_after: str | None) -> float:
    if retry_after and retry_after.strip().isdigit():
        return min(float(retry_after), MAX_PAUSE)
    return min(2.0**attempt, MAX_PAUSE)


def json_of(client: Client, response: httpx.Response) -> Any:
    """The JSON body, or a one-line error when the platform sent something else."""
    try:
        return response.json()
    except ValueError:
        raise client.fail(
            f"the API answered {response.status_code} with something that is not JSON",
            "run `mediakit pull` again later",
        ) from None
