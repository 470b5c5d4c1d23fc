"""`BetaLocalFilesystemMemoryTool`: memory files kept in one directory, safe against hostile paths, races and crashes.

Layout: `<base_path>/memories` plays `/memories`. Every command path is first checked by `resolve_memory_path` (no
absolute paths, `..`, NUL bytes, percent-encoding, backslashes, or symlinks leading outside); the checked components
are then walked from a descriptor of the root, each opened with O_NOFOLLOW, and every read, write, rename, unlink
and listing is relative to a directory descriptor (`_memory_dirfd`), so a directory swapped for a symlink after the
check cannot send the command outside the root. Files are written to a hidden temporary file in the same
directory, flushed to disk and renamed over the target, so a crash leaves either the old or the new content;
`create` links the temporary file into place so it never overwrites a file created concurrently. Writes to one
root are serialised (thread lock + `flock`), so concurrent edits never lose each other's changes. Files and inputs
larger than `max_file_bytes` are refused. Directories are created 0o700 and files 0o600 (memory often holds
personal data).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Generator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from typing_extensions import ParamSpec, override

from ._memory_dirfd import (
    DIR_MODE,
    SUPPORTED,
    LinkInTheWay,
    entry_info,
    open_dir,
    open_entry,
    open_root,
    opened,
    remove_entry,
    walk,
    write_atomic_at,
    write_lock,
)
from ._memory_dirfd import (
    TEMP_PREFIX as TEMP_PREFIX,  # re-exported: tests and tools look for leftover temp files by it
)
from .errors import ToolError
from .memory import BetaAbstractMemoryTool, BetaAsyncAbstractMemoryTool
from .memory_paths import MEMORY_PREFIX, MemoryPathError, resolve_memory_path

if TYPE_CHECKING:
    from anthropic.types.beta import (
        BetaCacheControlEphemeralParam,
        BetaMemoryTool20250818CreateCommand,
        BetaMemoryTool20250818DeleteCommand,
        BetaMemoryTool20250818InsertCommand,
        BetaMemoryTool20250818RenameCommand,
        BetaMemoryTool20250818StrReplaceCommand,
        BetaMemoryTool20250818ViewCommand,
    )

__all__ = ["DEFAULT_MAX_FILE_BYTES", "BetaAsyncLocalFilesystemMemoryTool", "BetaLocalFilesystemMemoryTool"]

DEFAULT_MAX_FILE_BYTES = 1024 * 1024
MAX_LINES = 999_999
_NUMBER_WIDTH = len(str(MAX_LINES))
_UNSUPPORTED = (
    "BetaLocalFilesystemMemoryTool needs directory file descriptors (os.supports_dir_fd, O_NOFOLLOW, O_DIRECTORY) "
    "to keep every command inside its root while the tree changes; this platform does not offer them. Subclass "
    "BetaAbstractMemoryTool to keep memories elsewhere."
)

_P = ParamSpec("_P")
_T = TypeVar("_T")
_Parts = tuple[str, ...]


class BetaLocalFilesystemMemoryTool(BetaAbstractMemoryTool):
    """The memory tool backed by files under `<base_path>/memories`."""

    def __init__(
        self,
        base_path: str | os.PathLike[str] = "./memory",
        *,
        cache_control: BetaCacheControlEphemeralParam | None = None,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    ) -> None:
        super().__init__(cache_control=cache_control)
        if max_file_bytes < 1:
            raise ValueError("max_file_bytes must be a positive number of bytes")
        if not SUPPORTED:
            raise NotImplementedError(_UNSUPPORTED)
        self.base_path = Path(base_path)
        self.memory_root = self.base_path / "memories"
        self.max_file_bytes = max_file_bytes
        self.memory_root.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)

    def resolve(self, path: str) -> Path:
        """The real file system path of a memory path (see `resolve_memory_path`)."""
        return resolve_memory_path(self.memory_root, path)

    # -- commands ---------------------------------------------------------------------------------------------

    @override
    def view(self, command: BetaMemoryTool20250818ViewCommand) -> str:
        parts = self._parts(command.path)
        with _os_errors("view", command.path), self._root() as root:
            fd = _open_target(root, parts, command.path)
            with opened(fd):
                info = os.fstat(fd)
                if stat.S_ISDIR(info.st_mode):
                    return _listing(fd, command.path)
                if not stat.S_ISREG(info.st_mode):
                    raise ToolError(f"Unsupported file type for {command.path}")
                text = self._read_fd(fd, command.path)
        lines = text.split("\n")
        if len(lines) > MAX_LINES:
            raise ToolError(f"File {command.path} exceeds maximum line limit of 999,999 lines.")
        first = 1
        if command.view_range is not None:
            first, lines = _select_range(lines, command.view_range, command.path)
        numbered = "\n".join(f"{number:>{_NUMBER_WIDTH}}\t{line}" for number, line in enumerate(lines, first))
        return f"Here's the content of {command.path} with line numbers:\n{numbered}"

    @override
    def create(self, command: BetaMemoryTool20250818CreateCommand) -> str:
        parts = self._parts(command.path)
        if not parts:
            raise ToolError(f"Cannot create {MEMORY_PREFIX} itself; give a file path such as /memories/notes.md")
        data = self._encode(command.file_text, command.path)
        with _os_errors("create", command.path), self._writing() as root, ExitStack() as stack:
            parent = stack.enter_context(opened(walk(root, parts[:-1], create=True)))
            info = entry_info(parent, parts[-1])
            if info is not None and stat.S_ISDIR(info.st_mode):
                raise ToolError(f"The path {command.path} is a directory")
            try:
                write_atomic_at(parent, parts[-1], data, exclusive=True)
            except FileExistsError:
                raise ToolError(f"File {command.path} already exists") from None
        return f"File created successfully at: {command.path}"

    @override
    def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> str:
        parts = self._parts(command.path)
        old, new = command.old_str, command.new_str
        if not old:
            raise ToolError("old_str must not be empty")

        def replace(text: str) -> str:
            count = text.count(old)
            if count == 0:
                raise ToolError(
                    f"No replacement was performed, old_str `{old}` did not appear verbatim in {command.path}."
                )
            if count > 1:
                lines = _occurrence_lines(text, old)
                raise ToolError(
                    f"No replacement was performed. Multiple occurrences of old_str `{old}` in lines: "
                    f"{', '.join(map(str, lines))}. Please ensure it is unique"
                )
            at = text.index(old)
            return text[:at] + new + text[at + len(old) :]

        text, updated = self._edit(parts, command.path, replace)
        changed = text.count("\n", 0, text.index(old))
        all_lines = updated.split("\n")
        start, stop = max(0, changed - 2), min(len(all_lines), changed + 3 + new.count("\n"))
        snippet = "\n".join(f"{n + 1:>{_NUMBER_WIDTH}}\t{all_lines[n]}" for n in range(start, stop))
        return (
            f"The memory file has been edited. Here is the snippet showing the change (with line numbers):\n{snippet}"
        )

    @override
    def insert(self, command: BetaMemoryTool20250818InsertCommand) -> str:
        parts = self._parts(command.path)

        def insert(text: str) -> str:
            body = text[:-1] if text.endswith("\n") else text
            lines = body.split("\n") if body else []
            if not 0 <= command.insert_line <= len(lines):
                raise ToolError(
                    f"Invalid `insert_line` parameter: {command.insert_line}. "
                    f"It should be within the range [0, {len(lines)}]."
                )
            lines.insert(command.insert_line, command.insert_text.rstrip("\n"))
            return "\n".join(lines) + "\n"

        self._edit(parts, command.path, insert)
        return f"The file {command.path} has been edited."

    @override
    def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> str:
        parts = self._parts(command.path)
        if not parts:
            raise ToolError(f"Cannot delete the {MEMORY_PREFIX} directory itself")
        with _os_errors("delete", command.path), self._writing() as root, ExitStack() as stack:
            parent = _optional_dir(root, parts[:-1], stack)
            if parent is None or entry_info(parent, parts[-1]) is None:
                raise ToolError(f"The path {command.path} does not exist")
            remove_entry(parent, parts[-1])
        return f"Successfully deleted {command.path}"

    @override
    def rename(self, command: BetaMemoryTool20250818RenameCommand) -> str:
        source = self._parts(command.old_path)
        destination = self._parts(command.new_path)
        if not source or not destination:
            raise ToolError(f"Cannot rename the {MEMORY_PREFIX} directory itself")
        with _os_errors("rename", command.old_path), self._writing() as root, ExitStack() as stack:
            source_parent = _optional_dir(root, source[:-1], stack)
            if source_parent is None or entry_info(source_parent, source[-1]) is None:
                raise ToolError(f"The path {command.old_path} does not exist")
            target_parent = _optional_dir(root, destination[:-1], stack)
            if target_parent is not None and entry_info(target_parent, destination[-1]) is not None:
                raise ToolError(f"The destination {command.new_path} already exists")
            if destination[: len(source)] == source:
                raise ToolError(f"Cannot move {command.old_path} inside itself")
            if target_parent is None:
                target_parent = stack.enter_context(opened(walk(root, destination[:-1], create=True)))
            os.rename(source[-1], destination[-1], src_dir_fd=source_parent, dst_dir_fd=target_parent)
        return f"Successfully renamed {command.old_path} to {command.new_path}"

    @override
    def clear_all_memory(self) -> str:
        with _os_errors("clear", MEMORY_PREFIX), self._writing() as root:
            with os.scandir(root) as entries:
                names = [entry.name for entry in entries]
            for name in names:
                with suppress(FileNotFoundError):  # removed meanwhile: just as good
                    remove_entry(root, name)
        return "All memory cleared"

    # -- helpers ----------------------------------------------------------------------------------------------

    def _real_root(self) -> Path:
        return self.memory_root.resolve()

    def _parts(self, path: str) -> _Parts:
        """The checked path's components below the root (symlinks that stay inside the root already resolved)."""
        return self.resolve(path).relative_to(self._real_root()).parts

    @contextmanager
    def _root(self) -> Generator[int, None, None]:
        with opened(open_root(self._real_root())) as fd:
            yield fd

    @contextmanager
    def _writing(self) -> Generator[int, None, None]:
        with self._root() as root, write_lock(root):
            yield root

    def _edit(self, parts: _Parts, shown: str, change: Callable[[str], str]) -> tuple[str, str]:
        """Read-modify-write one file under the root's write lock; returns the old and the new text."""
        with _os_errors("edit", shown), self._writing() as root:
            if not parts:
                raise ToolError(f"The path {shown} is not a file.")
            with opened(_walk_existing(root, parts[:-1], shown)) as parent:
                with opened(_open_existing(parent, parts[-1], shown)) as fd:
                    if not stat.S_ISREG(os.fstat(fd).st_mode):
                        raise ToolError(f"The path {shown} is not a file.")
                    text = self._read_fd(fd, shown)
                updated = change(text)
                write_atomic_at(parent, parts[-1], self._encode(updated, shown), exclusive=False)
        return text, updated

    def _encode(self, text: str, shown: str) -> bytes:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise ToolError(f"The content for {shown} is not valid Unicode text") from None
        if len(data) > self.max_file_bytes:
            raise ToolError(
                f"The content for {shown} is {len(data)} bytes, over this memory tool's limit of "
                f"{self.max_file_bytes} bytes per file"
            )
        return data

    def _read_fd(self, fd: int, shown: str) -> str:
        """Read an open regular file within the size limit (a large planted file is never read whole)."""
        chunks: list[bytes] = []
        remaining = self.max_file_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > self.max_file_bytes:
            raise ToolError(f"The file {shown} is larger than this memory tool's limit of {self.max_file_bytes} bytes")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise ToolError(f"The file {shown} is not UTF-8 text") from None


