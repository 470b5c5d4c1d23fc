"""Official import path `anthropic.types.message_create_params`; the definitions live in `anthropic.types._params`."""

from ._params import MessageCreateParams as MessageCreateParams
from ._params import MessageCreateParamsBase as MessageCreateParamsBase
from ._params import MessageCreateParamsNonStreaming as MessageCreateParamsNonStreaming
from ._params import MessageCreateParamsStreaming as MessageCreateParamsStreaming
from ._params import MetadataParam as Metadata
from ._tool_params import ToolChoiceAnyParam as ToolChoiceToolChoiceAny
from ._tool_params import ToolChoiceAutoParam as ToolChoiceToolChoiceAuto
from ._tool_params import ToolChoiceParam as ToolChoice
from ._tool_params import ToolChoiceToolParam as ToolChoiceToolChoiceTool

__all__ = [
    "MessageCreateParamsBase",
    "Metadata",
    "ToolChoice",
    "ToolChoiceToolChoiceAuto",
    "ToolChoiceToolChoiceAny",
    "ToolChoiceToolChoiceTool",
    "MessageCreateParamsNonStreaming",
    "MessageCreateParamsStreaming",
    "MessageCreateParams",
]
