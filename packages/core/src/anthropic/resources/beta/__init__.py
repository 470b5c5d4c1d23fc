"""`client.beta` and its resources, by import path (`anthropic.resources.beta.Files`, ...); loaded lazily."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .beta import AsyncBeta as AsyncBeta
from .beta import AsyncBetaWithRawResponse as AsyncBetaWithRawResponse
from .beta import AsyncBetaWithStreamingResponse as AsyncBetaWithStreamingResponse
from .beta import Beta as Beta
from .beta import BetaWithRawResponse as BetaWithRawResponse
from .beta import BetaWithStreamingResponse as BetaWithStreamingResponse

if TYPE_CHECKING:
    from .files import AsyncFiles as AsyncFiles
    from .files import AsyncFilesWithRawResponse as AsyncFilesWithRawResponse
    from .files import AsyncFilesWithStreamingResponse as AsyncFilesWithStreamingResponse
    from .files import Files as Files
    from .files import FilesWithRawResponse as FilesWithRawResponse
    from .files import FilesWithStreamingResponse as FilesWithStreamingResponse
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
    from .skills import AsyncSkills as AsyncSkills
    from .skills import AsyncSkillsWithRawResponse as AsyncSkillsWithRawResponse
    from .skills import AsyncSkillsWithStreamingResponse as AsyncSkillsWithStreamingResponse
    from .skills import Skills as Skills
    from .skills import SkillsWithRawResponse as SkillsWithRawResponse
    from .skills import SkillsWithStreamingResponse as SkillsWithStreamingResponse

_MODULES = {"Models": ".models", "Messages": ".messages", "Files": ".files", "Skills": ".skills"}

_LAZY: dict[str, str] = {
    f"{prefix}{base}{suffix}": module
    for base, module in _MODULES.items()
    for prefix in ("", "Async")
    for suffix in ("", "WithRawResponse", "WithStreamingResponse")
}

__all__ = [
    "Models",
    "AsyncModels",
    "ModelsWithRawResponse",
    "AsyncModelsWithRawResponse",
    "ModelsWithStreamingResponse",
    "AsyncModelsWithStreamingResponse",
    "Messages",
    "AsyncMessages",
    "MessagesWithRawResponse",
    "AsyncMessagesWithRawResponse",
    "MessagesWithStreamingResponse",
    "AsyncMessagesWithStreamingResponse",
    "Files",
    "AsyncFiles",
    "FilesWithRawResponse",
    "AsyncFilesWithRawResponse",
    "FilesWithStreamingResponse",
    "AsyncFilesWithStreamingResponse",
    "Skills",
    "AsyncSkills",
    "SkillsWithRawResponse",
    "AsyncSkillsWithRawResponse",
    "SkillsWithStreamingResponse",
    "AsyncSkillsWithStreamingResponse",
    "Beta",
    "AsyncBeta",
    "BetaWithRawResponse",
    "AsyncBetaWithRawResponse",
    "BetaWithStreamingResponse",
    "AsyncBetaWithStreamingResponse",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
