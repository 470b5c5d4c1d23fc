"""With the plugin installed but OpenTelemetry never imported or configured, a call loads no OpenTelemetry module:
the plugin costs nothing to a process that collects no telemetry (fresh interpreters, plugin autoloaded)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, sys
import anthropic
from anthropic.testing import FakeAnthropicServer
with FakeAnthropicServer() as server:
    client = anthropic.Anthropic(api_key="sk-gate", base_url=server.url)
    client.messages.create(model="claude-x", max_tokens=8, messages=[{"role": "user", "content": "Hi"}])
    loaded = sorted(m for m in sys.modules if m.startswith("opentelemetry"))
    plugins = [p.distribution for p in __import__("anthropic._plugins.host", fromlist=["x"]).get_host().loaded]
    if len(sys.argv) > 1:  # then the application sets up OpenTelemetry: the next call is traced
        from opentelemetry import trace
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor
        from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

        exporter = InMemorySpanExporter()
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(exporter))
        trace.set_tracer_provider(provider)
        client.messages.create(model="claude-x", max_tokens=8, messages=[{"role": "user", "content": "Hi"}])
        spans = [span.name for span in exporter.get_finished_spans()]
    else:
        spans = []
print(json.dumps({"loaded": loaded, "plugins": plugins, "spans": spans}))
"""


def _run(*args: str) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "OTEL_"))}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, env=env, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_no_opentelemetry_is_imported_until_the_application_uses_it() -> None:
    state = _run()
    assert any((name or "").replace("_", "-") == "anthropic-plugin-otel" for name in state["plugins"]), state
    assert state["loaded"] == []


def test_a_provider_set_after_the_first_call_is_used_by_the_same_client() -> None:
    state = _run("configure-later")
    assert state["spans"] == ["chat claude-x"]
