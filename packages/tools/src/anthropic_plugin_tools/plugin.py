"""Entry point `tools` of the `anthropic.plugins` group: registers what this package adds to `anthropic`.

Imported when the plugin host loads plugins, so it imports nothing heavy: the hooks only name modules
(`"module:attribute"`) or import them on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from anthropic.plugins import hookimpl

if TYPE_CHECKING:
    from anthropic.plugins import ResourceExtension

__all__ = ["EXPORTS", "LIB_TOOLS_EXPORTS", "extend_resources", "register_exports"]

EXPORTS = {
    "beta_tool": "anthropic_plugin_tools.functions:beta_tool",
    "beta_async_tool": "anthropic_plugin_tools.functions:beta_async_tool",
}
"""Names served from `anthropic` itself (`from anthropic import beta_tool`)."""

_LIB_TOOLS = {
    "beta_tool": "functions",
    "beta_async_tool": "functions",
    "BetaFunctionTool": "functions",
    "BetaAsyncFunctionTool": "functions",
    "BetaBuiltinFunctionTool": "functions",
    "BetaAsyncBuiltinFunctionTool": "functions",
    "BetaFunctionToolResultType": "functions",
    "BetaToolRunner": "runner",
    "BetaAsyncToolRunner": "runner",
    "BetaStreamingToolRunner": "runner",
    "BetaAsyncStreamingToolRunner": "runner",
    "BetaAbstractMemoryTool": "memory",
    "BetaAsyncAbstractMemoryTool": "memory",
    "tool_runner_sync": "resource",
    "tool_runner_async": "resource",
}
LIB_TOOLS_EXPORTS = {
    f"anthropic.lib.tools.{name}": f"anthropic_plugin_tools.{module}:{name}" for name, module in _LIB_TOOLS.items()
}
"""Names served at the 0.74.0 path `anthropic.lib.tools` (and the `tool_runner` methods the core types declare)."""


@hookimpl
def register_exports(register: Callable[[str, str], None]) -> None:
    for name, target in {**EXPORTS, **LIB_TOOLS_EXPORTS}.items():
        register(name, target)


def _sync_tool_runner(resource: Any) -> Any:
    from .resource import sync_tool_runner

    return sync_tool_runner(resource)


def _async_tool_runner(resource: Any) -> Any:
    from .resource import async_tool_runner

    return async_tool_runner(resource)


@hookimpl
def extend_resources(register: Callable[[ResourceExtension], None]) -> None:
    from anthropic.plugins import ResourceExtension

    register(
        ResourceExtension(
            resource="beta.messages", name="tool_runner", sync=_sync_tool_runner, async_=_async_tool_runner
        )
    )
