"""`anthropic.types` (non-beta): parsing real API JSON, leniency, public names, import paths and lazy import."""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import typing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pydantic
import pytest
import typing_extensions

import anthropic.types as types_pkg
from anthropic._models import BaseModel, parse_json_bytes, validate_or_construct
from anthropic.types import (
    BetaErrorResponse,
    CitationCharLocation,
    CitationContentBlockLocation,
    CitationPageLocation,
    CitationsDelta,
    CitationsSearchResultLocation,
    CitationsWebSearchResultLocation,
    Completion,
    ContentBlock,
    ErrorResponse,
    InputJSONDelta,
    Message,
    MessageDeltaUsage,
    MessageTokensCount,
    ModelInfo,
    RawContentBlockDeltaEvent,
    RawContentBlockStartEvent,
    RawContentBlockStopEvent,
    RawMessageDeltaEvent,
    RawMessageStartEvent,
    RawMessageStopEvent,
    RawMessageStreamEvent,
    RedactedThinkingBlock,
    ServerToolUseBlock,
    SignatureDelta,
    TextBlock,
    TextDelta,
    ThinkingBlock,
    ThinkingDelta,
    ToolUseBlock,
    Usage,
    WebSearchResultBlock,
    WebSearchToolResultBlock,
    WebSearchToolResultError,
)
from anthropic.types import shared as shared_pkg
from anthropic.types.messages import (
    DeletedMessageBatch,
    MessageBatch,
    MessageBatchCanceledResult,
    MessageBatchErroredResult,
    MessageBatchExpiredResult,
    MessageBatchIndividualResponse,
    MessageBatchSucceededResult,
)

sys.path.insert(0, str(Path(__file__).parent))
from _type_shapes import shape

DATA = Path(__file__).parent / "data"
TYPES_DIR = Path(types_pkg.__file__).parent


def _dumps(value: object) -> bytes:
    return json.dumps(value).encode()


# --------------------------------------------------------------------------------------------------------------
# Realistic payloads

CITATIONS: list[dict[str, Any]] = [
    {
        "type": "char_location",
        "cited_text": "The grass is green.",
        "document_index": 0,
        "document_title": "Example",
        "start_char_index": 0,
        "end_char_index": 20,
        "file_id": None,
    },
    {
        "type": "page_location",
        "cited_text": "Page two text",
        "document_index": 1,
        "document_title": None,
        "start_page_number": 2,
        "end_page_number": 3,
    },
    {
        "type": "content_block_location",
        "cited_text": "block text",
        "document_index": 2,
        "document_title": "Blocks",
        "start_block_index": 0,
        "end_block_index": 1,
        "file_id": "file_011CNha8iCJcU1wXNR6q4V8w",
    },
    {
        "type": "web_search_result_location",
        "cited_text": "Claude is a family of models",
        "encrypted_index": "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm",
        "title": "Claude - Anthropic",
        "url": "https://www.anthropic.com/claude",
    },
    {
        "type": "search_result_location",
        "cited_text": "Result text",
        "search_result_index": 0,
        "source": "https://example.com/doc",
        "title": "Doc",
        "start_block_index": 0,
        "end_block_index": 0,
    },
]

