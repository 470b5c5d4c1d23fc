"""Official module path `anthropic.types.beta.skills.version_list_params`: re-exports from the topic module."""

from ._versions import VersionListParams

__all__ = ["VersionListParams"]
