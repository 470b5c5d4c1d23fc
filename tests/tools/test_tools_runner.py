"""The tool runner end to end over real HTTP against the fake server: sync, async and streaming.

Each test checks what was sent on every turn (messages, tool_result blocks, tools, headers), not only the outcome.
"""

from __future__ import annotations

from typing import Any

import anyio
import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic.lib.streaming import BetaAsyncMessageStream, BetaMessageStream
from anthropic.testing import FakeAnthropicServer, RecordedRequest
from anthropic_plugin_tools import (
    BetaAsyncStreamingToolRunner,
    BetaAsyncToolRunner,
    BetaStreamingToolRunner,
    BetaToolRunner,
    ToolError,
    beta_async_tool,
    beta_tool,
)

MODEL = "claude-sonnet-4-5"
USER = {"role": "user", "content": "What is (1 + 2) + 4?"}

calls: list[str] = []


@pytest.fixture(autouse=True)
def _reset_calls() -> None:
    calls.clear()


@beta_tool
def add(a: int, b: int) -> str:
    """Add two integers.

    Args:
        a: first term
        b: second term
    """
    calls.append(f"add({a}, {b})")
    return str(a + b)


@beta_tool
def explode(reason: str) -> str:
    """Always fails."""
    calls.append("explode")
    raise RuntimeError(reason)


@beta_tool
def refuse(what: str) -> str:
    """Fails with a message meant for the model."""
    raise ToolError(f"cannot {what}")


@beta_tool
def wrong_type() -> str:
    """Returns something that is not tool content."""
    return 42  # type: ignore[return-value]


@beta_async_tool(name="add")
async def async_add(a: int, b: int) -> str:
    """Add two integers, asynchronously."""
    calls.append(f"async_add({a}, {b})")
    await anyio.sleep(0)
    return str(a + b)


def tool_use(name: str, id: str, **input: Any) -> dict[str, Any]:
    return {"name": name, "id": id, "input": input}


def bodies(server: FakeAnthropicServer) -> list[dict[str, Any]]:
    return [request.json() for request in server.requests]


def results_of(request: RecordedRequest) -> list[dict[str, Any]]:
    """The tool_result blocks of the last (user) message of a request."""
    last = request.json()["messages"][-1]
    assert last["role"] == "user"
    return last["content"]


THREE_TURNS = [
    {"tool_uses": [tool_use("add", "toolu_1", a=1, b=2)], "text": "Let me add."},
    {"tool_uses": [tool_use("add", "toolu_2", a=3, b=4), tool_use("add", "toolu_3", a=0, b=0)]},
    {"text": "The answer is 7."},
]


def check_three_turns(server: FakeAnthropicServer, *, streaming: bool, is_async: bool = False) -> None:
    tool_name = "add"
    requests = server.requests
    assert len(requests) == 3
    sent = [r.json() for r in requests]
    for request, body in zip(requests, sent, strict=True):
        assert request.path == "/v1/messages"
        # 0.74.0's async `beta.messages.stream` posts without `?beta=true`; every other beta call has it
        assert request.param("beta") == (None if streaming and is_async else "true")
        assert request.headers["x-stainless-helper"] == "BetaToolRunner"
        assert body["model"] == MODEL
        assert body["max_tokens"] == 256
        assert [t["name"] for t in body["tools"]] == [tool_name]
        assert body["tools"][0]["input_schema"]["required"] == ["a", "b"]
        if streaming:
            assert body["stream"] is True
            assert request.headers["x-stainless-stream-helper"] == "beta.messages"
        else:
            assert "stream" not in body
            assert request.headers["anthropic-beta"] == "structured-outputs-2025-09-17"
    assert sent[0]["messages"] == [USER]
    # turn 2: the assistant turn (text + tool_use) and one user message of tool_results
    assert [m["role"] for m in sent[1]["messages"]] == ["user", "assistant", "user"]
    assistant = sent[1]["messages"][1]["content"]
    assert [b["type"] for b in assistant] == ["text", "tool_use"]
    assert assistant[1] == {"type": "tool_use", "id": "toolu_1", "name": tool_name, "input": {"a": 1, "b": 2}}
    assert "parsed_output" not in assistant[0]
    assert results_of(requests[1]) == [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "3"}]
    # turn 3: history kept, both results of the second turn in tool_use order
    assert sent[2]["messages"][:3] == sent[1]["messages"]
    assert [m["role"] for m in sent[2]["messages"]] == ["user", "assistant", "user", "assistant", "user"]
    assert results_of(requests[2]) == [
        {"type": "tool_result", "tool_use_id": "toolu_2", "content": "7"},
        {"type": "tool_result", "tool_use_id": "toolu_3", "content": "0"},
    ]


