"""The tool runner logs under 0.74.0's logger name (`anthropic.lib.tools._beta_runner`), so existing filters work."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic.testing import FakeAnthropicServer
from anthropic.types.beta import BetaMessageParam
from anthropic_plugin_tools import beta_async_tool, beta_tool

LOGGER = "anthropic.lib.tools._beta_runner"
USER: BetaMessageParam = {"role": "user", "content": "Go"}
EXPECTED = [
    (LOGGER, "ERROR", "Error occurred while calling tool: explode"),
    (LOGGER, "DEBUG", "Returning cached tool call response."),
    (LOGGER, "DEBUG", "Tool call was not requested, exiting from tool runner loop."),
]


@beta_tool
def explode(reason: str) -> str:
    """Always fails."""
    raise RuntimeError(reason)


@beta_async_tool(name="explode")
async def async_explode(reason: str) -> str:
    """Always fails, asynchronously."""
    raise RuntimeError(reason)


def script(server: FakeAnthropicServer) -> None:
    server.script_turns([{"tool_uses": [{"name": "explode", "id": "t1", "input": {"reason": "boom"}}]}, "done"])


def records(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str, str]]:
    return [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("anthropic.lib")]


def test_sync_runner_logs_under_the_official_name(
    client: Anthropic, anthropic_server: FakeAnthropicServer, caplog: pytest.LogCaptureFixture
) -> None:
    script(anthropic_server)
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    runner = client.beta.messages.tool_runner(
        model="claude-sonnet-4-5", max_tokens=64, messages=[USER], tools=[explode]
    )
    for _ in runner:
        runner.generate_tool_call_response()  # the runner's own call then reuses it ("cached")
    assert records(caplog) == EXPECTED
    assert [r for r in caplog.records if r.name == LOGGER][0].exc_info is not None  # other loggers may be on too


@pytest.mark.anyio
async def test_async_runner_logs_under_the_official_name(
    async_client: AsyncAnthropic, anthropic_server: FakeAnthropicServer, caplog: pytest.LogCaptureFixture
) -> None:
    script(anthropic_server)
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    runner: Any = async_client.beta.messages.tool_runner(
        model="claude-sonnet-4-5", max_tokens=64, messages=[USER], tools=[async_explode]
    )
    async for _ in runner:
        await runner.generate_tool_call_response()
    assert records(caplog) == EXPECTED
