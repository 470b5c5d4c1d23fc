"""The `anthropic.plugins` entry point of anthropic-plugin-vertex: registers the "vertex" platform.

Cheap to import: google-auth (and the client module) load only when a Vertex client is built or used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from anthropic._platform import PlatformSpec
from anthropic._plugins.hookspecs import hookimpl

from ._runtime import PLATFORM_NAME, build_runtime

if TYPE_CHECKING:
    from anthropic._platform import ClientConfig, PlatformRuntime

    from ._credentials import GoogleAuthState

__all__ = ["build_platform", "register_platforms"]


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name=PLATFORM_NAME,
            build=build_platform,
            exports={
                "AnthropicVertex": "anthropic_plugin_vertex.client:AnthropicVertex",
                "AsyncAnthropicVertex": "anthropic_plugin_vertex.client:AsyncAnthropicVertex",
            },
        )
    )


def build_platform(config: ClientConfig) -> PlatformRuntime:
    """The whole Vertex runtime of one client: base settings, the google-auth bearer token, the URL rewrite."""
    from ._auth import VertexAuth
    from ._rewrite import VertexRewrite

    state = _state_of(config)
    runtime = build_runtime(config)
    rewrite = VertexRewrite(base_url=config.base_url or "", region=config.options["region"], state=state)
    return replace(runtime, auth=VertexAuth(state), transformers=(*runtime.transformers, rewrite))


def _state_of(config: ClientConfig) -> GoogleAuthState:
    state = config.options.get("auth_state")
    if state is None:
        raise ValueError("The vertex platform is configured by AnthropicVertex / AsyncAnthropicVertex")
    return state
