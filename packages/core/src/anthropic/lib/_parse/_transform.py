"""`transform_schema`: rewrite a JSON schema into the subset structured outputs accept, losing nothing silently.

Rules (those of 0.74.0): `$ref` is kept alone; `$defs` are transformed one by one; `anyOf` (and `oneOf`, which
becomes `anyOf`) and `allOf` variants are transformed; otherwise a `type` is required. `description` and `title`
are kept. Objects get their properties transformed, `required` kept and `additionalProperties: false`. Strings
keep `format` only when the API supports it; arrays keep `items` (transformed) and `minItems` of 0 or 1. Any
other keyword is appended to the description as `{key: value, ...}` so the model can still follow it.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, cast

__all__ = ["SUPPORTED_STRING_FORMATS", "transform_schema"]

SUPPORTED_STRING_FORMATS = frozenset(
    {"date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid"}
)

_SCALAR_TYPES = frozenset({"boolean", "integer", "number", "null"})


def transform_schema(json_schema: type[Any] | Mapping[str, Any]) -> dict[str, Any]:
    """The API-compatible version of a JSON schema (or of a pydantic model's schema); the input is not modified."""
    if inspect.isclass(json_schema):
        import pydantic

        if not issubclass(json_schema, pydantic.BaseModel):
            raise TypeError(f"Expected a JSON schema dict or a pydantic model class, got {json_schema!r}")
        json_schema = json_schema.model_json_schema()
    return _transform(dict(cast(Mapping[str, Any], json_schema)))


def _transform(rest: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "$ref" in rest:
        ref = rest.pop("$ref")
        if ref is not None:
            return {"$ref": ref}
    defs = rest.pop("$defs", None)
    if defs is not None:
        out["$defs"] = {name: _transform(dict(schema)) for name, schema in defs.items()}

    type_ = rest.pop("type", None)
    any_of = rest.pop("anyOf", None)
    one_of = rest.pop("oneOf", None)
    all_of = rest.pop("allOf", None)
    if isinstance(any_of, list):
        out["anyOf"] = [_transform(dict(variant)) for variant in cast(list[Any], any_of)]
    elif isinstance(one_of, list):
        out["anyOf"] = [_transform(dict(variant)) for variant in cast(list[Any], one_of)]
    elif isinstance(all_of, list):
        out["allOf"] = [_transform(dict(variant)) for variant in cast(list[Any], all_of)]
    elif type_ is None:
        raise ValueError("Schema must have a 'type', 'anyOf', 'oneOf', or 'allOf' field.")
    else:
        out["type"] = type_

    for key in ("description", "title"):
        value = rest.pop(key, None)
        if value is not None:
            out[key] = value

    if type_ == "object":
        properties: Mapping[str, Any] = rest.pop("properties", {})
        out["properties"] = {name: _transform(dict(schema)) for name, schema in properties.items()}
        rest.pop("additionalProperties", None)
        out["additionalProperties"] = False
        required = rest.pop("required", None)
        if required is not None:
            out["required"] = required
    elif type_ == "string":
        fmt = rest.pop("format", None)
        if fmt in SUPPORTED_STRING_FORMATS:
            out["format"] = fmt
        elif fmt:
            rest["format"] = fmt  # unsupported: listed last in the description
    elif type_ == "array":
        items = rest.pop("items", None)
        if items is not None:
            out["items"] = _transform(dict(items))
        min_items = rest.pop("minItems", None)
        if min_items in (0, 1):
            out["minItems"] = min_items
        elif min_items is not None:
            rest["minItems"] = min_items  # unsupported: listed last in the description
    elif type_ is not None and not (isinstance(type_, str) and type_ in _SCALAR_TYPES):
        raise ValueError(f"Unsupported schema type: {type_!r}")

    if rest:
        # Unsupported keywords: keep them where the model can read them.
        listed = ", ".join(f"{key}: {value}" for key, value in rest.items())
        description = out.get("description")
        out["description"] = (f"{description}\n\n" if description is not None else "") + "{" + listed + "}"
    return out
