"""The filesystem memory tool under a changing tree: it never leaves its root, and concurrent writers lose nothing.

A directory inside the memory root is replaced by a symlink to an outside directory (and back): right after each
path check (deterministic: the worst moment, every time), and by a swapper thread in a tight loop while the tool
runs every command against paths inside that directory (random interleavings). The outside directory holds files
with the names the commands use and a canary; afterwards its names, contents, inodes and mtimes (and the mtime of
the directory itself: a temporary file created and removed there shows) must be unchanged, and no result may
contain the canary text. Concurrent writers (threads, async tasks, processes) must keep every update. Iteration
counts are bounded; nothing depends on timing to pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from anthropic_plugin_tools import (
    BetaAsyncLocalFilesystemMemoryTool,
    BetaLocalFilesystemMemoryTool,
    ToolError,
    memory_fs,
)

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name != "posix", reason="needs POSIX symlinks")

CANARY = "CANARY-0xC0FFEE"
ROUNDS = 40
SWAPS = 20_000


def outside_snapshot(outside: Path) -> dict[str, tuple[int, int, int, bytes]]:
    """Every entry below `outside`: type, inode, mtime and (for files) content."""
    info = outside.lstat()
    found: dict[str, tuple[int, int, int, bytes]] = {
        ".": (stat.S_IFMT(info.st_mode), info.st_ino, info.st_mtime_ns, b"")
    }
    for directory, dirnames, filenames in os.walk(outside):
        for name in [*dirnames, *filenames]:
            path = Path(directory) / name
            info = path.lstat()
            content = path.read_bytes() if stat.S_ISREG(info.st_mode) else b""
            found[str(path.relative_to(outside))] = (stat.S_IFMT(info.st_mode), info.st_ino, info.st_mtime_ns, content)
    return found


class Arena:
    """A memory root with `/memories/d`, and an outside directory shaped like `d` full of canaries."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.outside = tmp_path / "outside"
        self.root = tmp_path / "base" / "memories"
        self.outside.mkdir()
        for name in ("note.md", "victim.md", "mv.md", "canary.txt"):
            (self.outside / name).write_text(f"{CANARY} inside note {name}\n")
        (self.outside / "sub").mkdir()
        (self.outside / "sub" / "deep.md").write_text(f"{CANARY} deep\n")
        self.root.mkdir(parents=True, exist_ok=True)
        self.d = self.root / "d"
        self.parked = self.root / ".parked"
        self.d.mkdir()
        (self.d / "note.md").write_text("inside note\n")
        (self.d / "sub").mkdir()
        (self.d / "sub" / "deep.md").write_text("deep\n")
        self.before = outside_snapshot(self.outside)
        self.top_level = sorted(p.name for p in tmp_path.iterdir())
        self.stop = threading.Event()
        self.swaps = 0
        self.failures: list[BaseException] = []
        self.swapper = threading.Thread(target=self._swap, daemon=True)

    def _swap(self) -> None:
        try:
            for _ in range(SWAPS):
                if self.stop.is_set():
                    break
                try:
                    os.rename(self.d, self.parked)
                except OSError:
                    self.repair()
                    continue
                with contextlib.suppress(OSError):  # the tool may have made a new `d` meanwhile
                    os.symlink(self.outside, self.d, target_is_directory=True)
                    self.swaps += 1
                os.sched_yield()
                self.repair()
                os.sched_yield()
            self.repair()
        except BaseException as exc:  # reported by check(): an exception in this thread would be lost
            self.failures.append(exc)

    def swap_in_link(self) -> None:
        """Park the real `d` (inside the root) and put a symlink to the outside directory in its place."""
        if self.d.is_dir() and not self.d.is_symlink():
            os.rename(self.d, self.parked)
            os.symlink(self.outside, self.d, target_is_directory=True)
            self.swaps += 1

    def repair(self) -> None:
        """Put a real directory back at `d`, whatever the tool did while it was away (deleted, recreated it)."""
        if self.d.is_symlink():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.d)
        if self.parked.exists():
            if self.d.exists():
                shutil.rmtree(self.d, ignore_errors=True)  # a real directory the tool created meanwhile
            with contextlib.suppress(OSError):
                os.rename(self.parked, self.d)
        with contextlib.suppress(FileExistsError):
            self.d.mkdir()

    def __enter__(self) -> Arena:
        self.swapper.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.swapper.join()

    def check(self, results: list[str]) -> None:
        assert self.failures == []
        leaked = [result for result in results if CANARY in result or "canary.txt" in result]
        assert leaked == []
        assert outside_snapshot(self.outside) == self.before
        assert sorted(p.name for p in self.tmp_path.iterdir()) == self.top_level


