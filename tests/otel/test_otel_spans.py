"""Spans and metrics of first-party calls, over real HTTP against the fake server, sync and async, attribute by
attribute: create, both kinds of stream (whole, cut off), a retried 529, errors, count_tokens, batches, models."""

from __future__ import annotations

from typing import Any

import pytest
from _otel_support import MESSAGES, Telemetry, call, drain
from opentelemetry.trace import SpanKind, StatusCode

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply

MODEL = "claude-sonnet-4-5"


def _client(server: FakeAnthropicServer, is_async: bool, **kwargs: Any) -> Any:
    cls = anthropic.AsyncAnthropic if is_async else anthropic.Anthropic
    return cls(api_key="sk-ant-secret-key", base_url=server.url, **kwargs)


def _port(server: FakeAnthropicServer) -> int:
    return int(server.url.rsplit(":", 1)[1].split("/")[0])


@pytest.mark.anyio
async def test_create_span_attribute_by_attribute(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("Hi there"))
    client = _client(anthropic_server, is_async)
    message = await call(
        client.messages.create(
            model=MODEL,
            max_tokens=64,
            temperature=0.5,
            top_p=0.9,
            top_k=40,
            stop_sequences=["END"],
            messages=MESSAGES,
        )
    )
    span = telemetry.span()
    assert span.name == f"chat {MODEL}"
    assert span.kind is SpanKind.CLIENT
    assert span.status.status_code is StatusCode.UNSET
    attributes = dict(span.attributes or {})
    assert attributes.pop("gen_ai.operation.name") == "chat"
    assert attributes.pop("gen_ai.provider.name") == "anthropic"
    assert attributes.pop("gen_ai.system") == "anthropic"
    assert attributes.pop("gen_ai.request.model") == MODEL
    assert attributes.pop("gen_ai.request.max_tokens") == 64
    assert attributes.pop("gen_ai.request.temperature") == 0.5
    assert attributes.pop("gen_ai.request.top_p") == 0.9
    assert attributes.pop("gen_ai.request.top_k") == 40
    assert attributes.pop("gen_ai.request.stop_sequences") == ("END",)
    assert attributes.pop("gen_ai.request.stream") is False
    assert attributes.pop("server.address") == "127.0.0.1"
    assert attributes.pop("server.port") == _port(anthropic_server)
    assert attributes.pop("gen_ai.response.id") == message.id
    assert attributes.pop("gen_ai.response.model") == message.model
    assert attributes.pop("gen_ai.response.finish_reasons") == ("end_turn",)
    assert attributes.pop("gen_ai.usage.input_tokens") == message.usage.input_tokens
    assert attributes.pop("gen_ai.usage.output_tokens") == message.usage.output_tokens
    assert attributes.pop("gen_ai.usage.cache_creation.input_tokens") == 0
    assert attributes.pop("gen_ai.usage.cache_read.input_tokens") == 0
    assert attributes.pop("anthropic.request_id") == message._request_id
    assert attributes == {}  # nothing else: no content, no credential
    (attempt,) = span.events
    assert attempt.name == "anthropic.attempt"
    assert dict(attempt.attributes or {}) == {
        "anthropic.attempt": 1,
        "http.request.resend_count": 0,
        "http.response.status_code": 200,
    }
    assert span.parent is None


@pytest.mark.anyio
async def test_metrics_follow_the_conventions(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("Hi there"), Reply.message("again"))
    client = _client(anthropic_server, is_async)
    first = await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES))
    second = await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES))
    common = {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": MODEL,
        "gen_ai.response.model": first.model,
        "server.address": "127.0.0.1",
        "server.port": _port(anthropic_server),
    }
    usage = telemetry.metric("gen_ai.client.token.usage")
    assert usage.unit == "{token}"
    points = {point.attributes["gen_ai.token.type"]: point for point in usage.data.data_points}
    assert set(points) == {"input", "output"}
    assert dict(points["input"].attributes) == {**common, "gen_ai.token.type": "input"}
    assert points["input"].count == 2
    assert points["input"].sum == first.usage.input_tokens + second.usage.input_tokens
    assert points["output"].sum == first.usage.output_tokens + second.usage.output_tokens
    assert tuple(points["input"].explicit_bounds) == (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864)  # fmt: skip
    duration = telemetry.metric("gen_ai.client.operation.duration")
    assert duration.unit == "s"
    (point,) = duration.data.data_points
    assert dict(point.attributes) == common
    assert point.count == 2 and point.sum > 0
    assert tuple(point.explicit_bounds) == (0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92)  # fmt: skip
    assert telemetry.points("gen_ai.client.operation.time_to_first_chunk") == []  # no stream


