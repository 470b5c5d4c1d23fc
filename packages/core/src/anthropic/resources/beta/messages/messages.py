"""`client.beta.messages`: create, parse (structured outputs), stream, count_tokens, and `beta.messages.batches`.

All of them POST to `/v1/messages?beta=true` (count_tokens to `/v1/messages/count_tokens?beta=true`).
`parse` turns a Python type into the request's `output_format` JSON schema and the answer's text into that type;
`stream` accepts the same type and returns the streaming helper's `BetaMessageStreamManager`.
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, List, Literal, Optional, Union, overload

from ...._request import APIRequest, beta_header, strip_omitted
from ...._resource import (
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
from ...._types import NOT_GIVEN, NotGiven, Omit, omit
from ..._endpoints import Helper, helper
from ..._helpers import nonstreaming_timeout, required_args, warn_if_deprecated
from ...messages.messages import build_create_request

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ....types.beta.message_create_params import MessageCreateParamsBase as _CreateParamsBase

    class _CreateKwargs(_CreateParamsBase, total=False):
        """The keyword arguments of `create` besides `stream`: the API params and the per-call options."""

        extra_headers: Headers | None
        extra_query: Query | None
        extra_body: object | None
        timeout: Timeout | NotGiven

    from contextlib import AbstractAsyncContextManager, AbstractContextManager

    from ...._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
    from ...._streaming import AsyncStream, Stream
    from ...._types import Headers, Query, SequenceNotStr, Timeout
    from ....lib.streaming import BetaAsyncMessageStreamManager, BetaMessageStreamManager
    from ....types import AnthropicBetaParam, ModelParam
    from ....types.beta import (
        BetaContextManagementConfigParam,
        BetaJSONOutputFormatParam,
        BetaMessage,
        BetaMessageParam,
        BetaMessageTokensCount,
        BetaMetadataParam,
        BetaRawMessageStreamEvent,
        BetaRequestMCPServerURLDefinitionParam,
        BetaTextBlockParam,
        BetaThinkingConfigParam,
        BetaToolChoiceParam,
        BetaToolUnionParam,
    )
    from ....types.beta.message_count_tokens_params import Tool as CountTokensTool
    from ....types.beta.message_create_params import Container
    from ....types.beta.parsed_beta_message import ParsedBetaMessage, ResponseFormatT
    from .batches import (
        AsyncBatches,
        AsyncBatchesWithRawResponse,
        AsyncBatchesWithStreamingResponse,
        Batches,
        BatchesWithRawResponse,
        BatchesWithStreamingResponse,
    )

__all__ = ["Messages", "AsyncMessages"]

_PATH = "/v1/messages?beta=true"
STRUCTURED_OUTPUTS_BETA = "structured-outputs-2025-09-17"
"""Added by `parse` when missing (0.74.0's name; 0.74.1 renamed it `structured-outputs-2025-11-13`)."""


def _beta_stream_event() -> Any:
    """The beta stream event union, imported only by calls that stream."""
    from ....types.beta import BetaRawMessageStreamEvent

    return BetaRawMessageStreamEvent


def _reject_model_class(output_format: object) -> None:
    import pydantic

    if inspect.isclass(output_format) and issubclass(output_format, pydantic.BaseModel):
        raise TypeError(
            "You tried to pass a `BaseModel` class to `beta.messages.create()`; "
            "You must use `beta.messages.parse()` instead"
        )


def _format_given(output_format: object) -> bool:
    return output_format is not None and not isinstance(output_format, (Omit, NotGiven))


class _Messages(APIResource):
    _resource_key: ClassVar[str] = "beta.messages"

    batches: ClassVar[
        subresource[
            Batches,
            AsyncBatches,
            BatchesWithRawResponse,
            AsyncBatchesWithRawResponse,
            BatchesWithStreamingResponse,
            AsyncBatchesWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.messages.batches", "Batches")

    @endpoint
    @required_args("max_tokens", "messages", "model")
    def create(
        self,
        *,
        max_tokens: int,
        messages: Iterable[BetaMessageParam],
        model: ModelParam,
        container: Optional[Container] | Omit = omit,
        context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
        mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
        metadata: BetaMetadataParam | Omit = omit,
        output_format: Optional[BetaJSONOutputFormatParam] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        stream: bool | Omit = omit,
        system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
        temperature: float | Omit = omit,
        thinking: BetaThinkingConfigParam | Omit = omit,
        tool_choice: BetaToolChoiceParam | Omit = omit,
        tools: Iterable[BetaToolUnionParam] | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaMessage]:
        """Create a message with beta features (or a raw event stream with `stream=True`)."""
        from ....types.beta import BetaMessage

        _reject_model_class(output_format)
        params = dict(locals())
        for name in ("self", "betas", "BetaMessage"):
            del params[name]
        return build_create_request(
            self,
            params,
            path=_PATH,
            endpoint_name="beta.messages.create",
            cast_to=BetaMessage,
            stream_item=_beta_stream_event() if stream is True else None,
            headers=beta_header(betas),
        )

    @endpoint
    def parse(
        self,
        *,
        max_tokens: int,
        messages: Iterable[BetaMessageParam],
        model: ModelParam,
        container: Optional[Container] | Omit = omit,
        context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
        mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
        metadata: BetaMetadataParam | Omit = omit,
        output_format: Optional[type[ResponseFormatT]] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        stream: bool | Omit = omit,
        system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
        temperature: float | Omit = omit,
        thinking: BetaThinkingConfigParam | Omit = omit,
        tool_choice: BetaToolChoiceParam | Omit = omit,
        tools: Iterable[BetaToolUnionParam] | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[ParsedBetaMessage[ResponseFormatT]]:
        """Create a message whose text answer is parsed into `output_format` (`message.parsed_output`)."""
        from ....lib._parse import output_format_param, parse_beta_message
        from ....types.beta import BetaMessage

        if stream is not True:
            timeout = nonstreaming_timeout(self._client, timeout, max_tokens, model)
        warn_if_deprecated(model)
        names: list[str] = [] if isinstance(betas, Omit) else [str(b) for b in betas]
        if STRUCTURED_OUTPUTS_BETA not in names:
            names.append(STRUCTURED_OUTPUTS_BETA)
        body = strip_omitted(
            {
                "max_tokens": max_tokens,
                "messages": messages,
                "model": model,
                "container": container,
                "context_management": context_management,
                "mcp_servers": mcp_servers,
                "metadata": metadata,
                "output_format": output_format_param(output_format) or omit,
                "service_tier": service_tier,
                "stop_sequences": stop_sequences,
                "stream": stream,
                "system": system,
                "temperature": temperature,
                "thinking": thinking,
                "tool_choice": tool_choice,
                "tools": tools,
                "top_k": top_k,
                "top_p": top_p,
            }
        )
        return APIRequest(
            "POST",
            _PATH,
            BetaMessage,
            endpoint="beta.messages.create",
            body=body,
            headers={"X-Stainless-Helper": "beta.messages.parse", **beta_header(names)},
            post_parser=functools.partial(
                parse_beta_message, output_format=output_format if _format_given(output_format) else NOT_GIVEN
            ),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def count_tokens(
        self,
        *,
        messages: Iterable[BetaMessageParam],
        model: ModelParam,
        context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
        mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
        output_format: Optional[BetaJSONOutputFormatParam] | Omit = omit,
        system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
        thinking: BetaThinkingConfigParam | Omit = omit,
        tool_choice: BetaToolChoiceParam | Omit = omit,
        tools: Iterable[CountTokensTool] | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaMessageTokensCount]:
        """Count the tokens of a message request, tools and system prompt included, without creating it."""
        from ....types.beta import BetaMessageTokensCount

        body = strip_omitted(
            {
                "messages": messages,
                "model": model,
                "context_management": context_management,
                "mcp_servers": mcp_servers,
                "output_format": output_format,
                "system": system,
                "thinking": thinking,
                "tool_choice": tool_choice,
                "tools": tools,
            }
        )
        return APIRequest(
            "POST",
            "/v1/messages/count_tokens?beta=true",
            BetaMessageTokensCount,
            endpoint="beta.messages.count_tokens",
            body=body,
            headers=beta_header(betas, "token-counting-2024-11-01"),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    def _stream(
        self,
        *,
        max_tokens: int,
        messages: Iterable[BetaMessageParam],
        model: ModelParam,
        container: Optional[Container] | Omit = omit,
        context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
        mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
        metadata: BetaMetadataParam | Omit = omit,
        output_format: Optional[type[ResponseFormatT]] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
        temperature: float | Omit = omit,
        thinking: BetaThinkingConfigParam | Omit = omit,
        tool_choice: BetaToolChoiceParam | Omit = omit,
        tools: Iterable[BetaToolUnionParam] | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Helper[BetaMessageStreamManager[ResponseFormatT], BetaAsyncMessageStreamManager[ResponseFormatT]]:
        """Stream a message; the manager sends the request on `with` and builds the message as events arrive."""
        from ....lib._parse import output_format_param
        from ....lib.streaming import BetaAsyncMessageStreamManager, BetaMessageStreamManager
        from ....types.beta import BetaRawMessageStreamEvent

        warn_if_deprecated(model)
        body = strip_omitted(
            {
                "max_tokens": max_tokens,
                "messages": messages,
                "model": model,
                "metadata": metadata,
                "output_format": output_format_param(output_format) or omit,
                "container": container,
                "context_management": context_management,
                "mcp_servers": mcp_servers,
                "service_tier": service_tier,
                "stop_sequences": stop_sequences,
                "system": system,
                "temperature": temperature,
                "thinking": thinking,
                "top_k": top_k,
                "top_p": top_p,
                "tools": tools,
                "tool_choice": tool_choice,
                "stream": True,
            }
        )
        request: APIRequest[Any] = APIRequest(
            "POST",
            _PATH,
            BetaRawMessageStreamEvent,
            endpoint="beta.messages.create",
            body=body,
            headers={"X-Stainless-Stream-Helper": "beta.messages", **beta_header(betas)},
            stream=True,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        fmt: Any = output_format if _format_given(output_format) else NOT_GIVEN
        # Same wire as 0.74.0: its async helper posts to `/v1/messages` without `?beta=true` (the sync one adds it).
        async_request = copy.copy(request)
        async_request.path = "/v1/messages"
        return Helper(
            lambda client: BetaMessageStreamManager(lambda: client._request(request), output_format=fmt),
            lambda client: BetaAsyncMessageStreamManager(client._request(async_request), output_format=fmt),
        )


class MessagesWithRawResponse(_Messages, SyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[BetaMessage]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Stream[BetaRawMessageStreamEvent]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[BetaMessage | Stream[BetaRawMessageStreamEvent]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncMessagesWithRawResponse(_Messages, AsyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[BetaMessage]: ...
        @overload
        async def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[AsyncStream[BetaRawMessageStreamEvent]]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[BetaMessage | AsyncStream[BetaRawMessageStreamEvent]]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class MessagesWithStreamingResponse(_Messages, SyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[BetaMessage]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Stream[BetaRawMessageStreamEvent]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[BetaMessage | Stream[BetaRawMessageStreamEvent]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncMessagesWithStreamingResponse(_Messages, AsyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[BetaMessage]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[AsyncStream[BetaRawMessageStreamEvent]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[BetaMessage | AsyncStream[BetaRawMessageStreamEvent]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class Messages(_Messages, SyncAPIResource):
    with_raw_response = view(MessagesWithRawResponse)
    with_streaming_response = view(MessagesWithStreamingResponse)
    stream = helper(_Messages._stream)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]) -> BetaMessage: ...
        @overload
        def create(
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> Stream[BetaRawMessageStreamEvent]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> BetaMessage | Stream[BetaRawMessageStreamEvent]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]

        # Served at run time by the tools plugin (`anthropic[tools]`) through the `extend_resources` hook;
        # declared here so type checkers see its signature.
        from anthropic.lib.tools import tool_runner_sync as tool_runner


class AsyncMessages(_Messages, AsyncAPIResource):
    with_raw_response = view(AsyncMessagesWithRawResponse)
    with_streaming_response = view(AsyncMessagesWithStreamingResponse)
    stream = helper(_Messages._stream)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> BetaMessage: ...
        @overload
        async def create(
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AsyncStream[BetaRawMessageStreamEvent]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> BetaMessage | AsyncStream[BetaRawMessageStreamEvent]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]

        from anthropic.lib.tools import tool_runner_async as tool_runner


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic import AsyncStream as AsyncStream
    from anthropic import Stream as Stream
    from anthropic import transform_schema as transform_schema
    from anthropic._constants import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
    from anthropic._types import not_given as not_given
    from anthropic.lib.streaming._beta_messages import BetaAsyncMessageStreamManager as BetaAsyncMessageStreamManager
    from anthropic.lib.streaming._beta_messages import BetaMessageStreamManager as BetaMessageStreamManager
    from anthropic.lib.tools import BetaAsyncStreamingToolRunner as BetaAsyncStreamingToolRunner
    from anthropic.lib.tools import BetaAsyncToolRunner as BetaAsyncToolRunner
    from anthropic.lib.tools import BetaStreamingToolRunner as BetaStreamingToolRunner
    from anthropic.lib.tools import BetaToolRunner as BetaToolRunner
    from anthropic.resources.beta.messages.batches import AsyncBatches as AsyncBatches
    from anthropic.resources.beta.messages.batches import AsyncBatchesWithRawResponse as AsyncBatchesWithRawResponse
    from anthropic.resources.beta.messages.batches import (
        AsyncBatchesWithStreamingResponse as AsyncBatchesWithStreamingResponse,
    )
    from anthropic.resources.beta.messages.batches import Batches as Batches
    from anthropic.resources.beta.messages.batches import BatchesWithRawResponse as BatchesWithRawResponse
    from anthropic.resources.beta.messages.batches import BatchesWithStreamingResponse as BatchesWithStreamingResponse
    from anthropic.resources.messages.messages import DEPRECATED_MODELS as DEPRECATED_MODELS
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types._models_api import ModelParam as ModelParam
    from anthropic.types.beta import message_count_tokens_params as message_count_tokens_params
    from anthropic.types.beta import message_create_params as message_create_params
    from anthropic.types.beta._content_params import BetaMessageParam as BetaMessageParam
    from anthropic.types.beta._content_params import BetaTextBlockParam as BetaTextBlockParam
    from anthropic.types.beta._message import BetaMessage as BetaMessage
    from anthropic.types.beta._message import BetaMessageTokensCount as BetaMessageTokensCount
    from anthropic.types.beta._message import BetaRawMessageStreamEvent as BetaRawMessageStreamEvent
    from anthropic.types.beta._parsed import ParsedBetaMessage as ParsedBetaMessage
    from anthropic.types.beta._parsed import ResponseFormatT as ResponseFormatT
    from anthropic.types.beta._request_params import (
        BetaContextManagementConfigParam as BetaContextManagementConfigParam,
    )
    from anthropic.types.beta._request_params import BetaJSONOutputFormatParam as BetaJSONOutputFormatParam
    from anthropic.types.beta._request_params import BetaMetadataParam as BetaMetadataParam
    from anthropic.types.beta._request_params import (
        BetaRequestMCPServerURLDefinitionParam as BetaRequestMCPServerURLDefinitionParam,
    )
    from anthropic.types.beta._request_params import BetaThinkingConfigParam as BetaThinkingConfigParam
    from anthropic.types.beta._tool_params import BetaToolChoiceParam as BetaToolChoiceParam
    from anthropic.types.beta._tool_params import BetaToolUnionParam as BetaToolUnionParam

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AsyncBatches": "anthropic.resources.beta.messages.batches:AsyncBatches",
    "AsyncBatchesWithRawResponse": "anthropic.resources.beta.messages.batches:AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse": "anthropic.resources.beta.messages.batches:AsyncBatchesWithStreamingResponse",
    "AsyncStream": "anthropic:AsyncStream",
    "Batches": "anthropic.resources.beta.messages.batches:Batches",
    "BatchesWithRawResponse": "anthropic.resources.beta.messages.batches:BatchesWithRawResponse",
    "BatchesWithStreamingResponse": "anthropic.resources.beta.messages.batches:BatchesWithStreamingResponse",
    "BetaAsyncMessageStreamManager": "anthropic.lib.streaming._beta_messages:BetaAsyncMessageStreamManager",
    "BetaAsyncStreamingToolRunner": "anthropic.lib.tools:BetaAsyncStreamingToolRunner",
    "BetaAsyncToolRunner": "anthropic.lib.tools:BetaAsyncToolRunner",
    "BetaContextManagementConfigParam": "anthropic.types.beta._request_params:BetaContextManagementConfigParam",
    "BetaJSONOutputFormatParam": "anthropic.types.beta._request_params:BetaJSONOutputFormatParam",
    "BetaMessage": "anthropic.types.beta._message:BetaMessage",
    "BetaMessageParam": "anthropic.types.beta._content_params:BetaMessageParam",
    "BetaMessageStreamManager": "anthropic.lib.streaming._beta_messages:BetaMessageStreamManager",
    "BetaMessageTokensCount": "anthropic.types.beta._message:BetaMessageTokensCount",
    "BetaMetadataParam": "anthropic.types.beta._request_params:BetaMetadataParam",
    "BetaRawMessageStreamEvent": "anthropic.types.beta._message:BetaRawMessageStreamEvent",
    "BetaRequestMCPServerURLDefinitionParam": "anthropic.types.beta._request_params:BetaRequestMCPServerURLDefinitionParam",
    "BetaStreamingToolRunner": "anthropic.lib.tools:BetaStreamingToolRunner",
    "BetaTextBlockParam": "anthropic.types.beta._content_params:BetaTextBlockParam",
    "BetaThinkingConfigParam": "anthropic.types.beta._request_params:BetaThinkingConfigParam",
    "BetaToolChoiceParam": "anthropic.types.beta._tool_params:BetaToolChoiceParam",
    "BetaToolRunner": "anthropic.lib.tools:BetaToolRunner",
    "BetaToolUnionParam": "anthropic.types.beta._tool_params:BetaToolUnionParam",
    "DEFAULT_TIMEOUT": "anthropic._constants:DEFAULT_TIMEOUT",
    "DEPRECATED_MODELS": "anthropic.resources.messages.messages:DEPRECATED_MODELS",
    "ModelParam": "anthropic.types._models_api:ModelParam",
    "ParsedBetaMessage": "anthropic.types.beta._parsed:ParsedBetaMessage",
    "ResponseFormatT": "anthropic.types.beta._parsed:ResponseFormatT",
    "Stream": "anthropic:Stream",
    "message_count_tokens_params": "anthropic.types.beta.message_count_tokens_params:",
    "message_create_params": "anthropic.types.beta.message_create_params:",
    "not_given": "anthropic._types:not_given",
    "transform_schema": "anthropic:transform_schema",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
