"""The `client_observers` hook: what an observer (tracing, metrics) hears of each API call, through the public plugin
API against the fake server, sync and async: attempts and retries, results, stream events, errors, nesting."""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Generator, Sequence
from typing import Any

import httpx
import pytest

import anthropic
from anthropic.plugins import (
    Attempt,
    ClientConfig,
    Observation,
    Observer,
    Operation,
    hookimpl,
    observation_scope,
    observe,
    register_plugin,
)
from anthropic.testing import FakeAnthropicServer, Reply

MESSAGES = [{"role": "user", "content": "Hello"}]


class Recorded(Observation):
    """Everything one observation heard, in order."""

    def __init__(self, operation: Operation, platform: str) -> None:
        self.operation = operation
        self.platform = platform
        self.log: list[tuple[str, Any]] = []

    def attempt(self, attempt: Attempt) -> None:
        self.log.append(("attempt", attempt))

    def response(self, response: httpx.Response) -> None:
        self.log.append(("response", response.status_code))

    def result(self, value: object) -> None:
        self.log.append(("result", value))

    def event(self, event: object) -> None:
        self.log.append(("event", getattr(event, "type", None)))

    def end(self, error: BaseException | None) -> None:
        self.log.append(("end", error))

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.log]

    def attempts(self) -> list[tuple[int, int | None, bool]]:
        return [(a.number, a.status_code, a.retry_delay is not None) for kind, a in self.log if kind == "attempt"]

    def ended_with(self) -> BaseException | None:
        ends = [value for kind, value in self.log if kind == "end"]
        assert len(ends) == 1, self.log
        return ends[0]


class Recorder(Observer):
    def __init__(self, platform: str, seen: list[Recorded]) -> None:
        self.platform = platform
        self.seen = seen

    def start(self, operation: Operation) -> Observation | None:
        recorded = Recorded(operation, self.platform)
        self.seen.append(recorded)
        return recorded


class RecordingPlugin:
    """A tracing plugin in miniature, written as a third party would."""

    def __init__(self) -> None:
        self.seen: list[Recorded] = []
        self.configs: list[ClientConfig[Any]] = []

    @hookimpl
    def client_observers(self, config: ClientConfig[Any]) -> Sequence[Observer]:
        self.configs.append(config)
        return [Recorder(config.platform, self.seen)]


@pytest.fixture
def recorder() -> RecordingPlugin:
    plugin = RecordingPlugin()
    register_plugin(plugin, name="recorder")
    return plugin


def _client(server: FakeAnthropicServer, is_async: bool, **kwargs: Any) -> Any:
    cls = anthropic.AsyncAnthropic if is_async else anthropic.Anthropic
    return cls(api_key="sk-observed", base_url=server.url, **kwargs)


async def _call(value: Any) -> Any:
    """The value of a sync call, or the awaited coroutine of an async one."""
    if hasattr(value, "__await__"):
        return await value
    return value


async def _drain(stream: Any) -> list[Any]:
    if hasattr(stream, "__aiter__"):
        return [event async for event in stream]
    return list(stream)


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return request.param == "async"


# -- calls that do not stream -----------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_hook_client_observers_see_a_create(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("observed"))
    client = _client(anthropic_server, is_async)
    message = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, temperature=0.5))
    (seen,) = recorder.seen
    assert seen.platform == "anthropic"
    op = seen.operation
    assert (op.name, op.method, op.path, op.stream, op.parent) == ("messages.create", "POST", "/v1/messages", False, None)
    assert op.body is not None and op.body["model"] == "claude-x" and op.body["temperature"] == 0.5
    assert seen.kinds() == ["attempt", "response", "result", "end"]
    assert seen.attempts() == [(1, 200, False)]
    assert seen.log[0][1].url == f"{anthropic_server.url}/v1/messages"
    assert seen.log[2][1] is message
    assert seen.ended_with() is None


