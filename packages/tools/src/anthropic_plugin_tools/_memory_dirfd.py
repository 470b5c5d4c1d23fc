"""Directory-descriptor primitives of the filesystem memory tool: every path is walked from the root's descriptor.

Checking a path and then using it by name is racy: a directory swapped for a symlink between the check and the use
sends the operation outside the root (O_NOFOLLOW only guards the last component). Here each component is opened
relative to its parent's descriptor with O_NOFOLLOW | O_DIRECTORY, and every open, create, rename, unlink and listing
is relative to a descriptor, so however the tree changes meanwhile, the kernel never walks out of the root.
Writes to one root are serialised (a lock per root directory, plus `flock` on it for other processes).
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import uuid
from collections.abc import Generator, Sequence
from contextlib import contextmanager, suppress

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None

__all__ = [
    "SUPPORTED",
    "TEMP_PREFIX",
    "LinkInTheWay",
    "entry_info",
    "open_dir",
    "open_entry",
    "open_root",
    "opened",
    "remove_entry",
    "walk",
    "write_atomic_at",
    "write_lock",
]

TEMP_PREFIX = ".memory-tmp-"
DIR_MODE = 0o700
FILE_MODE = 0o600
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIR_FLAGS = os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC
_ENTRY_FLAGS = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC

SUPPORTED = (
    {os.open, os.stat, os.mkdir, os.unlink, os.rmdir, os.rename, os.link} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
    and bool(_DIRECTORY and _NOFOLLOW)
)
"""Whether this platform has the `*at()` calls the tool needs (POSIX: Linux, macOS, BSDs; not Windows)."""

_locks: dict[tuple[int, int], threading.Lock] = {}
_locks_guard = threading.Lock()


def _reset_locks_after_fork() -> None:
    """A lock held by another thread at fork time would never be released in the child."""
    global _locks_guard
    _locks.clear()
    _locks_guard = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_locks_after_fork)


class LinkInTheWay(OSError):
    """A component that was a directory (or a file) when the path was checked is now a symbolic link."""


@contextmanager
def opened(fd: int) -> Generator[int, None, None]:
    """Close `fd` on the way out."""
    try:
        yield fd
    finally:
        os.close(fd)


def open_root(root: str | os.PathLike[str]) -> int:
    """The root is the application's own choice (it may be a symlink); everything below it is walked by descriptor."""
    return os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)


def open_dir(dir_fd: int, name: str) -> int:
    """Open the directory `name` inside `dir_fd`, refusing a symlink (LinkInTheWay)."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except FileNotFoundError:
        raise
    except OSError:
        _raise_if_link(dir_fd, name)
        raise


def open_entry(dir_fd: int, name: str) -> int:
    """Open the file or directory `name` inside `dir_fd` for reading: no symlink, no blocking on a FIFO."""
    try:
        return os.open(name, _ENTRY_FLAGS, dir_fd=dir_fd)
    except FileNotFoundError:
        raise
    except OSError:
        _raise_if_link(dir_fd, name)
        raise


def walk(root_fd: int, parts: Sequence[str], *, create: bool = False) -> int:
    """A new descriptor of the directory `root/parts...`, every component opened without following links.

    `create=True` makes missing directories (mode 0o700). Raises FileNotFoundError, LinkInTheWay or another OSError.
    """
    fd = os.open(".", _DIR_FLAGS, dir_fd=root_fd)
    try:
        for part in parts:
            try:
                child = open_dir(fd, part)
            except FileNotFoundError:
                if not create:
                    raise
                with suppress(FileExistsError):
                    os.mkdir(part, DIR_MODE, dir_fd=fd)
                child = open_dir(fd, part)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def entry_info(dir_fd: int, name: str) -> os.stat_result | None:
    """`lstat` of `name` inside `dir_fd`, or None when it does not exist."""
    try:
        return os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return None


def write_atomic_at(dir_fd: int, name: str, data: bytes, *, exclusive: bool) -> None:
    """Write `data` to `name` in `dir_fd` all-or-nothing: temp file beside it, fsync, rename into place.

    `exclusive=True` fails with FileExistsError when `name` exists (the temp file is hard-linked, which never
    replaces; file systems without hard links fall back to a check then a rename, under the caller's write lock).
    """
    temp = f"{TEMP_PREFIX}{uuid.uuid4().hex}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, FILE_MODE, dir_fd=dir_fd)
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
            _link_new(dir_fd, temp, name)
        else:
            os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        with suppress(OSError):  # persist the rename itself; some file systems cannot fsync a directory
            os.fsync(dir_fd)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temp, dir_fd=dir_fd)


def remove_entry(dir_fd: int, name: str) -> None:
    """Delete `name` inside `dir_fd`: a file or link is unlinked (never its target), a directory emptied by descriptor."""
    info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    if not stat.S_ISDIR(info.st_mode):
        os.unlink(name, dir_fd=dir_fd)
        return
    try:
        child = open_dir(dir_fd, name)
    except LinkInTheWay:  # swapped for a link since the lstat: remove the link itself
        os.unlink(name, dir_fd=dir_fd)
        return
    with opened(child):
        with os.scandir(child) as entries:
            names = [entry.name for entry in entries]
        for entry in names:
            remove_entry(child, entry)
    os.rmdir(name, dir_fd=dir_fd)


@contextmanager
def write_lock(root_fd: int) -> Generator[None, None, None]:
    """Serialise writers of one root: a thread lock keyed by the root's (device, inode), then `flock` on it.

    Every edit is read-modify-write and the file is replaced (new inode) each time, so the lock is on the root
    directory, which also covers renames of whole directories. Readers never wait (they see whole files).
    """
    info = os.fstat(root_fd)
    with _locks_guard:
        lock = _locks.setdefault((info.st_dev, info.st_ino), threading.Lock())
    with lock:
        locked = False
        if fcntl is not None:
            try:
                fcntl.flock(root_fd, fcntl.LOCK_EX)
                locked = True
            except OSError:  # a file system without flock: threads of this process are still serialised
                pass
        try:
            yield
        finally:
            if locked and fcntl is not None:
                fcntl.flock(root_fd, fcntl.LOCK_UN)


def _link_new(dir_fd: int, temp: str, name: str) -> None:
    try:
        os.link(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS):
            raise
        if entry_info(dir_fd, name) is not None:
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)) from None
        os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)


def _raise_if_link(dir_fd: int, name: str) -> None:
    info = entry_info(dir_fd, name)
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise LinkInTheWay(errno.ELOOP, "a symbolic link appeared in the path")
