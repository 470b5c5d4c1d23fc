"""The observer the hook returns: imports OpenTelemetry only once something could record a span or a metric.

Until the application imports OpenTelemetry (any provider set through `opentelemetry.trace` /
`opentelemetry.metrics` means it did), names a provider through `OTEL_PYTHON_TRACER_PROVIDER` /
`OTEL_PYTHON_METER_PROVIDER`, or passes one to `configure()`, nothing could record, so a call costs a few
dictionary lookups and the process never loads OpenTelemetry (about 8 ms and 1-2 MiB at the first client).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from anthropic.plugins import ClientConfig, Observation, Observer, Operation

from ._config import settings

if TYPE_CHECKING:
    from ._observer import OtelObserver

__all__ = ["GatedObserver"]

_OTEL_MODULES = ("opentelemetry.trace", "opentelemetry.metrics")
_PROVIDER_VARIABLES = ("OTEL_PYTHON_TRACER_PROVIDER", "OTEL_PYTHON_METER_PROVIDER")


def telemetry_possible() -> bool:
    """Whether any provider could be configured: `configure()`, OpenTelemetry imported, or a provider variable."""
    config = settings()
    if config.tracer_provider is not None or config.meter_provider is not None:
        return True
    modules = sys.modules
    if _OTEL_MODULES[0] in modules or _OTEL_MODULES[1] in modules:
        return True
    environ = os.environ
    return _PROVIDER_VARIABLES[0] in environ or _PROVIDER_VARIABLES[1] in environ


class GatedObserver(Observer):
    """Defers to the OpenTelemetry observer of this client, built (and OpenTelemetry imported) on first need."""

    __slots__ = ("_config", "_inner")

    def __init__(self, config: ClientConfig[Any]) -> None:
        self._config = config
        self._inner: OtelObserver | None = None

    def start(self, operation: Operation) -> Observation | None:
        inner = self._inner
        if inner is None:
            if not telemetry_possible():
                return None
            from ._observer import OtelObserver

            inner = self._inner = OtelObserver(self._config)
        return inner.start(operation)
