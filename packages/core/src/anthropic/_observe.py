"""Observers: what plugins (tracing, metrics, logging) see of each API call, at no cost when none is installed.

A plugin returns `Observer`s from the `client_observers` hook; the client asks each of them to `start` an
`Observation` per API call and reports the call's life to it: every HTTP attempt (so retries are visible), the
successful response, the parsed result or each streamed event, and the end. Operations nest: the tool runner opens
one per run and per tool call, and the calls made inside `observation_scope(run)` get it as their parent.

An observer never changes a call: its errors are logged (logger `anthropic.plugins`) and swallowed.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import AsyncGenerator, Generator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from ._request import APIRequest

__all__ = [
    "Attempt",
    "Observation",
    "Observer",
    "Operation",
    "observation_ending",
    "observation_scope",
    "observe",
]

_log = logging.getLogger("anthropic.plugins")


@dataclass(slots=True)
class Operation:
    """One API call (or a higher-level operation such as a tool-runner run), as observers see it.

    - `name`: the method's endpoint name, the same on every platform: `messages.create`, `messages.count_tokens`,
      `beta.messages.create`, `messages.batches.retrieve`, `models.list`...; the tool runner uses
      `beta.messages.tool_runner` (one run) and `beta.messages.tool_runner.tool` (one tool call).
    - `method`, `path`: the API request before any platform rewrite (`POST`, `/v1/messages`); empty for an operation
      that is not one HTTP request.
    - `body`: the JSON body the caller asked for (`extra_body` merged), or other details of a non-HTTP operation.
      It may hold message content: record it only when the user opted in.
    - `stream`: the response is a stream of events.
    - `parent`: the observation of the enclosing operation from the same observer, or None.
    """

    name: str
    method: str = ""
    path: str = ""
    body: Mapping[str, object] | None = None
    stream: bool = False
    parent: Observation | None = None


@dataclass(slots=True)
class Attempt:
    """How one HTTP attempt of a call ended.

    `number` counts from 1; `status_code` is None when no response arrived (connection error, timeout), then `error`
    is the transport's exception; `retry_delay` is the wait in seconds before the next attempt, None when this attempt
    was the last one (the call then succeeds or raises); `url` is where the attempt went, after the platform's
    rewrites (a Bedrock or Vertex URL), without credentials.
    """

    number: int
    status_code: int | None = None
    error: BaseException | None = None
    retry_delay: float | None = None
    url: str | None = None


class Observation:
    """What an observer keeps for one operation; override the methods you need (each default does nothing).

    Order: `attempt` for each HTTP attempt, `response` once the successful HTTP response has arrived (headers
    only for streams), then `result` (the parsed value) or `event` for each streamed event, and `end` exactly once:
    with the exception that ended the call, or None (for a stream: finished, or closed early by the caller).
    """

    def activate(self) -> AbstractContextManager[object] | None:
        """A context entered while the call's HTTP attempts are sent, e.g. to make a tracing span current so the
        spans of an instrumented HTTP library become its children; None (the default) for nothing. Entered and
        exited in the same thread or task; a stream's events are read outside it."""
        return None

    def attempt(self, attempt: Attempt) -> None:
        """An HTTP attempt ended (`attempt.retry_delay` is set when the call will be retried)."""

    def response(self, response: httpx.Response) -> None:
        """The successful HTTP response arrived (for a stream, before its body is read)."""

    def result(self, value: object) -> None:
        """The parsed value of a call that does not stream (a `Message`, a page, a token count...)."""

    def event(self, event: object) -> None:
        """One parsed event of a streamed response, in order."""

    def end(self, error: BaseException | None) -> None:
        """The operation is over: `error` is what it raised, or None."""


class Observer:
    """Starts an `Observation` per operation of one client; returned by the `client_observers` hook."""

    def start(self, operation: Operation) -> Observation | None:
        """Begin observing `operation`; return None to leave it alone."""
        raise NotImplementedError


_current: contextvars.ContextVar[_Observations | None] = contextvars.ContextVar("anthropic_observation", default=None)


class _Observations(Observation):
    """The observations of every observer of a client for one operation; observer errors never reach the call."""

    __slots__ = ("_ended", "parts")

    def __init__(self, parts: list[tuple[Observer, Observation]]) -> None:
        self.parts = parts
        self._ended = False

    def activate(self) -> AbstractContextManager[object] | None:
        contexts: list[AbstractContextManager[object]] = []
        for observer, part in self.parts:
            try:
                context = part.activate()
            except Exception:
                _failed(observer, "activate")
                continue
            if context is not None:
                contexts.append(context)
        if not contexts:
            return None
        return _Active(contexts)

    def attempt(self, attempt: Attempt) -> None:
        self._each("attempt", attempt)

    def response(self, response: httpx.Response) -> None:
        self._each("response", response)

    def result(self, value: object) -> None:
        self._each("result", value)

    def event(self, event: object) -> None:
        self._each("event", event)

    def _each(self, method: str, value: object) -> None:
        for observer, part in self.parts:
            try:
                getattr(part, method)(value)
            except Exception:
                _failed(observer, method)

    def end(self, error: BaseException | None) -> None:
        if self._ended:
            return
        self._ended = True
        for observer, part in self.parts:
            try:
                part.end(error)
            except Exception:
                _failed(observer, "end")

    def part_for(self, observer: Observer) -> Observation | None:
        """This operation's observation by `observer` (or by an observer of its class, for a client's copies)."""
        for candidate, part in self.parts:
            if candidate is observer:
                return part
        for candidate, part in self.parts:
            if type(candidate) is type(observer):
                return part
        return None


