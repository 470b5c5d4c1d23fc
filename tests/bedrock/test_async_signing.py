"""Async Bedrock clients never block the event loop while credentials are resolved and requests signed."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import anyio
import pytest
from bedrock_wire import REGION, message_json, signed, verify_sigv4

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AsyncAnthropicBedrock

MODEL_PATH = re.compile(r"/model/.*")
MESSAGES = [{"role": "user", "content": "Hello"}]
HOLD = 30  # seconds the provider waits for its release before giving up: a failure bound, never reached when it works


class HeldProfile:
    """A `credential_process` provider that, once started, waits until `release()` is called (by a task on the
    event loop) and logs whether it was released or gave up. A provider run on the event loop's thread would block
    the loop, so no task could release it: it would give up after HOLD seconds and log so."""

    def __init__(self, aws_env: Path, tmp_path: Path) -> None:
        self.log = tmp_path / "provider.log"
        self.started = tmp_path / "provider.started"
        self.released = tmp_path / "provider.released"
        script = tmp_path / "held_creds.py"
        script.write_text(
            "import json, os, time\n"
            f"open({str(self.started)!r}, 'a').close()\n"
            f"deadline = time.monotonic() + {HOLD}\n"
            f"while not os.path.exists({str(self.released)!r}) and time.monotonic() < deadline:\n"
            "    time.sleep(0.005)\n"
            f"outcome = 'released' if os.path.exists({str(self.released)!r}) else 'gave-up'\n"
            f"open({str(self.log)!r}, 'a').write(outcome + '\\n')\n"
            "print(json.dumps({'Version': 1, 'AccessKeyId': 'AKIDSLOW', 'SecretAccessKey': 'slow-secret'}))\n"
        )
        (aws_env / "config").write_text(f"[profile slow]\ncredential_process = {sys.executable} {script}\n")

    async def release_when_started(self) -> None:
        """Runs on the event loop: only a loop that keeps running while credentials are resolved gets here."""
        while not self.started.exists():
            await anyio.sleep(0.005)
        self.released.touch()

    def runs(self) -> list[str]:
        return self.log.read_text().splitlines()


@pytest.mark.anyio
async def test_slow_credential_provider_does_not_block_the_loop(
    anthropic_server: FakeAnthropicServer, aws_env: Path, tmp_path: Path
) -> None:
    provider = HeldProfile(aws_env, tmp_path)
    secrets = {"AKIDSLOW": ("slow-secret", None)}
    anthropic_server.enqueue(*(signed(Reply.json(message_json()), secrets) for _ in range(2)), path=MODEL_PATH)

    client = AsyncAnthropicBedrock(aws_profile="slow", aws_region=REGION, base_url=anthropic_server.url)
    async with client, anyio.create_task_group() as tg:
        tg.start_soon(provider.release_when_started)
        message = await client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
        # The resolved credentials are cached: the second request does not run the provider again.
        await client.with_options(timeout=20).messages.create(model="m", max_tokens=5, messages=MESSAGES)

    assert message.content[0].text
    # The provider ran once, and a task on the event loop released it while it ran.
    assert provider.runs() == ["released"]
    for request in anthropic_server.requests:
        verify_sigv4(request, secrets)


@pytest.mark.anyio
async def test_concurrent_requests_resolve_credentials_once(
    anthropic_server: FakeAnthropicServer, aws_env: Path, tmp_path: Path
) -> None:
    provider = HeldProfile(aws_env, tmp_path)
    secrets = {"AKIDSLOW": ("slow-secret", None)}
    anthropic_server.enqueue(*(signed(Reply.json(message_json()), secrets) for _ in range(5)), path=MODEL_PATH)
    async with AsyncAnthropicBedrock(aws_profile="slow", aws_region=REGION, base_url=anthropic_server.url) as client:

        async def one() -> None:
            await client.messages.create(model="m", max_tokens=5, messages=MESSAGES)

        async with anyio.create_task_group() as tg:
            for _ in range(5):
                tg.start_soon(one)  # all five are waiting for credentials while the provider is held
            tg.start_soon(provider.release_when_started)
    assert provider.runs() == ["released"]
    assert len(anthropic_server.requests) == 5
