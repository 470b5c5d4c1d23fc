"""The plugin API level this core offers (independent of the SDK version; policy in docs/plugins.md).

Plugins import it when they are imported: the official `anthropic` package has no such module, so a plugin
installed next to it fails at once with a message naming the fix instead of silently doing nothing.
"""

__all__ = ["PLUGIN_API_VERSION"]

PLUGIN_API_VERSION = 1
