"""`client.beta.messages.tool_runner(...)`: the method the plugin adds to the `beta.messages` resource.

The core calls `sync_tool_runner(resource)` / `async_tool_runner(resource)` (through the `extend_resources` hook)
the first time the attribute is read on a resource, for every client including platform clients; the returned
bound function builds a runner around that resource's client.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MethodType
from typing import TYPE_CHECKING, Any, Literal, Optional, Union, cast, overload

from anthropic import NOT_GIVEN, NotGiven, Omit, omit

if TYPE_CHECKING:
    import httpx

    from anthropic.plugins import Body, Headers, Query, SequenceNotStr
    from anthropic.types.anthropic_beta_param import AnthropicBetaParam
    from anthropic.types.beta import (
        BetaContextManagementConfigParam,
        BetaMessageParam,
        BetaMetadataParam,
        BetaRequestMCPServerURLDefinitionParam,
        BetaTextBlockParam,
        BetaThinkingConfigParam,
        BetaToolChoiceParam,
        BetaToolUnionParam,
    )
    from anthropic.types.beta.message_create_params import Container
    from anthropic.types.beta.parsed_beta_message import ResponseFormatT
    from anthropic.types.model_param import ModelParam

    from .functions import BetaAsyncRunnableTool, BetaRunnableTool
    from .runner import (
        BetaAsyncStreamingToolRunner,
        BetaAsyncToolRunner,
        BetaStreamingToolRunner,
        BetaToolRunner,
        RequestOptions,
    )

__all__ = ["async_tool_runner", "sync_tool_runner", "tool_runner_sync", "tool_runner_async"]

HELPER_HEADER = "BetaToolRunner"


def sync_tool_runner(resource: Any) -> Any:
    """Extension factory for sync `beta.messages` resources."""
    return MethodType(tool_runner_sync, resource)


def async_tool_runner(resource: Any) -> Any:
    """Extension factory for async `beta.messages` resources."""
    return MethodType(tool_runner_async, resource)


def _prepare(
    tools: Iterable[Any],
    create_params: dict[str, object],
    betas: object,
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: Body | None,
    timeout: float | httpx.Timeout | None | NotGiven,
) -> tuple[list[Any], dict[str, Any], RequestOptions]:
    from anthropic.plugins import beta_header, strip_omitted, warn_if_deprecated

    from ._turns import split_tools

    warn_if_deprecated(create_params.get("model"))
    runnable, definitions = split_tools(cast(Iterable[Union[Any, Mapping[str, Any]]], tools))
    params = strip_omitted({**create_params, "tools": definitions})
    headers: dict[str, Any] = {"X-Stainless-Helper": HELPER_HEADER, **beta_header(cast(Any, betas))}
    headers.update(extra_headers or {})
    options: RequestOptions = {
        "extra_headers": headers,
        "extra_query": extra_query,
        "extra_body": extra_body,
        "timeout": timeout,
    }
    return runnable, params, options


@overload
def tool_runner_sync(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaRunnableTool | BetaToolUnionParam],
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    stream: Literal[False] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaToolRunner[ResponseFormatT]: ...
@overload
def tool_runner_sync(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaRunnableTool | BetaToolUnionParam],
    stream: Literal[True],
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaStreamingToolRunner[ResponseFormatT]: ...
@overload
def tool_runner_sync(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaRunnableTool | BetaToolUnionParam],
    stream: bool,
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaStreamingToolRunner[ResponseFormatT] | BetaToolRunner[ResponseFormatT]: ...
def tool_runner_sync(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaRunnableTool | BetaToolUnionParam],
    max_iterations: int | Omit = omit,
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
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaStreamingToolRunner[ResponseFormatT] | BetaToolRunner[ResponseFormatT]:
    """Run a conversation with tools: each iteration makes one request and yields the assistant message (or its
    stream with `stream=True`); requested tools run between requests. See `BetaToolRunner`."""
    from .runner import BetaStreamingToolRunner, BetaToolRunner

    runnable, params, options = _prepare(
        tools,
        {
            "max_tokens": max_tokens,
            "messages": messages,
            "model": model,
            "container": container,
            "context_management": context_management,
            "mcp_servers": mcp_servers,
            "metadata": metadata,
            "output_format": output_format,
            "service_tier": service_tier,
            "stop_sequences": stop_sequences,
            "system": system,
            "temperature": temperature,
            "thinking": thinking,
            "tool_choice": tool_choice,
            "top_k": top_k,
            "top_p": top_p,
        },
        betas,
        extra_headers,
        extra_query,
        extra_body,
        timeout,
    )
    runner_cls: Any = BetaStreamingToolRunner if stream is True else BetaToolRunner
    return runner_cls(
        params=params,
        options=options,
        tools=runnable,
        client=self._client,
        max_iterations=None if isinstance(max_iterations, Omit) else max_iterations,
    )


@overload
def tool_runner_async(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaAsyncRunnableTool | BetaToolUnionParam],
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    stream: Literal[False] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaAsyncToolRunner[ResponseFormatT]: ...
@overload
def tool_runner_async(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaAsyncRunnableTool | BetaToolUnionParam],
    stream: Literal[True],
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaAsyncStreamingToolRunner[ResponseFormatT]: ...
@overload
def tool_runner_async(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaAsyncRunnableTool | BetaToolUnionParam],
    stream: bool,
    max_iterations: int | Omit = omit,
    container: Optional[Container] | Omit = omit,
    context_management: Optional[BetaContextManagementConfigParam] | Omit = omit,
    mcp_servers: Iterable[BetaRequestMCPServerURLDefinitionParam] | Omit = omit,
    metadata: BetaMetadataParam | Omit = omit,
    output_format: Optional[type[ResponseFormatT]] | Omit = omit,
    service_tier: Literal["auto", "standard_only"] | Omit = omit,
    stop_sequences: SequenceNotStr[str] | Omit = omit,
    system: Union[str, Iterable[BetaTextBlockParam]] | Omit = omit,
    temperature: float | Omit = omit,
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaAsyncStreamingToolRunner[ResponseFormatT] | BetaAsyncToolRunner[ResponseFormatT]: ...
def tool_runner_async(
    self: Any,
    *,
    max_tokens: int,
    messages: Iterable[BetaMessageParam],
    model: ModelParam,
    tools: Iterable[BetaAsyncRunnableTool | BetaToolUnionParam],
    max_iterations: int | Omit = omit,
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
    top_k: int | Omit = omit,
    top_p: float | Omit = omit,
    thinking: BetaThinkingConfigParam | Omit = omit,
    tool_choice: BetaToolChoiceParam | Omit = omit,
    betas: list[AnthropicBetaParam] | Omit = omit,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: Body | None = None,
    timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
) -> BetaAsyncStreamingToolRunner[ResponseFormatT] | BetaAsyncToolRunner[ResponseFormatT]:
    """Async `tool_runner`: not a coroutine itself; iterate the returned runner with `async for` or await
    `until_done()`. Async tools requested in the same turn run concurrently."""
    from .runner import BetaAsyncStreamingToolRunner, BetaAsyncToolRunner

    runnable, params, options = _prepare(
        tools,
        {
            "max_tokens": max_tokens,
            "messages": messages,
            "model": model,
            "container": container,
            "context_management": context_management,
            "mcp_servers": mcp_servers,
            "metadata": metadata,
            "output_format": output_format,
            "service_tier": service_tier,
            "stop_sequences": stop_sequences,
            "system": system,
            "temperature": temperature,
            "thinking": thinking,
            "tool_choice": tool_choice,
            "top_k": top_k,
            "top_p": top_p,
        },
        betas,
        extra_headers,
        extra_query,
        extra_body,
        timeout,
    )
    runner_cls: Any = BetaAsyncStreamingToolRunner if stream is True else BetaAsyncToolRunner
    return runner_cls(
        params=params,
        options=options,
        tools=runnable,
        client=self._client,
        max_iterations=None if isinstance(max_iterations, Omit) else max_iterations,
    )
