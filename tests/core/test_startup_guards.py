"""Guards for the first call in a fresh process, without timing: what building a client imports and scans.

Run in fresh interpreters with every installed plugin discoverable (autoload on), as a user's process would be.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

HEAVY = ("botocore", "boto3", "google.auth", "azure.identity", "azure.core")


def _run(code: str, **extra_env: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")} | extra_env
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(
    importlib.util.find_spec("anthropic_plugin_bedrock") is None, reason="needs the platform plugins installed"
)
def test_first_party_client_imports_no_platform_library() -> None:
    code = (
        "import sys, json, anthropic\n"
        "client = anthropic.Anthropic(api_key='k')\n"
        "client.with_options(max_retries=1)\n"
        "anthropic.AsyncAnthropic(api_key='k')\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    assert json.loads(_run(code)) == []


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"ANTHROPIC_PLUGINS_AUTOLOAD": "0"},
        {"ANTHROPIC_PLUGINS_BLOCK": "bedrock,vertex,foundry,tools,example"},  # missing names explain why: no rescan
    ],
    ids=["autoload", "autoload-off", "all-blocked"],
)
def test_entry_points_are_scanned_once_per_process(env: dict[str, str]) -> None:
    code = (
        "import importlib.metadata as md\n"
        "calls = []\n"
        "original = md.entry_points\n"
        "def counting(*args, **kwargs):\n"
        "    calls.append(kwargs.get('group'))\n"
        "    return original(*args, **kwargs)\n"
        "md.entry_points = counting\n"
        "import anthropic\n"
        "assert calls == [], calls  # importing scans nothing\n"
        "anthropic.Anthropic(api_key='k')\n"
        "anthropic.AsyncAnthropic(api_key='k').with_options(timeout=5)\n"
        "anthropic.Anthropic(api_key='k')\n"
        "hasattr(anthropic, 'beta_tool')\n"
        "hasattr(anthropic, 'AnthropicBedrock')\n"
        "print(len([g for g in calls if g in (None, 'anthropic.plugins')]))\n"
    )
    assert int(_run(code, **env)) == 1  # scanned once, when first needed; never again
