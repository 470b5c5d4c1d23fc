"""Beta request options besides content and tools, and the full `create` / `count_tokens` parameter sets.

Thinking, context management (server-side clearing of old tool uses and thinking), MCP servers, the code
execution container (with skills), metadata and structured output format.
"""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

from typing import Generic, Iterable, List, Literal, Optional, Union

from typing_extensions import Required, TypeAlias, TypedDict

from .. import AnthropicBetaParam, ModelParam
from .._common import SequenceNotStr
from ._content_params import BetaMessageParam, BetaTextBlockParam
from ._parsed import ResponseFormatT
from ._tool_params import BetaToolChoiceParam, BetaToolUnionParam

__all__ = [
    "BetaAllThinkingTurnsParam",
    "BetaClearThinking20251015EditParam",
    "BetaClearToolUses20250919EditParam",
    "BetaContainerParams",
    "BetaContextManagementConfigParam",
    "BetaInputTokensClearAtLeastParam",
    "BetaInputTokensTriggerParam",
    "BetaJSONOutputFormatParam",
    "BetaMetadataParam",
    "BetaRequestMCPServerToolConfigurationParam",
    "BetaRequestMCPServerURLDefinitionParam",
    "BetaSkillParams",
    "BetaThinkingConfigDisabledParam",
    "BetaThinkingConfigEnabledParam",
    "BetaThinkingConfigParam",
    "BetaThinkingTurnsParam",
    "BetaToolUsesKeepParam",
    "BetaToolUsesTriggerParam",
    "Container",
    "Edit",
    "Keep",
    "MessageCountTokensParams",
    "MessageCreateParams",
    "MessageCreateParamsBase",
    "MessageCreateParamsNonStreaming",
    "MessageCreateParamsStreaming",
    "OutputFormat",
    "ParseMessageCreateParamsBase",
    "Tool",
    "Trigger",
]

# --------------------------------------------------------------------------------------------------------------
# Extended thinking


class BetaThinkingConfigEnabledParam(TypedDict, total=False):
    budget_tokens: Required[int]
    type: Required[Literal["enabled"]]


class BetaThinkingConfigDisabledParam(TypedDict, total=False):
    type: Required[Literal["disabled"]]


BetaThinkingConfigParam: TypeAlias = Union[BetaThinkingConfigEnabledParam, BetaThinkingConfigDisabledParam]


# --------------------------------------------------------------------------------------------------------------
# Context management


class BetaInputTokensTriggerParam(TypedDict, total=False):
    type: Required[Literal["input_tokens"]]
    value: Required[int]


class BetaInputTokensClearAtLeastParam(TypedDict, total=False):
    type: Required[Literal["input_tokens"]]
    value: Required[int]


class BetaToolUsesTriggerParam(TypedDict, total=False):
    type: Required[Literal["tool_uses"]]
    value: Required[int]


class BetaToolUsesKeepParam(TypedDict, total=False):
    type: Required[Literal["tool_uses"]]
    value: Required[int]


class BetaThinkingTurnsParam(TypedDict, total=False):
    type: Required[Literal["thinking_turns"]]
    value: Required[int]


class BetaAllThinkingTurnsParam(TypedDict, total=False):
    type: Required[Literal["all"]]


Trigger: TypeAlias = Union[BetaInputTokensTriggerParam, BetaToolUsesTriggerParam]


class BetaClearToolUses20250919EditParam(TypedDict, total=False):
    type: Required[Literal["clear_tool_uses_20250919"]]
    clear_at_least: Optional[BetaInputTokensClearAtLeastParam]
    clear_tool_inputs: Union[bool, SequenceNotStr[str], None]
    exclude_tools: Optional[SequenceNotStr[str]]
    keep: BetaToolUsesKeepParam
    trigger: Trigger


Keep: TypeAlias = Union[BetaThinkingTurnsParam, BetaAllThinkingTurnsParam, Literal["all"]]


class BetaClearThinking20251015EditParam(TypedDict, total=False):
    type: Required[Literal["clear_thinking_20251015"]]
    keep: Keep


Edit: TypeAlias = Union[BetaClearToolUses20250919EditParam, BetaClearThinking20251015EditParam]


class BetaContextManagementConfigParam(TypedDict, total=False):
    edits: Iterable[Edit]


# --------------------------------------------------------------------------------------------------------------
# MCP servers, container, metadata, output format


class BetaRequestMCPServerToolConfigurationParam(TypedDict, total=False):
    allowed_tools: Optional[SequenceNotStr[str]]
    enabled: Optional[bool]


class BetaRequestMCPServerURLDefinitionParam(TypedDict, total=False):
    name: Required[str]
    type: Required[Literal["url"]]
    url: Required[str]
    authorization_token: Optional[str]
    tool_configuration: Optional[BetaRequestMCPServerToolConfigurationParam]


class BetaSkillParams(TypedDict, total=False):
    skill_id: Required[str]
    type: Required[Literal["anthropic", "custom"]]
    version: str


class BetaContainerParams(TypedDict, total=False):
    id: Optional[str]
    skills: Optional[Iterable[BetaSkillParams]]


class BetaMetadataParam(TypedDict, total=False):
    user_id: Optional[str]


class BetaJSONOutputFormatParam(TypedDict, total=False):
    schema: Required[dict[str, object]]
    type: Required[Literal["json_schema"]]


class OutputFormat(TypedDict, total=False):
    schema: Required[object]
    type: Required[Literal["json_schema"]]


Container: TypeAlias = Union[BetaContainerParams, str]


# --------------------------------------------------------------------------------------------------------------
# beta.messages.create / count_tokens


class MessageCreateParamsBase(TypedDict, total=False):
    max_tokens: Required[int]
    messages: Required[Iterable[BetaMessageParam]]
    model: Required[ModelParam]
    container: Optional[Container]
    context_management: Optional[BetaContextManagementConfigParam]
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam]
    metadata: BetaMetadataParam
    output_format: Optional[BetaJSONOutputFormatParam]
    service_tier: Literal["auto", "standard_only"]
    stop_sequences: SequenceNotStr[str]
    system: Union[str, Iterable[BetaTextBlockParam]]
    temperature: float
    thinking: BetaThinkingConfigParam
    tool_choice: BetaToolChoiceParam
    tools: Iterable[BetaToolUnionParam]
    top_k: int
    top_p: float
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined, not in the body."""


class ParseMessageCreateParamsBase(MessageCreateParamsBase, Generic[ResponseFormatT]):
    output_format: type[ResponseFormatT]  # pyright: ignore[reportIncompatibleVariableOverride]


class MessageCreateParamsNonStreaming(MessageCreateParamsBase, total=False):
    stream: Literal[False]


class MessageCreateParamsStreaming(MessageCreateParamsBase):
    stream: Required[Literal[True]]


MessageCreateParams = Union[MessageCreateParamsNonStreaming, MessageCreateParamsStreaming]


Tool: TypeAlias = BetaToolUnionParam


class MessageCountTokensParams(TypedDict, total=False):
    messages: Required[Iterable[BetaMessageParam]]
    model: Required[ModelParam]
    context_management: Optional[BetaContextManagementConfigParam]
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam]
    output_format: Optional[BetaJSONOutputFormatParam]
    system: Union[str, Iterable[BetaTextBlockParam]]
    thinking: BetaThinkingConfigParam
    tool_choice: BetaToolChoiceParam
    tools: Iterable[Tool]
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined, not in the body."""
