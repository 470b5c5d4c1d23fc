"""`RelaySignature`: the relay's request signature, an `httpx.Auth` that the SDK runs on every attempt."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Generator

import httpx

__all__ = ["RelaySignature", "signature"]


def signature(secret: str, *, method: str, path: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 of the method, path, timestamp and body digest: what the relay recomputes to check a request."""
    message = "\n".join((method.upper(), path, timestamp, hashlib.sha256(body).hexdigest()))
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


class RelaySignature(httpx.Auth):
    """Signs the final bytes of each attempt, so a retried request gets a fresh timestamp and signature.

    Signing is cheap CPU work, so one flow serves the sync and the async client (httpx drives `auth_flow` for
    both). Blocking work, such as fetching a token, would go in `async_auth_flow` through a worker thread.
    """

    requires_request_body = True  # the signature covers the body

    def __init__(self, key_id: str, secret: str, clock: Callable[[], float] = time.time) -> None:
        self.key_id = key_id
        self._secret = secret
        self._clock = clock

    def __repr__(self) -> str:
        return f"RelaySignature(key_id={self.key_id!r})"  # never the secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        timestamp = str(int(self._clock()))
        path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        request.headers["X-Relay-Key-Id"] = self.key_id
        request.headers["X-Relay-Timestamp"] = timestamp
        request.headers["X-Relay-Signature"] = signature(
            self._secret, method=request.method, path=path, timestamp=timestamp, body=request.content
        )
        yield request
