"""`ToolError`: how a tool says "this call failed, tell the model why" without a traceback in the conversation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from anthropic.types.beta.beta_tool_result_block_param import Content

__all__ = ["ToolError"]


class ToolError(Exception):
    """Raise from a tool to send an `is_error` tool_result whose content is exactly this message (or blocks).

    Any other exception also becomes an `is_error` result, but with `repr(exc)` as its text (as 0.74.0 does).
    """

    def __init__(self, content: Union[str, Iterable[Content]]) -> None:
        self.content: Union[str, list[Content]] = content if isinstance(content, str) else list(content)
        super().__init__(content if isinstance(content, str) else "tool error")

    def __str__(self) -> str:
        if isinstance(self.content, str):
            return self.content
        texts = [str(block.get("text", "")) for block in self.content if block.get("type") == "text"]
        return "\n".join(t for t in texts if t) or "tool error"
