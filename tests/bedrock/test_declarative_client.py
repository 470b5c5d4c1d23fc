"""The Bedrock plugin as a third party would write it: declarative clients on the public bases, and a clear
ImportError on a core without the plugin API it needs (its public-only imports: tests/core/test_plugin_boundaries.py)."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from anthropic.plugins import AsyncPlatformClient, PlatformClient
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

PACKAGE = Path(__file__).resolve().parents[2] / "packages" / "bedrock"
CLIENTS = [AnthropicBedrock, AsyncAnthropicBedrock]


def test_clients_are_declared_on_the_public_bases() -> None:
    assert issubclass(AnthropicBedrock, PlatformClient)
    assert issubclass(AsyncAnthropicBedrock, AsyncPlatformClient)
    for cls in CLIENTS:
        assert cls.platform == "bedrock"
        assert not set(vars(cls)) & {"_copy_with", "_setup", "_configure", "_init_http"}
    source = (PACKAGE / "src" / "anthropic_plugin_bedrock" / "client.py").read_text(encoding="utf-8")
    assert "def copy" not in source and "with_options =" not in source  # copy() comes from the base


@pytest.mark.parametrize("cls", CLIENTS)
def test_copy_signature_is_0_74s_plus_aws_profile(cls: type[Any]) -> None:
    params = inspect.signature(cls.copy).parameters
    names = [name for name in params if name != "self"]
    assert names[:5] == ["aws_secret_key", "aws_access_key", "aws_region", "aws_profile", "aws_session_token"]
    assert all(params[name].kind is inspect.Parameter.KEYWORD_ONLY for name in names)
    assert inspect.signature(cls.with_options) == inspect.signature(cls.copy)
    client = cls(aws_region="us-east-1")
    with pytest.raises(TypeError, match="api_key"):
        client.copy(api_key="sk-not-for-aws")  # 0.74.0's Bedrock copy() has no api_key either


@pytest.mark.parametrize("cls", CLIENTS)
def test_platform_options_are_the_resolved_aws_arguments(cls: type[Any]) -> None:
    client = cls(aws_access_key="a", aws_secret_key="s", aws_profile="p", aws_region=None)
    assert dict(client.platform_options) == {
        "aws_secret_key": "s",
        "aws_access_key": "a",
        "aws_region": "us-east-1",  # inferred once; copies keep it rather than inferring again
        "aws_profile": "p",
        "aws_session_token": None,
    }
    assert "'s'" not in repr(client._config) and "'a'" not in repr(client._config.options)


@pytest.mark.parametrize("cls", CLIENTS)
def test_copy_keeps_a_base_url_from_the_environment_when_the_region_changes(
    cls: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_BEDROCK_BASE_URL", "https://proxy.example.com/bedrock")
    client = cls(aws_region="us-east-1")
    monkeypatch.delenv("ANTHROPIC_BEDROCK_BASE_URL")
    assert str(client.copy(aws_region="eu-west-3").base_url) == "https://proxy.example.com/bedrock/"


@pytest.mark.parametrize("cls", CLIENTS)
def test_copy_keeps_a_base_url_assigned_after_construction(cls: type[Any]) -> None:
    client = cls(aws_region="us-east-1")
    client.base_url = "https://assigned.example.com"
    assert str(client.with_options(max_retries=1).base_url) == "https://assigned.example.com/"
    moved = cls(aws_region="us-east-1").with_options(aws_region="ap-south-1", max_retries=1)
    assert str(moved.base_url) == "https://bedrock-runtime.ap-south-1.amazonaws.com/"


def _import_plugin(prelude: str) -> subprocess.CompletedProcess[str]:
    code = f"{prelude}\nimport anthropic_plugin_bedrock\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_a_core_without_the_plugin_api_is_refused_naming_the_fix() -> None:
    # As next to the official SDK: `anthropic.plugins` cannot be imported.
    result = _import_plugin("import sys; sys.modules['anthropic.plugins'] = None")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: anthropic-plugin-bedrock ")
    assert "plugin API" in message and "pip install --find-links <wheelhouse> anthropic-plugin-bedrock" in message


def test_a_core_with_another_plugin_api_version_is_refused() -> None:
    result = _import_plugin("import anthropic.plugins as p; p.PLUGIN_API_VERSION = 2")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: anthropic-plugin-bedrock needs the anthropic plugin API >=1,<2")
    assert "version 2" in message


def test_the_current_core_is_accepted() -> None:
    result = _import_plugin("")
    assert result.returncode == 0, result.stderr
