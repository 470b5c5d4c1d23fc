"""Official module path `anthropic.types.beta.skills.version_list_response`: re-exports from the topic module."""

from ._versions import VersionListResponse

__all__ = ["VersionListResponse"]
