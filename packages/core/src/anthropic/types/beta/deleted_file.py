"""Official module path `anthropic.types.beta.deleted_file`: re-exports from the topic module."""

from ._files import DeletedFile

__all__ = ["DeletedFile"]
