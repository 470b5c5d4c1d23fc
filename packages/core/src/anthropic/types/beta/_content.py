"""Beta response content: every block a beta message can hold, and what those blocks carry.

One module because the blocks reference each other (a web fetch result holds a document block, a text block holds
citations) and because `BetaContentBlock`, the union the API discriminates on `type`, needs all of them at once.
Field order follows the API's JSON so dumps keep the same key order.
"""

from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from ..._models import BaseModel

__all__ = [
    "BetaBase64PDFSource",
    "BetaBashCodeExecutionOutputBlock",
    "BetaBashCodeExecutionResultBlock",
    "BetaBashCodeExecutionToolResultBlock",
    "BetaBashCodeExecutionToolResultError",
    "BetaCitationCharLocation",
    "BetaCitationConfig",
    "BetaCitationContentBlockLocation",
    "BetaCitationPageLocation",
    "BetaCitationSearchResultLocation",
    "BetaCitationsWebSearchResultLocation",
    "BetaCodeExecutionOutputBlock",
    "BetaCodeExecutionResultBlock",
    "BetaCodeExecutionToolResultBlock",
    "BetaCodeExecutionToolResultBlockContent",
    "BetaCodeExecutionToolResultError",
    "BetaCodeExecutionToolResultErrorCode",
    "BetaContainerUploadBlock",
    "BetaContentBlock",
    "BetaDocumentBlock",
    "BetaMCPToolResultBlock",
    "BetaMCPToolUseBlock",
    "BetaPlainTextSource",
    "BetaRedactedThinkingBlock",
    "BetaServerToolUseBlock",
    "BetaTextBlock",
    "BetaTextCitation",
    "BetaTextEditorCodeExecutionCreateResultBlock",
    "BetaTextEditorCodeExecutionStrReplaceResultBlock",
    "BetaTextEditorCodeExecutionToolResultBlock",
    "BetaTextEditorCodeExecutionToolResultError",
    "BetaTextEditorCodeExecutionViewResultBlock",
    "BetaThinkingBlock",
    "BetaToolUseBlock",
    "BetaWebFetchBlock",
    "BetaWebFetchToolResultBlock",
    "BetaWebFetchToolResultErrorBlock",
    "BetaWebFetchToolResultErrorCode",
    "BetaWebSearchResultBlock",
    "BetaWebSearchToolResultBlock",
    "BetaWebSearchToolResultBlockContent",
    "BetaWebSearchToolResultError",
    "BetaWebSearchToolResultErrorCode",
]

# --------------------------------------------------------------------------------------------------------------
# Citations


class BetaCitationCharLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_char_index: int
    file_id: Optional[str] = None
    start_char_index: int
    type: Literal["char_location"]


class BetaCitationPageLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_page_number: int
    file_id: Optional[str] = None
    start_page_number: int
    type: Literal["page_location"]


class BetaCitationContentBlockLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_block_index: int
    file_id: Optional[str] = None
    start_block_index: int
    type: Literal["content_block_location"]


class BetaCitationsWebSearchResultLocation(BaseModel):
    cited_text: str
    encrypted_index: str
    title: Optional[str] = None
    type: Literal["web_search_result_location"]
    url: str


class BetaCitationSearchResultLocation(BaseModel):
    cited_text: str
    end_block_index: int
    search_result_index: int
    source: str
    start_block_index: int
    title: Optional[str] = None
    type: Literal["search_result_location"]


BetaTextCitation: TypeAlias = Annotated[
    Union[
        BetaCitationCharLocation,
        BetaCitationPageLocation,
        BetaCitationContentBlockLocation,
        BetaCitationsWebSearchResultLocation,
        BetaCitationSearchResultLocation,
    ],
    Field(discriminator="type"),
]


class BetaCitationConfig(BaseModel):
    """Whether citations were enabled for a returned document."""

    enabled: bool


# --------------------------------------------------------------------------------------------------------------
# Plain blocks


class BetaTextBlock(BaseModel):
    citations: Optional[list[BetaTextCitation]] = None
    text: str
    type: Literal["text"]


class BetaThinkingBlock(BaseModel):
    signature: str
    thinking: str
    type: Literal["thinking"]


class BetaRedactedThinkingBlock(BaseModel):
    data: str
    type: Literal["redacted_thinking"]


class BetaToolUseBlock(BaseModel):
    id: str
    input: dict[str, object]
    name: str
    type: Literal["tool_use"]


class BetaServerToolUseBlock(BaseModel):
    id: str
    input: dict[str, object]
    name: Literal["web_search", "web_fetch", "code_execution", "bash_code_execution", "text_editor_code_execution"]
    type: Literal["server_tool_use"]


class BetaMCPToolUseBlock(BaseModel):
    id: str
    input: dict[str, object]
    name: str
    server_name: str
    type: Literal["mcp_tool_use"]


class BetaMCPToolResultBlock(BaseModel):
    content: Union[str, list[BetaTextBlock]]
    is_error: bool
    tool_use_id: str
    type: Literal["mcp_tool_result"]


class BetaContainerUploadBlock(BaseModel):
    file_id: str
    type: Literal["container_upload"]


# --------------------------------------------------------------------------------------------------------------
# Documents (returned inside web fetch results)


class BetaBase64PDFSource(BaseModel):
    data: str
    media_type: Literal["application/pdf"]
    type: Literal["base64"]


class BetaPlainTextSource(BaseModel):
    data: str
    media_type: Literal["text/plain"]
    type: Literal["text"]


class BetaDocumentBlock(BaseModel):
    citations: Optional[BetaCitationConfig] = None
    source: Annotated[Union[BetaBase64PDFSource, BetaPlainTextSource], Field(discriminator="type")]
    title: Optional[str] = None
    type: Literal["document"]


