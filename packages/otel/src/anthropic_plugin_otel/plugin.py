"""The `anthropic.plugins` entry point of anthropic-plugin-otel: one OpenTelemetry observer per client.

Cheap to import, and cheap to use: OpenTelemetry loads only once something could record (see `_gate.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from anthropic.plugins import ClientConfig, Observer, hookimpl

__all__ = ["client_observers"]


@hookimpl
def client_observers(config: ClientConfig[Any]) -> Sequence[Observer]:
    from ._gate import GatedObserver

    return [GatedObserver(config)]
