"""Error bodies the API returns (`{"type": "error", "error": {...}}`), as models.

The `Beta*` twins have the same shape; both families are public in `anthropic.types` in 0.74.0. These are data
models, not exceptions: the exception classes live in `anthropic._exceptions`.
"""

from __future__ import annotations

from typing import Literal, Optional, Union

import pydantic
from typing_extensions import Annotated, TypeAlias

from .._models import BaseModel

__all__ = [
    "APIErrorObject",
    "AuthenticationError",
    "BetaAPIError",
    "BetaAuthenticationError",
    "BetaBillingError",
    "BetaError",
    "BetaErrorResponse",
    "BetaGatewayTimeoutError",
    "BetaInvalidRequestError",
    "BetaNotFoundError",
    "BetaOverloadedError",
    "BetaPermissionError",
    "BetaRateLimitError",
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


class InvalidRequestError(BaseModel):
    message: str
    type: Literal["invalid_request_error"]


class AuthenticationError(BaseModel):
    message: str
    type: Literal["authentication_error"]


class BillingError(BaseModel):
    message: str
    type: Literal["billing_error"]


class PermissionError(BaseModel):
    message: str
    type: Literal["permission_error"]


class NotFoundError(BaseModel):
    message: str
    type: Literal["not_found_error"]


class RateLimitError(BaseModel):
    message: str
    type: Literal["rate_limit_error"]


class GatewayTimeoutError(BaseModel):
    message: str
    type: Literal["timeout_error"]


class APIErrorObject(BaseModel):
    message: str
    type: Literal["api_error"]


class OverloadedError(BaseModel):
    message: str
    type: Literal["overloaded_error"]


ErrorObject: TypeAlias = Annotated[
    Union[
        InvalidRequestError,
        AuthenticationError,
        BillingError,
        PermissionError,
        NotFoundError,
        RateLimitError,
        GatewayTimeoutError,
        APIErrorObject,
        OverloadedError,
    ],
    pydantic.Field(discriminator="type"),
]


class ErrorResponse(BaseModel):
    error: ErrorObject
    request_id: Optional[str] = None
    type: Literal["error"]


class BetaInvalidRequestError(BaseModel):
    message: str
    type: Literal["invalid_request_error"]


class BetaAuthenticationError(BaseModel):
    message: str
    type: Literal["authentication_error"]


class BetaBillingError(BaseModel):
    message: str
    type: Literal["billing_error"]


class BetaPermissionError(BaseModel):
    message: str
    type: Literal["permission_error"]


class BetaNotFoundError(BaseModel):
    message: str
    type: Literal["not_found_error"]


class BetaRateLimitError(BaseModel):
    message: str
    type: Literal["rate_limit_error"]


class BetaGatewayTimeoutError(BaseModel):
    message: str
    type: Literal["timeout_error"]


class BetaAPIError(BaseModel):
    message: str
    type: Literal["api_error"]


class BetaOverloadedError(BaseModel):
    message: str
    type: Literal["overloaded_error"]


BetaError: TypeAlias = Annotated[
    Union[
        BetaInvalidRequestError,
        BetaAuthenticationError,
        BetaBillingError,
        BetaPermissionError,
        BetaNotFoundError,
        BetaRateLimitError,
        BetaGatewayTimeoutError,
        BetaAPIError,
        BetaOverloadedError,
    ],
    pydantic.Field(discriminator="type"),
]


class BetaErrorResponse(BaseModel):
    error: BetaError
    request_id: Optional[str] = None
    type: Literal["error"]
