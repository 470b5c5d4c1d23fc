"""Message content is recorded only on opt-in (env variable or `configure`); credentials never; no provider: no cost."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _otel_support import Telemetry, call, drain

import anthropic
import anthropic_plugin_otel
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_otel import CAPTURE_CONTENT_ENV

MODEL = "claude-sonnet-4-5"
API_KEY = "sk-ant-api03-very-secret-key"
PROMPT = [{"role": "user", "content": "the secret plan"}]
CONTENT_ATTRIBUTES = {"gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions"}


def _client(server: FakeAnthropicServer, is_async: bool) -> Any:
    cls = anthropic.AsyncAnthropic if is_async else anthropic.Anthropic
    return cls(api_key=API_KEY, base_url=server.url)


def exported_text(telemetry: Telemetry) -> str:
    """Every exported attribute and event (names and values) of every span, and every metric's attributes."""
    parts: list[str] = []
    for span in telemetry.spans():
        parts.append(span.name)
        parts.append(json.dumps(dict(span.attributes or {}), default=str))
        for event in span.events:
            parts.append(event.name + json.dumps(dict(event.attributes or {}), default=str))
        parts.append(str(span.status.description))
    for name in ("gen_ai.client.token.usage", "gen_ai.client.operation.duration"):
        parts.extend(json.dumps(dict(p.attributes), default=str) for p in telemetry.points(name))
    return "\n".join(parts)


@pytest.mark.anyio
async def test_no_content_by_default(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("the answer"))
    client = _client(anthropic_server, is_async)
    await call(client.messages.create(model=MODEL, max_tokens=8, system="be terse", messages=PROMPT))
    attributes = telemetry.span().attributes or {}
    assert not CONTENT_ATTRIBUTES & set(attributes)
    text = exported_text(telemetry)
    for secret in ("the secret plan", "the answer", "be terse", API_KEY):
        assert secret not in text


@pytest.mark.anyio
@pytest.mark.parametrize("how", ["env", "configure"])
async def test_content_on_opt_in(
    anthropic_server: FakeAnthropicServer,
    telemetry: Telemetry,
    is_async: bool,
    how: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if how == "env":
        monkeypatch.setenv(CAPTURE_CONTENT_ENV, "true")
    else:
        anthropic_plugin_otel.configure(
            tracer_provider=telemetry.tracer_provider, meter_provider=telemetry.meter_provider, capture_content=True
        )
    anthropic_server.enqueue(Reply.message("the answer"), Reply.message("streamed answer"))
    client = _client(anthropic_server, is_async)
    await call(client.messages.create(model=MODEL, max_tokens=8, system="be terse", messages=PROMPT))
    await drain(await call(client.messages.create(model=MODEL, max_tokens=8, messages=PROMPT, stream=True)))
    plain, streamed = telemetry.spans()
    attributes = plain.attributes or {}
    assert json.loads(str(attributes["gen_ai.input.messages"])) == PROMPT
    assert json.loads(str(attributes["gen_ai.system_instructions"])) == "be terse"
    (output,) = json.loads(str(attributes["gen_ai.output.messages"]))
    assert output["role"] == "assistant"
    assert [(b["type"], b["text"]) for b in output["content"]] == [("text", "the answer")]
    (output,) = json.loads(str((streamed.attributes or {})["gen_ai.output.messages"]))
    assert [(b["type"], b["text"]) for b in output["content"]] == [("text", "streamed answer")]
    assert API_KEY not in exported_text(telemetry)


def test_configure_overrides_the_env(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CAPTURE_CONTENT_ENV, "true")
    anthropic_plugin_otel.configure(
        tracer_provider=telemetry.tracer_provider, meter_provider=telemetry.meter_provider, capture_content=False
    )
    assert anthropic_plugin_otel.settings().captures_content() is False
    _client(anthropic_server, False).messages.create(model=MODEL, max_tokens=8, messages=PROMPT)
    assert not CONTENT_ATTRIBUTES & set(telemetry.span().attributes or {})


def test_env_must_say_true(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in (("true", True), ("True", True), ("1", False), ("yes", False), ("", False)):
        monkeypatch.setenv(CAPTURE_CONTENT_ENV, value)
        assert anthropic_plugin_otel.settings().captures_content() is expected


def test_no_provider_means_no_observation(anthropic_server: FakeAnthropicServer) -> None:
    """With the API's no-op defaults the observer declines every call: nothing is computed or recorded."""
    from opentelemetry import metrics, trace

    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)  # nothing set in this process
    anthropic_plugin_otel.configure()
    seen: list[Any] = []
    from anthropic_plugin_otel._observer import OtelObservation

    original = OtelObservation.__init__

    def spy(self: Any, *args: Any, **kwargs: Any) -> None:
        seen.append(args)
        original(self, *args, **kwargs)

    OtelObservation.__init__ = spy  # type: ignore[method-assign]
    try:
        _client(anthropic_server, False).messages.create(model=MODEL, max_tokens=8, messages=PROMPT)
        assert seen == []
        anthropic_plugin_otel.configure(meter_provider=metrics.NoOpMeterProvider(), tracer_provider=None)
        _client(anthropic_server, False).messages.create(model=MODEL, max_tokens=8, messages=PROMPT)
        assert seen == []
    finally:
        OtelObservation.__init__ = original  # type: ignore[method-assign]
        anthropic_plugin_otel.configure()


def test_a_sampled_out_call_exports_no_span(anthropic_server: FakeAnthropicServer) -> None:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
    from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

    exporter = InMemorySpanExporter()
    provider = TracerProvider(sampler=ALWAYS_OFF)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    anthropic_plugin_otel.configure(tracer_provider=provider)
    try:
        _client(anthropic_server, False).messages.create(model=MODEL, max_tokens=8, messages=PROMPT)
    finally:
        anthropic_plugin_otel.configure()
    assert exporter.get_finished_spans() == ()