@pytest.mark.anyio
async def test_retried_529_is_one_event_per_attempt(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.error(529, headers={"retry-after-ms": "1"}), Reply.message("Hi"))
    client = _client(anthropic_server, is_async)
    await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES))
    span = telemetry.span()
    assert span.status.status_code is StatusCode.UNSET
    assert "error.type" not in (span.attributes or {})
    first, second = span.events
    assert (first.name, second.name) == ("anthropic.attempt", "anthropic.attempt")
    assert dict(first.attributes or {}) == {
        "anthropic.attempt": 1,
        "http.request.resend_count": 0,
        "http.response.status_code": 529,
        "error.type": "529",
        "anthropic.retry.delay": 0.001,
    }
    assert dict(second.attributes or {}) == {
        "anthropic.attempt": 2,
        "http.request.resend_count": 1,
        "http.response.status_code": 200,
    }
    assert first.timestamp <= second.timestamp
    (point,) = telemetry.points("gen_ai.client.operation.duration")
    assert "error.type" not in point.attributes


@pytest.mark.anyio
async def test_a_failed_call_has_error_type(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.error(529), Reply.error(529))
    client = _client(anthropic_server, is_async, max_retries=1)
    with pytest.raises(anthropic.APIStatusError) as raised:
        await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES))
    span = telemetry.span()
    assert span.attributes["error.type"] == type(raised.value).__qualname__ == "OverloadedError"
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description == "OverloadedError"
    assert [event.attributes["http.response.status_code"] for event in span.events] == [529, 529]
    assert "anthropic.retry.delay" in span.events[0].attributes
    assert "anthropic.retry.delay" not in span.events[1].attributes  # the last attempt
    assert "gen_ai.response.id" not in span.attributes
    (point,) = telemetry.points("gen_ai.client.operation.duration")
    assert point.attributes["error.type"] == "OverloadedError"
    assert telemetry.points("gen_ai.client.token.usage") == []


@pytest.mark.anyio
async def test_connection_error_attempts(telemetry: Telemetry, is_async: bool) -> None:
    client = _client_at("http://127.0.0.1:9", is_async)
    with pytest.raises(anthropic.APIConnectionError):
        await call(client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES))
    span = telemetry.span()
    assert span.attributes["error.type"] == "APIConnectionError"
    (attempt,) = span.events
    assert "http.response.status_code" not in attempt.attributes
    assert attempt.attributes["error.type"]  # the transport's exception class
    assert (span.attributes["server.address"], span.attributes["server.port"]) == ("127.0.0.1", 9)


def _client_at(url: str, is_async: bool) -> Any:
    cls = anthropic.AsyncAnthropic if is_async else anthropic.Anthropic
    return cls(api_key="sk-ant-secret-key", base_url=url, max_retries=0)


