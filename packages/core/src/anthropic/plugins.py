"""The public plugin API of `anthropic`: everything a plugin author needs, versioned on its own.

A plugin is a distribution (by convention `anthropic-plugin-<name>`) with one entry point in the group
`anthropic.plugins` that names a module with `@hookimpl` functions. A platform is described in one place, the
`PlatformSpec` its `register_platforms` hook registers, whose `build(config)` returns the `PlatformRuntime` of one
client (base URL, default headers, `httpx.Auth`, sans-IO request transformers, stream decoder, status-error mapping,
unsupported endpoints). Its client classes derive from `PlatformClient` / `AsyncPlatformClient`. Observers
(`client_observers`) see every API call of every platform: tracing and metrics plugins build on them.

Compatibility: `PLUGIN_API_VERSION` changes only when this module changes incompatibly (a name removed or a
signature narrowed); additions keep it. A plugin states the versions it works with through `require_plugin_api()`
when it is imported, and gets a clear `ImportError` on a core that does not offer them. See docs/plugins.md.

Importing this module is cheap (no httpx, no pydantic): the client bases and decoder types load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_dir, lazy_getattr
from ._observe import Attempt, Observation, Observer, Operation, observation_ending, observation_scope, observe
from ._platform import (
    ClientConfig,
    PlatformRuntime,
    PlatformSpec,
    PreparedRequest,
    RequestTransformer,
    default_status_error,
    options_as_dict,
)
from ._plugins.extensions import ResourceExtension
from ._plugins.hookspecs import hookimpl
from ._types import Body, Headers, Query, SequenceNotStr
from .plugin_api import PLUGIN_API_VERSION

if TYPE_CHECKING:
    from ._decoders import StreamDecoder
    from ._decoders.sse import ServerSentEvent, SSEDecoder
    from ._exceptions import DeadlineExceededError, ServiceUnavailableError
    from ._platform_client import AsyncPlatformClient, PlatformClient
    from ._request import beta_header, strip_omitted
    from .resources._helpers import warn_if_deprecated

__all__ = [
    "ENTRY_POINT_GROUP",
    "PLUGIN_API_VERSION",
    "AsyncPlatformClient",
    "Attempt",
    "Body",
    "ClientConfig",
    "DeadlineExceededError",
    "Headers",
    "Observation",
    "Observer",
    "Operation",
    "PlatformClient",
    "PlatformRuntime",
    "PlatformSpec",
    "PreparedRequest",
    "Query",
    "RequestTransformer",
    "ResourceExtension",
    "SSEDecoder",
    "SequenceNotStr",
    "ServerSentEvent",
    "ServiceUnavailableError",
    "StreamDecoder",
    "beta_header",
    "default_status_error",
    "hookimpl",
    "observation_ending",
    "observation_scope",
    "observe",
    "options_as_dict",
    "register_plugin",
    "require_plugin_api",
    "strip_omitted",
    "unregister_plugin",
    "warn_if_deprecated",
]

ENTRY_POINT_GROUP = "anthropic.plugins"
"""The entry-point group the core scans for plugins."""


def require_plugin_api(minimum: int, below: int | None = None, *, distribution: str) -> None:
    """Fail with an `ImportError` naming the fix unless this core offers plugin API `minimum` <= v < `below`.

    Call it at the top of a plugin's package `__init__`: `require_plugin_api(1, 2, distribution="anthropic-plugin-x")`.
    """
    if PLUGIN_API_VERSION >= minimum and (below is None or PLUGIN_API_VERSION < below):
        return
    wanted = f">={minimum}" + (f",<{below}" if below is not None else "")
    raise ImportError(
        f"{distribution} needs the anthropic plugin API {wanted}, but the installed anthropic core offers "
        f"version {PLUGIN_API_VERSION}; install a version of {distribution} made for this core, or upgrade the core"
    )


def register_plugin(plugin: object, name: str | None = None) -> None:
    """Register a plugin (a module or object with `@hookimpl` functions) by code: an app's own hooks, a test fixture.

    Entry points are discovered first, so a plugin its entry point already loaded is left as it is.
    """
    from ._plugins.host import get_host

    host = get_host()
    host.discover()
    if not host.pm.is_registered(plugin):
        host.register(plugin, name=name)


def unregister_plugin(name: str) -> None:
    """Remove the plugin registered under `name` (clients built afterwards no longer see its hooks)."""
    from ._plugins.host import get_host

    get_host().unregister(name)


_LAZY = {
    "StreamDecoder": "anthropic._decoders:StreamDecoder",
    "ServerSentEvent": "anthropic._decoders.sse:ServerSentEvent",
    "SSEDecoder": "anthropic._decoders.sse:SSEDecoder",  # the default decoder, for a platform that may also get SSE
    # 0.74.0's Bedrock and Vertex map 503 to it, but `anthropic` does not export it:
    "ServiceUnavailableError": "anthropic._exceptions:ServiceUnavailableError",
    "DeadlineExceededError": "anthropic._exceptions:DeadlineExceededError",  # 0.74.0's Vertex 504, not exported either
    "PlatformClient": "anthropic._platform_client:PlatformClient",
    "AsyncPlatformClient": "anthropic._platform_client:AsyncPlatformClient",
    # For resource extensions (methods plugins add to resources), so they send what the core's own methods send:
    "beta_header": "anthropic._request:beta_header",  # the `anthropic-beta` header for `betas=[...]`
    "strip_omitted": "anthropic._request:strip_omitted",  # drop `omit`/`NOT_GIVEN` params from a body
    "warn_if_deprecated": "anthropic.resources._helpers:warn_if_deprecated",  # 0.74.0's deprecated-model warning
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _LAZY)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _LAZY)
