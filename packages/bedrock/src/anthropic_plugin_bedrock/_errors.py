"""How Bedrock failures become `anthropic` exceptions: HTTP statuses and exception frames inside a stream."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthropic import (
    AnthropicError,
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from anthropic.plugins import ServiceUnavailableError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "BATCHES_UNSUPPORTED",
    "TOKEN_COUNTING_UNSUPPORTED",
    "BedrockCredentialsError",
    "bedrock_status_class",
    "bedrock_status_error",
]

BATCHES_UNSUPPORTED = "The Batch API is not supported in Bedrock yet"
TOKEN_COUNTING_UNSUPPORTED = "Token counting is not supported in Bedrock yet"
MODELS_UNSUPPORTED = "The Models API is not supported in Bedrock yet"
FILES_UNSUPPORTED = "The Files API is not supported in Bedrock yet"
SKILLS_UNSUPPORTED = "The Skills API is not supported in Bedrock yet"

# 0.74.0's Bedrock table: no 413 / 529 classes (Bedrock never answers with them), 503 has its own class.
_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    503: ServiceUnavailableError,
}


class BedrockCredentialsError(AnthropicError, RuntimeError):
    """botocore found no AWS credentials for the client (a `RuntimeError`, as in 0.74.0, and an `AnthropicError`)."""


def bedrock_status_class(status: int) -> type[APIStatusError]:
    """The exception class for an HTTP status, following 0.74.0's Bedrock client."""
    cls = _STATUS_CLASSES.get(status)
    if cls is not None:
        return cls
    return InternalServerError if status >= 500 else APIStatusError


def bedrock_status_error(message: str, *, body: object, response: httpx.Response) -> APIStatusError:
    """`PlatformRuntime.make_status_error` for Bedrock."""
    return bedrock_status_class(response.status_code)(message, response=response, body=body)
