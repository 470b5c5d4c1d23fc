"""Simon Willison's `llm` with the `llm-anthropic` plugin (a new client per prompt, key from ANTHROPIC_API_KEY)."""

from __future__ import annotations

import asyncio
import json

import llm
import pytest
from pydantic import BaseModel
from support import FAST_RETRY, MODEL, Reply, check_messages_request, result_text, tool_result_of, user_text

import anthropic

ALIAS = "claude-sonnet-4.5"


class Dog(BaseModel):
    name: str
    age: int


def test_prompt(fake_api):
    fake_api.script_message("Paris is the capital of France.")
    response = llm.get_model(ALIAS).prompt("Capital of France?", system="Be terse.", stream=False)
    assert response.text() == "Paris is the capital of France."
    assert response.usage().input > 0
    body = check_messages_request(fake_api.last_request, stream=False)
    assert body["model"] == MODEL
    assert body["system"] == "Be terse."
    assert user_text(body["messages"][0]) == "Capital of France?"
    assert body["max_tokens"] == 8192
    assert len(fake_api.requests) == 1


def test_streaming(fake_api):
    fake_api.script_message("One two three four five six seven.")
    chunks = list(llm.get_model(ALIAS).prompt("Count", temperature=0.5))
    assert len(chunks) > 1
    assert "".join(chunks) == "One two three four five six seven."
    body = check_messages_request(fake_api.last_request, stream=True)
    assert body["temperature"] == 0.5


def test_tool_call_and_result(fake_api):
    calls = []

    def get_weather(city: str) -> str:
        """Weather of a city."""
        calls.append(city)
        return f"sunny in {city}"

    fake_api.script_turns(
        [
            {
                "text": "Let me look.",
                "tool_uses": [{"id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}],
            },
            "It is sunny in Paris.",
        ]
    )
    chain = llm.get_model(ALIAS).chain("Weather in Paris?", tools=[get_weather])
    assert chain.text().endswith("It is sunny in Paris.")
    assert calls == ["Paris"]
    first = check_messages_request(fake_api.requests[0], stream=True)
    assert [tool["name"] for tool in first["tools"]] == ["get_weather"]
    assert first["tools"][0]["input_schema"]["properties"]["city"]["type"] == "string"
    second = check_messages_request(fake_api.requests[1], stream=True)
    assert second["messages"][1]["role"] == "assistant"
    assert any(block["type"] == "tool_use" for block in second["messages"][1]["content"])
    result = tool_result_of(second)
    assert result["tool_use_id"] == "toolu_01"
    assert result_text(result) == "sunny in Paris"
    assert len(fake_api.requests) == 2


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
def test_structured_output(fake_api, stream):
    fake_api.script_message(json.dumps({"name": "Rex", "age": 3}))
    response = llm.get_model(ALIAS).prompt("Invent a dog", schema=Dog, stream=stream)
    assert json.loads(response.text()) == {"name": "Rex", "age": 3}
    request = fake_api.last_request
    body = check_messages_request(request, stream=stream, beta=True)
    assert request.headers["anthropic-beta"] == "structured-outputs-2025-11-13"
    assert body["output_format"]["type"] == "json_schema"
    schema = body["output_format"]["schema"]
    assert set(schema["properties"]) == {"name", "age"}
    assert schema["additionalProperties"] is False


def test_async_twice(fake_api):
    model = llm.get_async_model(ALIAS)

    async def ask(question: str) -> str:
        return await model.prompt(question).text()

    fake_api.script_message("first answer")
    fake_api.script_message("second answer")
    assert asyncio.run(ask("one")) == "first answer"
    assert asyncio.run(ask("two")) == "second answer"
    bodies = [check_messages_request(request, stream=True) for request in fake_api.requests]
    assert [user_text(body["messages"][0]) for body in bodies] == ["one", "two"]


def test_rate_limit_is_retried(fake_api):
    fake_api.enqueue(Reply.error(429, headers=FAST_RETRY))
    fake_api.script_message("after the retry")
    assert llm.get_model(ALIAS).prompt("hi", stream=False).text() == "after the retry"
    assert [request.path for request in fake_api.requests] == ["/v1/messages"] * 2
    assert fake_api.requests[0].headers["x-stainless-retry-count"] == "0"
    assert fake_api.requests[1].headers["x-stainless-retry-count"] == "1"
    assert fake_api.requests[0].json() == fake_api.requests[1].json()


def test_bad_request_surfaces(fake_api):
    fake_api.enqueue(Reply.error(400, message="max_tokens: too large"))
    with pytest.raises(anthropic.BadRequestError) as caught:
        llm.get_model(ALIAS).prompt("hi", stream=False).text()
    assert caught.value.status_code == 400
    assert caught.value.body["error"]["message"] == "max_tokens: too large"
    assert caught.value.request_id == fake_api.requests[0].request_id
    assert len(fake_api.requests) == 1


def test_async_streaming(fake_api):
    fake_api.script_message("streamed asynchronously, piece by piece")

    async def collect() -> list[str]:
        return [chunk async for chunk in llm.get_async_model(ALIAS).prompt("hi")]

    chunks = asyncio.run(collect())
    assert len(chunks) > 1
    assert "".join(chunks) == "streamed asynchronously, piece by piece"
    check_messages_request(fake_api.last_request, stream=True)
