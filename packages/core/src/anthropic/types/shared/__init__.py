"""Error models shared by every API (`anthropic.types.shared`), imported lazily from `anthropic.types._errors`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthropic._lazy import lazy_dir, lazy_getattr

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
    return lazy_getattr(globals(), name, _NAMES, topics=_TYPES)


def __dir__() -> list[str]:
    return lazy_dir(globals(), __all__)