MESSAGE: dict[str, Any] = {
    "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5-20250929",
    "content": [
        {
            "type": "thinking",
            "thinking": "Let me think about this.",
            "signature": "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrk",
        },
        {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP"},
        {"type": "text", "text": "According to the documents, the grass is green.", "citations": CITATIONS},
        {"type": "text", "text": "Plain text.", "citations": None},
        {
            "type": "server_tool_use",
            "id": "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE",
            "name": "web_search",
            "input": {"query": "claude models"},
        },
        {
            "type": "web_search_tool_result",
            "tool_use_id": "srvtoolu_01WYG3ziw53XMcoyKL4XcZmE",
            "content": [
                {
                    "type": "web_search_result",
                    "title": "Claude - Anthropic",
                    "url": "https://www.anthropic.com/claude",
                    "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y",
                    "page_age": "April 30, 2025",
                }
            ],
        },
        {
            "type": "web_search_tool_result",
            "tool_use_id": "srvtoolu_02",
            "content": {"type": "web_search_tool_result_error", "error_code": "max_uses_exceeded"},
        },
        {
            "type": "tool_use",
            "id": "toolu_01A09q90qw90lq917835lq9",
            "name": "get_weather",
            "input": {"location": "San Francisco, CA", "unit": "celsius", "nested": {"a": [1, 2]}},
        },
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "usage": {
        "input_tokens": 2095,
        "output_tokens": 503,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 1024,
        "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
        "server_tool_use": {"web_search_requests": 1},
        "service_tier": "standard",
    },
}

STREAM_EVENTS: list[tuple[dict[str, Any], type[BaseModel]]] = [
    (
        {
            "type": "message_start",
            "message": {
                "id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY",
                "type": "message",
                "role": "assistant",
                "content": [],
                "model": "claude-sonnet-4-5-20250929",
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 25, "output_tokens": 1},
            },
        },
        RawMessageStartEvent,
    ),
    (
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        RawContentBlockStartEvent,
    ),
    (
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}},
        RawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": '{"loc'}},
        RawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 0, "delta": {"type": "citations_delta", "citation": CITATIONS[0]}},
        RawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 2, "delta": {"type": "thinking_delta", "thinking": "Hmm"}},
        RawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 2, "delta": {"type": "signature_delta", "signature": "EqQB"}},
        RawContentBlockDeltaEvent,
    ),
    ({"type": "content_block_stop", "index": 0}, RawContentBlockStopEvent),
    (
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {"output_tokens": 15, "input_tokens": 25, "server_tool_use": {"web_search_requests": 0}},
        },
        RawMessageDeltaEvent,
    ),
    ({"type": "message_stop"}, RawMessageStopEvent),
]

MESSAGE_BATCH: dict[str, Any] = {
    "id": "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF",
    "type": "message_batch",
    "processing_status": "ended",
    "request_counts": {"processing": 0, "succeeded": 95, "errored": 3, "canceled": 1, "expired": 1},
    "ended_at": "2024-08-20T18:37:24.100435Z",
    "created_at": "2024-08-20T18:37:24.100435Z",
    "expires_at": "2024-08-21T18:37:24.100435Z",
    "archived_at": None,
    "cancel_initiated_at": None,
    "results_url": "https://api.anthropic.com/v1/messages/batches/msgbatch_013Zva2CMHLNnXjNJJKqJ2EF/results",
}

ERROR_TYPES = {
    "invalid_request_error": "InvalidRequestError",
    "authentication_error": "AuthenticationError",
    "billing_error": "BillingError",
    "permission_error": "PermissionError",
    "not_found_error": "NotFoundError",
    "rate_limit_error": "RateLimitError",
    "timeout_error": "GatewayTimeoutError",
    "api_error": "APIErrorObject",
    "overloaded_error": "OverloadedError",
}

# --------------------------------------------------------------------------------------------------------------
# Messages


def test_message_parses_every_content_block_type() -> None:
    message = parse_json_bytes(Message, _dumps(MESSAGE), strict=True)

    assert [type(block) for block in message.content] == [
        ThinkingBlock,
        RedactedThinkingBlock,
        TextBlock,
        TextBlock,
        ServerToolUseBlock,
        WebSearchToolResultBlock,
        WebSearchToolResultBlock,
        ToolUseBlock,
    ]
    text = message.content[2]
    assert isinstance(text, TextBlock)
    assert [type(c) for c in text.citations or []] == [
        CitationCharLocation,
        CitationPageLocation,
        CitationContentBlockLocation,
        CitationsWebSearchResultLocation,
        CitationsSearchResultLocation,
    ]
    results = message.content[5]
    assert isinstance(results, WebSearchToolResultBlock)
    assert isinstance(results.content, list)
    assert isinstance(results.content[0], WebSearchResultBlock)
    assert results.content[0].page_age == "April 30, 2025"
    failed = message.content[6]
    assert isinstance(failed, WebSearchToolResultBlock)
    assert isinstance(failed.content, WebSearchToolResultError)
    assert failed.content.error_code == "max_uses_exceeded"
    tool = message.content[7]
    assert isinstance(tool, ToolUseBlock)
    assert tool.input == {"location": "San Francisco, CA", "unit": "celsius", "nested": {"a": [1, 2]}}
    assert message.stop_reason == "tool_use"
    assert isinstance(message.usage, Usage)
    assert message.usage.cache_creation is not None
    assert message.usage.server_tool_use is not None
    assert message.usage.server_tool_use.web_search_requests == 1
    assert message.usage.service_tier == "standard"


