"""Hand-written helpers on top of the API (`anthropic.lib.streaming`, ...). Submodules load on first use."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._files import async_files_from_dir as async_files_from_dir
    from ._files import files_from_dir as files_from_dir

# name -> submodule defining it (imported on first access)
_NAMES: dict[str, str] = {
    "files_from_dir": "_files",
    "async_files_from_dir": "_files",
}


def __getattr__(name: str) -> Any:
    module_name = _NAMES.get(name)
    if module_name is None:
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value
