"""The Foundry clients as declarative `anthropic.plugins` platform clients: copies resolve nothing again (no
`ANTHROPIC_FOUNDRY_*` re-read), `copy()` has 0.74.0's signature, and the plugin refuses a core without its plugin API."""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from anthropic.plugins import AsyncPlatformClient, PlatformClient
from anthropic.testing import FakeAnthropicServer
from anthropic_plugin_foundry import AnthropicFoundry, AsyncAnthropicFoundry

MODEL = "claude-sonnet-4-5"
MESSAGES = [{"role": "user", "content": "Hello"}]
Run = Callable[[Callable[[], Any]], Any]


def _create(client: Any) -> Any:
    return client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES)


def test_clients_derive_from_the_public_bases() -> None:
    assert issubclass(AnthropicFoundry, PlatformClient)
    assert issubclass(AsyncAnthropicFoundry, AsyncPlatformClient)
    assert AnthropicFoundry.platform == AsyncAnthropicFoundry.platform == "foundry"


@pytest.mark.parametrize("cls", [AnthropicFoundry, AsyncAnthropicFoundry])
def test_copy_signature_has_the_0_74_0_names(cls: type[Any]) -> None:
    official = {
        "api_key", "azure_ad_token_provider", "auth_token", "base_url", "timeout", "http_client", "max_retries",
        "default_headers", "set_default_headers", "default_query", "set_default_query", "_extra_kwargs",
    }  # fmt: skip
    for method in (cls.copy, cls.with_options):
        params = inspect.signature(method).parameters
        assert official <= set(params), official - set(params)
        assert all(p.kind is p.KEYWORD_ONLY and p.default is not p.empty for n, p in params.items() if n != "self")


@pytest.mark.parametrize("cls", [AnthropicFoundry, AsyncAnthropicFoundry])
def test_a_copy_of_a_client_built_from_the_resource_variable_keeps_its_url(
    cls: type[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_RESOURCE", "env-resource")
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_API_KEY", "env-key")
    client = cls()
    copy = client.with_options(max_retries=0)
    assert str(copy.base_url) == "https://env-resource.services.ai.azure.com/anthropic/"
    assert (copy.api_key, copy.max_retries) == ("env-key", 0)
    # An explicit base URL replaces the derived one.
    moved = client.copy(base_url="https://elsewhere.example/anthropic/")
    assert str(moved.base_url) == "https://elsewhere.example/anthropic/"
    with pytest.raises(ValueError, match=r"^base_url and resource are mutually exclusive$"):
        client.copy(resource="other")  # the copy keeps a base URL; name the new one with base_url=


def test_a_copy_reads_no_key_from_the_environment(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client(azure_ad_token_provider=lambda: "aad")
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_API_KEY", "set-after-construction")
    copy = client.copy(default_headers={"x-copy": "1"})
    assert copy.api_key is None
    run(lambda: _create(copy))
    headers = anthropic_server.last_request.headers
    assert (headers["authorization"], headers["x-copy"]) == ("Bearer aad", "1")
    assert "x-api-key" not in headers
    assert "api-key" not in headers


def test_copy_keeps_a_key_and_replaces_it_on_request(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(api_key="first")
    copy = client.copy(api_key="second")
    run(lambda: _create(copy))
    assert anthropic_server.last_request.headers["api-key"] == "second"
    assert anthropic_server.last_request.headers["x-api-key"] == "second"
    assert client.api_key == "first"


def test_auth_token_is_refused(make_client: Callable[..., Any]) -> None:
    client = make_client(api_key="k")
    with pytest.raises(TypeError, match="Foundry clients take no `auth_token`"):
        client.copy(auth_token="bearer")
    with pytest.raises(TypeError, match="Foundry clients take no `auth_token`"):
        type(client)(api_key="k", resource="r", auth_token="bearer")


def test_unknown_copy_arguments_are_refused(make_client: Callable[..., Any]) -> None:
    with pytest.raises(TypeError, match="unexpected keyword arguments: aws_region"):
        make_client(api_key="k").copy(aws_region="us-east-1")


def _import_plugin_with(setup: str) -> subprocess.CompletedProcess[str]:
    code = f"import sys\n{setup}\nimport anthropic_plugin_foundry\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_a_core_without_the_plugin_api_is_refused_naming_the_fix() -> None:
    result = _import_plugin_with("sys.modules['anthropic.plugins'] = None  # as in the official SDK: no such module")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: anthropic-plugin-foundry "), message
    assert "plugin API" in message
    assert "pip install --find-links <wheelhouse> anthropic-plugin-foundry" in message


def test_a_core_with_another_plugin_api_version_is_refused() -> None:
    result = _import_plugin_with("import anthropic.plugins\nanthropic.plugins.PLUGIN_API_VERSION = 2")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: anthropic-plugin-foundry needs the anthropic plugin API >=1,<2"), message
