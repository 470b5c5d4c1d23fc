"""Each hook of `anthropic._plugins.hookspecs`, exercised through the public plugin API (`anthropic.plugins`) against
the fake server, sync and async. tests/core/test_hooks_meta.py requires a `test_hook_<name>` test per hook."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import pytest

import anthropic
from anthropic.plugins import (
    AsyncPlatformClient,
    ClientConfig,
    PlatformClient,
    PlatformRuntime,
    PlatformSpec,
    PreparedRequest,
    RequestTransformer,
    ResourceExtension,
    hookimpl,
    register_plugin,
)
from anthropic.testing import FakeAnthropicServer, Reply

example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")  # tests/example_plugin, installed
from anthropic_plugin_example.client import AnthropicExample  # noqa: E402

SECRET = "hooks-example-secret"
MESSAGES = [{"role": "user", "content": "Hello"}]


class AsyncAnthropicExample(AsyncPlatformClient):
    """An async client of the example platform, declared as a third party would."""

    platform = "example"

    def __init__(self, *, secret: str, base_url: str | None = None, max_retries: int = 2) -> None:
        super().__init__(options={"secret": secret}, base_url=base_url, max_retries=max_retries)


@pytest.fixture
def example() -> None:
    register_plugin(example_plugin, name="example")


# -- register_platforms ---------------------------------------------------------------------------------------


def _under_echo(request: PreparedRequest) -> None:
    request.url = request.url.replace("/v1/", "/echo/v1/", 1)


class Echo:
    """A platform registered by code: `/echo` prefix, a token header, built once per client and per copy."""

    def __init__(self) -> None:
        self.configs: list[ClientConfig[Any]] = []

    def build(self, config: ClientConfig[Any]) -> PlatformRuntime:
        self.configs.append(config)
        token = str(config.option_items()["token"])
        return PlatformRuntime(
            name="echo",
            base_url=config.base_url or "https://echo.invalid",  # as given: a copy passes the base URL it copies
            default_headers={"anthropic-version": "2023-06-01", "X-Echo-Token": token},
            transformers=(_under_echo,),
            unsupported={"models.list": "no models on echo"},
        )

    @hookimpl
    def register_platforms(self, register: Callable[[PlatformSpec], None]) -> None:
        register(PlatformSpec(name="echo", build=self.build))


class EchoClient(PlatformClient):
    platform = "echo"

    def __init__(self, *, token: str, base_url: str | None = None, max_retries: int = 2) -> None:
        super().__init__(options={"token": token}, base_url=base_url, max_retries=max_retries)


class AsyncEchoClient(AsyncPlatformClient):
    platform = "echo"

    def __init__(self, *, token: str, base_url: str | None = None, max_retries: int = 2) -> None:
        super().__init__(options={"token": token}, base_url=base_url, max_retries=max_retries)


def test_hook_register_platforms_builds_every_client_from_its_spec(anthropic_server: FakeAnthropicServer) -> None:
    echo = Echo()
    register_plugin(echo, name="echo")
    anthropic_server.enqueue(Reply.message("one"), Reply.message("two"), path="/echo/v1/messages")
    client = EchoClient(token="t1", base_url=anthropic_server.url)
    client.with_options(token="t2").messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match="no models on echo"):
        client.models.list()
    assert [(r.path, r.headers["x-echo-token"]) for r in anthropic_server.requests] == [
        ("/echo/v1/messages", "t2"),
        ("/echo/v1/messages", "t1"),
    ]
    assert [(c.platform, c.option_items()) for c in echo.configs] == [("echo", {"token": "t1"}), ("echo", {"token": "t2"})]


@pytest.mark.anyio
async def test_hook_register_platforms_async_client(anthropic_server: FakeAnthropicServer) -> None:
    register_plugin(Echo(), name="echo")
    anthropic_server.enqueue(Reply.message("async"), path="/echo/v1/messages")
    async with AsyncEchoClient(token="t3", base_url=anthropic_server.url) as client:
        await client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
        with pytest.raises(anthropic.UnsupportedOnPlatformError):
            await client.models.list()
    (request,) = anthropic_server.requests
    assert (request.path, request.headers["x-echo-token"]) == ("/echo/v1/messages", "t3")


def test_hook_register_platforms_twice_is_an_error(anthropic_server: FakeAnthropicServer) -> None:
    register_plugin(Echo(), name="echo")
    register_plugin(Echo(), name="echo-again")
    with pytest.raises(ValueError, match="'echo' is registered twice"):
        EchoClient(token="t", base_url=anthropic_server.url)


# -- client_request_transformers ------------------------------------------------------------------------------


class Proxy:
    """A cross-platform rewrite: a proxy header on every request, and a body field (to see the order with auth)."""

    def __init__(self, header: str = "X-Proxy") -> None:
        self.header = header
        self.platforms: list[str] = []

    @hookimpl
    def client_request_transformers(self, config: ClientConfig[Any]) -> Sequence[RequestTransformer]:
        self.platforms.append(config.platform)

        def tag(request: PreparedRequest) -> None:
            previous = request.headers.get(self.header)
            value = f"via-{config.platform}-attempt-{request.retries_taken}"
            request.headers[self.header] = value if previous is None else f"{previous},{value}"
            if isinstance(request.json, dict):
                request.json = {**request.json, "metadata": {"user_id": "proxy"}}

        return [tag]


def _signed(request: Any) -> bool:
    """The example platform's signature covers the body as sent (sha256(secret + body))."""
    return request.headers.get("x-example-signature") == hashlib.sha256(SECRET.encode() + request.body).hexdigest()


