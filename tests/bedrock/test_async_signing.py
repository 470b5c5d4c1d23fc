"""Async Bedrock clients never block the event loop while credentials are resolved and requests signed."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import anyio
import pytest
from bedrock_wire import REGION, message_json, signed, verify_sigv4

from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AsyncAnthropicBedrock

MODEL_PATH = re.compile(r"/model/.*")
MESSAGES = [{"role": "user", "content": "Hello"}]
SLOW = 0.4


def _slow_profile(aws_env: Path, tmp_path: Path) -> Path:
    """A `credential_process` provider that takes SLOW seconds and logs when it ran (start and end times)."""
    log = tmp_path / "provider.log"
    script = tmp_path / "slow_creds.py"
    script.write_text(
        "import json, time\n"
        "start = time.time()\n"
        f"time.sleep({SLOW})\n"
        f"open({str(log)!r}, 'a').write(f'{{start}} {{time.time()}}\\n')\n"
        "print(json.dumps({'Version': 1, 'AccessKeyId': 'AKIDSLOW', 'SecretAccessKey': 'slow-secret'}))\n"
    )
    (aws_env / "config").write_text(f"[profile slow]\ncredential_process = {sys.executable} {script}\n")
    return log


@pytest.mark.anyio
async def test_slow_credential_provider_does_not_block_the_loop(
    anthropic_server: FakeAnthropicServer, aws_env: Path, tmp_path: Path
) -> None:
    log = _slow_profile(aws_env, tmp_path)
    secrets = {"AKIDSLOW": ("slow-secret", None)}
    anthropic_server.enqueue(*(signed(Reply.json(message_json()), secrets) for _ in range(2)), path=MODEL_PATH)
    ticks: list[float] = []
    done = anyio.Event()

    async def heartbeat() -> None:
        while not done.is_set():
            ticks.append(time.time())
            await anyio.sleep(0.01)

    client = AsyncAnthropicBedrock(aws_profile="slow", aws_region=REGION, base_url=anthropic_server.url)
    async with client, anyio.create_task_group() as tg:
        tg.start_soon(heartbeat)
        message = await client.messages.create(model="m", max_tokens=5, messages=MESSAGES)
        # The resolved credentials are cached: the second request does not run the provider again.
        await client.with_options(timeout=20).messages.create(model="m", max_tokens=5, messages=MESSAGES)
        done.set()

    assert message.content[0].text
    runs = [tuple(map(float, line.split())) for line in log.read_text().splitlines()]
    assert len(runs) == 1
    start, end = runs[0]
    assert end - start >= SLOW
    during = [t for t in ticks if start <= t <= end]
    # ~40 ticks fit in the provider's run; a blocked loop would fit none.
    assert len(during) >= 10, f"the event loop ticked {len(during)} times while credentials were resolved"
    for request in anthropic_server.requests:
        verify_sigv4(request, secrets)


@pytest.mark.anyio
async def test_concurrent_requests_resolve_credentials_once(
    anthropic_server: FakeAnthropicServer, aws_env: Path, tmp_path: Path
) -> None:
    log = _slow_profile(aws_env, tmp_path)
    secrets = {"AKIDSLOW": ("slow-secret", None)}
    anthropic_server.enqueue(*(signed(Reply.json(message_json()), secrets) for _ in range(5)), path=MODEL_PATH)
    async with AsyncAnthropicBedrock(aws_profile="slow", aws_region=REGION, base_url=anthropic_server.url) as client:

        async def one() -> None:
            await client.messages.create(model="m", max_tokens=5, messages=MESSAGES)

        async with anyio.create_task_group() as tg:
            for _ in range(5):
                tg.start_soon(one)
    assert len(log.read_text().splitlines()) == 1
    assert len(anthropic_server.requests) == 5
