"""Packaging: names served through the plugin host, the `anthropic.lib.tools` shim, the resource extension, and the
ImportError that names the extra when the plugin is missing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import anthropic
import anthropic_plugin_tools
from anthropic import Anthropic, AsyncAnthropic
from anthropic._plugins.host import PluginHost

OFFICIAL_NAMES = [
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


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_exports_through_the_plugin_host(tools_plugin: PluginHost) -> None:
    from anthropic_plugin_tools.functions import beta_async_tool, beta_tool

    exports = tools_plugin.exports()
    assert exports["beta_tool"] == "anthropic_plugin_tools.functions:beta_tool"
    assert anthropic.__getattr__("beta_tool") is beta_tool
    assert anthropic.__getattr__("beta_async_tool") is beta_async_tool


def test_lib_tools_shim_reexports_the_official_names() -> None:
    import anthropic.lib.tools as shim

    assert sorted(shim.__all__) == sorted(OFFICIAL_NAMES)
    for name in OFFICIAL_NAMES:
        assert getattr(shim, name) is getattr(anthropic_plugin_tools, name), name


def test_tool_runner_extension_on_every_client_mode() -> None:
    sync_client = Anthropic(api_key="k", base_url="http://127.0.0.1:9")
    async_client = AsyncAnthropic(api_key="k", base_url="http://127.0.0.1:9")
    sync_runner = sync_client.beta.messages.tool_runner
    assert sync_runner.__func__.__name__ == "tool_runner_sync"
    assert sync_runner.__self__ is sync_client.beta.messages
    assert async_client.beta.messages.tool_runner.__func__.__name__ == "tool_runner_async"
    assert callable(sync_client.with_options(timeout=5).beta.messages.tool_runner)
    with pytest.raises(AttributeError):
        sync_client.beta.messages.with_raw_response.tool_runner  # noqa: B018
    with pytest.raises(AttributeError):
        sync_client.messages.tool_runner  # noqa: B018  (only beta.messages is extended)


def test_no_tool_runner_without_the_plugin(tools_plugin: PluginHost) -> None:
    tools_plugin.unregister("tools")
    client = Anthropic(api_key="k", base_url="http://127.0.0.1:9")
    with pytest.raises(AttributeError, match="tool_runner"):
        client.beta.messages.tool_runner  # noqa: B018


def test_entry_point_discovery_in_a_fresh_interpreter() -> None:
    result = run_python(
        """
        import sys
        from anthropic import Anthropic, beta_tool
        import anthropic_plugin_tools.functions as functions
        assert beta_tool is functions.beta_tool
        client = Anthropic(api_key="k", base_url="http://127.0.0.1:9")
        print(client.beta.messages.tool_runner.__func__.__name__)
        """,
        ANTHROPIC_PLUGINS_ALLOW="tools",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "tool_runner_sync"


def test_missing_plugin_names_the_extra() -> None:
    result = run_python(
        """
        import sys
        sys.modules["anthropic_plugin_tools"] = None  # as if the package were not installed
        import anthropic
        for attempt in ("anthropic.beta_tool", "anthropic.beta_async_tool"):
            try:
                eval(attempt)
            except AttributeError as exc:  # attribute access; `from anthropic import ...` raises ImportError
                print(exc)
        try:
            import anthropic.lib.tools
        except ImportError as exc:
            print(exc)
        """,
        ANTHROPIC_PLUGINS_BLOCK="tools",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert all('pip install "anthropic[tools]"' in line for line in lines), lines


def test_plugin_module_is_cheap_to_import() -> None:
    result = run_python(
        """
        import sys
        import anthropic_plugin_tools.plugin
        import anthropic_plugin_tools
        heavy = [m for m in ("pydantic", "docstring_parser", "httpx", "anthropic.types", "anthropic_plugin_tools.runner")
                 if m in sys.modules]
        print(heavy)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_shipped_platform_clients_get_the_tool_runner(tools_plugin: PluginHost) -> None:
    bedrock_plugin = pytest.importorskip("anthropic_plugin_bedrock.plugin")
    tools_plugin.register(bedrock_plugin, name="bedrock")
    bedrock = anthropic.__getattr__("AnthropicBedrock")
    client = bedrock(aws_region="us-east-1", aws_access_key="AKIDEXAMPLE", aws_secret_key="secret")
    assert client.beta.messages.tool_runner.__func__.__name__ == "tool_runner_sync"
    async_client = anthropic.__getattr__("AsyncAnthropicBedrock")(
        aws_region="us-east-1", aws_access_key="AKIDEXAMPLE", aws_secret_key="secret"
    )
    assert async_client.beta.messages.tool_runner.__func__.__name__ == "tool_runner_async"