class BetaAsyncLocalFilesystemMemoryTool(BetaAsyncAbstractMemoryTool):
    """`BetaLocalFilesystemMemoryTool` for async runners: each command runs in a worker thread."""

    def __init__(
        self,
        base_path: str | os.PathLike[str] = "./memory",
        *,
        cache_control: BetaCacheControlEphemeralParam | None = None,
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    ) -> None:
        super().__init__(cache_control=cache_control)
        self.sync = BetaLocalFilesystemMemoryTool(base_path, max_file_bytes=max_file_bytes)
        self.base_path = self.sync.base_path
        self.memory_root = self.sync.memory_root

    @override
    async def view(self, command: BetaMemoryTool20250818ViewCommand) -> str:
        return await _in_thread(self.sync.view, command)

    @override
    async def create(self, command: BetaMemoryTool20250818CreateCommand) -> str:
        return await _in_thread(self.sync.create, command)

    @override
    async def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> str:
        return await _in_thread(self.sync.str_replace, command)

    @override
    async def insert(self, command: BetaMemoryTool20250818InsertCommand) -> str:
        return await _in_thread(self.sync.insert, command)

    @override
    async def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> str:
        return await _in_thread(self.sync.delete, command)

    @override
    async def rename(self, command: BetaMemoryTool20250818RenameCommand) -> str:
        return await _in_thread(self.sync.rename, command)

    @override
    async def clear_all_memory(self) -> str:
        return await _in_thread(self.sync.clear_all_memory)


