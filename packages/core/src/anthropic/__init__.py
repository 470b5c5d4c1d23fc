"""A fast, pluggable client for the Anthropic API, compatible with the official SDK 0.74.0.

Every public name is loaded on first use (PEP 562), so `import anthropic` costs almost nothing. Names provided by
plugins (`AnthropicBedrock`, `beta_tool`, ...) are resolved through the plugin host; when the plugin is missing,
the ImportError names the extra to install.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._logs import setup_logging as _setup_logging
from ._version import __title__, __version__

if TYPE_CHECKING:
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
    from ._types import Timeout as Timeout
    from ._types import Transport as Transport
    from ._types import not_given as not_given
    from ._types import omit as omit
    from .lib._parse import transform_schema as transform_schema
    from .lib.streaming import *  # noqa: F403

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
    "Transport": "._types",
    "ProxiesTypes": "._types",
    "NotGiven": "._types",
    "NOT_GIVEN": "._types",
    "not_given": "._types",
    "Omit": "._types",
    "omit": "._types",
    "Timeout": "._types",
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

__all__ = [
    "__title__",
    "__version__",
    "types",
    "Anthropic",
    "AsyncAnthropic",
    "Client",
    "AsyncClient",
    "Stream",
    "AsyncStream",
    "APIResponse",
    "AsyncAPIResponse",
    "BaseModel",
    "file_from_path",
    "DefaultHttpxClient",
    "DefaultAsyncHttpxClient",
    "DefaultAioHttpClient",
    "DEFAULT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_CONNECTION_LIMITS",
    "HUMAN_PROMPT",
    "AI_PROMPT",
    "NoneType",
    "Transport",
    "ProxiesTypes",
    "NotGiven",
    "NOT_GIVEN",
    "not_given",
    "Omit",
    "omit",
    "Timeout",
    "RequestOptions",
    "transform_schema",
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
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module, __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    elif name in _STREAMING_EXPORTS:
        value = getattr(importlib.import_module(".lib.streaming", __name__), name)
    elif name.startswith("__"):
        raise AttributeError(name)
    else:
        value = _from_plugins(name)
    if module is not None and isinstance(value, type) and value.__module__.startswith("anthropic."):
        value.__module__ = "anthropic"
    globals()[name] = value
    return value


def _from_plugins(name: str) -> Any:
    """Names that installed plugins export (`AnthropicBedrock`, `beta_tool`, ...)."""
    from ._plugins.host import KNOWN_EXPORTS, get_host

    target = get_host().exports().get(name)
    if target is None:
        extra = KNOWN_EXPORTS.get(name)
        if extra is not None:
            raise ImportError(
                f"`anthropic.{name}` is provided by a plugin that is not installed; "
                f'install it with: pip install "anthropic[{extra}]"',
                name=name,
            )
        raise AttributeError(f"module 'anthropic' has no attribute {name!r}")
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES | _STREAMING_EXPORTS)


_setup_logging()
