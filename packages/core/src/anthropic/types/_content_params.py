"""Request-side content blocks (what goes into `MessageParam.content`), with their sources and citations.

Pure typing: TypedDicts only, so building a request never imports a pydantic model module.

The param modules deliberately do not use `from __future__ import annotations`: with string annotations
`TypedDict.__required_keys__` cannot see `Required[...]` at run time, and code that checks required keys (request
builders, tests) would be misled.
"""

from typing import Dict, Iterable, Literal, Optional, Union

from typing_extensions import Required, TypeAlias, TypedDict

from ._common import Base64FileInput

__all__ = [
    "Base64ImageSourceParam",
    "Base64PDFSourceParam",
    "CacheControlEphemeralParam",
    "CitationCharLocationParam",
    "CitationContentBlockLocationParam",
    "CitationPageLocationParam",
    "CitationSearchResultLocationParam",
    "CitationWebSearchResultLocationParam",
    "CitationsConfigParam",
    "ContentBlockParam",
    "ContentBlockSourceContentParam",
    "ContentBlockSourceParam",
    "DocumentBlockParam",
    "DocumentSource",
    "ImageBlockParam",
    "ImageSource",
    "PlainTextSourceParam",
    "RedactedThinkingBlockParam",
    "SearchResultBlockParam",
    "ServerToolUseBlockParam",
    "TextBlockParam",
    "TextCitationParam",
    "ThinkingBlockParam",
    "ToolResultBlockParam",
    "ToolResultContent",
    "ToolUseBlockParam",
    "URLImageSourceParam",
    "URLPDFSourceParam",
    "WebSearchResultBlockParam",
    "WebSearchToolRequestErrorParam",
    "WebSearchToolResultBlockParam",
    "WebSearchToolResultBlockParamContentParam",
]


class CacheControlEphemeralParam(TypedDict, total=False):
    """Marks a prompt-cache breakpoint; `ttl` defaults to 5 minutes on the server."""

    type: Required[Literal["ephemeral"]]
    ttl: Literal["5m", "1h"]


class CitationsConfigParam(TypedDict, total=False):
    enabled: bool


# --------------------------------------------------------------------------------------------------------------
# Citations sent back to the API (e.g. replaying an assistant turn)


class CitationCharLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_char_index: Required[int]
    start_char_index: Required[int]
    type: Required[Literal["char_location"]]


class CitationPageLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_page_number: Required[int]
    start_page_number: Required[int]
    type: Required[Literal["page_location"]]


class CitationContentBlockLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    end_block_index: Required[int]
    start_block_index: Required[int]
    type: Required[Literal["content_block_location"]]


class CitationWebSearchResultLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    encrypted_index: Required[str]
    title: Required[Optional[str]]
    type: Required[Literal["web_search_result_location"]]
    url: Required[str]


class CitationSearchResultLocationParam(TypedDict, total=False):
    cited_text: Required[str]
    end_block_index: Required[int]
    search_result_index: Required[int]
    source: Required[str]
    start_block_index: Required[int]
    title: Required[Optional[str]]
    type: Required[Literal["search_result_location"]]


TextCitationParam: TypeAlias = Union[
    CitationCharLocationParam,
    CitationPageLocationParam,
    CitationContentBlockLocationParam,
    CitationWebSearchResultLocationParam,
    CitationSearchResultLocationParam,
]

# --------------------------------------------------------------------------------------------------------------
# Text, images, documents


class TextBlockParam(TypedDict, total=False):
    text: Required[str]
    type: Required[Literal["text"]]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: Optional[Iterable[TextCitationParam]]


class Base64ImageSourceParam(TypedDict, total=False):
    """`data` is base64 text, or a file the request encoder reads and encodes."""

    data: Required[Union[str, Base64FileInput]]
    media_type: Required[Literal["image/jpeg", "image/png", "image/gif", "image/webp"]]
    type: Required[Literal["base64"]]


class URLImageSourceParam(TypedDict, total=False):
    type: Required[Literal["url"]]
    url: Required[str]


ImageSource: TypeAlias = Union[Base64ImageSourceParam, URLImageSourceParam]


class ImageBlockParam(TypedDict, total=False):
    source: Required[ImageSource]
    type: Required[Literal["image"]]
    cache_control: Optional[CacheControlEphemeralParam]


