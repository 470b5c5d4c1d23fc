"""Resource classes by import path (`anthropic.resources.Messages`, `anthropic.resources.messages.Batches`...).

Loaded lazily: importing this package imports no resource module until a name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_MODES = ("", "Async")
_SUFFIXES = ("", "WithRawResponse", "WithStreamingResponse")

_GROUPS: dict[str, str] = {
    "Messages": ".messages",
    "Completions": ".completions",
    "Models": ".models",
    "Beta": ".beta",
}

_LAZY: dict[str, str] = {
    f"{prefix}{base}{suffix}": module
    for base, module in _GROUPS.items()
    for prefix in _MODES
    for suffix in _SUFFIXES
}

__all__ = [
    "Messages", "AsyncMessages", "MessagesWithRawResponse", "AsyncMessagesWithRawResponse",
    "MessagesWithStreamingResponse", "AsyncMessagesWithStreamingResponse",
    "Completions", "AsyncCompletions", "CompletionsWithRawResponse", "AsyncCompletionsWithRawResponse",
    "CompletionsWithStreamingResponse", "AsyncCompletionsWithStreamingResponse",
    "Models", "AsyncModels", "ModelsWithRawResponse", "AsyncModelsWithRawResponse",
    "ModelsWithStreamingResponse", "AsyncModelsWithStreamingResponse",
    "Beta", "AsyncBeta", "BetaWithRawResponse", "AsyncBetaWithRawResponse",
    "BetaWithStreamingResponse", "AsyncBetaWithStreamingResponse",
]

if TYPE_CHECKING:
    from .beta import AsyncBeta as AsyncBeta
    from .beta import AsyncBetaWithRawResponse as AsyncBetaWithRawResponse
    from .beta import AsyncBetaWithStreamingResponse as AsyncBetaWithStreamingResponse
    from .beta import Beta as Beta
    from .beta import BetaWithRawResponse as BetaWithRawResponse
    from .beta import BetaWithStreamingResponse as BetaWithStreamingResponse
    from .completions import AsyncCompletions as AsyncCompletions
    from .completions import AsyncCompletionsWithRawResponse as AsyncCompletionsWithRawResponse
    from .completions import AsyncCompletionsWithStreamingResponse as AsyncCompletionsWithStreamingResponse
    from .completions import Completions as Completions
    from .completions import CompletionsWithRawResponse as CompletionsWithRawResponse
    from .completions import CompletionsWithStreamingResponse as CompletionsWithStreamingResponse
    from .messages import AsyncMessages as AsyncMessages
    from .messages import AsyncMessagesWithRawResponse as AsyncMessagesWithRawResponse
    from .messages import AsyncMessagesWithStreamingResponse as AsyncMessagesWithStreamingResponse
    from .messages import Messages as Messages
    from .messages import MessagesWithRawResponse as MessagesWithRawResponse
    from .messages import MessagesWithStreamingResponse as MessagesWithStreamingResponse
    from .models import AsyncModels as AsyncModels
    from .models import AsyncModelsWithRawResponse as AsyncModelsWithRawResponse
    from .models import AsyncModelsWithStreamingResponse as AsyncModelsWithStreamingResponse
    from .models import Models as Models
    from .models import ModelsWithRawResponse as ModelsWithRawResponse
    from .models import ModelsWithStreamingResponse as ModelsWithStreamingResponse

def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
