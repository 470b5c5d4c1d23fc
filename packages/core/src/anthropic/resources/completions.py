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
from ._helpers import REQUIRED, check_required

if TYPE_CHECKING:
    from .._streaming import AsyncStream, Stream
    from .._types import Headers, Query, Timeout
    from ..types import AnthropicBetaParam, Completion, MetadataParam, ModelParam
    from ..types._common import SequenceNotStr

__all__ = [
    "AsyncCompletions",
    "AsyncCompletionsWithRawResponse",
    "AsyncCompletionsWithStreamingResponse",
    "Completions",
    "CompletionsWithRawResponse",
    "CompletionsWithStreamingResponse",
]

_REQUIRED = ("max_tokens_to_sample", "model", "prompt")


class _Completions(APIResource):
    _resource_key: ClassVar[str] = "completions"

    @endpoint
    def create(
        self,
        *,
        max_tokens_to_sample: int = REQUIRED,
        model: ModelParam = REQUIRED,
        prompt: str = REQUIRED,
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
        check_required(body, _REQUIRED)
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
    pass


class AsyncCompletionsWithRawResponse(_Completions, AsyncRawResource):
    pass


class CompletionsWithStreamingResponse(_Completions, SyncStreamingResource):
    pass


class AsyncCompletionsWithStreamingResponse(_Completions, AsyncStreamingResource):
    pass


class Completions(_Completions, SyncAPIResource):
    with_raw_response = view(CompletionsWithRawResponse)
    with_streaming_response = view(CompletionsWithStreamingResponse)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        def create(self, *, stream: Literal[False] | Omit = omit, **params: Any) -> Completion: ...
        @overload
        def create(self, *, stream: Literal[True], **params: Any) -> Stream[Completion]: ...
        @overload
        def create(self, *, stream: bool, **params: Any) -> Completion | Stream[Completion]: ...
        def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]


class AsyncCompletions(_Completions, AsyncAPIResource):
    with_raw_response = view(AsyncCompletionsWithRawResponse)
    with_streaming_response = view(AsyncCompletionsWithStreamingResponse)

    if TYPE_CHECKING:

        @overload  # pyright: ignore[reportIncompatibleVariableOverride]
        async def create(self, *, stream: Literal[False] | Omit = omit, **params: Any) -> Completion: ...
        @overload
        async def create(self, *, stream: Literal[True], **params: Any) -> AsyncStream[Completion]: ...
        @overload
        async def create(self, *, stream: bool, **params: Any) -> Completion | AsyncStream[Completion]: ...
        async def create(self, **params: Any) -> Any: ...  # pyright: ignore[reportIncompatibleVariableOverride]
