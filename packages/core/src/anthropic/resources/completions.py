"""`client.completions`: the legacy Text Completions API, POST /v1/complete (SSE event `completion` when streamed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, List, Literal, overload

from .._constants import DEFAULT_TIMEOUT
from .._request import APIRequest, beta_header, strip_omitted
from .._resource import (
    APIResource,
    AsyncAPIResource,
    AsyncRawResource,
    AsyncStreamingResource,
    SyncAPIResource,
    SyncRawResource,
    SyncStreamingResource,
    endpoint,
    view,
)
from .._types import NOT_GIVEN, NotGiven, Omit, omit
from ._helpers import required_args

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager, AbstractContextManager

    from typing_extensions import Unpack

    from .._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
    from .._streaming import AsyncStream, Stream
    from .._types import Headers, Query, SequenceNotStr, Timeout
    from ..types import AnthropicBetaParam, Completion, MetadataParam, ModelParam
    from ..types._completions import CompletionCreateParamsBase

    class _CreateKwargs(CompletionCreateParamsBase, total=False):
        """The keyword arguments of `create` besides `stream`: the API params and the per-call options."""

        extra_headers: Headers | None
        extra_query: Query | None
        extra_body: object | None
        timeout: Timeout | NotGiven


__all__ = ["Completions", "AsyncCompletions"]

_REQUIRED = ("max_tokens_to_sample", "model", "prompt")


class _Completions(APIResource):
    _resource_key: ClassVar[str] = "completions"

    @endpoint
    @required_args(*_REQUIRED)
    def create(
        self,
        *,
        max_tokens_to_sample: int,
        model: ModelParam,
        prompt: str,
        metadata: MetadataParam | Omit = omit,
        stop_sequences: SequenceNotStr[str] | Omit = omit,
        stream: bool | Omit = omit,
        temperature: float | Omit = omit,
        top_k: int | Omit = omit,
        top_p: float | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[Completion]:
        """Complete a `\\n\\nHuman: ...\\n\\nAssistant:` prompt (legacy; prefer the Messages API)."""
        from ..types import Completion

        body: dict[str, object] = {
            "max_tokens_to_sample": max_tokens_to_sample,
            "model": model,
            "prompt": prompt,
            "metadata": metadata,
            "stop_sequences": stop_sequences,
            "stream": stream,
            "temperature": temperature,
            "top_k": top_k,
            "top_p": top_p,
        }
        if isinstance(timeout, NotGiven) and self._client.timeout == DEFAULT_TIMEOUT:
            # 0.74.0 gives every completion ten minutes when the client keeps its default timeout.
            timeout = 600
        return APIRequest(
            "POST",
            "/v1/complete",
            Completion,
            endpoint="completions.create",
            body=strip_omitted(body),
            headers=beta_header(betas),
            stream=stream is True,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class CompletionsWithRawResponse(_Completions, SyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Completion]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Stream[Completion]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Completion | Stream[Completion]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncCompletionsWithRawResponse(_Completions, AsyncRawResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Completion]: ...
        @overload
        async def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[AsyncStream[Completion]]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> LegacyAPIResponse[Completion | AsyncStream[Completion]]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class CompletionsWithStreamingResponse(_Completions, SyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Completion]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Stream[Completion]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractContextManager[APIResponse[Completion | Stream[Completion]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncCompletionsWithStreamingResponse(_Completions, AsyncStreamingResource):
    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[Completion]]: ...
        @overload
        def create(  # pyright: ignore[reportOverlappingOverload]
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[AsyncStream[Completion]]]: ...
        @overload
        def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> AbstractAsyncContextManager[AsyncAPIResponse[Completion | AsyncStream[Completion]]]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class Completions(_Completions, SyncAPIResource):
    with_raw_response = view(CompletionsWithRawResponse)
    with_streaming_response = view(CompletionsWithStreamingResponse)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]) -> Completion: ...
        @overload
        def create(self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]) -> Stream[Completion]: ...
        @overload
        def create(self, *, stream: bool, **params: Unpack[_CreateKwargs]) -> Completion | Stream[Completion]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncCompletions(_Completions, AsyncAPIResource):
    with_raw_response = view(AsyncCompletionsWithRawResponse)
    with_streaming_response = view(AsyncCompletionsWithStreamingResponse)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(
            self, *, stream: Literal[False] | Omit = omit, **params: Unpack[_CreateKwargs]
        ) -> Completion: ...
        @overload
        async def create(
            self, *, stream: Literal[True], **params: Unpack[_CreateKwargs]
        ) -> AsyncStream[Completion]: ...
        @overload
        async def create(
            self, *, stream: bool, **params: Unpack[_CreateKwargs]
        ) -> Completion | AsyncStream[Completion]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic import AsyncStream as AsyncStream
    from anthropic import Stream as Stream
    from anthropic._types import not_given as not_given
    from anthropic.types import completion_create_params as completion_create_params
    from anthropic.types._completions import Completion as Completion
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types._models_api import ModelParam as ModelParam
    from anthropic.types._params import MetadataParam as MetadataParam

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AsyncStream": "anthropic:AsyncStream",
    "Completion": "anthropic.types._completions:Completion",
    "MetadataParam": "anthropic.types._params:MetadataParam",
    "ModelParam": "anthropic.types._models_api:ModelParam",
    "Stream": "anthropic:Stream",
    "completion_create_params": "anthropic.types.completion_create_params:",
    "not_given": "anthropic._types:not_given",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
