"""Pydantic AI's Anthropic model (`Agent("anthropic:...")`: beta Messages API, a process-wide cached httpx client)."""

from __future__ import annotations

import asyncio

from pydantic import BaseModel
from support import (
    API_KEY,
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


def make_agent(**options):
    """An agent built the way the Pydantic AI docs show: model by name, key and base URL from the environment."""
    from pydantic_ai import Agent

    return Agent(f"anthropic:{MODEL}", **options)


def test_prompt(fake_api):
    fake_api.script_message("Paris is the capital of France.")
    result = make_agent(system_prompt="Be terse.").run_sync("Capital of France?")
    assert result.output == "Paris is the capital of France."
    assert result.usage().input_tokens > 0
    body = check_messages_request(fake_api.last_request, stream=False, beta=True)
    assert body["model"] == MODEL
    assert body["max_tokens"] == 4096
    assert (
        body["system"][0]["text"] == "Be terse." if isinstance(body["system"], list) else body["system"] == "Be terse."
    )
    assert user_text(body["messages"][0]) == "Capital of France?"
    assert len(fake_api.requests) == 1


def test_streaming(fake_api):
    fake_api.script_message("One two three four five six seven.")
    agent = make_agent()

    async def collect() -> list[str]:
        async with agent.run_stream("Count") as result:
            return [delta async for delta in result.stream_text(delta=True, debounce_by=None)]

    deltas = asyncio.run(collect())
    assert len(deltas) > 1
    assert "".join(deltas) == "One two three four five six seven."
    check_messages_request(fake_api.last_request, stream=True, beta=True)


def test_tool_call_and_result(fake_api):
    fake_api.script_turns(
        [
            {"tool_uses": [{"id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]},
            "It is sunny in Paris.",
        ]
    )
    agent = make_agent()

    @agent.tool_plain
    def get_weather(city: str) -> str:
        """Weather of a city."""
        return f"sunny in {city}"

    assert agent.run_sync("Weather in Paris?").output == "It is sunny in Paris."
    first = check_messages_request(fake_api.requests[0], beta=True)
    assert first["tools"][0]["name"] == "get_weather"
    assert first["tools"][0]["input_schema"]["properties"]["city"]["type"] == "string"
    result = tool_result_of(check_messages_request(fake_api.requests[1], beta=True))
    assert result["tool_use_id"] == "toolu_01"
    assert result_text(result) == "sunny in Paris"
    assert len(fake_api.requests) == 2


def test_structured_output(fake_api):
    fake_api.script_message(
        content=[{"type": "tool_use", "id": "toolu_02", "name": "final_result", "input": {"name": "Rex", "age": 3}}]
    )
    assert make_agent(output_type=Dog).run_sync("Invent a dog").output == Dog(name="Rex", age=3)
    body = check_messages_request(fake_api.last_request, beta=True)
    assert body["tools"][0]["name"] == "final_result"
    assert set(body["tools"][0]["input_schema"]["properties"]) == {"name", "age"}


def test_async_twice(fake_api):
    agent = make_agent()
    enqueue_echo(fake_api)
    assert asyncio.run(agent.run("one")).output == "echo: one"
    assert asyncio.run(agent.run("two")).output == "echo: two"
    for request in fake_api.requests:
        check_messages_request(request, stream=False, beta=True)
    assert last_user_texts(fake_api)[0] == "one"
    assert set(last_user_texts(fake_api)[1:]) == {"two"}


def test_rate_limit_is_retried(fake_api):
    fake_api.enqueue(Reply.error(429, headers=FAST_RETRY))
    fake_api.script_message("after the retry")
    assert make_agent().run_sync("hi").output == "after the retry"
    assert len(fake_api.requests) == 2
    first, retry = (int(request.headers["x-stainless-retry-count"]) for request in fake_api.requests)
    assert retry == first + 1  # not 0 -> 1: the shared pooled client may fail once locally after an earlier loop
    assert fake_api.requests[1].headers["x-api-key"] == API_KEY
    assert fake_api.requests[0].json() == fake_api.requests[1].json()


def test_bad_request_surfaces(fake_api):
    from pydantic_ai.exceptions import ModelHTTPError

    fake_api.enqueue(Reply.error(400, message="max_tokens: too large"))
    try:
        make_agent().run_sync("hi")
    except ModelHTTPError as error:
        assert error.status_code == 400
        assert error.body["error"]["message"] == "max_tokens: too large"
        assert isinstance(error.__cause__, anthropic.BadRequestError)
    else:
        raise AssertionError("no ModelHTTPError")
    assert len(fake_api.requests) == 1
