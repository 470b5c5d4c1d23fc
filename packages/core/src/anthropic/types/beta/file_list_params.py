"""Official module path `anthropic.types.beta.file_list_params`: re-exports from the topic module."""

from ._files import FileListParams

__all__ = ["FileListParams"]