@pytest.mark.anyio
async def test_observers_see_each_retry(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(
        Reply.error(529, headers={"retry-after-ms": "1"}),
        Reply.error(429, headers={"retry-after-ms": "1"}),
        Reply.message("third time"),
    )
    client = _client(anthropic_server, is_async)
    await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    (seen,) = recorder.seen
    assert seen.attempts() == [(1, 529, True), (2, 429, True), (3, 200, False)]
    assert seen.ended_with() is None


@pytest.mark.anyio
async def test_observers_see_a_status_error_once(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.error(400))
    client = _client(anthropic_server, is_async)
    with pytest.raises(anthropic.BadRequestError) as raised:
        await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    (seen,) = recorder.seen
    assert seen.attempts() == [(1, 400, False)]
    assert seen.kinds() == ["attempt", "end"]
    assert seen.ended_with() is raised.value


@pytest.mark.anyio
async def test_observers_see_connection_failures(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.json({}).replace(drop="before_status"))
    client = _client(anthropic_server, is_async, max_retries=0)
    with pytest.raises(anthropic.APIConnectionError) as raised:
        await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    (seen,) = recorder.seen
    [(kind, attempt)] = seen.log[:1]
    assert kind == "attempt" and attempt.status_code is None and attempt.error is not None
    assert attempt.retry_delay is None
    assert seen.ended_with() is raised.value


@pytest.mark.anyio
async def test_observers_see_count_tokens_and_lists(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    client = _client(anthropic_server, is_async)
    await _call(client.messages.count_tokens(model="claude-x", messages=MESSAGES))
    await _call(client.models.list())
    names = [seen.operation.name for seen in recorder.seen]
    assert names == ["messages.count_tokens", "models.list"]
    assert all(seen.ended_with() is None for seen in recorder.seen)


@pytest.mark.anyio
async def test_observers_see_raw_and_streaming_response_views(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    client = _client(anthropic_server, is_async)
    raw = await _call(client.messages.with_raw_response.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    assert raw.status_code == 200
    assert recorder.seen[0].kinds() == ["attempt", "response", "end"]
    if is_async:
        async with client.messages.with_streaming_response.create(
            model="claude-x", max_tokens=8, messages=MESSAGES
        ) as response:
            assert recorder.seen[1].kinds() == ["attempt", "response"]  # still open
            await response.read()
    else:
        with client.messages.with_streaming_response.create(model="claude-x", max_tokens=8, messages=MESSAGES) as response:
            assert recorder.seen[1].kinds() == ["attempt", "response"]
            response.read()
    assert recorder.seen[1].kinds() == ["attempt", "response", "end"]


# -- streams ----------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_observers_see_each_stream_event_and_the_end(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("one two three four"))
    client = _client(anthropic_server, is_async)
    stream = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, stream=True))
    (seen,) = recorder.seen
    assert seen.operation.stream is True
    assert seen.kinds() == ["attempt", "response"]  # the stream is not over yet
    events = await _drain(stream)
    assert [value for kind, value in seen.log if kind == "event"] == [event.type for event in events]
    assert seen.log[-2] == ("event", "message_stop")
    assert seen.ended_with() is None


@pytest.mark.anyio
async def test_observers_see_a_stream_cut_off(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("a long answer cut off mid-way", drop_after=4))
    client = _client(anthropic_server, is_async)
    stream = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, stream=True))
    with pytest.raises(anthropic.APIError) as raised:
        await _drain(stream)
    (seen,) = recorder.seen
    assert 1 <= seen.kinds().count("event") <= 4
    assert seen.ended_with() is raised.value


@pytest.mark.anyio
async def test_observers_see_a_stream_closed_early(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("never read"), Reply.message("read one event"))
    client = _client(anthropic_server, is_async)
    unread = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, stream=True))
    await _call(unread.close())
    partly = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, stream=True))
    first = await _call(partly.__anext__() if is_async else next(partly))
    assert first.type == "message_start"
    await _call(partly.close())
    closed_before, closed_after_one = recorder.seen
    assert closed_before.ended_with() is None and closed_before.kinds().count("event") == 0
    assert closed_after_one.ended_with() is None and closed_after_one.kinds().count("event") == 1


