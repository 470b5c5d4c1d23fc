"""Streaming helpers (`client.messages.stream()`, `client.beta.messages.stream()`) and their event types.

Names load on first use: importing this package imports no model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ..._lazy import lazy_getattr

if TYPE_CHECKING:
    from ._accumulator import MalformedStreamError as MalformedStreamError
    from ._beta_messages import (
        BetaAsyncMessageStream as BetaAsyncMessageStream,
    )
    from ._beta_messages import (
        BetaAsyncMessageStreamManager as BetaAsyncMessageStreamManager,
    )
    from ._beta_messages import (
        BetaMessageStream as BetaMessageStream,
    )
    from ._beta_messages import (
        BetaMessageStreamManager as BetaMessageStreamManager,
    )
    from ._beta_types import (
        BetaCitationEvent as BetaCitationEvent,
    )
    from ._beta_types import (
        BetaInputJsonEvent as BetaInputJsonEvent,
    )
    from ._beta_types import (
        BetaSignatureEvent as BetaSignatureEvent,
    )
    from ._beta_types import (
        BetaThinkingEvent as BetaThinkingEvent,
    )
    from ._beta_types import (
        ParsedBetaContentBlockStopEvent as ParsedBetaContentBlockStopEvent,
    )
    from ._beta_types import (
        ParsedBetaMessageStopEvent as ParsedBetaMessageStopEvent,
    )
    from ._beta_types import (
        ParsedBetaMessageStreamEvent as ParsedBetaMessageStreamEvent,
    )
    from ._beta_types import (
        ParsedBetaTextEvent as ParsedBetaTextEvent,
    )
    from ._messages import (
        AsyncMessageStream as AsyncMessageStream,
    )
    from ._messages import (
        AsyncMessageStreamManager as AsyncMessageStreamManager,
    )
    from ._messages import (
        MessageStream as MessageStream,
    )
    from ._messages import (
        MessageStreamManager as MessageStreamManager,
    )
    from ._types import (
        CitationEvent as CitationEvent,
    )
    from ._types import (
        ContentBlockStopEvent as ContentBlockStopEvent,
    )
    from ._types import (
        InputJsonEvent as InputJsonEvent,
    )
    from ._types import (
        MessageStopEvent as MessageStopEvent,
    )
    from ._types import (
        MessageStreamEvent as MessageStreamEvent,
    )
    from ._types import (
        SignatureEvent as SignatureEvent,
    )
    from ._types import (
        TextEvent as TextEvent,
    )
    from ._types import (
        ThinkingEvent as ThinkingEvent,
    )

    # 0.74.0 kept these older names as aliases.
    BetaTextEvent = ParsedBetaTextEvent
    BetaMessageStopEvent = ParsedBetaMessageStopEvent[object]
    BetaMessageStreamEvent = ParsedBetaMessageStreamEvent
    BetaContentBlockStopEvent = ParsedBetaContentBlockStopEvent[object]

_NAMES: dict[str, str] = {
    "MalformedStreamError": "_accumulator",
    "MessageStream": "_messages",
    "AsyncMessageStream": "_messages",
    "MessageStreamManager": "_messages",
    "AsyncMessageStreamManager": "_messages",
    "TextEvent": "_types",
    "CitationEvent": "_types",
    "ThinkingEvent": "_types",
    "SignatureEvent": "_types",
    "InputJsonEvent": "_types",
    "MessageStopEvent": "_types",
    "ContentBlockStopEvent": "_types",
    "MessageStreamEvent": "_types",
    "BetaMessageStream": "_beta_messages",
    "BetaAsyncMessageStream": "_beta_messages",
    "BetaMessageStreamManager": "_beta_messages",
    "BetaAsyncMessageStreamManager": "_beta_messages",
    "BetaCitationEvent": "_beta_types",
    "BetaThinkingEvent": "_beta_types",
    "BetaSignatureEvent": "_beta_types",
    "BetaInputJsonEvent": "_beta_types",
    "ParsedBetaTextEvent": "_beta_types",
    "ParsedBetaMessageStopEvent": "_beta_types",
    "ParsedBetaContentBlockStopEvent": "_beta_types",
    "ParsedBetaMessageStreamEvent": "_beta_types",
}

# alias -> (module, attribute, parametrise with `object`)
_ALIASES: dict[str, tuple[str, str, bool]] = {
    "BetaTextEvent": ("_beta_types", "ParsedBetaTextEvent", False),
    "BetaMessageStopEvent": ("_beta_types", "ParsedBetaMessageStopEvent", True),
    "BetaMessageStreamEvent": ("_beta_types", "ParsedBetaMessageStreamEvent", False),
    "BetaContentBlockStopEvent": ("_beta_types", "ParsedBetaContentBlockStopEvent", True),
}

__all__ = [
    "AsyncMessageStream",
    "AsyncMessageStreamManager",
    "BetaAsyncMessageStream",
    "BetaAsyncMessageStreamManager",
    "BetaCitationEvent",
    "BetaContentBlockStopEvent",
    "BetaInputJsonEvent",
    "BetaMessageStopEvent",
    "BetaMessageStream",
    "BetaMessageStreamEvent",
    "BetaMessageStreamManager",
    "BetaSignatureEvent",
    "BetaTextEvent",
    "BetaThinkingEvent",
    "CitationEvent",
    "ContentBlockStopEvent",
    "InputJsonEvent",
    "MessageStopEvent",
    "MessageStream",
    "MessageStreamEvent",
    "MessageStreamManager",
    "ParsedBetaContentBlockStopEvent",
    "ParsedBetaMessageStopEvent",
    "ParsedBetaMessageStreamEvent",
    "ParsedBetaTextEvent",
    "SignatureEvent",
    "TextEvent",
    "ThinkingEvent",
]


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return lazy_getattr(globals(), name, _NAMES)
    if name in _ALIASES:
        module_name, attribute, parametrise = _ALIASES[name]
        value = getattr(importlib.import_module(f"{__name__}.{module_name}"), attribute)
        if parametrise:
            value = value[object]
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "MalformedStreamError"})
