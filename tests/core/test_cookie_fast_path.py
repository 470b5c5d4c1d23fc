"""The cookie jar of the httpx clients the SDK builds skips `CookieJar.extract_cookies` when a response sets no
cookie (it copies every request header through a quadratic lookup first), and behaves as httpx's otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from http.cookiejar import CookieJar
from typing import Any

import httpx
import pytest

import anthropic
from anthropic.testing import FakeAnthropicServer, Reply

KWARGS: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 10,
    "messages": [{"role": "user", "content": "hi"}],
}
SET_COOKIE = [("set-cookie", "session=abc123; Path=/"), ("set-cookie", "theme=dark; Path=/v1")]


@pytest.fixture
def server() -> Iterator[FakeAnthropicServer]:
    with FakeAnthropicServer() as fake:
        yield fake


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts calls of `CookieJar.extract_cookies` (the patched method is still the plain jar's own)."""
    calls: list[int] = []
    original = CookieJar.extract_cookies

    def counting(self: CookieJar, response: Any, request: Any) -> None:
        calls.append(1)
        original(self, response, request)

    monkeypatch.setattr(CookieJar, "extract_cookies", counting)
    return calls


def _cookies(jar: CookieJar) -> list[tuple[str, str | None, str, str]]:
    return sorted((c.name, c.value, c.domain, c.path) for c in jar)


def _message_with(headers: list[tuple[str, str]]) -> Any:
    return Reply.message("ok", headers=headers)


def test_sync_response_without_set_cookie_skips_the_jar(server: FakeAnthropicServer, extractions: list[int]) -> None:
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        for _ in range(3):
            client.messages.create(**KWARGS)
    assert extractions == []
    assert "cookie" not in server.last_request.headers


@pytest.mark.anyio
async def test_async_response_without_set_cookie_skips_the_jar(
    server: FakeAnthropicServer, extractions: list[int]
) -> None:
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        for _ in range(3):
            await client.messages.create(**KWARGS)
    assert extractions == []
    assert "cookie" not in server.last_request.headers


def _stock_sync(server: FakeAnthropicServer) -> tuple[list[tuple[str, str | None, str, str]], str | None]:
    """What plain httpx does with the same answers: the jar afterwards and the Cookie header sent next."""
    with httpx.Client(base_url=server.url) as http:
        http.post("/v1/messages", json=KWARGS)
        http.post("/v1/messages", json=KWARGS)
        return _cookies(http.cookies.jar), server.last_request.headers.get("cookie")


def test_sync_set_cookie_is_stored_and_sent_back_like_httpx(
    server: FakeAnthropicServer, extractions: list[int]
) -> None:
    server.enqueue(_message_with(SET_COOKIE), path="/v1/messages")
    expected = _stock_sync(server)
    assert expected[0] and expected[1]
    extractions.clear()

    server.enqueue(_message_with(SET_COOKIE), path="/v1/messages")
    http = anthropic.DefaultHttpxClient()
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        client.messages.create(**KWARGS)
        client.messages.create(**KWARGS)
        assert (_cookies(http.cookies.jar), server.last_request.headers.get("cookie")) == expected
    assert extractions == [1]


@pytest.mark.anyio
async def test_async_set_cookie_is_stored_and_sent_back_like_httpx(
    server: FakeAnthropicServer, extractions: list[int]
) -> None:
    server.enqueue(_message_with(SET_COOKIE), path="/v1/messages")
    async with httpx.AsyncClient(base_url=server.url) as stock:
        await stock.post("/v1/messages", json=KWARGS)
        await stock.post("/v1/messages", json=KWARGS)
        expected = (_cookies(stock.cookies.jar), server.last_request.headers.get("cookie"))
    assert expected[0] and expected[1]
    extractions.clear()

    server.enqueue(_message_with(SET_COOKIE), path="/v1/messages")
    http = anthropic.DefaultAsyncHttpxClient()
    async with anthropic.AsyncAnthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        await client.messages.create(**KWARGS)
        await client.messages.create(**KWARGS)
        assert (_cookies(http.cookies.jar), server.last_request.headers.get("cookie")) == expected
    assert extractions == [1]


def test_set_cookie2_still_reaches_the_jar(server: FakeAnthropicServer, extractions: list[int]) -> None:
    server.enqueue(_message_with([("set-cookie2", 'legacy="1"; Version="1"')]), path="/v1/messages")
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0) as client:
        client.messages.create(**KWARGS)
    assert extractions == [1]


def test_assigned_cookies_keep_the_fast_path_and_are_sent(server: FakeAnthropicServer, extractions: list[int]) -> None:
    http = anthropic.DefaultHttpxClient()
    http.cookies = {"team": "blue"}  # httpx's setter would install a plain `httpx.Cookies`
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        client.messages.create(**KWARGS)
    assert server.last_request.headers.get("cookie") == "team=blue"
    assert extractions == []


def test_a_jar_with_its_own_extraction_sees_every_response(server: FakeAnthropicServer) -> None:
    seen: list[int] = []

    class AuditingJar(CookieJar):
        def extract_cookies(self, response: Any, request: Any) -> None:
            seen.append(1)
            super().extract_cookies(response, request)

    jar = AuditingJar()
    http = anthropic.DefaultHttpxClient(cookies=jar)
    assert http.cookies.jar is jar
    with anthropic.Anthropic(api_key="k", base_url=server.url, max_retries=0, http_client=http) as client:
        client.messages.create(**KWARGS)
        client.messages.create(**KWARGS)
    assert seen == [1, 1]
