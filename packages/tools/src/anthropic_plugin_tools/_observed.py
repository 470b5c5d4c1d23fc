"""What observers (the otel plugin, any `client_observers` hook) see of a tool runner: a run and its tool calls.

Every helper returns at once when the client has no observer (`observe()` is None), so a runner pays nothing then.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from anthropic.plugins import Observation, Operation, observation_ending, observation_scope, observe

if TYPE_CHECKING:
    from anthropic.types.beta import BetaToolUseBlock

__all__ = ["observation_ending", "observation_scope", "start_run", "start_tool"]

RUN = "beta.messages.tool_runner"
TOOL = "beta.messages.tool_runner.tool"


def start_run(client: object, params: Mapping[str, Any], max_iterations: int | None) -> Observation | None:
    """Observe one run (it ends when the runner's iteration ends); `body` holds no message content."""
    body = {"model": params.get("model"), "max_iterations": max_iterations, "stream": False}
    return observe(client, Operation(RUN, body=body))


def start_tool(client: object, run: Observation | None, tool_use: BetaToolUseBlock) -> Observation | None:
    """Observe one tool call as a child of the run (`input` is content: observers record it only on opt-in)."""
    if run is None:
        return None
    with observation_scope(run):
        return observe(
            client, Operation(TOOL, body={"name": tool_use.name, "id": tool_use.id, "input": tool_use.input})
        )