def test_hook_client_request_transformers_apply_to_every_platform(
    anthropic_server: FakeAnthropicServer, example: None
) -> None:
    proxy = Proxy()
    register_plugin(proxy, name="proxy")
    anthropic_server.enqueue(Reply.message("hi"), path="/example/claude-x")
    first_party = anthropic.Anthropic(api_key="sk-hooks", base_url=anthropic_server.url)
    first_party.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    AnthropicExample(secret=SECRET, base_url=anthropic_server.url).messages.create(
        model="claude-x", max_tokens=8, messages=MESSAGES
    )
    first_party.with_options(max_retries=0).models.list()  # a copy is built with the hook too
    sent = anthropic_server.requests
    assert [r.headers.get("x-proxy") for r in sent] == [
        "via-anthropic-attempt-0",
        "via-example-attempt-0",
        "via-anthropic-attempt-0",
    ]
    assert proxy.platforms == ["anthropic", "example", "anthropic"]
    # The rewrite runs before the platform's auth: the example signature covers the rewritten body.
    assert json.loads(sent[1].body)["metadata"] == {"user_id": "proxy"}
    assert _signed(sent[1])


@pytest.mark.anyio
async def test_hook_client_request_transformers_async_and_on_every_attempt(
    anthropic_server: FakeAnthropicServer, example: None
) -> None:
    register_plugin(Proxy(), name="proxy")
    anthropic_server.enqueue(
        Reply.error(529, headers={"retry-after-ms": "1"}), Reply.message("after a retry"), path="/example/claude-x"
    )
    async with AsyncAnthropicExample(secret=SECRET, base_url=anthropic_server.url) as client:
        await client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    async with anthropic.AsyncAnthropic(api_key="sk-hooks", base_url=anthropic_server.url) as first_party:
        await first_party.models.list()
    first, retry, listing = anthropic_server.requests
    assert [first.headers["x-proxy"], retry.headers["x-proxy"]] == ["via-example-attempt-0", "via-example-attempt-1"]
    assert _signed(first) and _signed(retry)
    assert listing.headers["x-proxy"] == "via-anthropic-attempt-0"


