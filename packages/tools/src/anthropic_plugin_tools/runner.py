"""The tool runner: call the model, run the tools it asks for, send the results back, until it stops asking.

Four classes, one loop: `BetaToolRunner` (sync, yields each assistant message), `BetaStreamingToolRunner` (sync,
yields a `BetaMessageStream` per turn), and their async twins. Each turn is one `client.beta.messages.parse(...)`
(or `.stream(...)`) call on the client the runner was created from, so platform clients work unchanged.

After each turn: if the assistant message has `tool_use` blocks, the tools run (an unknown tool or a tool that
raises becomes an `is_error` tool_result; async tools of one turn run concurrently) and the assistant message plus
one user message of tool_results are appended; if the API paused the turn (`pause_turn`, long server-tool work),
the assistant message alone is appended so the next request resumes it. Otherwise the loop ends. `max_iterations`
bounds the number of requests, whatever the reason for continuing.

If you append messages yourself during a turn (`append_messages`), the runner does not append that turn for you;
it still continues when that turn asked for tools (without running them a second time) or was paused.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterable, Iterator
from contextlib import (
    AbstractAsyncContextManager,
    AbstractContextManager,
    AsyncExitStack,
    ExitStack,
    asynccontextmanager,
    contextmanager,
)
from typing import TYPE_CHECKING, Any, Generic, TypeVar, Union, cast

from typing_extensions import TypedDict, override

from ._observed import observation_ending, observation_scope, start_run, start_tool
from ._turns import error_result, index_tools, message_param, needs_continuation, result_from_value, tool_uses
from ._turns import unknown_tool_result as _unknown
from .functions import (
    BetaAsyncBuiltinFunctionTool,
    BetaAsyncFunctionTool,
    BetaAsyncRunnableTool,
    BetaBuiltinFunctionTool,
    BetaFunctionTool,
    BetaRunnableTool,
)

if TYPE_CHECKING:
    import httpx

    from anthropic import Anthropic, AsyncAnthropic, NotGiven
    from anthropic.lib.streaming import BetaAsyncMessageStream, BetaMessageStream
    from anthropic.plugins import Body, Headers, Observation, Query
    from anthropic.types.beta import BetaMessageParam, BetaToolResultBlockParam, BetaToolUseBlock
    from anthropic.types.beta.message_create_params import ParseMessageCreateParamsBase
    from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage, ResponseFormatT
else:
    ResponseFormatT = TypeVar("ResponseFormatT")

__all__ = [
    "BetaAsyncStreamingToolRunner",
    "BetaAsyncToolRunner",
    "BetaStreamingToolRunner",
    "BetaToolRunner",
    "RequestOptions",
]

log = logging.getLogger("anthropic.lib.tools._beta_runner")  # 0.74.0's logger name, for existing log filters

AnyToolT = TypeVar(
    "AnyToolT",
    bound=Union[
        BetaFunctionTool[Any], BetaAsyncFunctionTool[Any], BetaBuiltinFunctionTool, BetaAsyncBuiltinFunctionTool
    ],
)
ItemT = TypeVar("ItemT")


class RequestOptions(TypedDict, total=False):
    extra_headers: Headers | None
    extra_query: Query | None
    extra_body: Body | None
    timeout: float | httpx.Timeout | None | NotGiven


class _ToolLoop(Generic[AnyToolT, ResponseFormatT]):
    """Conversation state shared by every runner: request params, tools by name, iteration count, cached results."""

    def __init__(
        self,
        *,
        params: ParseMessageCreateParamsBase[ResponseFormatT],
        options: RequestOptions,
        tools: Iterable[AnyToolT],
        max_iterations: int | None = None,
    ) -> None:
        if max_iterations is not None and max_iterations < 1:
            raise ValueError(f"max_iterations must be at least 1, got {max_iterations}")
        self._tools_by_name = index_tools(tools)
        self._params: ParseMessageCreateParamsBase[ResponseFormatT] = {
            **params,
            "messages": list(params["messages"]),
        }
        self._options = options
        self._max_iterations = max_iterations
        self._iteration_count = 0
        self._messages_modified = False
        self._cached_tool_call_response: BetaMessageParam | None = None
        self._observation: Observation | None = None  # the run, while observers watch it

    def set_messages_params(
        self,
        params: ParseMessageCreateParamsBase[ResponseFormatT]
        | Callable[[ParseMessageCreateParamsBase[ResponseFormatT]], ParseMessageCreateParamsBase[ResponseFormatT]],
    ) -> None:
        """Replace the parameters of the next request, or transform them with a function of the current ones."""
        if callable(params):
            params = params(self._params)
        self._params = params

    def append_messages(self, *messages: BetaMessageParam | ParsedBetaMessage[ResponseFormatT]) -> None:
        """Add messages to the conversation. The runner then leaves this turn's bookkeeping to you (it does not
        append the assistant message and tool results itself) and forgets the cached tool results."""
        added = [message_param(cast(Any, message)) for message in messages]
        self._messages_modified = True
        self._params = {**self._params, "messages": [*self._params["messages"], *added]}
        self._cached_tool_call_response = None

    @property
    def iteration_count(self) -> int:
        """Requests made so far."""
        return self._iteration_count

    def _should_stop(self) -> bool:
        return self._max_iterations is not None and self._iteration_count >= self._max_iterations

    def _record_turn(self, message: ParsedBetaMessage[ResponseFormatT], response: BetaMessageParam | None) -> bool:
        """Append this turn (unless the user did) and say whether another request follows."""
        if self._messages_modified:
            go_on = needs_continuation(message)
        elif response is not None:
            self.append_messages(message, response)
            go_on = True
        elif message.stop_reason == "pause_turn":
            self.append_messages(message)
            go_on = True
        else:
            go_on = False
        self._messages_modified = False
        self._cached_tool_call_response = None
        if not go_on:
            log.debug("Tool call was not requested, exiting from tool runner loop.")
        return go_on


def _refuse_tools(tools: Iterable[object], wrong: tuple[type, ...], kind: str) -> None:
    """A sync runner cannot await an async tool and an async runner does not block its loop on a sync one: say so
    before the first request rather than failing in the middle of the conversation."""
    for tool in tools:
        if isinstance(tool, wrong):
            name = getattr(tool, "name", repr(tool))
            if kind == "async":
                hint = "use the AsyncAnthropic client, or define the tool with @beta_tool"
            else:
                hint = "use the Anthropic client, or define the tool with @beta_async_tool"
            raise TypeError(f"Tool {name!r} is {kind}; {hint}")


# -- sync --------------------------------------------------------------------------------------------------------


class _SyncToolLoop(_ToolLoop[BetaRunnableTool, ResponseFormatT], Generic[ItemT, ResponseFormatT], ABC):
    def __init__(
        self,
        *,
        params: ParseMessageCreateParamsBase[ResponseFormatT],
        options: RequestOptions,
        tools: Iterable[BetaRunnableTool],
        client: Anthropic,
        max_iterations: int | None = None,
    ) -> None:
        super().__init__(params=params, options=options, tools=tools, max_iterations=max_iterations)
        _refuse_tools(self._tools_by_name.values(), (BetaAsyncFunctionTool, BetaAsyncBuiltinFunctionTool), "async")
        self._client = client
        self._last_message: Callable[[], ParsedBetaMessage[ResponseFormatT]] | None = None
        self._iterator = self._run()

    def __iter__(self) -> Iterator[ItemT]:
        return self

    def __next__(self) -> ItemT:
        return next(self._iterator)

    @abstractmethod
    def _request(self) -> AbstractContextManager[ItemT]:
        """Send the next request; the context manager's value is what iteration yields."""

    def _run(self) -> Iterator[ItemT]:
        self._observation = start_run(self._client, self._params, self._max_iterations)
        with observation_ending(self._observation):
            while True:
                with self._request() as item:
                    yield item
                    message = self._get_last_message()
                self._iteration_count += 1
                if self._should_stop():
                    return
                response = None if self._messages_modified else self.generate_tool_call_response()
                if not self._record_turn(message, response):
                    return

    def until_done(self) -> ParsedBetaMessage[ResponseFormatT]:
        """Run the remaining turns and return the final assistant message."""
        for _ in self:
            pass
        return self._get_last_message()

    def generate_tool_call_response(self) -> BetaMessageParam | None:
        """Run the tools the last assistant message asked for and return the user message of tool_results
        (None when it asked for none). Cached: calling it again returns the same results without re-running."""
        if self._cached_tool_call_response is not None:
            log.debug("Returning cached tool call response.")
            return self._cached_tool_call_response
        blocks = tool_uses(self._get_last_message() if self._last_message is not None else None)
        if not blocks:
            return None
        results = [self._run_tool(block) for block in blocks]
        self._cached_tool_call_response = {"role": "user", "content": results}
        return self._cached_tool_call_response

    def _run_tool(self, tool_use: BetaToolUseBlock) -> BetaToolResultBlockParam:
        observation = start_tool(self._client, self._observation, tool_use)
        error: Exception | None = None
        tool = self._tools_by_name.get(tool_use.name)
        if tool is None:
            result = _unknown(tool_use)
        else:
            try:
                with observation_scope(observation):
                    result = result_from_value(tool_use, tool.call(tool_use.input))
            except Exception as exc:
                error = exc
                result = error_result(tool_use, exc)
        if observation is not None:
            observation.result(result)
            observation.end(error)
        return result

    def _get_last_message(self) -> ParsedBetaMessage[ResponseFormatT]:
        if self._last_message is None:
            raise RuntimeError("The tool runner has not made a request yet")
        return self._last_message()


