"""The memory tool: command validation and dispatch, and the local filesystem backend's six commands."""

from __future__ import annotations

import asyncio
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from anthropic.types.beta import (
    BetaMemoryTool20250818CreateCommand,
    BetaMemoryTool20250818DeleteCommand,
    BetaMemoryTool20250818InsertCommand,
    BetaMemoryTool20250818RenameCommand,
    BetaMemoryTool20250818StrReplaceCommand,
    BetaMemoryTool20250818ViewCommand,
)
from anthropic_plugin_tools import (
    BetaAbstractMemoryTool,
    BetaAsyncAbstractMemoryTool,
    BetaAsyncLocalFilesystemMemoryTool,
    BetaLocalFilesystemMemoryTool,
    ToolError,
)


class Recorder(BetaAbstractMemoryTool):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: list[object] = []

    def _record(self, command: object) -> str:
        self.seen.append(command)
        return type(command).__name__

    def view(self, command: BetaMemoryTool20250818ViewCommand) -> str:
        return self._record(command)

    def create(self, command: BetaMemoryTool20250818CreateCommand) -> str:
        return self._record(command)

    def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> str:
        return self._record(command)

    def insert(self, command: BetaMemoryTool20250818InsertCommand) -> str:
        return self._record(command)

    def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> str:
        return self._record(command)

    def rename(self, command: BetaMemoryTool20250818RenameCommand) -> str:
        return self._record(command)


COMMANDS: list[tuple[dict[str, Any], str]] = [
    ({"command": "view", "path": "/memories", "view_range": [1, 2]}, "BetaMemoryTool20250818ViewCommand"),
    ({"command": "create", "path": "/memories/a", "file_text": "x"}, "BetaMemoryTool20250818CreateCommand"),
    (
        {"command": "str_replace", "path": "/memories/a", "old_str": "x", "new_str": "y"},
        "BetaMemoryTool20250818StrReplaceCommand",
    ),
    (
        {"command": "insert", "path": "/memories/a", "insert_line": 0, "insert_text": "z"},
        "BetaMemoryTool20250818InsertCommand",
    ),
    ({"command": "delete", "path": "/memories/a"}, "BetaMemoryTool20250818DeleteCommand"),
    (
        {"command": "rename", "old_path": "/memories/a", "new_path": "/memories/b"},
        "BetaMemoryTool20250818RenameCommand",
    ),
]


@pytest.mark.parametrize(("input", "kind"), COMMANDS)
def test_abstract_tool_validates_and_dispatches(input: dict[str, Any], kind: str) -> None:
    tool = Recorder()
    assert tool.call(input) == kind
    assert type(tool.seen[0]).__name__ == kind


def test_to_dict_and_cache_control() -> None:
    assert Recorder().to_dict() == {"type": "memory_20250818", "name": "memory"}
    assert Recorder().name == "memory"
    assert Recorder(cache_control={"type": "ephemeral"}).to_dict() == {
        "type": "memory_20250818",
        "name": "memory",
        "cache_control": {"type": "ephemeral"},
    }


@pytest.mark.parametrize(
    ("input", "message"),
    [
        ({"command": "format_disk", "path": "/memories"}, "Unknown memory command 'format_disk'"),
        ({"path": "/memories"}, "Unknown memory command None"),
        ({"command": "create", "path": "/memories/a"}, "file_text: Field required"),
        ({"command": "insert", "path": "/memories/a", "insert_line": "two", "insert_text": "x"}, "insert_line"),
        ({"command": "view", "path": 7}, "path: Input should be a valid string"),
        ("view /memories", "must be an object"),
    ],
)
def test_invalid_commands_are_tool_errors_not_half_built_objects(input: object, message: str) -> None:
    tool = Recorder()
    with pytest.raises(ToolError, match=message):
        tool.call(input)
    assert tool.seen == []


def test_clear_all_memory_is_optional() -> None:
    with pytest.raises(NotImplementedError):
        Recorder().clear_all_memory()


