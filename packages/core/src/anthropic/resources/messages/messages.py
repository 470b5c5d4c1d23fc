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
from .._helpers import DEPRECATED_MODELS, REQUIRED, check_required, nonstreaming_timeout, warn_if_deprecated

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ...types.message_create_params import MessageCreateParamsBase as _CreateParamsBase

    class _CreateKwargs(_CreateParamsBase, total=False):
        """The keyword arguments of `create` besides `stream`: the API params and the per-call options."""

        extra_headers: Headers | None
        extra_query: Query | None
        extra_body: object | None
        timeout: Timeout | NotGiven

    from ..._streaming import AsyncStream, Stream
    from ..._types import Headers, Query, Timeout
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

__all__ = [
    "DEPRECATED_MODELS",
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "AsyncMessagesWithStreamingResponse",
    "Messages",
    "MessagesWithRawResponse",
    "MessagesWithStreamingResponse",
]

_CREATE_REQUIRED = ("max_tokens", "messages", "model")


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
    def create(
        self,
        *,
        max_tokens: int = REQUIRED,
        messages: Iterable[MessageParam] = REQUIRED,
        model: ModelParam = REQUIRED,
        metadata: MetadataParam | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: list[str] | Omit = omit,
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
        from ...types import Message, RawMessageStreamEvent

        params = dict(locals())
        del params["self"], params["Message"], params["RawMessageStreamEvent"]
        return build_create_request(
            self,
            params,
            path="/v1/messages",
            endpoint_name="messages.create",
            cast_to=Message,
            stream_item=RawMessageStreamEvent,
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
    pass


class AsyncMessagesWithRawResponse(_Messages, AsyncRawResource):
    pass


class MessagesWithStreamingResponse(_Messages, SyncStreamingResource):
    pass


class AsyncMessagesWithStreamingResponse(_Messages, AsyncStreamingResource):
    pass


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
        stop_sequences: list[str] | Omit = omit,
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
        stop_sequences: list[str] | Omit = omit,
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
