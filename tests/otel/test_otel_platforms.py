"""The same spans on every platform: Bedrock (real SigV4 signing), Vertex (bearer token), Foundry (api key and Azure AD
token) and the example third-party platform, sync and async, against the fake server; no credential is exported."""

from __future__ import annotations

import re
from typing import Any

import pytest
from _otel_support import MESSAGES, Telemetry, call, drain
from opentelemetry.trace import SpanKind
from test_otel_content import exported_text

from anthropic._plugins.host import PluginHost
from anthropic.plugins import AsyncPlatformClient
from anthropic.testing import FakeAnthropicServer, Reply

MODEL = "claude-sonnet-4-5"
AWS_ACCESS_KEY = "AKIAOTELTESTACCESSKEY"
AWS_SECRET_KEY = "otel/test/secret/access/key/0123456789"
AWS_SESSION_TOKEN = "otel-session-token-secret"
VERTEX_TOKEN = "ya29.otel-secret-access-token"
FOUNDRY_KEY = "foundry-secret-api-key"
AAD_TOKEN = "aad-secret-bearer-token"
EXAMPLE_SECRET = "example-secret-credential"
_ENV = (
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "ANTHROPIC_BASE_URL",
    "ANTHROPIC_BEDROCK_BASE_URL",
    "ANTHROPIC_VERTEX_BASE_URL",
    "ANTHROPIC_VERTEX_PROJECT_ID",
    "CLOUD_ML_REGION",
    "ANTHROPIC_FOUNDRY_API_KEY",
    "ANTHROPIC_FOUNDRY_RESOURCE",
    "ANTHROPIC_FOUNDRY_BASE_URL",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent-aws-config")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent-aws-credentials")


def _check_chat_span(telemetry: Telemetry, provider: str, server: FakeAnthropicServer) -> Any:
    span = telemetry.spans()[0]
    attributes = span.attributes or {}
    assert span.name == f"chat {MODEL}"
    assert span.kind is SpanKind.CLIENT
    assert attributes["gen_ai.operation.name"] == "chat"
    assert attributes["gen_ai.provider.name"] == provider
    assert attributes["gen_ai.system"] == provider
    assert attributes["gen_ai.request.model"] == MODEL
    assert attributes["gen_ai.request.max_tokens"] == 32
    assert attributes["gen_ai.response.id"].startswith("msg_")
    assert attributes["gen_ai.response.finish_reasons"] == ("end_turn",)
    assert attributes["gen_ai.usage.input_tokens"] > 0
    assert attributes["gen_ai.usage.output_tokens"] > 0
    assert attributes["server.address"] == "127.0.0.1"
    assert attributes["server.port"] == int(server.url.rsplit(":", 1)[1].split("/")[0])
    (point,) = [
        p for p in telemetry.points("gen_ai.client.token.usage") if p.attributes["gen_ai.token.type"] == "input"
    ]
    assert point.attributes["gen_ai.provider.name"] == provider
    return span


@pytest.mark.anyio
async def test_bedrock(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, plugin_host: PluginHost, is_async: bool
) -> None:
    plugin = pytest.importorskip("anthropic_plugin_bedrock.plugin")  # absent when otel is installed alone
    from anthropic_plugin_bedrock import AnthropicBedrock, AsyncAnthropicBedrock

    plugin_host.register(plugin, name="bedrock")
    anthropic_server.enqueue(
        Reply.error(529, headers={"retry-after-ms": "1"}), Reply.message("from bedrock"), path=re.compile(r"/model/.*")
    )
    cls = AsyncAnthropicBedrock if is_async else AnthropicBedrock
    client = cls(
        aws_access_key=AWS_ACCESS_KEY,
        aws_secret_key=AWS_SECRET_KEY,
        aws_session_token=AWS_SESSION_TOKEN,
        aws_region="us-east-1",
        base_url=anthropic_server.url,
    )
    await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES))
    sent = anthropic_server.requests[-1]
    assert sent.path == f"/model/{MODEL}/invoke"
    assert sent.headers["authorization"].startswith(f"AWS4-HMAC-SHA256 Credential={AWS_ACCESS_KEY}/")  # really signed
    span = _check_chat_span(telemetry, "aws.bedrock", anthropic_server)
    assert [e.attributes["http.response.status_code"] for e in span.events] == [529, 200]
    text = exported_text(telemetry)
    signature = sent.headers["authorization"].rsplit("Signature=", 1)[1]
    for secret in (AWS_ACCESS_KEY, AWS_SECRET_KEY, AWS_SESSION_TOKEN, signature):
        assert secret not in text


