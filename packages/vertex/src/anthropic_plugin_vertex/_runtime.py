"""Vertex AI as configuration: the typed options a client hands its platform, argument resolution, error mapping.

Pure configuration; nothing here touches google-auth or the network, and importing it stays cheap (no httpx).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from anthropic import NotGiven

if TYPE_CHECKING:
    import httpx

    from anthropic import APIStatusError

    from ._credentials import GoogleAuthState

__all__ = [
    "ANTHROPIC_VERSION_BODY",
    "BATCH_UNSUPPORTED",
    "NO_PROJECT",
    "PLATFORM_NAME",
    "UNSUPPORTED",
    "VertexOptions",
    "default_base_url",
    "resolve_base_url",
    "resolve_project_id",
    "resolve_region",
    "status_error",
]

PLATFORM_NAME = "vertex"

ANTHROPIC_VERSION_BODY = "vertex-2023-10-16"
"""Vertex takes the API version in the JSON body, not in a header."""

NO_REGION = (
    "No region was given. The client should be instantiated with the `region` argument or the "
    "`CLOUD_ML_REGION` environment variable should be set."
)
NO_PROJECT = (
    "No project_id was given and it could not be resolved from credentials. The client should be instantiated "
    "with the `project_id` argument or the `ANTHROPIC_VERTEX_PROJECT_ID` environment variable should be set."
)
BATCH_UNSUPPORTED = "The Batch API is not supported in the Vertex client yet"

# Endpoint-name prefixes Vertex does not serve; checked before anything is sent.
UNSUPPORTED: Mapping[str, str] = {
    "messages.batches": BATCH_UNSUPPORTED,
    "beta.messages.batches": BATCH_UNSUPPORTED,
    "completions.": "The Text Completions API is not supported in the Vertex client",
    "models.": "The Models API is not supported in the Vertex client",
    "beta.models.": "The Models API is not supported in the Vertex client",
    "beta.files.": "The Files API is not supported in the Vertex client",
    "beta.skills.": "The Skills API is not supported in the Vertex client",
}

# Multi-region locations are served by Google's regional endpoints ("REP") rather than `{region}-aiplatform`.
_MULTI_REGIONS = frozenset({"us", "eu"})


@dataclass(frozen=True)
class VertexOptions:
    """What a Vertex client hands its platform build (`ClientConfig[VertexOptions]`), resolved.

    `auth` is the client's own mutable state behind `access_token`, `credentials` and `project_id`: the bearer auth
    and the rewrite read it on every request, so reassigning those attributes takes effect at once.
    """

    region: str
    auth: GoogleAuthState


def resolve_region(region: str | NotGiven | None) -> str:
    """The `region` argument, else `CLOUD_ML_REGION`; 0.74.0's ValueError when neither is set."""
    if isinstance(region, NotGiven) or region is None:
        region = os.environ.get("CLOUD_ML_REGION") or None
    if not region:
        raise ValueError(NO_REGION)
    return region


def default_base_url(region: str) -> str:
    """The Vertex AI endpoint that serves `region` (global, `us`/`eu` multi-region, or one region)."""
    if region == "global":
        return "https://aiplatform.googleapis.com/v1"
    if region in _MULTI_REGIONS:
        return f"https://aiplatform.{region}.rep.googleapis.com/v1"
    return f"https://{region}-aiplatform.googleapis.com/v1"


def resolve_base_url(base_url: str | httpx.URL | None, region: str) -> str:
    """The `base_url` argument, else `ANTHROPIC_VERTEX_BASE_URL`, else the region's endpoint."""
    if base_url is not None:
        return str(base_url)
    return os.environ.get("ANTHROPIC_VERTEX_BASE_URL") or default_base_url(region)


def resolve_project_id(project_id: str | NotGiven | None) -> str | None:
    """The `project_id` argument, else `ANTHROPIC_VERTEX_PROJECT_ID`; None leaves it to the credentials."""
    if isinstance(project_id, NotGiven) or not project_id:
        return os.environ.get("ANTHROPIC_VERTEX_PROJECT_ID") or None
    return project_id


# 0.74.0's Vertex table: 503 and 504 have their own classes; no 413/529 classes (other 5xx: InternalServerError).
_STATUS_CLASSES: Mapping[int, str] = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    503: "ServiceUnavailableError",
    504: "DeadlineExceededError",
}


def status_error(message: str, *, body: object, response: httpx.Response) -> APIStatusError:
    """The exception for an error response, by 0.74.0's Vertex mapping."""
    import anthropic
    from anthropic import plugins

    status = response.status_code
    name = _STATUS_CLASSES.get(status)
    if name is not None:
        # The 503/504 classes are not served from `anthropic` (0.74.0 neither): the plugin API re-exports them.
        cls: type[APIStatusError] = getattr(anthropic, name, None) or getattr(plugins, name)
    elif status >= 500:
        cls = anthropic.InternalServerError
    else:
        cls = anthropic.APIStatusError
    return cls(message, response=response, body=body)
