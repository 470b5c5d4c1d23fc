"""The distribution's version; the API level it is compatible with is the official SDK of the same version."""

__title__ = "anthropic"
__version__ = "0.74.0"
