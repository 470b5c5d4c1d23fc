"""The example platform, written with the public hooks only (see docs/plugins.md)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator, Sequence

import httpx

from anthropic._platform import ClientConfig, PlatformRuntime, PlatformSpec, PreparedRequest, RequestTransformer
from anthropic._plugins import hookimpl


def _build(config: ClientConfig) -> PlatformRuntime:
    return PlatformRuntime(
        name="example",
        base_url=config.base_url or "https://example.invalid",
        default_headers={"anthropic-version": "2023-06-01"},
        unsupported={"messages.count_tokens": "Token counting is not supported on the example platform"},
        unsupported_prefixes={"messages.batches": "Batches are not supported on the example platform"},
    )


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


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name="example",
            build=_build,
            exports={"AnthropicExample": "anthropic_plugin_example.client:AnthropicExample"},
        )
    )


@hookimpl
def platform_auth(platform: str, config: ClientConfig) -> httpx.Auth | None:
    if platform != "example":
        return None
    return ExampleSignature(str(config.options["secret"]))


@hookimpl
def request_transformers(platform: str, config: ClientConfig) -> Sequence[RequestTransformer] | None:
    if platform != "example":
        return None
    return [_route_by_model]
