"""The hooks `anthropic` publishes (documented in docs/plugins.md; import `hookimpl` from `anthropic.plugins`).

Each hook is part of the plugin API (`anthropic.plugins.PLUGIN_API_VERSION`): removing one or changing its arguments
is a breaking change; adding one is not. tests/core/test_hooks_meta.py checks that docs/plugins.md shows each hook's
signature in a heading and that a `test_hook_<name>` test exercises it.

A plugin is a module (or object) with `@hookimpl` functions of these names, advertised by one entry point in the group
`anthropic.plugins`. A platform is described in one place, the `PlatformSpec` that `register_platforms` registers;
the other hooks apply to every platform.

Hooks run when clients are built (and when a lazily exported name is first looked up), never per request: the
objects they return are what the request path uses. Plugin modules must be cheap to import; import heavy
libraries (botocore, google-auth, ...) inside the functions that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from .._observe import Observer
    from .._platform import ClientConfig, PlatformSpec, RequestTransformer
    from .extensions import ResourceExtension

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "anthropic"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    """Add named platforms: call `register(PlatformSpec(name, build, exports))` once per platform.

    `build(config)` returns the platform's complete `PlatformRuntime` for one client: base URL, default headers,
    `httpx.Auth`, request transformers, stream decoder, status-error mapping, unsupported endpoints. It runs for
    each client and each copy; `config.base_url` is then the copied client's base URL, so use it as it is (never
    append to it). Registering a name twice is an error.
    """


@hookspec
def client_request_transformers(config: ClientConfig[Any]) -> Sequence[RequestTransformer] | None:
    """Return sans-IO rewrites for the requests of every client, whatever its platform (a proxy, a tracing header).

    Called once per client (and per copy) with its `ClientConfig` (its `platform` names the platform); the rewrites
    run on each attempt after the platform's own transformers and before its `httpx.Auth` (so signatures cover
    them), in plugin registration order. Return None to add nothing.
    Platform-specific rewrites belong in the platform's `PlatformRuntime`, not here.
    """


@hookspec
def client_observers(config: ClientConfig[Any]) -> Sequence[Observer] | None:
    """Return observers of every API call of a client, whatever its platform (tracing, metrics, audit logs).

    Called once per client (and per copy) with its `ClientConfig`. Each observer's `start(operation)` runs when a
    call begins and returns an `Observation` that hears of each HTTP attempt, the response, the parsed result or
    each streamed event, and the end (see `anthropic.plugins.Observer`). Observers only watch: their exceptions are
    logged and never change the call. A client with no observer pays nothing for this hook on its requests.
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
    and `async_` receive the resource instance and return the attribute value (typically a bound function), built on
    first access and cached on the resource.
    """
