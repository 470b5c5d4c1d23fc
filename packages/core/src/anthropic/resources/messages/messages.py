"""`client.messages`: POST /v1/messages (create, stream) and POST /v1/messages/count_tokens."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Optional, overload

from ..._request import APIRequest, strip_omitted
from ..._resource import (
    APIResource,
    AsyncAPIResource,
    AsyncRawResource,
    AsyncStreamingResource,
    SyncAPIResource,
    SyncRawResource,
    SyncStreamingResource,
    endpoint,
    subresource,
    view,
)
from ..._types import NOT_GIVEN, NotGiven, Omit, omit
from .._helpers import DEPRECATED_MODELS as DEPRECATED_MODELS  # 0.74.0 defined it in this module
from .._helpers import check_required, nonstreaming_timeout, required_args, warn_if_deprecated

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...types.message_create_params import MessageCreateParamsBase as _CreateParamsBase

    class _CreateKwargs(_CreateParamsBase, total=False):
        """The keyword arguments of `create` besides `stream`: the API params and the per-call options."""

        extra_headers: Headers | None
        extra_query: Query | None
        extra_body: object | None
        timeout: Timeout | NotGiven

    from contextlib import AbstractAsyncContextManager, AbstractContextManager

    from ..._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
    from ..._streaming import AsyncStream, Stream
    from ..._types import Headers, Query, SequenceNotStr, Timeout
    from ...lib.streaming import AsyncMessageStreamManager, MessageStreamManager
    from ...types import (
        Message,
        MessageCountTokensToolParam,
        MessageParam,
        MessageTokensCount,
        MetadataParam,
        ModelParam,
        RawMessageStreamEvent,
        TextBlockParam,
        ThinkingConfigParam,
        ToolChoiceParam,
        ToolUnionParam,
    )
    from .batches import (
        AsyncBatches,
        AsyncBatchesWithRawResponse,
        AsyncBatchesWithStreamingResponse,
        Batches,
        BatchesWithRawResponse,
        BatchesWithStreamingResponse,
    )

__all__ = ["Messages", "AsyncMessages"]

_CREATE_REQUIRED = ("max_tokens", "messages", "model")


def raw_stream_event() -> Any:
    """The stream event union, imported only by calls that stream (a plain create never loads the event models)."""
    from ...types import RawMessageStreamEvent

    return RawMessageStreamEvent


def build_create_request(
    resource: APIResource,
    params: dict[str, Any],
    *,
    path: str,
    endpoint_name: str,
    cast_to: Any,
    stream_item: Any,
    headers: dict[str, str] | None = None,
) -> APIRequest[Any]:
    """The request of a message create (shared by `messages` and `beta.messages`)."""
    check_required(params, _CREATE_REQUIRED)
    extra_headers = params.pop("extra_headers", None)
    extra_query = params.pop("extra_query", None)
    extra_body = params.pop("extra_body", None)
    timeout = params.pop("timeout", NOT_GIVEN)
    stream = params.get("stream") is True
    warn_if_deprecated(params.get("model"))
    if not stream:
        timeout = nonstreaming_timeout(resource._client, timeout, params.get("max_tokens"), params.get("model"))
    body = strip_omitted(params)
    return APIRequest(
        "POST",
        path,
        stream_item if stream else cast_to,
        endpoint=endpoint_name,
        body=body,
        headers=headers,
        stream=stream,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


def build_stream_request(
    params: dict[str, Any],
    *,
    path: str,
    endpoint_name: str,
    stream_item: Any,
    helper: str,
    headers: dict[str, str] | None = None,
) -> APIRequest[Any]:
    """The request behind a `.stream()` helper: a create with `"stream": true` and the helper's marker header."""
    extra_headers = params.pop("extra_headers", None)
    extra_query = params.pop("extra_query", None)
    extra_body = params.pop("extra_body", None)
    timeout = params.pop("timeout", NOT_GIVEN)
    warn_if_deprecated(params.get("model"))
    body = strip_omitted(params)
    body["stream"] = True
    return APIRequest(
        "POST",
        path,
        stream_item,
        endpoint=endpoint_name,
        body=body,
        headers={**(headers or {}), "X-Stainless-Stream-Helper": helper},
        stream=True,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )


