"""anthropic-plugin-vertex: Claude on Google Vertex AI for the `anthropic` SDK.

`AnthropicVertex` / `AsyncAnthropicVertex` are also served as `anthropic.AnthropicVertex` and from the 0.74.0
path `anthropic.lib.vertex`. Names load on first use so that plugin discovery stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AnthropicVertex, AsyncAnthropicVertex

__version__ = "0.1.0"
_DISTRIBUTION = "anthropic-plugin-vertex"


def _require_core() -> None:
    """Fail at import, naming the fix, when `anthropic` lacks plugin API 1 (e.g. the official SDK ignores plugins)."""
    try:
        from anthropic.plugins import require_plugin_api
    except ImportError:  # no plugin API at all: name the core that is installed and how to get this project's
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = f"anthropic {version('anthropic')}"
        except PackageNotFoundError:
            found = "no anthropic distribution"
        raise ImportError(
            f"{_DISTRIBUTION} {__version__} needs the anthropic core of the anthropic-fast project (plugin API 1), "
            f"but {found} is installed, which does not offer it (the official SDK ignores plugins). Fix: install the "
            f"plugin again from this project's wheelhouse, which brings its core: pip install --find-links "
            f"<wheelhouse> {_DISTRIBUTION} (see https://github.com/anthropic-fast/anthropic-fast#install)"
        ) from None
    require_plugin_api(1, 2, distribution=_DISTRIBUTION)


_require_core()
__all__ = ["AnthropicVertex", "AsyncAnthropicVertex", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("AnthropicVertex", "AsyncAnthropicVertex"):
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
