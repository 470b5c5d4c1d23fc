"""The beta skill versions API: version records and request parameters.

Create, retrieve and list return the same record; each keeps its own class name, sharing a private base.
"""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

from typing import List, Optional, Sequence

from typing_extensions import TypedDict

from ...._models import BaseModel
from ...._types import FileTypes
from ... import AnthropicBetaParam

__all__ = [
    "VersionCreateParams",
    "VersionCreateResponse",
    "VersionDeleteResponse",
    "VersionListParams",
    "VersionListResponse",
    "VersionRetrieveResponse",
]


class _VersionRecord(BaseModel):
    id: str
    created_at: str
    description: str
    directory: str
    name: str
    skill_id: str
    type: str
    version: str


class VersionCreateResponse(_VersionRecord):
    pass


class VersionRetrieveResponse(_VersionRecord):
    pass


class VersionListResponse(_VersionRecord):
    pass


class VersionDeleteResponse(BaseModel):
    id: str
    type: str


class VersionCreateParams(TypedDict, total=False):
    files: Optional[Sequence[FileTypes]]
    """Uploaded as multipart parts named `files[]`."""
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""


class VersionListParams(TypedDict, total=False):
    limit: Optional[int]
    page: Optional[str]
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""