def commands(round: int) -> list[dict[str, Any]]:
    """Every command, each aimed at a path that leads outside while `d` is the symlink."""
    return [
        {"command": "view", "path": "/memories/d/note.md"},
        {"command": "view", "path": "/memories/d"},
        {"command": "view", "path": "/memories/d/sub/deep.md"},
        {"command": "view", "path": "/memories"},
        {"command": "create", "path": f"/memories/d/new-{round}.md", "file_text": "new\n"},
        {"command": "str_replace", "path": "/memories/d/note.md", "old_str": "inside note", "new_str": "inside note"},
        {"command": "insert", "path": "/memories/d/note.md", "insert_line": 1, "insert_text": f"line {round}"},
        {"command": "create", "path": "/memories/d/victim.md", "file_text": "victim\n"},
        {"command": "delete", "path": "/memories/d/victim.md"},
        {"command": "create", "path": "/memories/d/sub/deep.md", "file_text": "deep\n"},
        {"command": "delete", "path": "/memories/d/sub"},
        {"command": "create", "path": "/memories/d/mv.md", "file_text": "mv\n"},
        {"command": "rename", "old_path": "/memories/d/mv.md", "new_path": f"/memories/moved-{round}.md"},
        {"command": "create", "path": f"/memories/top-{round}.md", "file_text": "top\n"},
        {"command": "rename", "old_path": f"/memories/top-{round}.md", "new_path": f"/memories/d/pushed-{round}.md"},
    ]


def collect(call: Callable[[dict[str, Any]], object], results: list[str], input: dict[str, Any]) -> None:
    try:
        results.append(str(call(input)))
    except ToolError as exc:
        results.append(str(exc))


class SwapAfterCheck(BetaLocalFilesystemMemoryTool):
    """Swaps `d` for the outside link right after each path check: the worst moment, every time, no luck needed."""

    arena: Arena

    def resolve(self, path: str) -> Path:
        resolved = super().resolve(path)
        self.arena.swap_in_link()
        return resolved


def swap_after_check(tmp_path: Path) -> tuple[SwapAfterCheck, Arena]:
    tool = SwapAfterCheck(tmp_path / "base")
    tool.arena = Arena(tmp_path)
    return tool, tool.arena


def test_sync_tool_refuses_a_link_swapped_in_after_the_check(tmp_path: Path) -> None:
    tool, arena = swap_after_check(tmp_path)
    results: list[str] = []
    for round in range(2):
        for input in commands(round):
            collect(tool.call, results, input)
            arena.repair()
    arena.check(results)
    assert sum("changed while in use" in result for result in results) >= 10


def test_async_tool_refuses_a_link_swapped_in_after_the_check(tmp_path: Path) -> None:
    tool = BetaAsyncLocalFilesystemMemoryTool(tmp_path / "base")
    tool.sync, arena = swap_after_check(tmp_path)
    results: list[str] = []

    async def scenario() -> None:
        for round in range(2):
            for input in commands(round):
                try:
                    results.append(str(await tool.call(input)))
                except ToolError as exc:
                    results.append(str(exc))
                arena.repair()

    asyncio.run(scenario())
    arena.check(results)
    assert sum("changed while in use" in result for result in results) >= 10


def test_sync_tool_never_leaves_the_root_while_a_directory_is_swapped(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path / "base")
    arena = Arena(tmp_path)
    results: list[str] = []
    with arena:
        for round in range(ROUNDS):
            for input in commands(round):
                collect(tool.call, results, input)
    arena.check(results)
    assert arena.swaps > 0


