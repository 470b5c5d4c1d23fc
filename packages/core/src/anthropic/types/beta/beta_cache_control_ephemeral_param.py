"""Official module path `anthropic.types.beta.beta_cache_control_ephemeral_param`: re-exports from the topic module."""

from ._content_params import BetaCacheControlEphemeralParam

__all__ = ["BetaCacheControlEphemeralParam"]