def test_message_model_dump_round_trips() -> None:
    message = parse_json_bytes(Message, _dumps(MESSAGE))
    assert message.model_dump(exclude_unset=True) == MESSAGE
    assert message.to_dict() == MESSAGE
    assert json.loads(message.to_json()) == MESSAGE
    again = Message.model_validate(message.model_dump())
    assert again == message
    assert parse_json_bytes(Message, message.model_dump_json()) == message


def test_message_optional_fields_default_to_none_and_are_not_set() -> None:
    minimal = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-haiku-4-5",
        "content": [{"type": "text", "text": "hi"}],
        "usage": {"input_tokens": 1, "output_tokens": 2},
    }
    message = parse_json_bytes(Message, _dumps(minimal), strict=True)
    assert message.stop_reason is None
    assert message.usage.cache_read_input_tokens is None
    assert "stop_reason" not in message.model_fields_set
    assert message.to_dict() == minimal
    block = message.content[0]
    assert isinstance(block, TextBlock)
    assert block.citations is None


def test_unknown_fields_are_kept() -> None:
    payload = json.loads(json.dumps(MESSAGE))
    payload["brand_new_field"] = {"x": 1}
    payload["content"][2]["future_flag"] = True
    payload["usage"]["priority_tokens"] = 7
    message = parse_json_bytes(Message, _dumps(payload), strict=True)
    assert message.model_extra == {"brand_new_field": {"x": 1}}
    assert getattr(message, "brand_new_field") == {"x": 1}  # noqa: B009
    assert getattr(message.content[2], "future_flag") is True  # noqa: B009
    assert getattr(message.usage, "priority_tokens") == 7  # noqa: B009
    assert message.to_dict() == payload


def test_unknown_enum_values_are_kept_leniently() -> None:
    payload = json.loads(json.dumps(MESSAGE))
    payload["stop_reason"] = "model_context_window_exceeded"
    payload["usage"]["service_tier"] = "flex"
    payload["role"] = "narrator"
    with pytest.raises(pydantic.ValidationError):
        parse_json_bytes(Message, _dumps(payload), strict=True)
    message = parse_json_bytes(Message, _dumps(payload))
    assert isinstance(message, Message)
    assert message.stop_reason == "model_context_window_exceeded"
    assert message.usage.service_tier == "flex"
    assert message.role == "narrator"
    # the rest is still built into the right classes
    assert isinstance(message.content[0], ThinkingBlock)
    assert isinstance(message.usage, Usage)


def test_unknown_content_block_type_is_tolerated() -> None:
    payload = json.loads(json.dumps(MESSAGE))
    payload["content"].insert(1, {"type": "hologram", "frames": 3})
    message = parse_json_bytes(Message, _dumps(payload))
    assert isinstance(message, Message)
    unknown = message.content[1]
    assert isinstance(unknown, BaseModel)
    assert unknown.type == "hologram"
    assert getattr(unknown, "frames") == 3  # noqa: B009
    assert isinstance(message.content[0], ThinkingBlock)
    assert isinstance(message.content[3], TextBlock)
    assert isinstance(message.content[-1], ToolUseBlock)
    assert message.content[-1].name == "get_weather"


