"""`APIRequest`: a sans-IO description of one API call, built by resources and executed by the transport.

Resources only describe (method, path, body, query, headers, what to parse into); they never touch httpx.
Per-call options (`extra_headers`, `extra_query`, `extra_body`, `timeout`) travel inside the description.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from typing_extensions import TypedDict

from ._types import NOT_GIVEN, NotGiven, Omit, Timeout

if TYPE_CHECKING:
    from ._observe import Observation
    from ._types import Headers, Query

__all__ = ["APIRequest", "CallOptions", "beta_header", "path_param", "strip_omitted"]

_T = TypeVar("_T")


class CallOptions(TypedDict, total=False):
    """The per-call options every API method accepts."""

    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: object | None
    timeout: Timeout | NotGiven


class APIRequest(Generic[_T]):
    """What to send and what to parse the answer into; `endpoint` names it for platform support checks.

    `content` is a ready-made body (bytes, or a re-iterable byte stream such as a multipart upload) sent instead
    of the JSON body; the resource then sets the matching `Content-Type` header itself.
    """

    __slots__ = (
        "body",
        "cast_to",
        "content",
        "endpoint",
        "extra_body",
        "files",
        "follow_redirects",
        "headers",
        "max_retries",
        "method",
        "model_hint",
        "observation",
        "path",
        "post_parser",
        "query",
        "stream",
        "stream_cls",
        "timeout",
    )

    def __init__(
        self,
        method: str,
        path: str,
        cast_to: type[_T] | Any,
        *,
        endpoint: str,
        body: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, str | Omit] | None = None,
        files: list[tuple[str, Any]] | None = None,
        content: Any = None,
        stream: bool = False,
        stream_cls: Any = None,
        post_parser: Callable[[Any], Any] | None = None,
        model_hint: str | None = None,
        max_retries: int | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> None:
        self.method = method
        self.path = path
        self.cast_to = cast_to
        self.endpoint = endpoint
        self.body = body
        merged_query: dict[str, object] = dict(query) if query else {}
        if extra_query:
            merged_query.update(extra_query)
        self.query = merged_query
        merged_headers: dict[str, str | Omit] = dict(headers) if headers else {}
        if extra_headers:
            merged_headers.update(extra_headers)
        self.headers = merged_headers
        self.extra_body = extra_body
        self.files = files
        self.content = content
        self.stream = stream
        self.stream_cls = stream_cls
        self.post_parser = post_parser
        self.model_hint = model_hint
        self.max_retries = max_retries
        self.timeout = timeout
        self.follow_redirects: bool | None = None
        self.observation: Observation | None = None  # set by the client when an observer watches this call

    def json_body(self) -> object | None:
        """The JSON document to send: the body with `extra_body` merged over it (extra wins)."""
        if self.extra_body is None or not isinstance(self.extra_body, Mapping):
            return self.body if self.extra_body is None else self.extra_body
        merged = dict(self.body or {})
        merged.update(self.extra_body)  # pyright: ignore[reportUnknownArgumentType]
        return merged


def strip_omitted(params: Mapping[str, object]) -> dict[str, object]:
    """Drop keys whose value is `omit`/`NOT_GIVEN`: they are not sent (an explicit `None` is sent as null)."""
    return {k: v for k, v in params.items() if not isinstance(v, (Omit, NotGiven))}


def path_param(name: str, value: str) -> str:
    """Validate a path parameter the way 0.74.0 does, and percent-encode it as exactly one path segment.

    `.` and `..` are dot-segments that URL resolution removes (`files/..` is `/v1/`), so they are sent as `%2E` /
    `%2E%2E`: an id can never move the request to another endpoint."""
    if not value:
        raise ValueError(f"Expected a non-empty value for `{name}` but received {value!r}")
    if value in (".", ".."):
        return "%2E" * len(value)
    from urllib.parse import quote

    return quote(value, safe="")


def beta_header(betas: Iterable[str] | Omit | NotGiven | None, *defaults: str) -> dict[str, str]:
    """The `anthropic-beta` header for `betas=[...]` plus a resource's default betas (caller's first)."""
    names: list[str] = []
    if betas is not None and not isinstance(betas, (Omit, NotGiven)):
        names.extend(str(b) for b in betas)
    names.extend(defaults)
    if not names:
        return {}
    return {"anthropic-beta": ",".join(names)}
