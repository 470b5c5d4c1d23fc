"""The official SDK's one-file-per-type import paths, served from our few topic modules.

Code written for 0.74.0 imports types by path (`from anthropic.types.text_block import TextBlock`). The most
common paths are real (tiny) files, so type checkers see them; every other official path is built on first import
by a meta-path finder from the table below, so it works at run time without shipping a hundred one-line files.
The finder only answers for names in the table under `anthropic.types.`; everything else falls through.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from importlib.abc import Loader  # not at run time: importlib.abc drags in importlib.resources

__all__ = ["ALIASES", "install", "resolve"]

_PACKAGE = __name__.rpartition(".")[0]  # "anthropic.types"
_PREFIX = _PACKAGE + "."

# official module path (relative to anthropic.types) -> (topic module, exported names).
# A name is `Export` (same name in the topic module), `Export=Attr` (renamed) or `Export=_topic.Attr`.
ALIASES: dict[str, tuple[str, str]] = {
    "anthropic_beta_param": ("_models_api", "AnthropicBetaParam"),
    "base64_image_source_param": ("_content_params", "Base64ImageSourceParam"),
    "base64_pdf_source_param": ("_content_params", "Base64PDFSourceParam"),
    "beta_api_error": ("_errors", "BetaAPIError"),
    "beta_authentication_error": ("_errors", "BetaAuthenticationError"),
    "beta_billing_error": ("_errors", "BetaBillingError"),
    "beta_error": ("_errors", "BetaError"),
    "beta_error_response": ("_errors", "BetaErrorResponse"),
    "beta_gateway_timeout_error": ("_errors", "BetaGatewayTimeoutError"),
    "beta_invalid_request_error": ("_errors", "BetaInvalidRequestError"),
    "beta_not_found_error": ("_errors", "BetaNotFoundError"),
    "beta_overloaded_error": ("_errors", "BetaOverloadedError"),
    "beta_permission_error": ("_errors", "BetaPermissionError"),
    "beta_rate_limit_error": ("_errors", "BetaRateLimitError"),
    "cache_control_ephemeral_param": ("_content_params", "CacheControlEphemeralParam"),
    "cache_creation": ("_message", "CacheCreation"),
    "citation_char_location": ("_content", "CitationCharLocation"),
    "citation_char_location_param": ("_content_params", "CitationCharLocationParam"),
    "citation_content_block_location": ("_content", "CitationContentBlockLocation"),
    "citation_content_block_location_param": ("_content_params", "CitationContentBlockLocationParam"),
    "citation_page_location": ("_content", "CitationPageLocation"),
    "citation_page_location_param": ("_content_params", "CitationPageLocationParam"),
    "citation_search_result_location_param": ("_content_params", "CitationSearchResultLocationParam"),
    "citation_web_search_result_location_param": ("_content_params", "CitationWebSearchResultLocationParam"),
    "citations_config_param": ("_content_params", "CitationsConfigParam"),
    "citations_delta": ("_stream_events", "CitationsDelta Citation=_content.TextCitation"),
    "citations_search_result_location": ("_content", "CitationsSearchResultLocation"),
    "citations_web_search_result_location": ("_content", "CitationsWebSearchResultLocation"),
    "completion": ("_completions", "Completion"),
    "completion_create_params": (
        "_completions",
        "CompletionRequestStreamingMetadata=_params.MetadataParam CompletionRequestNonStreamingMetadata=_params.MetadataParam CompletionRequestNonStreaming=CompletionCreateParamsNonStreaming CompletionRequestStreaming=CompletionCreateParamsStreaming CompletionCreateParamsBase Metadata=_params.MetadataParam CompletionCreateParamsNonStreaming CompletionCreateParamsStreaming CompletionCreateParams",
    ),
    "content_block": ("_content", "ContentBlock"),
    "content_block_delta_event": ("_stream_events", "ContentBlockDeltaEvent"),
    "content_block_param": ("_content_params", "ContentBlockParam"),
    "content_block_source_content_param": ("_content_params", "ContentBlockSourceContentParam"),
    "content_block_source_param": ("_content_params", "ContentBlockSourceParam"),
    "content_block_start_event": ("_stream_events", "ContentBlockStartEvent"),
    "content_block_stop_event": ("_stream_events", "ContentBlockStopEvent"),
    "document_block_param": ("_content_params", "DocumentBlockParam Source=DocumentSource"),
    "image_block_param": ("_content_params", "ImageBlockParam Source=ImageSource"),
    "input_json_delta": ("_stream_events", "InputJSONDelta InputJsonDelta"),
    "message": ("_message", "Message"),
    "message_count_tokens_params": ("_params", "MessageCountTokensParams"),
    "message_count_tokens_tool_param": ("_tool_params", "MessageCountTokensToolParam"),
    "message_create_params": (
        "_params",
        "MessageCreateParamsBase Metadata=MetadataParam ToolChoice=_tool_params.ToolChoiceParam ToolChoiceToolChoiceAuto=_tool_params.ToolChoiceAutoParam ToolChoiceToolChoiceAny=_tool_params.ToolChoiceAnyParam ToolChoiceToolChoiceTool=_tool_params.ToolChoiceToolParam MessageCreateParamsNonStreaming MessageCreateParamsStreaming MessageCreateParams",
    ),
    "message_delta_event": ("_stream_events", "MessageDeltaEvent"),
    "message_delta_usage": ("_message", "MessageDeltaUsage"),
    "message_param": ("_params", "MessageParam"),
    "message_start_event": ("_stream_events", "MessageStartEvent"),
    "message_stop_event": ("_stream_events", "MessageStopEvent"),
    "message_stream_event": ("_stream_events", "MessageStreamEvent"),
    "message_tokens_count": ("_message", "MessageTokensCount"),
    "messages.batch_create_params": ("_batches", "BatchCreateParams Request"),
    "messages.batch_list_params": ("_batches", "BatchListParams"),
    "messages.deleted_message_batch": ("_batches", "DeletedMessageBatch"),
    "messages.message_batch": ("_batches", "MessageBatch"),
    "messages.message_batch_canceled_result": ("_batches", "MessageBatchCanceledResult"),
    "messages.message_batch_errored_result": ("_batches", "MessageBatchErroredResult"),
    "messages.message_batch_expired_result": ("_batches", "MessageBatchExpiredResult"),
    "messages.message_batch_individual_response": ("_batches", "MessageBatchIndividualResponse"),
    "messages.message_batch_request_counts": ("_batches", "MessageBatchRequestCounts"),
    "messages.message_batch_result": ("_batches", "MessageBatchResult"),
    "messages.message_batch_succeeded_result": ("_batches", "MessageBatchSucceededResult"),
    "metadata_param": ("_params", "MetadataParam"),
    "model": ("_models_api", "Model"),
    "model_info": ("_models_api", "ModelInfo"),
    "model_list_params": ("_models_api", "ModelListParams"),
    "model_param": ("_models_api", "ModelParam"),
    "plain_text_source_param": ("_content_params", "PlainTextSourceParam"),
    "raw_content_block_delta": ("_stream_events", "RawContentBlockDelta"),
    "raw_content_block_delta_event": ("_stream_events", "RawContentBlockDeltaEvent"),
    "raw_content_block_start_event": ("_stream_events", "RawContentBlockStartEvent ContentBlock=_content.ContentBlock"),
    "raw_content_block_stop_event": ("_stream_events", "RawContentBlockStopEvent"),
    "raw_message_delta_event": ("_stream_events", "RawMessageDeltaEvent Delta"),
    "raw_message_start_event": ("_stream_events", "RawMessageStartEvent"),
    "raw_message_stop_event": ("_stream_events", "RawMessageStopEvent"),
    "raw_message_stream_event": ("_stream_events", "RawMessageStreamEvent"),
    "redacted_thinking_block": ("_content", "RedactedThinkingBlock"),
    "redacted_thinking_block_param": ("_content_params", "RedactedThinkingBlockParam"),
    "search_result_block_param": ("_content_params", "SearchResultBlockParam"),
    "server_tool_usage": ("_message", "ServerToolUsage"),
    "server_tool_use_block": ("_content", "ServerToolUseBlock"),
    "server_tool_use_block_param": ("_content_params", "ServerToolUseBlockParam"),
    "shared.api_error_object": ("_errors", "APIErrorObject"),
    "shared.authentication_error": ("_errors", "AuthenticationError"),
    "shared.billing_error": ("_errors", "BillingError"),
    "shared.error_object": ("_errors", "ErrorObject"),
    "shared.error_response": ("_errors", "ErrorResponse"),
    "shared.gateway_timeout_error": ("_errors", "GatewayTimeoutError"),
    "shared.invalid_request_error": ("_errors", "InvalidRequestError"),
    "shared.not_found_error": ("_errors", "NotFoundError"),
    "shared.overloaded_error": ("_errors", "OverloadedError"),
    "shared.permission_error": ("_errors", "PermissionError"),
    "shared.rate_limit_error": ("_errors", "RateLimitError"),
    "signature_delta": ("_stream_events", "SignatureDelta"),
    "stop_reason": ("_message", "StopReason"),
    "text_block": ("_content", "TextBlock"),
    "text_block_param": ("_content_params", "TextBlockParam"),
    "text_citation": ("_content", "TextCitation"),
    "text_citation_param": ("_content_params", "TextCitationParam"),
    "text_delta": ("_stream_events", "TextDelta"),
    "thinking_block": ("_content", "ThinkingBlock"),
    "thinking_block_param": ("_content_params", "ThinkingBlockParam"),
    "thinking_config_disabled_param": ("_params", "ThinkingConfigDisabledParam"),
    "thinking_config_enabled_param": ("_params", "ThinkingConfigEnabledParam"),
    "thinking_config_param": ("_params", "ThinkingConfigParam"),
    "thinking_delta": ("_stream_events", "ThinkingDelta"),
    "tool_bash_20250124_param": ("_tool_params", "ToolBash20250124Param"),
    "tool_choice_any_param": ("_tool_params", "ToolChoiceAnyParam"),
    "tool_choice_auto_param": ("_tool_params", "ToolChoiceAutoParam"),
    "tool_choice_none_param": ("_tool_params", "ToolChoiceNoneParam"),
    "tool_choice_param": ("_tool_params", "ToolChoiceParam"),
    "tool_choice_tool_param": ("_tool_params", "ToolChoiceToolParam"),
    "tool_param": ("_tool_params", "ToolParam InputSchema InputSchemaTyped"),
    "tool_result_block_param": ("_content_params", "ToolResultBlockParam Content=ToolResultContent"),
    "tool_text_editor_20250124_param": ("_tool_params", "ToolTextEditor20250124Param"),
    "tool_text_editor_20250429_param": ("_tool_params", "ToolTextEditor20250429Param"),
    "tool_text_editor_20250728_param": ("_tool_params", "ToolTextEditor20250728Param"),
    "tool_union_param": ("_tool_params", "ToolUnionParam"),
    "tool_use_block": ("_content", "ToolUseBlock"),
    "tool_use_block_param": ("_content_params", "ToolUseBlockParam"),
    "url_image_source_param": ("_content_params", "URLImageSourceParam"),
    "url_pdf_source_param": ("_content_params", "URLPDFSourceParam"),
    "usage": ("_message", "Usage"),
    "web_search_result_block": ("_content", "WebSearchResultBlock"),
    "web_search_result_block_param": ("_content_params", "WebSearchResultBlockParam"),
    "web_search_tool_20250305_param": ("_tool_params", "WebSearchTool20250305Param UserLocation"),
    "web_search_tool_request_error_param": ("_content_params", "WebSearchToolRequestErrorParam"),
    "web_search_tool_result_block": ("_content", "WebSearchToolResultBlock"),
    "web_search_tool_result_block_content": ("_content", "WebSearchToolResultBlockContent"),
    "web_search_tool_result_block_param": ("_content_params", "WebSearchToolResultBlockParam"),
    "web_search_tool_result_block_param_content_param": (
        "_content_params",
        "WebSearchToolResultBlockParamContentParam",
    ),
    "web_search_tool_result_error": ("_content", "WebSearchToolResultError"),
}


def resolve(path: str) -> list[tuple[str, str, str]]:
    """`(exported name, topic module, attribute)` for each name of the official module `path`."""
    default, names = ALIASES[path]
    out: list[tuple[str, str, str]] = []
    for token in names.split():
        export, _, target = token.partition("=")
        topic, _, attr = (target or export).rpartition(".")
        out.append((export, topic or default, attr))
    return out


class _AliasFinder:
    """Finds `anthropic.types.<official path>` modules that have no file of their own."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.startswith(_PREFIX) and fullname[len(_PREFIX) :] in ALIASES:
            return ModuleSpec(fullname, cast("Loader", self), origin=f"alias in {__name__}")
        return None

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None  # the default module object

    def exec_module(self, module: ModuleType) -> None:
        names: list[str] = []
        for export, topic, attr in resolve(module.__name__[len(_PREFIX) :]):
            setattr(module, export, getattr(importlib.import_module(f"{_PACKAGE}.{topic}"), attr))
            names.append(export)
        module.__dict__["__all__"] = names


def install() -> None:
    """Put the finder last on `sys.meta_path` (real files win); idempotent."""
    if not any(isinstance(finder, _AliasFinder) for finder in sys.meta_path):
        sys.meta_path.append(_AliasFinder())
