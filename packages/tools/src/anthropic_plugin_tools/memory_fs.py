"""`BetaLocalFilesystemMemoryTool`: memory files kept in one directory, safe against hostile paths and crashes.

Layout: `<base_path>/memories` plays `/memories`. Every command path goes through `resolve_memory_path` (no
absolute paths, `..`, NUL bytes, percent-encoding, backslashes, or symlinks leading outside). Files are written to
a hidden temporary file in the same directory, flushed to disk and renamed over the target (`os.replace`), so a
crash leaves either the old or the new content, never half of it; `create` links the temporary file into place so
it never overwrites a file created concurrently. Files and inputs larger than `max_file_bytes` are refused.
Directories are created 0o700 and files 0o600 whatever the umask (memory often holds personal data).
"""

from __future__ import annotations

import os
import shutil
import stat
import uuid
from collections.abc import Callable, Generator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from typing_extensions import ParamSpec, override

from .errors import ToolError
from .memory import BetaAbstractMemoryTool, BetaAsyncAbstractMemoryTool
from .memory_paths import MEMORY_PREFIX, resolve_memory_path

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
TEMP_PREFIX = ".memory-tmp-"
_NUMBER_WIDTH = len(str(MAX_LINES))
_FILE_MODE = 0o600
_DIR_MODE = 0o700
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)

_P = ParamSpec("_P")
_T = TypeVar("_T")


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
        self.base_path = Path(base_path)
        self.memory_root = self.base_path / "memories"
        self.max_file_bytes = max_file_bytes
        self.memory_root.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)

    def resolve(self, path: str) -> Path:
        """The real file system path of a memory path (see `resolve_memory_path`)."""
        return resolve_memory_path(self.memory_root, path)

    # -- commands ---------------------------------------------------------------------------------------------

    @override
    def view(self, command: BetaMemoryTool20250818ViewCommand) -> str:
        target = self.resolve(command.path)
        with _os_errors("view", command.path):
            info = _stat(target, command.path)
            if stat.S_ISDIR(info.st_mode):
                return _listing(target, command.path)
            text = self._read_text(target, command.path)
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
        target = self.resolve(command.path)
        if target == self._real_root():
            raise ToolError(f"Cannot create {MEMORY_PREFIX} itself; give a file path such as /memories/notes.md")
        data = self._encode(command.file_text, command.path)
        with _os_errors("create", command.path):
            if target.is_dir():
                raise ToolError(f"The path {command.path} is a directory")
            target.parent.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)
            try:
                write_atomic(target, data, exclusive=True)
            except FileExistsError:
                raise ToolError(f"File {command.path} already exists") from None
        return f"File created successfully at: {command.path}"

    @override
    def str_replace(self, command: BetaMemoryTool20250818StrReplaceCommand) -> str:
        target = self.resolve(command.path)
        old, new = command.old_str, command.new_str
        if not old:
            raise ToolError("old_str must not be empty")
        with _os_errors("edit", command.path):
            text = self._read_existing(target, command.path)
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
            updated = text[:at] + new + text[at + len(old) :]
            write_atomic(target, self._encode(updated, command.path), exclusive=False)
        changed = text.count("\n", 0, at)
        all_lines = updated.split("\n")
        start, stop = max(0, changed - 2), min(len(all_lines), changed + 3 + new.count("\n"))
        snippet = "\n".join(f"{n + 1:>{_NUMBER_WIDTH}}\t{all_lines[n]}" for n in range(start, stop))
        return (
            f"The memory file has been edited. Here is the snippet showing the change (with line numbers):\n{snippet}"
        )

    @override
    def insert(self, command: BetaMemoryTool20250818InsertCommand) -> str:
        target = self.resolve(command.path)
        with _os_errors("edit", command.path):
            text = self._read_existing(target, command.path)
            body = text[:-1] if text.endswith("\n") else text
            lines = body.split("\n") if body else []
            if not 0 <= command.insert_line <= len(lines):
                raise ToolError(
                    f"Invalid `insert_line` parameter: {command.insert_line}. "
                    f"It should be within the range [0, {len(lines)}]."
                )
            lines.insert(command.insert_line, command.insert_text.rstrip("\n"))
            write_atomic(target, self._encode("\n".join(lines) + "\n", command.path), exclusive=False)
        return f"The file {command.path} has been edited."

    @override
    def delete(self, command: BetaMemoryTool20250818DeleteCommand) -> str:
        target = self.resolve(command.path)
        if target == self._real_root():
            raise ToolError(f"Cannot delete the {MEMORY_PREFIX} directory itself")
        with _os_errors("delete", command.path):
            try:
                info = target.lstat()
            except FileNotFoundError:
                raise ToolError(f"The path {command.path} does not exist") from None
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(target)
            else:
                target.unlink()
        return f"Successfully deleted {command.path}"

    @override
    def rename(self, command: BetaMemoryTool20250818RenameCommand) -> str:
        source = self.resolve(command.old_path)
        destination = self.resolve(command.new_path)
        root = self._real_root()
        if root in (source, destination):
            raise ToolError(f"Cannot rename the {MEMORY_PREFIX} directory itself")
        with _os_errors("rename", command.old_path):
            if not _exists(source):
                raise ToolError(f"The path {command.old_path} does not exist")
            if _exists(destination):
                raise ToolError(f"The destination {command.new_path} already exists")
            if source in destination.parents:
                raise ToolError(f"Cannot move {command.old_path} inside itself")
            destination.parent.mkdir(parents=True, exist_ok=True, mode=_DIR_MODE)
            os.rename(source, destination)
        return f"Successfully renamed {command.old_path} to {command.new_path}"

    @override
    def clear_all_memory(self) -> str:
        root = self._real_root()
        with _os_errors("clear", MEMORY_PREFIX), os.scandir(root) as entries:
            for entry in list(entries):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
        return "All memory cleared"

    # -- helpers ----------------------------------------------------------------------------------------------

    def _real_root(self) -> Path:
        return self.memory_root.resolve()

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

    def _read_existing(self, target: Path, shown: str) -> str:
        info = _stat(target, shown)
        if not stat.S_ISREG(info.st_mode):
            raise ToolError(f"The path {shown} is not a file.")
        return self._read_text(target, shown)

    def _read_text(self, target: Path, shown: str) -> str:
        """Read a regular file without following a symlink swapped in since the check, within the size limit."""
        try:
            fd = os.open(target, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_BINARY)
        except FileNotFoundError:
            raise ToolError(f"The path {shown} does not exist. Please provide a valid path.") from None
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ToolError(f"Unsupported file type for {shown}")
            data = file.read(self.max_file_bytes + 1)
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


