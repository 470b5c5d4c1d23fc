"""The relay platform, described in one place: the `PlatformSpec` that the `register_platforms` hook registers.

This module is the entry point (`anthropic.plugins` group), loaded when the first client is built: keep it cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from anthropic.plugins import ClientConfig, PlatformRuntime, PlatformSpec, PreparedRequest, hookimpl

from anthropic_plugin_relay.auth import RelaySignature
from anthropic_plugin_relay.options import RelayOptions

__all__ = ["DEFAULT_BASE_URL", "add_routing_header", "build", "register_platforms"]

DEFAULT_BASE_URL = "https://relay.example.com/anthropic"
_NO_STORAGE = "The relay keeps no data: {} are not available through it"


def add_routing_header(request: PreparedRequest) -> None:
    """The relay routes by model without parsing bodies: copy the model into a header (sans-IO, every attempt)."""
    body: Any = request.json
    if isinstance(body, dict) and isinstance(body.get("model"), str):
        request.headers["X-Relay-Model"] = body["model"]


def build(config: ClientConfig[RelayOptions]) -> PlatformRuntime:
    """The runtime of one client: where requests go, how they are signed and rewritten, what the relay lacks."""
    options = config.options
    headers = {"anthropic-version": "2023-06-01"}
    if options.team:
        headers["X-Relay-Team"] = options.team
    return PlatformRuntime(
        name="relay",
        base_url=config.base_url or DEFAULT_BASE_URL,
        default_headers=headers,
        auth=RelaySignature(options.key_id, options.secret),
        transformers=(add_routing_header,),
        unsupported_prefixes={
            "messages.batches": _NO_STORAGE.format("message batches"),
            "beta.messages.batches": _NO_STORAGE.format("message batches"),
            "beta.files": _NO_STORAGE.format("files"),
        },
        credential_headers=frozenset({"x-relay-key-id", "x-relay-signature"}),
    )


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name="relay",
            build=build,
            exports={
                "AnthropicRelay": "anthropic_plugin_relay.client:AnthropicRelay",
                "AsyncAnthropicRelay": "anthropic_plugin_relay.client:AsyncAnthropicRelay",
            },
        )
    )
