"""The retry policy of 0.74.0 as pure functions: which responses to retry and how long to wait.

Kept free of I/O so the sync and async send loops share it and tests can check it without sleeping.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Mapping

from ._constants import INITIAL_RETRY_DELAY, MAX_RETRY_AFTER_HINT, MAX_RETRY_DELAY

__all__ = ["parse_retry_after", "retry_delay", "should_retry_status"]

_RETRY_STATUSES = frozenset({408, 409, 429})


def should_retry_status(status_code: int, headers: Mapping[str, str]) -> bool:
    """`x-should-retry` wins; otherwise retry 408, 409, 429 and every 5xx (529 included)."""
    hint = headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return status_code in _RETRY_STATUSES or status_code >= 500


def parse_retry_after(headers: Mapping[str, str] | None, *, now: float | None = None) -> float | None:
    """Seconds the server asks us to wait: `retry-after-ms`, else `retry-after` as seconds or an HTTP date."""
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return float(email.utils.mktime_tz(parsed) - (time.time() if now is None else now))


def retry_delay(retries_taken: int, headers: Mapping[str, str] | None = None) -> float:
    """The wait before the next attempt: the server's hint when 0 < hint <= 60 s, else capped exponential backoff.

    The backoff is `min(0.5 * 2**n, 8) * (1 - 0.25 * random())` where n is the number of retries already taken.
    """
    hint = parse_retry_after(headers)
    if hint is not None and 0 < hint <= MAX_RETRY_AFTER_HINT:
        return hint
    exponent = min(retries_taken, 1000)
    delay = min(INITIAL_RETRY_DELAY * 2.0**exponent, MAX_RETRY_DELAY)
    return max(delay * (1 - 0.25 * random.random()), 0.0)
