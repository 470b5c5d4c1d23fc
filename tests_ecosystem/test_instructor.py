"""Instructor (installed without its `anthropic` extra): it patches a user-made `anthropic.Anthropic` client."""

from __future__ import annotations

import asyncio
import json

import instructor
import pytest
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


def dog_tool_use(tool_id: str = "toolu_01", **fields) -> dict:
    return {"type": "tool_use", "id": tool_id, "name": "Dog", "input": {"name": "Rex", "age": 3, **fields}}


def patched(**options) -> instructor.Instructor:
    return instructor.from_anthropic(anthropic.Anthropic(**options))


def create(client, prompt: str = "Invent a dog", **options):
    return client.messages.create(
        model=MODEL, max_tokens=300, messages=[{"role": "user", "content": prompt}], **options
    )


def test_prompt_without_model(fake_api):
    fake_api.script_message("Paris is the capital of France.")
    message = create(patched(), "Capital of France?", response_model=None, system="Be terse.")
    assert isinstance(message, anthropic.types.Message)
    assert message.content[0].text == "Paris is the capital of France."
    body = check_messages_request(fake_api.last_request, stream=False)
    assert body["system"] == "Be terse."
    assert user_text(body["messages"][0]) == "Capital of France?"


def test_structured_output_with_tools(fake_api):
    fake_api.script_message(content=[dog_tool_use()])
    assert create(patched(), response_model=Dog).model_dump() == {"name": "Rex", "age": 3}
    body = check_messages_request(fake_api.last_request, stream=False)
    assert body["model"] == MODEL
    assert body["max_tokens"] == 300
    assert (body["tool_choice"]["type"], body["tool_choice"]["name"]) == ("tool", "Dog")
    assert body["tools"][0]["name"] == "Dog"
    assert set(body["tools"][0]["input_schema"]["properties"]) == {"name", "age"}


def test_structured_output_with_json(fake_api):
    fake_api.script_message(json.dumps({"name": "Rex", "age": 3}))
    client = instructor.from_anthropic(anthropic.Anthropic(), mode=instructor.Mode.JSON)
    assert create(client, response_model=Dog).model_dump() == {"name": "Rex", "age": 3}
    body = check_messages_request(fake_api.last_request, stream=False)
    assert "tools" not in body
    system = body["system"] if isinstance(body["system"], str) else "".join(block["text"] for block in body["system"])
    assert '"age"' in system  # the schema travels in the system prompt


def test_streaming_partials(fake_api):
    fake_api.script_message(content=[dog_tool_use(name="Rexalot the Third")])
    partials = list(
        patched().messages.create_partial(
            model=MODEL, max_tokens=300, messages=[{"role": "user", "content": "Invent a dog"}], response_model=Dog
        )
    )
    assert len(partials) > 1
    assert partials[-1].name == "Rexalot the Third"
    assert partials[-1].age == 3
    check_messages_request(fake_api.last_request, stream=True)


def test_validation_error_sent_back_as_tool_result(fake_api):
    fake_api.script_turns(
        [
            {"content": [dog_tool_use("toolu_bad", age="three")], "stop_reason": "tool_use"},
            {"content": [dog_tool_use("toolu_good")], "stop_reason": "tool_use"},
        ]
    )
    assert create(patched(), response_model=Dog, max_retries=2).model_dump() == {"name": "Rex", "age": 3}
    assert len(fake_api.requests) == 2
    second = check_messages_request(fake_api.requests[1])
    assert second["messages"][1]["role"] == "assistant"
    result = tool_result_of(second)
    assert result["tool_use_id"] == "toolu_bad"
    assert "age" in result_text(result)


def test_async_twice(fake_api):
    client = instructor.from_anthropic(anthropic.AsyncAnthropic())
    enqueue_echo(fake_api)

    async def ask(prompt: str) -> str:
        message = await client.messages.create(
            model=MODEL, max_tokens=50, messages=[{"role": "user", "content": prompt}], response_model=None
        )
        return message.content[0].text

    assert asyncio.run(ask("one")) == "echo: one"
    assert asyncio.run(ask("two")) == "echo: two"
    for request in fake_api.requests:
        check_messages_request(request, stream=False)
    # The official SDK re-sends "two" once: its pooled connection belongs to the closed loop (its retry recovers).
    assert last_user_texts(fake_api)[0] == "one"
    assert set(last_user_texts(fake_api)[1:]) == {"two"}


def test_rate_limit_is_retried(fake_api):
    fake_api.enqueue(Reply.error(429, headers=FAST_RETRY))
    fake_api.script_message(content=[dog_tool_use()])
    assert create(patched(max_retries=1), response_model=Dog).model_dump() == {"name": "Rex", "age": 3}
    assert [request.headers["x-stainless-retry-count"] for request in fake_api.requests] == ["0", "1"]
    assert fake_api.requests[0].json() == fake_api.requests[1].json()


def test_bad_request_surfaces(fake_api):
    fake_api.enqueue(Reply.error(400, message="max_tokens: too large"))
    with pytest.raises(Exception) as caught:
        create(patched(), response_model=Dog)
    error = caught.value
    while not isinstance(error, anthropic.BadRequestError) and error.__cause__ is not None:
        error = error.__cause__
    assert isinstance(error, anthropic.BadRequestError), repr(caught.value)
    assert error.status_code == 400
    assert error.body["error"]["message"] == "max_tokens: too large"
    assert len(fake_api.requests) == 1


def test_async_structured_output(fake_api):
    fake_api.script_message(content=[dog_tool_use()])
    client = instructor.from_anthropic(anthropic.AsyncAnthropic())
    dog = asyncio.run(
        client.messages.create(
            model=MODEL, max_tokens=300, messages=[{"role": "user", "content": "Invent a dog"}], response_model=Dog
        )
    )
    assert dog.model_dump() == {"name": "Rex", "age": 3}
    assert check_messages_request(fake_api.last_request)["tool_choice"]["name"] == "Dog"
