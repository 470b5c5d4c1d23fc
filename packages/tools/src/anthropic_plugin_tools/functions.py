"""Function tools: `@beta_tool` / `@beta_async_tool` and the abstract built-in tool classes.

A function tool is a Python function plus the JSON description the API needs (name, description, input schema),
derived from its signature and docstring. `call(input)` validates the model's input against the signature before
running the function, so a malformed `tool_use` becomes a clear `ValueError` instead of a `TypeError` deep inside.
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable, Coroutine, Iterable, Mapping
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, Union, cast, overload

import docstring_parser
import pydantic
from typing_extensions import TypeAlias

from anthropic.types.beta.beta_tool_result_block_param import Content as BetaContent

from ._schema import describe_function, function_schema

if TYPE_CHECKING:
    from anthropic.types.beta import BetaToolUnionParam
    from anthropic.types.tool_param import InputSchema, ToolParam

__all__ = [
    "BetaAsyncBuiltinFunctionTool",
    "BetaAsyncFunctionTool",
    "BetaAsyncRunnableTool",
    "BetaBuiltinFunctionTool",
    "BetaFunctionTool",
    "BetaFunctionToolResultType",
    "BetaRunnableTool",
    "beta_async_tool",
    "beta_tool",
]

BetaFunctionToolResultType: TypeAlias = Union[str, Iterable[BetaContent]]
"""What a tool returns: text, or content blocks (text, image, search result, document) for the tool_result."""

Function = Callable[..., BetaFunctionToolResultType]
AsyncFunction = Callable[..., Coroutine[Any, Any, BetaFunctionToolResultType]]
FunctionT = TypeVar("FunctionT", bound=Function)
AsyncFunctionT = TypeVar("AsyncFunctionT", bound=AsyncFunction)
CallableT = TypeVar("CallableT", bound=Callable[..., Any])


class BetaBuiltinFunctionTool(ABC):
    """A tool the runner can execute whose API description is not a plain function schema (e.g. the memory tool)."""

    @abstractmethod
    def to_dict(self) -> BetaToolUnionParam: ...

    @abstractmethod
    def call(self, input: object) -> BetaFunctionToolResultType: ...

    @property
    def name(self) -> str:
        return cast(Mapping[str, Any], self.to_dict())["name"]


class BetaAsyncBuiltinFunctionTool(ABC):
    """Async twin of `BetaBuiltinFunctionTool`: `call` is a coroutine."""

    @abstractmethod
    def to_dict(self) -> BetaToolUnionParam: ...

    @abstractmethod
    async def call(self, input: object) -> BetaFunctionToolResultType: ...

    @property
    def name(self) -> str:
        return cast(Mapping[str, Any], self.to_dict())["name"]


class _FunctionTool(Generic[CallableT]):
    """What sync and async function tools share: the description sent to the API and argument validation."""

    func: CallableT
    """The decorated function; calling the tool object calls it directly."""
    name: str
    """The tool name sent to the API (the function name unless given)."""
    description: str
    input_schema: InputSchema

    def __init__(
        self,
        func: CallableT,
        *,
        name: str | None = None,
        description: str | None = None,
        input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
    ) -> None:
        self.func = func
        self._validated: Callable[..., Any] = pydantic.validate_call(func)
        self.name = name or func.__name__
        self.description = description or describe_function(self._docstring)
        if input_schema is None:
            self.input_schema = function_schema(self._validated, self._docstring)
        elif isinstance(input_schema, type):
            self.input_schema = input_schema.model_json_schema()
        else:
            self.input_schema = input_schema

    @property
    def __call__(self) -> CallableT:
        return self.func

    @cached_property
    def _docstring(self) -> docstring_parser.Docstring:
        return docstring_parser.parse(self.func.__doc__ or "")

    def to_dict(self) -> ToolParam:
        return {"name": self.name, "description": self.description, "input_schema": self.input_schema}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, func={self.func!r})"

    def _arguments(self, input: object) -> dict[str, Any]:
        if not isinstance(input, dict):
            raise TypeError(f"Input must be a dictionary, got {type(input).__name__}")
        return cast(dict[str, Any], input)

    def _invalid_arguments(self, exc: pydantic.ValidationError) -> Exception:
        """A ValidationError from checking the arguments becomes a ValueError that says what was wrong.

        A ValidationError raised *inside* the function body is the function's own failure and is kept as is.
        """
        if _raised_inside(exc.__traceback__, self.func):
            return exc
        problems: list[str] = []
        for error in exc.errors(include_url=False):
            where = ".".join(str(part) for part in error["loc"])
            problems.append(f"{where}: {error['msg']}" if where else error["msg"])
        return ValueError(f"Invalid arguments for function {self.name}: {'; '.join(problems)}")


class BetaFunctionTool(_FunctionTool[FunctionT]):
    """A synchronous function exposed as a tool (see `beta_tool`)."""

    def call(self, input: object) -> BetaFunctionToolResultType:
        """Validate `input` (the `tool_use` block's input) against the signature and run the function."""
        if inspect.iscoroutinefunction(self.func):
            raise RuntimeError(
                f"Tool {self.name!r} is a coroutine function and cannot be called synchronously; "
                "decorate it with `@beta_async_tool` and use the async client"
            )
        arguments = self._arguments(input)
        try:
            return self._validated(**arguments)
        except pydantic.ValidationError as exc:
            raise self._invalid_arguments(exc) from exc


class BetaAsyncFunctionTool(_FunctionTool[AsyncFunctionT]):
    """A coroutine function exposed as a tool (see `beta_async_tool`)."""

    async def call(self, input: object) -> BetaFunctionToolResultType:
        """Validate `input` against the signature and await the function."""
        if not inspect.iscoroutinefunction(self.func):
            raise RuntimeError(
                f"Tool {self.name!r} is a synchronous function and cannot be awaited; decorate it with `@beta_tool`"
            )
        arguments = self._arguments(input)
        try:
            return await self._validated(**arguments)
        except pydantic.ValidationError as exc:
            raise self._invalid_arguments(exc) from exc


def _raised_inside(tb: TracebackType | None, func: Callable[..., Any]) -> bool:
    code = getattr(inspect.unwrap(func), "__code__", None)
    while tb is not None:
        if tb.tb_frame.f_code is code:
            return True
        tb = tb.tb_next
    return False


@overload
def beta_tool(func: FunctionT) -> BetaFunctionTool[FunctionT]: ...
@overload
def beta_tool(
    func: FunctionT,
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> BetaFunctionTool[FunctionT]: ...
@overload
def beta_tool(
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> Callable[[FunctionT], BetaFunctionTool[FunctionT]]: ...
def beta_tool(
    func: FunctionT | None = None,
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> BetaFunctionTool[FunctionT] | Callable[[FunctionT], BetaFunctionTool[FunctionT]]:
    """Turn a function into a tool: `@beta_tool`, `@beta_tool()` or `@beta_tool(name=..., description=...)`.

    The input schema comes from the signature (pydantic types) with parameter descriptions from the docstring
    (Google, NumPy, Sphinx or Epydoc style); the description is the docstring's summary and body.
    """

    def make(f: FunctionT) -> BetaFunctionTool[FunctionT]:
        return BetaFunctionTool(f, name=name, description=description, input_schema=input_schema)

    return make if func is None else make(func)


@overload
def beta_async_tool(func: AsyncFunctionT) -> BetaAsyncFunctionTool[AsyncFunctionT]: ...
@overload
def beta_async_tool(
    func: AsyncFunctionT,
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> BetaAsyncFunctionTool[AsyncFunctionT]: ...
@overload
def beta_async_tool(
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> Callable[[AsyncFunctionT], BetaAsyncFunctionTool[AsyncFunctionT]]: ...
def beta_async_tool(
    func: AsyncFunctionT | None = None,
    *,
    name: str | None = None,
    description: str | None = None,
    input_schema: InputSchema | type[pydantic.BaseModel] | None = None,
) -> BetaAsyncFunctionTool[AsyncFunctionT] | Callable[[AsyncFunctionT], BetaAsyncFunctionTool[AsyncFunctionT]]:
    """`beta_tool` for coroutine functions; the tools run on the async client's runner, concurrently per turn."""

    def make(f: AsyncFunctionT) -> BetaAsyncFunctionTool[AsyncFunctionT]:
        return BetaAsyncFunctionTool(f, name=name, description=description, input_schema=input_schema)

    return make if func is None else make(func)


BetaRunnableTool = Union[BetaFunctionTool[Any], BetaBuiltinFunctionTool]
BetaAsyncRunnableTool = Union[BetaAsyncFunctionTool[Any], BetaAsyncBuiltinFunctionTool]
