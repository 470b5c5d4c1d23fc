"""`anthropic.lib.tools`: the 0.74.0 tool helpers, provided by the `anthropic-plugin-tools` package.

Install them with `pip install "anthropic[tools]"`.
"""

from __future__ import annotations

try:
    from anthropic_plugin_tools import (
        BetaAbstractMemoryTool,
        BetaAsyncAbstractMemoryTool,
        BetaAsyncBuiltinFunctionTool,
        BetaAsyncFunctionTool,
        BetaAsyncStreamingToolRunner,
        BetaAsyncToolRunner,
        BetaBuiltinFunctionTool,
        BetaFunctionTool,
        BetaFunctionToolResultType,
        BetaStreamingToolRunner,
        BetaToolRunner,
        beta_async_tool,
        beta_tool,
    )
except ImportError as exc:
    if exc.name != "anthropic_plugin_tools":
        raise
    raise ImportError(
        "`anthropic.lib.tools` is provided by the tools plugin, which is not installed; install it with: "
        'pip install "anthropic[tools]"',
        name=exc.name,
    ) from exc

__all__ = [
    "beta_tool",
    "beta_async_tool",
    "BetaFunctionTool",
    "BetaAsyncFunctionTool",
    "BetaBuiltinFunctionTool",
    "BetaAsyncBuiltinFunctionTool",
    "BetaToolRunner",
    "BetaAsyncStreamingToolRunner",
    "BetaStreamingToolRunner",
    "BetaAsyncToolRunner",
    "BetaFunctionToolResultType",
    "BetaAbstractMemoryTool",
    "BetaAsyncAbstractMemoryTool",
]
