"""Path checks every memory backend needs, public so custom backends reuse them instead of writing their own.

The memory tool (`memory_20250818`) addresses files as `/memories/...`. Claude's input is untrusted: it may try
`/memories/../../etc/passwd`, an absolute path, a NUL byte that truncates the path in C code, `%2e%2e%2f` that some
layer decodes later, backslashes that Windows treats as separators, or a symlink planted in the memory directory.

- `normalize_memory_path(path)`: lexical checks only, returns the canonical `/memories/a/b` form; enough for
  backends that are not a filesystem (a database keyed by path, object storage).
- `resolve_memory_path(root, path)`: the above plus resolution on disk: the real path (symlinks followed) must stay
  inside `root`. Returns that real path. It is a check at one instant: using the result by name later follows any
  directory swapped for a symlink meanwhile (O_NOFOLLOW guards only the last component). A filesystem backend must
  then walk the result's components from a descriptor of `root` (`dir_fd` + O_NOFOLLOW each step), as
  `BetaLocalFilesystemMemoryTool` does.

Both raise `MemoryPathError` (a `ToolError`, so the tool runner sends its message to Claude as an `is_error`
result, and a `ValueError` for code that catches that).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import ToolError

__all__ = ["MAX_MEMORY_PATH_LENGTH", "MEMORY_PREFIX", "MemoryPathError", "normalize_memory_path", "resolve_memory_path"]

MEMORY_PREFIX = "/memories"
MAX_MEMORY_PATH_LENGTH = 1024
"""Longer paths are refused before touching the filesystem (far beyond what a memory layout needs)."""

_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class MemoryPathError(ToolError, ValueError):
    """A memory path was refused; the message says why and is safe to show to the model."""


def normalize_memory_path(path: object) -> str:
    """Check a memory path lexically and return it as `/memories` or `/memories/<a>/<b>` (no `.`, no `//`)."""
    if not isinstance(path, str):
        raise MemoryPathError(f"Memory paths must be strings, got {type(path).__name__}")
    shown = _shown(path)
    if not path:
        raise MemoryPathError("The memory path is empty; paths must start with /memories")
    if len(path) > MAX_MEMORY_PATH_LENGTH:
        raise MemoryPathError(f"The memory path is longer than {MAX_MEMORY_PATH_LENGTH} characters")
    if "\x00" in path:
        raise MemoryPathError(f"The memory path {shown} contains a NUL byte")
    if _CONTROL.search(path):
        raise MemoryPathError(f"The memory path {shown} contains control characters")
    if "\\" in path:
        raise MemoryPathError(f"The memory path {shown} contains a backslash; use '/' to separate directories")
    if _PERCENT_ESCAPE.search(path):
        raise MemoryPathError(f"The memory path {shown} contains percent-encoded characters; send the path verbatim")
    if path != MEMORY_PREFIX and not path.startswith(MEMORY_PREFIX + "/"):
        raise MemoryPathError(f"Memory paths must start with {MEMORY_PREFIX}, got {shown}")
    parts = [part for part in path[len(MEMORY_PREFIX) :].split("/") if part not in ("", ".")]
    if ".." in parts:
        raise MemoryPathError(f"The memory path {shown} contains '..'; paths must stay inside {MEMORY_PREFIX}")
    if os.name == "nt" and any(":" in part for part in parts):
        raise MemoryPathError(f"The memory path {shown} contains ':' (drive or stream names are not allowed)")
    return "/".join([MEMORY_PREFIX, *parts])


def resolve_memory_path(root: str | os.PathLike[str], path: object) -> Path:
    """The real on-disk path of memory `path` under the directory `root` that plays `/memories`.

    The path is normalised first (`normalize_memory_path`), then resolved with symlinks followed; the result
    must be `root` itself or inside it. Components that do not exist yet are allowed (for `create`).
    The check is made at call time only; to use the result safely while the tree may change, walk its components
    relative to `root` from a directory descriptor without following links (see the module docstring).
    """
    virtual = normalize_memory_path(path)
    real_root = Path(root).resolve()
    relative = virtual[len(MEMORY_PREFIX) :].lstrip("/")
    candidate = real_root.joinpath(*relative.split("/")) if relative else real_root
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError) as exc:  # symlink loops
        raise MemoryPathError(
            f"The memory path {_shown(virtual)} cannot be resolved ({exc.__class__.__name__})"
        ) from exc
    if resolved != real_root and real_root not in resolved.parents:
        raise MemoryPathError(
            f"The memory path {_shown(virtual)} leads outside {MEMORY_PREFIX} (through a symbolic link); refused"
        )
    if _still_has_symlink(real_root, resolved):
        # Python 3.13+ no longer raises for symlink loops in a non-strict resolve: it leaves the link in place.
        raise MemoryPathError(f"The memory path {_shown(virtual)} cannot be resolved (symbolic link loop)")
    return resolved


def _still_has_symlink(root: Path, resolved: Path) -> bool:
    """After a full resolve no component can be a symlink, unless resolving it failed (a loop)."""
    current = root
    for part in resolved.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            return True
    return False


def _shown(path: str) -> str:
    """The path as it can safely appear in a message (escaped, shortened)."""
    text = repr(path)
    return text if len(text) <= 200 else text[:197] + "..."
