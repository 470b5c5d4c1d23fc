"""What a platform is at run time: base URL, request rewrites, auth, stream decoding, error mapping, support.

A plugin describes its platform in one place, the `PlatformSpec` it registers: its `build(config)` returns the
complete `PlatformRuntime` of one client. The first-party API is one of them. The per-request path only calls these
objects' methods; pluggy is never consulted per request. Plugin authors import these names from `anthropic.plugins`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, cast

from typing_extensions import TypeVar

if TYPE_CHECKING:
    import httpx

    from ._decoders import StreamDecoder
    from ._exceptions import APIStatusError
    from ._observe import Observer
    from ._types import Omit

__all__ = [
    "ClientConfig",
    "PlatformRuntime",
    "PlatformSpec",
    "PreparedRequest",
    "RequestTransformer",
    "default_status_error",
    "options_as_dict",
]


@dataclass
class PreparedRequest:
    """A request about to be sent, before serialisation: transformers rewrite it (sans-IO) on every attempt.

    `url` is absolute. `json` is the JSON document (None when `content` or multipart `files` are used).
    `endpoint` names the API method (e.g. "messages.create") so transformers can target it.
    """

    method: str
    url: str
    headers: dict[str, str]
    json: object | None = None
    content: bytes | None = None
    files: list[tuple[str, Any]] | None = None
    data: Mapping[str, object] | None = None
    endpoint: str = ""
    stream: bool = False
    retries_taken: int = 0
    extensions: dict[str, Any] = field(default_factory=lambda: {})


class RequestTransformer(Protocol):
    """Rewrites a prepared request in place (URL, headers, body). Called once per attempt."""

    def __call__(self, request: PreparedRequest, /) -> None: ...


OptionsT = TypeVar("OptionsT", default=Mapping[str, Any])


@dataclass(frozen=True)
class ClientConfig(Generic[OptionsT]):
    """What a platform sees of the client it serves: the constructor's arguments, immutable.

    `options` holds the platform-specific constructor arguments (e.g. `aws_region`): a mapping by name, or the
    platform's own (typed) options object, such as a frozen dataclass, which its `build` then reads as typed
    attributes: `ClientConfig[VertexOptions]`.
    """

    platform: str
    base_url: str | None
    api_key: str | None
    auth_token: str | None
    options: OptionsT = field(default_factory=lambda: cast(Any, {}))

    def option_items(self) -> dict[str, Any]:
        """The options as a name -> value dict, whatever their form (a mapping or an object with fields)."""
        return options_as_dict(self.options)

    def __repr__(self) -> str:
        secret_free = {k: ("<redacted>" if _looks_secret(k) else v) for k, v in self.option_items().items()}
        return (
            f"ClientConfig(platform={self.platform!r}, base_url={self.base_url!r}, "
            f"api_key={'<redacted>' if self.api_key else None}, "
            f"auth_token={'<redacted>' if self.auth_token else None}, options={secret_free!r})"
        )


def options_as_dict(options: object) -> dict[str, Any]:
    """A platform's options as a dict: a mapping as it is, a dataclass by its fields, another object by `vars()`."""
    if isinstance(options, Mapping):
        return dict(cast("Mapping[str, Any]", options))
    if is_dataclass(options) and not isinstance(options, type):
        return {f.name: getattr(options, f.name) for f in fields(options)}
    return dict(vars(options))


def _looks_secret(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in ("key", "token", "secret", "password", "credential"))


