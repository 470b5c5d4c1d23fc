"""AnthropicVertex passes the platform conformance checks: with a static access token, and with a service account
whose token google-auth really fetches (a JWT grant signed with a generated key) from the fake server's /token."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
from _vertex_support import TokenEndpoint

from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest
from anthropic_plugin_vertex import AnthropicVertex, AsyncAnthropicVertex

MODEL = "claude-sonnet-4-5@20250929"
MODELS_PATH = "/v1/projects/proj/locations/us-east5/publishers/anthropic/models"
ACCESS_TOKEN = "ya29.static-conformance-token"


class TestVertexConformance(PlatformConformance):
    model = MODEL
    credentials = (ACCESS_TOKEN,)
    supported_endpoints = ("messages.create", "messages.count_tokens", "beta.messages.create")
    unsupported_endpoints = (
        "messages.batches.create",
        "messages.batches.list",
        "beta.messages.batches.list",
        "completions.create",
        "models.list",
        "beta.models.list",
        "beta.files.list",
        "beta.skills.list",
    )

    def _options(self) -> dict[str, Any]:
        return {"access_token": ACCESS_TOKEN}

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AnthropicVertex:
        return AnthropicVertex(
            region="us-east5", project_id="proj", base_url=f"{server.url}/v1", **self._options(), **kwargs
        )

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AsyncAnthropicVertex:
        return AsyncAnthropicVertex(
            region="us-east5", project_id="proj", base_url=f"{server.url}/v1", **self._options(), **kwargs
        )

    def request_path(self, *, stream: bool) -> str | re.Pattern[str]:
        return f"{MODELS_PATH}/{MODEL}:{'streamRawPredict' if stream else 'rawPredict'}"

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        assert "x-api-key" not in request.headers
        return {"authorization": f"Bearer {self.credentials[0]}"}


class TestVertexServiceAccountConformance(TestVertexConformance):
    """The same checks with google-auth refreshing a service-account token against the fake token endpoint."""

    credentials = ("ya29.service-account-conformance-token",)

    @pytest.fixture(autouse=True)
    def _service_account(self, service_account: Any, token_endpoint: TokenEndpoint) -> None:
        self._credentials = service_account
        self._token_endpoint = token_endpoint
        for _ in range(2):  # one client per sync check, one per async check; copies share the credentials
            token_endpoint.enqueue(self.credentials[0])

    def _options(self) -> dict[str, Any]:
        return {"credentials": self._credentials}

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        assert self._token_endpoint.claims, "google-auth never fetched a token"
        return super().auth_headers(request)

    def is_api_request(self, request: RecordedRequest) -> bool:
        return request.path != "/token"
