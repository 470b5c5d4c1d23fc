"""Content blocks of a response message, and the citations inside text blocks.

Unions are discriminated on `type`, so pydantic-core picks the variant in one lookup. A block type this version
does not know fails validation and the whole response is then built leniently (see `anthropic._models`).
"""

from __future__ import annotations

from typing import Dict, List, Literal, Optional, Union

import pydantic
from typing_extensions import Annotated, TypeAlias

from .._models import BaseModel

__all__ = [
    "CitationCharLocation",
    "CitationContentBlockLocation",
    "CitationPageLocation",
    "CitationsSearchResultLocation",
    "CitationsWebSearchResultLocation",
    "ContentBlock",
    "RedactedThinkingBlock",
    "ServerToolUseBlock",
    "TextBlock",
    "TextCitation",
    "ThinkingBlock",
    "ToolUseBlock",
    "WebSearchResultBlock",
    "WebSearchToolResultBlock",
    "WebSearchToolResultBlockContent",
    "WebSearchToolResultError",
]

# --------------------------------------------------------------------------------------------------------------
# Citations


class CitationCharLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_char_index: int
    file_id: Optional[str] = None
    start_char_index: int
    type: Literal["char_location"]


class CitationPageLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_page_number: int
    file_id: Optional[str] = None
    start_page_number: int
    type: Literal["page_location"]


class CitationContentBlockLocation(BaseModel):
    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_block_index: int
    file_id: Optional[str] = None
    start_block_index: int
    type: Literal["content_block_location"]


class CitationsWebSearchResultLocation(BaseModel):
    cited_text: str
    encrypted_index: str
    title: Optional[str] = None
    type: Literal["web_search_result_location"]
    url: str


class CitationsSearchResultLocation(BaseModel):
    cited_text: str
    end_block_index: int
    search_result_index: int
    source: str
    start_block_index: int
    title: Optional[str] = None
    type: Literal["search_result_location"]


TextCitation: TypeAlias = Annotated[
    Union[
        CitationCharLocation,
        CitationPageLocation,
        CitationContentBlockLocation,
        CitationsWebSearchResultLocation,
        CitationsSearchResultLocation,
    ],
    pydantic.Field(discriminator="type"),
]

# --------------------------------------------------------------------------------------------------------------
# Blocks


class TextBlock(BaseModel):
    citations: Optional[List[TextCitation]] = None
    text: str
    type: Literal["text"]


class ThinkingBlock(BaseModel):
    signature: str
    thinking: str
    type: Literal["thinking"]


class RedactedThinkingBlock(BaseModel):
    data: str
    type: Literal["redacted_thinking"]


class ToolUseBlock(BaseModel):
    id: str
    input: Dict[str, object]
    name: str
    type: Literal["tool_use"]


class ServerToolUseBlock(BaseModel):
    """A call to a tool the API runs itself (web search)."""

    id: str
    input: Dict[str, object]
    name: Literal["web_search"]
    type: Literal["server_tool_use"]


class WebSearchResultBlock(BaseModel):
    encrypted_content: str
    page_age: Optional[str] = None
    title: str
    type: Literal["web_search_result"]
    url: str


class WebSearchToolResultError(BaseModel):
    error_code: Literal["invalid_tool_input", "unavailable", "max_uses_exceeded", "too_many_requests", "query_too_long"]
    type: Literal["web_search_tool_result_error"]


# Either the search failed (an error object) or it produced a list of results.
WebSearchToolResultBlockContent: TypeAlias = Union[WebSearchToolResultError, List[WebSearchResultBlock]]


class WebSearchToolResultBlock(BaseModel):
    content: WebSearchToolResultBlockContent
    tool_use_id: str
    type: Literal["web_search_tool_result"]


ContentBlock: TypeAlias = Annotated[
    Union[
        TextBlock,
        ThinkingBlock,
        RedactedThinkingBlock,
        ToolUseBlock,
        ServerToolUseBlock,
        WebSearchToolResultBlock,
    ],
    pydantic.Field(discriminator="type"),
]
"""Any block of `Message.content`."""
