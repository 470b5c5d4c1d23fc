"""Structured-output results: a beta message whose text blocks also carry the parsed output.

`parsed_output` lives next to the API fields but is not part of the API: `__api_exclude__` names it so that request
serialisation leaves it out when a parsed message is sent back in a conversation.

Unlike the official 0.74.0 union, `ParsedBetaContentBlock` includes `BetaWebFetchToolResultBlock`, so a parsed message
with a web fetch result validates instead of failing on an unknown tag.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, Optional, Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias, TypeVar

from ._content import (
    BetaBashCodeExecutionToolResultBlock,
    BetaCodeExecutionToolResultBlock,
    BetaContainerUploadBlock,
    BetaMCPToolResultBlock,
    BetaMCPToolUseBlock,
    BetaRedactedThinkingBlock,
    BetaServerToolUseBlock,
    BetaTextBlock,
    BetaTextEditorCodeExecutionToolResultBlock,
    BetaThinkingBlock,
    BetaToolUseBlock,
    BetaWebFetchToolResultBlock,
    BetaWebSearchToolResultBlock,
)
from ._message import BetaMessage

__all__ = ["ParsedBetaContentBlock", "ParsedBetaMessage", "ParsedBetaTextBlock", "ResponseFormatT"]

if TYPE_CHECKING:
    ResponseFormatT = TypeVar("ResponseFormatT", default=None)
else:
    # No default at run time: an unparametrised `ParsedBetaTextBlock` must accept any parsed value, and pydantic
    # would otherwise validate `parsed_output` against the default (None).
    ResponseFormatT = TypeVar("ResponseFormatT")


class ParsedBetaTextBlock(BetaTextBlock, Generic[ResponseFormatT]):
    parsed_output: Optional[ResponseFormatT] = None

    __api_exclude__: ClassVar[set[str]] = {"parsed_output"}


ParsedBetaContentBlock: TypeAlias = Annotated[
    Union[
        ParsedBetaTextBlock[ResponseFormatT],
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


class ParsedBetaMessage(BetaMessage, Generic[ResponseFormatT]):
    if TYPE_CHECKING:
        content: list[ParsedBetaContentBlock[ResponseFormatT]]  # pyright: ignore[reportIncompatibleVariableOverride]
    else:
        # A union holding a parametrised pydantic model cannot be re-parametrised at run time; text blocks are
        # validated as `ParsedBetaTextBlock` with an unconstrained `parsed_output`.
        content: list[ParsedBetaContentBlock]

    @property
    def parsed_output(self) -> Optional[ResponseFormatT]:
        """The parsed output of the first text block that has one."""
        for block in self.content:
            if block.type == "text" and block.parsed_output:
                return block.parsed_output
        return None
