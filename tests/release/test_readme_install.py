"""The README's "Install" section, run literally in a fresh venv from a copy of this checkout: it must give this
project's core (not the index's official `anthropic`) plus the bedrock plugin; the aiohttp extra must give a
working `DefaultAioHttpClient` (as in the official 0.74.0)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _release_helpers import ROOT, Venv, copy_checkout, release_only

pytestmark = [release_only, pytest.mark.timeout(1200)]


def install_commands() -> list[str]:
    """The command lines of the first bash block under `## Install` (comments stripped)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Install\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None, "the Install section has no bash block"
    lines = [line.split("  #", 1)[0].strip() for line in block.group(1).splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def core_version() -> str:
    text = (ROOT / "packages/core/src/anthropic/_version.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match is not None
    return match.group(1)


def test_install_section_works_as_written(tmp_path: Path) -> None:
    commands = install_commands()
    assert any("pip install" in c and "anthropic[bedrock]" in c for c in commands), commands
    checkout = copy_checkout(tmp_path / "checkout")
    env = Venv(tmp_path / "venv")
    outputs = [env.run(command, cwd=checkout).stdout for command in commands]

    # What the user got: this checkout's core and the plugin, from the venv, not the official package.
    probe = env.python_c(
        "import anthropic, anthropic_plugin_bedrock, sys\n"
        "from anthropic import AnthropicBedrock\n"
        "from anthropic.plugin_api import PLUGIN_API_VERSION\n"
        "assert anthropic.__file__.startswith(sys.prefix), anthropic.__file__\n"
        "print(anthropic.__version__, AnthropicBedrock.__module__, PLUGIN_API_VERSION)",
        cwd=tmp_path,
    )
    version, module, api = probe.stdout.split()
    assert version == core_version()
    assert module.startswith("anthropic_plugin_bedrock")
    assert api == "1"
    listing = outputs[-1]  # the README's last command: `python -m anthropic plugins`
    assert "(anthropic-plugin-bedrock " in listing.partition("Installed but not loaded")[0], listing

    # The official extra `aiohttp`, installed the way the README says extras are installed.
    aiohttp_install = next(c for c in commands if "anthropic[bedrock]" in c).replace("[bedrock]", "[aiohttp]")
    env.run(aiohttp_install, cwd=checkout)
    aio = env.python_c(
        "import asyncio, anthropic, httpx, httpx_aiohttp\n"
        "async def main():\n"
        "    http = anthropic.DefaultAioHttpClient()\n"
        "    assert isinstance(http, httpx.AsyncClient), type(http)\n"
        "    async with anthropic.AsyncAnthropic(api_key='k', http_client=http):\n"
        "        pass\n"
        "asyncio.run(main())\n"
        "print(anthropic.__version__)",
        cwd=tmp_path,
    )
    assert aio.stdout.split()[-1] == core_version(), aio.stdout
