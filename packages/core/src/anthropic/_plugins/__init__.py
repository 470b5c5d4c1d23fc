"""The plugin host: pluggy hook specifications, entry-point discovery and the first-party platform."""

from .hookspecs import hookimpl, hookspec

__all__ = ["hookimpl", "hookspec"]
