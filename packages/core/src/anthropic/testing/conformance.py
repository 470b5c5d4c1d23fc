"""`PlatformConformance`: the checks every platform client must pass, as a base class for pytest test classes.

A platform plugin's test suite subclasses it (as a `Test...` class), says how to build its clients and what
authentication each request must carry, and pytest runs every check, sync and async, against the fake server of the
`anthropic_server` fixture. The module imports neither pytest nor the server: it costs nothing until a test runs.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Union

if TYPE_CHECKING:
    from .._client import Anthropic, AsyncAnthropic
    from ._recording import RecordedRequest
    from ._reply import Responder
    from ._server import FakeAnthropicServer

__all__ = ["ENDPOINT_CALLS", "PlatformConformance"]

PathMatcher = Union[str, "re.Pattern[str]"]

_MESSAGES: list[dict[str, Any]] = [{"role": "user", "content": "Hello"}]
_PROMPT = "\n\nHuman: Hello\n\nAssistant:"


def _batch_requests(model: str) -> list[dict[str, Any]]:
    return [{"custom_id": "conformance-1", "params": {"model": model, "max_tokens": 16, "messages": _MESSAGES}}]


# One representative call per endpoint name (the names platforms use in `unsupported` / `unsupported_prefixes`).
# Each takes a sync or async client and the model; async calls return an awaitable.
ENDPOINT_CALLS: Mapping[str, Callable[[Any, str], Any]] = {
    "messages.create": lambda c, m: c.messages.create(model=m, max_tokens=16, messages=_MESSAGES),
    "messages.count_tokens": lambda c, m: c.messages.count_tokens(model=m, messages=_MESSAGES),
    "messages.batches.create": lambda c, m: c.messages.batches.create(requests=_batch_requests(m)),
    "messages.batches.list": lambda c, m: c.messages.batches.list(),
    "messages.batches.retrieve": lambda c, m: c.messages.batches.retrieve("msgbatch_conformance"),
    "completions.create": lambda c, m: c.completions.create(model=m, max_tokens_to_sample=16, prompt=_PROMPT),
    "models.list": lambda c, m: c.models.list(),
    "models.retrieve": lambda c, m: c.models.retrieve(m),
    "beta.messages.create": lambda c, m: c.beta.messages.create(model=m, max_tokens=16, messages=_MESSAGES),
    "beta.messages.count_tokens": lambda c, m: c.beta.messages.count_tokens(model=m, messages=_MESSAGES),
    "beta.messages.batches.create": lambda c, m: c.beta.messages.batches.create(requests=_batch_requests(m)),
    "beta.messages.batches.list": lambda c, m: c.beta.messages.batches.list(),
    "beta.models.list": lambda c, m: c.beta.models.list(),
    "beta.files.list": lambda c, m: c.beta.files.list(),
    "beta.skills.list": lambda c, m: c.beta.skills.list(),
}


def _matches(matcher: PathMatcher, path: str) -> bool:
    if isinstance(matcher, str):
        return matcher == path
    return matcher.fullmatch(path) is not None


def _endpoint_call(name: str) -> Callable[[Any, str], Any]:
    try:
        return ENDPOINT_CALLS[name]
    except KeyError:
        raise KeyError(f"no conformance call for endpoint {name!r}; known: {sorted(ENDPOINT_CALLS)}") from None


def _run(fn: Callable[[], Awaitable[None]]) -> None:
    """Run an async check on a fresh asyncio loop (no pytest plugin needed; the server runs in its own threads)."""
    import anyio

    anyio.run(fn)


class PlatformConformance:
    """Checks a platform client against the fake server: create, streaming, re-authenticated retries, copies, raw
    responses, refused endpoints, user agent and repr — each for the sync and the async client.

    Subclass it in a test module with a name pytest collects (`class TestMyPlatformConformance(PlatformConformance)`)
    and make sure your plugin is registered (installed with autoload on, or registered by a fixture). Implement:

    - `make_client(server, **kwargs)` / `make_async_client(server, **kwargs)`: a client of your platform whose
      requests go to `server.url`; forward `kwargs` (e.g. `max_retries`) to the constructor.
    - `auth_headers(request)`: the authentication headers the recorded `request` must carry (compute them from the
      request when they depend on it, e.g. a body signature; raise AssertionError when it is not validly signed).

    Override when your platform differs from the first-party API:

    - `request_path(stream=...)`: the path (or compiled regex) a `messages.create` arrives at.
    - `is_api_request(request)`: False for requests of your credential machinery on the same server (token fetches).
    - `message_reply(text)` / `stream_reply(text)`: the server's answer to a message request / a streamed one
      (e.g. AWS eventstream frames).
    - `model`, `credentials` (secret strings that must never appear in `repr(client)`), `supported_endpoints` and
      `unsupported_endpoints` (names from `ENDPOINT_CALLS`).
    """

    model: ClassVar[str] = "claude-sonnet-4-5"
    credentials: ClassVar[Sequence[str]] = ()
    supported_endpoints: ClassVar[Sequence[str]] = ("messages.create",)
    unsupported_endpoints: ClassVar[Sequence[str]] = ()

    # -- hooks ---------------------------------------------------------------------------------------------

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> Anthropic:
        raise NotImplementedError(f"{type(self).__name__} must implement make_client(server, **kwargs)")

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AsyncAnthropic:
        raise NotImplementedError(f"{type(self).__name__} must implement make_async_client(server, **kwargs)")

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        raise NotImplementedError(f"{type(self).__name__} must implement auth_headers(request)")

    def request_path(self, *, stream: bool) -> PathMatcher:
        return "/v1/messages"

    def is_api_request(self, request: RecordedRequest) -> bool:
        """False for requests your credential machinery sends to the same server (e.g. a token endpoint)."""
        return True

    def message_reply(self, text: str) -> Responder:
        from ._reply import Reply

        return Reply.message(text, stream=False)

    def stream_reply(self, text: str) -> Responder:
        from ._reply import Reply

        return Reply.message(text, stream=True)

    # -- helpers -------------------------------------------------------------------------------------------

    def _sent(self, server: FakeAnthropicServer, *, stream: bool = False) -> list[RecordedRequest]:
        matcher = self.request_path(stream=stream)
        return [request for request in server.requests if _matches(matcher, request.path)]

    def _check_auth(self, request: RecordedRequest) -> None:
        expected = self.auth_headers(request)
        assert expected, f"{type(self).__name__}.auth_headers() named no header: every request must authenticate"
        for name, value in expected.items():
            # Values are credentials: say which header is wrong, never what it holds.
            assert request.headers.get(name) == value, (
                f"request #{request.index} ({request.method} {request.path}): header {name!r} is missing or invalid"
            )

    def _create_kwargs(self) -> dict[str, Any]:
        return {"model": self.model, "max_tokens": 32, "messages": _MESSAGES}

    def _check_message(self, message: object, text: str) -> None:
        from ..types import Message

        assert isinstance(message, Message), f"expected a Message, got {type(message).__name__}"
        block = message.content[0]
        assert block.type == "text" and block.text == text, f"unexpected content {message.content!r}"

    def _check_user_agent(self, client: Anthropic | AsyncAnthropic, request: RecordedRequest) -> None:
        name = type(client).__name__
        assert client.user_agent.startswith(f"{name}/Python "), f"user agent {client.user_agent!r} lacks {name!r}"
        assert request.headers.get("user-agent") == client.user_agent

    def _check_copy(self, client: Anthropic | AsyncAnthropic, copy: Anthropic | AsyncAnthropic) -> None:
        assert type(copy) is type(client)
        assert copy._platform.name == client._platform.name
        assert copy._client is client._client, "a copy must share the connection pool"
        assert copy.base_url == client.base_url

    def _skip_without_unsupported(self) -> None:
        if not self.unsupported_endpoints:
            import pytest  # only ever imported while pytest runs this check

            pytest.skip(f"{type(self).__name__} declares no unsupported endpoints")

    def _check_repr(self, *clients: Anthropic | AsyncAnthropic) -> None:
        assert self.credentials, f"{type(self).__name__}.credentials must list the secrets given to the client"
        for client in clients:
            text = repr(client)
            for secret in self.credentials:
                assert secret not in text, f"repr({type(client).__name__}) shows a credential"

    # -- sync checks -----------------------------------------------------------------------------------------

    def test_create_returns_a_message(self, anthropic_server: FakeAnthropicServer) -> None:
        anthropic_server.enqueue(self.message_reply("conformance create"), path=self.request_path(stream=False))
        with self.make_client(anthropic_server) as client:
            message = client.messages.create(**self._create_kwargs())
        self._check_message(message, "conformance create")
        sent = self._sent(anthropic_server)
        assert len(sent) == 1
        self._check_auth(sent[0])

    def test_messages_stream(self, anthropic_server: FakeAnthropicServer) -> None:
        anthropic_server.enqueue(self.stream_reply("conformance stream"), path=self.request_path(stream=True))
        with self.make_client(anthropic_server) as client, client.messages.stream(**self._create_kwargs()) as stream:
            pieces = list(stream.text_stream)
            final = stream.get_final_message()
        assert pieces and "".join(pieces) == "conformance stream"
        self._check_message(final, "conformance stream")
        sent = self._sent(anthropic_server, stream=True)
        assert len(sent) == 1
        self._check_auth(sent[0])

    def test_retry_is_authenticated_again(self, anthropic_server: FakeAnthropicServer) -> None:
        from ._reply import Reply

        anthropic_server.enqueue(
            Reply.error(529, headers={"retry-after-ms": "1"}),
            self.message_reply("after a retry"),
            path=self.request_path(stream=False),
        )
        with self.make_client(anthropic_server, max_retries=2) as client:
            message = client.messages.create(**self._create_kwargs())
        self._check_message(message, "after a retry")
        sent = self._sent(anthropic_server)
        assert len(sent) == 2, f"expected one retry, saw {len(sent)} requests"
        for request in sent:
            self._check_auth(request)

    def test_copies_keep_the_platform_and_the_pool(self, anthropic_server: FakeAnthropicServer) -> None:
        with self.make_client(anthropic_server) as client:
            copy = client.with_options(max_retries=0, default_headers={"X-Conformance-Copy": "1"})
            self._check_copy(client, copy)
            self._check_copy(client, client.copy(timeout=12.5))
            anthropic_server.enqueue(self.message_reply("from a copy"), path=self.request_path(stream=False))
            self._check_message(copy.messages.create(**self._create_kwargs()), "from a copy")
            self._check_unsupported(anthropic_server, copy, self.unsupported_endpoints[:1])
        (request,) = self._sent(anthropic_server)
        assert request.headers.get("x-conformance-copy") == "1"
        self._check_auth(request)

    def test_raw_and_streaming_responses(self, anthropic_server: FakeAnthropicServer) -> None:
        path = self.request_path(stream=False)
        anthropic_server.enqueue(self.message_reply("raw"), self.message_reply("streamed raw"), path=path)
        with self.make_client(anthropic_server) as client:
            raw = client.messages.with_raw_response.create(**self._create_kwargs())
            assert raw.status_code == 200
            self._check_message(raw.parse(), "raw")
            with client.messages.with_streaming_response.create(**self._create_kwargs()) as response:
                assert response.status_code == 200
                self._check_message(response.parse(), "streamed raw")
        sent = self._sent(anthropic_server)
        assert len(sent) == 2
        for request in sent:
            self._check_auth(request)

    def test_supported_endpoints_are_sent(self, anthropic_server: FakeAnthropicServer) -> None:
        from .._exceptions import APIStatusError

        with self.make_client(anthropic_server, max_retries=0) as client:
            for name in self.supported_endpoints:
                before = len(anthropic_server.requests)
                # The fake server may not serve the platform's URL: what matters is what was sent.
                with contextlib.suppress(APIStatusError):
                    _endpoint_call(name)(client, self.model)
                sent = [r for r in anthropic_server.requests[before:] if self.is_api_request(r)]
                assert len(sent) == 1, f"{name}: expected one request, saw {len(sent)}"
                self._check_auth(sent[0])

    def test_unsupported_endpoints_are_refused_before_sending(self, anthropic_server: FakeAnthropicServer) -> None:
        self._skip_without_unsupported()
        with self.make_client(anthropic_server) as client:
            self._check_unsupported(anthropic_server, client, self.unsupported_endpoints)

    def test_user_agent_and_repr(self, anthropic_server: FakeAnthropicServer) -> None:
        anthropic_server.enqueue(self.message_reply("hello"), path=self.request_path(stream=False))
        with self.make_client(anthropic_server) as client:
            client.messages.create(**self._create_kwargs())
            self._check_user_agent(client, self._sent(anthropic_server)[0])
            self._check_repr(client, client.with_options(max_retries=1))

    def _check_unsupported(
        self, server: FakeAnthropicServer, client: Anthropic | AsyncAnthropic, names: Sequence[str]
    ) -> None:
        from .._exceptions import UnsupportedOnPlatformError

        for name in names:
            before = len(server.requests)
            try:
                _endpoint_call(name)(client, self.model)
            except UnsupportedOnPlatformError:
                pass
            else:
                raise AssertionError(f"{name}: expected UnsupportedOnPlatformError")
            assert len(server.requests) == before, f"{name}: a request was sent before refusing"

    # -- async checks --------------------------------------------------------------------------------------

    def test_async_create_returns_a_message(self, anthropic_server: FakeAnthropicServer) -> None:
        async def check() -> None:
            anthropic_server.enqueue(self.message_reply("async create"), path=self.request_path(stream=False))
            async with self.make_async_client(anthropic_server) as client:
                self._check_message(await client.messages.create(**self._create_kwargs()), "async create")

        _run(check)
        sent = self._sent(anthropic_server)
        assert len(sent) == 1
        self._check_auth(sent[0])

    def test_async_messages_stream(self, anthropic_server: FakeAnthropicServer) -> None:
        async def check() -> None:
            anthropic_server.enqueue(self.stream_reply("async stream"), path=self.request_path(stream=True))
            async with (
                self.make_async_client(anthropic_server) as client,
                client.messages.stream(**self._create_kwargs()) as stream,
            ):
                pieces = [piece async for piece in stream.text_stream]
                final = await stream.get_final_message()
            assert pieces and "".join(pieces) == "async stream"
            self._check_message(final, "async stream")

        _run(check)
        sent = self._sent(anthropic_server, stream=True)
        assert len(sent) == 1
        self._check_auth(sent[0])

    def test_async_retry_is_authenticated_again(self, anthropic_server: FakeAnthropicServer) -> None:
        from ._reply import Reply

        async def check() -> None:
            anthropic_server.enqueue(
                Reply.error(529, headers={"retry-after-ms": "1"}),
                self.message_reply("async retry"),
                path=self.request_path(stream=False),
            )
            async with self.make_async_client(anthropic_server, max_retries=2) as client:
                self._check_message(await client.messages.create(**self._create_kwargs()), "async retry")

        _run(check)
        sent = self._sent(anthropic_server)
        assert len(sent) == 2, f"expected one retry, saw {len(sent)} requests"
        for request in sent:
            self._check_auth(request)

    def test_async_copies_keep_the_platform_and_the_pool(self, anthropic_server: FakeAnthropicServer) -> None:
        async def check() -> None:
            async with self.make_async_client(anthropic_server) as client:
                copy = client.with_options(max_retries=0, default_headers={"X-Conformance-Copy": "1"})
                self._check_copy(client, copy)
                self._check_copy(client, client.copy(timeout=12.5))
                anthropic_server.enqueue(self.message_reply("async copy"), path=self.request_path(stream=False))
                self._check_message(await copy.messages.create(**self._create_kwargs()), "async copy")
                await self._check_async_unsupported(anthropic_server, copy, self.unsupported_endpoints[:1])

        _run(check)
        (request,) = self._sent(anthropic_server)
        assert request.headers.get("x-conformance-copy") == "1"
        self._check_auth(request)

    def test_async_raw_and_streaming_responses(self, anthropic_server: FakeAnthropicServer) -> None:
        async def check() -> None:
            path = self.request_path(stream=False)
            anthropic_server.enqueue(
                self.message_reply("async raw"), self.message_reply("async streamed raw"), path=path
            )
            async with self.make_async_client(anthropic_server) as client:
                raw = await client.messages.with_raw_response.create(**self._create_kwargs())
                assert raw.status_code == 200
                self._check_message(raw.parse(), "async raw")
                async with client.messages.with_streaming_response.create(**self._create_kwargs()) as response:
                    assert response.status_code == 200
                    self._check_message(await response.parse(), "async streamed raw")

        _run(check)
        sent = self._sent(anthropic_server)
        assert len(sent) == 2
        for request in sent:
            self._check_auth(request)

    def test_async_supported_endpoints_are_sent(self, anthropic_server: FakeAnthropicServer) -> None:
        from .._exceptions import APIStatusError

        async def check() -> None:
            async with self.make_async_client(anthropic_server, max_retries=0) as client:
                for name in self.supported_endpoints:
                    before = len(anthropic_server.requests)
                    with contextlib.suppress(APIStatusError):
                        await _endpoint_call(name)(client, self.model)
                    sent = [r for r in anthropic_server.requests[before:] if self.is_api_request(r)]
                    assert len(sent) == 1, f"{name}: expected one request, saw {len(sent)}"
                    self._check_auth(sent[0])

        _run(check)

    def test_async_unsupported_endpoints_are_refused_before_sending(
        self, anthropic_server: FakeAnthropicServer
    ) -> None:
        self._skip_without_unsupported()

        async def check() -> None:
            async with self.make_async_client(anthropic_server) as client:
                await self._check_async_unsupported(anthropic_server, client, self.unsupported_endpoints)

        _run(check)

    def test_async_user_agent_and_repr(self, anthropic_server: FakeAnthropicServer) -> None:
        async def check() -> None:
            anthropic_server.enqueue(self.message_reply("hello"), path=self.request_path(stream=False))
            async with self.make_async_client(anthropic_server) as client:
                await client.messages.create(**self._create_kwargs())
                self._check_user_agent(client, self._sent(anthropic_server)[0])
                self._check_repr(client, client.with_options(max_retries=1))

        _run(check)

    async def _check_async_unsupported(
        self, server: FakeAnthropicServer, client: AsyncAnthropic, names: Sequence[str]
    ) -> None:
        from .._exceptions import UnsupportedOnPlatformError

        for name in names:
            before = len(server.requests)
            try:
                await _endpoint_call(name)(client, self.model)
            except UnsupportedOnPlatformError:
                pass
            else:
                raise AssertionError(f"{name}: expected UnsupportedOnPlatformError")
            assert len(server.requests) == before, f"{name}: a request was sent before refusing"
