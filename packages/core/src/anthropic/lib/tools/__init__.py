"""`anthropic.lib.tools`: the 0.74.0 tool helpers, served by the plugin `anthropic[tools]` installs.

Install them with `pip install "anthropic[tools]"`. The names come from what the plugin registers with the plugin host
(see `anthropic._plugins.paths`); the core imports no plugin package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

# Not 0.74.0 names: the `beta.messages.tool_runner` methods the plugin adds, which the core's resource classes
# declare for type checkers (`anthropic.resources.beta.messages.messages`).
_RESOURCE_METHODS = ("tool_runner_sync", "tool_runner_async")

if TYPE_CHECKING:  # type checkers see the plugin's real names; at run time the plugin host serves them
    from anthropic_plugin_tools import BetaAbstractMemoryTool as BetaAbstractMemoryTool
    from anthropic_plugin_tools import BetaAsyncAbstractMemoryTool as BetaAsyncAbstractMemoryTool
    from anthropic_plugin_tools import BetaAsyncBuiltinFunctionTool as BetaAsyncBuiltinFunctionTool
    from anthropic_plugin_tools import BetaAsyncFunctionTool as BetaAsyncFunctionTool
    from anthropic_plugin_tools import BetaAsyncStreamingToolRunner as BetaAsyncStreamingToolRunner
    from anthropic_plugin_tools import BetaAsyncToolRunner as BetaAsyncToolRunner
    from anthropic_plugin_tools import BetaBuiltinFunctionTool as BetaBuiltinFunctionTool
    from anthropic_plugin_tools import BetaFunctionTool as BetaFunctionTool
    from anthropic_plugin_tools import BetaFunctionToolResultType as BetaFunctionToolResultType
    from anthropic_plugin_tools import BetaStreamingToolRunner as BetaStreamingToolRunner
    from anthropic_plugin_tools import BetaToolRunner as BetaToolRunner
    from anthropic_plugin_tools import beta_async_tool as beta_async_tool
    from anthropic_plugin_tools import beta_tool as beta_tool
    from anthropic_plugin_tools.resource import tool_runner_async as tool_runner_async
    from anthropic_plugin_tools.resource import tool_runner_sync as tool_runner_sync
else:
    from anthropic._plugins.paths import plugin_names as _plugin_names

    globals().update(_plugin_names(__name__, "tools", (*__all__, *_RESOURCE_METHODS)))