# --------------------------------------------------------------------------------------------------------------
# Web search


BetaWebSearchToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input", "unavailable", "max_uses_exceeded", "too_many_requests", "query_too_long"
]


class BetaWebSearchResultBlock(BaseModel):
    encrypted_content: str
    page_age: Optional[str] = None
    title: str
    type: Literal["web_search_result"]
    url: str


class BetaWebSearchToolResultError(BaseModel):
    error_code: BetaWebSearchToolResultErrorCode
    type: Literal["web_search_tool_result_error"]


BetaWebSearchToolResultBlockContent: TypeAlias = Union[BetaWebSearchToolResultError, list[BetaWebSearchResultBlock]]


class BetaWebSearchToolResultBlock(BaseModel):
    content: BetaWebSearchToolResultBlockContent
    tool_use_id: str
    type: Literal["web_search_tool_result"]


# --------------------------------------------------------------------------------------------------------------
# Web fetch


BetaWebFetchToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "url_too_long",
    "url_not_allowed",
    "url_not_accessible",
    "unsupported_content_type",
    "too_many_requests",
    "max_uses_exceeded",
    "unavailable",
]


class BetaWebFetchBlock(BaseModel):
    content: BetaDocumentBlock
    retrieved_at: Optional[str] = None
    type: Literal["web_fetch_result"]
    url: str


class BetaWebFetchToolResultErrorBlock(BaseModel):
    error_code: BetaWebFetchToolResultErrorCode
    type: Literal["web_fetch_tool_result_error"]


class BetaWebFetchToolResultBlock(BaseModel):
    content: Union[BetaWebFetchToolResultErrorBlock, BetaWebFetchBlock]
    tool_use_id: str
    type: Literal["web_fetch_tool_result"]


# --------------------------------------------------------------------------------------------------------------
# Code execution (code_execution_20250522)


BetaCodeExecutionToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded"
]


class BetaCodeExecutionOutputBlock(BaseModel):
    file_id: str
    type: Literal["code_execution_output"]


class BetaCodeExecutionResultBlock(BaseModel):
    content: list[BetaCodeExecutionOutputBlock]
    return_code: int
    stderr: str
    stdout: str
    type: Literal["code_execution_result"]


class BetaCodeExecutionToolResultError(BaseModel):
    error_code: BetaCodeExecutionToolResultErrorCode
    type: Literal["code_execution_tool_result_error"]


BetaCodeExecutionToolResultBlockContent: TypeAlias = Union[
    BetaCodeExecutionToolResultError, BetaCodeExecutionResultBlock
]


class BetaCodeExecutionToolResultBlock(BaseModel):
    content: BetaCodeExecutionToolResultBlockContent
    tool_use_id: str
    type: Literal["code_execution_tool_result"]


# --------------------------------------------------------------------------------------------------------------
# Bash code execution (code_execution_20250825)


class BetaBashCodeExecutionOutputBlock(BaseModel):
    file_id: str
    type: Literal["bash_code_execution_output"]


class BetaBashCodeExecutionResultBlock(BaseModel):
    content: list[BetaBashCodeExecutionOutputBlock]
    return_code: int
    stderr: str
    stdout: str
    type: Literal["bash_code_execution_result"]


class BetaBashCodeExecutionToolResultError(BaseModel):
    error_code: Literal[
        "invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded", "output_file_too_large"
    ]
    type: Literal["bash_code_execution_tool_result_error"]


class BetaBashCodeExecutionToolResultBlock(BaseModel):
    content: Union[BetaBashCodeExecutionToolResultError, BetaBashCodeExecutionResultBlock]
    tool_use_id: str
    type: Literal["bash_code_execution_tool_result"]


# --------------------------------------------------------------------------------------------------------------
# Text editor code execution (code_execution_20250825)


class BetaTextEditorCodeExecutionViewResultBlock(BaseModel):
    content: str
    file_type: Literal["text", "image", "pdf"]
    num_lines: Optional[int] = None
    start_line: Optional[int] = None
    total_lines: Optional[int] = None
    type: Literal["text_editor_code_execution_view_result"]


class BetaTextEditorCodeExecutionCreateResultBlock(BaseModel):
    is_file_update: bool
    type: Literal["text_editor_code_execution_create_result"]


class BetaTextEditorCodeExecutionStrReplaceResultBlock(BaseModel):
    lines: Optional[list[str]] = None
    new_lines: Optional[int] = None
    new_start: Optional[int] = None
    old_lines: Optional[int] = None
    old_start: Optional[int] = None
    type: Literal["text_editor_code_execution_str_replace_result"]


class BetaTextEditorCodeExecutionToolResultError(BaseModel):
    error_code: Literal[
        "invalid_tool_input", "unavailable", "too_many_requests", "execution_time_exceeded", "file_not_found"
    ]
    error_message: Optional[str] = None
    type: Literal["text_editor_code_execution_tool_result_error"]


class BetaTextEditorCodeExecutionToolResultBlock(BaseModel):
    content: Union[
        BetaTextEditorCodeExecutionToolResultError,
        BetaTextEditorCodeExecutionViewResultBlock,
        BetaTextEditorCodeExecutionCreateResultBlock,
        BetaTextEditorCodeExecutionStrReplaceResultBlock,
    ]
    tool_use_id: str
    type: Literal["text_editor_code_execution_tool_result"]


# --------------------------------------------------------------------------------------------------------------
# The union


BetaContentBlock: TypeAlias = Annotated[
    Union[
        BetaTextBlock,
        BetaThinkingBlock,
        BetaRedactedThinkingBlock,
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
    ],
    Field(discriminator="type"),
]
