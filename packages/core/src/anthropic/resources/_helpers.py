"""Checks shared by the message-creating endpoints (messages, beta.messages, completions)."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar, cast

import httpx

from .._constants import DEFAULT_TIMEOUT, MODEL_NONSTREAMING_TOKENS
from .._types import NOT_GIVEN, NotGiven, Omit, Timeout

__all__ = [
    "DEPRECATED_MODELS",
    "REQUIRED",
    "check_required",
    "nonstreaming_timeout",
    "required_args",
    "warn_if_deprecated",
]

_F = TypeVar("_F", bound=Callable[..., Any])

DEPRECATED_MODELS: dict[str, str] = {
    "claude-1.3": "November 6th, 2024",
    "claude-1.3-100k": "November 6th, 2024",
    "claude-instant-1.1": "November 6th, 2024",
    "claude-instant-1.1-100k": "November 6th, 2024",
    "claude-instant-1.2": "November 6th, 2024",
    "claude-3-sonnet-20240229": "July 21st, 2025",
    "claude-3-opus-20240229": "January 5th, 2026",
    "claude-2.1": "July 21st, 2025",
    "claude-2.0": "July 21st, 2025",
    "claude-3-7-sonnet-latest": "February 19th, 2026",
    "claude-3-7-sonnet-20250219": "February 19th, 2026",
}


class _Required:
    """Default of required keyword arguments, so a missing one gets 0.74.0's error message."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


def check_required(values: dict[str, object], names: tuple[str, ...], *, with_stream: bool = True) -> None:
    if all(n in values and not isinstance(values[n], _Required) for n in names):
        return
    quoted = [f"'{n}'" for n in names]
    first = f"({', '.join(quoted[:-1])} and {quoted[-1]})"
    if with_stream:
        second = f"({', '.join(quoted)} and 'stream')"
        raise TypeError(f"Missing required arguments; Expected either {first} or {second} arguments to be given")
    raise TypeError(f"Missing required arguments; Expected {first} arguments to be given")


def required_args(*names: str, with_stream: bool = True) -> Callable[[_F], _F]:
    """Check required keyword arguments before the call, so a missing one gets 0.74.0's error message.

    The decorated signature keeps them without default, so type checkers report a missing one in every mode
    (plain, `with_raw_response`, `with_streaming_response`), as with 0.74.0.
    """

    def decorate(func: _F) -> _F:
        @functools.wraps(func)
        def checked(*args: Any, **kwargs: Any) -> Any:
            check_required(kwargs, names, with_stream=with_stream)
            return func(*args, **kwargs)

        return cast(_F, checked)

    return decorate


def warn_if_deprecated(model: object) -> None:
    if isinstance(model, str) and model in DEPRECATED_MODELS:
        warnings.warn(
            f"The model '{model}' is deprecated and will reach end-of-life on {DEPRECATED_MODELS[model]}.\n"
            "Please migrate to a newer model. Visit https://docs.anthropic.com/en/docs/resources/model-deprecations "
            "for more information.",
            DeprecationWarning,
            stacklevel=4,
        )


def nonstreaming_timeout(client: Any, timeout: Timeout | NotGiven, max_tokens: object, model: object) -> Timeout | NotGiven:
    """The long-request guard of 0.74.0 for non-streaming creates that use the client's default timeout.

    Expected duration is `3600 s * max_tokens / 128000`; above 10 minutes (or above the model's non-streaming
    limit) the call must stream. Otherwise the call gets a 10-minute timeout.
    """
    if not isinstance(timeout, NotGiven) or client.timeout != DEFAULT_TIMEOUT:
        return timeout
    if not isinstance(max_tokens, int) or isinstance(max_tokens, bool):
        return NOT_GIVEN
    limit = MODEL_NONSTREAMING_TOKENS.get(model) if isinstance(model, str) else None
    expected_seconds = 60 * 60 * max_tokens / 128_000
    if expected_seconds > 60 * 10 or (limit is not None and max_tokens > limit):
        raise ValueError(
            "Streaming is required for operations that may take longer than 10 minutes. "
            "See https://github.com/anthropics/anthropic-sdk-python#long-requests for more details"
        )
    return httpx.Timeout(600, connect=5.0)


def is_given(value: object) -> bool:
    return not isinstance(value, (Omit, NotGiven))
