"""A fast, pluggable client for the Anthropic API, compatible with the official SDK 0.74.0.

Every public name is loaded on first use (PEP 562), so `import anthropic` costs almost nothing. Names provided by
plugins (`AnthropicBedrock`, `beta_tool`, ...) are resolved through the plugin host; when the plugin is missing,
the ImportError names the extra to install.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

from ._logs import setup_logging as _setup_logging
from ._version import __title__, __version__

if TYPE_CHECKING:
    # 0.74.0 takes these from httpx: `anthropic.Timeout(60.0, connect=5.0)` is an `httpx.Timeout`.
    from httpx import BaseTransport as Transport
    from httpx import Timeout as Timeout
    from typing_extensions import TypeAlias as TypeAlias

    from . import lib as lib
    from . import pagination as pagination
    from . import resources as resources
    from . import types as types
    from ._client import Anthropic as Anthropic
    from ._client import AsyncAnthropic as AsyncAnthropic
    from ._client import AsyncClient as AsyncClient
    from ._client import Client as Client
    from ._constants import AI_PROMPT as AI_PROMPT
    from ._constants import DEFAULT_CONNECTION_LIMITS as DEFAULT_CONNECTION_LIMITS
    from ._constants import DEFAULT_MAX_RETRIES as DEFAULT_MAX_RETRIES
    from ._constants import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from ._constants import HUMAN_PROMPT as HUMAN_PROMPT
    from ._exceptions import AnthropicError as AnthropicError
    from ._exceptions import APIConnectionError as APIConnectionError
    from ._exceptions import APIError as APIError
    from ._exceptions import APIResponseValidationError as APIResponseValidationError
    from ._exceptions import APIStatusError as APIStatusError
    from ._exceptions import APITimeoutError as APITimeoutError
    from ._exceptions import AuthenticationError as AuthenticationError
    from ._exceptions import BadRequestError as BadRequestError
    from ._exceptions import ConflictError as ConflictError
    from ._exceptions import InternalServerError as InternalServerError
    from ._exceptions import NotFoundError as NotFoundError
    from ._exceptions import PermissionDeniedError as PermissionDeniedError
    from ._exceptions import RateLimitError as RateLimitError
    from ._exceptions import StreamIncompleteError as StreamIncompleteError
    from ._exceptions import UnprocessableEntityError as UnprocessableEntityError
    from ._exceptions import UnsupportedOnPlatformError as UnsupportedOnPlatformError
    from ._files import file_from_path as file_from_path
    from ._http import DefaultAioHttpClient as DefaultAioHttpClient
    from ._http import DefaultAsyncHttpxClient as DefaultAsyncHttpxClient
    from ._http import DefaultHttpxClient as DefaultHttpxClient
    from ._models import BaseModel as BaseModel
    from ._response import APIResponse as APIResponse
    from ._response import AsyncAPIResponse as AsyncAPIResponse
    from ._streaming import AsyncStream as AsyncStream
    from ._streaming import Stream as Stream
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NoneType as NoneType
    from ._types import NotGiven as NotGiven
    from ._types import Omit as Omit
    from ._types import ProxiesTypes as ProxiesTypes
    from ._types import RequestOptions as RequestOptions
    from ._types import not_given as not_given
    from ._types import omit as omit
    from .lib._parse import transform_schema as transform_schema

    # Plugin exports, at their 0.74.0 paths, so that type checkers see the real classes when the plugin is
    # installed. Only type checkers read these lines: at run time the names resolve through the plugin host.
    from .lib.bedrock import AnthropicBedrock as AnthropicBedrock
    from .lib.bedrock import AsyncAnthropicBedrock as AsyncAnthropicBedrock
    from .lib.foundry import AnthropicFoundry as AnthropicFoundry
    from .lib.foundry import AsyncAnthropicFoundry as AsyncAnthropicFoundry
    from .lib.streaming import AsyncMessageStream as AsyncMessageStream
    from .lib.streaming import AsyncMessageStreamManager as AsyncMessageStreamManager
    from .lib.streaming import BetaAsyncMessageStream as BetaAsyncMessageStream
    from .lib.streaming import BetaAsyncMessageStreamManager as BetaAsyncMessageStreamManager
    from .lib.streaming import BetaContentBlockStopEvent as BetaContentBlockStopEvent
    from .lib.streaming import BetaInputJsonEvent as BetaInputJsonEvent
    from .lib.streaming import BetaMessageStopEvent as BetaMessageStopEvent
    from .lib.streaming import BetaMessageStream as BetaMessageStream
    from .lib.streaming import BetaMessageStreamEvent as BetaMessageStreamEvent
    from .lib.streaming import BetaMessageStreamManager as BetaMessageStreamManager
    from .lib.streaming import BetaTextEvent as BetaTextEvent
    from .lib.streaming import CitationEvent as CitationEvent
    from .lib.streaming import ContentBlockStopEvent as ContentBlockStopEvent
    from .lib.streaming import InputJsonEvent as InputJsonEvent
    from .lib.streaming import MessageStopEvent as MessageStopEvent
    from .lib.streaming import MessageStream as MessageStream
    from .lib.streaming import MessageStreamEvent as MessageStreamEvent
    from .lib.streaming import MessageStreamManager as MessageStreamManager
    from .lib.streaming import ParsedBetaContentBlockStopEvent as ParsedBetaContentBlockStopEvent
    from .lib.streaming import ParsedBetaMessageStopEvent as ParsedBetaMessageStopEvent
    from .lib.streaming import ParsedBetaMessageStreamEvent as ParsedBetaMessageStreamEvent
    from .lib.streaming import ParsedBetaTextEvent as ParsedBetaTextEvent
    from .lib.streaming import SignatureEvent as SignatureEvent
    from .lib.streaming import TextEvent as TextEvent
    from .lib.streaming import ThinkingEvent as ThinkingEvent
    from .lib.tools import beta_async_tool as beta_async_tool
    from .lib.tools import beta_tool as beta_tool
    from .lib.vertex import AnthropicVertex as AnthropicVertex
    from .lib.vertex import AsyncAnthropicVertex as AsyncAnthropicVertex

_EXPORTS: dict[str, str] = {
    "Anthropic": "._client",
    "AsyncAnthropic": "._client",
    "Client": "._client",
    "AsyncClient": "._client",
    "Stream": "._streaming",
    "AsyncStream": "._streaming",
    "APIResponse": "._response",
    "AsyncAPIResponse": "._response",
    "BaseModel": "._models",
    "file_from_path": "._files",
    "DefaultHttpxClient": "._http",
    "DefaultAsyncHttpxClient": "._http",
    "DefaultAioHttpClient": "._http",
    "DEFAULT_TIMEOUT": "._constants",
    "DEFAULT_MAX_RETRIES": "._constants",
    "DEFAULT_CONNECTION_LIMITS": "._constants",
    "HUMAN_PROMPT": "._constants",
    "AI_PROMPT": "._constants",
    "NoneType": "._types",
    "NotGiven": "._types",
    "NOT_GIVEN": "._types",
    "not_given": "._types",
    "Omit": "._types",
    "omit": "._types",
    "RequestOptions": "._types",
    "transform_schema": ".lib._parse",
    **{
        name: "._exceptions"
        for name in (
            "AnthropicError",
            "APIError",
            "APIStatusError",
            "APITimeoutError",
            "APIConnectionError",
            "APIResponseValidationError",
            "BadRequestError",
            "AuthenticationError",
            "PermissionDeniedError",
            "NotFoundError",
            "ConflictError",
            "UnprocessableEntityError",
            "RateLimitError",
            "InternalServerError",
            "StreamIncompleteError",
            "UnsupportedOnPlatformError",
        )
    },
}

_SUBMODULES = frozenset({"types", "resources", "pagination", "lib", "testing"})

_STREAMING_EXPORTS = frozenset(
    {
        "MessageStream",
        "AsyncMessageStream",
        "MessageStreamManager",
        "AsyncMessageStreamManager",
        "TextEvent",
        "CitationEvent",
        "ThinkingEvent",
        "SignatureEvent",
        "InputJsonEvent",
        "MessageStopEvent",
        "MessageStreamEvent",
        "ContentBlockStopEvent",
        "BetaMessageStream",
        "BetaAsyncMessageStream",
        "BetaMessageStreamManager",
        "BetaAsyncMessageStreamManager",
        "BetaInputJsonEvent",
        "ParsedBetaTextEvent",
        "ParsedBetaMessageStopEvent",
        "ParsedBetaMessageStreamEvent",
        "ParsedBetaContentBlockStopEvent",
        "BetaTextEvent",
        "BetaMessageStopEvent",
        "BetaMessageStreamEvent",
        "BetaContentBlockStopEvent",
    }
)

# 0.74.0's `anthropic.__all__`, in its order; type checkers read this literal. At run time `anthropic.__all__` is
# served by `__getattr__` and leaves out the plugin names whose plugin is not loaded, so that
# `from anthropic import *` works on a core-only install.
__all__ = [
    "types",
    "__version__",
    "__title__",
    "NoneType",
    "Transport",
    "ProxiesTypes",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "AnthropicError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "APIConnectionError",
    "APIResponseValidationError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "UnprocessableEntityError",
    "RateLimitError",
    "InternalServerError",
    "Timeout",
    "RequestOptions",
    "Client",
    "AsyncClient",
    "Stream",
    "AsyncStream",
    "Anthropic",
    "AsyncAnthropic",
    "file_from_path",
    "BaseModel",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
    "HUMAN_PROMPT",
    "AI_PROMPT",
    "beta_tool",
    "beta_async_tool",
    "transform_schema",
]
_ALL: tuple[str, ...] = tuple(__all__)
if not TYPE_CHECKING:
    del __all__

# Names 0.74.0's module namespace also held by accident (leaked by its star import of `lib.streaming`).
_LEAKED = frozenset({"TypeAlias", "ParsedBetaMessageStopEvent[object]", "ParsedBetaContentBlockStopEvent[object]"})
_HTTPX_NAMES = frozenset({"Timeout", "Transport", "ProxiesTypes"})


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    elif name in _STREAMING_EXPORTS:
        value = getattr(importlib.import_module(".lib.streaming", __name__), name)
    elif name in _HTTPX_NAMES:
        from ._types import httpx_aliases

        value = httpx_aliases()[name]
    elif name == "__all__":
        return _public_names()
    elif name.startswith("_"):  # private names are never plugin exports: `from anthropic import _x` must not
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")  # load plugins before importing it
    elif name in _LEAKED:
        value = _leaked(name)
    else:
        value = _from_plugins(name)
    if name in _ALL:
        _show_as_top_level(value)
    globals()[name] = value
    return value


def _show_as_top_level(value: object) -> None:
    """Like 0.74.0, classes and functions of `__all__` show as `anthropic.X` (httpx's classes are left alone)."""
    import types as _pytypes

    if isinstance(value, (type, _pytypes.FunctionType)) and value.__module__.startswith("anthropic"):
        value.__module__ = "anthropic"


def _public_names() -> list[str]:
    """`anthropic.__all__`: 0.74.0's list, less the plugin names no loaded plugin provides."""
    from ._plugins.host import KNOWN_EXPORTS, get_host

    exports = get_host().exports()
    return [name for name in _ALL if name not in KNOWN_EXPORTS or name in exports]


def _leaked(name: str) -> Any:
    if name == "TypeAlias":
        from typing_extensions import TypeAlias

        return TypeAlias
    from .lib import streaming

    alias = "BetaMessageStopEvent" if name.startswith("ParsedBetaMessageStopEvent") else "BetaContentBlockStopEvent"
    return getattr(streaming, alias)


def _importing() -> bool:
    """True when the import system asks (`from anthropic import X`), False for `anthropic.X` and `hasattr`.

    A missing plugin export must be an `ImportError` for the import statement (with the hint naming the extra)
    and an `AttributeError` for attribute access (so `hasattr` and `getattr(..., default)` work). One class cannot
    be both (their C layouts conflict), so the error is chosen by the caller: `from package import name` looks the
    name up from `importlib._bootstrap._handle_fromlist`.
    """
    frame = sys._getframe(1)  # pyright: ignore[reportPrivateUsage]
    while frame is not None and frame.f_globals.get("__name__") == __name__:
        frame = frame.f_back
    return frame is not None and frame.f_code.co_name == "_handle_fromlist" and "importlib" in frame.f_code.co_filename


def _from_plugins(name: str) -> Any:
    """Names that installed plugins export (`AnthropicBedrock`, `beta_tool`, ...)."""
    from ._plugins.host import get_host

    target = get_host().exports().get(name)
    if target is None:
        error = get_host().missing_export(name)  # names the extra to install, or why an installed plugin is off
        if isinstance(error, ImportError) and not _importing():
            error = AttributeError(str(error), name=name, obj=sys.modules[__name__])
        raise error
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def __dir__() -> list[str]:
    from ._plugins.host import get_host

    names = set(globals()) | set(_EXPORTS) | _SUBMODULES | _STREAMING_EXPORTS | _HTTPX_NAMES | _LEAKED
    plugin_names = {name for name in get_host().exports() if "." not in name}  # dotted: served at a module path
    return sorted(names | {"__all__"} | plugin_names)  # plugin names: only those that resolve


_setup_logging()