def test_missing_required_field_is_tolerated() -> None:
    payload = json.loads(json.dumps(MESSAGE))
    del payload["usage"]["output_tokens"]
    del payload["content"][7]["id"]
    message = parse_json_bytes(Message, _dumps(payload))
    assert isinstance(message.usage, Usage)
    assert message.usage.input_tokens == 2095
    assert "output_tokens" not in message.usage.model_fields_set
    assert isinstance(message.content[7], ToolUseBlock)


def test_content_block_alias_parses_standalone() -> None:
    block = validate_or_construct(ContentBlock, {"type": "thinking", "thinking": "x", "signature": "s"})  # type: ignore[arg-type]
    assert isinstance(block, ThinkingBlock)


def test_message_tokens_count() -> None:
    count = parse_json_bytes(MessageTokensCount, b'{"input_tokens": 2095}')
    assert count.input_tokens == 2095


# --------------------------------------------------------------------------------------------------------------
# Streaming events


@pytest.mark.parametrize(
    ("event", "cls"), STREAM_EVENTS, ids=[e["type"] + str(i) for i, (e, _) in enumerate(STREAM_EVENTS)]
)
def test_stream_events_parse_into_their_class(event: dict[str, Any], cls: type[BaseModel]) -> None:
    parsed = parse_json_bytes(RawMessageStreamEvent, _dumps(event), strict=True)  # type: ignore[arg-type]
    assert type(parsed) is cls
    assert parsed.model_dump(exclude_unset=True) == event
    assert parse_json_bytes(cls, _dumps(event), strict=True) == parsed


def test_stream_event_deltas() -> None:
    deltas = [
        parse_json_bytes(RawMessageStreamEvent, _dumps(event), strict=True)  # type: ignore[arg-type]
        for event, cls in STREAM_EVENTS
        if cls is RawContentBlockDeltaEvent
    ]
    kinds = [type(event.delta) for event in deltas if isinstance(event, RawContentBlockDeltaEvent)]
    assert kinds == [TextDelta, InputJSONDelta, CitationsDelta, ThinkingDelta, SignatureDelta]
    citation_delta = deltas[2]
    assert isinstance(citation_delta, RawContentBlockDeltaEvent)
    assert isinstance(citation_delta.delta, CitationsDelta)
    assert isinstance(citation_delta.delta.citation, CitationCharLocation)

    start = parse_json_bytes(RawMessageStartEvent, _dumps(STREAM_EVENTS[0][0]))
    assert isinstance(start.message, Message)
    assert start.message.content == []
    delta = parse_json_bytes(RawMessageDeltaEvent, _dumps(STREAM_EVENTS[8][0]))
    assert delta.delta.stop_reason == "end_turn"
    assert isinstance(delta.usage, MessageDeltaUsage)
    assert delta.usage.output_tokens == 15


def test_unknown_stream_event_and_delta_types_are_tolerated() -> None:
    event = parse_json_bytes(RawMessageStreamEvent, b'{"type": "message_pause", "seconds": 1}')  # type: ignore[arg-type]
    assert isinstance(event, BaseModel)
    assert event.type == "message_pause"  # type: ignore[union-attr]
    delta_event = parse_json_bytes(
        RawMessageStreamEvent,  # type: ignore[arg-type]
        b'{"type": "content_block_delta", "index": 3, "delta": {"type": "hologram_delta", "frames": 2}}',
    )
    assert isinstance(delta_event, RawContentBlockDeltaEvent)
    assert delta_event.index == 3
    assert delta_event.delta.type == "hologram_delta"  # type: ignore[comparison-overlap]


def test_old_event_names_are_the_same_classes() -> None:
    import anthropic.types as t

    assert t.MessageStartEvent is t.RawMessageStartEvent
    assert t.MessageDeltaEvent is t.RawMessageDeltaEvent
    assert t.MessageStopEvent is t.RawMessageStopEvent
    assert t.ContentBlockStartEvent is t.RawContentBlockStartEvent
    assert t.ContentBlockDeltaEvent is t.RawContentBlockDeltaEvent
    assert t.ContentBlockStopEvent is t.RawContentBlockStopEvent
    assert t.MessageStreamEvent is t.RawMessageStreamEvent
    from anthropic.types.input_json_delta import InputJsonDelta

    assert InputJsonDelta is InputJSONDelta