# -- sync -----------------------------------------------------------------------------------------------------


def test_sync_three_turns(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(THREE_TURNS)
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add])
    assert isinstance(runner, BetaToolRunner)
    seen = [message.stop_reason for message in runner]
    assert seen == ["tool_use", "tool_use", "end_turn"]
    assert calls == ["add(1, 2)", "add(3, 4)", "add(0, 0)"]
    final = runner.until_done()
    assert final.content[0].type == "text" and final.content[0].text == "The answer is 7."
    check_three_turns(anthropic_server, streaming=False)


def test_until_done_without_iterating(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(THREE_TURNS)
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add])
    final = runner.until_done()
    assert final.stop_reason == "end_turn"
    assert runner.iteration_count == 3
    check_three_turns(anthropic_server, streaming=False)


def test_tool_errors_become_is_error_results(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(
        [
            {
                "tool_uses": [
                    tool_use("missing_tool", "t_unknown"),
                    tool_use("explode", "t_raise", reason="disk on fire"),
                    tool_use("refuse", "t_refuse", what="do that"),
                    tool_use("add", "t_invalid", a="one"),
                    tool_use("wrong_type", "t_type"),
                    tool_use("add", "t_ok", a=2, b=2),
                ]
            },
            {"tool_uses": [tool_use("explode", "t_again", reason="still")]},
            "Sorry, the tools are broken.",
        ]
    )
    runner = client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[add, explode, refuse, wrong_type]
    )
    assert runner.until_done().stop_reason == "end_turn"
    requests = anthropic_server.requests
    assert len(requests) == 3
    results = {r["tool_use_id"]: r for r in results_of(requests[1])}
    assert list(results) == ["t_unknown", "t_raise", "t_refuse", "t_invalid", "t_type", "t_ok"]
    assert results["t_unknown"] == {
        "type": "tool_result",
        "tool_use_id": "t_unknown",
        "content": "Error: Tool 'missing_tool' not found",
        "is_error": True,
    }
    assert results["t_raise"]["content"] == "RuntimeError('disk on fire')"
    assert results["t_refuse"]["content"] == "cannot do that"
    assert results["t_invalid"]["content"].startswith("ValueError('Invalid arguments for function add: a: Input")
    assert "b: Missing required argument" in results["t_invalid"]["content"]
    assert "returned int" in results["t_type"]["content"]
    for key in ("t_unknown", "t_raise", "t_refuse", "t_invalid", "t_type"):
        assert results[key]["is_error"] is True
        assert results[key]["content"]  # never empty: the API rejects an empty is_error result
    assert results["t_ok"] == {"type": "tool_result", "tool_use_id": "t_ok", "content": "4"}
    assert results_of(requests[2]) == [
        {"type": "tool_result", "tool_use_id": "t_again", "content": "RuntimeError('still')", "is_error": True}
    ]


def test_max_iterations_bounds_requests(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns([{"tool_uses": [tool_use("add", f"t{i}", a=i, b=i)]} for i in range(5)])
    runner = client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[add], max_iterations=2
    )
    messages = list(runner)
    assert len(messages) == 2
    assert len(anthropic_server.requests) == 2
    assert calls == ["add(0, 0)"]  # the tools of the last allowed turn are not run
    assert runner.until_done().stop_reason == "tool_use"
    assert anthropic_server.pending == 3


