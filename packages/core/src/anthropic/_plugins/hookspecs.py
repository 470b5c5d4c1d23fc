"""The hooks `anthropic` publishes. A plugin is a module (or object) with `@hookimpl` functions of these names,
advertised by one entry point in the group `anthropic.plugins`.

Hooks run when clients are built (and when a lazily exported name is first looked up), never per request: the
objects they return are what the request path uses. Plugin modules must be cheap to import; import heavy
libraries (botocore, google-auth, ...) inside the functions that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import httpx

    from .._decoders import StreamDecoder
    from .._platform import ClientConfig, PlatformSpec, RequestTransformer
    from .extensions import ResourceExtension

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "anthropic"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    """Add named platforms: call `register(PlatformSpec(name, build, exports))` once per platform.

    `build(config)` returns the platform's base `PlatformRuntime` (base URL, default headers, endpoints it does not
    support, status error mapping). Registering a name twice is an error.
    """


@hookspec(firstresult=True)
def platform_auth(platform: str, config: ClientConfig) -> httpx.Auth | None:
    """Return the `httpx.Auth` that authenticates requests of `platform` (SigV4 signing, bearer tokens...).

    The auth runs on every attempt, after the request transformers, so a retried request is signed again. Async
    clients call its `async_auth_flow`: do blocking work (token refresh, credential lookup) in a worker thread there.
    The first non-None result wins.
    """


@hookspec
def request_transformers(platform: str, config: ClientConfig) -> Sequence[RequestTransformer] | None:
    """Return sans-IO rewrites applied to every attempt's `PreparedRequest` (URL, headers, JSON body).

    Results of all plugins are applied in registration order. Return None (or nothing) for platforms you do not
    serve.
    """


@hookspec(firstresult=True)
def stream_decoder(platform: str, config: ClientConfig) -> Callable[[httpx.Response], StreamDecoder] | None:
    """Return a factory of decoders that turn a streamed response's bytes into `ServerSentEvent`s.

    Called once per client; the factory is called once per streamed response (it may look at the response's
    content-type). The default is the SSE decoder. Bedrock returns an AWS eventstream decoder.
    """


@hookspec
def register_exports(register: Callable[[str, str], None]) -> None:
    """Serve names lazily from `anthropic`: `register("beta_tool", "my_pkg.tools:beta_tool")`.

    `from anthropic import beta_tool` imports the target on first use. Platform names can also be exported through
    `PlatformSpec.exports`.
    """


@hookspec
def extend_resources(register: Callable[[ResourceExtension], None]) -> None:
    """Add methods to resources of every client (platform clients included), e.g. `beta.messages.tool_runner`.

    `register(ResourceExtension(resource="beta.messages", name="tool_runner", sync=..., async_=...))`; `sync`
    and `async_` receive the resource instance and return the attribute value (typically a bound function).
    """
