"""Structured outputs: `transform_schema` (checked against 0.74.0's outputs) and parsed beta messages."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, List, Optional, Union

import pydantic
import pytest
from _api_surface_helpers import Api, open_api

import anthropic
from anthropic.lib._parse import output_format_param, parse_beta_message, transform_schema
from anthropic.testing import FakeAnthropicServer, MessageScript
from anthropic.types.beta import BetaMessage
from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage, ParsedBetaTextBlock


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


CASES = json.loads((Path(__file__).parent / "data" / "transform_schema_cases.json").read_text())
CASE_NAMES = sorted(name for name in CASES if not name.startswith("_"))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_transform_schema_matches_official(name: str) -> None:
    schema = CASES[name]["input"]
    before = copy.deepcopy(schema)
    assert transform_schema(schema) == CASES[name]["expected"]
    assert schema == before  # the input is not modified


def test_transform_schema_public_and_from_model() -> None:
    class Item(pydantic.BaseModel):
        label: str = pydantic.Field(max_length=10)
        tags: List[str] = []

    assert anthropic.transform_schema is transform_schema
    assert transform_schema(Item) == transform_schema(Item.model_json_schema())
    assert transform_schema(Item)["properties"]["label"] == {
        "type": "string",
        "title": "Label",
        "description": "{maxLength: 10}",
    }


def test_transform_schema_errors() -> None:
    with pytest.raises(ValueError, match="Schema must have a 'type', 'anyOf', 'oneOf', or 'allOf' field."):
        transform_schema({"description": "no type"})
    with pytest.raises(ValueError, match="Unsupported schema type"):
        transform_schema({"type": "date"})


class Address(pydantic.BaseModel):
    city: str
    zip: Optional[str] = None


class Contact(pydantic.BaseModel):
    name: str
    addresses: List[Address]
    kind: Union[int, str]


def test_output_format_param_for_nested_models() -> None:
    param = output_format_param(Contact)
    assert param is not None and param["type"] == "json_schema"
    schema = param["schema"]
    assert set(schema["$defs"]) == {"Address"}
    assert schema["$defs"]["Address"]["additionalProperties"] is False
    assert schema["properties"]["addresses"] == {
        "type": "array",
        "title": "Addresses",
        "items": {"$ref": "#/$defs/Address"},
    }
    assert schema["properties"]["kind"] == {"anyOf": [{"type": "integer"}, {"type": "string"}], "title": "Kind"}
    assert output_format_param(None) is None and output_format_param(anthropic.omit) is None


MESSAGE_JSON: dict[str, Any] = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5",
    "content": [
        {"type": "thinking", "thinking": "hmm", "signature": "sig"},
        {"type": "text", "text": '{"name": "Ann", "addresses": [{"city": "Oslo"}], "kind": 3}', "future_field": 1},
        {"type": "tool_use", "id": "t1", "name": "lookup", "input": {}},
    ],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 1, "output_tokens": 2},
    "brand_new": "kept",
}


def test_parse_beta_message_keeps_everything_else() -> None:
    message = BetaMessage.model_validate(MESSAGE_JSON)
    parsed = parse_beta_message(message, output_format=Contact)
    assert isinstance(parsed, ParsedBetaMessage)
    assert parsed.parsed_output == Contact(name="Ann", addresses=[Address(city="Oslo")], kind=3)
    thinking, text, tool = parsed.content
    assert thinking is message.content[0] and tool is message.content[2]
    assert isinstance(text, ParsedBetaTextBlock) and text.model_extra == {"future_field": 1}
    expected = copy.deepcopy(MESSAGE_JSON)
    expected["content"][1]["parsed_output"] = {"name": "Ann", "addresses": [{"city": "Oslo"}], "kind": 3}
    assert parsed.to_dict() == expected  # what the API sent (and nothing it did not), plus `parsed_output`
    assert parsed.model_extra == {"brand_new": "kept"}


def test_parse_beta_message_without_format_and_with_bad_text() -> None:
    message = BetaMessage.model_validate(MESSAGE_JSON)
    parsed = parse_beta_message(message, output_format=anthropic.NOT_GIVEN)
    assert parsed.parsed_output is None and parsed.content[1].text == MESSAGE_JSON["content"][1]["text"]
    bad = BetaMessage.model_validate({**MESSAGE_JSON, "content": [{"type": "text", "text": "not json"}]})
    with pytest.raises(pydantic.ValidationError):
        parse_beta_message(bad, output_format=Contact)


def test_parse_over_http_with_list_type(api: Api) -> None:
    api.server.enqueue(MessageScript(text="[1, 2, 3]"), path="/v1/messages")
    message = api.run(
        api.client.beta.messages.parse(
            model="m", max_tokens=8, messages=[{"role": "user", "content": "count"}], output_format=List[int]
        )
    )
    assert message.parsed_output == [1, 2, 3]
    assert api.last.json()["output_format"]["schema"] == {"type": "array", "items": {"type": "integer"}}


def test_parse_raw_response(api: Api) -> None:
    api.server.enqueue(MessageScript(text='{"city": "Rome"}'), path="/v1/messages")
    raw = api.run(
        api.client.beta.messages.with_raw_response.parse(
            model="m", max_tokens=8, messages=[{"role": "user", "content": "x"}], output_format=Address
        )
    )
    assert raw.parse().parsed_output == Address(city="Rome")
