"""Official module path `anthropic.types.beta.file_upload_params`: re-exports from the topic module."""

from ._files import FileUploadParams

__all__ = ["FileUploadParams"]