@pytest.mark.anyio
async def test_observers_see_the_stream_helper(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    anthropic_server.enqueue(Reply.message("helped along"))
    client = _client(anthropic_server, is_async)
    if is_async:
        async with client.messages.stream(model="claude-x", max_tokens=8, messages=MESSAGES) as stream:
            text = "".join([piece async for piece in stream.text_stream])
    else:
        with client.messages.stream(model="claude-x", max_tokens=8, messages=MESSAGES) as stream:
            text = "".join(stream.text_stream)
    assert text == "helped along"
    (seen,) = recorder.seen
    assert seen.operation.name == "messages.create" and seen.operation.stream
    assert seen.log[-2] == ("event", "message_stop") and seen.ended_with() is None


# -- robustness, nesting, platforms ----------------------------------------------------------------------------


class Broken(Observation):
    def attempt(self, attempt: Attempt) -> None:
        raise RuntimeError("observer bug")

    def end(self, error: BaseException | None) -> None:
        raise RuntimeError("observer bug")


class BrokenPlugin:
    @hookimpl
    def client_observers(self, config: ClientConfig[Any]) -> Sequence[Observer]:
        class Starts(Observer):
            def start(self, operation: Operation) -> Observation | None:
                return Broken()

        class CannotStart(Observer):
            def start(self, operation: Operation) -> Observation | None:
                raise RuntimeError("cannot start")

        return [Starts(), CannotStart()]


@pytest.mark.anyio
async def test_a_failing_observer_never_changes_the_call(
    anthropic_server: FakeAnthropicServer, is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    register_plugin(BrokenPlugin(), name="broken")
    anthropic_server.enqueue(Reply.message("still here"))
    client = _client(anthropic_server, is_async)
    with caplog.at_level(logging.WARNING, logger="anthropic.plugins"):
        message = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    assert message.content[0].text == "still here"
    failures = [r.getMessage() for r in caplog.records if r.name == "anthropic.plugins"]
    assert any("failed in start()" in text for text in failures)
    assert any("failed in attempt()" in text for text in failures)
    assert any("failed in end()" in text for text in failures)
    assert "sk-observed" not in caplog.text


@pytest.mark.anyio
async def test_operations_nest_inside_an_observation_scope(
    anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin, is_async: bool
) -> None:
    client = _client(anthropic_server, is_async)
    run = observe(client, Operation("beta.messages.tool_runner", body={"max_iterations": 2}))
    assert run is not None
    with observation_scope(run):
        await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
        # a copy builds its own observers; the parent is still found (same observer class)
        await _call(client.with_options(max_retries=0).messages.count_tokens(model="claude-x", messages=MESSAGES))
    await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    run.end(None)
    outer, inner, copied, after = recorder.seen
    assert outer.operation.name == "beta.messages.tool_runner" and outer.operation.path == ""
    assert inner.operation.parent is outer
    assert copied.operation.parent is outer
    assert after.operation.parent is None
    assert outer.ended_with() is None


def test_observe_without_observers_is_none(anthropic_server: FakeAnthropicServer) -> None:
    client = anthropic.Anthropic(api_key="sk-observed", base_url=anthropic_server.url)
    assert observe(client, Operation("beta.messages.tool_runner")) is None
    with observation_scope(None):
        client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)


def test_observers_apply_to_every_platform(anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin) -> None:
    example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")
    from anthropic_plugin_example.client import AnthropicExample

    register_plugin(example_plugin, name="example")
    anthropic_server.enqueue(Reply.message("on example"), path="/example/claude-x")
    client = AnthropicExample(secret="observed-secret", base_url=anthropic_server.url)
    client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    (seen,) = recorder.seen
    assert seen.platform == "example"
    assert (seen.operation.name, seen.operation.path) == ("messages.create", "/v1/messages")  # before the rewrite
    assert seen.attempts() == [(1, 200, False)]
    assert [c.platform for c in recorder.configs] == ["example"]


def test_clients_built_before_the_plugin_are_not_observed(anthropic_server: FakeAnthropicServer) -> None:
    before = anthropic.Anthropic(api_key="sk-observed", base_url=anthropic_server.url)
    plugin = RecordingPlugin()
    register_plugin(plugin, name="recorder")
    before.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    assert plugin.seen == []
    before.copy().messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    assert len(plugin.seen) == 1


# -- activate(): a context around sending (a tracing span made current) ---------------------------------------

_current_call: contextvars.ContextVar[str | None] = contextvars.ContextVar("current_call", default=None)


class Active(Observation):
    def __init__(self, operation: Operation) -> None:
        self.name = operation.name

    @contextlib.contextmanager
    def _current(self) -> Generator[None, None, None]:
        token = _current_call.set(self.name)
        try:
            yield
        finally:
            _current_call.reset(token)

    def activate(self) -> contextlib.AbstractContextManager[object] | None:
        return self._current()


class ActivePlugin:
    @hookimpl
    def client_observers(self, config: ClientConfig[Any]) -> Sequence[Observer]:
        class Starts(Observer):
            def start(self, operation: Operation) -> Observation | None:
                return Active(operation)

        return [Starts()]


@pytest.mark.anyio
async def test_activate_wraps_the_sending_of_each_attempt(anthropic_server: FakeAnthropicServer, is_async: bool) -> None:
    """What an instrumented HTTP library sees while the call is sent: the observer's context, on every attempt."""
    register_plugin(ActivePlugin(), name="active")
    anthropic_server.enqueue(Reply.error(529, headers={"retry-after-ms": "1"}), Reply.message("second"))
    anthropic_server.enqueue(Reply.message("streamed"))
    during: list[str | None] = []
    if is_async:

        async def async_hook(request: httpx.Request) -> None:
            during.append(_current_call.get())

        http: Any = httpx.AsyncClient(event_hooks={"request": [async_hook]})
    else:
        http = httpx.Client(event_hooks={"request": [lambda request: during.append(_current_call.get())]})
    client = _client(anthropic_server, is_async, http_client=http)
    await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    stream = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES, stream=True))
    assert _current_call.get() is None  # left after sending: the stream is read outside it
    await _drain(stream)
    assert during == ["messages.create", "messages.create", "messages.create"]
    await _call(client.close())


