"""The beta Files API: uploaded file metadata, deletion receipts and request parameters."""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

import datetime
from typing import List, Literal, Optional

from typing_extensions import Required, TypedDict

from ..._models import BaseModel
from ..._types import FileTypes
from .. import AnthropicBetaParam

__all__ = ["DeletedFile", "FileListParams", "FileMetadata", "FileUploadParams"]


class FileMetadata(BaseModel):
    id: str
    created_at: datetime.datetime
    filename: str
    mime_type: str
    size_bytes: int
    type: Literal["file"]
    downloadable: Optional[bool] = None


class DeletedFile(BaseModel):
    id: str
    type: Optional[Literal["file_deleted"]] = None


class FileListParams(TypedDict, total=False):
    after_id: str
    before_id: str
    limit: int
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""


class FileUploadParams(TypedDict, total=False):
    file: Required[FileTypes]
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""