# --------------------------------------------------------------------------------------------------------------
# Batches, models, completions, errors


def test_message_batch() -> None:
    batch = parse_json_bytes(MessageBatch, _dumps(MESSAGE_BATCH), strict=True)
    assert batch.created_at == datetime(2024, 8, 20, 18, 37, 24, 100435, tzinfo=timezone.utc)
    assert batch.ended_at is not None
    assert batch.archived_at is None
    assert batch.processing_status == "ended"
    assert batch.request_counts.succeeded == 95
    assert batch.to_dict(mode="json")["request_counts"] == MESSAGE_BATCH["request_counts"]
    assert MessageBatch.model_validate(batch.model_dump()) == batch

    in_progress = dict(MESSAGE_BATCH, processing_status="paused", ended_at=None, results_url=None)
    lenient = parse_json_bytes(MessageBatch, _dumps(in_progress))
    assert lenient.processing_status == "paused"
    assert lenient.created_at == batch.created_at  # datetimes still parsed in the lenient path

    deleted = parse_json_bytes(DeletedMessageBatch, b'{"id": "msgbatch_1", "type": "message_batch_deleted"}')
    assert deleted.type == "message_batch_deleted"


def test_message_batch_result_lines() -> None:
    lines = [
        {"custom_id": "ok", "result": {"type": "succeeded", "message": MESSAGE}},
        {
            "custom_id": "bad",
            "result": {
                "type": "errored",
                "error": {
                    "type": "error",
                    "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"},
                    "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                },
            },
        },
        {"custom_id": "stop", "result": {"type": "canceled"}},
        {"custom_id": "late", "result": {"type": "expired"}},
    ]
    parsed = [parse_json_bytes(MessageBatchIndividualResponse, _dumps(line), strict=True) for line in lines]
    assert [type(p.result) for p in parsed] == [
        MessageBatchSucceededResult,
        MessageBatchErroredResult,
        MessageBatchCanceledResult,
        MessageBatchExpiredResult,
    ]
    ok = parsed[0].result
    assert isinstance(ok, MessageBatchSucceededResult)
    assert isinstance(ok.message.content[2], TextBlock)
    errored = parsed[1].result
    assert isinstance(errored, MessageBatchErroredResult)
    assert type(errored.error.error).__name__ == "InvalidRequestError"
    assert errored.error.request_id == "req_011CSHoEeqs5C35K2UUqR7Fy"
    assert [p.to_dict() for p in parsed] == lines


def test_model_info() -> None:
    payload = {
        "id": "claude-sonnet-4-5-20250929",
        "created_at": "2025-09-29T00:00:00Z",
        "display_name": "Claude Sonnet 4.5",
        "type": "model",
    }
    info = parse_json_bytes(ModelInfo, _dumps(payload), strict=True)
    assert info.created_at == datetime(2025, 9, 29, tzinfo=timezone.utc)
    assert info.display_name == "Claude Sonnet 4.5"
    assert info.to_dict(mode="json")["id"] == payload["id"]


def test_completion() -> None:
    payload = {
        "id": "compl_018CKm6gsux7P8yMcwZbeCPw",
        "type": "completion",
        "completion": " Hello! My name is Claude.",
        "stop_reason": "stop_sequence",
        "model": "claude-2.1",
        "stop": "\n\nHuman:",
        "log_id": "compl_018CKm6gsux7P8yMcwZbeCPw",
    }
    completion = parse_json_bytes(Completion, _dumps(payload), strict=True)
    assert completion.completion == " Hello! My name is Claude."
    assert completion.model == "claude-2.1"  # not a known literal: a plain str is fine
    assert completion.model_extra == {"stop": "\n\nHuman:", "log_id": "compl_018CKm6gsux7P8yMcwZbeCPw"}
    assert completion.to_dict() == payload


