"""The `anthropic.plugins` entry point of anthropic-plugin-vertex: registers the "vertex" platform.

Cheap to import: google-auth (and the client module) load only when a Vertex client is built or used.
"""

from __future__ import annotations

from collections.abc import Callable

from anthropic import omit
from anthropic.plugins import ClientConfig, PlatformRuntime, PlatformSpec, hookimpl

from ._runtime import PLATFORM_NAME, UNSUPPORTED, VertexOptions, status_error

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


def build_platform(config: ClientConfig[VertexOptions]) -> PlatformRuntime:
    """The whole Vertex runtime of one client: the google-auth bearer token, the URL rewrite, the status mapping.

    No `anthropic-version` header and no API key: the body and the bearer token carry both.
    """
    from ._auth import VertexAuth
    from ._rewrite import VertexRewrite

    options = config.options
    if not isinstance(options, VertexOptions) or not config.base_url:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValueError("The vertex platform is configured by AnthropicVertex / AsyncAnthropicVertex")
    return PlatformRuntime(
        name=PLATFORM_NAME,
        base_url=config.base_url,
        default_headers={"X-Stainless-Async": omit},  # 0.74.0's Vertex clients do not send it
        auth=VertexAuth(options.auth),
        transformers=(VertexRewrite(base_url=config.base_url, state=options.auth),),
        make_status_error=status_error,
        unsupported_prefixes=UNSUPPORTED,
    )
