"""With DEBUG logging on (ANTHROPIC_LOG=debug and the root logger at DEBUG), no log record of a Bedrock request shows
the AWS session token, the secret key or the request signature, although botocore.auth logs its canonical request
(which holds the token) while the plugin signs. botocore's records for code outside the plugin are left alone."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from bedrock_wire import ACCESS_KEY, REGION, SECRET_KEY, SESSION_TOKEN, message_json, signed

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

SECRETS = {ACCESS_KEY: (SECRET_KEY, SESSION_TOKEN)}
OPTIONS: dict[str, Any] = {
    "aws_access_key": ACCESS_KEY,
    "aws_secret_key": SECRET_KEY,
    "aws_session_token": SESSION_TOKEN,
    "aws_region": REGION,
}
MESSAGES = [{"role": "user", "content": "Hello"}]


@pytest.fixture
def all_debug_logs(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[Any]:
    """ANTHROPIC_LOG=debug applied, and every logger (botocore's included) at DEBUG into caplog."""
    from anthropic._logs import setup_logging

    monkeypatch.setenv("ANTHROPIC_LOG", "debug")
    saved = {name: logging.getLogger(name).level for name in ("anthropic", "httpx")}
    setup_logging()
    caplog.set_level(logging.DEBUG)
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def _create(mode: str, server: FakeAnthropicServer) -> None:
    create: dict[str, Any] = {"model": "anthropic.claude-3-5-sonnet-20241022-v2:0", "max_tokens": 8}
    if mode == "sync":
        with AnthropicBedrock(base_url=server.url, max_retries=1, **OPTIONS) as client:
            client.messages.create(messages=MESSAGES, **create)
        return

    async def main() -> None:
        async with AsyncAnthropicBedrock(base_url=server.url, max_retries=1, **OPTIONS) as client:
            await client.messages.create(messages=MESSAGES, **create)

    anyio.run(main)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_no_token_secret_or_signature_in_any_debug_record(
    mode: str, all_debug_logs: pytest.LogCaptureFixture, anthropic_server: FakeAnthropicServer
) -> None:
    # A retry, so two signatures are computed and logged.
    anthropic_server.enqueue(Reply.error(500), signed(Reply.json(message_json()), SECRETS), path=re.compile(".*"))
    _create(mode, anthropic_server)

    requests = anthropic_server.requests
    assert len(requests) == 2
    assert all(r.headers["x-amz-security-token"] == SESSION_TOKEN for r in requests)  # the token did go out
    signatures = [re.search(r"Signature=([0-9a-f]+)", r.headers["authorization"]).group(1) for r in requests]  # type: ignore[union-attr]
    records = all_debug_logs.records
    botocore_auth = [r.getMessage() for r in records if r.name == "botocore.auth"]
    # Not vacuous: botocore logged the canonical request (with the redacted token line) and the signature.
    assert any("CanonicalRequest" in m and "x-amz-security-token:<redacted>" in m for m in botocore_auth)
    assert any(m.startswith("Signature:") for m in botocore_auth)
    assert any(r.name.startswith("anthropic") for r in records)
    for text in [r.getMessage() for r in records] + [all_debug_logs.text]:
        for secret in (SESSION_TOKEN, SECRET_KEY, *signatures):
            assert secret not in text


def test_botocore_records_outside_the_plugin_are_botocores_own(all_debug_logs: pytest.LogCaptureFixture) -> None:
    """The filter only acts while the plugin signs: a user's own botocore signing logs what botocore logs."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    request = AWSRequest(method="POST", url="https://example.invalid/x", data=b"{}")
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN), "bedrock", REGION).add_auth(request)
    messages = [r.getMessage() for r in all_debug_logs.records if r.name == "botocore.auth"]
    assert any(SESSION_TOKEN in m for m in messages)