class BetaToolRunner(_SyncToolLoop["ParsedBetaMessage[ResponseFormatT]", ResponseFormatT]):
    """Sync tool runner yielding each assistant message (`client.beta.messages.tool_runner(...)`)."""

    @override
    @contextmanager
    def _request(self) -> Generator[ParsedBetaMessage[ResponseFormatT], None, None]:
        with observation_scope(self._observation):
            message = self._client.beta.messages.parse(**cast(Any, self._params), **self._options)
        self._last_message = lambda: message
        yield message


class BetaStreamingToolRunner(_SyncToolLoop["BetaMessageStream[ResponseFormatT]", ResponseFormatT]):
    """Sync tool runner yielding a `BetaMessageStream` per turn (`tool_runner(..., stream=True)`); a stream you do
    not read to the end is finished by the runner before the tools run."""

    @override
    @contextmanager
    def _request(self) -> Generator[BetaMessageStream[ResponseFormatT], None, None]:
        with ExitStack() as stack:
            with observation_scope(self._observation):  # the request starts here; the scope never spans the yield
                stream = stack.enter_context(
                    self._client.beta.messages.stream(**cast(Any, self._params), **self._options)
                )
            self._last_message = stream.get_final_message
            yield stream


# -- async -------------------------------------------------------------------------------------------------------


