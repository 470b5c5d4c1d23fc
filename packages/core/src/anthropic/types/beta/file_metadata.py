"""Official module path `anthropic.types.beta.file_metadata`: re-exports from the topic module."""

from ._files import FileMetadata

__all__ = ["FileMetadata"]
