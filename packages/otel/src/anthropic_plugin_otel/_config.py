"""The plugin's public configuration: which providers to report to and whether message content is recorded.

Kept free of OpenTelemetry imports so that `import anthropic_plugin_otel` stays cheap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

__all__ = ["CAPTURE_CONTENT_ENV", "OtelSettings", "configure", "settings"]

CAPTURE_CONTENT_ENV = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"


@dataclass(frozen=True)
class OtelSettings:
    """What the observers of every client use (read per API call, so a change applies to existing clients too).

    - `tracer_provider` / `meter_provider`: an OpenTelemetry provider, or None for the global one
      (`opentelemetry.trace.set_tracer_provider(...)`; with none set, the API's no-op default).
    - `capture_content`: record prompts, completions, system instructions, tool arguments and results as span
      attributes. None (the default) follows `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`.
      Credentials are never recorded either way.
    """

    tracer_provider: Any = None
    meter_provider: Any = None
    capture_content: bool | None = None

    def captures_content(self) -> bool:
        if self.capture_content is not None:
            return self.capture_content
        return os.environ.get(CAPTURE_CONTENT_ENV, "").strip().lower() == "true"


_settings = OtelSettings()
_generation = 0


def configure(
    *, tracer_provider: Any = None, meter_provider: Any = None, capture_content: bool | None = None
) -> OtelSettings:
    """Replace the plugin's settings (every argument left out goes back to its default) and return them."""
    global _settings, _generation
    _settings = OtelSettings(
        tracer_provider=tracer_provider, meter_provider=meter_provider, capture_content=capture_content
    )
    _generation += 1
    return _settings


def settings() -> OtelSettings:
    """The current settings."""
    return _settings


def generation() -> int:
    """Bumped by each `configure()`: the observers rebuild their tracer and instruments when it changes."""
    return _generation
