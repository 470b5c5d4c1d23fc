"""The OpenTelemetry side: tracer and GenAI histograms, built once per `configure()` and shared by every client.

With neither a tracer nor a meter provider configured (the API's no-op defaults) `current()` returns None and the
observers skip the call entirely, which is what keeps the plugin nearly free when nobody collects telemetry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from opentelemetry import metrics, trace

from . import __version__
from ._config import generation, settings

__all__ = ["DURATION_BUCKETS", "TOKEN_BUCKETS", "Telemetry", "current"]

# The bucket advice of the GenAI semantic conventions.
TOKEN_BUCKETS = (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864)
DURATION_BUCKETS = (0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92)

_SCOPE = "anthropic_plugin_otel"
_SCHEMA = "https://opentelemetry.io/schemas/1.37.0"


def _noop_meter_providers() -> tuple[type, ...]:
    """The API's no-op provider, and its placeholder for "none set yet" (a class private to opentelemetry-api)."""
    try:
        from opentelemetry.metrics._internal import _ProxyMeterProvider  # pyright: ignore[reportPrivateUsage]
    except ImportError:  # pragma: no cover - another opentelemetry-api layout
        return (metrics.NoOpMeterProvider,)
    return (metrics.NoOpMeterProvider, _ProxyMeterProvider)


_NOOP_METER_PROVIDERS = frozenset(_noop_meter_providers())
_NOOP_TRACER_PROVIDERS = frozenset((trace.NoOpTracerProvider, trace.ProxyTracerProvider))


@dataclass(frozen=True)
class Telemetry:
    tracer: Any
    token_usage: Any
    duration: Any
    time_to_first_chunk: Any
    capture_content: bool


_built: tuple[int, Telemetry] | None = None


def current() -> Telemetry | None:
    """The tracer and instruments to report to, or None when no provider would record anything."""
    config = settings()
    tracer_provider = config.tracer_provider or trace.get_tracer_provider()
    meter_provider = config.meter_provider or metrics.get_meter_provider()
    if type(tracer_provider) in _NOOP_TRACER_PROVIDERS and type(meter_provider) in _NOOP_METER_PROVIDERS:
        return None  # exact types: an ABC isinstance() costs more than the rest of this check
    global _built
    built = _built
    if built is None or built[0] != generation():
        built = (generation(), _build(config.tracer_provider, config.meter_provider))
        _built = built
    telemetry = built[1]
    if telemetry.capture_content != config.captures_content():  # the env variable changed
        telemetry = Telemetry(
            telemetry.tracer,
            telemetry.token_usage,
            telemetry.duration,
            telemetry.time_to_first_chunk,
            config.captures_content(),
        )
        _built = (built[0], telemetry)
    return telemetry


def _build(tracer_provider: Any, meter_provider: Any) -> Telemetry:
    """A tracer and meter from the configured providers, or the global ones (proxies that follow a provider set later)."""
    tracer = trace.get_tracer(_SCOPE, __version__, tracer_provider, schema_url=_SCHEMA)
    meter = metrics.get_meter(_SCOPE, __version__, meter_provider, schema_url=_SCHEMA)
    return Telemetry(
        tracer=tracer,
        token_usage=meter.create_histogram(
            "gen_ai.client.token.usage",
            unit="{token}",
            description="Number of input and output tokens used.",
            explicit_bucket_boundaries_advisory=TOKEN_BUCKETS,
        ),
        duration=meter.create_histogram(
            "gen_ai.client.operation.duration",
            unit="s",
            description="GenAI operation duration.",
            explicit_bucket_boundaries_advisory=DURATION_BUCKETS,
        ),
        time_to_first_chunk=meter.create_histogram(
            "gen_ai.client.operation.time_to_first_chunk",
            unit="s",
            description="Time to receive the first chunk of a streamed response.",
            explicit_bucket_boundaries_advisory=DURATION_BUCKETS,
        ),
        capture_content=settings().captures_content(),
    )