# -- streams ----------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_create_stream_span_covers_the_whole_stream(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("one two three four"))
    client = _client(anthropic_server, is_async)
    stream = await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES, stream=True))
    assert telemetry.spans() == []  # still open
    events = await drain(stream)
    span = telemetry.span()
    start, delta = events[0], next(e for e in events if e.type == "message_delta")
    attributes = span.attributes or {}
    assert span.name == f"chat {MODEL}"
    assert attributes["gen_ai.request.stream"] is True
    assert attributes["gen_ai.response.id"] == start.message.id
    assert attributes["gen_ai.response.model"] == start.message.model
    assert attributes["gen_ai.response.finish_reasons"] == (delta.delta.stop_reason,) == ("end_turn",)
    assert attributes["gen_ai.usage.input_tokens"] == start.message.usage.input_tokens
    assert attributes["gen_ai.usage.output_tokens"] == delta.usage.output_tokens  # the final count
    assert delta.usage.output_tokens != start.message.usage.output_tokens
    ttfc = attributes["gen_ai.response.time_to_first_chunk"]
    # Measured with a monotonic clock, the span with the wall clock: no comparison between the two (a loaded
    # machine may deschedule the process between them).
    assert isinstance(ttfc, float) and ttfc > 0
    assert [event.name for event in span.events] == ["anthropic.attempt", "gen_ai.first_chunk"]
    assert span.status.status_code is StatusCode.UNSET
    (point,) = telemetry.points("gen_ai.client.operation.time_to_first_chunk")
    assert point.sum == ttfc
    output = next(
        p for p in telemetry.points("gen_ai.client.token.usage") if p.attributes["gen_ai.token.type"] == "output"
    )
    assert output.sum == delta.usage.output_tokens


@pytest.mark.anyio
async def test_stream_helper_span(anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool) -> None:
    anthropic_server.enqueue(Reply.message("helped along"))
    client = _client(anthropic_server, is_async)
    if is_async:
        async with client.messages.stream(model=MODEL, max_tokens=64, messages=MESSAGES) as stream:
            message = await stream.get_final_message()
    else:
        with client.messages.stream(model=MODEL, max_tokens=64, messages=MESSAGES) as stream:
            message = stream.get_final_message()
    span = telemetry.span()
    attributes = span.attributes or {}
    assert span.name == f"chat {MODEL}"
    assert attributes["gen_ai.operation.name"] == "chat"
    assert attributes["gen_ai.response.id"] == message.id
    assert attributes["gen_ai.usage.input_tokens"] == message.usage.input_tokens
    assert attributes["gen_ai.usage.output_tokens"] == message.usage.output_tokens
    assert attributes["gen_ai.response.finish_reasons"] == ("end_turn",)
    assert "gen_ai.response.time_to_first_chunk" in attributes


@pytest.mark.anyio
async def test_stream_cut_off_mid_way(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("a long answer cut off mid-way", drop_after=3))
    client = _client(anthropic_server, is_async)
    stream = await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES, stream=True))
    with pytest.raises(anthropic.APIError) as raised:
        await drain(stream)
    span = telemetry.span()
    attributes = span.attributes or {}
    assert attributes["error.type"] == type(raised.value).__qualname__
    assert span.status.status_code is StatusCode.ERROR
    assert attributes["gen_ai.response.id"].startswith("msg_")  # message_start arrived
    assert attributes["gen_ai.usage.input_tokens"] > 0
    assert "gen_ai.response.finish_reasons" not in attributes  # message_delta never came
    assert "gen_ai.response.time_to_first_chunk" in attributes
    (point,) = telemetry.points("gen_ai.client.operation.duration")
    assert point.attributes["error.type"] == type(raised.value).__qualname__
    assert telemetry.points("gen_ai.client.token.usage") == []


@pytest.mark.anyio
async def test_stream_closed_early_ends_the_span_without_error(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("never read to the end"))
    client = _client(anthropic_server, is_async)
    stream = await call(client.messages.create(model=MODEL, max_tokens=64, messages=MESSAGES, stream=True))
    first = await call(stream.__anext__() if is_async else next(stream))
    assert first.type == "message_start"
    await call(stream.close())
    span = telemetry.span()
    assert span.status.status_code is StatusCode.UNSET
    assert "error.type" not in (span.attributes or {})
    assert span.attributes["gen_ai.response.id"] == first.message.id