@dataclass
class PlatformRuntime:
    """The objects one client uses on every request. Built once per client by the plugin host.

    - `base_url`: where requests go (absolute, ending with `/`).
    - `default_headers`: headers added before the caller's (`anthropic-version`, `X-Api-Key`, ...); `omit` as a
      value removes a header the core would send (0.74.0's Bedrock and Vertex clients send no `X-Stainless-Async`).
    - `transformers`: sans-IO rewrites applied on each attempt, in order.
    - `auth`: an `httpx.Auth` run on each attempt after the transformers (signing, bearer tokens); None for none.
    - `stream_decoder`: makes a fresh decoder of response bytes into events for one streamed response.
    - `make_status_error`: maps an error response to the exception class for its status.
    - `unsupported`: endpoint name -> message of the `UnsupportedOnPlatformError` raised before sending.
    - `validate_headers`: checks the final headers before sending (first party: credentials present).
    - `credential_headers`: lowercase names of headers carrying this platform's credentials, dropped (with the
      core's `x-api-key`, `api-key`, `authorization`...) from a redirect to another origin.
    - `observers`: what the `client_observers` hook returned for this client (tracing, metrics); the core reports
      each API call to them (see `anthropic.plugins.Observer`). Filled in by the plugin host, not by platforms.
    - `inherit`: called on a copy's runtime (`copy()` / `with_options()`) with the runtime it was copied from, so
      copies can share what is costly to rebuild (a credentials session); None for nothing to share.
    """

    name: str
    base_url: str
    default_headers: dict[str, str | Omit] = field(default_factory=lambda: {})
    transformers: Sequence[RequestTransformer] = ()
    auth: httpx.Auth | None = None
    stream_decoder: Callable[[httpx.Response], StreamDecoder] | None = None
    make_status_error: Callable[..., APIStatusError] | None = None
    unsupported: Mapping[str, str] = field(default_factory=lambda: {})
    unsupported_prefixes: Mapping[str, str] = field(default_factory=lambda: {})
    validate_headers: Callable[[Mapping[str, str], Mapping[str, object]], None] | None = None
    credential_headers: frozenset[str] = frozenset()
    inherit: Callable[[PlatformRuntime], None] | None = None
    observers: Sequence[Observer] = ()

    def unsupported_message(self, endpoint: str) -> str | None:
        """The error message for an endpoint this platform cannot serve, or None when it can."""
        message = self.unsupported.get(endpoint)
        if message is not None:
            return message
        for prefix, prefix_message in self.unsupported_prefixes.items():
            if endpoint.startswith(prefix):
                return prefix_message
        return None

    def new_stream_decoder(self, response: httpx.Response) -> StreamDecoder:
        if self.stream_decoder is not None:
            return self.stream_decoder(response)
        from ._decoders.sse import SSEDecoder

        return SSEDecoder()

    def status_error(self, message: str, *, body: object, response: httpx.Response) -> APIStatusError:
        if self.make_status_error is not None:
            return self.make_status_error(message, body=body, response=response)
        return default_status_error(message, body=body, response=response)


@dataclass(frozen=True)
class PlatformSpec:
    """A platform as a plugin registers it: the one place that describes it.

    `build(config)` returns the client's `PlatformRuntime`: base URL, default headers, `httpx.Auth`, sans-IO request
    transformers, stream decoder, status-error mapping and the endpoints it does not serve. The host adds only what
    applies to every platform (the `client_request_transformers` hook).
    `exports` maps names served from `anthropic` (e.g. "AnthropicBedrock") to "module:attribute" strings.
    """

    name: str
    build: Callable[[ClientConfig[Any]], PlatformRuntime]
    exports: Mapping[str, str] = field(default_factory=lambda: {})


def default_status_error(message: str, *, body: object, response: httpx.Response) -> APIStatusError:
    """The first-party status -> exception mapping of 0.74.0 (413 and 529 included, sync and async alike)."""
    from . import _exceptions as exc

    status = response.status_code
    cls = _STATUS_CLASSES.get(status)
    if cls is None:
        cls = exc.InternalServerError if status >= 500 else exc.APIStatusError
    else:
        cls = getattr(exc, cls)
    return cls(message, response=response, body=body)


_STATUS_CLASSES: dict[int, str] = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    413: "RequestTooLargeError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    529: "OverloadedError",
}
