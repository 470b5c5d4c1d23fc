"""Function tools: the JSON schema sent to the API (same as 0.74.0), validation of the model's input, errors."""

from __future__ import annotations

import asyncio
from typing import Annotated, Literal, Optional

import pydantic
import pytest

from anthropic_plugin_tools import (
    BetaAsyncBuiltinFunctionTool,
    BetaAsyncFunctionTool,
    BetaBuiltinFunctionTool,
    BetaFunctionTool,
    beta_async_tool,
    beta_tool,
)


class Location(pydantic.BaseModel):
    city: str
    country: str = "FR"


@beta_tool
def get_weather(location: str, units: Literal["c", "f"] = "c", days: int = 1) -> str:
    """Get the weather.

    Longer text here.

    Args:
        location: The city and state, e.g. San Francisco, CA
        units: Unit system
    """
    return f"sunny in {location} ({units}, {days}d)"


def test_schema_from_signature_and_google_docstring() -> None:
    # Expected value captured from the official SDK 0.74.0 for the same function.
    assert get_weather.to_dict() == {
        "name": "get_weather",
        "description": "Get the weather.\n\nLonger text here.",
        "input_schema": {
            "additionalProperties": False,
            "properties": {
                "days": {"default": 1, "title": "Days", "type": "integer"},
                "location": {
                    "description": "The city and state, e.g. San Francisco, CA",
                    "title": "Location",
                    "type": "string",
                },
                "units": {
                    "default": "c",
                    "description": "Unit system",
                    "enum": ["c", "f"],
                    "title": "Units",
                    "type": "string",
                },
            },
            "required": ["location"],
            "type": "object",
        },
    }


def test_schema_with_models_optionals_and_keyword_only() -> None:
    @beta_tool
    def nested(loc: Location, tags: list[str], maybe: Optional[int] = None, *, kw: float = 1.0) -> str:
        return "x"

    assert nested.to_dict() == {
        "name": "nested",
        "description": "",
        "input_schema": {
            "$defs": {
                "Location": {
                    "properties": {
                        "city": {"title": "City", "type": "string"},
                        "country": {"default": "FR", "title": "Country", "type": "string"},
                    },
                    "required": ["city"],
                    "title": "Location",
                    "type": "object",
                }
            },
            "additionalProperties": False,
            "properties": {
                "kw": {"default": 1.0, "title": "Kw", "type": "number"},
                "loc": {"$ref": "#/$defs/Location"},
                "maybe": {"anyOf": [{"type": "integer"}, {"type": "null"}], "default": None, "title": "Maybe"},
                "tags": {"items": {"type": "string"}, "title": "Tags", "type": "array"},
            },
            "required": ["loc", "tags"],
            "type": "object",
        },
    }


def test_sphinx_docstring_and_field_description_wins() -> None:
    def sphinx(a: int, b: Annotated[str, pydantic.Field(description="from Field")]) -> str:
        """Short.

        :param a: the a
        :param b: the b
        """
        return ""

    schema = beta_tool(sphinx).input_schema
    assert beta_tool(sphinx).description == "Short."
    assert schema["properties"]["a"]["description"] == "the a"  # type: ignore[index]
    assert schema["properties"]["b"]["description"] == "from Field"  # type: ignore[index]


def test_no_arguments_and_short_docstring() -> None:
    @beta_tool
    def noargs() -> str:
        """Only short"""
        return "x"

    assert noargs.to_dict() == {
        "name": "noargs",
        "description": "Only short",
        "input_schema": {"additionalProperties": False, "properties": {}, "type": "object"},
    }


def test_overrides_name_description_and_schema() -> None:
    @beta_tool(name="lookup", description="Find a place", input_schema=Location)
    def find(city: str, country: str = "FR") -> str:
        return city

    assert find.name == "lookup"
    assert find.to_dict() == {
        "name": "lookup",
        "description": "Find a place",
        "input_schema": Location.model_json_schema(),
    }
    raw = beta_tool(find.func, input_schema={"type": "object"})
    assert raw.to_dict()["input_schema"] == {"type": "object"}
    assert isinstance(beta_tool()(find.func), BetaFunctionTool)


def test_call_validates_and_coerces() -> None:
    assert get_weather.call({"location": "Paris", "days": "3"}) == "sunny in Paris (c, 3d)"
    assert get_weather("Lyon") == "sunny in Lyon (c, 1d)"  # the tool object calls the function directly
    assert get_weather.func.__name__ == "get_weather"


def test_call_invalid_arguments_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="Invalid arguments for function get_weather") as info:
        get_weather.call({"units": "kelvin"})
    message = str(info.value)
    assert "location: Missing required argument" in message
    assert "units: Input should be 'c' or 'f'" in message
    assert isinstance(info.value.__cause__, pydantic.ValidationError)

    with pytest.raises(ValueError, match="extra: Unexpected keyword argument"):
        get_weather.call({"location": "Paris", "extra": 1})


def test_call_rejects_non_dict_input() -> None:
    with pytest.raises(TypeError, match="Input must be a dictionary, got list"):
        get_weather.call([1])  # type: ignore[arg-type]


def test_validation_error_raised_inside_the_function_is_not_blamed_on_arguments() -> None:
    @beta_tool
    def builds_model(city: str) -> str:
        Location.model_validate({"country": city})
        return "unreachable"

    with pytest.raises(pydantic.ValidationError):
        builds_model.call({"city": "Paris"})


def test_sync_async_mismatch_raises_runtime_error() -> None:
    @beta_tool
    async def wrongly_sync(x: int) -> str:
        return str(x)

    with pytest.raises(RuntimeError, match="beta_async_tool"):
        wrongly_sync.call({"x": 1})

    @beta_async_tool
    def wrongly_async(x: int) -> str:
        return str(x)

    with pytest.raises(RuntimeError, match="beta_tool"):
        asyncio.run(wrongly_async.call({"x": 1}))


def test_async_tool() -> None:
    @beta_async_tool(name="double", description="Double a number")
    async def twice(x: int) -> str:
        """Ignored because a description is given."""
        return str(2 * x)

    assert isinstance(twice, BetaAsyncFunctionTool)
    assert twice.to_dict()["description"] == "Double a number"
    assert asyncio.run(twice.call({"x": "21"})) == "42"
    with pytest.raises(ValueError, match="Invalid arguments for function double"):
        asyncio.run(twice.call({"x": "nope"}))
    with pytest.raises(TypeError, match="Input must be a dictionary"):
        asyncio.run(twice.call("x"))


def test_builtin_tool_abcs() -> None:
    with pytest.raises(TypeError):
        BetaBuiltinFunctionTool()  # type: ignore[abstract]

    class Echo(BetaBuiltinFunctionTool):
        def to_dict(self):  # type: ignore[override]
            return {"name": "echo", "type": "custom_echo"}

        def call(self, input: object) -> str:
            return repr(input)

    class AsyncEcho(BetaAsyncBuiltinFunctionTool):
        def to_dict(self):  # type: ignore[override]
            return {"name": "aecho", "type": "custom_echo"}

        async def call(self, input: object) -> str:
            return repr(input)

    assert Echo().name == "echo"
    assert Echo().call({"a": 1}) == "{'a': 1}"
    assert AsyncEcho().name == "aecho"
    assert asyncio.run(AsyncEcho().call(1)) == "1"
