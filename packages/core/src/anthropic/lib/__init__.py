"""Hand-written helpers on top of the API (`anthropic.lib.streaming`, ...). Submodules load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_dir, lazy_getattr

if TYPE_CHECKING:
    from ._files import async_files_from_dir as async_files_from_dir
    from ._files import files_from_dir as files_from_dir

# name -> submodule defining it (imported on first access)
_NAMES: dict[str, str] = {
    "files_from_dir": "_files",
    "async_files_from_dir": "_files",
}


if not TYPE_CHECKING:  # type checkers read the imports above

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _NAMES)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _NAMES)