# -- file system primitives -------------------------------------------------------------------------------------


def write_atomic(target: Path, data: bytes, *, exclusive: bool) -> None:
    """Write `data` to `target` all-or-nothing: temp file in the same directory, fsync, then rename into place.

    `exclusive=True` fails with FileExistsError when `target` exists (the temp file is hard-linked, which never
    replaces; file systems without hard links fall back to a check then a rename).
    """
    temp = target.parent / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_BINARY, _FILE_MODE)
    try:
        try:
            remaining = memoryview(data)
            while remaining:
                written = os.write(fd, remaining)
                if written <= 0:
                    raise OSError("short write")
                remaining = remaining[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            _link_new(temp, target)
        else:
            os.replace(temp, target)
        _sync_directory(target.parent)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temp)


def _link_new(temp: Path, target: Path) -> None:
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:
        if _exists(target):
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)


def _sync_directory(directory: Path) -> None:
    """Persist the rename itself (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exists(path: Path) -> bool:
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    return True


def _stat(target: Path, shown: str) -> os.stat_result:
    try:
        return target.stat()
    except FileNotFoundError:
        raise ToolError(f"The path {shown} does not exist. Please provide a valid path.") from None


@contextmanager
def _os_errors(action: str, shown: str) -> Generator[None, None, None]:
    """Operating system errors become tool errors without the host's absolute paths in the message."""
    try:
        yield
    except ToolError:
        raise
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ToolError(f"Could not {action} {shown}: {reason}") from exc


def _listing(directory: Path, shown: str) -> str:
    base = shown.rstrip("/") or shown
    rows = [f"{_human_size(directory.stat().st_size)}\t{base}"]

    def walk(path: Path, relative: str, depth: int) -> None:
        try:
            with os.scandir(path) as it:
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
                    walk(Path(entry.path), name, depth + 1)
            elif stat.S_ISREG(info.st_mode):
                rows.append(f"{_human_size(info.st_size)}\t{base}/{name}")

    walk(directory, "", 1)
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