def test_max_iterations_must_be_positive(client: Anthropic) -> None:
    with pytest.raises(ValueError, match="max_iterations must be at least 1"):
        client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[add], max_iterations=0)


PAUSED_TURN = {
    "content": [
        {"type": "text", "text": "Searching..."},
        {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "weather"}},
    ],
    "stop_reason": "pause_turn",
}
WEB_SEARCH = {"type": "web_search_20250305", "name": "web_search", "max_uses": 3}


def test_pause_turn_continues_the_loop(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns([PAUSED_TURN, {"tool_uses": [tool_use("add", "t1", a=1, b=1)]}, "Done."])
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add, WEB_SEARCH])
    assert [m.stop_reason for m in runner] == ["pause_turn", "tool_use", "end_turn"]
    sent = bodies(anthropic_server)
    assert sent[0]["tools"][1] == WEB_SEARCH  # server tools pass through untouched
    # The paused assistant turn is sent back as is, with no user message after it, so the API resumes it.
    assert [m["role"] for m in sent[1]["messages"]] == ["user", "assistant"]
    assert sent[1]["messages"][1]["content"][1]["type"] == "server_tool_use"
    assert [m["role"] for m in sent[2]["messages"]] == ["user", "assistant", "assistant", "user"]
    assert results_of(anthropic_server.requests[2]) == [{"type": "tool_result", "tool_use_id": "t1", "content": "2"}]


def test_pause_turn_respects_max_iterations(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns([PAUSED_TURN, PAUSED_TURN, PAUSED_TURN])
    runner = client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[WEB_SEARCH], max_iterations=2
    )
    assert runner.until_done().stop_reason == "pause_turn"
    assert len(anthropic_server.requests) == 2


def test_edited_messages_between_turns(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(
        [
            {"tool_uses": [tool_use("add", "t1", a=1, b=2)]},
            {"tool_uses": [tool_use("add", "t2", a=5, b=5)]},
            "All done.",
            "Extra answer.",
        ]
    )
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add])
    for index, message in enumerate(runner):
        if index == 0:
            # Take over this turn: run the tools ourselves (cached), then send our own version of the turn.
            response = runner.generate_tool_call_response()
            assert runner.generate_tool_call_response() is response
            assert response is not None
            runner.append_messages(message, response, {"role": "user", "content": "Also, be brief."})
        elif index == 1:
            runner.set_messages_params(lambda params: {**params, "temperature": 0.25})
    assert calls == ["add(1, 2)", "add(5, 5)"]  # each tool ran once despite the manual append
    sent = bodies(anthropic_server)
    assert len(sent) == 3
    assert [m["role"] for m in sent[1]["messages"]] == ["user", "assistant", "user", "user"]
    assert sent[1]["messages"][3] == {"role": "user", "content": "Also, be brief."}
    assert results_of(anthropic_server.requests[1]) != []  # the appended tool results went out
    assert sent[1]["messages"][2]["content"] == [{"type": "tool_result", "tool_use_id": "t1", "content": "3"}]
    assert "temperature" not in sent[1]
    assert sent[2]["temperature"] == 0.25
    assert [m["role"] for m in sent[2]["messages"]] == ["user", "assistant", "user", "user", "assistant", "user"]
    assert anthropic_server.pending == 1


def test_duplicate_tool_names_are_rejected_up_front(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    other_add = beta_tool(name="add")(lambda a, b: "?")
    with pytest.raises(ValueError, match="Duplicate tool name 'add'"):
        client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[add, other_add])
    with pytest.raises(ValueError, match="Duplicate tool name 'web_search'"):
        client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[WEB_SEARCH, WEB_SEARCH])
    assert anthropic_server.requests == []


