"""The `anthropic.plugins` entry point of anthropic-plugin-vertex: registers the "vertex" platform.

Cheap to import: google-auth (and the client module) load only when a Vertex client is built or used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from anthropic._platform import PlatformSpec
from anthropic._plugins.hookspecs import hookimpl

from ._runtime import PLATFORM_NAME, build_runtime

if TYPE_CHECKING:
    import httpx

    from anthropic._platform import ClientConfig, RequestTransformer

    from ._credentials import GoogleAuthState

__all__ = ["platform_auth", "register_platforms", "request_transformers"]


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name=PLATFORM_NAME,
            build=build_runtime,
            exports={
                "AnthropicVertex": "anthropic_plugin_vertex.client:AnthropicVertex",
                "AsyncAnthropicVertex": "anthropic_plugin_vertex.client:AsyncAnthropicVertex",
            },
        )
    )


@hookimpl
def platform_auth(platform: str, config: ClientConfig) -> httpx.Auth | None:
    if platform != PLATFORM_NAME:
        return None
    from ._auth import VertexAuth

    return VertexAuth(_state_of(config))


@hookimpl
def request_transformers(platform: str, config: ClientConfig) -> Sequence[RequestTransformer] | None:
    if platform != PLATFORM_NAME:
        return None
    from ._rewrite import VertexRewrite

    return [VertexRewrite(base_url=config.base_url or "", region=config.options["region"], state=_state_of(config))]


def _state_of(config: ClientConfig) -> GoogleAuthState:
    state = config.options.get("auth_state")
    if state is None:
        raise ValueError("The vertex platform is configured by AnthropicVertex / AsyncAnthropicVertex")
    return state
