"""Official import path `anthropic.types.web_search_tool_result_block`; the definitions live in `anthropic.types._content`."""

from ._content import WebSearchToolResultBlock as WebSearchToolResultBlock

__all__ = ["WebSearchToolResultBlock"]
