"""Tool definitions (custom and built-in) and `tool_choice` for request params. Pure typing, no pydantic."""

from typing import Dict, Literal, Optional, Union

from typing_extensions import Required, TypeAlias, TypedDict

from ._common import SequenceNotStr
from ._content_params import CacheControlEphemeralParam

__all__ = [
    "InputSchema",
    "InputSchemaTyped",
    "MessageCountTokensToolParam",
    "ToolBash20250124Param",
    "ToolChoiceAnyParam",
    "ToolChoiceAutoParam",
    "ToolChoiceNoneParam",
    "ToolChoiceParam",
    "ToolChoiceToolParam",
    "ToolParam",
    "ToolTextEditor20250124Param",
    "ToolTextEditor20250429Param",
    "ToolTextEditor20250728Param",
    "ToolUnionParam",
    "UserLocation",
    "WebSearchTool20250305Param",
]

# --------------------------------------------------------------------------------------------------------------
# Custom tools


class InputSchemaTyped(TypedDict, total=False):
    """The JSON Schema of a tool's input; any other JSON Schema keys may be added."""

    type: Required[Literal["object"]]
    properties: Optional[Dict[str, object]]
    required: Optional[SequenceNotStr[str]]


InputSchema: TypeAlias = Union[InputSchemaTyped, Dict[str, object]]


class ToolParam(TypedDict, total=False):
    input_schema: Required[InputSchema]
    name: Required[str]
    cache_control: Optional[CacheControlEphemeralParam]
    description: str
    type: Optional[Literal["custom"]]


# --------------------------------------------------------------------------------------------------------------
# Built-in tools (versioned by their `type`)


class ToolBash20250124Param(TypedDict, total=False):
    name: Required[Literal["bash"]]
    type: Required[Literal["bash_20250124"]]
    cache_control: Optional[CacheControlEphemeralParam]


class ToolTextEditor20250124Param(TypedDict, total=False):
    name: Required[Literal["str_replace_editor"]]
    type: Required[Literal["text_editor_20250124"]]
    cache_control: Optional[CacheControlEphemeralParam]


class ToolTextEditor20250429Param(TypedDict, total=False):
    name: Required[Literal["str_replace_based_edit_tool"]]
    type: Required[Literal["text_editor_20250429"]]
    cache_control: Optional[CacheControlEphemeralParam]


class ToolTextEditor20250728Param(TypedDict, total=False):
    name: Required[Literal["str_replace_based_edit_tool"]]
    type: Required[Literal["text_editor_20250728"]]
    cache_control: Optional[CacheControlEphemeralParam]
    max_characters: Optional[int]


class UserLocation(TypedDict, total=False):
    """Rough location of the user, to localise web search results."""

    type: Required[Literal["approximate"]]
    city: Optional[str]
    country: Optional[str]
    region: Optional[str]
    timezone: Optional[str]


class WebSearchTool20250305Param(TypedDict, total=False):
    name: Required[Literal["web_search"]]
    type: Required[Literal["web_search_20250305"]]
    allowed_domains: Optional[SequenceNotStr[str]]
    blocked_domains: Optional[SequenceNotStr[str]]
    cache_control: Optional[CacheControlEphemeralParam]
    max_uses: Optional[int]
    user_location: Optional[UserLocation]


ToolUnionParam: TypeAlias = Union[
    ToolParam,
    ToolBash20250124Param,
    ToolTextEditor20250124Param,
    ToolTextEditor20250429Param,
    ToolTextEditor20250728Param,
    WebSearchTool20250305Param,
]
"""Any tool `messages.create` accepts."""

MessageCountTokensToolParam: TypeAlias = Union[
    ToolParam,
    ToolBash20250124Param,
    ToolTextEditor20250124Param,
    ToolTextEditor20250429Param,
    ToolTextEditor20250728Param,
    WebSearchTool20250305Param,
]
"""Any tool `messages.count_tokens` accepts (the same set as `ToolUnionParam` in 0.74.0)."""

# --------------------------------------------------------------------------------------------------------------
# tool_choice


class ToolChoiceAutoParam(TypedDict, total=False):
    type: Required[Literal["auto"]]
    disable_parallel_tool_use: bool


class ToolChoiceAnyParam(TypedDict, total=False):
    type: Required[Literal["any"]]
    disable_parallel_tool_use: bool


class ToolChoiceToolParam(TypedDict, total=False):
    name: Required[str]
    type: Required[Literal["tool"]]
    disable_parallel_tool_use: bool


class ToolChoiceNoneParam(TypedDict, total=False):
    type: Required[Literal["none"]]


ToolChoiceParam: TypeAlias = Union[ToolChoiceAutoParam, ToolChoiceAnyParam, ToolChoiceToolParam, ToolChoiceNoneParam]
