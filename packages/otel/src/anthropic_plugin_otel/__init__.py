"""anthropic-plugin-otel: OpenTelemetry traces and metrics for every client of the `anthropic` SDK.

Installed, it observes every client (first party, Bedrock, Vertex, Foundry, third-party platforms) through the plugin
API's `client_observers` hook, with the OpenTelemetry GenAI semantic conventions. `configure()` chooses the tracer and
meter providers and opts in to recording message content. See docs/observability.md.
"""

from __future__ import annotations

__version__ = "0.1.0"
_DISTRIBUTION = "anthropic-plugin-otel"


def _require_core() -> None:
    """Fail at import, naming the fix, unless `anthropic` offers the plugin API this package is written against.

    The official SDK has no `anthropic.plugins` (it would ignore plugins silently); a core of this project checks the
    version range itself (`require_plugin_api`).
    """
    try:
        from anthropic.plugins import require_plugin_api
    except ImportError:
        pass
    else:
        require_plugin_api(1, 2, distribution=_DISTRIBUTION)
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = f"anthropic {version('anthropic')}"
    except PackageNotFoundError:
        found = "no anthropic distribution"
    raise ImportError(
        f"{_DISTRIBUTION} {__version__} needs the anthropic core of the anthropic-fast project (plugin API 1), but "
        f"{found} is installed, which does not offer it (the official SDK ignores plugins). Fix: install the "
        f"plugin again from this project's wheelhouse, which brings its core: pip install --find-links <wheelhouse> "
        f"{_DISTRIBUTION} (see https://github.com/anthropic-fast/anthropic-fast#install)"
    )


_require_core()

from ._config import CAPTURE_CONTENT_ENV, OtelSettings, configure, settings  # noqa: E402  (after the core check; imports no opentelemetry)

__all__ = ["CAPTURE_CONTENT_ENV", "OtelSettings", "__version__", "configure", "settings"]
