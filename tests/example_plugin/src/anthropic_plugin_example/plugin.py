"""The example platform, written against the public plugin API only (`anthropic.plugins`; see docs/plugins.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator

import httpx

from anthropic.plugins import ClientConfig, PlatformRuntime, PlatformSpec, PreparedRequest, hookimpl


class ExampleSignature(httpx.Auth):
    """Signs the final body on every attempt: sha256(secret + body)."""

    requires_request_body = True

    def __init__(self, secret: str) -> None:
        self.secret = secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        digest = hashlib.sha256(self.secret.encode() + request.content).hexdigest()
        request.headers["X-Example-Signature"] = digest
        yield request


def _route_by_model(request: PreparedRequest) -> None:
    if request.endpoint == "messages.create" and isinstance(request.json, dict):
        body = dict(request.json)
        model = body.pop("model")
        request.json = body
        request.url = request.url.replace("/v1/messages", f"/example/{model}")


def build(config: ClientConfig) -> PlatformRuntime:
    """The whole platform in one place: where requests go, how they are signed and rewritten, what it lacks."""
    return PlatformRuntime(
        name="example",
        base_url=config.base_url or "https://example.invalid",
        default_headers={"anthropic-version": "2023-06-01"},
        auth=ExampleSignature(str(config.options["secret"])),
        transformers=(_route_by_model,),
        unsupported={"messages.count_tokens": "Token counting is not supported on the example platform"},
        unsupported_prefixes={"messages.batches": "Batches are not supported on the example platform"},
    )


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name="example",
            build=build,
            exports={"AnthropicExample": "anthropic_plugin_example.client:AnthropicExample"},
        )
    )
