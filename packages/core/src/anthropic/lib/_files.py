"""`files_from_dir`: the files of a folder as upload tuples, e.g. for `client.beta.skills.create(files=...)`.

Each file becomes `("<folder>/<relative path>", contents)`, the folder's own name included (skills need their
files under one top-level folder holding `SKILL.md`). Entries are sorted so uploads are reproducible.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._types import FileTypes

__all__ = ["async_files_from_dir", "files_from_dir"]


def files_from_dir(directory: str | os.PathLike[str]) -> list[FileTypes]:
    """Every file under `directory` (recursively) as `(posix path relative to its parent, bytes)`."""
    root = Path(directory)
    base = root.parent
    files: list[FileTypes] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
        for entry in entries:
            if entry.is_dir():
                continue
            files.append((entry.relative_to(base).as_posix(), entry.read_bytes()))
        pending.extend(reversed([entry for entry in entries if entry.is_dir()]))
    return files


async def async_files_from_dir(directory: str | os.PathLike[str]) -> list[FileTypes]:
    """`files_from_dir` for async code: the folder is walked and read in a worker thread."""
    from anyio import to_thread

    return await to_thread.run_sync(files_from_dir, directory)