def test_raw_client_tool_definitions_are_refused(client: Anthropic) -> None:
    raw = {"name": "add", "description": "x", "input_schema": {"type": "object"}}
    with pytest.raises(TypeError, match="cannot execute the raw tool definition 'add'"):
        client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[raw])  # type: ignore[list-item]


def test_betas_and_extra_options(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(["hi"])
    client.beta.messages.tool_runner(
        model=MODEL,
        max_tokens=256,
        messages=[USER],
        tools=[add],
        betas=["context-management-2025-06-27"],
        system="Be terse.",
        extra_headers={"X-Trace": "abc"},
        extra_query={"q": "1"},
        extra_body={"custom": True},
    ).until_done()
    request = anthropic_server.last_request
    # As in 0.74.0, the runner's anthropic-beta (the caller's betas) replaces parse's default beta.
    assert request.headers["anthropic-beta"] == "context-management-2025-06-27"
    assert request.headers["x-trace"] == "abc"
    assert request.param("q") == "1"
    body = request.json()
    assert body["custom"] is True
    assert body["system"] == "Be terse."
    assert set(body) == {"max_tokens", "messages", "model", "system", "tools", "custom"}


# -- sync streaming -------------------------------------------------------------------------------------------


def test_sync_streaming_three_turns(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(THREE_TURNS)
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[add], stream=True)
    assert isinstance(runner, BetaStreamingToolRunner)
    texts: list[str] = []
    for index, stream in enumerate(runner):
        assert isinstance(stream, BetaMessageStream)
        if index == 1:
            continue  # an unread stream is finished by the runner before the tools run
        texts.append("".join(stream.text_stream))
    assert texts == ["Let me add.", "The answer is 7."]
    assert runner.until_done().content[0].type == "text"
    assert calls == ["add(1, 2)", "add(3, 4)", "add(0, 0)"]
    check_three_turns(anthropic_server, streaming=True)


def test_sync_streaming_errors_and_pause(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(
        [PAUSED_TURN, {"tool_uses": [tool_use("nope", "t1"), tool_use("explode", "t2", reason="x")]}, "ok"]
    )
    runner = client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[explode, WEB_SEARCH], stream=True
    )
    assert [stream.get_final_message().stop_reason for stream in runner] == ["pause_turn", "tool_use", "end_turn"]
    requests = anthropic_server.requests
    assert [m["role"] for m in requests[1].json()["messages"]] == ["user", "assistant"]
    assert [r["is_error"] for r in results_of(requests[2])] == [True, True]


# -- async ----------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_three_turns(async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(THREE_TURNS)
    runner = async_client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[async_add])
    assert isinstance(runner, BetaAsyncToolRunner)
    seen = [message.stop_reason async for message in runner]
    assert seen == ["tool_use", "tool_use", "end_turn"]
    assert (await runner.until_done()).stop_reason == "end_turn"
    check_three_turns(anthropic_server, streaming=False)
    assert calls == ["async_add(1, 2)", "async_add(3, 4)", "async_add(0, 0)"]


@pytest.mark.anyio
async def test_async_tools_of_one_turn_run_concurrently(
    async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer
) -> None:
    first_started = anyio.Event()
    second_started = anyio.Event()

    @beta_async_tool
    async def first() -> str:
        """Waits for the second tool: deadlocks if the tools ran one after the other."""
        first_started.set()
        await second_started.wait()
        return "first"

    @beta_async_tool
    async def second() -> str:
        """Waits for the first tool."""
        second_started.set()
        await first_started.wait()
        return "second"

    anthropic_server.script_turns([{"tool_uses": [tool_use("second", "t2"), tool_use("first", "t1")]}, "done"])
    with anyio.fail_after(5):
        await async_client.beta.messages.tool_runner(
            model=MODEL, max_tokens=256, messages=[USER], tools=[first, second]
        ).until_done()
    assert results_of(anthropic_server.requests[1]) == [
        {"type": "tool_result", "tool_use_id": "t2", "content": "second"},
        {"type": "tool_result", "tool_use_id": "t1", "content": "first"},
    ]


