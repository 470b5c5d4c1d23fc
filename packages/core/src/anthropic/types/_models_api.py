"""Model identifiers, beta flags and the Models API (`/v1/models`)."""

from datetime import datetime
from typing import List, Literal, Union

from typing_extensions import TypeAlias, TypedDict

from .._models import BaseModel

__all__ = ["AnthropicBetaParam", "Model", "ModelInfo", "ModelListParams", "ModelParam"]

# Known ids are listed for editor completion; any other string is accepted (new models need no SDK release).
_KnownModel: TypeAlias = Literal[
    "claude-3-7-sonnet-latest",
    "claude-3-7-sonnet-20250219",
    "claude-3-5-haiku-latest",
    "claude-3-5-haiku-20241022",
    "claude-haiku-4-5",
    "claude-haiku-4-5-20251001",
    "claude-sonnet-4-20250514",
    "claude-sonnet-4-0",
    "claude-4-sonnet-20250514",
    "claude-sonnet-4-5",
    "claude-sonnet-4-5-20250929",
    "claude-opus-4-0",
    "claude-opus-4-20250514",
    "claude-4-opus-20250514",
    "claude-opus-4-1-20250805",
    "claude-3-opus-latest",
    "claude-3-opus-20240229",
    "claude-3-haiku-20240307",
]

Model: TypeAlias = Union[_KnownModel, str]
"""A model id as the API returns it."""

ModelParam: TypeAlias = Union[_KnownModel, str]
"""A model id as a request param."""

AnthropicBetaParam: TypeAlias = Union[
    str,
    Literal[
        "message-batches-2024-09-24",
        "prompt-caching-2024-07-31",
        "computer-use-2024-10-22",
        "computer-use-2025-01-24",
        "pdfs-2024-09-25",
        "token-counting-2024-11-01",
        "token-efficient-tools-2025-02-19",
        "output-128k-2025-02-19",
        "files-api-2025-04-14",
        "mcp-client-2025-04-04",
        "dev-full-thinking-2025-05-14",
        "interleaved-thinking-2025-05-14",
        "code-execution-2025-05-22",
        "extended-cache-ttl-2025-04-11",
        "context-1m-2025-08-07",
        "context-management-2025-06-27",
        "model-context-window-exceeded-2025-08-26",
        "skills-2025-10-02",
    ],
]
"""A beta feature name, sent in the `anthropic-beta` header."""


class ModelInfo(BaseModel):
    """One model available to the caller."""

    id: str
    created_at: datetime
    display_name: str
    type: Literal["model"]


class ModelListParams(TypedDict, total=False):
    """Query of `models.list`; `betas` travels as the `anthropic-beta` header, not in the query."""

    after_id: str
    before_id: str
    limit: int
    betas: List[AnthropicBetaParam]
