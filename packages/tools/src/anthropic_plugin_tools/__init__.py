"""anthropic-plugin-tools: tool helpers for the `anthropic` SDK.

`beta_tool` / `beta_async_tool`, the tool runners behind `client.beta.messages.tool_runner(...)` and the memory
tool (abstract backends plus a safe local filesystem one). The same names are importable from
`anthropic.lib.tools`. Names load on first use so that `import anthropic_plugin_tools` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

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
