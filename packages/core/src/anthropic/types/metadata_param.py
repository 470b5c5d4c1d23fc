"""Official import path `anthropic.types.metadata_param`; the definitions live in `anthropic.types._params`."""

from ._params import MetadataParam as MetadataParam

__all__ = ["MetadataParam"]
