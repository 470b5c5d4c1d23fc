"""The Vertex request rewrite (sans-IO, every attempt): Anthropic API paths -> Vertex AI `rawPredict` paths.

- any JSON object body gets `anthropic_version: "vertex-2023-10-16"` unless it has one;
- `POST /v1/messages[?beta=true]`: `model` leaves the body for the URL, `stream` stays in the body and picks
  `:streamRawPredict` over `:rawPredict`;
- `POST /v1/messages/count_tokens[?beta=true]`: the shared `count-tokens:rawPredict` model path (model stays);
- `/v1/messages/batches...` is refused before sending (also when reached through `client.post(...)`);
- `x-api-key` and `anthropic-version` headers are removed, even when set through `default_headers`.

The model, region and project become one path segment each, percent-encoded (`/`, `?`, `#`, `%`, and `.`/`..`
segments), so no value can leave `/models/`, add a query or a fragment. 0.74.0 interpolated them raw.

The body is copied before it is changed: the same body is prepared again for a retry.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx

from anthropic import UnsupportedOnPlatformError
from anthropic.plugins import PreparedRequest

from ._auth import PENDING_PROJECT
from ._credentials import GoogleAuthState
from ._runtime import ANTHROPIC_VERSION_BODY, BATCH_UNSUPPORTED

__all__ = ["VertexRewrite"]

_MESSAGES = "v1/messages"
_COUNT_TOKENS = "v1/messages/count_tokens"
_BATCHES = "v1/messages/batches"
# First-party credentials and the version header mean nothing to Vertex (the body carries the version).
_DROPPED_HEADERS = frozenset({"x-api-key", "anthropic-version"})
# Characters a path segment may carry as they are (RFC 3986 `pchar`): kept so usual names (`model@version`) are
# sent exactly as 0.74.0 sent them.
_SEGMENT_SAFE = ":@!$&'()*+,;="


class VertexRewrite:
    """Rewrites requests of one Vertex client (its base URL, and its state: region, project, auth)."""

    def __init__(self, *, base_url: str, state: GoogleAuthState) -> None:
        self._base = _normalised_base(base_url)
        self._state = state

    def __call__(self, request: PreparedRequest) -> None:
        for name in [k for k in request.headers if k.lower() in _DROPPED_HEADERS]:
            del request.headers[name]
        if not request.url.startswith(self._base):
            return  # an absolute URL elsewhere: not ours to rewrite
        path, _, query = request.url[len(self._base) :].partition("?")
        if path.startswith(_BATCHES):
            raise UnsupportedOnPlatformError(BATCH_UNSUPPORTED)
        body = request.json
        if isinstance(body, dict):
            body = dict(body)  # pyright: ignore[reportUnknownArgumentType]
            body.setdefault("anthropic_version", ANTHROPIC_VERSION_BODY)
            request.json = body
        if request.method != "POST" or path not in (_MESSAGES, _COUNT_TOKENS):
            return
        if not isinstance(body, dict):
            raise TypeError(f"Expected a JSON object body for POST /{path} on Vertex")
        if path == _MESSAGES:
            if "model" not in body:
                raise TypeError("Vertex requests need a `model`: it becomes part of the URL")
            model = body.pop("model")
            method = "streamRawPredict" if body.get("stream") else "rawPredict"
            tail = f"/locations/{path_segment(self._state.region)}/publishers/anthropic/models/{path_segment(model)}:{method}"
        else:
            tail = f"/locations/{path_segment(self._state.region)}/publishers/anthropic/models/count-tokens:rawPredict"
        query = _without_beta_flag(query)
        suffix = tail + (f"?{query}" if query else "")
        project = self._state.known_project()
        if project is not None:
            request.url = f"{self._base}projects/{path_segment(project)}{suffix}"
        else:
            # Finding the project may need I/O (application-default credentials): the auth does it, off the loop.
            base = self._base
            request.url = f"{base}projects/-{suffix}"
            request.extensions[PENDING_PROJECT] = lambda project: f"{base}projects/{path_segment(project)}{suffix}"


def path_segment(value: object) -> str:
    """`value` as exactly one URL path segment: percent-encoded, and never `.` or `..` (which URLs resolve away)."""
    text = quote(str(value), safe=_SEGMENT_SAFE)
    return text.replace(".", "%2E") if text in (".", "..") else text


def _normalised_base(base_url: str) -> str:
    """The base URL exactly as the client joins paths onto it (httpx-normalised, one trailing slash)."""
    text = str(httpx.URL(base_url))
    return text if text.endswith("/") else text + "/"


def _without_beta_flag(query: str) -> str:
    """Drop the `beta=true` marker of beta endpoints (Vertex routes by URL); keep every other parameter."""
    if not query:
        return query
    pairs = query.split("&")
    try:
        pairs.remove("beta=true")
    except ValueError:
        return query
    return "&".join(pairs)
