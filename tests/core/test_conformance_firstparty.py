"""The first-party client passes the platform conformance checks (the reference every plugin is held to)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

import anthropic
from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest

API_KEY = "sk-ant-conformance-0123456789"


@pytest.fixture(autouse=True)
def _no_env_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


class TestFirstPartyConformance(PlatformConformance):
    credentials = (API_KEY,)
    supported_endpoints = (
        "messages.create",
        "messages.count_tokens",
        "messages.batches.list",
        "completions.create",
        "models.list",
        "beta.messages.create",
        "beta.messages.count_tokens",
        "beta.models.list",
        "beta.files.list",
        "beta.skills.list",
    )

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> anthropic.Anthropic:
        return anthropic.Anthropic(api_key=API_KEY, base_url=server.url, **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> anthropic.AsyncAnthropic:
        return anthropic.AsyncAnthropic(api_key=API_KEY, base_url=server.url, **kwargs)

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        return {"x-api-key": API_KEY, "anthropic-version": "2023-06-01"}


class TestBearerTokenConformance(TestFirstPartyConformance):
    """`auth_token` instead of `api_key`: `Authorization: Bearer`, and no `X-Api-Key`."""

    credentials = ("conformance-bearer-token",)
    supported_endpoints = ("messages.create", "models.list")

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> anthropic.Anthropic:
        return anthropic.Anthropic(auth_token=self.credentials[0], base_url=server.url, **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> anthropic.AsyncAnthropic:
        return anthropic.AsyncAnthropic(auth_token=self.credentials[0], base_url=server.url, **kwargs)

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        assert "x-api-key" not in request.headers
        return {"authorization": f"Bearer {self.credentials[0]}"}


class TestConformanceCatchesBrokenPlatforms:
    """The base class fails platforms that break its rules (so a passing plugin means something)."""

    def test_unauthenticated_retry_is_caught(self, anthropic_server: FakeAnthropicServer) -> None:
        class WrongKey(TestFirstPartyConformance):
            def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
                return {"x-api-key": "another-key"}

        with pytest.raises(AssertionError, match="'x-api-key' is missing or invalid"):
            WrongKey().test_retry_is_authenticated_again(anthropic_server)

    def test_supported_endpoint_that_is_refused_is_caught(self, anthropic_server: FakeAnthropicServer) -> None:
        class ClaimsUnsupported(TestFirstPartyConformance):
            unsupported_endpoints = ("models.list",)

        with pytest.raises(AssertionError, match="models.list: expected UnsupportedOnPlatformError"):
            ClaimsUnsupported().test_unsupported_endpoints_are_refused_before_sending(anthropic_server)

    def test_credential_in_repr_is_caught(self, anthropic_server: FakeAnthropicServer) -> None:
        class LeakyRepr(anthropic.Anthropic):
            def __repr__(self) -> str:
                return f"<LeakyRepr {self.api_key}>"

        class Leaky(TestFirstPartyConformance):
            def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> anthropic.Anthropic:
                return LeakyRepr(api_key=API_KEY, base_url=server.url, **kwargs)

        with pytest.raises(AssertionError, match="shows a credential"):
            Leaky().test_user_agent_and_repr(anthropic_server)

    def test_unknown_endpoint_name_is_reported(self, anthropic_server: FakeAnthropicServer) -> None:
        class Typo(TestFirstPartyConformance):
            supported_endpoints = ("messages.creat",)

        with pytest.raises(KeyError, match="no conformance call for endpoint 'messages.creat'"):
            Typo().test_supported_endpoints_are_sent(anthropic_server)

    def test_missing_hooks_are_named(self, anthropic_server: FakeAnthropicServer) -> None:
        with pytest.raises(NotImplementedError, match="must implement make_client"):
            PlatformConformance().test_create_returns_a_message(anthropic_server)
