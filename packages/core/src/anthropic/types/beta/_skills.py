"""The beta Skills API: skill records and request parameters (versions live in `anthropic.types.beta.skills`).

The API returns the same skill record from create, retrieve and list; each endpoint keeps its own class name,
as in the official SDK, sharing the fields through a private base.
"""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

from typing import List, Optional, Sequence

from typing_extensions import TypedDict

from ..._models import BaseModel
from ..._types import FileTypes
from .. import AnthropicBetaParam

__all__ = [
    "SkillCreateParams",
    "SkillCreateResponse",
    "SkillDeleteResponse",
    "SkillListParams",
    "SkillListResponse",
    "SkillRetrieveResponse",
]


class _SkillRecord(BaseModel):
    id: str
    created_at: str
    display_title: Optional[str] = None
    latest_version: Optional[str] = None
    source: str
    type: str
    updated_at: str


class SkillCreateResponse(_SkillRecord):
    pass


class SkillRetrieveResponse(_SkillRecord):
    pass


class SkillListResponse(_SkillRecord):
    pass


class SkillDeleteResponse(BaseModel):
    id: str
    type: str


class SkillCreateParams(TypedDict, total=False):
    display_title: Optional[str]
    files: Optional[Sequence[FileTypes]]
    """Uploaded as multipart parts named `files[]`; all paths must share one top-level folder holding SKILL.md."""
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""


class SkillListParams(TypedDict, total=False):
    limit: int
    page: Optional[str]
    source: Optional[str]
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""
