"""`client.beta.messages`: create, parse (structured outputs), stream, count_tokens, and `beta.messages.batches`.

All of them POST to `/v1/messages?beta=true` (count_tokens to `/v1/messages/count_tokens?beta=true`).
`parse` turns a Python type into the request's `output_format` JSON schema and the answer's text into that type;
`stream` accepts the same type and returns the streaming helper's `BetaMessageStreamManager`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterable, Sequence
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
from ..._helpers import REQUIRED, nonstreaming_timeout, warn_if_deprecated
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

    from ...._streaming import AsyncStream, Stream
    from ...._types import Headers, Query, Timeout
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

__all__ = [
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "AsyncMessagesWithStreamingResponse",
    "Messages",
    "MessagesWithRawResponse",
    "MessagesWithStreamingResponse",
]

_PATH = "/v1/messages?beta=true"
STRUCTURED_OUTPUTS_BETA = "structured-outputs-2025-09-17"
"""Added by `parse` when missing (0.74.0's name; 0.74.1 renamed it `structured-outputs-2025-11-13`)."""


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
    def create(
        self,
        *,
        max_tokens: int = REQUIRED,
        messages: Iterable[BetaMessageParam] = REQUIRED,
        model: ModelParam = REQUIRED,
        container: Optional[Container] | Omit = omit,
        context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
        mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
        metadata: BetaMetadataParam | Omit = omit,
        output_format: Optional[BetaJSONOutputFormatParam] | Omit = omit,
        service_tier: Literal["auto", "standard_only"] | Omit = omit,
        stop_sequences: Sequence[str] | Omit = omit,
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
        from ....types.beta import BetaMessage, BetaRawMessageStreamEvent

        _reject_model_class(output_format)
        params = dict(locals())
        for name in ("self", "betas", "BetaMessage", "BetaRawMessageStreamEvent"):
            del params[name]
        return build_create_request(
            self,
            params,
            path=_PATH,
            endpoint_name="beta.messages.create",
            cast_to=BetaMessage,
            stream_item=BetaRawMessageStreamEvent,
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
        stop_sequences: Sequence[str] | Omit = omit,
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
        stop_sequences: Sequence[str] | Omit = omit,
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
        return Helper(
            lambda client: BetaMessageStreamManager(lambda: client._request(request), output_format=fmt),
            lambda client: BetaAsyncMessageStreamManager(client._request(request), output_format=fmt),
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
        from anthropic_plugin_tools.resource import tool_runner_sync as tool_runner


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

        from anthropic_plugin_tools.resource import tool_runner_async as tool_runner