@pytest.mark.anyio
async def test_async_errors_max_iterations_and_edits(
    async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer
) -> None:
    @beta_async_tool
    async def fail(code: int) -> str:
        """Fails."""
        raise ToolError([{"type": "text", "text": f"failed with {code}"}])

    anthropic_server.script_turns(
        [
            {"tool_uses": [tool_use("fail", "t1", code=7), tool_use("ghost", "t2"), tool_use("add", "t3", a=1, b=1)]},
            {"tool_uses": [tool_use("add", "t4", a=2, b=2)]},
            {"tool_uses": [tool_use("add", "t5", a=3, b=3)]},
        ]
    )
    runner = async_client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[fail, async_add], max_iterations=3
    )
    index = 0
    async for message in runner:
        if index == 1:
            response = await runner.generate_tool_call_response()
            assert response is not None
            runner.append_messages(message, response, {"role": "user", "content": "continue"})
        index += 1
    assert index == 3
    assert calls == ["async_add(1, 1)", "async_add(2, 2)"]
    requests = anthropic_server.requests
    assert len(requests) == 3
    assert results_of(requests[1]) == [
        {
            "type": "tool_result",
            "tool_use_id": "t1",
            "content": [{"type": "text", "text": "failed with 7"}],
            "is_error": True,
        },
        {"type": "tool_result", "tool_use_id": "t2", "content": "Error: Tool 'ghost' not found", "is_error": True},
        {"type": "tool_result", "tool_use_id": "t3", "content": "2"},
    ]
    assert requests[2].json()["messages"][-1] == {"role": "user", "content": "continue"}


@pytest.mark.anyio
async def test_async_streaming_three_turns(async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns(THREE_TURNS)
    runner = async_client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[async_add], stream=True
    )
    assert isinstance(runner, BetaAsyncStreamingToolRunner)
    texts: list[str] = []
    async for stream in runner:
        assert isinstance(stream, BetaAsyncMessageStream)
        texts.append("".join([text async for text in stream.text_stream]))
    assert texts == ["Let me add.", "", "The answer is 7."]
    assert (await runner.until_done()).stop_reason == "end_turn"
    check_three_turns(anthropic_server, streaming=True, is_async=True)


@pytest.mark.anyio
async def test_async_pause_turn(async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_turns([PAUSED_TURN, "resumed"])
    final = await async_client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[WEB_SEARCH]
    ).until_done()
    assert final.stop_reason == "end_turn"
    assert [m["role"] for m in anthropic_server.requests[1].json()["messages"]] == ["user", "assistant"]


# -- platform clients -----------------------------------------------------------------------------------------


def test_tool_runner_on_a_third_party_platform_client(plugin_host: Any, anthropic_server: FakeAnthropicServer) -> None:
    import hashlib

    import anthropic_plugin_example.plugin as example_plugin

    import anthropic

    plugin_host.register(example_plugin, name="example")
    client = anthropic.__getattr__("AnthropicExample")(secret="s3cret", base_url=anthropic_server.url)
    anthropic_server.script_turns([{"tool_uses": [tool_use("add", "t1", a=20, b=22)]}, "42"])
    final = client.beta.messages.tool_runner(model=MODEL, max_tokens=64, messages=[USER], tools=[add]).until_done()
    assert final.content[0].type == "text"
    assert len(anthropic_server.requests) == 2
    for request in anthropic_server.requests:
        assert request.headers["x-example-signature"] == hashlib.sha256(b"s3cret" + request.body).hexdigest()
    assert results_of(anthropic_server.requests[1]) == [{"type": "tool_result", "tool_use_id": "t1", "content": "42"}]
    assert callable(client.with_options(max_retries=1).beta.messages.tool_runner)
    client.close()


