"""Error models shared by every API (`anthropic.types.shared`), imported lazily from `anthropic.types._errors`."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .. import _aliases

if TYPE_CHECKING:
    from .._errors import (
        APIErrorObject,
        AuthenticationError,
        BillingError,
        ErrorObject,
        ErrorResponse,
        GatewayTimeoutError,
        InvalidRequestError,
        NotFoundError,
        OverloadedError,
        PermissionError,
        RateLimitError,
    )

# public name -> topic module (relative to anthropic.types) that defines it
_NAMES: dict[str, str] = {
    "APIErrorObject": "_errors",
    "AuthenticationError": "_errors",
    "BillingError": "_errors",
    "ErrorObject": "_errors",
    "ErrorResponse": "_errors",
    "GatewayTimeoutError": "_errors",
    "InvalidRequestError": "_errors",
    "NotFoundError": "_errors",
    "OverloadedError": "_errors",
    "PermissionError": "_errors",
    "RateLimitError": "_errors",
}

__all__ = [
    "APIErrorObject",
    "AuthenticationError",
    "BillingError",
    "ErrorObject",
    "ErrorResponse",
    "GatewayTimeoutError",
    "InvalidRequestError",
    "NotFoundError",
    "OverloadedError",
    "PermissionError",
    "RateLimitError",
]

_TYPES = __name__.rpartition(".")[0]


def __getattr__(name: str) -> object:
    topic = _NAMES.get(name)
    if topic is not None:
        value = getattr(importlib.import_module(f"{_TYPES}.{topic}"), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value
    if f"{__name__.rpartition('.')[2]}.{name}" in _aliases.ALIASES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