@pytest.mark.parametrize("error_type", sorted(ERROR_TYPES))
def test_error_responses(error_type: str) -> None:
    payload = {
        "type": "error",
        "error": {"type": error_type, "message": "something happened"},
        "request_id": "req_018EeWyXxfu5pfWkrYcMdjWG",
    }
    parsed = parse_json_bytes(ErrorResponse, _dumps(payload), strict=True)
    assert type(parsed.error).__name__ == ERROR_TYPES[error_type]
    assert type(parsed.error) is getattr(shared_pkg, ERROR_TYPES[error_type])
    assert parsed.error.message == "something happened"
    assert parsed.to_dict() == payload

    beta = parse_json_bytes(BetaErrorResponse, _dumps(payload), strict=True)
    beta_name = "BetaAPIError" if error_type == "api_error" else "Beta" + ERROR_TYPES[error_type]
    assert type(beta.error).__name__ == beta_name
    assert type(beta.error) is getattr(types_pkg, beta_name)


def test_unknown_error_type_is_tolerated() -> None:
    payload = {"type": "error", "error": {"type": "teapot_error", "message": "short and stout"}}
    parsed = parse_json_bytes(ErrorResponse, _dumps(payload))
    assert parsed.error.type == "teapot_error"  # type: ignore[comparison-overlap]
    assert parsed.error.message == "short and stout"
    assert parsed.request_id is None


def test_response_models_defer_their_build() -> None:
    code = (
        "from anthropic.types import Message, ModelInfo\n"
        "from anthropic.types.messages import MessageBatch\n"
        "for cls in (Message, ModelInfo, MessageBatch):\n"
        "    assert cls.model_config.get('defer_build') is True, cls\n"
        "    assert not cls.__pydantic_complete__, cls\n"
    )
    _run_python(code)


# --------------------------------------------------------------------------------------------------------------
# Request params (TypedDicts)


def test_param_required_keys_are_visible_at_run_time() -> None:
    from anthropic.types import MessageCreateParams, MessageParam, ToolParam
    from anthropic.types.message_create_params import MessageCreateParamsNonStreaming, MessageCreateParamsStreaming

    assert set(typing_extensions.get_args(MessageCreateParams)) == {
        MessageCreateParamsNonStreaming,
        MessageCreateParamsStreaming,
    }
    assert MessageCreateParamsStreaming.__required_keys__ == {"max_tokens", "messages", "model", "stream"}
    assert MessageCreateParamsNonStreaming.__required_keys__ == {"max_tokens", "messages", "model"}
    assert "stream" in MessageCreateParamsNonStreaming.__optional_keys__
    assert MessageParam.__required_keys__ == {"content", "role"}
    assert ToolParam.__required_keys__ == {"input_schema", "name"}
    assert ToolParam.__optional_keys__ == {"cache_control", "description", "type"}
    hints = typing.get_type_hints(MessageCreateParamsStreaming)
    assert set(hints) >= {"service_tier", "thinking", "tool_choice", "tools", "top_k", "top_p", "stream"}


def _official_type_shapes() -> dict[str, Any]:
    return json.loads((DATA / "type_shapes_types.json").read_text())


@pytest.mark.parametrize("key", sorted(_official_type_shapes()))
def test_type_shape_matches_official(key: str) -> None:
    """Field names, order, optionality, literal values and referenced classes equal the official 0.74.0 ones."""
    path, name = key.split(":")
    module = importlib.import_module(f"anthropic.types.{path}")
    assert shape(getattr(module, name)) == _official_type_shapes()[key]


# --------------------------------------------------------------------------------------------------------------
# Public names, import paths, laziness


def _expected(name: str) -> set[str]:
    return set((DATA / name).read_text().split())


