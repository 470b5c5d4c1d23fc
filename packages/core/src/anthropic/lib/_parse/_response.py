"""Structured outputs on the way out (`output_format` as a JSON schema) and back (`parsed_output`)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..._types import NotGiven, Omit

if TYPE_CHECKING:
    import pydantic

    from ...types.beta import BetaMessage
    from ...types.beta.parsed_beta_message import ParsedBetaMessage

__all__ = ["output_format_param", "parse_beta_message", "parse_text"]

ResponseFormatT = TypeVar("ResponseFormatT")  # not the class's own: see parse_beta_message


def _given(output_format: object) -> bool:
    return output_format is not None and not isinstance(output_format, (NotGiven, Omit))


@lru_cache(maxsize=256)
def _adapter(output_format: Any) -> pydantic.TypeAdapter[Any]:
    import pydantic

    return pydantic.TypeAdapter(output_format)


def _adapter_for(output_format: Any) -> pydantic.TypeAdapter[Any]:
    try:
        return _adapter(output_format)
    except TypeError:  # unhashable type expressions are not cached
        import pydantic

        return pydantic.TypeAdapter(output_format)


def output_format_param(output_format: object) -> dict[str, Any] | None:
    """The request's `output_format` for a Python type (`{"type": "json_schema", "schema": ...}`), or None."""
    if not _given(output_format):
        return None
    import pydantic

    from ._transform import transform_schema

    try:
        schema = _adapter_for(output_format).json_schema()
    except pydantic.errors.PydanticSchemaGenerationError as exc:
        raise TypeError(
            "Could not generate JSON schema for the given `output_format` type. "
            "Use a type that works with `pydanitc.TypeAdapter`"
        ) from exc
    return {"schema": transform_schema(schema), "type": "json_schema"}


def parse_text(text: str, output_format: object) -> Any:
    """The text of an answer validated as `output_format` (None when no format was asked for)."""
    if not _given(output_format):
        return None
    return _adapter_for(output_format).validate_json(text)


def parse_beta_message(message: BetaMessage, *, output_format: object) -> ParsedBetaMessage[Any]:
    """A `ParsedBetaMessage` whose text blocks carry `parsed_output`; the other blocks are kept as they are."""
    from ...types.beta.parsed_beta_message import ParsedBetaMessage, ParsedBetaTextBlock

    # Like 0.74.0, the classes are parametrised with a type variable of their own, so that
    # `type(parsed).__name__` is "ParsedBetaMessage[~ResponseFormatT]" as there.
    text_block_cls = cast(Any, ParsedBetaTextBlock)[ResponseFormatT]
    content: list[Any] = []
    for block in message.content:
        if block.type == "text":
            fields = {**block.__dict__, **(block.model_extra or {})}
            fields["parsed_output"] = parse_text(block.text, output_format)
            content.append(text_block_cls.construct(_fields_set={*block.model_fields_set, "parsed_output"}, **fields))
        else:
            content.append(block)
    fields = {**message.__dict__, **(message.model_extra or {}), "content": content}
    message_cls = cast(Any, ParsedBetaMessage)[ResponseFormatT]
    parsed = message_cls.construct(_fields_set=set(message.model_fields_set), **fields)
    return cast("ParsedBetaMessage[Any]", parsed)