async def _in_thread(func: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs) -> _T:
    import anyio.to_thread

    return await anyio.to_thread.run_sync(lambda: func(*args, **kwargs))


# -- descriptor helpers (the primitives are in _memory_dirfd) ------------------------------------------------------


def _open_target(root: int, parts: _Parts, shown: str) -> int:
    """A descriptor of the file or directory at `parts` (the root itself when empty), opened without links."""
    if not parts:
        return walk(root, ())
    with opened(_walk_existing(root, parts[:-1], shown)) as parent:
        return _open_existing(parent, parts[-1], shown)


def _walk_existing(root: int, parts: _Parts, shown: str) -> int:
    try:
        return walk(root, parts)
    except FileNotFoundError:
        raise ToolError(f"The path {shown} does not exist. Please provide a valid path.") from None


def _open_existing(parent: int, name: str, shown: str) -> int:
    try:
        return open_entry(parent, name)
    except FileNotFoundError:
        raise ToolError(f"The path {shown} does not exist. Please provide a valid path.") from None


def _optional_dir(root: int, parts: _Parts, stack: ExitStack) -> int | None:
    """The directory at `parts`, closed with `stack`, or None when it does not exist."""
    try:
        fd = walk(root, parts)
    except FileNotFoundError:
        return None
    stack.callback(os.close, fd)
    return fd


