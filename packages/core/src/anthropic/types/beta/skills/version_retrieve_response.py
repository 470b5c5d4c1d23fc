"""Official module path `anthropic.types.beta.skills.version_retrieve_response`: re-exports from the topic module."""

from ._versions import VersionRetrieveResponse

__all__ = ["VersionRetrieveResponse"]
