"""Official module path `anthropic.types.beta.beta_metadata_param`: re-exports from the topic module."""

from ._request_params import BetaMetadataParam

__all__ = ["BetaMetadataParam"]
