"""`anthropic.types.beta` (+ `.messages`, `.skills`): parsing real API JSON, leniency, round trips, public names,
field shapes against the official SDK 0.74.0 (checked-in data), official module paths and lazy import."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import typing
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pydantic
import pytest
import typing_extensions

import anthropic.types.beta as beta
import anthropic.types.beta.messages as beta_messages
import anthropic.types.beta.skills as beta_skills
from anthropic._models import parse_json_bytes, validate_or_construct
from anthropic.types.beta import (
    BetaBashCodeExecutionResultBlock,
    BetaBashCodeExecutionToolResultBlock,
    BetaBashCodeExecutionToolResultError,
    BetaCitationCharLocation,
    BetaCitationContentBlockLocation,
    BetaCitationPageLocation,
    BetaCitationsDelta,
    BetaCitationSearchResultLocation,
    BetaCitationsWebSearchResultLocation,
    BetaCodeExecutionResultBlock,
    BetaCodeExecutionToolResultBlock,
    BetaCodeExecutionToolResultError,
    BetaContainerUploadBlock,
    BetaContentBlock,
    BetaDocumentBlock,
    BetaInputJSONDelta,
    BetaMCPToolResultBlock,
    BetaMCPToolUseBlock,
    BetaMemoryTool20250818Command,
    BetaMemoryTool20250818CreateCommand,
    BetaMemoryTool20250818DeleteCommand,
    BetaMemoryTool20250818InsertCommand,
    BetaMemoryTool20250818RenameCommand,
    BetaMemoryTool20250818StrReplaceCommand,
    BetaMemoryTool20250818ViewCommand,
    BetaMessage,
    BetaMessageTokensCount,
    BetaModelInfo,
    BetaPlainTextSource,
    BetaRawContentBlockDeltaEvent,
    BetaRawContentBlockStartEvent,
    BetaRawContentBlockStopEvent,
    BetaRawMessageDeltaEvent,
    BetaRawMessageStartEvent,
    BetaRawMessageStopEvent,
    BetaRawMessageStreamEvent,
    BetaRedactedThinkingBlock,
    BetaServerToolUseBlock,
    BetaSignatureDelta,
    BetaTextBlock,
    BetaTextDelta,
    BetaTextEditorCodeExecutionCreateResultBlock,
    BetaTextEditorCodeExecutionStrReplaceResultBlock,
    BetaTextEditorCodeExecutionToolResultBlock,
    BetaTextEditorCodeExecutionToolResultError,
    BetaTextEditorCodeExecutionViewResultBlock,
    BetaThinkingBlock,
    BetaThinkingDelta,
    BetaToolUseBlock,
    BetaWebFetchBlock,
    BetaWebFetchToolResultBlock,
    BetaWebFetchToolResultErrorBlock,
    BetaWebSearchResultBlock,
    BetaWebSearchToolResultBlock,
    BetaWebSearchToolResultError,
    DeletedFile,
    FileMetadata,
    SkillCreateResponse,
    SkillDeleteResponse,
    SkillListResponse,
    SkillRetrieveResponse,
)
from anthropic.types.beta.messages import (
    BetaDeletedMessageBatch,
    BetaMessageBatch,
    BetaMessageBatchCanceledResult,
    BetaMessageBatchErroredResult,
    BetaMessageBatchExpiredResult,
    BetaMessageBatchIndividualResponse,
    BetaMessageBatchSucceededResult,
)
from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage, ParsedBetaTextBlock
from anthropic.types.beta.skills import (
    VersionCreateResponse,
    VersionDeleteResponse,
    VersionListResponse,
    VersionRetrieveResponse,
)

DATA = Path(__file__).parent / "data"
PACKAGES = {
    "anthropic.types.beta": (beta, "public_names_types_beta.txt"),
    "anthropic.types.beta.messages": (beta_messages, "public_names_types_beta_messages.txt"),
    "anthropic.types.beta.skills": (beta_skills, "public_names_types_beta_skills.txt"),
}


def _json(obj: object) -> bytes:
    return json.dumps(obj).encode()


# --------------------------------------------------------------------------------------------------------------
# Realistic API payloads

USAGE = {
    "input_tokens": 2095,
    "output_tokens": 503,
    "cache_creation_input_tokens": 0,
    "cache_read_input_tokens": 1024,
    "cache_creation": {"ephemeral_5m_input_tokens": 0, "ephemeral_1h_input_tokens": 0},
    "server_tool_use": {"web_search_requests": 1, "web_fetch_requests": 1},
    "service_tier": "standard",
}

DOC_SOURCE_TEXT = {"type": "text", "media_type": "text/plain", "data": "Example Domain. This domain is for examples."}

ALL_BLOCKS: list[dict[str, Any]] = [
    {"type": "thinking", "thinking": "The user wants the weather.", "signature": "EqQBCkYIBRgCKkA..."},
    {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT..."},
    {
        "type": "text",
        "text": "According to the document, ",
        "citations": [
            {
                "type": "char_location",
                "cited_text": "The grass is green.",
                "document_index": 0,
                "document_title": "Facts",
                "start_char_index": 0,
                "end_char_index": 20,
                "file_id": None,
            },
            {
                "type": "page_location",
                "cited_text": "Page text",
                "document_index": 1,
                "document_title": None,
                "start_page_number": 1,
                "end_page_number": 2,
            },
            {
                "type": "content_block_location",
                "cited_text": "Block text",
                "document_index": 2,
                "document_title": "Blocks",
                "start_block_index": 0,
                "end_block_index": 1,
                "file_id": "file_011CNha8iCJcU1wXNR6q4V8w",
            },
            {
                "type": "web_search_result_location",
                "cited_text": "Sunny, 22C",
                "encrypted_index": "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm..",
                "title": "Weather in Paris",
                "url": "https://weather.example.com/paris",
            },
            {
                "type": "search_result_location",
                "cited_text": "Result text",
                "search_result_index": 0,
                "source": "https://kb.example.com/a",
                "title": "KB article",
                "start_block_index": 0,
                "end_block_index": 0,
            },
        ],
    },
    {"type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": "get_weather", "input": {"city": "Paris"}},
    {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {"query": "weather paris"}},
    {
        "type": "web_search_tool_result",
        "tool_use_id": "srvtoolu_01",
        "content": [
            {
                "type": "web_search_result",
                "url": "https://weather.example.com/paris",
                "title": "Weather in Paris",
                "encrypted_content": "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5LTQ1NGUtODgxNC1kNjNjNTk1ZWI3Y2E...",
                "page_age": "April 30, 2025",
            }
        ],
    },
    {
        "type": "web_fetch_tool_result",
        "tool_use_id": "srvtoolu_02",
        "content": {
            "type": "web_fetch_result",
            "url": "https://example.com",
            "retrieved_at": "2025-09-10T12:00:00Z",
            "content": {
                "type": "document",
                "source": DOC_SOURCE_TEXT,
                "title": "Example Domain",
                "citations": {"enabled": True},
            },
        },
    },
    {
        "type": "code_execution_tool_result",
        "tool_use_id": "srvtoolu_03",
        "content": {
            "type": "code_execution_result",
            "stdout": "4\n",
            "stderr": "",
            "return_code": 0,
            "content": [{"type": "code_execution_output", "file_id": "file_011CPT"}],
        },
    },
    {
        "type": "bash_code_execution_tool_result",
        "tool_use_id": "srvtoolu_04",
        "content": {
            "type": "bash_code_execution_result",
            "stdout": "total 0\n",
            "stderr": "",
            "return_code": 0,
            "content": [{"type": "bash_code_execution_output", "file_id": "file_011CPU"}],
        },
    },
    {
        "type": "text_editor_code_execution_tool_result",
        "tool_use_id": "srvtoolu_05",
        "content": {
            "type": "text_editor_code_execution_view_result",
            "file_type": "text",
            "content": "print('hi')\n",
            "num_lines": 1,
            "start_line": 1,
            "total_lines": 1,
        },
    },
    {
        "type": "mcp_tool_use",
        "id": "mcptoolu_01",
        "name": "echo",
        "server_name": "example-mcp",
        "input": {"message": "hello"},
    },
    {
        "type": "mcp_tool_result",
        "tool_use_id": "mcptoolu_01",
        "is_error": False,
        "content": [{"type": "text", "text": "hello", "citations": None}],
    },
    {"type": "container_upload", "file_id": "file_011CNha8iCJcU1wXNR6q4V8w"},
]

EXPECTED_BLOCK_TYPES = [
    BetaThinkingBlock,
    BetaRedactedThinkingBlock,
    BetaTextBlock,
    BetaToolUseBlock,
    BetaServerToolUseBlock,
    BetaWebSearchToolResultBlock,
    BetaWebFetchToolResultBlock,
    BetaCodeExecutionToolResultBlock,
    BetaBashCodeExecutionToolResultBlock,
    BetaTextEditorCodeExecutionToolResultBlock,
    BetaMCPToolUseBlock,
    BetaMCPToolResultBlock,
    BetaContainerUploadBlock,
]


def _message(content: list[dict[str, Any]], **overrides: Any) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "id": "msg_013Zva2CMHLNnXjNJJKqJ2EF",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5-20250929",
        "content": content,
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": USAGE,
        "container": {
            "id": "container_011CNha8",
            "expires_at": "2025-11-18T12:30:00Z",
            "skills": [{"type": "anthropic", "skill_id": "pptx", "version": "latest"}],
        },
        "context_management": {
            "applied_edits": [
                {"type": "clear_tool_uses_20250919", "cleared_tool_uses": 3, "cleared_input_tokens": 12000},
                {"type": "clear_thinking_20251015", "cleared_thinking_turns": 2, "cleared_input_tokens": 800},
            ]
        },
    }
    msg.update(overrides)
    return msg


# --------------------------------------------------------------------------------------------------------------
# Parsing every content block


def test_message_with_every_content_block_parses_strictly() -> None:
    msg = parse_json_bytes(BetaMessage, _json(_message(ALL_BLOCKS)), strict=True)
    assert [type(b) for b in msg.content] == EXPECTED_BLOCK_TYPES
    assert msg.model == "claude-sonnet-4-5-20250929"
    assert msg.usage.cache_creation is not None and msg.usage.cache_creation.ephemeral_1h_input_tokens == 0
    assert msg.usage.server_tool_use is not None and msg.usage.server_tool_use.web_fetch_requests == 1
    assert msg.container is not None
    assert msg.container.expires_at == datetime(2025, 11, 18, 12, 30, tzinfo=timezone.utc)
    assert msg.container.skills is not None and msg.container.skills[0].skill_id == "pptx"
    assert msg.context_management is not None
    edits = msg.context_management.applied_edits
    assert [type(e).__name__ for e in edits] == [
        "BetaClearToolUses20250919EditResponse",
        "BetaClearThinking20251015EditResponse",
    ]


def test_citation_union_is_discriminated() -> None:
    msg = parse_json_bytes(BetaMessage, _json(_message(ALL_BLOCKS)), strict=True)
    text = msg.content[2]
    assert isinstance(text, BetaTextBlock) and text.citations is not None
    assert [type(c) for c in text.citations] == [
        BetaCitationCharLocation,
        BetaCitationPageLocation,
        BetaCitationContentBlockLocation,
        BetaCitationsWebSearchResultLocation,
        BetaCitationSearchResultLocation,
    ]
    char = text.citations[0]
    assert isinstance(char, BetaCitationCharLocation) and char.file_id is None and char.end_char_index == 20


def test_server_tool_result_contents() -> None:
    msg = parse_json_bytes(BetaMessage, _json(_message(ALL_BLOCKS)), strict=True)
    search = msg.content[5]
    assert isinstance(search, BetaWebSearchToolResultBlock)
    assert isinstance(search.content, list) and isinstance(search.content[0], BetaWebSearchResultBlock)
    assert search.content[0].page_age == "April 30, 2025"

    fetch = msg.content[6]
    assert isinstance(fetch, BetaWebFetchToolResultBlock) and isinstance(fetch.content, BetaWebFetchBlock)
    assert isinstance(fetch.content.content, BetaDocumentBlock)
    assert isinstance(fetch.content.content.source, BetaPlainTextSource)
    assert fetch.content.content.citations is not None and fetch.content.content.citations.enabled is True

    code = msg.content[7]
    assert isinstance(code, BetaCodeExecutionToolResultBlock) and isinstance(code.content, BetaCodeExecutionResultBlock)
    assert code.content.stdout == "4\n" and code.content.content[0].file_id == "file_011CPT"

    bash = msg.content[8]
    assert isinstance(bash, BetaBashCodeExecutionToolResultBlock)
    assert isinstance(bash.content, BetaBashCodeExecutionResultBlock) and bash.content.return_code == 0

    editor = msg.content[9]
    assert isinstance(editor, BetaTextEditorCodeExecutionToolResultBlock)
    assert isinstance(editor.content, BetaTextEditorCodeExecutionViewResultBlock) and editor.content.num_lines == 1

    mcp_result = msg.content[11]
    assert isinstance(mcp_result, BetaMCPToolResultBlock)
    assert isinstance(mcp_result.content, list) and isinstance(mcp_result.content[0], BetaTextBlock)


@pytest.mark.parametrize(
    ("block", "content_type"),
    [
        (
            {
                "type": "web_search_tool_result",
                "tool_use_id": "s",
                "content": {"type": "web_search_tool_result_error", "error_code": "max_uses_exceeded"},
            },
            BetaWebSearchToolResultError,
        ),
        (
            {
                "type": "web_fetch_tool_result",
                "tool_use_id": "s",
                "content": {"type": "web_fetch_tool_result_error", "error_code": "url_not_accessible"},
            },
            BetaWebFetchToolResultErrorBlock,
        ),
        (
            {
                "type": "code_execution_tool_result",
                "tool_use_id": "s",
                "content": {"type": "code_execution_tool_result_error", "error_code": "execution_time_exceeded"},
            },
            BetaCodeExecutionToolResultError,
        ),
        (
            {
                "type": "bash_code_execution_tool_result",
                "tool_use_id": "s",
                "content": {"type": "bash_code_execution_tool_result_error", "error_code": "output_file_too_large"},
            },
            BetaBashCodeExecutionToolResultError,
        ),
        (
            {
                "type": "text_editor_code_execution_tool_result",
                "tool_use_id": "s",
                "content": {
                    "type": "text_editor_code_execution_tool_result_error",
                    "error_code": "file_not_found",
                    "error_message": "no such file: /tmp/x.py",
                },
            },
            BetaTextEditorCodeExecutionToolResultError,
        ),
        (
            {
                "type": "text_editor_code_execution_tool_result",
                "tool_use_id": "s",
                "content": {"type": "text_editor_code_execution_create_result", "is_file_update": False},
            },
            BetaTextEditorCodeExecutionCreateResultBlock,
        ),
        (
            {
                "type": "text_editor_code_execution_tool_result",
                "tool_use_id": "s",
                "content": {
                    "type": "text_editor_code_execution_str_replace_result",
                    "lines": ["-a", "+b"],
                    "new_lines": 1,
                    "new_start": 3,
                    "old_lines": 1,
                    "old_start": 3,
                },
            },
            BetaTextEditorCodeExecutionStrReplaceResultBlock,
        ),
    ],
)
def test_tool_result_error_and_variant_contents(block: dict[str, Any], content_type: type) -> None:
    parsed = validate_or_construct(BetaContentBlock, block, strict=True)  # type: ignore[arg-type]
    assert isinstance(parsed.content, content_type)  # type: ignore[union-attr]
    assert parsed.to_dict() == block  # type: ignore[union-attr]


def test_mcp_tool_result_with_string_content() -> None:
    block = {"type": "mcp_tool_result", "tool_use_id": "m", "is_error": True, "content": "server unreachable"}
    parsed = validate_or_construct(BetaContentBlock, block, strict=True)  # type: ignore[arg-type]
    assert isinstance(parsed, BetaMCPToolResultBlock) and parsed.content == "server unreachable" and parsed.is_error


def test_document_block_with_base64_pdf_source() -> None:
    doc = {
        "type": "document",
        "title": None,
        "citations": None,
        "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0xLjQK"},
    }
    parsed = parse_json_bytes(BetaDocumentBlock, _json(doc), strict=True)
    assert type(parsed.source).__name__ == "BetaBase64PDFSource"


def test_stop_reason_model_context_window_exceeded() -> None:
    msg = parse_json_bytes(BetaMessage, _json(_message([], stop_reason="model_context_window_exceeded")), strict=True)
    assert msg.stop_reason == "model_context_window_exceeded"


# --------------------------------------------------------------------------------------------------------------
# Stream events


STREAM_EVENTS: list[tuple[dict[str, Any], type]] = [
    (
        {
            "type": "message_start",
            "message": _message([], stop_reason=None, usage={"input_tokens": 25, "output_tokens": 1}, container=None),
        },
        BetaRawMessageStartEvent,
    ),
    (
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": "", "citations": None}},
        BetaRawContentBlockStartEvent,
    ),
    (
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}},
        BetaRawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": '{"ci'}},
        BetaRawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 2, "delta": {"type": "thinking_delta", "thinking": "Let me"}},
        BetaRawContentBlockDeltaEvent,
    ),
    (
        {"type": "content_block_delta", "index": 2, "delta": {"type": "signature_delta", "signature": "EqQB"}},
        BetaRawContentBlockDeltaEvent,
    ),
    (
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {
                "type": "citations_delta",
                "citation": {
                    "type": "web_search_result_location",
                    "cited_text": "Sunny",
                    "encrypted_index": "Eo8B",
                    "title": None,
                    "url": "https://weather.example.com",
                },
            },
        },
        BetaRawContentBlockDeltaEvent,
    ),
    ({"type": "content_block_stop", "index": 0}, BetaRawContentBlockStopEvent),
    (
        {
            "type": "message_delta",
            "delta": {
                "stop_reason": "tool_use",
                "stop_sequence": None,
                "container": {"id": "container_1", "expires_at": "2025-11-18T12:30:00Z"},
            },
            "usage": {
                "output_tokens": 15,
                "input_tokens": None,
                "cache_creation_input_tokens": None,
                "cache_read_input_tokens": None,
                "server_tool_use": None,
            },
            "context_management": {"applied_edits": []},
        },
        BetaRawMessageDeltaEvent,
    ),
    ({"type": "message_stop"}, BetaRawMessageStopEvent),
]


@pytest.mark.parametrize(("payload", "expected"), STREAM_EVENTS)
def test_stream_events_parse_by_type(payload: dict[str, Any], expected: type) -> None:
    event = validate_or_construct(BetaRawMessageStreamEvent, payload, strict=True)  # type: ignore[arg-type]
    assert type(event) is expected
    assert parse_json_bytes(BetaRawMessageStreamEvent, _json(payload), strict=True) == event  # type: ignore[arg-type]


def test_stream_delta_types() -> None:
    deltas = [
        validate_or_construct(BetaRawMessageStreamEvent, p, strict=True).delta  # type: ignore[arg-type, union-attr]
        for p, t in STREAM_EVENTS
        if t is BetaRawContentBlockDeltaEvent
    ]
    assert [type(d) for d in deltas] == [
        BetaTextDelta,
        BetaInputJSONDelta,
        BetaThinkingDelta,
        BetaSignatureDelta,
        BetaCitationsDelta,
    ]
    citation = deltas[-1]
    assert isinstance(citation, BetaCitationsDelta)
    assert isinstance(citation.citation, BetaCitationsWebSearchResultLocation)


def test_message_delta_event_fields() -> None:
    payload = next(p for p, t in STREAM_EVENTS if t is BetaRawMessageDeltaEvent)
    event = validate_or_construct(BetaRawMessageDeltaEvent, payload, strict=True)
    assert event.delta.stop_reason == "tool_use"
    assert event.delta.container is not None and event.delta.container.id == "container_1"
    assert event.usage.output_tokens == 15 and event.usage.input_tokens is None
    assert event.context_management is not None and event.context_management.applied_edits == []


def test_unknown_stream_event_type_does_not_raise() -> None:
    event = validate_or_construct(BetaRawMessageStreamEvent, {"type": "message_future", "x": 1})  # type: ignore[arg-type]
    assert getattr(event, "type") == "message_future"  # noqa: B009


# --------------------------------------------------------------------------------------------------------------
# Batches, files, models, skills


BATCH = {
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


def test_message_batch() -> None:
    batch = parse_json_bytes(BetaMessageBatch, _json(BATCH), strict=True)
    assert batch.processing_status == "ended"
    assert batch.request_counts.succeeded == 95
    assert batch.ended_at is not None and batch.ended_at.tzinfo is not None
    assert batch.archived_at is None
    assert batch.model_dump(mode="json")["results_url"] == BATCH["results_url"]
    deleted = parse_json_bytes(BetaDeletedMessageBatch, b'{"id": "msgbatch_1", "type": "message_batch_deleted"}')
    assert deleted.type == "message_batch_deleted"


def test_batch_individual_responses() -> None:
    lines = [
        {"custom_id": "a", "result": {"type": "succeeded", "message": _message(ALL_BLOCKS[:3])}},
        {
            "custom_id": "b",
            "result": {
                "type": "errored",
                "error": {
                    "type": "error",
                    "error": {"type": "invalid_request_error", "message": "max_tokens: Field required"},
                    "request_id": "req_011CSHoEeqs5C35K2UUqR7Fy",
                },
            },
        },
        {"custom_id": "c", "result": {"type": "canceled"}},
        {"custom_id": "d", "result": {"type": "expired"}},
    ]
    parsed = [parse_json_bytes(BetaMessageBatchIndividualResponse, _json(line), strict=True) for line in lines]
    assert [type(p.result) for p in parsed] == [
        BetaMessageBatchSucceededResult,
        BetaMessageBatchErroredResult,
        BetaMessageBatchCanceledResult,
        BetaMessageBatchExpiredResult,
    ]
    ok = parsed[0].result
    assert isinstance(ok, BetaMessageBatchSucceededResult) and isinstance(ok.message.content[2], BetaTextBlock)
    err = parsed[1].result
    assert isinstance(err, BetaMessageBatchErroredResult)
    assert err.error.error.type == "invalid_request_error"
    assert err.error.request_id == "req_011CSHoEeqs5C35K2UUqR7Fy"
    for line, p in zip(lines, parsed, strict=True):
        assert p.to_dict(mode="json") == line


def test_file_metadata_and_deleted_file() -> None:
    raw = {
        "id": "file_011CNha8iCJcU1wXNR6q4V8w",
        "type": "file",
        "filename": "report.pdf",
        "mime_type": "application/pdf",
        "size_bytes": 102400,
        "created_at": "2025-04-14T12:00:00Z",
        "downloadable": False,
    }
    meta = parse_json_bytes(FileMetadata, _json(raw), strict=True)
    assert meta.created_at == datetime(2025, 4, 14, 12, 0, tzinfo=timezone.utc)
    assert meta.downloadable is False and meta.size_bytes == 102400
    assert meta.to_dict(mode="json") == {**raw, "created_at": "2025-04-14T12:00:00Z"}
    without = {k: v for k, v in raw.items() if k != "downloadable"}
    assert parse_json_bytes(FileMetadata, _json(without), strict=True).downloadable is None

    deleted = parse_json_bytes(DeletedFile, b'{"id": "file_1", "type": "file_deleted"}', strict=True)
    assert deleted.type == "file_deleted"
    assert parse_json_bytes(DeletedFile, b'{"id": "file_1"}', strict=True).type is None


def test_model_info_and_token_count() -> None:
    info = parse_json_bytes(
        BetaModelInfo,
        b'{"id": "claude-sonnet-4-5-20250929", "type": "model", "display_name": "Claude Sonnet 4.5",'
        b' "created_at": "2025-09-29T00:00:00Z"}',
        strict=True,
    )
    assert info.created_at.year == 2025 and info.display_name == "Claude Sonnet 4.5"
    count = parse_json_bytes(
        BetaMessageTokensCount, b'{"input_tokens": 2095, "context_management": {"original_input_tokens": 4000}}'
    )
    assert count.context_management is not None and count.context_management.original_input_tokens == 4000


SKILL = {
    "id": "skill_01JAbcdefghijklmnopqrstuvw",
    "type": "skill",
    "source": "custom",
    "display_title": "My Skill",
    "latest_version": "1759178010641129",
    "created_at": "2024-10-30T23:58:27.427722Z",
    "updated_at": "2024-10-30T23:58:27.427722Z",
}
VERSION = {
    "id": "skillver_01JAbcdefghijklmnopqrstuvw",
    "type": "skill_version",
    "skill_id": "skill_01JAbcdefghijklmnopqrstuvw",
    "version": "1759178010641129",
    "name": "my-skill",
    "description": "Does a thing.",
    "directory": "my-skill",
    "created_at": "2024-10-30T23:58:27.427722Z",
}


@pytest.mark.parametrize("cls", [SkillCreateResponse, SkillRetrieveResponse, SkillListResponse])
def test_skill_responses(cls: type[pydantic.BaseModel]) -> None:
    skill = parse_json_bytes(cls, _json(SKILL), strict=True)
    assert type(skill) is cls
    assert skill.created_at == SKILL["created_at"]  # type: ignore[attr-defined]  # a string, not a datetime
    assert skill.model_dump() == SKILL
    nulls = parse_json_bytes(cls, _json({**SKILL, "display_title": None, "latest_version": None}), strict=True)
    assert nulls.display_title is None  # type: ignore[attr-defined]


@pytest.mark.parametrize("cls", [VersionCreateResponse, VersionRetrieveResponse, VersionListResponse])
def test_version_responses(cls: type[pydantic.BaseModel]) -> None:
    version = parse_json_bytes(cls, _json(VERSION), strict=True)
    assert type(version) is cls and version.model_dump() == VERSION


def test_delete_responses() -> None:
    s = parse_json_bytes(SkillDeleteResponse, b'{"id": "skill_1", "type": "skill_deleted"}', strict=True)
    v = parse_json_bytes(VersionDeleteResponse, b'{"id": "1759178010641129", "type": "skill_version_deleted"}')
    assert (s.type, v.type) == ("skill_deleted", "skill_version_deleted")


# --------------------------------------------------------------------------------------------------------------
# Memory tool commands


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"command": "view", "path": "/memories", "view_range": [1, 10]}, BetaMemoryTool20250818ViewCommand),
        (
            {"command": "create", "path": "/memories/notes.md", "file_text": "# Notes\n"},
            BetaMemoryTool20250818CreateCommand,
        ),
        (
            {"command": "str_replace", "path": "/memories/notes.md", "old_str": "a", "new_str": "b"},
            BetaMemoryTool20250818StrReplaceCommand,
        ),
        (
            {"command": "insert", "path": "/memories/notes.md", "insert_line": 2, "insert_text": "- item\n"},
            BetaMemoryTool20250818InsertCommand,
        ),
        ({"command": "delete", "path": "/memories/old.md"}, BetaMemoryTool20250818DeleteCommand),
        (
            {"command": "rename", "old_path": "/memories/a.md", "new_path": "/memories/b.md"},
            BetaMemoryTool20250818RenameCommand,
        ),
    ],
)
def test_memory_commands(payload: dict[str, Any], expected: type) -> None:
    command = validate_or_construct(BetaMemoryTool20250818Command, payload, strict=True)  # type: ignore[arg-type]
    assert type(command) is expected
    assert command.to_dict() == payload  # type: ignore[union-attr]


def test_memory_view_without_range_and_bad_input() -> None:
    view = validate_or_construct(BetaMemoryTool20250818Command, {"command": "view", "path": "/memories"})  # type: ignore[arg-type]
    assert isinstance(view, BetaMemoryTool20250818ViewCommand) and view.view_range is None
    with pytest.raises(pydantic.ValidationError):
        validate_or_construct(BetaMemoryTool20250818Command, {"command": "create", "path": "/x"}, strict=True)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------------------
# Round trips and leniency


def test_round_trip_through_json() -> None:
    original = _message(ALL_BLOCKS)
    msg = parse_json_bytes(BetaMessage, _json(original), strict=True)
    again = parse_json_bytes(BetaMessage, msg.to_json().encode(), strict=True)
    assert again == msg
    assert msg.model_dump(mode="json", exclude_unset=True) == {
        **original,
        "container": {**original["container"], "expires_at": "2025-11-18T12:30:00Z"},
    }


def test_round_trip_of_every_block_via_union() -> None:
    for block in ALL_BLOCKS:
        parsed = validate_or_construct(BetaContentBlock, block, strict=True)  # type: ignore[arg-type]
        assert parsed.to_dict() == block  # type: ignore[union-attr]


def test_unknown_fields_are_kept() -> None:
    block = {"type": "text", "text": "hi", "citations": None, "new_field": {"nested": 1}}
    msg = parse_json_bytes(BetaMessage, _json(_message([block], brand_new=True)), strict=True)
    assert msg.model_extra == {"brand_new": True}
    text = msg.content[0]
    assert getattr(text, "new_field") == {"nested": 1}  # noqa: B009
    assert msg.to_dict()["content"][0]["new_field"] == {"nested": 1}


def test_unknown_enum_values_are_tolerated() -> None:
    raw = _message(
        [{"type": "server_tool_use", "id": "s", "name": "future_tool", "input": {}}],
        stop_reason="brand_new_reason",
        usage={**USAGE, "service_tier": "galaxy"},
    )
    msg = parse_json_bytes(BetaMessage, _json(raw))
    assert msg.stop_reason == "brand_new_reason"
    assert msg.usage.service_tier == "galaxy"
    assert isinstance(msg.content[0], BetaServerToolUseBlock) and msg.content[0].name == "future_tool"
    with pytest.raises(pydantic.ValidationError):
        parse_json_bytes(BetaMessage, _json(raw), strict=True)


def test_unknown_block_type_is_tolerated() -> None:
    raw = _message([ALL_BLOCKS[2], {"type": "hologram", "payload": "x"}, ALL_BLOCKS[3]])
    msg = parse_json_bytes(BetaMessage, _json(raw))
    assert isinstance(msg.content[0], BetaTextBlock)
    assert isinstance(msg.content[2], BetaToolUseBlock)
    assert getattr(msg.content[1], "type") == "hologram"  # noqa: B009
    # The stand-in model does not fit the union's serializer; pydantic warns, so dump without warnings.
    assert msg.to_dict(warnings=False)["content"][1] == {"type": "hologram", "payload": "x"}


def test_missing_required_field_still_parses_leniently() -> None:
    raw = _message([{"type": "tool_use", "id": "t", "name": "f"}])  # no `input`
    msg = parse_json_bytes(BetaMessage, _json(raw))
    assert isinstance(msg.content[0], BetaToolUseBlock) and msg.content[0].name == "f"


# --------------------------------------------------------------------------------------------------------------
# Structured outputs


class _Weather(pydantic.BaseModel):
    city: str
    celsius: float


def test_parsed_message_parsed_output() -> None:
    raw = _message(
        [
            {"type": "thinking", "thinking": "x", "signature": "s"},
            {"type": "text", "text": "", "citations": None, "parsed_output": None},
            {
                "type": "text",
                "text": '{"city": "Paris", "celsius": 21.5}',
                "parsed_output": {"city": "Paris", "celsius": 21.5},
            },
            {
                "type": "text",
                "text": '{"city": "Rome", "celsius": 25}',
                "parsed_output": {"city": "Rome", "celsius": 25},
            },
            ALL_BLOCKS[6],  # a web fetch result, absent from the official 0.74.0 union
        ]
    )
    parsed = ParsedBetaMessage[_Weather].model_validate(raw)
    assert isinstance(parsed.content[2], ParsedBetaTextBlock)
    assert parsed.parsed_output == _Weather(city="Paris", celsius=21.5)
    assert isinstance(parsed.content[4], BetaWebFetchToolResultBlock)
    assert isinstance(parsed, BetaMessage)

    untyped = ParsedBetaMessage.model_validate(raw)
    assert untyped.parsed_output == {"city": "Paris", "celsius": 21.5}

    none = ParsedBetaMessage[_Weather].model_validate(_message([{"type": "text", "text": "plain"}]))
    assert none.parsed_output is None


def test_parsed_output_is_excluded_from_api_payloads() -> None:
    block = ParsedBetaTextBlock[_Weather](type="text", text="{}", parsed_output=_Weather(city="x", celsius=1))
    assert ParsedBetaTextBlock.__api_exclude__ == {"parsed_output"}
    api = block.model_dump(exclude=block.__api_exclude__, exclude_unset=True)
    assert api == {"type": "text", "text": "{}"}
    assert block.model_dump()["parsed_output"] == {"city": "x", "celsius": 1}


# --------------------------------------------------------------------------------------------------------------
# Params


def test_param_typeddicts_are_plain_dicts() -> None:
    from anthropic.types.beta import BetaMessageParam, BetaToolParam, MessageCreateParams

    tool: BetaToolParam = {"name": "get_weather", "input_schema": {"type": "object"}, "strict": True}
    message: BetaMessageParam = {"role": "user", "content": [{"type": "text", "text": "hi"}]}
    assert isinstance(tool, dict) and isinstance(message, dict)
    non_streaming, streaming = typing.get_args(MessageCreateParams)
    assert "stream" in streaming.__required_keys__
    assert {"max_tokens", "messages", "model"} <= streaming.__required_keys__


# --------------------------------------------------------------------------------------------------------------
# Public names, shapes, module paths, laziness


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_public_names_match_official(package: str) -> None:
    module, filename = PACKAGES[package]
    expected = set((DATA / filename).read_text().split())
    assert set(module.__all__) == expected
    for name in expected:
        assert getattr(module, name) is not None
    assert expected <= set(dir(module))


def test_subpackages_are_attributes() -> None:
    assert beta.messages is beta_messages
    assert beta.skills is beta_skills
    with pytest.raises(AttributeError):
        beta.NoSuchType  # noqa: B018


# The fingerprint below mirrors the one used to generate beta_types_shape.json from the official SDK 0.74.0:
# per field, whether it is required, the literal values its annotation allows and the SDK classes it names.
_LITERALS = {typing.Literal, typing_extensions.Literal}
_REQUIRED = {typing_extensions.Required, getattr(typing, "Required", typing_extensions.Required)}
_NOT_REQUIRED = {typing_extensions.NotRequired, getattr(typing, "NotRequired", typing_extensions.NotRequired)}


def _walk(tp: Any, lits: set[str], refs: set[str]) -> None:
    origin = typing_extensions.get_origin(tp)
    if origin in _LITERALS:
        lits.update(str(v) for v in typing_extensions.get_args(tp))
        return
    if isinstance(tp, type) and origin is None:
        if tp.__module__.startswith("anthropic"):
            meta = getattr(tp, "__pydantic_generic_metadata__", None)
            base = meta["origin"] if meta and meta.get("origin") else tp
            refs.add(base.__name__)
        return
    for arg in typing_extensions.get_args(tp):
        _walk(arg, lits, refs)


def _entry(tp: Any, required: bool | None) -> dict[str, Any]:
    lits: set[str] = set()
    refs: set[str] = set()
    _walk(tp, lits, refs)
    return {"required": required, "literals": sorted(lits), "refs": sorted(refs)}


def _describe(obj: Any) -> dict[str, Any]:
    if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
        fields = {n: _entry(f.annotation, f.is_required()) for n, f in obj.model_fields.items()}
        return {"kind": "model", "fields": fields}
    if typing_extensions.is_typeddict(obj):
        # `PathLike` in localns: `anthropic._types.FileTypes` may spell it as a string forward reference.
        hints = typing_extensions.get_type_hints(obj, include_extras=True, localns={"PathLike": os.PathLike})
        fields = {}
        for name, hint in hints.items():
            origin = typing_extensions.get_origin(hint)
            required = True if origin in _REQUIRED else False if origin in _NOT_REQUIRED else bool(obj.__total__)
            fields[name] = _entry(hint, required)
        return {"kind": "typeddict", "fields": fields}
    out = _entry(obj, None)
    del out["required"]
    return {"kind": "alias", **out}


_SHAPES: dict[str, Any] = json.loads((DATA / "beta_types_shape.json").read_text())


@pytest.mark.parametrize("key", sorted(_SHAPES))
def test_shape_matches_official(key: str) -> None:
    package, name = key.split(":")
    got = _describe(getattr(importlib.import_module(package), name))
    assert got == _SHAPES[key]


ALIAS_MODULES = {
    "anthropic.types.beta": [
        "beta_message", "beta_message_param", "beta_tool_param", "beta_tool_union_param", "beta_text_block",
        "beta_text_block_param", "beta_content_block", "beta_content_block_param", "beta_raw_message_stream_event",
        "beta_raw_message_start_event", "beta_raw_message_delta_event", "beta_raw_message_stop_event",
        "beta_raw_content_block_start_event", "beta_raw_content_block_delta_event",
        "beta_raw_content_block_stop_event", "beta_tool_use_block", "beta_tool_use_block_param",
        "beta_tool_result_block_param", "beta_tool_choice_param", "beta_thinking_config_param", "beta_thinking_block",
        "beta_redacted_thinking_block", "beta_usage", "beta_stop_reason", "beta_server_tool_use_block",
        "beta_mcp_tool_use_block", "beta_citations_delta", "beta_text_delta", "beta_input_json_delta",
        "beta_text_citation", "beta_metadata_param", "beta_json_output_format_param",
        "beta_context_management_config_param", "beta_context_management_response", "beta_container",
        "beta_request_mcp_server_url_definition_param", "beta_message_tokens_count", "beta_model_info",
        "beta_memory_tool_20250818_command", "beta_image_block_param", "beta_cache_control_ephemeral_param",
        "message_create_params", "message_count_tokens_params", "model_list_params", "file_metadata",
        "deleted_file", "file_list_params", "file_upload_params", "parsed_beta_message", "skill_create_response",
        "skill_retrieve_response", "skill_list_response", "skill_delete_response", "skill_create_params",
        "skill_list_params",
    ],
    "anthropic.types.beta.messages": [
        "beta_message_batch", "beta_message_batch_individual_response", "beta_deleted_message_batch",
        "beta_message_batch_result", "batch_create_params", "batch_list_params",
    ],
    "anthropic.types.beta.skills": [
        "version_create_response", "version_retrieve_response", "version_list_response", "version_delete_response",
        "version_create_params", "version_list_params",
    ],
}  # fmt: skip


@pytest.mark.parametrize("path", [f"{pkg}.{mod}" for pkg, mods in sorted(ALIAS_MODULES.items()) for mod in mods])
def test_official_module_paths(path: str) -> None:
    module = importlib.import_module(path)
    package = importlib.import_module(path.rsplit(".", 1)[0])
    assert module.__all__
    for name in module.__all__:
        value = getattr(module, name)
        if name in package.__all__:
            assert value is getattr(package, name)
    assert getattr(package, path.rsplit(".", 1)[1]) is module


def test_official_module_path_extras() -> None:
    from anthropic.types.beta.beta_raw_message_delta_event import Delta
    from anthropic.types.beta.beta_tool_param import InputSchema
    from anthropic.types.beta.message_create_params import (
        MessageCreateParamsNonStreaming,
        MessageCreateParamsStreaming,
    )
    from anthropic.types.beta.messages.batch_create_params import Request

    assert Delta.model_fields["stop_reason"].default is None
    assert typing_extensions.is_typeddict(typing_extensions.get_args(InputSchema)[0])
    assert "stream" not in MessageCreateParamsNonStreaming.__required_keys__
    assert MessageCreateParamsStreaming.__required_keys__ >= {"stream"}
    assert typing_extensions.get_type_hints(Request)["params"].__name__ == "MessageCreateParamsNonStreaming"


def test_import_is_lazy() -> None:
    code = (
        "import sys, anthropic.types.beta, anthropic.types.beta.messages, anthropic.types.beta.skills\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('anthropic.types.beta'))))\n"
        "anthropic.types.beta.BetaModelInfo\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('anthropic.types.beta'))))\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    before, after = result.stdout.split()
    assert set(before.split(",")) == {
        "anthropic.types.beta",
        "anthropic.types.beta.messages",
        "anthropic.types.beta.skills",
    }
    assert set(after.split(",")) - set(before.split(",")) == {"anthropic.types.beta._models_api"}