class _Messages(APIResource):
    _resource_key: ClassVar[str] = "messages"

    batches: ClassVar[
        subresource[
            Batches,
            AsyncBatches,
            BatchesWithRawResponse,
            AsyncBatchesWithRawResponse,
            BatchesWithStreamingResponse,
            AsyncBatchesWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.messages.batches", "Batches")

    @endpoint
    @required_args(*_CREATE_REQUIRED)
    def create(
        self,
        *,
        max_tokens: int,
        messages: Iterable[MessageParam],
        model: ModelParam,
        metadata: MetadataParam | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        stream: bool | Omit = omit,
        system: str | Iterable[TextBlockParam] | Omit = omit,
        temperature: float | Omit = omit,
        thinking: ThinkingConfigParam | Omit = omit,
        tool_choice: ToolChoiceParam | Omit = omit,
        tools: Iterable[ToolUnionParam] | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[Message]:
        """Send a structured list of input messages and get the model's next message (or a raw event stream)."""
        from ...types import Message

        params = dict(locals())
        del params["self"], params["Message"]
        return build_create_request(
            self,
            params,
            path="/v1/messages",
            endpoint_name="messages.create",
            cast_to=Message,
            stream_item=raw_stream_event() if stream is True else None,
        )

    @endpoint
    def count_tokens(
        self,
        *,
        messages: Iterable[MessageParam],
        model: ModelParam,
        system: str | Iterable[TextBlockParam] | Omit = omit,
        thinking: ThinkingConfigParam | Omit = omit,
        tool_choice: ToolChoiceParam | Omit = omit,
        tools: Iterable[MessageCountTokensToolParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[MessageTokensCount]:
        """Count the tokens of a message request, tools and system prompt included, without creating it."""
        from ...types import MessageTokensCount

        body = strip_omitted(
            {
                "messages": messages,
                "model": model,
                "system": system,
                "thinking": thinking,
                "tool_choice": tool_choice,
                "tools": tools,
            }
        )
        return APIRequest(
            "POST",
            "/v1/messages/count_tokens",
            MessageTokensCount,
            endpoint="messages.count_tokens",
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class MessagesWithRawResponse(_Messages, SyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Message]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Stream[RawMessageStreamEvent]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Message | Stream[RawMessageStreamEvent]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncMessagesWithRawResponse(_Messages, AsyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Message]: ...
        @overload
        async def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[AsyncStream[RawMessageStreamEvent]]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Message | AsyncStream[RawMessageStreamEvent]]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class MessagesWithStreamingResponse(_Messages, SyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Message]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Stream[RawMessageStreamEvent]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Message | Stream[RawMessageStreamEvent]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncMessagesWithStreamingResponse(_Messages, AsyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[Message]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[AsyncStream[RawMessageStreamEvent]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[Message | AsyncStream[RawMessageStreamEvent]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class Messages(_Messages, SyncAPIResource):
    with_raw_response = view(MessagesWithRawResponse)
    with_streaming_response = view(MessagesWithStreamingResponse)

    def stream(
        self,
        *,
        max_tokens: int,
        messages: Iterable[MessageParam],
        model: ModelParam,
        metadata: MetadataParam | Omit = omit,
        container: Optional[str] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        system: str | Iterable[TextBlockParam] | Omit = omit,
        temperature: float | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        thinking: ThinkingConfigParam | Omit = omit,
        tool_choice: ToolChoiceParam | Omit = omit,
        tools: Iterable[ToolUnionParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> MessageStreamManager:
        """Stream a message: `with client.messages.stream(...) as stream:` sends the request and yields a
        `MessageStream` (events, `text_stream`, `get_final_message()`); the connection is closed on exit."""
        from ...lib.streaming import MessageStreamManager
        from ...types import RawMessageStreamEvent

        params = dict(locals())
        del params["self"], params["MessageStreamManager"], params["RawMessageStreamEvent"]
        request = build_stream_request(
            params,
            path="/v1/messages",
            endpoint_name="messages.create",
            stream_item=RawMessageStreamEvent,
            helper="messages",
        )
        return MessageStreamManager(partial(self._client._request, request))

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]) -> Message: ...
        @overload
        def create(
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> Stream[RawMessageStreamEvent]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> Message | Stream[RawMessageStreamEvent]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncMessages(_Messages, AsyncAPIResource):
    with_raw_response = view(AsyncMessagesWithRawResponse)
    with_streaming_response = view(AsyncMessagesWithStreamingResponse)

    def stream(
        self,
        *,
        max_tokens: int,
        messages: Iterable[MessageParam],
        model: ModelParam,
        metadata: MetadataParam | Omit = omit,
        container: Optional[str] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        system: str | Iterable[TextBlockParam] | Omit = omit,
        temperature: float | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        thinking: ThinkingConfigParam | Omit = omit,
        tool_choice: ToolChoiceParam | Omit = omit,
        tools: Iterable[ToolUnionParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> AsyncMessageStreamManager:
        """Stream a message: `async with client.messages.stream(...) as stream:` sends the request and yields an
        `AsyncMessageStream` (events, `text_stream`, `get_final_message()`); the connection is closed on exit."""
        from ...lib.streaming import AsyncMessageStreamManager
        from ...types import RawMessageStreamEvent

        params = dict(locals())
        del params["self"], params["AsyncMessageStreamManager"], params["RawMessageStreamEvent"]
        request = build_stream_request(
            params,
            path="/v1/messages",
            endpoint_name="messages.create",
            stream_item=RawMessageStreamEvent,
            helper="messages",
        )
        return AsyncMessageStreamManager(self._client._request(request))

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]) -> Message: ...
        @overload
        async def create(
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AsyncStream[RawMessageStreamEvent]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> Message | AsyncStream[RawMessageStreamEvent]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic import AsyncStream as AsyncStream
    from anthropic import Stream as Stream
    from anthropic._constants import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from anthropic._types import not_given as not_given
    from anthropic.lib.streaming._messages import AsyncMessageStreamManager as AsyncMessageStreamManager
    from anthropic.lib.streaming._messages import MessageStreamManager as MessageStreamManager
    from anthropic.resources.messages.batches import AsyncBatches as AsyncBatches
    from anthropic.resources.messages.batches import AsyncBatchesWithRawResponse as AsyncBatchesWithRawResponse
    from anthropic.resources.messages.batches import (
        AsyncBatchesWithStreamingResponse as AsyncBatchesWithStreamingResponse,
    )
    from anthropic.resources.messages.batches import Batches as Batches
    from anthropic.resources.messages.batches import BatchesWithRawResponse as BatchesWithRawResponse
    from anthropic.resources.messages.batches import BatchesWithStreamingResponse as BatchesWithStreamingResponse
    from anthropic.types import message_count_tokens_params as message_count_tokens_params
    from anthropic.types import message_create_params as message_create_params
    from anthropic.types._content_params import TextBlockParam as TextBlockParam
    from anthropic.types._message import Message as Message
    from anthropic.types._message import MessageTokensCount as MessageTokensCount
    from anthropic.types._models_api import ModelParam as ModelParam
    from anthropic.types._params import MessageParam as MessageParam
    from anthropic.types._params import MetadataParam as MetadataParam
    from anthropic.types._params import ThinkingConfigParam as ThinkingConfigParam
    from anthropic.types._stream_events import RawMessageStreamEvent as RawMessageStreamEvent
    from anthropic.types._tool_params import MessageCountTokensToolParam as MessageCountTokensToolParam
    from anthropic.types._tool_params import ToolChoiceParam as ToolChoiceParam
    from anthropic.types._tool_params import ToolUnionParam as ToolUnionParam

_REEXPORTS: dict[str, str] = {
    "AsyncBatches": "anthropic.resources.messages.batches:AsyncBatches",
    "AsyncBatchesWithRawResponse": "anthropic.resources.messages.batches:AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse": "anthropic.resources.messages.batches:AsyncBatchesWithStreamingResponse",
    "AsyncMessageStreamManager": "anthropic.lib.streaming._messages:AsyncMessageStreamManager",
    "AsyncStream": "anthropic:AsyncStream",
    "Batches": "anthropic.resources.messages.batches:Batches",
    "BatchesWithRawResponse": "anthropic.resources.messages.batches:BatchesWithRawResponse",
    "BatchesWithStreamingResponse": "anthropic.resources.messages.batches:BatchesWithStreamingResponse",
    "DEFAULT_TIMEOUT": "anthropic._constants:DEFAULT_TIMEOUT",
    "Message": "anthropic.types._message:Message",
    "MessageCountTokensToolParam": "anthropic.types._tool_params:MessageCountTokensToolParam",
    "MessageParam": "anthropic.types._params:MessageParam",
    "MessageStreamManager": "anthropic.lib.streaming._messages:MessageStreamManager",
    "MessageTokensCount": "anthropic.types._message:MessageTokensCount",
    "MetadataParam": "anthropic.types._params:MetadataParam",
    "ModelParam": "anthropic.types._models_api:ModelParam",
    "RawMessageStreamEvent": "anthropic.types._stream_events:RawMessageStreamEvent",
    "Stream": "anthropic:Stream",
    "TextBlockParam": "anthropic.types._content_params:TextBlockParam",
    "ThinkingConfigParam": "anthropic.types._params:ThinkingConfigParam",
    "ToolChoiceParam": "anthropic.types._tool_params:ToolChoiceParam",
    "ToolUnionParam": "anthropic.types._tool_params:ToolUnionParam",
    "message_count_tokens_params": "anthropic.types.message_count_tokens_params:",
    "message_create_params": "anthropic.types.message_create_params:",
    "not_given": "anthropic._types:not_given",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