@contextmanager
def _os_errors(action: str, shown: str) -> Generator[None, None, None]:
    """Operating system errors become tool errors without the host's absolute paths in the message."""
    try:
        yield
    except ToolError:
        raise
    except LinkInTheWay:
        raise MemoryPathError(
            f"The memory path {shown!r} changed while in use (a symbolic link appeared in it); refused"
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ToolError(f"Could not {action} {shown}: {reason}") from exc


def _listing(fd: int, shown: str) -> str:
    """Two levels below the open directory `fd`, by descriptor: hidden entries and symlinks are skipped."""
    base = shown.rstrip("/") or shown
    rows = [f"{_human_size(os.fstat(fd).st_size)}\t{base}"]

    def visit(directory: int, relative: str, depth: int) -> None:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda entry: entry.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            name = f"{relative}/{entry.name}" if relative else entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                rows.append(f"{_human_size(info.st_size)}\t{base}/{name}/")
                if depth < 2:
                    try:
                        child = open_dir(directory, entry.name)
                    except OSError:  # gone or swapped for a link meanwhile
                        continue
                    with opened(child):
                        visit(child, name, depth + 1)
            elif stat.S_ISREG(info.st_mode):
                rows.append(f"{_human_size(info.st_size)}\t{base}/{name}")

    visit(fd, "", 1)
    header = f"Here're the files and directories up to 2 levels deep in {shown}, excluding hidden items:"
    return header + "\n" + "\n".join(rows)


def _select_range(lines: list[str], view_range: list[int], shown: str) -> tuple[int, list[str]]:
    if len(view_range) != 2:
        raise ToolError(f"view_range must be [start_line, end_line], got {view_range}")
    start, end = view_range
    if start < 1 or (end != -1 and end < start):
        raise ToolError(
            f"Invalid view_range {view_range} for {shown}: lines are numbered from 1 and end must be -1 or >= start"
        )
    stop = len(lines) if end == -1 else end
    return start, lines[start - 1 : stop]


def _occurrence_lines(text: str, needle: str) -> list[int]:
    """Line numbers (1-based, each once) where `needle` starts."""
    found: dict[int, None] = {}
    at = text.find(needle)
    while at != -1:
        found[text.count("\n", 0, at) + 1] = None
        at = text.find(needle, at + 1)
    return list(found)


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "K", "M"):
        if value < 1024:
            return f"{int(value)}{unit}" if value == int(value) else f"{value:.1f}{unit}"
        value /= 1024
    return f"{int(value)}G" if value == int(value) else f"{value:.1f}G"
