"""The plugin's SigV4 signer (botocore's `SigV4Auth` with a linear header map, a direct payload hash and a cached
signing key) signs exactly as botocore's own `SigV4Auth` does: same headers added, byte for byte, on the same
request and clock. Seeded random requests cover repeated and mixed-case header names, values with runs of spaces,
headers botocore never signs, query strings, empty bodies, session tokens, regions and day changes."""

from __future__ import annotations

import datetime
import random
from typing import Any

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from anthropic_plugin_bedrock._sigv4 import SigningKeyCache, signer_class

_NAMES = [
    "Host",
    "content-type",
    "Content-Length",
    "user-agent",
    "x-stainless-lang",
    "X-Stainless-Retry-Count",
    "anthropic-beta",
    "x-custom",
    "X-CUSTOM",
    "expect",
    "connection",
    "user-agent",
    "x-amz-date",
    "Authorization",
]


def _request(rng: random.Random) -> tuple[str, list[tuple[str, str]], bytes]:
    host = rng.choice(["bedrock-runtime.us-east-1.amazonaws.com", "127.0.0.1:8080", "EXAMPLE.com"])
    path = rng.choice(["/model/anthropic.claude-v2:1/invoke", "/model/a%2Fb/invoke-with-response-stream", "/"])
    query = rng.choice(["", "?b=2&a=1", "?x=%20y&x=a", "?beta=true"])
    url = f"{rng.choice(['http', 'https'])}://{host}{path}{query}"
    headers: list[tuple[str, str]] = []
    if rng.random() < 0.9:
        headers.append(("host", host.lower()))
    for _ in range(rng.randrange(1, 22)):
        name = rng.choice(_NAMES)
        if name.lower() == "host":
            continue
        value = rng.choice(["application/json", "  padded   value  ", "a,b", "tools-2024-04-04", "0", "x" * 40, ""])
        headers.append((name, value))
    body = rng.choice([b"", b"{}", b'{"messages": [{"role": "user", "content": "hi \\u00e9"}]}' * rng.randrange(1, 5)])
    return url, headers, body


def _sign(signer: Any, url: str, headers: list[tuple[str, str]], body: bytes) -> list[tuple[str, str]]:
    request = AWSRequest(method="POST", url=url, data=body)
    for name, value in headers:
        request.headers[name] = value  # email-style: repeated names are kept, as from a header list
    signer.add_auth(request)
    return list(request.headers.items())


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime.datetime]:
    import botocore.auth

    now = [datetime.datetime(2025, 3, 4, 23, 59, 58)]
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: now[0])
    return now


@pytest.mark.parametrize("seed", range(60))
def test_signs_exactly_as_botocore(clock: list[datetime.datetime], seed: int) -> None:
    rng = random.Random(seed)
    keys = SigningKeyCache()
    fast = signer_class()
    for round_ in range(3):
        token = rng.choice([None, "FwoGZXIvYXdzEXAMPLETOKEN"])
        credentials = Credentials("AKIDEXAMPLE", rng.choice(["secret-one", "wJalrXUtnFEMI/K7MDENG"]), token)
        region = rng.choice(["us-east-1", "eu-west-1"])
        url, headers, body = _request(rng)
        expected = _sign(SigV4Auth(credentials, "bedrock", region), url, headers, body)
        got = _sign(fast(credentials, "bedrock", region, keys), url, headers, body)
        assert got == expected
        assert any(name == "Authorization" for name, _ in got)
        if round_ == 1:
            clock[0] += datetime.timedelta(seconds=3)  # crosses midnight: a new signing key


def test_signing_key_cache_follows_secret_day_and_region() -> None:
    keys = SigningKeyCache()
    one = keys.key("secret", "20250304", "us-east-1", "bedrock")
    assert keys.key("secret", "20250304", "us-east-1", "bedrock") is one
    assert keys.key("secret", "20250305", "us-east-1", "bedrock") != one
    assert keys.key("other", "20250304", "us-east-1", "bedrock") != one
    assert keys.key("secret", "20250304", "eu-west-1", "bedrock") != one
    assert keys.key("secret", "20250304", "us-east-1", "bedrock") == one
    assert "secret" not in repr(keys)