def test_async_abstract_tool() -> None:
    class AsyncRecorder(BetaAsyncAbstractMemoryTool):
        async def view(self, command: BetaMemoryTool20250818ViewCommand) -> str:
            return f"viewed {command.path}"

        async def create(self, command: BetaMemoryTool20250818CreateCommand) -> str:
            return "created"

        async def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> str:
            return "replaced"

        async def insert(self, command: BetaMemoryTool20250818InsertCommand) -> str:
            return "inserted"

        async def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> str:
            return "deleted"

        async def rename(self, command: BetaMemoryTool20250818RenameCommand) -> str:
            return "renamed"

    tool = AsyncRecorder()
    assert tool.to_dict() == {"type": "memory_20250818", "name": "memory"}
    assert asyncio.run(tool.call({"command": "view", "path": "/memories"})) == "viewed /memories"
    assert asyncio.run(tool.call({"command": "delete", "path": "/memories/x"})) == "deleted"
    with pytest.raises(ToolError):
        asyncio.run(tool.call({"command": "nope"}))


# -- the local filesystem backend ---------------------------------------------------------------------------------


@pytest.fixture
def memory(tmp_path: Path) -> BetaLocalFilesystemMemoryTool:
    return BetaLocalFilesystemMemoryTool(tmp_path / "store")


def run(tool: BetaLocalFilesystemMemoryTool, **input: Any) -> str:
    result = tool.call(input)
    assert isinstance(result, str)
    return result


def test_layout_and_permissions(memory: BetaLocalFilesystemMemoryTool) -> None:
    assert memory.memory_root.is_dir()
    run(memory, command="create", path="/memories/notes/me.md", file_text="hi\n")
    file = memory.memory_root / "notes" / "me.md"
    assert file.read_text() == "hi\n"
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert stat.S_IMODE((memory.memory_root / "notes").stat().st_mode) == 0o700


def test_create_view_edit_cycle(memory: BetaLocalFilesystemMemoryTool) -> None:
    assert run(memory, command="create", path="/memories/a.md", file_text="one\ntwo\nthree\n") == (
        "File created successfully at: /memories/a.md"
    )
    assert run(memory, command="view", path="/memories/a.md") == (
        "Here's the content of /memories/a.md with line numbers:\n     1\tone\n     2\ttwo\n     3\tthree\n     4\t"
    )
    assert run(memory, command="view", path="/memories/a.md", view_range=[2, 3]) == (
        "Here's the content of /memories/a.md with line numbers:\n     2\ttwo\n     3\tthree"
    )
    assert run(memory, command="view", path="/memories/a.md", view_range=[3, -1]).endswith("     3\tthree\n     4\t")
    edited = run(memory, command="str_replace", path="/memories/a.md", old_str="two", new_str="TWO")
    assert edited.startswith("The memory file has been edited.")
    assert "     2\tTWO" in edited
    assert run(memory, command="insert", path="/memories/a.md", insert_line=1, insert_text="one and a half\n") == (
        "The file /memories/a.md has been edited."
    )
    assert (memory.memory_root / "a.md").read_text() == "one\none and a half\nTWO\nthree\n"
    assert run(memory, command="insert", path="/memories/a.md", insert_line=0, insert_text="top") == (
        "The file /memories/a.md has been edited."
    )
    assert (memory.memory_root / "a.md").read_text().startswith("top\none\n")


def test_directory_listing(memory: BetaLocalFilesystemMemoryTool) -> None:
    run(memory, command="create", path="/memories/a.md", file_text="x" * 10)
    run(memory, command="create", path="/memories/dir/b.md", file_text="y")
    run(memory, command="create", path="/memories/dir/deeper/c.md", file_text="z")
    (memory.memory_root / ".hidden").write_text("secret")
    listing = run(memory, command="view", path="/memories")
    lines = listing.splitlines()
    assert lines[0] == "Here're the files and directories up to 2 levels deep in /memories, excluding hidden items:"
    assert lines[1].endswith("\t/memories")
    assert "10B\t/memories/a.md" in lines
    assert "1B\t/memories/dir/b.md" in lines
    assert any(line.endswith("\t/memories/dir/deeper/") for line in lines)
    assert not any("c.md" in line for line in lines)  # three levels deep
    assert not any(".hidden" in line for line in lines)