class _Active:
    """The observers' contexts around the sending of one call, entered in order and exited in reverse."""

    __slots__ = ("contexts", "entered")

    def __init__(self, contexts: list[AbstractContextManager[object]]) -> None:
        self.contexts = contexts
        self.entered: list[AbstractContextManager[object]] = []

    def __enter__(self) -> None:
        for context in self.contexts:
            try:
                context.__enter__()
            except Exception:
                _log.warning("an observer's activate() context failed to enter; the API call goes on", exc_info=True)
                continue
            self.entered.append(context)

    def __exit__(self, *exc_info: object) -> None:
        while self.entered:
            context = self.entered.pop()
            try:
                context.__exit__(None, None, None)
            except Exception:
                _log.warning("an observer's activate() context failed to exit; the API call goes on", exc_info=True)


def activated(observation: _Observations | None) -> AbstractContextManager[object]:
    """What the client enters around sending an observed call (nothing for None)."""
    active = None if observation is None else observation.activate()
    return contextlib.nullcontext() if active is None else active


def _failed(observer: Observer, method: str) -> None:
    _log.warning("observer %s failed in %s(); the API call goes on", type(observer).__qualname__, method, exc_info=True)


def start_operation(observers: Sequence[Observer], operation: Operation) -> _Observations | None:
    """Start `operation` with each observer; None when none of them observes it."""
    parent = _current.get()
    parts: list[tuple[Observer, Observation]] = []
    for observer in observers:
        op = operation
        if parent is not None:
            parent_part = parent.part_for(observer)
            if parent_part is not None:
                op = replace(operation, parent=parent_part)
        try:
            observation = observer.start(op)
        except Exception:
            _failed(observer, "start")
            continue
        if observation is not None:
            parts.append((observer, observation))
    return _Observations(parts) if parts else None


def start_request(observers: Sequence[Observer], request: APIRequest[Any]) -> _Observations | None:
    """Start observing one API call (the client calls this only when it has observers)."""
    body = request.json_body()
    operation = Operation(
        name=request.endpoint,
        method=request.method,
        path=request.path,
        body=body if isinstance(body, Mapping) else None,  # pyright: ignore[reportUnknownArgumentType]
        stream=request.stream,
    )
    return start_operation(observers, operation)


def observe(client: object, operation: Operation) -> Observation | None:
    """Start observing an operation of `client` that the core does not see as one API call (a tool-runner run, a tool
    call); None when the client has no observer. Call `end()` on the result when the operation is over, and run the
    API calls that belong to it inside `observation_scope(result)`."""
    platform = getattr(client, "_platform", None)
    observers: Sequence[Observer] = getattr(platform, "observers", ())
    if not observers:
        return None
    return start_operation(observers, operation)


@contextlib.contextmanager
def observation_scope(observation: Observation | None) -> Generator[None, None, None]:
    """Operations started inside this block get `observation` as their parent (no-op for None).

    Enter it around the calls themselves, not across a `yield` of a generator: the scope is a context variable.
    """
    if observation is None or not isinstance(observation, _Observations):
        yield
        return
    token = _current.set(observation)
    try:
        yield
    finally:
        _current.reset(token)


@contextlib.contextmanager
def observation_ending(observation: Observation | None) -> Generator[None, None, None]:
    """Ends `observation` when the block is left (no-op for None): with the exception that left it, or None. A
    generator closed early by its consumer (`GeneratorExit`) ends normally. It may span a generator's `yield`s."""
    error: BaseException | None = None
    try:
        yield
    except GeneratorExit:
        raise
    except BaseException as exc:
        error = exc
        raise
    finally:
        if observation is not None:
            observation.end(error)


def observed_items(items: Generator[Any, None, None], observation: Observation) -> Generator[Any, None, None]:
    """Stream items passed through, each reported as an event; the end of the iteration ends the observation."""
    with observation_ending(observation):
        try:
            for item in items:
                observation.event(item)
                yield item
        finally:
            items.close()


async def async_observed_items(items: AsyncGenerator[Any, None], observation: Observation) -> AsyncGenerator[Any, None]:
    """`observed_items` for async streams."""
    with observation_ending(observation):
        try:
            async for item in items:
                observation.event(item)
                yield item
        finally:
            await items.aclose()