def test_hook_client_request_transformers_run_in_registration_order(anthropic_server: FakeAnthropicServer) -> None:
    class Nothing:
        @hookimpl
        def client_request_transformers(self, config: ClientConfig[Any]) -> None:
            return None

    register_plugin(Proxy("X-Chain"), name="first")
    register_plugin(Nothing(), name="nothing")
    register_plugin(Proxy("X-Chain"), name="second")
    anthropic.Anthropic(api_key="sk-hooks", base_url=anthropic_server.url).models.list()
    assert anthropic_server.last_request.headers["x-chain"] == "via-anthropic-attempt-0,via-anthropic-attempt-0"


def test_hook_client_request_transformers_leave_clients_built_before_alone(
    anthropic_server: FakeAnthropicServer,
) -> None:
    before = anthropic.Anthropic(api_key="sk-hooks", base_url=anthropic_server.url)
    register_plugin(Proxy(), name="proxy")
    before.models.list()
    anthropic.Anthropic(api_key="sk-hooks", base_url=anthropic_server.url).models.list()
    assert [r.headers.get("x-proxy") for r in anthropic_server.requests] == [None, "via-anthropic-attempt-0"]


# -- register_exports -----------------------------------------------------------------------------------------


def test_hook_register_exports_serves_names_from_anthropic() -> None:
    class Exports:
        @hookimpl
        def register_exports(self, register: Callable[[str, str], None]) -> None:
            register("hooks_test_signature", "anthropic_plugin_example.plugin:ExampleSignature")

    with pytest.raises(AttributeError):
        anthropic.hooks_test_signature  # type: ignore[attr-defined]  # noqa: B018
    register_plugin(Exports(), name="exports")
    try:
        from anthropic import hooks_test_signature  # type: ignore[attr-defined]

        assert hooks_test_signature is example_plugin.ExampleSignature
    finally:
        vars(anthropic).pop("hooks_test_signature", None)


# -- extend_resources -----------------------------------------------------------------------------------------


def _ask_sync(messages: Any) -> Callable[[str], str]:
    def ask(question: str) -> str:
        message = messages.create(model="claude-x", max_tokens=8, messages=[{"role": "user", "content": question}])
        return str(message.content[0].text)

    return ask


def _ask_async(messages: Any) -> Callable[[str], Any]:
    async def ask(question: str) -> str:
        message = await messages.create(
            model="claude-x", max_tokens=8, messages=[{"role": "user", "content": question}]
        )
        return str(message.content[0].text)

    return ask


class Ask:
    @hookimpl
    def extend_resources(self, register: Callable[[ResourceExtension], None]) -> None:
        register(ResourceExtension(resource="messages", name="ask", sync=_ask_sync, async_=_ask_async))


def test_hook_extend_resources_on_first_party_and_platform_clients(
    anthropic_server: FakeAnthropicServer, example: None
) -> None:
    register_plugin(Ask(), name="ask")
    anthropic_server.enqueue(Reply.message("from the example platform"), path="/example/claude-x")
    anthropic_server.script_message("from the first party")
    client = anthropic.Anthropic(api_key="sk-hooks", base_url=anthropic_server.url)
    assert "ask" in dir(client.messages)
    assert client.messages.ask("hi") == "from the first party"  # type: ignore[attr-defined]
    platform_client = AnthropicExample(secret=SECRET, base_url=anthropic_server.url)
    assert platform_client.messages.ask("hi") == "from the example platform"  # type: ignore[attr-defined]
    assert _signed(anthropic_server.last_request)


@pytest.mark.anyio
async def test_hook_extend_resources_async(anthropic_server: FakeAnthropicServer) -> None:
    register_plugin(Ask(), name="ask")
    anthropic_server.script_message("async answer")
    async with anthropic.AsyncAnthropic(api_key="sk-hooks", base_url=anthropic_server.url) as client:
        assert await client.messages.ask("hi") == "async answer"  # type: ignore[attr-defined]
        with pytest.raises(AttributeError):
            client.models.ask  # type: ignore[attr-defined]  # noqa: B018  (only on the resource it extends)
