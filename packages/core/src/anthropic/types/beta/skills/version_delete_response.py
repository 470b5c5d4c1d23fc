"""Official module path `anthropic.types.beta.skills.version_delete_response`: re-exports from the topic module."""

from ._versions import VersionDeleteResponse

__all__ = ["VersionDeleteResponse"]