class BadContext(Observation):
    def activate(self) -> contextlib.AbstractContextManager[object] | None:
        raise RuntimeError("observer bug")


@pytest.mark.anyio
async def test_a_failing_activate_never_changes_the_call(
    anthropic_server: FakeAnthropicServer, is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    class Plugin:
        @hookimpl
        def client_observers(self, config: ClientConfig[Any]) -> Sequence[Observer]:
            class Starts(Observer):
                def start(self, operation: Operation) -> Observation | None:
                    return BadContext()

            return [Starts()]

    register_plugin(Plugin(), name="bad-context")
    anthropic_server.enqueue(Reply.message("fine"))
    client = _client(anthropic_server, is_async)
    with caplog.at_level(logging.WARNING, logger="anthropic.plugins"):
        message = await _call(client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES))
    assert message.content[0].text == "fine"
    assert any("failed in activate()" in r.getMessage() for r in caplog.records)


def test_observation_ending_spans_a_generator(anthropic_server: FakeAnthropicServer, recorder: RecordingPlugin) -> None:
    """A plugin's own generator operation: closed early ends it normally, an exception ends it with that error."""
    from anthropic.plugins import observation_ending

    client = anthropic.Anthropic(api_key="sk-observed", base_url=anthropic_server.url)

    def run(fail: bool) -> Generator[int, None, None]:
        with observation_ending(observe(client, Operation("beta.messages.tool_runner"))):
            yield 1
            if fail:
                raise ValueError("tool loop failed")
            yield 2

    closed = run(fail=False)
    assert next(closed) == 1
    closed.close()
    failing = run(fail=True)
    assert next(failing) == 1
    with pytest.raises(ValueError) as raised:
        next(failing)
    finished = list(run(fail=False))
    assert finished == [1, 2]
    with observation_ending(None):  # no observer: nothing to end
        pass
    closed_early, failed, completed = recorder.seen
    assert closed_early.ended_with() is None
    assert failed.ended_with() is raised.value
    assert completed.ended_with() is None
