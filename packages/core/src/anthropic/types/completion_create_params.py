"""Official import path `anthropic.types.completion_create_params`; the definitions live in `anthropic.types._completions`."""

from ._completions import CompletionCreateParams as CompletionCreateParams
from ._completions import CompletionCreateParamsBase as CompletionCreateParamsBase
from ._completions import CompletionCreateParamsNonStreaming as CompletionCreateParamsNonStreaming
from ._completions import CompletionCreateParamsNonStreaming as CompletionRequestNonStreaming
from ._completions import CompletionCreateParamsStreaming as CompletionCreateParamsStreaming
from ._completions import CompletionCreateParamsStreaming as CompletionRequestStreaming
from ._params import MetadataParam as CompletionRequestNonStreamingMetadata
from ._params import MetadataParam as CompletionRequestStreamingMetadata
from ._params import MetadataParam as Metadata

__all__ = [
    "CompletionRequestStreamingMetadata",
    "CompletionRequestNonStreamingMetadata",
    "CompletionRequestNonStreaming",
    "CompletionRequestStreaming",
    "CompletionCreateParamsBase",
    "Metadata",
    "CompletionCreateParamsNonStreaming",
    "CompletionCreateParamsStreaming",
    "CompletionCreateParams",
]
