"""AnthropicFoundry over real HTTP: constructor resolution and errors, API-key headers, Azure AD tokens from
azure-identity's `get_bearer_token_provider` (per attempt, sync and async), unsupported endpoints and copies."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from _foundry_support import FOUNDRY_SCOPE, AsyncTestCredential, TestCredential

import anthropic
from anthropic import AnthropicError, UnsupportedOnPlatformError
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_foundry import AnthropicFoundry, AsyncAnthropicFoundry

MODEL = "claude-sonnet-4-5"
MESSAGES = [{"role": "user", "content": "Hello"}]
MESSAGES_PATH = "/v1/messages"

Run = Callable[[Callable[[], Any]], Any]


def _create(client: Any, **kwargs: Any) -> Any:
    return client.messages.create(model=MODEL, max_tokens=8, messages=MESSAGES, **kwargs)


def _sync_provider(credential: TestCredential) -> Callable[[], str]:
    from azure.identity import get_bearer_token_provider

    return get_bearer_token_provider(credential, FOUNDRY_SCOPE)


def _async_provider(credential: AsyncTestCredential) -> Callable[[], Any]:
    from azure.identity.aio import get_bearer_token_provider

    return get_bearer_token_provider(credential, FOUNDRY_SCOPE)


# -- construction --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [AnthropicFoundry, AsyncAnthropicFoundry])
def test_missing_credentials(cls: type[Any]) -> None:
    with pytest.raises(
        AnthropicError,
        match=r"^Missing credentials\. Please pass one of `api_key`, `azure_ad_token_provider`, or the `ANTHROPIC_FOUNDRY_API_KEY` environment variable\.$",
    ):
        cls(resource="r")


@pytest.mark.parametrize("cls", [AnthropicFoundry, AsyncAnthropicFoundry])
def test_base_url_or_resource(cls: type[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(
        ValueError,
        match=r"^Must provide one of the `base_url` or `resource` arguments, or the `ANTHROPIC_FOUNDRY_RESOURCE` environment variable$",
    ):
        cls(api_key="k")
    with pytest.raises(ValueError, match=r"^base_url and resource are mutually exclusive$"):
        cls(api_key="k", resource="r", base_url="https://x.example/anthropic/")
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_RESOURCE", "from-env")
    with pytest.raises(ValueError, match="mutually exclusive"):
        cls(api_key="k", base_url="https://x.example/anthropic/")
    assert str(cls(api_key="k").base_url) == "https://from-env.services.ai.azure.com/anthropic/"


def test_resource_env_and_api_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    client = AnthropicFoundry(api_key="k", resource="my-resource")
    assert str(client.base_url) == "https://my-resource.services.ai.azure.com/anthropic/"
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_BASE_URL", "https://custom.example/anthropic")
    client = AnthropicFoundry()
    assert client.api_key == "env-key"
    assert str(client.base_url) == "https://custom.example/anthropic/"
    assert isinstance(client, anthropic.Anthropic)
    assert isinstance(AsyncAnthropicFoundry(), anthropic.AsyncAnthropic)


def test_served_from_anthropic_and_the_0_74_path() -> None:
    import anthropic.lib.foundry as lib_foundry

    assert lib_foundry.AnthropicFoundry is AnthropicFoundry
    assert lib_foundry.AsyncAnthropicFoundry is AsyncAnthropicFoundry
    assert issubclass(lib_foundry.MutuallyExclusiveAuthError, AnthropicError)
    assert "mutually exclusive" in str(lib_foundry.MutuallyExclusiveAuthError())
    assert anthropic.AnthropicFoundry is AnthropicFoundry
    assert anthropic.AsyncAnthropicFoundry is AsyncAnthropicFoundry


def test_paths_are_the_first_party_ones_under_the_foundry_base_url(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    anthropic_server.enqueue(Reply.message("hi"), Reply.json({"input_tokens": 5}))
    client = make_client(api_key="k", base_url=f"{anthropic_server.url}/anthropic/")
    run(lambda: _create(client))
    run(lambda: client.messages.count_tokens(model=MODEL, messages=MESSAGES))
    assert [r.path for r in anthropic_server.requests] == [
        "/anthropic/v1/messages",
        "/anthropic/v1/messages/count_tokens",
    ]


# -- API key ---------------------------------------------------------------------------------------------------


def test_api_key_is_sent_as_api_key_and_x_api_key(
    make_client: Callable[..., Any], run: Run, mode: str, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(api_key="azure-key")
    message = run(lambda: _create(client))
    assert message.content[0].type == "text"
    req = anthropic_server.last_request
    assert req.path == MESSAGES_PATH
    assert req.json() == {"model": MODEL, "max_tokens": 8, "messages": MESSAGES}
    assert req.headers["api-key"] == "azure-key"
    assert req.headers["x-api-key"] == "azure-key"
    assert req.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in req.headers
    expected_ua = (
        "AnthropicFoundry" if mode == "sync" else "AsyncAnthropicFoundry"
    ) + f"/Python {anthropic.__version__}"
    assert req.headers["user-agent"] == expected_ua


def test_per_request_api_key_header_wins(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(api_key="azure-key")
    run(lambda: _create(client, extra_headers={"api-key": "other-key"}))
    assert anthropic_server.last_request.headers["api-key"] == "other-key"


def test_first_party_env_credentials_are_never_sent(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-first-party")
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "first-party-token")
    client = make_client(azure_ad_token_provider=lambda: "aad")
    run(lambda: _create(client))
    headers = anthropic_server.last_request.headers
    assert "x-api-key" not in headers
    assert "api-key" not in headers
    assert headers["authorization"] == "Bearer aad"


# -- Azure AD token provider -----------------------------------------------------------------------------------


def test_azure_identity_provider_supplies_the_bearer_token(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    credential = TestCredential()
    client = make_client(azure_ad_token_provider=_sync_provider(credential))
    run(lambda: _create(client))
    run(lambda: client.messages.count_tokens(model=MODEL, messages=MESSAGES))
    first, second = anthropic_server.requests
    assert first.headers["authorization"] == "Bearer aad-token-1"
    assert second.path == "/v1/messages/count_tokens"
    assert second.headers["authorization"] == "Bearer aad-token-1"  # azure-identity cached the long-lived token
    assert "api-key" not in first.headers
    assert "x-api-key" not in first.headers
    assert first.headers["anthropic-version"] == "2023-06-01"
    assert credential.scopes == [(FOUNDRY_SCOPE,)]


def test_the_provider_is_called_on_every_attempt(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    credential = TestCredential(lifetime=60)  # inside azure-core's refresh window: every call mints a new token
    provider = _sync_provider(credential)
    calls: list[str] = []

    def counting_provider() -> str:
        token = provider()
        calls.append(token)
        return token

    anthropic_server.enqueue(
        Reply.error(529, headers={"retry-after-ms": "5"}), Reply.error(500, headers={"retry-after-ms": "5"})
    )
    client = make_client(azure_ad_token_provider=counting_provider, max_retries=2)
    run(lambda: _create(client))
    assert calls == ["aad-token-1", "aad-token-2", "aad-token-3"]
    assert [r.headers["authorization"] for r in anthropic_server.requests] == [
        "Bearer aad-token-1",
        "Bearer aad-token-2",
        "Bearer aad-token-3",
    ]


@pytest.mark.anyio
async def test_async_azure_identity_provider_is_awaited_per_attempt(anthropic_server: FakeAnthropicServer) -> None:
    credential = AsyncTestCredential(lifetime=60)
    anthropic_server.enqueue(Reply.error(503, headers={"retry-after-ms": "5"}))
    client = AsyncAnthropicFoundry(
        base_url=anthropic_server.url,
        azure_ad_token_provider=_async_provider(credential),
        max_retries=1,
    )
    message = await _create(client)
    assert message.content[0].type == "text"
    assert [r.headers["authorization"] for r in anthropic_server.requests] == [
        "Bearer aad-token-1",
        "Bearer aad-token-2",
    ]
    assert credential.scopes == [(FOUNDRY_SCOPE,), (FOUNDRY_SCOPE,)]


@pytest.mark.anyio
async def test_async_client_accepts_a_provider_returning_an_awaitable(anthropic_server: FakeAnthropicServer) -> None:
    async def fetch() -> str:
        return "awaited-token"

    client = AsyncAnthropicFoundry(base_url=anthropic_server.url, azure_ad_token_provider=lambda: fetch())
    await _create(client)
    assert anthropic_server.last_request.headers["authorization"] == "Bearer awaited-token"


@pytest.mark.anyio
async def test_async_client_runs_a_sync_provider_off_the_event_loop(anthropic_server: FakeAnthropicServer) -> None:
    loop_thread = threading.get_ident()
    threads: list[int] = []

    def provider() -> str:
        threads.append(threading.get_ident())
        return "sync-token"

    client = AsyncAnthropicFoundry(base_url=anthropic_server.url, azure_ad_token_provider=provider)
    await _create(client)
    assert len(threads) == 1
    assert threads[0] != loop_thread
    assert anthropic_server.last_request.headers["authorization"] == "Bearer sync-token"


@pytest.mark.parametrize("bad", ["", None, 123])
def test_a_provider_must_return_a_non_empty_string(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, bad: object
) -> None:
    client = make_client(azure_ad_token_provider=lambda: bad)
    with pytest.raises(
        ValueError, match="Expected `azure_ad_token_provider` argument to return a string but it returned"
    ):
        run(lambda: _create(client))
    assert anthropic_server.requests == []


def test_sync_client_rejects_an_async_provider(anthropic_server: FakeAnthropicServer) -> None:
    async def provider() -> str:
        return "never"

    client = AnthropicFoundry(base_url=anthropic_server.url, azure_ad_token_provider=provider)
    with pytest.raises(ValueError, match="AsyncAnthropicFoundry"):
        _create(client)
    assert anthropic_server.requests == []


def test_a_caller_authorization_header_is_kept(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(azure_ad_token_provider=lambda: "aad")
    run(lambda: _create(client, extra_headers={"Authorization": "Bearer mine"}))
    assert anthropic_server.last_request.headers["authorization"] == "Bearer mine"


def test_api_key_and_provider_together(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer
) -> None:
    client = make_client(api_key="azure-key", azure_ad_token_provider=lambda: "aad")
    run(lambda: _create(client))
    headers = anthropic_server.last_request.headers
    assert headers["authorization"] == "Bearer aad"
    assert headers["x-api-key"] == "azure-key"
    assert "api-key" not in headers


# -- streaming, errors -------------------------------------------------------------------------------------------


def test_streaming(make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer) -> None:
    client = make_client(api_key="azure-key")
    stream = run(lambda: _create(client, stream=True))
    if hasattr(stream, "__aiter__"):

        async def collect() -> list[str]:
            return [event.type async for event in stream]

        types = run(collect)
    else:
        types = [event.type for event in stream]
    assert types[0] == "message_start"
    assert types[-1] == "message_stop"
    req = anthropic_server.last_request
    assert req.path == MESSAGES_PATH
    assert req.json()["stream"] is True
    assert req.json()["model"] == MODEL


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, anthropic.BadRequestError),
        (413, anthropic._exceptions.RequestTooLargeError),
        (429, anthropic.RateLimitError),
        (529, anthropic._exceptions.OverloadedError),
        (503, anthropic.InternalServerError),
    ],
)
def test_status_mapping_is_first_party(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    status: int,
    error: type[Exception],
) -> None:
    anthropic_server.enqueue(Reply.error(status))
    client = make_client(api_key="k", max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as info:
        run(lambda: _create(client))
    assert type(info.value) is error
    assert info.value.status_code == status


# -- unsupported endpoints -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "call", "message"),
    [
        (
            "anthropic.resources.models",
            lambda c: c.models.list(),
            "The Models API is not supported in the Foundry client",
        ),
        (
            "anthropic.resources.messages.batches",
            lambda c: c.messages.batches.list(),
            "The Batch API is not supported in the Foundry client",
        ),
        (
            "anthropic.resources.beta",
            lambda c: c.beta.messages.batches.list(),
            "The Batch API is not supported in the Foundry client",
        ),
    ],
)
def test_unsupported_resources_raise_before_sending(
    make_client: Callable[..., Any],
    run: Run,
    anthropic_server: FakeAnthropicServer,
    module: str,
    call: Callable[[Any], Any],
    message: str,
) -> None:
    pytest.importorskip(module)
    client = make_client(api_key="k")
    with pytest.raises(UnsupportedOnPlatformError, match=re.escape(message)):
        run(lambda: call(client))
    assert anthropic_server.requests == []


@pytest.mark.parametrize(
    ("endpoint", "supported"),
    [
        ("messages.create", True),
        ("messages.count_tokens", True),
        ("completions.create", True),
        ("beta.messages.create", True),
        ("beta.models.list", True),
        ("beta.files.upload", True),
        ("beta.skills.create", True),
        ("models.list", False),
        ("models.retrieve", False),
        ("messages.batches.create", False),
        ("beta.messages.batches.results", False),
    ],
)
def test_support_table(endpoint: str, supported: bool) -> None:
    client = AnthropicFoundry(api_key="k", resource="r")
    assert (client._platform.unsupported_message(endpoint) is None) is supported


# -- copies ----------------------------------------------------------------------------------------------------


def test_with_options_keeps_key_provider_and_base_url(
    make_client: Callable[..., Any], run: Run, anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokens = iter(["t1", "t2"])
    client = make_client(api_key="azure-key", default_headers={"x-team": "a"})
    provider_client = make_client(azure_ad_token_provider=lambda: next(tokens))
    monkeypatch.setenv("ANTHROPIC_FOUNDRY_RESOURCE", "would-conflict")  # copies keep the resolved base URL
    copy = client.with_options(timeout=9, max_retries=0)
    assert type(copy) is type(client)
    assert (copy.api_key, copy.base_url, copy.timeout, copy.max_retries) == ("azure-key", client.base_url, 9, 0)
    assert copy._client is client._client
    run(lambda: _create(copy))
    req = anthropic_server.last_request
    assert (req.path, req.headers["api-key"], req.headers["x-team"]) == (MESSAGES_PATH, "azure-key", "a")

    with_provider = provider_client.with_options(default_headers={"x-b": "1"})
    run(lambda: _create(with_provider))
    assert anthropic_server.last_request.headers["authorization"] == "Bearer t1"
    swapped = with_provider.copy(azure_ad_token_provider=lambda: "swapped")
    run(lambda: _create(swapped))
    assert anthropic_server.last_request.headers["authorization"] == "Bearer swapped"
    assert anthropic_server.last_request.headers["x-b"] == "1"
