"""`client.beta.messages.batches`: Message Batches with beta features (`message-batches-2024-09-24`).

Same endpoints as `client.messages.batches` (whose request builders this reuses) plus `betas` and `Beta*` types.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Any, ClassVar, List

from ...._request import APIRequest
from ...._resource import (
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
from ...._types import NOT_GIVEN, NotGiven, Omit, omit
from ..._endpoints import DualRequest, PageRequest, paginated, stepwise
from ...messages.batches import BETA, batch_request, create_request, list_request, options_of, results_steps

if TYPE_CHECKING:
    from ...._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder
    from ...._types import Headers, Query, Timeout
    from ....pagination import AsyncPage, SyncPage
    from ....types import AnthropicBetaParam
    from ....types.beta.messages import BetaDeletedMessageBatch, BetaMessageBatch, BetaMessageBatchIndividualResponse
    from ....types.beta.messages.batch_create_params import Request

__all__ = ["Batches", "AsyncBatches"]


class _Batches(APIResource):
    _resource_key: ClassVar[str] = "beta.messages.batches"

    @endpoint
    def create(
        self,
        *,
        requests: Iterable[Request],
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaMessageBatch]:
        """Send a batch of Message creation requests, processed asynchronously within 24 hours."""
        return create_request(BETA, requests, betas, options_of(extra_headers, extra_query, extra_body, timeout))

    @endpoint
    def retrieve(
        self,
        message_batch_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaMessageBatch]:
        """One batch (poll it until `processing_status` is "ended")."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(BETA, "GET", "retrieve", message_batch_id, betas, options)

    @paginated
    def list(
        self,
        *,
        after_id: str | Omit = omit,
        before_id: str | Omit = omit,
        limit: int | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> PageRequest[BetaMessageBatch, SyncPage[BetaMessageBatch], AsyncPage[BetaMessageBatch]]:
        """Every batch of the workspace, most recent first."""
        query: dict[str, object] = {"after_id": after_id, "before_id": before_id, "limit": limit}
        return list_request(self, BETA, query, betas, options_of(extra_headers, extra_query, extra_body, timeout))

    @endpoint
    def delete(
        self,
        message_batch_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaDeletedMessageBatch]:
        """Delete a batch that has finished processing (cancel it first if it is still running)."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(BETA, "DELETE", "delete", message_batch_id, betas, options)

    @endpoint
    def cancel(
        self,
        message_batch_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaMessageBatch]:
        """Start cancelling a batch; requests already processed keep their results."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(BETA, "POST", "cancel", message_batch_id, betas, options, "/cancel")

    @stepwise
    def results(
        self,
        message_batch_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Generator[
        APIRequest[Any],
        Any,
        DualRequest[
            JSONLDecoder[BetaMessageBatchIndividualResponse], AsyncJSONLDecoder[BetaMessageBatchIndividualResponse]
        ],
    ]:
        """The results of an ended batch, one line per request, streamed (order is not the request order)."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return (yield from results_steps(BETA, message_batch_id, betas, options))


class BatchesWithRawResponse(_Batches, SyncRawResource):
    pass


class AsyncBatchesWithRawResponse(_Batches, AsyncRawResource):
    pass


class BatchesWithStreamingResponse(_Batches, SyncStreamingResource):
    pass


class AsyncBatchesWithStreamingResponse(_Batches, AsyncStreamingResource):
    pass


class Batches(_Batches, SyncAPIResource):
    with_raw_response = view(BatchesWithRawResponse)
    with_streaming_response = view(BatchesWithStreamingResponse)


class AsyncBatches(_Batches, AsyncAPIResource):
    with_raw_response = view(AsyncBatchesWithRawResponse)
    with_streaming_response = view(AsyncBatchesWithStreamingResponse)


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic import AnthropicError as AnthropicError
    from anthropic._types import not_given as not_given
    from anthropic.pagination import AsyncPage as AsyncPage
    from anthropic.pagination import SyncPage as SyncPage
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types.beta.messages import batch_create_params as batch_create_params
    from anthropic.types.beta.messages import batch_list_params as batch_list_params
    from anthropic.types.beta.messages._batches import BetaDeletedMessageBatch as BetaDeletedMessageBatch
    from anthropic.types.beta.messages._batches import BetaMessageBatch as BetaMessageBatch
    from anthropic.types.beta.messages._batches import (
        BetaMessageBatchIndividualResponse as BetaMessageBatchIndividualResponse,
    )

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AnthropicError": "anthropic:AnthropicError",
    "AsyncPage": "anthropic.pagination:AsyncPage",
    "BetaDeletedMessageBatch": "anthropic.types.beta.messages._batches:BetaDeletedMessageBatch",
    "BetaMessageBatch": "anthropic.types.beta.messages._batches:BetaMessageBatch",
    "BetaMessageBatchIndividualResponse": "anthropic.types.beta.messages._batches:BetaMessageBatchIndividualResponse",
    "SyncPage": "anthropic.pagination:SyncPage",
    "batch_create_params": "anthropic.types.beta.messages.batch_create_params:",
    "batch_list_params": "anthropic.types.beta.messages.batch_list_params:",
    "not_given": "anthropic._types:not_given",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