@pytest.mark.anyio
async def test_vertex(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, plugin_host: PluginHost, is_async: bool
) -> None:
    plugin = pytest.importorskip("anthropic_plugin_vertex.plugin")
    from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

    plugin_host.register(plugin, name="vertex")
    predict = re.compile(r".*/projects/.*:(stream)?[rR]awPredict")
    anthropic_server.enqueue(Reply.message("from vertex"), Reply.message("streamed from vertex"), path=predict)
    cls = AsyncAnthropicVertex if is_async else AnthropicVertex
    client = cls(region="us-east5", project_id="proj", access_token=VERTEX_TOKEN, base_url=anthropic_server.url)
    await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES))
    assert anthropic_server.requests[-1].headers["authorization"] == f"Bearer {VERTEX_TOKEN}"
    await drain(await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES, stream=True)))
    _check_chat_span(telemetry, "gcp.vertex_ai", anthropic_server)
    streamed = telemetry.spans()[1]
    assert streamed.attributes["gen_ai.request.stream"] is True
    assert streamed.attributes["gen_ai.response.finish_reasons"] == ("end_turn",)
    assert "gen_ai.response.time_to_first_chunk" in streamed.attributes
    assert VERTEX_TOKEN not in exported_text(telemetry)


@pytest.mark.anyio
@pytest.mark.parametrize("auth", ["api_key", "token_provider"])
async def test_foundry(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, plugin_host: PluginHost, is_async: bool, auth: str
) -> None:
    plugin = pytest.importorskip("anthropic_plugin_foundry.plugin")
    from anthropic_plugin_foundry import AnthropicFoundry, AsyncAnthropicFoundry

    plugin_host.register(plugin, name="foundry")
    anthropic_server.enqueue(Reply.message("from foundry"), Reply.message("streamed from foundry"))
    cls = AsyncAnthropicFoundry if is_async else AnthropicFoundry
    if auth == "api_key":
        client = cls(api_key=FOUNDRY_KEY, base_url=anthropic_server.url)
    else:
        client = cls(azure_ad_token_provider=lambda: AAD_TOKEN, base_url=anthropic_server.url)
    await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES))
    headers = anthropic_server.requests[-1].headers
    assert headers.get("api-key") == FOUNDRY_KEY or headers.get("authorization") == f"Bearer {AAD_TOKEN}"
    await drain(await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES, stream=True)))
    _check_chat_span(telemetry, "azure.ai.inference", anthropic_server)
    assert telemetry.spans()[1].attributes["gen_ai.request.stream"] is True
    text = exported_text(telemetry)
    assert FOUNDRY_KEY not in text and AAD_TOKEN not in text


@pytest.mark.anyio
async def test_third_party_platform_reports_its_name(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, plugin_host: PluginHost, is_async: bool
) -> None:
    example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")
    from anthropic_plugin_example.client import AnthropicExample

    class AsyncAnthropicExample(AsyncPlatformClient):
        """The example plugin ships a sync client only; its async twin is the same declaration on the async base."""

        platform = "example"

        def __init__(self, *, secret: str, base_url: str) -> None:
            super().__init__(options={"secret": secret}, base_url=base_url)

    plugin_host.register(example_plugin, name="example")
    anthropic_server.enqueue(Reply.message("on example"), Reply.message("streamed"), path=f"/example/{MODEL}")
    cls = AsyncAnthropicExample if is_async else AnthropicExample
    client = cls(secret=EXAMPLE_SECRET, base_url=anthropic_server.url)
    await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES))
    await drain(await call(client.messages.create(model=MODEL, max_tokens=32, messages=MESSAGES, stream=True)))
    _check_chat_span(telemetry, "example", anthropic_server)
    assert telemetry.spans()[1].attributes["gen_ai.provider.name"] == "example"
    assert EXAMPLE_SECRET not in exported_text(telemetry)
