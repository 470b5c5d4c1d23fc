"""LangChain's `ChatAnthropic` (caches its clients per instance, passes its own cached httpx clients)."""

from __future__ import annotations

import asyncio
import json

import pytest
from langchain_anthropic import ChatAnthropic
from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage
from langchain_core.tools import tool
from pydantic import BaseModel
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


class Dog(BaseModel):
    name: str
    age: int


@tool
def get_weather(city: str) -> str:
    """Weather of a city."""
    return f"sunny in {city}"


def chat(fake_api, **options) -> ChatAnthropic:
    return ChatAnthropic(model=MODEL, base_url=fake_api.url, max_tokens=256, **options)


def test_prompt(fake_api):
    fake_api.script_message("Paris is the capital of France.")
    answer = chat(fake_api).invoke([SystemMessage("Be terse."), HumanMessage("Capital of France?")])
    assert answer.content == "Paris is the capital of France."
    assert answer.response_metadata["stop_reason"] == "end_turn"
    assert answer.usage_metadata["input_tokens"] > 0
    body = check_messages_request(fake_api.last_request, stream=False)
    assert body["model"] == MODEL
    assert body["max_tokens"] == 256
    assert body["system"] == "Be terse."
    assert user_text(body["messages"][0]) == "Capital of France?"


def test_streaming(fake_api):
    fake_api.script_message("One two three four five six seven.")
    chunks = list(chat(fake_api).stream("Count"))
    text = "".join(chunk.content if isinstance(chunk.content, str) else "" for chunk in chunks)
    assert len(chunks) > 2
    assert text == "One two three four five six seven."
    body = check_messages_request(fake_api.last_request, stream=True)
    assert user_text(body["messages"][0]) == "Count"


def test_tool_call_and_result(fake_api):
    fake_api.script_turns(
        [
            {"tool_uses": [{"id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]},
            "It is sunny in Paris.",
        ]
    )
    model = chat(fake_api).bind_tools([get_weather])
    history = [HumanMessage("Weather in Paris?")]
    first = model.invoke(history)
    assert [(call["name"], call["args"], call["id"]) for call in first.tool_calls] == [
        ("get_weather", {"city": "Paris"}, "toolu_01")
    ]
    history += [first, ToolMessage(get_weather.invoke(first.tool_calls[0]["args"]), tool_call_id="toolu_01")]
    final = model.invoke(history)
    assert final.content == "It is sunny in Paris."
    sent_tools = check_messages_request(fake_api.requests[0])["tools"]
    assert sent_tools[0]["name"] == "get_weather"
    assert sent_tools[0]["input_schema"]["properties"]["city"]["type"] == "string"
    second = check_messages_request(fake_api.requests[1])
    assert second["messages"][1]["content"][-1]["type"] == "tool_use"
    result = tool_result_of(second)
    assert result["tool_use_id"] == "toolu_01"
    assert result_text(result) == "sunny in Paris"


def test_structured_output_with_tool(fake_api):
    fake_api.script_message(
        content=[{"type": "tool_use", "id": "toolu_02", "name": "Dog", "input": {"name": "Rex", "age": 3}}]
    )
    dog = chat(fake_api).with_structured_output(Dog).invoke("Invent a dog")
    assert dog == Dog(name="Rex", age=3)
    body = check_messages_request(fake_api.last_request)
    assert body["tool_choice"]["name"] == "Dog"
    assert body["tools"][0]["name"] == "Dog"


def test_structured_output_with_json_schema(fake_api):
    fake_api.script_message(json.dumps({"name": "Rex", "age": 3}))
    dog = chat(fake_api).with_structured_output(Dog, method="json_schema").invoke("Invent a dog")
    assert dog == Dog(name="Rex", age=3)
    request = fake_api.last_request
    body = check_messages_request(request, beta=True)
    assert request.headers["anthropic-beta"] == "structured-outputs-2025-11-13"
    assert body["output_format"]["type"] == "json_schema"
    assert set(body["output_format"]["schema"]["properties"]) == {"name", "age"}


def test_async_twice(fake_api):
    model = chat(fake_api)
    enqueue_echo(fake_api)
    assert asyncio.run(model.ainvoke("one")).content == "echo: one"
    assert asyncio.run(model.ainvoke("two")).content == "echo: two"
    for request in fake_api.requests:
        check_messages_request(request, stream=False)
    # The official SDK re-sends "two" once: its pooled connection belongs to the closed loop (its retry recovers).
    assert last_user_texts(fake_api)[0] == "one"
    assert set(last_user_texts(fake_api)[1:]) == {"two"}


def test_async_streaming(fake_api):
    fake_api.script_message("streamed asynchronously")

    async def collect() -> str:
        return "".join(
            [chunk.content async for chunk in chat(fake_api).astream("hi") if isinstance(chunk.content, str)]
        )

    assert asyncio.run(collect()) == "streamed asynchronously"
    check_messages_request(fake_api.last_request, stream=True)


def test_rate_limit_is_retried(fake_api):
    fake_api.enqueue(Reply.error(429, headers=FAST_RETRY))
    fake_api.script_message("after the retry")
    assert chat(fake_api, max_retries=1).invoke("hi").content == "after the retry"
    assert len(fake_api.requests) == 2
    assert fake_api.requests[1].headers["x-stainless-retry-count"] == "1"
    assert fake_api.requests[0].json() == fake_api.requests[1].json()


def test_bad_request_surfaces(fake_api):
    fake_api.enqueue(Reply.error(400, message="max_tokens: too large"))
    with pytest.raises(anthropic.BadRequestError) as caught:
        chat(fake_api).invoke("hi")
    assert caught.value.status_code == 400
    assert caught.value.body["error"]["message"] == "max_tokens: too large"
    assert len(fake_api.requests) == 1
