"""Declarative resources: each endpoint is written once and served sync, async, raw and streaming.

An endpoint is a function that turns the caller's arguments into an `APIRequest` (no I/O). The `endpoint`
decorator makes it a descriptor; what a call returns depends on the resource's *mode* class it is read from:

| mode class                | call returns                                   |
|---------------------------|------------------------------------------------|
| `SyncAPIResource`         | the parsed model                               |
| `AsyncAPIResource`        | an awaitable of the parsed model               |
| `SyncRawResource`         | `LegacyAPIResponse[T]` (`.with_raw_response`)   |
| `AsyncRawResource`        | awaitable of `LegacyAPIResponse[T]`             |
| `SyncStreamingResource`   | context manager of `APIResponse[T]`             |
| `AsyncStreamingResource`  | async context manager of `AsyncAPIResponse[T]`  |

A resource is one base class with the endpoints plus one-line subclasses per mode, so type checkers see exact
signatures everywhere and there is no sync/async copy of any logic. Plugins add methods (e.g. `tool_runner`)
through the `extend_resources` hook; `__getattr__` serves them.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Coroutine
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, overload

from typing_extensions import Concatenate, ParamSpec, Self

from ._request import APIRequest

if TYPE_CHECKING:
    from ._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse

__all__ = [
    "APIResource",
    "AsyncMode",
    "AsyncRawMode",
    "AsyncStreamingMode",
    "SyncMode",
    "SyncRawMode",
    "SyncStreamingMode",
    "AsyncAPIResource",
    "AsyncRawResource",
    "AsyncStreamingResource",
    "SyncAPIResource",
    "SyncRawResource",
    "SyncStreamingResource",
    "endpoint",
    "subresource",
    "view",
]

_P = ParamSpec("_P")
_T = TypeVar("_T")
_R = TypeVar("_R")

Mode = Literal["sync", "async", "sync_raw", "async_raw", "sync_streaming", "async_streaming"]


class SyncMode:
    """Marks objects (resources, clients, views) whose endpoints return parsed values."""

    _mode: ClassVar[Mode] = "sync"


class AsyncMode:
    _mode: ClassVar[Mode] = "async"


class SyncRawMode:
    _mode: ClassVar[Mode] = "sync_raw"


class AsyncRawMode:
    _mode: ClassVar[Mode] = "async_raw"


class SyncStreamingMode:
    _mode: ClassVar[Mode] = "sync_streaming"


class AsyncStreamingMode:
    _mode: ClassVar[Mode] = "async_streaming"


class APIResource:
    """A group of endpoints bound to a client; `_resource_key` names it for plugin extensions."""

    _resource_key: ClassVar[str] = ""
    _mode: ClassVar[Mode]

    def __init__(self, client: Any) -> None:
        self._client = client

    @property
    def _api_client(self) -> Any:
        return self._client

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        from ._plugins.host import get_host

        extension = get_host().resource_extension(self._resource_key, name, self._mode)
        if extension is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = extension(self)
        self.__dict__[name] = value
        return value

    def __dir__(self) -> list[str]:
        from ._plugins.host import get_host

        return sorted({*super().__dir__(), *get_host().resource_extension_names(self._resource_key)})


class SyncAPIResource(SyncMode, APIResource):

    def _execute(self, request: APIRequest[_T]) -> _T:
        return self._client._request(request)


class AsyncAPIResource(AsyncMode, APIResource):

    async def _execute(self, request: APIRequest[_T]) -> _T:
        return await self._client._request(request)


class SyncRawResource(SyncRawMode, APIResource):

    def _execute(self, request: APIRequest[_T]) -> LegacyAPIResponse[_T]:
        return self._client._request_raw(request)


class AsyncRawResource(AsyncRawMode, APIResource):

    async def _execute(self, request: APIRequest[_T]) -> LegacyAPIResponse[_T]:
        return await self._client._request_raw(request)


class SyncStreamingResource(SyncStreamingMode, APIResource):

    def _execute(self, request: APIRequest[_T]) -> AbstractContextManager[APIResponse[_T]]:
        return self._client._request_streaming(request)


class AsyncStreamingResource(AsyncStreamingMode, APIResource):

    def _execute(self, request: APIRequest[_T]) -> AbstractAsyncContextManager[AsyncAPIResponse[_T]]:
        return self._client._request_streaming(request)


class endpoint(Generic[_P, _T]):
    """Decorator: a function building an `APIRequest[T]` becomes a method of every mode, typed per mode."""

    def __init__(self, build: Callable[Concatenate[Any, _P], APIRequest[_T]]) -> None:
        self._build = build
        self._name = build.__name__
        functools.update_wrapper(self, build)  # pyright: ignore[reportArgumentType]

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncAPIResource, owner: type) -> Callable[_P, _T]: ...
    @overload
    def __get__(self, obj: AsyncAPIResource, owner: type) -> Callable[_P, Coroutine[Any, Any, _T]]: ...
    @overload
    def __get__(self, obj: SyncRawResource, owner: type) -> Callable[_P, LegacyAPIResponse[_T]]: ...
    @overload
    def __get__(
        self, obj: AsyncRawResource, owner: type
    ) -> Callable[_P, Coroutine[Any, Any, LegacyAPIResponse[_T]]]: ...
    @overload
    def __get__(
        self, obj: SyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractContextManager[APIResponse[_T]]]: ...
    @overload
    def __get__(
        self, obj: AsyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractAsyncContextManager[AsyncAPIResponse[_T]]]: ...
    def __get__(self, obj: APIResource | None, owner: type) -> Any:
        if obj is None:
            return self
        bound = _bind(self._build, obj)
        obj.__dict__[self._name] = bound
        return bound


@functools.cache
def public_signature(build: Callable[..., Any]) -> inspect.Signature:
    """What `inspect.signature` shows for a bound endpoint: the builder's parameters without `self`, and no
    `APIRequest` return annotation (the return depends on the mode)."""
    sig = inspect.signature(build)
    params = list(sig.parameters.values())[1:]
    return sig.replace(parameters=params, return_annotation=inspect.Signature.empty)


def _bind(build: Callable[..., APIRequest[Any]], obj: APIResource) -> Callable[..., Any]:
    execute: Callable[[APIRequest[Any]], Any] = obj._execute  # type: ignore[attr-defined]
    if obj._mode == "async" or obj._mode == "async_raw":

        @functools.wraps(build)
        async def call_async(*args: Any, **kwargs: Any) -> Any:
            return await execute(build(obj, *args, **kwargs))

        call_async.__signature__ = public_signature(build)  # type: ignore[attr-defined]
        return call_async

    @functools.wraps(build)
    def call(*args: Any, **kwargs: Any) -> Any:
        return execute(build(obj, *args, **kwargs))

    call.__signature__ = public_signature(build)  # type: ignore[attr-defined]
    return call


_S = TypeVar("_S")
_A = TypeVar("_A")
_SR = TypeVar("_SR")
_AR = TypeVar("_AR")
_SS = TypeVar("_SS")
_AS = TypeVar("_AS")


_SUFFIXES: dict[str, str] = {
    "sync": "{}",
    "async": "Async{}",
    "sync_raw": "{}WithRawResponse",
    "async_raw": "Async{}WithRawResponse",
    "sync_streaming": "{}WithStreamingResponse",
    "async_streaming": "Async{}WithStreamingResponse",
}


class subresource(Generic[_S, _A, _SR, _AR, _SS, _AS]):
    """A nested resource (`client.messages`, `messages.batches`) imported and built on first access.

    `subresource("anthropic.resources.models", "Models")` serves `Models`, `AsyncModels`, `ModelsWithRawResponse`,
    `AsyncModelsWithRawResponse`, `ModelsWithStreamingResponse` or `AsyncModelsWithStreamingResponse` depending on
    the mode of the object it is read from. Declare it as
    `models: ClassVar[subresource[Models, AsyncModels, ...]] = subresource(...)` so type checkers see each class.
    """

    def __init__(self, module: str, name: str) -> None:
        self._module = module
        self._base_name = name
        self._name = ""
        self._classes: dict[str, Any] = {}

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _class_for(self, mode: str) -> Any:
        cls = self._classes.get(mode)
        if cls is None:
            import importlib

            module = importlib.import_module(self._module)
            cls = getattr(module, _SUFFIXES[mode].format(self._base_name))
            self._classes[mode] = cls
        return cls

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncMode, owner: type) -> _S: ...
    @overload
    def __get__(self, obj: AsyncMode, owner: type) -> _A: ...
    @overload
    def __get__(self, obj: SyncRawMode, owner: type) -> _SR: ...
    @overload
    def __get__(self, obj: AsyncRawMode, owner: type) -> _AR: ...
    @overload
    def __get__(self, obj: SyncStreamingMode, owner: type) -> _SS: ...
    @overload
    def __get__(self, obj: AsyncStreamingMode, owner: type) -> _AS: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        value = self._class_for(obj._mode)(obj._api_client)
        obj.__dict__[self._name] = value
        return value


class view(Generic[_R]):
    """`with_raw_response` / `with_streaming_response` of a resource: the same endpoints in another mode."""

    def __init__(self, cls: type[_R]) -> None:
        self._cls = cls
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: object, owner: type) -> _R: ...
    def __get__(self, obj: object | None, owner: type) -> Any:
        if obj is None:
            return self
        value = self._cls(obj._api_client)  # type: ignore[attr-defined, call-arg]
        obj.__dict__[self._name] = value  # type: ignore[attr-defined]
        return value