def test_sync_and_async_tools_cannot_be_mixed_up(client: Anthropic, tmp_path: Any) -> None:
    from anthropic_plugin_tools import BetaAsyncLocalFilesystemMemoryTool, BetaLocalFilesystemMemoryTool

    with pytest.raises(TypeError, match="Tool 'add' is async; use the AsyncAnthropic client"):
        client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[async_add])  # type: ignore[list-item]
    async_client = AsyncAnthropic(api_key="k", base_url="http://127.0.0.1:9")
    with pytest.raises(TypeError, match="Tool 'add' is sync; use the Anthropic client"):
        async_client.beta.messages.tool_runner(model=MODEL, max_tokens=1, messages=[USER], tools=[add])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Tool 'memory' is sync"):
        async_client.beta.messages.tool_runner(
            model=MODEL,
            max_tokens=1,
            messages=[USER],
            tools=[BetaLocalFilesystemMemoryTool(tmp_path)],  # type: ignore[list-item]
        )
    with pytest.raises(TypeError, match="Tool 'memory' is async"):
        client.beta.messages.tool_runner(
            model=MODEL,
            max_tokens=1,
            messages=[USER],
            tools=[BetaAsyncLocalFilesystemMemoryTool(tmp_path)],  # type: ignore[list-item]
        )


def test_memory_tool_in_the_loop(client: Anthropic, anthropic_server: FakeAnthropicServer, tmp_path: Any) -> None:
    from anthropic_plugin_tools import BetaLocalFilesystemMemoryTool

    memory = BetaLocalFilesystemMemoryTool(tmp_path / "mem")
    anthropic_server.script_turns(
        [
            {"tool_uses": [tool_use("memory", "m1", command="view", path="/memories")]},
            {
                "tool_uses": [
                    tool_use("memory", "m2", command="create", path="/memories/prefs.md", file_text="likes tea\n"),
                    tool_use("memory", "m3", command="view", path="/memories/../../etc/passwd"),
                    tool_use("memory", "m4", command="explode", path="/memories"),
                ]
            },
            {"tool_uses": [tool_use("memory", "m5", command="view", path="/memories/prefs.md")]},
            "Noted: you like tea.",
        ]
    )
    runner = client.beta.messages.tool_runner(model=MODEL, max_tokens=256, messages=[USER], tools=[memory])
    assert runner.until_done().stop_reason == "end_turn"
    requests = anthropic_server.requests
    assert requests[0].json()["tools"] == [{"type": "memory_20250818", "name": "memory"}]
    assert results_of(requests[1])[0]["content"].startswith("Here're the files and directories")
    created, escaped, unknown = results_of(requests[2])
    assert created == {
        "type": "tool_result",
        "tool_use_id": "m2",
        "content": "File created successfully at: /memories/prefs.md",
    }
    assert escaped["is_error"] is True and "contains '..'" in escaped["content"]
    assert unknown["is_error"] is True and "Unknown memory command 'explode'" in unknown["content"]
    assert results_of(requests[3])[0]["content"].endswith("     1\tlikes tea\n     2\t")
    assert (memory.memory_root / "prefs.md").read_text() == "likes tea\n"


def test_structured_output_through_the_runner(client: Anthropic, anthropic_server: FakeAnthropicServer) -> None:
    import pydantic

    class Answer(pydantic.BaseModel):
        value: int

    anthropic_server.script_turns(
        [{"text": '{"value": 0}', "tool_uses": [tool_use("add", "t1", a=40, b=2)]}, '{"value": 42}']
    )
    runner = client.beta.messages.tool_runner(
        model=MODEL, max_tokens=256, messages=[USER], tools=[add], output_format=Answer
    )
    final = runner.until_done()
    assert final.parsed_output == Answer(value=42)
    sent = bodies(anthropic_server)
    for body in sent:
        assert body["output_format"]["type"] == "json_schema"
        assert body["output_format"]["schema"]["properties"] == {"value": {"title": "Value", "type": "integer"}}
    first_text = sent[1]["messages"][1]["content"][0]
    assert first_text["text"] == '{"value": 0}'
    assert "parsed_output" not in first_text  # local-only field, never sent back
    assert BetaToolRunner[Answer] is not None  # the runners are generic at run time too
