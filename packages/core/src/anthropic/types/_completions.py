"""The legacy Text Completions API (`/v1/complete`)."""

from typing import List, Literal, Optional, Union

from typing_extensions import Required, TypedDict

from .._models import BaseModel
from ._common import SequenceNotStr
from ._models_api import AnthropicBetaParam, Model, ModelParam
from ._params import MetadataParam

__all__ = [
    "Completion",
    "CompletionCreateParams",
    "CompletionCreateParamsBase",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
]


class Completion(BaseModel):
    id: str
    completion: str
    model: Model
    # A plain string here (not `StopReason`): the legacy API reports "stop_sequence" / "max_tokens".
    stop_reason: Optional[str] = None
    type: Literal["completion"]


class CompletionCreateParamsBase(TypedDict, total=False):
    """`betas` travels as the `anthropic-beta` header, not in the body."""

    max_tokens_to_sample: Required[int]
    model: Required[ModelParam]
    prompt: Required[str]
    metadata: MetadataParam
    stop_sequences: SequenceNotStr[str]
    temperature: float
    top_k: int
    top_p: float
    betas: List[AnthropicBetaParam]


class CompletionCreateParamsNonStreaming(CompletionCreateParamsBase, total=False):
    stream: Literal[False]


class CompletionCreateParamsStreaming(CompletionCreateParamsBase, total=False):
    stream: Required[Literal[True]]


CompletionCreateParams = Union[CompletionCreateParamsNonStreaming, CompletionCreateParamsStreaming]
