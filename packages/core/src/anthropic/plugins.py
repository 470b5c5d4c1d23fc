"""The public plugin API of `anthropic`: everything a plugin author needs, versioned on its own.

A plugin is a distribution (by convention `anthropic-plugin-<name>`) with one entry point in the group
`anthropic.plugins` that names a module with `@hookimpl` functions. A platform is described in one place, the
`PlatformSpec` its `register_platforms` hook registers, whose `build(config)` returns the `PlatformRuntime` of one
client (base URL, default headers, `httpx.Auth`, sans-IO request transformers, stream decoder, status-error mapping,
unsupported endpoints). Its client classes derive from `PlatformClient` / `AsyncPlatformClient`.

Compatibility: `PLUGIN_API_VERSION` changes only when this module changes incompatibly (a name removed or a
signature narrowed); additions keep it. A plugin states the versions it works with through `require_plugin_api()`
when it is imported, and gets a clear `ImportError` on a core that does not offer them. See docs/plugins.md.

Importing this module is cheap (no httpx, no pydantic): the client bases and decoder types load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_dir, lazy_getattr
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
    from ._decoders.sse import ServerSentEvent
    from ._platform_client import AsyncPlatformClient, PlatformClient

__all__ = [
    "ENTRY_POINT_GROUP",
    "PLUGIN_API_VERSION",
    "AsyncPlatformClient",
    "Body",
    "ClientConfig",
    "Headers",
    "PlatformClient",
    "PlatformRuntime",
    "PlatformSpec",
    "PreparedRequest",
    "Query",
    "RequestTransformer",
    "ResourceExtension",
    "SequenceNotStr",
    "ServerSentEvent",
    "StreamDecoder",
    "default_status_error",
    "hookimpl",
    "options_as_dict",
    "require_plugin_api",
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


_LAZY = {
    "StreamDecoder": "anthropic._decoders:StreamDecoder",
    "ServerSentEvent": "anthropic._decoders.sse:ServerSentEvent",
    "PlatformClient": "anthropic._platform_client:PlatformClient",
    "AsyncPlatformClient": "anthropic._platform_client:AsyncPlatformClient",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _LAZY)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _LAZY)
