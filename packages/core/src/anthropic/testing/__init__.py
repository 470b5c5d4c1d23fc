"""Test your code offline: a fake Anthropic API server on a real socket, and a pytest fixture for it.

Names are loaded on first use so that importing the pytest plugin (done by pytest for every user) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._headers import Headers
    from ._recording import MultipartPart, RecordedRequest
    from ._reply import Reply, Responder
    from ._script import CompletionScript, MessageScript
    from ._server import FakeAnthropicServer
    from ._sse import SSEEvent
    from .conformance import PlatformConformance

__all__ = [
    "CompletionScript",
    "FakeAnthropicServer",
    "Headers",
    "MessageScript",
    "MultipartPart",
    "PlatformConformance",
    "RecordedRequest",
    "Reply",
    "Responder",
    "SSEEvent",
]

_LOCATIONS = {
    "CompletionScript": "_script",
    "FakeAnthropicServer": "_server",
    "Headers": "_headers",
    "MessageScript": "_script",
    "MultipartPart": "_recording",
    "PlatformConformance": "conformance",
    "RecordedRequest": "_recording",
    "Reply": "_reply",
    "Responder": "_reply",
    "SSEEvent": "_sse",
}


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
