"""The tools plugin against the public plugin API: `anthropic.lib.tools` is served by what a plugin registers (the
core imports no plugin package), and the plugin refuses a core whose plugin API it was not written for.

Each scenario runs in a fresh interpreter: `anthropic.lib.tools` resolves its names once, when it is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from anthropic._plugins.host import InstalledPlugin, PluginHost
from anthropic_plugin_tools.plugin import LIB_TOOLS_EXPORTS

OFFICIAL_NAMES = (
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
)

# A stand-in tools plugin: every name is a distinct sentinel string, so the test sees which rule served it.
FAKE_PLUGIN = '''
from anthropic.plugins import hookimpl

NAMES = {names!r}
for _name in NAMES:
    globals()[_name] = "from-module:" + _name

beta_tool = "plain:beta_tool"
qualified_runner = "qualified:BetaToolRunner"


@hookimpl
def register_exports(register):
    register("beta_tool", "fake_tools:beta_tool")  # a plain export, as for `anthropic.beta_tool`
    register("anthropic.lib.tools.BetaToolRunner", "fake_tools:qualified_runner")  # served at that path only
    {extra}
'''


def run_python(code: str, tmp_path: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    extra_path = {"PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path or ""), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **extra_path, **env},
        timeout=120,
    )


def _fake_plugin(tmp_path: Path, names: tuple[str, ...], extra: str = "") -> None:
    source = FAKE_PLUGIN.format(names=names, extra=extra or "pass")
    (tmp_path / "fake_tools.py").write_text(textwrap.dedent(source), encoding="utf-8")


def test_the_plugin_registers_every_lib_tools_name_at_that_path() -> None:
    expected = {f"anthropic.lib.tools.{name}" for name in (*OFFICIAL_NAMES, "tool_runner_sync", "tool_runner_async")}
    assert set(LIB_TOOLS_EXPORTS) == expected
    result = run_python(
        """
        import anthropic_plugin_tools, anthropic_plugin_tools.resource as resource
        from anthropic._plugins.host import get_host
        get_host().register(__import__("anthropic_plugin_tools.plugin").plugin, name="tools")
        import anthropic.lib.tools as lib
        assert all(getattr(lib, n) is getattr(anthropic_plugin_tools, n) for n in lib.__all__)
        assert lib.tool_runner_sync is resource.tool_runner_sync and lib.tool_runner_async is resource.tool_runner_async
        print(len(lib.__all__))
        """,
        ANTHROPIC_PLUGINS_AUTOLOAD="0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(OFFICIAL_NAMES))


def test_lib_tools_is_served_by_whichever_plugin_registers_it(tmp_path: Path) -> None:
    """Qualified export first, then the plain export, then the module of the first name found."""
    _fake_plugin(tmp_path, (*OFFICIAL_NAMES, "tool_runner_sync", "tool_runner_async"))
    result = run_python(
        """
        import fake_tools
        from anthropic._plugins.host import get_host
        get_host().register(fake_tools, name="fake")
        from anthropic.lib.tools import BetaToolRunner, BetaAbstractMemoryTool, beta_tool
        print(beta_tool, BetaToolRunner, BetaAbstractMemoryTool)
        """,
        tmp_path,
        ANTHROPIC_PLUGINS_AUTOLOAD="0",
    )
    assert result.returncode == 0, result.stderr
    served = result.stdout.split()
    assert served == ["plain:beta_tool", "qualified:BetaToolRunner", "from-module:BetaAbstractMemoryTool"]


def test_names_no_plugin_provides_are_listed(tmp_path: Path) -> None:
    _fake_plugin(tmp_path, ("BetaFunctionTool",))
    result = run_python(
        """
        import fake_tools
        from anthropic._plugins.host import get_host
        get_host().register(fake_tools, name="fake")
        try:
            import anthropic.lib.tools
        except ImportError as exc:
            print(exc)
        """,
        tmp_path,
        ANTHROPIC_PLUGINS_AUTOLOAD="0",
    )
    assert result.returncode == 0, result.stderr
    message = result.stdout.strip()
    assert "do not provide" in message and "BetaAsyncToolRunner" in message and "BetaToolRunner," not in message
    assert "installed but not loaded" in message and "autoload is off" in message  # the real tools plugin is off
    assert 'pip install "anthropic[tools]"' in message


def test_an_installed_plugin_that_is_off_is_named_with_the_reason() -> None:
    result = run_python(
        """
        try:
            from anthropic.lib.tools import beta_tool
        except ImportError as exc:
            print(exc)
        """,
        ANTHROPIC_PLUGINS_BLOCK="anthropic-plugin-tools",
    )
    assert result.returncode == 0, result.stderr
    message = result.stdout.strip()
    assert "installed but not loaded" in message and "blocked by ANTHROPIC_PLUGINS_BLOCK" in message, message
    assert 'pip install "anthropic[tools]"' in message


def test_the_plugin_refuses_a_core_with_another_plugin_api() -> None:
    result = run_python(
        """
        import anthropic.plugin_api
        anthropic.plugin_api.PLUGIN_API_VERSION = 2  # a future core with an incompatible plugin API
        try:
            import anthropic_plugin_tools
        except ImportError as exc:
            print(exc)
        """
    )
    assert result.returncode == 0, result.stderr
    message = result.stdout.strip()
    assert message.startswith("anthropic-plugin-tools needs the anthropic plugin API >=1,<2"), message
    assert "offers version 2" in message


def test_the_plugin_refuses_a_core_without_the_plugin_api() -> None:
    result = run_python(
        """
        import sys
        sys.modules["anthropic.plugins"] = None  # as in the official SDK, which has no plugin API
        try:
            import anthropic_plugin_tools
        except ImportError as exc:
            print(exc)
        """
    )
    assert result.returncode == 0, result.stderr
    message = result.stdout.strip()
    assert "anthropic-plugin-tools" in message and "plugin API 1" in message, message
    assert "pip install --find-links <wheelhouse> anthropic-plugin-tools" in message


def test_an_extra_is_matched_to_its_plugin_through_the_core_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """The host finds the plugin an extra installs by the core's own requirements, whatever its entry-point name."""
    host = PluginHost(autoload=False)
    renamed = InstalledPlugin("toolbox", "x.plugin", "anthropic-plugin-tools", "0.1.0", False, "blocked")
    monkeypatch.setattr(host, "installed", lambda: [renamed])
    assert host.not_loaded("tools") == [renamed]
    assert host.not_loaded("all") == [renamed]
    assert host.not_loaded("vertex") == []
    assert host.not_loaded("toolbox") == [renamed]  # the entry-point name itself
