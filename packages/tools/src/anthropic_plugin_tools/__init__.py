"""anthropic-plugin-tools: tool helpers for the `anthropic` SDK.

`beta_tool` / `beta_async_tool`, the tool runners behind `client.beta.messages.tool_runner(...)` and the memory
tool (abstract backends plus a safe local filesystem one). The same names are importable from
`anthropic.lib.tools`. Names load on first use so that `import anthropic_plugin_tools` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
_DISTRIBUTION = "anthropic-plugin-tools"


def _require_core() -> None:
    """Fail at import, naming the fix, unless `anthropic` offers the plugin API this package is written against.

    The official SDK has no `anthropic.plugins` (it would ignore plugins silently); a core of this project checks the
    version range itself (`require_plugin_api`).
    """
    try:
        from anthropic.plugins import require_plugin_api
    except ImportError:
        pass
    else:
        require_plugin_api(1, 2, distribution=_DISTRIBUTION)
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = f"anthropic {version('anthropic')}"
    except PackageNotFoundError:
        found = "no anthropic distribution"
    raise ImportError(
        f"{_DISTRIBUTION} {__version__} needs the anthropic core of the anthropic-fast project (plugin API 1), but "
        f"{found} is installed, which does not offer it (the official SDK ignores plugins). Fix: install the "
        f"plugin again from this project's wheelhouse, which brings its core: pip install --find-links <wheelhouse> "
        f"{_DISTRIBUTION} (see https://github.com/anthropic-fast/anthropic-fast#install)"
    )


_require_core()

if TYPE_CHECKING:
    from .errors import ToolError
    from .functions import (
        BetaAsyncBuiltinFunctionTool,
        BetaAsyncFunctionTool,
        BetaAsyncRunnableTool,
        BetaBuiltinFunctionTool,
        BetaFunctionTool,
        BetaFunctionToolResultType,
        BetaRunnableTool,
        beta_async_tool,
        beta_tool,
    )
    from .memory import BetaAbstractMemoryTool, BetaAsyncAbstractMemoryTool, parse_memory_command
    from .memory_fs import BetaAsyncLocalFilesystemMemoryTool, BetaLocalFilesystemMemoryTool
    from .memory_paths import MemoryPathError, normalize_memory_path, resolve_memory_path
    from .runner import BetaAsyncStreamingToolRunner, BetaAsyncToolRunner, BetaStreamingToolRunner, BetaToolRunner

_LOCATIONS = {
    "beta_tool": "functions",
    "beta_async_tool": "functions",
    "BetaFunctionTool": "functions",
    "BetaAsyncFunctionTool": "functions",
    "BetaBuiltinFunctionTool": "functions",
    "BetaAsyncBuiltinFunctionTool": "functions",
    "BetaFunctionToolResultType": "functions",
    "BetaRunnableTool": "functions",
    "BetaAsyncRunnableTool": "functions",
    "BetaToolRunner": "runner",
    "BetaAsyncToolRunner": "runner",
    "BetaStreamingToolRunner": "runner",
    "BetaAsyncStreamingToolRunner": "runner",
    "BetaAbstractMemoryTool": "memory",
    "BetaAsyncAbstractMemoryTool": "memory",
    "parse_memory_command": "memory",
    "BetaLocalFilesystemMemoryTool": "memory_fs",
    "BetaAsyncLocalFilesystemMemoryTool": "memory_fs",
    "MemoryPathError": "memory_paths",
    "normalize_memory_path": "memory_paths",
    "resolve_memory_path": "memory_paths",
    "ToolError": "errors",
}

__all__ = [
    "__version__",
    "beta_tool",
    "beta_async_tool",
    "BetaFunctionTool",
    "BetaAsyncFunctionTool",
    "BetaBuiltinFunctionTool",
    "BetaAsyncBuiltinFunctionTool",
    "BetaFunctionToolResultType",
    "BetaRunnableTool",
    "BetaAsyncRunnableTool",
    "BetaToolRunner",
    "BetaAsyncToolRunner",
    "BetaStreamingToolRunner",
    "BetaAsyncStreamingToolRunner",
    "BetaAbstractMemoryTool",
    "BetaAsyncAbstractMemoryTool",
    "parse_memory_command",
    "BetaLocalFilesystemMemoryTool",
    "BetaAsyncLocalFilesystemMemoryTool",
    "MemoryPathError",
    "normalize_memory_path",
    "resolve_memory_path",
    "ToolError",
]


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LOCATIONS))
