"""anthropic-plugin-relay: Claude through a company relay, an example third-party platform plugin for `anthropic`."""

from __future__ import annotations

__version__ = "0.1.0"

try:
    from anthropic.plugins import require_plugin_api
except ImportError as err:  # an `anthropic` without the plugin API, such as the official SDK
    raise ImportError(
        "anthropic-plugin-relay needs an anthropic core with the plugin API (anthropic>=0.74.0.post1,<0.74.1), "
        "but the installed anthropic has none: install the core from your wheelhouse"
    ) from err

require_plugin_api(1, 2, distribution="anthropic-plugin-relay")

from anthropic_plugin_relay.client import AnthropicRelay, AsyncAnthropicRelay  # noqa: E402  (after the check)

__all__ = ["AnthropicRelay", "AsyncAnthropicRelay", "__version__"]
