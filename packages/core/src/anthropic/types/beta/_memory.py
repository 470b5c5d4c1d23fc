"""The commands Claude sends to the memory tool (`memory_20250818`), as the `input` of its `tool_use` block.

A tool implementation parses the input into `BetaMemoryTool20250818Command`, discriminated on `command`, and
dispatches on the model it gets back.
"""

from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from ..._models import BaseModel

__all__ = [
    "BetaMemoryTool20250818Command",
    "BetaMemoryTool20250818CreateCommand",
    "BetaMemoryTool20250818DeleteCommand",
    "BetaMemoryTool20250818InsertCommand",
    "BetaMemoryTool20250818RenameCommand",
    "BetaMemoryTool20250818StrReplaceCommand",
    "BetaMemoryTool20250818ViewCommand",
]


class BetaMemoryTool20250818ViewCommand(BaseModel):
    command: Literal["view"]
    path: str
    view_range: Optional[list[int]] = None


class BetaMemoryTool20250818CreateCommand(BaseModel):
    command: Literal["create"]
    file_text: str
    path: str


class BetaMemoryTool20250818StrReplaceCommand(BaseModel):
    command: Literal["str_replace"]
    new_str: str
    old_str: str
    path: str


class BetaMemoryTool20250818InsertCommand(BaseModel):
    command: Literal["insert"]
    insert_line: int
    insert_text: str
    path: str


class BetaMemoryTool20250818DeleteCommand(BaseModel):
    command: Literal["delete"]
    path: str


class BetaMemoryTool20250818RenameCommand(BaseModel):
    command: Literal["rename"]
    new_path: str
    old_path: str


BetaMemoryTool20250818Command: TypeAlias = Annotated[
    Union[
        BetaMemoryTool20250818ViewCommand,
        BetaMemoryTool20250818CreateCommand,
        BetaMemoryTool20250818StrReplaceCommand,
        BetaMemoryTool20250818InsertCommand,
        BetaMemoryTool20250818DeleteCommand,
        BetaMemoryTool20250818RenameCommand,
    ],
    Field(discriminator="command"),
]