def test_command_errors(memory: BetaLocalFilesystemMemoryTool) -> None:
    run(memory, command="create", path="/memories/a.md", file_text="dup dup\n")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"command": "view", "path": "/memories/missing"}, "does not exist"),
        ({"command": "create", "path": "/memories/a.md", "file_text": "x"}, "File /memories/a.md already exists"),
        ({"command": "create", "path": "/memories", "file_text": "x"}, "Cannot create /memories itself"),
        (
            {"command": "str_replace", "path": "/memories/a.md", "old_str": "dup", "new_str": "x"},
            "Multiple occurrences of old_str `dup` in lines: 1. Please",
        ),
        (
            {"command": "str_replace", "path": "/memories/a.md", "old_str": "nope", "new_str": "x"},
            "did not appear verbatim",
        ),
        ({"command": "str_replace", "path": "/memories/a.md", "old_str": "", "new_str": "x"}, "must not be empty"),
        ({"command": "str_replace", "path": "/memories", "old_str": "a", "new_str": "x"}, "is not a file"),
        (
            {"command": "insert", "path": "/memories/a.md", "insert_line": 5, "insert_text": "x"},
            r"within the range \[0, 1\]",
        ),
        ({"command": "view", "path": "/memories/a.md", "view_range": [0, 2]}, "Invalid view_range"),
        ({"command": "view", "path": "/memories/a.md", "view_range": [1]}, "view_range must be"),
        ({"command": "delete", "path": "/memories"}, "Cannot delete the /memories directory itself"),
        ({"command": "delete", "path": "/memories/missing"}, "does not exist"),
        ({"command": "rename", "old_path": "/memories/missing", "new_path": "/memories/b"}, "does not exist"),
        ({"command": "rename", "old_path": "/memories/a.md", "new_path": "/memories/a.md"}, "already exists"),
        ({"command": "rename", "old_path": "/memories", "new_path": "/memories/b"}, "Cannot rename"),
    ]
    for input, message in cases:
        with pytest.raises(ToolError, match=message):
            memory.call(input)
    assert (memory.memory_root / "a.md").read_text() == "dup dup\n"


def test_rename_and_delete(memory: BetaLocalFilesystemMemoryTool) -> None:
    run(memory, command="create", path="/memories/dir/a.md", file_text="a")
    assert run(memory, command="rename", old_path="/memories/dir", new_path="/memories/new/place") == (
        "Successfully renamed /memories/dir to /memories/new/place"
    )
    assert (memory.memory_root / "new" / "place" / "a.md").read_text() == "a"
    with pytest.raises(ToolError, match="inside itself"):
        memory.call({"command": "rename", "old_path": "/memories/new", "new_path": "/memories/new/place/x"})
    assert run(memory, command="delete", path="/memories/new/place/a.md") == (
        "Successfully deleted /memories/new/place/a.md"
    )
    assert run(memory, command="delete", path="/memories/new") == "Successfully deleted /memories/new"
    assert list(memory.memory_root.iterdir()) == []


def test_clear_all_memory(memory: BetaLocalFilesystemMemoryTool) -> None:
    run(memory, command="create", path="/memories/a/b.md", file_text="a")
    run(memory, command="create", path="/memories/c.md", file_text="c")
    assert memory.clear_all_memory() == "All memory cleared"
    assert memory.memory_root.is_dir()
    assert list(memory.memory_root.iterdir()) == []


def test_non_utf8_file_is_a_clear_error(memory: BetaLocalFilesystemMemoryTool) -> None:
    (memory.memory_root / "bin").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ToolError, match="not UTF-8 text"):
        memory.call({"command": "view", "path": "/memories/bin"})


def test_async_filesystem_tool(tmp_path: Path) -> None:
    tool = BetaAsyncLocalFilesystemMemoryTool(tmp_path, max_file_bytes=100)

    async def scenario() -> list[object]:
        return [
            await tool.call({"command": "create", "path": "/memories/x.md", "file_text": "hello"}),
            await tool.call({"command": "str_replace", "path": "/memories/x.md", "old_str": "hello", "new_str": "bye"}),
            await tool.call({"command": "view", "path": "/memories/x.md"}),
            await tool.clear_all_memory(),
        ]

    results = asyncio.run(scenario())
    assert results[0] == "File created successfully at: /memories/x.md"
    assert results[2] == "Here's the content of /memories/x.md with line numbers:\n     1\tbye"
    assert results[3] == "All memory cleared"
    with pytest.raises(ToolError, match="over this memory tool's limit of 100 bytes"):
        asyncio.run(tool.call({"command": "create", "path": "/memories/big", "file_text": "x" * 101}))
