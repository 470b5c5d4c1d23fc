"""The tool runner's spans: one `invoke_agent tool_runner` span per run, its chat calls and one `execute_tool` span
per tool call as children; sync, async and streaming runners against the fake server."""

from __future__ import annotations

import json
from typing import Any

import pytest
from _otel_support import Telemetry
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanKind, StatusCode

import anthropic
import anthropic_plugin_otel
from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer

MODEL = "claude-sonnet-4-5"
USER = {"role": "user", "content": "What is (1 + 2) + 4?"}


tools_plugin_module = pytest.importorskip("anthropic_plugin_tools.plugin")  # absent when otel is installed alone


@pytest.fixture(autouse=True)
def tools_plugin(plugin_host: PluginHost) -> None:
    plugin_host.register(tools_plugin_module, name="tools")


def _tools() -> tuple[Any, Any]:
    from anthropic_plugin_tools import beta_async_tool, beta_tool

    @beta_tool
    def add(a: int, b: int) -> str:
        """Add two integers."""
        if a < 0:
            raise ValueError("no negatives")
        return str(a + b)

    @beta_async_tool(name="add")
    async def async_add(a: int, b: int) -> str:
        """Add two integers."""
        if a < 0:
            raise ValueError("no negatives")
        return str(a + b)

    return add, async_add


def tool_use(id: str, **input: Any) -> dict[str, Any]:
    return {"name": "add", "id": id, "input": input}


TURNS = [
    {"tool_uses": [tool_use("toolu_1", a=1, b=2)], "text": "Let me add."},
    {"tool_uses": [tool_use("toolu_2", a=3, b=4), tool_use("toolu_3", a=-1, b=0)]},
    {"text": "The answer is 7."},
]


async def _run(server: FakeAnthropicServer, mode: str) -> Any:
    add, async_add = _tools()
    params: dict[str, Any] = {"model": MODEL, "max_tokens": 256, "messages": [USER], "max_iterations": 5}
    if mode.startswith("async"):
        async with anthropic.AsyncAnthropic(api_key="sk-tools", base_url=server.url, max_retries=0) as client:
            runner = client.beta.messages.tool_runner(tools=[async_add], stream=mode == "async-stream", **params)
            async for item in runner:
                if mode == "async-stream":
                    await item.until_done()
            return await runner.until_done()
    with anthropic.Anthropic(api_key="sk-tools", base_url=server.url, max_retries=0) as client:
        runner = client.beta.messages.tool_runner(tools=[add], stream=mode == "sync-stream", **params)
        for item in runner:
            if mode == "sync-stream":
                item.until_done()
        return runner.until_done()


def _by_name(spans: list[ReadableSpan], prefix: str) -> list[ReadableSpan]:
    return [span for span in spans if span.name.startswith(prefix)]


@pytest.mark.anyio
@pytest.mark.parametrize("mode", ["sync", "async", "sync-stream", "async-stream"])
async def test_run_span_with_chat_and_tool_children(
    anthropic_server: FakeAnthropicServer, telemetry: Telemetry, mode: str
) -> None:
    anthropic_server.script_turns(TURNS)
    final = await _run(anthropic_server, mode)
    assert final.content[-1].text == "The answer is 7."
    spans = telemetry.spans()
    (run,) = _by_name(spans, "invoke_agent")
    chats = _by_name(spans, "chat")
    tools = _by_name(spans, "execute_tool")
    assert len(spans) == 1 + 3 + 3
    assert run.name == "invoke_agent tool_runner"
    assert run.kind is SpanKind.INTERNAL
    assert run.attributes["gen_ai.operation.name"] == "invoke_agent"
    assert run.attributes["gen_ai.agent.name"] == "tool_runner"
    assert run.attributes["gen_ai.provider.name"] == "anthropic"
    assert run.attributes["gen_ai.request.model"] == MODEL
    assert run.status.status_code is StatusCode.UNSET
    assert spans[-1] is run  # ends last
    for child in chats + tools:
        assert child.parent is not None and child.parent.span_id == run.context.span_id
        assert child.context.trace_id == run.context.trace_id
    assert [c.kind for c in chats] == [SpanKind.CLIENT] * 3
    assert [c.attributes["gen_ai.response.finish_reasons"] for c in chats] == [("tool_use",), ("tool_use",), ("end_turn",)]  # fmt: skip
    assert sorted((t.name, t.attributes["gen_ai.tool.call.id"]) for t in tools) == [  # async tools run concurrently
        ("execute_tool add", "toolu_1"),
        ("execute_tool add", "toolu_2"),
        ("execute_tool add", "toolu_3"),
    ]
    for tool in tools:
        assert tool.kind is SpanKind.INTERNAL
        assert tool.attributes["gen_ai.operation.name"] == "execute_tool"
        assert tool.attributes["gen_ai.tool.name"] == "add"
        assert tool.attributes["gen_ai.tool.type"] == "function"
        assert "gen_ai.tool.call.arguments" not in tool.attributes
        assert "gen_ai.tool.call.result" not in tool.attributes
    failed = next(t for t in tools if t.attributes["gen_ai.tool.call.id"] == "toolu_3")
    assert failed.attributes["error.type"] == "ValueError"
    assert failed.status.status_code is StatusCode.ERROR
    ok = [t for t in tools if t is not failed]
    assert all("error.type" not in t.attributes for t in ok)
    # only API calls feed the duration histogram
    assert {p.attributes["gen_ai.operation.name"] for p in telemetry.points("gen_ai.client.operation.duration")} == {
        "chat"
    }


@pytest.mark.anyio
async def test_tool_content_on_opt_in(anthropic_server: FakeAnthropicServer, telemetry: Telemetry) -> None:
    anthropic_plugin_otel.configure(
        tracer_provider=telemetry.tracer_provider, meter_provider=telemetry.meter_provider, capture_content=True
    )
    anthropic_server.script_turns(TURNS)
    await _run(anthropic_server, "sync")
    tools = _by_name(telemetry.spans(), "execute_tool")
    first = tools[0]
    assert json.loads(str(first.attributes["gen_ai.tool.call.arguments"])) == {"a": 1, "b": 2}
    assert json.loads(str(first.attributes["gen_ai.tool.call.result"])) == "3"


def test_a_runner_without_observers_is_unchanged(anthropic_server: FakeAnthropicServer) -> None:
    """No provider: the observer declines, `observe()` is None and the runner runs as before."""
    anthropic_plugin_otel.configure()
    anthropic_server.script_turns(TURNS)
    add, _ = _tools()
    with anthropic.Anthropic(api_key="sk-tools", base_url=anthropic_server.url) as client:
        runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add])
        assert runner.until_done().content[-1].text == "The answer is 7."
        assert runner._observation is None


def test_a_run_abandoned_mid_way_still_ends(anthropic_server: FakeAnthropicServer, telemetry: Telemetry) -> None:
    anthropic_server.script_turns(TURNS)
    add, _ = _tools()
    with anthropic.Anthropic(api_key="sk-tools", base_url=anthropic_server.url) as client:
        runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add])
        next(iter(runner))
        runner._iterator.close()  # what garbage collection does to an abandoned runner
    spans = telemetry.spans()
    assert [s.name for s in spans] == [f"chat {MODEL}", "invoke_agent tool_runner"]
    assert spans[1].status.status_code is StatusCode.UNSET
