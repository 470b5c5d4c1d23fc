"""The Vertex plugin as a third party would write it: declarative clients on the public `anthropic.plugins` bases,
copies that start from the attributes as they are now, and the plugin API version it needs checked at import (that
only public `anthropic` modules are imported is checked for every plugin by tests/core/test_plugin_boundaries.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from anthropic.plugins import AsyncPlatformClient, PlatformClient
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

MODEL = "claude-sonnet-4-5@20250929"
MESSAGES = [{"role": "user", "content": "Hello"}]
ANY_PREDICT = re.compile(r"/v1/projects/.*:(stream)?[rR]awPredict")

Run = Callable[[Callable[[], Any]], Any]


def test_clients_are_declared_on_the_public_bases() -> None:
    assert issubclass(AnthropicVertex, PlatformClient) and AnthropicVertex.platform == "vertex"
    assert issubclass(AsyncAnthropicVertex, AsyncPlatformClient) and AsyncAnthropicVertex.platform == "vertex"
    for cls in (AnthropicVertex, AsyncAnthropicVertex):
        # copy/with_options/_copy_with come from the base (its copy() takes the Vertex arguments by name)
        assert all(getattr(cls, name).__module__ != cls.__module__ for name in ("copy", "with_options", "_copy_with"))


def test_copy_starts_from_the_reassigned_attributes(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client()
    client.access_token = "tok-reassigned"
    client.project_id = "proj-reassigned"
    client.region = "europe-west4"
    assert client.platform_options == {
        "region": "europe-west4",
        "project_id": "proj-reassigned",
        "access_token": "tok-reassigned",
        "credentials": None,
    }
    copy = client.with_options(max_retries=0)
    assert (copy.region, copy.project_id, copy.access_token) == ("europe-west4", "proj-reassigned", "tok-reassigned")
    assert copy._client is client._client  # the connection pool is shared

    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    run(lambda: copy.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    request = anthropic_server.last_request
    assert request.path == (
        f"/v1/projects/proj-reassigned/locations/europe-west4/publishers/anthropic/models/{MODEL}:rawPredict"
    )
    assert request.headers["authorization"] == "Bearer tok-reassigned"


def test_a_copy_has_its_own_attributes(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client()
    copy = client.copy()
    copy.access_token = "tok-of-the-copy"
    copy.project_id = "proj-of-the-copy"
    assert (client.access_token, client.project_id) == ("static-token", "proj")

    anthropic_server.enqueue(Reply.message(), path=ANY_PREDICT)
    run(lambda: client.messages.create(model=MODEL, max_tokens=16, messages=MESSAGES))
    request = anthropic_server.last_request
    assert request.path.startswith("/v1/projects/proj/")
    assert request.headers["authorization"] == "Bearer static-token"


def test_copy_rejects_arguments_the_constructor_does_not_take(make_client: Callable[..., Any]) -> None:
    client = make_client()
    with pytest.raises(TypeError, match="api_key"):
        client.copy(api_key="sk-nope")


def _import_plugin_after(setup: str) -> subprocess.CompletedProcess[str]:
    code = f"{setup}\nimport anthropic_plugin_vertex\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_a_core_with_another_plugin_api_is_refused() -> None:
    result = _import_plugin_after("import anthropic.plugins as p\np.PLUGIN_API_VERSION = 2")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: ") and "anthropic-plugin-vertex" in message
    assert "plugin API >=1,<2" in message and "version 2" in message


def test_a_core_without_the_plugin_api_is_refused_naming_the_fix() -> None:
    result = _import_plugin_after("import sys\nsys.modules['anthropic.plugins'] = None")
    assert result.returncode != 0
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: ") and "plugin API" in message
    assert "pip install --find-links <wheelhouse> anthropic-plugin-vertex" in message
