"""The JSON schema of a function's arguments, as 0.74.0 sends it for `@beta_tool` functions.

pydantic describes the arguments (types, defaults, `additionalProperties: false`); the docstring fills in a
`description` for each parameter that pydantic did not already describe (e.g. through `Field(description=...)`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import docstring_parser
import pydantic

__all__ = ["describe_function", "function_schema"]


def describe_function(doc: docstring_parser.Docstring) -> str:
    """Short description, then a blank line and the long description, or "" without a docstring."""
    if not doc.short_description:
        return ""
    if doc.long_description:
        return f"{doc.short_description}\n\n{doc.long_description}"
    return doc.short_description


def function_schema(validated: Callable[..., Any], doc: docstring_parser.Docstring) -> dict[str, object]:
    """The schema of `validated` (a `pydantic.validate_call` wrapper) with docstring parameter descriptions."""
    schema: dict[str, Any] = pydantic.TypeAdapter(cast(Any, validated)).json_schema()
    properties = schema.get("properties")
    if schema.get("type") != "object" or not isinstance(properties, dict):
        return schema
    for param in doc.params:
        prop = properties.get(param.arg_name)
        if isinstance(prop, dict) and param.description and "description" not in prop:
            prop["description"] = param.description
    return schema
