"""Official module path `anthropic.types.beta.skills.version_create_params`: re-exports from the topic module."""

from ._versions import VersionCreateParams

__all__ = ["VersionCreateParams"]