class _AsyncToolLoop(_ToolLoop[BetaAsyncRunnableTool, ResponseFormatT], Generic[ItemT, ResponseFormatT], ABC):
    def __init__(
        self,
        *,
        params: ParseMessageCreateParamsBase[ResponseFormatT],
        options: RequestOptions,
        tools: Iterable[BetaAsyncRunnableTool],
        client: AsyncAnthropic,
        max_iterations: int | None = None,
    ) -> None:
        super().__init__(params=params, options=options, tools=tools, max_iterations=max_iterations)
        _refuse_tools(self._tools_by_name.values(), (BetaFunctionTool, BetaBuiltinFunctionTool), "sync")
        self._client = client
        self._last_message: Callable[[], Awaitable[ParsedBetaMessage[ResponseFormatT]]] | None = None
        self._iterator = self._run()

    def __aiter__(self) -> AsyncIterator[ItemT]:
        return self

    async def __anext__(self) -> ItemT:
        return await self._iterator.__anext__()

    @abstractmethod
    def _request(self) -> AbstractAsyncContextManager[ItemT]:
        """Send the next request; the context manager's value is what iteration yields."""

    async def _run(self) -> AsyncIterator[ItemT]:
        self._observation = start_run(self._client, self._params, self._max_iterations)
        with observation_ending(self._observation):
            while True:
                async with self._request() as item:
                    yield item
                    message = await self._get_last_message()
                self._iteration_count += 1
                if self._should_stop():
                    return
                response = None if self._messages_modified else await self.generate_tool_call_response()
                if not self._record_turn(message, response):
                    return

    async def until_done(self) -> ParsedBetaMessage[ResponseFormatT]:
        """Run the remaining turns and return the final assistant message."""
        async for _ in self:
            pass
        return await self._get_last_message()

    async def generate_tool_call_response(self) -> BetaMessageParam | None:
        """Run the requested tools concurrently and return the user message of tool_results, in the order of the
        tool_use blocks (None when no tool was requested). Cached like the sync version."""
        if self._cached_tool_call_response is not None:
            log.debug("Returning cached tool call response.")
            return self._cached_tool_call_response
        blocks = tool_uses(await self._get_last_message() if self._last_message is not None else None)
        if not blocks:
            return None
        results: list[BetaToolResultBlockParam | None] = [None] * len(blocks)

        async def run(index: int, tool_use: BetaToolUseBlock) -> None:
            results[index] = await self._run_tool(tool_use)

        if len(blocks) == 1:
            await run(0, blocks[0])
        else:
            import anyio

            async with anyio.create_task_group() as group:
                for index, block in enumerate(blocks):
                    group.start_soon(run, index, block)
        self._cached_tool_call_response = {"role": "user", "content": [r for r in results if r is not None]}
        return self._cached_tool_call_response

    async def _run_tool(self, tool_use: BetaToolUseBlock) -> BetaToolResultBlockParam:
        observation = start_tool(self._client, self._observation, tool_use)
        error: Exception | None = None
        tool = self._tools_by_name.get(tool_use.name)
        if tool is None:
            result = _unknown(tool_use)
        else:
            try:
                with observation_scope(observation):
                    result = result_from_value(tool_use, await tool.call(tool_use.input))
            except Exception as exc:
                error = exc
                result = error_result(tool_use, exc)
        if observation is not None:
            observation.result(result)
            observation.end(error)
        return result

    async def _get_last_message(self) -> ParsedBetaMessage[ResponseFormatT]:
        if self._last_message is None:
            raise RuntimeError("The tool runner has not made a request yet")
        return await self._last_message()


class BetaAsyncToolRunner(_AsyncToolLoop["ParsedBetaMessage[ResponseFormatT]", ResponseFormatT]):
    """Async tool runner yielding each assistant message."""

    @override
    @asynccontextmanager
    async def _request(self) -> AsyncGenerator[ParsedBetaMessage[ResponseFormatT], None]:
        with observation_scope(self._observation):
            message = await self._client.beta.messages.parse(**cast(Any, self._params), **self._options)

        async def last() -> ParsedBetaMessage[ResponseFormatT]:
            return message

        self._last_message = last
        yield message


class BetaAsyncStreamingToolRunner(_AsyncToolLoop["BetaAsyncMessageStream[ResponseFormatT]", ResponseFormatT]):
    """Async tool runner yielding a `BetaAsyncMessageStream` per turn."""

    @override
    @asynccontextmanager
    async def _request(self) -> AsyncGenerator[BetaAsyncMessageStream[ResponseFormatT], None]:
        async with AsyncExitStack() as stack:
            with observation_scope(self._observation):  # the request starts here; the scope never spans the yield
                stream = await stack.enter_async_context(
                    self._client.beta.messages.stream(**cast(Any, self._params), **self._options)
                )
            self._last_message = stream.get_final_message
            yield stream
