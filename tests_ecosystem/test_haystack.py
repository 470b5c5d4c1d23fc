"""Haystack's `AnthropicChatGenerator` (anthropic-haystack; key and base URL from the environment)."""

from __future__ import annotations

import asyncio

import pytest
from support import (
    FAST_RETRY,
    MODEL,
    Reply,
    check_messages_request,
    enqueue_echo,
    last_user_texts,
    result_text,
    tool_result_of,
    user_text,
)

import anthropic


def generator(**options):
    from haystack_integrations.components.generators.anthropic import AnthropicChatGenerator

    return AnthropicChatGenerator(model=MODEL, generation_kwargs={"max_tokens": 256}, **options)


def weather_tool():
    from haystack.tools import Tool

    return Tool(
        name="get_weather",
        description="Weather of a city.",
        parameters={"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        function=lambda city: f"sunny in {city}",
    )


def test_prompt(fake_api):
    from haystack.dataclasses import ChatMessage

    fake_api.script_message("Paris is the capital of France.")
    messages = [ChatMessage.from_system("Be terse."), ChatMessage.from_user("Capital of France?")]
    reply = generator().run(messages)["replies"][0]
    assert reply.text == "Paris is the capital of France."
    assert reply.meta["finish_reason"] == "stop"
    body = check_messages_request(fake_api.last_request, stream=False)
    assert body["model"] == MODEL
    assert body["max_tokens"] == 256
    assert body["system"][0]["text"] == "Be terse."
    assert user_text(body["messages"][0]) == "Capital of France?"


def test_streaming(fake_api):
    fake_api.script_message("One two three four five six seven.")
    chunks = []
    reply = generator(streaming_callback=chunks.append).run("Count")["replies"][0]
    assert reply.text == "One two three four five six seven."
    assert len([chunk for chunk in chunks if chunk.content]) > 1
    assert "".join(chunk.content for chunk in chunks) == "One two three four five six seven."
    check_messages_request(fake_api.last_request, stream=True)


def test_tool_call_and_result(fake_api):
    from haystack.dataclasses import ChatMessage

    fake_api.script_turns(
        [
            {"tool_uses": [{"id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]},
            "It is sunny in Paris.",
        ]
    )
    tool = weather_tool()
    chat = generator(tools=[tool])
    history = [ChatMessage.from_user("Weather in Paris?")]
    first = chat.run(history)["replies"][0]
    call = first.tool_call
    assert (call.tool_name, call.arguments, call.id) == ("get_weather", {"city": "Paris"}, "toolu_01")
    history += [first, ChatMessage.from_tool(tool.invoke(**call.arguments), origin=call)]
    assert chat.run(history)["replies"][0].text == "It is sunny in Paris."
    sent_tools = check_messages_request(fake_api.requests[0])["tools"]
    assert sent_tools[0]["name"] == "get_weather"
    result = tool_result_of(check_messages_request(fake_api.requests[1]))
    assert result["tool_use_id"] == "toolu_01"
    assert result_text(result) == "sunny in Paris"


def test_structured_output_with_forced_tool(fake_api):
    # `output_config` (structured outputs) needs an SDK newer than 0.74.0; a forced tool works with 0.74.0.
    fake_api.script_message(
        content=[{"type": "tool_use", "id": "toolu_02", "name": "get_weather", "input": {"city": "Oslo"}}]
    )
    reply = generator(tools=[weather_tool()]).run(
        "Pick a city", generation_kwargs={"tool_choice": {"type": "tool", "name": "get_weather"}}
    )["replies"][0]
    assert reply.tool_call.arguments == {"city": "Oslo"}
    body = check_messages_request(fake_api.last_request)
    assert body["tool_choice"] == {"type": "tool", "name": "get_weather"}


def test_async_twice(fake_api):
    chat = generator()
    enqueue_echo(fake_api)
    assert asyncio.run(chat.run_async("one"))["replies"][0].text == "echo: one"
    assert asyncio.run(chat.run_async("two"))["replies"][0].text == "echo: two"
    for request in fake_api.requests:
        check_messages_request(request, stream=False)
    # The official SDK re-sends "two" once: its pooled connection belongs to the closed loop (its retry recovers).
    assert last_user_texts(fake_api)[0] == "one"
    assert set(last_user_texts(fake_api)[1:]) == {"two"}


def test_rate_limit_is_retried(fake_api):
    fake_api.enqueue(Reply.error(429, headers=FAST_RETRY))
    fake_api.script_message("after the retry")
    assert generator(max_retries=1).run("hi")["replies"][0].text == "after the retry"
    assert [request.headers["x-stainless-retry-count"] for request in fake_api.requests] == ["0", "1"]
    assert fake_api.requests[0].json() == fake_api.requests[1].json()


def test_bad_request_surfaces(fake_api):
    fake_api.enqueue(Reply.error(400, message="max_tokens: too large"))
    with pytest.raises(anthropic.BadRequestError) as caught:
        generator().run("hi")
    assert caught.value.status_code == 400
    assert caught.value.body["error"]["message"] == "max_tokens: too large"
    assert len(fake_api.requests) == 1
