"""Beta request content: the blocks a caller puts in `messages`, and `BetaMessageParam` itself.

These are `TypedDict`s: plain dicts at run time, checked only by type checkers. A message's content may also hold
response blocks (`BetaContentBlock` models) so that an assistant reply can be sent back as it was received.
"""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

from os import PathLike
from typing import IO, Any, Iterable, Literal, Optional, Union

from typing_extensions import Required, TypeAlias, TypedDict

from .._common import SequenceNotStr
from ._content import BetaContentBlock

__all__ = [
    "Base64FileInput",
    "BetaBase64ImageSourceParam",
    "BetaBase64PDFBlockParam",
    "BetaBase64PDFSourceParam",
    "BetaBashCodeExecutionOutputBlockParam",
    "BetaBashCodeExecutionResultBlockParam",
    "BetaBashCodeExecutionToolResultBlockParam",
    "BetaBashCodeExecutionToolResultErrorParam",
    "BetaCacheControlEphemeralParam",
    "BetaCitationCharLocationParam",
    "BetaCitationContentBlockLocationParam",
    "BetaCitationPageLocationParam",
    "BetaCitationSearchResultLocationParam",
    "BetaCitationWebSearchResultLocationParam",
    "BetaCitationsConfigParam",
    "BetaCodeExecutionOutputBlockParam",
    "BetaCodeExecutionResultBlockParam",
    "BetaCodeExecutionToolResultBlockParam",
    "BetaCodeExecutionToolResultBlockParamContentParam",
    "BetaCodeExecutionToolResultErrorParam",
    "BetaContainerUploadBlockParam",
    "BetaContentBlockParam",
    "BetaContentBlockSourceContentParam",
    "BetaContentBlockSourceParam",
    "BetaFileDocumentSourceParam",
    "BetaFileImageSourceParam",
    "BetaImageBlockParam",
    "BetaMCPToolUseBlockParam",
    "BetaMessageParam",
    "BetaPlainTextSourceParam",
    "BetaRedactedThinkingBlockParam",
    "BetaRequestDocumentBlockParam",
    "BetaRequestMCPToolResultBlockParam",
    "BetaSearchResultBlockParam",
    "BetaServerToolUseBlockParam",
    "BetaTextBlockParam",
    "BetaTextCitationParam",
    "BetaTextEditorCodeExecutionCreateResultBlockParam",
    "BetaTextEditorCodeExecutionStrReplaceResultBlockParam",
    "BetaTextEditorCodeExecutionToolResultBlockParam",
    "BetaTextEditorCodeExecutionToolResultErrorParam",
    "BetaTextEditorCodeExecutionViewResultBlockParam",
    "BetaThinkingBlockParam",
    "BetaToolResultBlockParam",
    "BetaToolUseBlockParam",
    "BetaURLImageSourceParam",
    "BetaURLPDFSourceParam",
    "BetaWebFetchBlockParam",
    "BetaWebFetchToolResultBlockParam",
    "BetaWebFetchToolResultErrorBlockParam",
    "BetaWebSearchResultBlockParam",
    "BetaWebSearchToolRequestErrorParam",
    "BetaWebSearchToolResultBlockParam",
    "BetaWebSearchToolResultBlockParamContentParam",
]

# A file whose bytes are base64-encoded into `data` when the request is built.
Base64FileInput: TypeAlias = Union[IO[bytes], PathLike[Any]]


class BetaCacheControlEphemeralParam(TypedDict, total=False):
    type: Required[Literal["ephemeral"]]
    ttl: Literal["5m", "1h"]


class BetaCitationsConfigParam(TypedDict, total=False):
    enabled: bool


# --------------------------------------------------------------------------------------------------------------
# Citations (as sent back in text blocks)


class BetaCitationCharLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_char_index: Required[int]
    start_char_index: Required[int]
    type: Required[Literal["char_location"]]


class BetaCitationPageLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_page_number: Required[int]
    start_page_number: Required[int]
    type: Required[Literal["page_location"]]


class BetaCitationContentBlockLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_block_index: Required[int]
    start_block_index: Required[int]
    type: Required[Literal["content_block_location"]]


class BetaCitationWebSearchResultLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    encrypted_index: Required[str]
    title: Required[Optional[str]]
    type: Required[Literal["web_search_result_location"]]
    url: Required[str]


class BetaCitationSearchResultLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    end_block_index: Required[int]
    search_result_index: Required[int]
    source: Required[str]
    start_block_index: Required[int]
    title: Required[Optional[str]]
    type: Required[Literal["search_result_location"]]


BetaTextCitationParam: TypeAlias = Union[
    BetaCitationCharLocationParam,
    BetaCitationPageLocationParam,
    BetaCitationContentBlockLocationParam,
    BetaCitationWebSearchResultLocationParam,
    BetaCitationSearchResultLocationParam,
]


# --------------------------------------------------------------------------------------------------------------
# Text, images, documents, search results


class BetaTextBlockParam(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["text"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]
    citations: Optional[Iterable[BetaTextCitationParam]]


class BetaBase64ImageSourceParam(TypedDict, total=False):
    data: Required[Union[str, Base64FileInput]]
    media_type: Required[Literal["image/jpeg", "image/png", "image/gif", "image/webp"]]
    type: Required[Literal["base64"]]


class BetaURLImageSourceParam(TypedDict, total=False):
    type: Required[Literal["url"]]
    url: Required[str]


class BetaFileImageSourceParam(TypedDict, total=False):
    file_id: Required[str]
    type: Required[Literal["file"]]


class BetaImageBlockParam(TypedDict, total=False):
    source: Required[Union[BetaBase64ImageSourceParam, BetaURLImageSourceParam, BetaFileImageSourceParam]]
    type: Required[Literal["image"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaBase64PDFSourceParam(TypedDict, total=False):
    data: Required[Union[str, Base64FileInput]]
    media_type: Required[Literal["application/pdf"]]
    type: Required[Literal["base64"]]


class BetaPlainTextSourceParam(TypedDict, total=False):
    data: Required[str]
    media_type: Required[Literal["text/plain"]]
    type: Required[Literal["text"]]


BetaContentBlockSourceContentParam: TypeAlias = Union[BetaTextBlockParam, BetaImageBlockParam]


class BetaContentBlockSourceParam(TypedDict, total=False):
    content: Required[Union[str, Iterable[BetaContentBlockSourceContentParam]]]
    type: Required[Literal["content"]]


class BetaURLPDFSourceParam(TypedDict, total=False):
    type: Required[Literal["url"]]
    url: Required[str]


class BetaFileDocumentSourceParam(TypedDict, total=False):
    file_id: Required[str]
    type: Required[Literal["file"]]


class BetaRequestDocumentBlockParam(TypedDict, total=False):
    source: Required[
        Union[
            BetaBase64PDFSourceParam,
            BetaPlainTextSourceParam,
            BetaContentBlockSourceParam,
            BetaURLPDFSourceParam,
            BetaFileDocumentSourceParam,
        ]
    ]
    type: Required[Literal["document"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]
    citations: Optional[BetaCitationsConfigParam]
    context: Optional[str]
    title: Optional[str]


# The older name of the document block param.
BetaBase64PDFBlockParam = BetaRequestDocumentBlockParam


class BetaSearchResultBlockParam(TypedDict, total=False):
    content: Required[Iterable[BetaTextBlockParam]]
    source: Required[str]
    title: Required[str]
    type: Required[Literal["search_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]
    citations: BetaCitationsConfigParam


# --------------------------------------------------------------------------------------------------------------
# Thinking and tool use


class BetaThinkingBlockParam(TypedDict, total=False):
    signature: Required[str]
    thinking: Required[str]
    type: Required[Literal["thinking"]]


class BetaRedactedThinkingBlockParam(TypedDict, total=False):
    data: Required[str]
    type: Required[Literal["redacted_thinking"]]


class BetaToolUseBlockParam(TypedDict, total=False):
    id: Required[str]
    input: Required[dict[str, object]]
    name: Required[str]
    type: Required[Literal["tool_use"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaToolResultBlockParam(TypedDict, total=False):
    tool_use_id: Required[str]
    type: Required[Literal["tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]
    content: Union[
        str,
        Iterable[
            Union[BetaTextBlockParam, BetaImageBlockParam, BetaSearchResultBlockParam, BetaRequestDocumentBlockParam]
        ],
    ]
    is_error: bool


class BetaServerToolUseBlockParam(TypedDict, total=False):
    id: Required[str]
    input: Required[dict[str, object]]
    name: Required[
        Literal["web_search", "web_fetch", "code_execution", "bash_code_execution", "text_editor_code_execution"]
    ]
    type: Required[Literal["server_tool_use"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaMCPToolUseBlockParam(TypedDict, total=False):
    id: Required[str]
    input: Required[dict[str, object]]
    name: Required[str]
    server_name: Required[str]
    type: Required[Literal["mcp_tool_use"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaRequestMCPToolResultBlockParam(TypedDict, total=False):
    tool_use_id: Required[str]
    type: Required[Literal["mcp_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]
    content: Union[str, Iterable[BetaTextBlockParam]]
    is_error: bool


class BetaContainerUploadBlockParam(TypedDict, total=False):
    file_id: Required[str]
    type: Required[Literal["container_upload"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


# --------------------------------------------------------------------------------------------------------------
# Server tool results (sent back verbatim in later turns)


class BetaWebSearchResultBlockParam(TypedDict, total=False):
    encrypted_content: Required[str]
    title: Required[str]
    type: Required[Literal["web_search_result"]]
    url: Required[str]
    page_age: Optional[str]


class BetaWebSearchToolRequestErrorParam(TypedDict, total=False):
    error_code: Required[
        Literal["invalid_tool_input", "unavailable", "max_uses_exceeded", "too_many_requests", "query_too_long"]
    ]
    type: Required[Literal["web_search_tool_result_error"]]


BetaWebSearchToolResultBlockParamContentParam: TypeAlias = Union[
    Iterable[BetaWebSearchResultBlockParam], BetaWebSearchToolRequestErrorParam
]


class BetaWebSearchToolResultBlockParam(TypedDict, total=False):
    content: Required[BetaWebSearchToolResultBlockParamContentParam]
    tool_use_id: Required[str]
    type: Required[Literal["web_search_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaWebFetchBlockParam(TypedDict, total=False):
    content: Required[BetaRequestDocumentBlockParam]
    type: Required[Literal["web_fetch_result"]]
    url: Required[str]
    retrieved_at: Optional[str]


class BetaWebFetchToolResultErrorBlockParam(TypedDict, total=False):
    error_code: Required[
        Literal[
            "invalid_tool_input",
            "url_too_long",
            "url_not_allowed",
            "url_not_accessible",
            "unsupported_content_type",
            "too_many_requests",
            "max_uses_exceeded",
            "unavailable",
        ]
    ]
    type: Required[Literal["web_fetch_tool_result_error"]]


class BetaWebFetchToolResultBlockParam(TypedDict, total=False):
    content: Required[Union[BetaWebFetchToolResultErrorBlockParam, BetaWebFetchBlockParam]]
    tool_use_id: Required[str]
    type: Required[Literal["web_fetch_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaCodeExecutionOutputBlockParam(TypedDict, total=False):
    file_id: Required[str]
    type: Required[Literal["code_execution_output"]]


class BetaCodeExecutionResultBlockParam(TypedDict, total=False):
    content: Required[Iterable[BetaCodeExecutionOutputBlockParam]]
    return_code: Required[int]
    stderr: Required[str]
    stdout: Required[str]
    type: Required[Literal["code_execution_result"]]


class BetaCodeExecutionToolResultErrorParam(TypedDict, total=False):
    error_code: Required[Literal["invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded"]]
    type: Required[Literal["code_execution_tool_result_error"]]


BetaCodeExecutionToolResultBlockParamContentParam: TypeAlias = Union[
    BetaCodeExecutionToolResultErrorParam, BetaCodeExecutionResultBlockParam
]


class BetaCodeExecutionToolResultBlockParam(TypedDict, total=False):
    content: Required[BetaCodeExecutionToolResultBlockParamContentParam]
    tool_use_id: Required[str]
    type: Required[Literal["code_execution_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaBashCodeExecutionOutputBlockParam(TypedDict, total=False):
    file_id: Required[str]
    type: Required[Literal["bash_code_execution_output"]]


class BetaBashCodeExecutionResultBlockParam(TypedDict, total=False):
    content: Required[Iterable[BetaBashCodeExecutionOutputBlockParam]]
    return_code: Required[int]
    stderr: Required[str]
    stdout: Required[str]
    type: Required[Literal["bash_code_execution_result"]]


class BetaBashCodeExecutionToolResultErrorParam(TypedDict, total=False):
    error_code: Required[
        Literal[
            "invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded", "output_file_too_large"
        ]
    ]
    type: Required[Literal["bash_code_execution_tool_result_error"]]


class BetaBashCodeExecutionToolResultBlockParam(TypedDict, total=False):
    content: Required[Union[BetaBashCodeExecutionToolResultErrorParam, BetaBashCodeExecutionResultBlockParam]]
    tool_use_id: Required[str]
    type: Required[Literal["bash_code_execution_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


class BetaTextEditorCodeExecutionViewResultBlockParam(TypedDict, total=False):
    content: Required[str]
    file_type: Required[Literal["text", "image", "pdf"]]
    type: Required[Literal["text_editor_code_execution_view_result"]]
    num_lines: Optional[int]
    start_line: Optional[int]
    total_lines: Optional[int]


class BetaTextEditorCodeExecutionCreateResultBlockParam(TypedDict, total=False):
    is_file_update: Required[bool]
    type: Required[Literal["text_editor_code_execution_create_result"]]


class BetaTextEditorCodeExecutionStrReplaceResultBlockParam(TypedDict, total=False):
    type: Required[Literal["text_editor_code_execution_str_replace_result"]]
    lines: Optional[SequenceNotStr[str]]
    new_lines: Optional[int]
    new_start: Optional[int]
    old_lines: Optional[int]
    old_start: Optional[int]


class BetaTextEditorCodeExecutionToolResultErrorParam(TypedDict, total=False):
    error_code: Required[
        Literal["invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded", "file_not_found"]
    ]
    type: Required[Literal["text_editor_code_execution_tool_result_error"]]
    error_message: Optional[str]


class BetaTextEditorCodeExecutionToolResultBlockParam(TypedDict, total=False):
    content: Required[
        Union[
            BetaTextEditorCodeExecutionToolResultErrorParam,
            BetaTextEditorCodeExecutionViewResultBlockParam,
            BetaTextEditorCodeExecutionCreateResultBlockParam,
            BetaTextEditorCodeExecutionStrReplaceResultBlockParam,
        ]
    ]
    tool_use_id: Required[str]
    type: Required[Literal["text_editor_code_execution_tool_result"]]
    cache_control: Optional[BetaCacheControlEphemeralParam]


# --------------------------------------------------------------------------------------------------------------
# The union and the message


BetaContentBlockParam: TypeAlias = Union[
    BetaTextBlockParam,
    BetaImageBlockParam,
    BetaRequestDocumentBlockParam,
    BetaSearchResultBlockParam,
    BetaThinkingBlockParam,
    BetaRedactedThinkingBlockParam,
    BetaToolUseBlockParam,
    BetaToolResultBlockParam,
    BetaServerToolUseBlockParam,
    BetaWebSearchToolResultBlockParam,
    BetaWebFetchToolResultBlockParam,
    BetaCodeExecutionToolResultBlockParam,
    BetaBashCodeExecutionToolResultBlockParam,
    BetaTextEditorCodeExecutionToolResultBlockParam,
    BetaMCPToolUseBlockParam,
    BetaRequestMCPToolResultBlockParam,
    BetaContainerUploadBlockParam,
    BetaContentBlock,
]


class BetaMessageParam(TypedDict, total=False):
    content: Required[Union[str, Iterable[BetaContentBlockParam]]]
    role: Required[Literal["user", "assistant"]]