class Base64PDFSourceParam(TypedDict, total=False):
    """`data` is base64 text, or a file the request encoder reads and encodes."""

    data: Required[Union[str, Base64FileInput]]
    media_type: Required[Literal["application/pdf"]]
    type: Required[Literal["base64"]]


class PlainTextSourceParam(TypedDict, total=False):
    data: Required[str]
    media_type: Required[Literal["text/plain"]]
    type: Required[Literal["text"]]


class URLPDFSourceParam(TypedDict, total=False):
    type: Required[Literal["url"]]
    url: Required[str]


ContentBlockSourceContentParam: TypeAlias = Union[TextBlockParam, ImageBlockParam]


class ContentBlockSourceParam(TypedDict, total=False):
    """A document made of content blocks (each block is citable on its own)."""

    content: Required[Union[str, Iterable[ContentBlockSourceContentParam]]]
    type: Required[Literal["content"]]


DocumentSource: TypeAlias = Union[
    Base64PDFSourceParam, PlainTextSourceParam, ContentBlockSourceParam, URLPDFSourceParam
]


class DocumentBlockParam(TypedDict, total=False):
    source: Required[DocumentSource]
    type: Required[Literal["document"]]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: Optional[CitationsConfigParam]
    context: Optional[str]
    title: Optional[str]


class SearchResultBlockParam(TypedDict, total=False):
    content: Required[Iterable[TextBlockParam]]
    source: Required[str]
    title: Required[str]
    type: Required[Literal["search_result"]]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: CitationsConfigParam


# --------------------------------------------------------------------------------------------------------------
# Thinking, tool calls and their results (sent back when continuing a conversation)


class ThinkingBlockParam(TypedDict, total=False):
    signature: Required[str]
    thinking: Required[str]
    type: Required[Literal["thinking"]]


class RedactedThinkingBlockParam(TypedDict, total=False):
    data: Required[str]
    type: Required[Literal["redacted_thinking"]]


class ToolUseBlockParam(TypedDict, total=False):
    id: Required[str]
    input: Required[Dict[str, object]]
    name: Required[str]
    type: Required[Literal["tool_use"]]
    cache_control: Optional[CacheControlEphemeralParam]


ToolResultContent: TypeAlias = Union[TextBlockParam, ImageBlockParam, SearchResultBlockParam, DocumentBlockParam]


class ToolResultBlockParam(TypedDict, total=False):
    tool_use_id: Required[str]
    type: Required[Literal["tool_result"]]
    cache_control: Optional[CacheControlEphemeralParam]
    content: Union[str, Iterable[ToolResultContent]]
    is_error: bool


class ServerToolUseBlockParam(TypedDict, total=False):
    id: Required[str]
    input: Required[Dict[str, object]]
    name: Required[Literal["web_search"]]
    type: Required[Literal["server_tool_use"]]
    cache_control: Optional[CacheControlEphemeralParam]


class WebSearchResultBlockParam(TypedDict, total=False):
    encrypted_content: Required[str]
    title: Required[str]
    type: Required[Literal["web_search_result"]]
    url: Required[str]
    page_age: Optional[str]


class WebSearchToolRequestErrorParam(TypedDict, total=False):
    error_code: Required[
        Literal["invalid_tool_input", "unavailable", "max_uses_exceeded", "too_many_requests", "query_too_long"]
    ]
    type: Required[Literal["web_search_tool_result_error"]]


WebSearchToolResultBlockParamContentParam: TypeAlias = Union[
    Iterable[WebSearchResultBlockParam], WebSearchToolRequestErrorParam
]


class WebSearchToolResultBlockParam(TypedDict, total=False):
    content: Required[WebSearchToolResultBlockParamContentParam]
    tool_use_id: Required[str]
    type: Required[Literal["web_search_tool_result"]]
    cache_control: Optional[CacheControlEphemeralParam]


ContentBlockParam: TypeAlias = Union[
    TextBlockParam,
    ImageBlockParam,
    DocumentBlockParam,
    SearchResultBlockParam,
    ThinkingBlockParam,
    RedactedThinkingBlockParam,
    ToolUseBlockParam,
    ToolResultBlockParam,
    ServerToolUseBlockParam,
    WebSearchToolResultBlockParam,
]
"""Any block a request message may contain."""
