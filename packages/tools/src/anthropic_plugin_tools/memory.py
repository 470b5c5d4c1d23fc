"""The memory tool (`memory_20250818`): abstract sync and async backends with the six commands.

Claude sends commands as the `tool_use` input; `call` validates that input into the typed command models (a bad
command becomes a clear `ToolError` for the model, never a half-built object) and `execute` dispatches to the
method of the same name. Subclass and implement `view`, `create`, `str_replace`, `insert`, `delete` and `rename`;
reuse `normalize_memory_path` / `resolve_memory_path` to check paths. `BetaLocalFilesystemMemoryTool` is a
ready-made backend in one directory.
"""

from __future__ import annotations

from abc import abstractmethod
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import pydantic
from typing_extensions import override

from .errors import ToolError
from .functions import BetaAsyncBuiltinFunctionTool, BetaBuiltinFunctionTool, BetaFunctionToolResultType

if TYPE_CHECKING:
    from anthropic.types.beta import (
        BetaCacheControlEphemeralParam,
        BetaMemoryTool20250818Command,
        BetaMemoryTool20250818CreateCommand,
        BetaMemoryTool20250818DeleteCommand,
        BetaMemoryTool20250818InsertCommand,
        BetaMemoryTool20250818Param,
        BetaMemoryTool20250818RenameCommand,
        BetaMemoryTool20250818StrReplaceCommand,
        BetaMemoryTool20250818ViewCommand,
    )

__all__ = ["MEMORY_COMMANDS", "BetaAbstractMemoryTool", "BetaAsyncAbstractMemoryTool", "parse_memory_command"]

MEMORY_COMMANDS = ("view", "create", "str_replace", "insert", "delete", "rename")


@lru_cache(maxsize=1)
def _command_adapter() -> pydantic.TypeAdapter[Any]:
    from anthropic.types.beta import BetaMemoryTool20250818Command

    return pydantic.TypeAdapter(BetaMemoryTool20250818Command)


def parse_memory_command(input: object) -> BetaMemoryTool20250818Command:
    """Validate a `tool_use` input into a memory command model, or raise a `ToolError` saying what is wrong."""
    if not isinstance(input, dict):
        raise ToolError(f"The memory tool input must be an object, got {type(input).__name__}")
    command = cast(dict[str, Any], input).get("command")
    if command not in MEMORY_COMMANDS:
        raise ToolError(f"Unknown memory command {command!r}; expected one of: {', '.join(MEMORY_COMMANDS)}")
    try:
        return _command_adapter().validate_python(input)
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or 'input'}: {err['msg']}"
            for err in exc.errors(include_url=False)
        )
        raise ToolError(f"Invalid {command} command for the memory tool: {problems}") from exc


def _memory_param(cache_control: BetaCacheControlEphemeralParam | None) -> BetaMemoryTool20250818Param:
    param: BetaMemoryTool20250818Param = {"type": "memory_20250818", "name": "memory"}
    if cache_control is not None:
        param["cache_control"] = cache_control
    return param


class BetaAbstractMemoryTool(BetaBuiltinFunctionTool):
    """Base class of synchronous memory backends (files, a database, encrypted storage...)."""

    def __init__(self, *, cache_control: BetaCacheControlEphemeralParam | None = None) -> None:
        super().__init__()
        self._cache_control = cache_control

    @override
    def to_dict(self) -> BetaMemoryTool20250818Param:
        return _memory_param(self._cache_control)

    @override
    def call(self, input: object) -> BetaFunctionToolResultType:
        return self.execute(parse_memory_command(input))

    def execute(self, command: BetaMemoryTool20250818Command) -> BetaFunctionToolResultType:
        """Run one (already validated) command by dispatching on `command.command`."""
        if command.command == "view":
            return self.view(command)
        if command.command == "create":
            return self.create(command)
        if command.command == "str_replace":
            return self.str_replace(command)
        if command.command == "insert":
            return self.insert(command)
        if command.command == "delete":
            return self.delete(command)
        if command.command == "rename":
            return self.rename(command)
        raise NotImplementedError(f"Unknown memory command: {cast(Any, command).command}")

    @abstractmethod
    def view(self, command: BetaMemoryTool20250818ViewCommand) -> BetaFunctionToolResultType:
        """Show a directory listing or a file's numbered lines."""

    @abstractmethod
    def create(self, command: BetaMemoryTool20250818CreateCommand) -> BetaFunctionToolResultType:
        """Create a file with `file_text`."""

    @abstractmethod
    def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> BetaFunctionToolResultType:
        """Replace the single occurrence of `old_str` by `new_str`."""

    @abstractmethod
    def insert(self, command: BetaMemoryTool20250818InsertCommand) -> BetaFunctionToolResultType:
        """Insert `insert_text` after line `insert_line` (0 = at the top)."""

    @abstractmethod
    def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> BetaFunctionToolResultType:
        """Delete a file or a directory tree."""

    @abstractmethod
    def rename(self, command: BetaMemoryTool20250818RenameCommand) -> BetaFunctionToolResultType:
        """Move a file or directory from `old_path` to `new_path`."""

    def clear_all_memory(self) -> BetaFunctionToolResultType:
        """Erase everything (for the application, not a command Claude sends)."""
        raise NotImplementedError("clear_all_memory not implemented")


class BetaAsyncAbstractMemoryTool(BetaAsyncBuiltinFunctionTool):
    """Base class of async memory backends; same commands as `BetaAbstractMemoryTool`, as coroutines."""

    def __init__(self, *, cache_control: BetaCacheControlEphemeralParam | None = None) -> None:
        super().__init__()
        self._cache_control = cache_control

    @override
    def to_dict(self) -> BetaMemoryTool20250818Param:
        return _memory_param(self._cache_control)

    @override
    async def call(self, input: object) -> BetaFunctionToolResultType:
        return await self.execute(parse_memory_command(input))

    async def execute(self, command: BetaMemoryTool20250818Command) -> BetaFunctionToolResultType:
        """Run one (already validated) command by dispatching on `command.command`."""
        if command.command == "view":
            return await self.view(command)
        if command.command == "create":
            return await self.create(command)
        if command.command == "str_replace":
            return await self.str_replace(command)
        if command.command == "insert":
            return await self.insert(command)
        if command.command == "delete":
            return await self.delete(command)
        if command.command == "rename":
            return await self.rename(command)
        raise NotImplementedError(f"Unknown memory command: {cast(Any, command).command}")

    @abstractmethod
    async def view(self, command: BetaMemoryTool20250818ViewCommand) -> BetaFunctionToolResultType: ...

    @abstractmethod
    async def create(self, command: BetaMemoryTool20250818CreateCommand) -> BetaFunctionToolResultType: ...

    @abstractmethod
    async def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> BetaFunctionToolResultType: ...

    @abstractmethod
    async def insert(self, command: BetaMemoryTool20250818InsertCommand) -> BetaFunctionToolResultType: ...

    @abstractmethod
    async def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> BetaFunctionToolResultType: ...

    @abstractmethod
    async def rename(self, command: BetaMemoryTool20250818RenameCommand) -> BetaFunctionToolResultType: ...

    async def clear_all_memory(self) -> BetaFunctionToolResultType:
        """Erase everything (for the application, not a command Claude sends)."""
        raise NotImplementedError("clear_all_memory not implemented")
