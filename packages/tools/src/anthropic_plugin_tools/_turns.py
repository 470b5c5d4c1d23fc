"""Sans-IO pieces of the tool loop shared by the four runners: tool indexing, tool_result blocks, message params.

Nothing here sends requests; the runners call these between API calls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, Union, cast

from .errors import ToolError

if TYPE_CHECKING:
    from anthropic.types.beta import BetaMessage, BetaMessageParam, BetaToolResultBlockParam, BetaToolUseBlock

__all__ = [
    "NamedTool",
    "error_result",
    "index_tools",
    "message_param",
    "needs_continuation",
    "result_from_value",
    "split_tools",
    "tool_uses",
    "unknown_tool_result",
]

log = logging.getLogger("anthropic.lib.tools._beta_runner")  # the runner's logger, named as in 0.74.0


class NamedTool(Protocol):
    @property
    def name(self) -> str: ...

    def to_dict(self) -> Any: ...


ToolT = TypeVar("ToolT", bound=NamedTool)


def split_tools(tools: Iterable[Union[ToolT, Mapping[str, Any]]]) -> tuple[list[ToolT], list[Any]]:
    """Separate runnable tools from raw server-tool definitions and build the `tools` request parameter.

    Raw dicts are accepted for tools the API runs itself (web search, code execution, ...), which have a `type`.
    A raw client tool (no `type`, or `type: "custom"`) is refused: the runner could never execute it.
    Duplicate names are refused up front rather than failing with a 400 after a round trip.
    """
    runnable: list[ToolT] = []
    definitions: list[Any] = []
    seen: set[str] = set()
    for tool in tools:
        if isinstance(tool, Mapping):
            definition = tool
            kind = definition.get("type")
            if kind is None or kind == "custom" or "input_schema" in definition:
                raise TypeError(
                    f"The tool runner cannot execute the raw tool definition {definition.get('name')!r}; "
                    "decorate a function with @beta_tool (or subclass BetaBuiltinFunctionTool) instead"
                )
            name = str(definition.get("name"))
            definitions.append(dict(definition))
        else:
            name = tool.name
            runnable.append(tool)
            definitions.append(tool.to_dict())
        if name in seen:
            raise ValueError(f"Duplicate tool name {name!r}: every tool given to the tool runner needs a unique name")
        seen.add(name)
    return runnable, definitions


def index_tools(tools: Iterable[ToolT]) -> dict[str, ToolT]:
    by_name: dict[str, ToolT] = {}
    for tool in tools:
        if tool.name in by_name:
            raise ValueError(
                f"Duplicate tool name {tool.name!r}: every tool given to the tool runner needs a unique name"
            )
        by_name[tool.name] = tool
    return by_name


def tool_uses(message: BetaMessage | None) -> list[BetaToolUseBlock]:
    """The client `tool_use` blocks of an assistant message (server tool blocks are run by the API)."""
    if message is None or message.role != "assistant" or not message.content:
        return []
    return [block for block in message.content if block.type == "tool_use"]


def needs_continuation(message: BetaMessage) -> bool:
    """Whether the loop goes on after `message`: tools to run, or a turn the API paused (`pause_turn`)."""
    return bool(tool_uses(message)) or message.stop_reason == "pause_turn"


def message_param(message: BetaMessage | BetaMessageParam) -> BetaMessageParam:
    """A message as request params; response blocks are dumped as the API named them, without local-only fields
    (e.g. `parsed_output`), so sending an assistant turn back never trips the API's unknown-field check."""
    from anthropic.types.beta import BetaMessage

    if not isinstance(message, BetaMessage):
        return message
    blocks: list[Any] = []
    for block in message.content:
        excluded: set[str] = set(getattr(type(block), "__api_exclude__", ()))
        blocks.append(block.model_dump(by_alias=True, exclude_unset=True, exclude=excluded or None))
    return {"role": message.role, "content": blocks}


def result_from_value(tool_use: BetaToolUseBlock, value: object) -> BetaToolResultBlockParam:
    if isinstance(value, str):
        content: Any = value
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray, Mapping)):
        content = list(cast(Iterable[Any], value))
    else:
        return error_result(
            tool_use,
            TypeError(
                f"Tool {tool_use.name!r} returned {type(value).__name__}; a tool must return a str or a list of "
                "content blocks"
            ),
        )
    return {"type": "tool_result", "tool_use_id": tool_use.id, "content": content}


def unknown_tool_result(tool_use: BetaToolUseBlock) -> BetaToolResultBlockParam:
    return {
        "type": "tool_result",
        "tool_use_id": tool_use.id,
        "content": f"Error: Tool '{tool_use.name}' not found",
        "is_error": True,
    }


def error_result(tool_use: BetaToolUseBlock, exc: BaseException) -> BetaToolResultBlockParam:
    """An `is_error` result: a `ToolError`'s own content, else `repr(exc)`; never empty (the API rejects that)."""
    if isinstance(exc, ToolError):
        content: Any = exc.content
    else:
        log.exception("Error occurred while calling tool: %s", tool_use.name, exc_info=exc)
        content = repr(exc)
    if not content:
        content = f"Error: tool '{tool_use.name}' failed ({type(exc).__name__})"
    return {"type": "tool_result", "tool_use_id": tool_use.id, "content": content, "is_error": True}