def test_async_tool_never_leaves_the_root_while_a_directory_is_swapped(tmp_path: Path) -> None:
    tool = BetaAsyncLocalFilesystemMemoryTool(tmp_path / "base")
    arena = Arena(tmp_path)
    results: list[str] = []

    async def scenario() -> None:
        for round in range(ROUNDS // 2):
            for input in commands(round):
                try:
                    results.append(str(await tool.call(input)))
                except ToolError as exc:
                    results.append(str(exc))

    with arena:
        asyncio.run(scenario())
    arena.check(results)
    assert arena.swaps > 0


def test_clear_all_memory_never_leaves_the_root_while_a_directory_is_swapped(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path / "base")
    arena = Arena(tmp_path)
    with arena:
        for round in range(ROUNDS):
            (arena.root / f"junk-{round}").mkdir()
            (arena.root / f"junk-{round}" / "x.md").write_text("x")
            with contextlib.suppress(ToolError):
                tool.clear_all_memory()
    arena.check([])


# -- concurrent writers ------------------------------------------------------------------------------------------

WRITERS = 8
INSERTS = 30


def expected_lines() -> list[str]:
    return sorted(["first", *(f"w{writer}-{n}" for writer in range(WRITERS) for n in range(INSERTS))])


def test_concurrent_inserts_from_threads_keep_every_line(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/log.md", "file_text": "first\n"})
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            barrier.wait()
            for n in range(INSERTS):
                tool.call(
                    {"command": "insert", "path": "/memories/log.md", "insert_line": 1, "insert_text": f"w{number}-{n}"}
                )
        except BaseException as exc:  # reported below; a thread's exception would be lost otherwise
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted((tool.memory_root / "log.md").read_text().splitlines()) == expected_lines()


def test_concurrent_inserts_from_async_tasks_keep_every_line(tmp_path: Path) -> None:
    tool = BetaAsyncLocalFilesystemMemoryTool(tmp_path)

    async def writer(number: int) -> None:
        for n in range(INSERTS):
            await tool.call(
                {"command": "insert", "path": "/memories/log.md", "insert_line": 1, "insert_text": f"w{number}-{n}"}
            )

    async def scenario() -> None:
        await tool.call({"command": "create", "path": "/memories/log.md", "file_text": "first\n"})
        await asyncio.gather(*(writer(number) for number in range(WRITERS)))

    asyncio.run(scenario())
    assert sorted((tool.memory_root / "log.md").read_text().splitlines()) == expected_lines()


def test_concurrent_str_replace_from_threads_counts_every_edit(tmp_path: Path) -> None:
    """Each edit replaces `count=N` by `count=N+1` (compare-and-swap): a lost update shows as a smaller count."""
    bumps = 10
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/count.md", "file_text": "count=0\n"})

    def bump() -> None:
        for _ in range(bumps):
            while True:
                text = (tool.memory_root / "count.md").read_text()
                value = int(text.split("=")[1])
                try:
                    tool.call(
                        {
                            "command": "str_replace",
                            "path": "/memories/count.md",
                            "old_str": f"count={value}\n",
                            "new_str": f"count={value + 1}\n",
                        }
                    )
                    break
                except ToolError:  # another writer got there first: read again (compare-and-swap)
                    continue

    threads = [threading.Thread(target=bump) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (tool.memory_root / "count.md").read_text() == f"count={WRITERS * bumps}\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file locks")
def test_concurrent_inserts_from_processes_keep_every_line(tmp_path: Path) -> None:
    """Other processes are serialised by `flock` on the root directory."""
    inserts = 10
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/log.md", "file_text": "first\n"})
    child = textwrap.dedent(
        f"""
        import sys
        from anthropic_plugin_tools import BetaLocalFilesystemMemoryTool
        tool = BetaLocalFilesystemMemoryTool({str(tmp_path)!r})
        for n in range({inserts}):
            tool.call({{"command": "insert", "path": "/memories/log.md", "insert_line": 1,
                        "insert_text": f"w{{sys.argv[1]}}-{{n}}"}})
        """
    )
    processes = [subprocess.Popen([sys.executable, "-c", child, str(number)]) for number in range(3)]
    assert [process.wait(timeout=120) for process in processes] == [0, 0, 0]
    expected = sorted(["first", *(f"w{writer}-{n}" for writer in range(3) for n in range(inserts))])
    assert sorted((tool.memory_root / "log.md").read_text().splitlines()) == expected


def test_platform_without_dir_fd_is_refused_up_front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `*at()` calls the guarantees above cannot hold: the tool says so instead of silently racing."""
    monkeypatch.setattr(memory_fs, "SUPPORTED", False)
    with pytest.raises(NotImplementedError, match="needs directory file descriptors"):
        BetaLocalFilesystemMemoryTool(tmp_path)
    with pytest.raises(NotImplementedError, match="needs directory file descriptors"):
        BetaAsyncLocalFilesystemMemoryTool(tmp_path)
    assert not (tmp_path / "memories").exists()
