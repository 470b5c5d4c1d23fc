"""The transport's direct request building must produce exactly what the general (httpx-serialised) path does.

`_SendPlan._direct` skips `httpx.Request(content=...)`'s header re-normalisation by reusing per-client header
prefixes; these tests pin that it sends the same method, URL, headers (names, values and order), body and
extensions, and that it steps aside whenever httpx's own rules would differ.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest

import anthropic
from anthropic._request import APIRequest
from anthropic._transport import RequestCache, SendPlan
from anthropic._types import NOT_GIVEN, omit


def _client(**kwargs: Any) -> anthropic.Anthropic:
    return anthropic.Anthropic(api_key="sk-ant-test", base_url="http://127.0.0.1:9/base", max_retries=0, **kwargs)


def _plan(client: anthropic.Anthropic, request: APIRequest[Any], cache: RequestCache | None = None) -> SendPlan:
    return SendPlan(
        api_request=request,
        platform=client._platform,
        base_url=client._base_url_str,
        default_headers=client._lower_default_headers(),
        default_query=client._custom_query,
        client_timeout=client.timeout,
        client_max_retries=2,
        cache=cache if cache is not None else client._request_cache,
    )


def _shape(request: httpx.Request) -> tuple[Any, ...]:
    return (
        request.method,
        str(request.url),
        request.headers.raw,
        request.content,
        request.extensions,
        type(request.stream),
        request.headers.encoding,
    )


METHODS = ("GET", "POST", "DELETE", "PUT", "PATCH")
BODIES: tuple[Any, ...] = (None, {"a": 1, "text": "café"}, {})
HEADERS: tuple[dict[str, Any], ...] = (
    {},
    {"X-Custom": "1"},
    {"Host": "other.example"},
    {"x-api-key": omit},
    {"Content-Type": "text/plain"},
    {"X-Stainless-Retry-Count": "7"},
    {"content-length": "5"},
)
TIMEOUTS: tuple[Any, ...] = (NOT_GIVEN, 30, 600, 600.0, None, httpx.Timeout(600, connect=5.0))
PATHS = ("/v1/messages", "https://other.example:8443/v1/x?y=1", "/v1/models?beta=true")
CONTENTS: tuple[bytes | None, ...] = (None, b"raw-bytes", b"")


@pytest.mark.parametrize(("method", "path"), list(itertools.product(METHODS, PATHS)))
def test_direct_request_matches_general_path(method: str, path: str) -> None:
    client = _client()
    compared = 0
    for body, headers, timeout, content in itertools.product(BODIES, HEADERS, TIMEOUTS, CONTENTS):
        request = APIRequest(
            method, path, object, endpoint="x", body=body, headers=dict(headers), timeout=timeout, content=content
        )
        plan = _plan(client, request)
        for attempt in (0, 1):
            direct = plan._direct(attempt, client._client)
            if direct is None:
                continue
            assert _shape(direct) == _shape(plan._general(attempt, client._client)), (body, headers, timeout)
            compared += 1
    assert compared > 0


def test_direct_path_is_taken_for_a_plain_create_and_reuses_cached_parts() -> None:
    client = _client()
    request = APIRequest("POST", "/v1/messages", object, endpoint="messages.create", body={"model": "m"})
    first = _plan(client, request)
    second = _plan(client, APIRequest("POST", "/v1/messages", object, endpoint="messages.create", body={"x": 1}))
    assert first.header_set is second.header_set
    a, b = first._direct(0, client._client), second._direct(3, client._client)
    assert a is not None and b is not None
    assert a.url is not b.url and a.url == b.url
    assert a.headers["x-stainless-retry-count"] == "0" and b.headers["x-stainless-retry-count"] == "3"
    assert a.headers["host"] == "127.0.0.1:9"
    assert b.content == b'{"x":1}' and b.headers["content-length"] == "7"


@pytest.mark.parametrize(
    "case",
    ["cookies", "params", "content-length", "empty-post", "stream-body"],
)
def test_direct_path_steps_aside_where_httpx_rules_differ(case: str) -> None:
    client = _client()
    headers: dict[str, str] = {}
    body: Any = {"a": 1}
    content: Any = None
    if case == "cookies":
        client._client.cookies.set("session", "abc")
    elif case == "params":
        client._client.params = httpx.QueryParams({"k": "v"})
    elif case == "content-length":
        headers = {"Content-Length": "7"}
    elif case == "empty-post":
        body = None
    else:
        content = iter([b"a", b"b"])
    plan = _plan(
        client, APIRequest("POST", "/v1/messages", object, endpoint="x", body=body, headers=headers, content=content)
    )
    assert plan._direct(0, client._client) is None
    request = plan.prepare(0, client._client)
    if case == "cookies":
        assert request.headers["cookie"] == "session=abc"
    if case == "empty-post":
        assert request.headers["content-length"] == "0"


def test_header_cache_distinguishes_equal_numbers_with_different_text() -> None:
    client = _client()
    a = _plan(client, APIRequest("POST", "/v1/x", object, endpoint="x", body={}, timeout=600))
    b = _plan(client, APIRequest("POST", "/v1/x", object, endpoint="x", body={}, timeout=600.0))
    assert a.base_headers["x-stainless-timeout"] == "600"
    assert b.base_headers["x-stainless-timeout"] == "600.0"


def test_header_cache_handles_unhashable_values_and_stays_bounded() -> None:
    client = _client()
    cache = RequestCache()
    plan = _plan(client, APIRequest("POST", "/v1/x", object, endpoint="x", body={}, headers={"X-L": ["a"]}), cache)  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        plan.prepare(0, client._client)  # httpx refuses the value, as it did before the cache
    for i in range(RequestCache._LIMIT * 2 + 5):
        _plan(
            client, APIRequest("POST", f"/v1/x{i}", object, endpoint="x", body={}, headers={"X-N": str(i)}), cache
        ).prepare(0, client._client)
    assert len(cache._headers) <= RequestCache._LIMIT
    assert len(cache._urls) <= RequestCache._LIMIT


def test_non_ascii_header_value_fails_the_same_way() -> None:
    client = _client()
    plan = _plan(client, APIRequest("POST", "/v1/x", object, endpoint="x", body={}, headers={"X-Name": "é"}))
    with pytest.raises(UnicodeEncodeError):
        plan._general(0, client._client)
    with pytest.raises(UnicodeEncodeError):
        plan.prepare(0, client._client)