# -- other endpoints --------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_count_tokens_batches_and_models(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    client = _client(anthropic_server, is_async)
    await call(client.messages.count_tokens(model=MODEL, messages=MESSAGES))
    batch = await call(
        client.messages.batches.create(
            requests=[{"custom_id": "a", "params": {"model": MODEL, "max_tokens": 8, "messages": MESSAGES}}]
        )
    )
    await call(client.messages.batches.retrieve(batch.id))
    await call(client.messages.batches.list())
    await call(client.models.list())
    spans = telemetry.spans()
    assert [span.name for span in spans] == [
        f"messages.count_tokens {MODEL}",
        "messages.batches.create",
        "messages.batches.retrieve",
        "messages.batches.list",
        "models.list",
    ]
    for span in spans:
        assert span.kind is SpanKind.CLIENT
        assert span.attributes["gen_ai.operation.name"] == span.name.split(" ")[0]
        assert span.attributes["gen_ai.provider.name"] == "anthropic"
        assert span.attributes["server.port"] == _port(anthropic_server)
        assert span.status.status_code is StatusCode.UNSET
    assert spans[0].attributes["gen_ai.request.model"] == MODEL
    assert "gen_ai.request.model" not in spans[1].attributes  # the batch's requests hold the models
    durations = {p.attributes["gen_ai.operation.name"] for p in telemetry.points("gen_ai.client.operation.duration")}
    assert durations == {span.name.split(" ")[0] for span in spans}
    assert telemetry.points("gen_ai.client.token.usage") == []  # only generation calls count tokens


@pytest.mark.anyio
async def test_batch_results(anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool) -> None:
    client = _client(anthropic_server, is_async)
    batch = await call(
        client.messages.batches.create(
            requests=[{"custom_id": "a", "params": {"model": MODEL, "max_tokens": 8, "messages": MESSAGES}}]
        )
    )
    results = await call(client.messages.batches.results(batch.id))
    assert [r.custom_id for r in await drain(results)] == ["a"]
    create, retrieve, results_span = telemetry.spans()  # results() first retrieves the batch for its results_url
    assert (create.name, retrieve.name) == ("messages.batches.create", "messages.batches.retrieve")
    assert results_span.name == "messages.batches.results"
    assert results_span.attributes["gen_ai.operation.name"] == "messages.batches.results"
    assert results_span.status.status_code is StatusCode.UNSET


@pytest.mark.anyio
async def test_user_span_is_the_parent(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    tracer = telemetry.tracer_provider.get_tracer("app")
    client = _client(anthropic_server, is_async)
    with tracer.start_as_current_span("handle request") as outer:
        await call(client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES))
    chat, app = telemetry.spans()
    assert app.name == "handle request"
    assert chat.parent is not None and chat.parent.span_id == outer.get_span_context().span_id
    assert chat.context.trace_id == app.context.trace_id


@pytest.mark.anyio
async def test_the_chat_span_is_current_while_the_request_is_sent(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, is_async: bool
) -> None:
    """An instrumented HTTP client (here: a span opened in an httpx request hook) nests under the chat span."""
    import httpx

    tracer = telemetry.tracer_provider.get_tracer("http")

    def open_http_span(request: httpx.Request) -> None:
        with tracer.start_as_current_span(f"HTTP {request.method}"):
            pass

    async def async_open_http_span(request: httpx.Request) -> None:
        open_http_span(request)

    anthropic_server.enqueue(Reply.error(529, headers={"retry-after-ms": "1"}), Reply.message("second"))
    if is_async:
        http: Any = httpx.AsyncClient(event_hooks={"request": [async_open_http_span]})
    else:
        http = httpx.Client(event_hooks={"request": [open_http_span]})
    client = _client(anthropic_server, is_async, http_client=http)
    await call(client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES))
    spans = telemetry.spans()
    (chat,) = [s for s in spans if s.name.startswith("chat ")]
    attempts = [s for s in spans if s.name == "HTTP POST"]
    assert len(attempts) == 2  # one per attempt, both children of the chat span
    assert all(s.parent is not None and s.parent.span_id == chat.context.span_id for s in attempts)
    from opentelemetry import trace

    assert not trace.get_current_span().get_span_context().is_valid  # nothing left current afterwards
