"""The beta Models API: model descriptions and the list parameters."""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

import datetime
from typing import List, Literal

from typing_extensions import TypedDict

from ..._models import BaseModel
from .. import AnthropicBetaParam

__all__ = ["BetaModelInfo", "ModelListParams"]


class BetaModelInfo(BaseModel):
    id: str
    created_at: datetime.datetime
    display_name: str
    type: Literal["model"]


class ModelListParams(TypedDict, total=False):
    after_id: str
    before_id: str
    limit: int
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""
