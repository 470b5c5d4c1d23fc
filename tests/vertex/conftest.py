"""Vertex fixtures: the plugin registered in the test's host, a generated service-account key whose token_uri
points at the fake server, and a token endpoint that verifies google-auth's signed JWT grant."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _vertex_support import CLIENT_EMAIL, CLOUD_PLATFORM, PROJECT, TokenEndpoint

from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer


@pytest.fixture(autouse=True)
def vertex_plugin(plugin_host: PluginHost) -> PluginHost:
    import anthropic_plugin_vertex.plugin

    plugin_host.register(anthropic_plugin_vertex.plugin, name="vertex")
    return plugin_host


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "CLOUD_ML_REGION",
        "ANTHROPIC_VERTEX_PROJECT_ID",
        "ANTHROPIC_VERTEX_BASE_URL",
        "GOOGLE_APPLICATION_CREDENTIALS",
        "GOOGLE_CLOUD_PROJECT",
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    # google.auth.default() must not pick up a developer's gcloud login during tests.
    monkeypatch.setenv("CLOUDSDK_CONFIG", "/nonexistent-gcloud-config")


@pytest.fixture(scope="session")
def rsa_private_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="session")
def rsa_public_pem(rsa_private_pem: str) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(rsa_private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@pytest.fixture
def token_uri(anthropic_server: FakeAnthropicServer) -> str:
    return f"{anthropic_server.url}/token"


@pytest.fixture
def key_file(tmp_path: Path, rsa_private_pem: str, token_uri: str) -> Path:
    """A service-account key file as the Cloud console issues it, except that its token_uri is the fake server."""
    info = {
        "type": "service_account",
        "project_id": PROJECT,
        "private_key_id": "test-key-id",
        "private_key": rsa_private_pem,
        "client_email": CLIENT_EMAIL,
        "client_id": "1234567890",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": token_uri,
    }
    path = tmp_path / "service-account.json"
    path.write_text(json.dumps(info))
    return path


@pytest.fixture
def service_account(key_file: Path) -> Any:
    from google.oauth2 import service_account

    return service_account.Credentials.from_service_account_file(str(key_file), scopes=[CLOUD_PLATFORM])


@pytest.fixture
def token_endpoint(
    anthropic_server: FakeAnthropicServer, rsa_public_pem: str, token_uri: str
) -> Iterator[TokenEndpoint]:
    yield TokenEndpoint(anthropic_server, rsa_public_pem, token_uri)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def run(mode: str) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """`run(fn)`: call `fn` and, for async clients, await its result on this test's event loop (in a thread)."""
    if mode == "sync":
        yield lambda fn: fn()
        return
    import inspect

    import anyio.from_thread

    async def main(fn: Callable[[], Any]) -> Any:
        result = fn()
        if inspect.isawaitable(result):
            result = await result
        return result

    with anyio.from_thread.start_blocking_portal() as portal:
        yield lambda fn: portal.call(main, fn)


@pytest.fixture
def make_client(mode: str, anthropic_server: FakeAnthropicServer) -> Callable[..., Any]:
    """A sync or async Vertex client for the fake server; defaults: region us-east5, project "proj", a static token."""
    from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

    def make(**kwargs: Any) -> Any:
        kwargs.setdefault("region", "us-east5")
        kwargs.setdefault("base_url", f"{anthropic_server.url}/v1")
        if "credentials" not in kwargs:
            kwargs.setdefault("access_token", "static-token")
        kwargs.setdefault("project_id", "proj")
        cls = AnthropicVertex if mode == "sync" else AsyncAnthropicVertex
        return cls(**kwargs)

    return make
