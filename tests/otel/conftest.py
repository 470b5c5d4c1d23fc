"""otel tests: the plugin registered through its entry point, in-memory OpenTelemetry SDK providers per test."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import entry_points

import pytest
from _otel_support import Telemetry
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

import anthropic_plugin_otel
from anthropic._plugins.host import PluginHost
from anthropic_plugin_otel import CAPTURE_CONTENT_ENV


@pytest.fixture(autouse=True)
def otel_plugin(plugin_host: PluginHost) -> PluginHost:
    """Registered as an installed plugin would be: loaded from its `anthropic.plugins` entry point."""
    (entry,) = [e for e in entry_points(group="anthropic.plugins") if e.name == "otel"]
    assert entry.value == "anthropic_plugin_otel.plugin"
    plugin_host.register(entry.load(), name="otel")
    return plugin_host


@pytest.fixture(autouse=True)
def no_content_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CAPTURE_CONTENT_ENV, raising=False)


@pytest.fixture
def telemetry() -> Iterator[Telemetry]:
    exporter = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(exporter))
    reader = InMemoryMetricReader()
    meter_provider = MeterProvider(metric_readers=[reader])
    anthropic_plugin_otel.configure(tracer_provider=tracer_provider, meter_provider=meter_provider)
    try:
        yield Telemetry(exporter, reader, tracer_provider, meter_provider)
    finally:
        anthropic_plugin_otel.configure()
        tracer_provider.shutdown()
        meter_provider.shutdown()


@pytest.fixture(params=["sync", "async"])
def is_async(request: pytest.FixtureRequest) -> bool:
    return request.param == "async"