@pytest.mark.parametrize(
    ("module_name", "data_file"),
    [
        ("anthropic.types", "public_names_types.txt"),
        ("anthropic.types.shared", "public_names_types_shared.txt"),
        ("anthropic.types.messages", "public_names_types_messages.txt"),
    ],
)
def test_public_names_equal_official(module_name: str, data_file: str) -> None:
    module = importlib.import_module(module_name)
    expected = _expected(data_file)
    assert set(module.__all__) == expected
    assert len(module.__all__) == len(expected)
    assert expected <= set(dir(module))
    for name in expected:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError):
        getattr(module, "NoSuchType")  # noqa: B009


@pytest.mark.parametrize("init", ["__init__.py", "shared/__init__.py", "messages/__init__.py"])
def test_type_checking_imports_match_lazy_table(init: str) -> None:
    """The imports pyright reads and the table the runtime uses name the same objects from the same modules."""
    source = (TYPES_DIR / init).read_text()
    tree = ast.parse(source)
    static: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                if stmt.module is None:  # `from . import beta, messages, shared`: subpackages, not type names
                    continue
                for alias in stmt.names:
                    static[alias.asname or alias.name] = str(stmt.module)
    package = "anthropic.types." + init.replace("/__init__.py", "").replace("__init__.py", "")
    module = importlib.import_module(package.rstrip("."))
    assert static == module._NAMES
    assert sorted(static) == module.__all__


def test_common_import_paths() -> None:
    from anthropic.types.content_block import ContentBlock as ContentBlock2
    from anthropic.types.message import Message as Message2
    from anthropic.types.message_create_params import MessageCreateParams, MessageCreateParamsNonStreaming
    from anthropic.types.message_param import MessageParam
    from anthropic.types.messages.batch_create_params import Request
    from anthropic.types.model import Model
    from anthropic.types.raw_message_delta_event import Delta
    from anthropic.types.shared.error_response import ErrorResponse as ErrorResponse2
    from anthropic.types.text_block import TextBlock as TextBlock2
    from anthropic.types.tool_param import InputSchema, ToolParam
    from anthropic.types.usage import Usage as Usage2

    assert Message2 is Message
    assert TextBlock2 is TextBlock
    assert Usage2 is Usage
    assert ContentBlock2 == ContentBlock
    assert ErrorResponse2 is ErrorResponse
    assert MessageParam is types_pkg.MessageParam
    assert ToolParam is types_pkg.ToolParam
    assert MessageCreateParams is types_pkg.MessageCreateParams
    assert MessageCreateParamsNonStreaming.__name__ == "MessageCreateParamsNonStreaming"
    assert Model is types_pkg.Model
    assert typing_extensions.get_origin(InputSchema) is typing.Union
    assert Delta.__name__ == "Delta"
    assert Request.__required_keys__ == {"custom_id", "params"}


def test_submodules_reachable_as_attributes() -> None:
    import anthropic.types as t

    assert t.shared.__name__ == "anthropic.types.shared"
    assert t.messages.__name__ == "anthropic.types.messages"
    assert t.beta.__name__ == "anthropic.types.beta"
    assert t.web_search_tool_request_error_param.__name__ == "anthropic.types.web_search_tool_request_error_param"
    assert t.shared.billing_error.BillingError is t.BillingError
    assert {"beta", "shared", "messages"} <= set(dir(t))


def _run_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_importing_types_loads_no_model_module() -> None:
    code = (
        "import sys\n"
        "import anthropic.types\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('anthropic.types.'))\n"
        "assert loaded == [], loaded\n"
        "assert 'pydantic' not in sys.modules\n"
        "anthropic.types.TextBlockParam\n"
        "assert 'anthropic.types._message' not in sys.modules\n"
        "assert 'pydantic' not in sys.modules, 'request params must not import pydantic'\n"
        "anthropic.types.Message\n"
        "assert 'anthropic.types._message' in sys.modules\n"
        "assert 'anthropic.types.beta' not in sys.modules\n"
        "import anthropic.types.shared, anthropic.types.messages\n"
        "assert 'anthropic.types._errors' not in sys.modules\n"
        "assert 'anthropic.types._batches' not in sys.modules\n"
        "print('ok')\n"
    )
    assert _run_python(code).strip() == "ok"
