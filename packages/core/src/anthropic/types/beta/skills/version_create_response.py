"""Official module path `anthropic.types.beta.skills.version_create_response`: re-exports from the topic module."""

from ._versions import VersionCreateResponse

__all__ = ["VersionCreateResponse"]
