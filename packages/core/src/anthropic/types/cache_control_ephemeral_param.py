"""Official import path `anthropic.types.cache_control_ephemeral_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import CacheControlEphemeralParam as CacheControlEphemeralParam

__all__ = ["CacheControlEphemeralParam"]
