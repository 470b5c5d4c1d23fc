"""Attacks on the filesystem memory tool: nothing may escape its root, and no file may be left half written.

Every attack runs against every command that takes a path, and afterwards the files outside the memory root
(a "secret" next to it) must be byte-for-byte unchanged and no new file may have appeared outside the root.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anthropic_plugin_tools import (
    BetaLocalFilesystemMemoryTool,
    MemoryPathError,
    ToolError,
    memory_fs,
    normalize_memory_path,
    resolve_memory_path,
)

SECRET = "top secret\n"


@pytest.fixture
def sandbox(tmp_path: Path) -> tuple[BetaLocalFilesystemMemoryTool, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    (tmp_path / "secret.txt").write_text(SECRET)
    tool = BetaLocalFilesystemMemoryTool(tmp_path / "base")
    (tool.memory_root / "a.md").write_text("alpha\n")
    return tool, tmp_path


def snapshot_outside(tmp_path: Path, root: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(tmp_path.rglob("*")):
        if root in path.parents or path == root or path.is_symlink() or not path.is_file():
            continue
        found[str(path.relative_to(tmp_path))] = path.read_bytes()
    return found


def all_commands(path: str) -> list[dict[str, Any]]:
    return [
        {"command": "view", "path": path},
        {"command": "create", "path": path, "file_text": "pwned"},
        {"command": "str_replace", "path": path, "old_str": "top", "new_str": "pwned"},
        {"command": "insert", "path": path, "insert_line": 0, "insert_text": "pwned"},
        {"command": "delete", "path": path},
        {"command": "rename", "old_path": path, "new_path": "/memories/stolen.txt"},
        {"command": "rename", "old_path": "/memories/a.md", "new_path": path},
    ]


HOSTILE_PATHS = [
    # traversal
    "/memories/../secret.txt",
    "/memories/../../outside/secret.txt",
    "/memories/a/../../secret.txt",
    "/memories/./../secret.txt",
    "/memories//..//secret.txt",
    "/memories/..",
    # absolute paths and missing prefix
    "/etc/passwd",
    "/tmp/pwned",
    "//etc/passwd",
    "secret.txt",
    "memories/../secret.txt",
    "../secret.txt",
    "",
    "C:\\Windows\\win.ini",
    # prefix confusion
    "/memoriesevil/x",
    "/memories-other/secret.txt",
    "/MEMORIES/../secret.txt",
    # NUL bytes and control characters
    "/memories/a.md\x00.txt",
    "/memories/\x00/../../secret.txt",
    "/memories/line\nbreak",
    # percent-encoded traversal
    "/memories/%2e%2e/secret.txt",
    "/memories/%2E%2E%2Fsecret.txt",
    "/memories/..%2f..%2fsecret.txt",
    "/memories/%252e%252e/secret.txt",
    "/memories/%00",
    # backslashes
    "/memories/..\\secret.txt",
    "/memories\\..\\secret.txt",
    # oversize path
    "/memories/" + "a/" * 600,
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_are_refused_for_every_command(
    sandbox: tuple[BetaLocalFilesystemMemoryTool, Path], path: str
) -> None:
    tool, tmp_path = sandbox
    before = snapshot_outside(tmp_path, tool.memory_root)
    for input in all_commands(path):
        with pytest.raises(MemoryPathError):
            tool.call(input)
    assert snapshot_outside(tmp_path, tool.memory_root) == before
    assert (tool.memory_root / "a.md").read_text() == "alpha\n"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
class TestSymlinks:
    @pytest.fixture
    def linked(self, sandbox: tuple[BetaLocalFilesystemMemoryTool, Path]) -> tuple[BetaLocalFilesystemMemoryTool, Path]:
        tool, tmp_path = sandbox
        os.symlink(tmp_path / "outside", tool.memory_root / "dirlink", target_is_directory=True)
        os.symlink(tmp_path / "outside" / "secret.txt", tool.memory_root / "filelink")
        os.symlink(tool.memory_root / "loop", tool.memory_root / "loop")
        (tool.memory_root / "sub").mkdir()
        os.symlink("../../../outside", tool.memory_root / "sub" / "relative")
        os.symlink(tool.memory_root / "a.md", tool.memory_root / "inside")
        return tool, tmp_path

    @pytest.mark.parametrize(
        "path",
        [
            "/memories/dirlink",
            "/memories/dirlink/secret.txt",
            "/memories/dirlink/new.txt",
            "/memories/filelink",
            "/memories/loop",
            "/memories/loop/x",
            "/memories/sub/relative/secret.txt",
        ],
    )
    def test_symlinks_leading_outside_are_refused(
        self, linked: tuple[BetaLocalFilesystemMemoryTool, Path], path: str
    ) -> None:
        tool, tmp_path = linked
        before = snapshot_outside(tmp_path, tool.memory_root)
        for input in all_commands(path):
            with pytest.raises(ToolError):
                tool.call(input)
        assert snapshot_outside(tmp_path, tool.memory_root) == before
        assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["secret.txt"]

    def test_listing_does_not_follow_links(self, linked: tuple[BetaLocalFilesystemMemoryTool, Path]) -> None:
        tool, _ = linked
        listing = tool.call({"command": "view", "path": "/memories"})
        assert isinstance(listing, str)
        assert "secret" not in listing
        assert "dirlink" not in listing
        assert "/memories/a.md" in listing

    def test_symlink_inside_the_root_is_followed(self, linked: tuple[BetaLocalFilesystemMemoryTool, Path]) -> None:
        tool, _ = linked
        assert "alpha" in str(tool.call({"command": "view", "path": "/memories/inside"}))

    def test_symlinked_root_still_works(self, tmp_path: Path) -> None:
        (tmp_path / "real").mkdir()
        os.symlink(tmp_path / "real", tmp_path / "alias", target_is_directory=True)
        tool = BetaLocalFilesystemMemoryTool(tmp_path / "alias")
        tool.call({"command": "create", "path": "/memories/x.md", "file_text": "ok"})
        assert (tmp_path / "real" / "memories" / "x.md").read_text() == "ok"


def test_resolve_helper_is_reusable(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    assert resolve_memory_path(root, "/memories") == root.resolve()
    assert resolve_memory_path(root, "/memories/a//./b/") == root.resolve() / "a" / "b"
    assert normalize_memory_path("/memories/a//./b/") == "/memories/a/b"
    assert normalize_memory_path("/memories/") == "/memories"
    with pytest.raises(MemoryPathError, match="contains '..'"):
        resolve_memory_path(root, "/memories/../x")
    with pytest.raises(ValueError):  # MemoryPathError is also a ValueError
        normalize_memory_path("/nope")
    with pytest.raises(MemoryPathError, match="must be strings"):
        normalize_memory_path(b"/memories")


ALPHABET = ["..", ".", "", "a", "b.md", "%2e%2e", "%2f", "\x00", "\\", "..\\..", "memories", "dirlink", "~", " "]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.sampled_from(ALPHABET), max_size=6), prefix=st.sampled_from(["/memories/", "/", "", "/memories"])
)
def test_fuzzed_paths_never_escape(tmp_path: Path, parts: list[str], prefix: str) -> None:
    base = tmp_path / "fuzz"
    tool = BetaLocalFilesystemMemoryTool(base)
    outside = tmp_path / "fuzz_outside"
    outside.mkdir(exist_ok=True)
    if not (tool.memory_root / "dirlink").is_symlink():
        os.symlink(outside, tool.memory_root / "dirlink", target_is_directory=True)
    path = prefix + "/".join(parts)
    try:
        resolved = resolve_memory_path(tool.memory_root, path)
    except MemoryPathError:
        pass
    else:
        real_root = tool.memory_root.resolve()
        assert resolved == real_root or real_root in resolved.parents
    with contextlib.suppress(ToolError):
        tool.call({"command": "create", "path": path, "file_text": "x"})
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fuzz", "fuzz_outside"]


# -- oversize inputs ---------------------------------------------------------------------------------------------


def test_oversize_inputs_are_refused_and_files_unchanged(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path, max_file_bytes=64)
    tool.call({"command": "create", "path": "/memories/small.md", "file_text": "head" + "x" * 56})
    with pytest.raises(ToolError, match="over this memory tool's limit of 64 bytes"):
        tool.call({"command": "create", "path": "/memories/big.md", "file_text": "y" * 65})
    assert not (tool.memory_root / "big.md").exists()
    with pytest.raises(ToolError, match="limit of 64 bytes"):
        tool.call({"command": "str_replace", "path": "/memories/small.md", "old_str": "head", "new_str": "y" * 10})
    with pytest.raises(ToolError, match="limit of 64 bytes"):
        tool.call({"command": "insert", "path": "/memories/small.md", "insert_line": 0, "insert_text": "z" * 10})
    assert (tool.memory_root / "small.md").read_text() == "head" + "x" * 56
    # A large multi-byte payload counts in bytes, not characters.
    with pytest.raises(ToolError, match="limit of 64 bytes"):
        tool.call({"command": "create", "path": "/memories/emoji.md", "file_text": "\N{GRINNING FACE}" * 20})
    # A file planted by someone else that is too large is not read into memory.
    (tool.memory_root / "planted.md").write_bytes(b"p" * 1000)
    with pytest.raises(ToolError, match="larger than this memory tool's limit"):
        tool.call({"command": "view", "path": "/memories/planted.md"})
    with pytest.raises(ToolError, match="larger than"):
        tool.call({"command": "str_replace", "path": "/memories/planted.md", "old_str": "p", "new_str": "q"})
    assert (tool.memory_root / "planted.md").read_bytes() == b"p" * 1000


def test_lone_surrogates_are_refused(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    with pytest.raises(ToolError, match="not valid Unicode"):
        tool.call({"command": "create", "path": "/memories/x.md", "file_text": "bad \ud800"})
    assert list(tool.memory_root.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_not_opened(tmp_path: Path) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    os.mkfifo(tool.memory_root / "pipe")
    started = time.monotonic()
    with pytest.raises(ToolError, match="Unsupported file type"):
        tool.call({"command": "view", "path": "/memories/pipe"})
    with pytest.raises(ToolError, match="not a file"):
        tool.call({"command": "str_replace", "path": "/memories/pipe", "old_str": "a", "new_str": "b"})
    assert time.monotonic() - started < 2


# -- crashes in the middle of a write ------------------------------------------------------------------------------


def leftovers(tool: BetaLocalFilesystemMemoryTool) -> list[str]:
    return [p.name for p in tool.memory_root.rglob(f"{memory_fs.TEMP_PREFIX}*")]


def test_failed_fsync_leaves_the_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/a.md", "file_text": "original\n"})

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(memory_fs.os, "fsync", broken_fsync)
    with pytest.raises(ToolError, match="Could not edit /memories/a.md: Input/output error"):
        tool.call({"command": "str_replace", "path": "/memories/a.md", "old_str": "original", "new_str": "changed"})
    assert (tool.memory_root / "a.md").read_text() == "original\n"
    assert leftovers(tool) == []


def test_short_write_and_interrupt_leave_the_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/a.md", "file_text": "original\n"})
    real_write = os.write

    def half_then_interrupt(fd: int, data: Any) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise KeyboardInterrupt

    monkeypatch.setattr(memory_fs.os, "write", half_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        tool.call({"command": "insert", "path": "/memories/a.md", "insert_line": 1, "insert_text": "more " * 50})
    with pytest.raises(KeyboardInterrupt):
        tool.call({"command": "create", "path": "/memories/new.md", "file_text": "new " * 50})
    monkeypatch.undo()
    assert (tool.memory_root / "a.md").read_text() == "original\n"
    assert not (tool.memory_root / "new.md").exists()
    assert leftovers(tool) == []


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_killed_process_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    """A real crash: the writer is SIGKILLed after writing the new content to its temp file, before the rename."""
    tool = BetaLocalFilesystemMemoryTool(tmp_path)
    tool.call({"command": "create", "path": "/memories/a.md", "file_text": "original\n"})
    marker = tmp_path / "ready"
    child = textwrap.dedent(
        f"""
        import os, time
        from anthropic_plugin_tools import memory_fs
        from anthropic_plugin_tools.memory_fs import BetaLocalFilesystemMemoryTool

        def stall(*args, **kwargs):
            open({str(marker)!r}, "w").close()
            time.sleep(30)

        memory_fs.os.replace = stall
        tool = BetaLocalFilesystemMemoryTool({str(tmp_path)!r})
        tool.call({{"command": "str_replace", "path": "/memories/a.md", "old_str": "original", "new_str": "N" * 100000}})
        """
    )
    process = subprocess.Popen([sys.executable, "-c", child])
    try:
        deadline = time.monotonic() + 20
        while not marker.exists():
            assert process.poll() is None, "child exited early"
            assert time.monotonic() < deadline, "child never reached the rename"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert (tool.memory_root / "a.md").read_text() == "original\n"
    # The orphaned temp file is hidden from Claude and does not break later commands.
    assert len(leftovers(tool)) == 1
    listing = tool.call({"command": "view", "path": "/memories"})
    assert memory_fs.TEMP_PREFIX not in str(listing)
    tool.call({"command": "str_replace", "path": "/memories/a.md", "old_str": "original", "new_str": "updated"})
    assert (tool.memory_root / "a.md").read_text() == "updated\n"
