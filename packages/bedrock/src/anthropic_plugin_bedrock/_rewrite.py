"""The Bedrock request rewrite, sans-IO: what 0.74.0's `_prepare_options` did, applied on every attempt.

- a JSON object body gets `anthropic_version` (unless set) and `anthropic_beta` from the `anthropic-beta` header;
- `POST /v1/complete`, `/v1/messages` and `/v1/messages?beta=true` move `model` into the path (URL-quoted with
  `:` kept, so an inference-profile ARN's `/` becomes `%2F`, `?` `%3F`, `#` `%23`; a model `.` or `..` is sent as
  `%2E` / `%2E%2E`, which no URL resolves away) and `stream` into the operation:
  `/model/{model}/invoke` or `/model/{model}/invoke-with-response-stream`;
- `x-api-key` / `anthropic-version` headers are dropped: Bedrock authenticates with SigV4 and takes the version from
  the body, and an Anthropic API key must never travel to AWS.

Paths are matched relative to the client's base URL, so raw `client.post("/v1/messages", ...)` calls are rewritten
too (as in 0.74.0). Batch and token-counting paths are refused here as a last line of defence for raw calls; the
endpoint table in the runtime refuses the resource methods before anything is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from anthropic import UnsupportedOnPlatformError

from ._errors import BATCHES_UNSUPPORTED, TOKEN_COUNTING_UNSUPPORTED

if TYPE_CHECKING:
    from anthropic.plugins import PreparedRequest

__all__ = ["DEFAULT_VERSION", "BedrockRequestRewriter"]

DEFAULT_VERSION = "bedrock-2023-05-31"

_INVOKE_PATHS = frozenset({"v1/complete", "v1/messages"})
_DROPPED_HEADERS = frozenset({"x-api-key", "anthropic-version"})


class BedrockRequestRewriter:
    """A `RequestTransformer`: rewrites one attempt's `PreparedRequest` in place (never the shared body)."""

    __slots__ = ("_base_url",)

    def __init__(self, base_url: str) -> None:
        self._base_url = base_url if base_url.endswith("/") else base_url + "/"

    def __call__(self, request: PreparedRequest, /) -> None:
        for name in [k for k in request.headers if k.lower() in _DROPPED_HEADERS]:
            del request.headers[name]

        body = request.json
        if isinstance(body, dict):
            # A copy: the same body object is handed to every attempt of a call.
            body = dict(body)  # pyright: ignore[reportUnknownArgumentType]
            body.setdefault("anthropic_version", DEFAULT_VERSION)
            betas = _header(request.headers, "anthropic-beta")
            if betas:
                body.setdefault("anthropic_beta", betas.split(","))
            request.json = body

        if not request.url.startswith(self._base_url):
            return  # an absolute URL elsewhere: left alone, as 0.74.0 did
        relative = request.url[len(self._base_url) :]
        path, sep, query = relative.partition("?")
        if path.startswith("v1/messages/batches"):
            raise UnsupportedOnPlatformError(BATCHES_UNSUPPORTED)
        if path == "v1/messages/count_tokens":
            raise UnsupportedOnPlatformError(TOKEN_COUNTING_UNSUPPORTED)
        if request.method.upper() != "POST" or path not in _INVOKE_PATHS:
            return
        if not isinstance(body, dict):
            raise RuntimeError("Expected dictionary json_data for post /completions endpoint")
        model = _path_segment(body.pop("model", None))
        operation = "invoke-with-response-stream" if body.pop("stream", False) else "invoke"
        query = _drop_beta_flag(query) if sep else ""
        request.url = f"{self._base_url}model/{model}/{operation}" + (f"?{query}" if query else "")


def _path_segment(value: object) -> str:
    """One path segment, quoted as 0.74.0 quoted it; `.`/`..` escaped too (0.74.0 let them climb out of /model/)."""
    text = quote(str(value), safe=":")
    return text.replace(".", "%2E") if text in (".", "..") else text


def _header(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _drop_beta_flag(query: str) -> str:
    """`/v1/messages?beta=true` names the beta endpoint; Bedrock's operation has no such flag.

    Only the leading `beta=true` (the one that came with the path) goes; query parameters the caller added stay.
    """
    if query == "beta=true":
        return ""
    if query.startswith("beta=true&"):
        return query[len("beta=true&") :]
    return query
