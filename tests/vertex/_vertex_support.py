"""Helpers of the Vertex tests (imported by conftest and the tests; a unique name avoids `conftest` clashes)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from anthropic.testing import FakeAnthropicServer, RecordedRequest, Reply

PROJECT = "proj-from-key-file"
CLIENT_EMAIL = "svc@proj-from-key-file.iam.gserviceaccount.com"
CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"
GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token"


class TokenEndpoint:
    """Scripts `/token` answers; each answer first checks the JWT grant google-auth signed with our key."""

    def __init__(self, server: FakeAnthropicServer, public_pem: str, token_uri: str) -> None:
        self.server = server
        self.public_pem = public_pem
        self.token_uri = token_uri
        self.claims: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def enqueue(self, token: str, *, expires_in: int = 3600, delay: float = 0.0) -> None:
        self.server.enqueue(self._responder(token, expires_in, delay), path="/token", method="POST")

    def _responder(self, token: str, expires_in: int, delay: float) -> Callable[[RecordedRequest], Reply]:
        def reply(request: RecordedRequest) -> Reply:
            from google.auth import jwt

            form = parse_qs(request.text)
            assert form["grant_type"] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
            # google-auth addresses the grant to Google's token endpoint whatever the key file's token_uri says.
            claims = jwt.decode(form["assertion"][0], certs=self.public_pem, audience=GOOGLE_TOKEN_AUDIENCE)
            assert claims["iss"] == CLIENT_EMAIL
            assert CLOUD_PLATFORM in claims["scope"].split()
            with self._lock:
                self.claims.append(claims)
            return Reply.json({"access_token": token, "expires_in": expires_in, "token_type": "Bearer"}, delay=delay)

        return reply

    @property
    def hits(self) -> int:
        return sum(1 for r in self.server.requests if r.path == "/token")
