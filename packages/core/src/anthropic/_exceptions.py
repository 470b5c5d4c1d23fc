"""The exception hierarchy users catch. Names, attributes and messages match the official SDK 0.74.0.

Every failure the SDK raises is an `AnthropicError`: transport failures (also in the middle of a stream) become
`APIConnectionError` / `APITimeoutError`, never a raw httpx exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AnthropicError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DeadlineExceededError",
    "InternalServerError",
    "NotFoundError",
    "OverloadedError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTooLargeError",
    "ServiceUnavailableError",
    "StreamIncompleteError",
    "UnprocessableEntityError",
    "UnsupportedOnPlatformError",
]


class AnthropicError(Exception):
    """Base of every exception this SDK raises on purpose."""


class APIError(AnthropicError):
    """An error tied to a request; `body` is the decoded JSON body, the raw text, or None."""

    message: str
    request: httpx.Request
    body: object | None

    def __init__(self, message: str, request: httpx.Request, *, body: object | None) -> None:
        super().__init__(message)
        self.request = request
        self.message = message
        self.body = body


class APIResponseValidationError(APIError):
    """The response did not fit the expected schema (only raised with `_strict_response_validation=True`)."""

    response: httpx.Response
    status_code: int

    def __init__(self, response: httpx.Response, body: object | None, *, message: str | None = None) -> None:
        super().__init__(message or "Data returned by API invalid for expected schema.", response.request, body=body)
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The API answered with an error: a 4xx/5xx status, or an `error` event in a stream."""

    response: httpx.Response
    status_code: int
    request_id: str | None

    def __init__(self, message: str, *, response: httpx.Response, body: object | None) -> None:
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("request-id")


class APIConnectionError(APIError):
    """The request or the response body could not be transferred (refused, reset, dropped mid-stream...)."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout, before or during the response body."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(
            message=(
                "Request timed out or interrupted. This could be due to a network timeout, dropped connection, "
                "or request cancellation. See https://docs.anthropic.com/en/api/errors#long-requests for more details."
            ),
            request=request,
        )


class StreamIncompleteError(APIConnectionError):
    """A stream ended (clean EOF) before its final event: the answer is truncated, not complete."""

    def __init__(self, *, request: httpx.Request, message: str | None = None) -> None:
        super().__init__(
            message=message or "The stream ended before the final event was received; the response is incomplete.",
            request=request,
        )


class UnsupportedOnPlatformError(AnthropicError):
    """The endpoint is not available on this client's platform; raised before anything is sent."""


class BadRequestError(APIStatusError):
    status_code: Literal[400] = 400  # pyright: ignore[reportIncompatibleVariableOverride]


class AuthenticationError(APIStatusError):
    status_code: Literal[401] = 401  # pyright: ignore[reportIncompatibleVariableOverride]


class PermissionDeniedError(APIStatusError):
    status_code: Literal[403] = 403  # pyright: ignore[reportIncompatibleVariableOverride]


class NotFoundError(APIStatusError):
    status_code: Literal[404] = 404  # pyright: ignore[reportIncompatibleVariableOverride]


class ConflictError(APIStatusError):
    status_code: Literal[409] = 409  # pyright: ignore[reportIncompatibleVariableOverride]


class RequestTooLargeError(APIStatusError):
    status_code: Literal[413] = 413  # pyright: ignore[reportIncompatibleVariableOverride]


class UnprocessableEntityError(APIStatusError):
    status_code: Literal[422] = 422  # pyright: ignore[reportIncompatibleVariableOverride]


class RateLimitError(APIStatusError):
    status_code: Literal[429] = 429  # pyright: ignore[reportIncompatibleVariableOverride]


class ServiceUnavailableError(APIStatusError):
    status_code: Literal[503] = 503  # pyright: ignore[reportIncompatibleVariableOverride]


class OverloadedError(APIStatusError):
    status_code: Literal[529] = 529  # pyright: ignore[reportIncompatibleVariableOverride]


class DeadlineExceededError(APIStatusError):
    status_code: Literal[504] = 504  # pyright: ignore[reportIncompatibleVariableOverride]


class InternalServerError(APIStatusError):
    pass
