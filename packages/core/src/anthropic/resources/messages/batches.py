"""`client.messages.batches`: create, retrieve, list, cancel, delete Message Batches and read their results.

The request builders here serve `client.beta.messages.batches` too: the beta flavour only adds `?beta=true`, its
default `anthropic-beta` and the `Beta*` result types.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..._exceptions import AnthropicError
from ..._request import APIRequest, beta_header, path_param
from ..._resource import (
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
from ..._types import NOT_GIVEN, NotGiven, Omit, omit
from .._endpoints import DualRequest, PageRequest, id_page_request, paginated, stepwise

if TYPE_CHECKING:
    from ..._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder
    from ..._types import Headers, Query, Timeout
    from ...pagination import AsyncPage, SyncPage
    from ...types.messages import DeletedMessageBatch, MessageBatch, MessageBatchIndividualResponse
    from ...types.messages.batch_create_params import Request

__all__ = ["Batches", "AsyncBatches"]


@dataclass(frozen=True)
class BatchFlavor:
    """What differs between the batches of `messages` and of `beta.messages`."""

    endpoint: str
    suffix: str
    default_betas: tuple[str, ...]
    types_module: str
    prefix: str

    def types(self) -> Any:
        import importlib

        return importlib.import_module(self.types_module)

    def path(self, tail: str = "") -> str:
        return f"/v1/messages/batches{tail}{self.suffix}"

    def headers(self, betas: Iterable[str] | Omit) -> dict[str, str]:
        return beta_header(betas, *self.default_betas) if self.default_betas else beta_header(betas)


MESSAGES = BatchFlavor("messages.batches", "", (), "anthropic.types.messages", "")
BETA = BatchFlavor(
    "beta.messages.batches", "?beta=true", ("message-batches-2024-09-24",), "anthropic.types.beta.messages", "Beta"
)


def _type(flavor: BatchFlavor, name: str) -> Any:
    return getattr(flavor.types(), flavor.prefix + name)


def _batch_path(flavor: BatchFlavor, batch_id: str, tail: str = "") -> str:
    return flavor.path(f"/{path_param('message_batch_id', batch_id)}{tail}")


def create_request(flavor: BatchFlavor, requests: Iterable[Mapping[str, Any]], betas: Any, options: Any) -> Any:
    return APIRequest(
        "POST",
        flavor.path(),
        _type(flavor, "MessageBatch"),
        endpoint=f"{flavor.endpoint}.create",
        body={"requests": list(requests)},
        headers=flavor.headers(betas),
        **options,
    )


def batch_request(
    flavor: BatchFlavor, method: str, action: str, batch_id: str, betas: Any, options: Any, tail: str = ""
) -> Any:
    cast_to = _type(flavor, "DeletedMessageBatch" if action == "delete" else "MessageBatch")
    return APIRequest(
        method,
        _batch_path(flavor, batch_id, tail),
        cast_to,
        endpoint=f"{flavor.endpoint}.{action}",
        headers=flavor.headers(betas),
        **options,
    )


def list_request(resource: APIResource, flavor: BatchFlavor, query: dict[str, object], betas: Any, options: Any) -> Any:
    return id_page_request(
        resource,
        flavor.path(),
        _type(flavor, "MessageBatch"),
        endpoint=f"{flavor.endpoint}.list",
        query=query,
        headers=flavor.headers(betas),
        **options,
    )


def _jsonl_decoder(*, cast_to: Any, response: Any, client: Any) -> Any:
    """The `stream_cls` of results: JSON Lines decoded one line at a time, in constant memory."""
    from ..._decoders.jsonl import AsyncJSONLDecoder, JSONLDecoder

    decoder = AsyncJSONLDecoder if client._is_async else JSONLDecoder
    return decoder(line_type=cast_to, http_response=response)


def results_steps(flavor: BatchFlavor, batch_id: str, betas: Any, options: Any) -> Generator[APIRequest[Any], Any, Any]:
    """Read the batch (plainly, as 0.74.0 does), then stream the file at its `results_url`."""
    path_param("message_batch_id", batch_id)
    batch = yield batch_request(flavor, "GET", "retrieve", batch_id, omit, {})
    if not batch.results_url:
        raise AnthropicError(
            f"No `results_url` for the given batch; Has it finished processing? {batch.processing_status}"
        )
    headers = {**flavor.headers(betas), "Accept": "application/binary"}
    return DualRequest(
        "GET",
        batch.results_url,
        _type(flavor, "MessageBatchIndividualResponse"),
        endpoint=f"{flavor.endpoint}.results",
        headers=headers,
        stream=True,
        stream_cls=_jsonl_decoder,
        **options,
    )


def options_of(
    extra_headers: Headers | None, extra_query: Query | None, extra_body: object | None, timeout: Timeout | NotGiven
) -> dict[str, Any]:
    return {"extra_headers": extra_headers, "extra_query": extra_query, "extra_body": extra_body, "timeout": timeout}


class _Batches(APIResource):
    _resource_key: ClassVar[str] = "messages.batches"

    @endpoint
    def create(
        self,
        *,
        requests: Iterable[Request],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[MessageBatch]:
        """Send a batch of Message creation requests, processed asynchronously within 24 hours."""
        return create_request(MESSAGES, requests, omit, options_of(extra_headers, extra_query, extra_body, timeout))

    @endpoint
    def retrieve(
        self,
        message_batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[MessageBatch]:
        """One batch (poll it until `processing_status` is "ended")."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(MESSAGES, "GET", "retrieve", message_batch_id, omit, options)

    @paginated
    def list(
        self,
        *,
        after_id: str | Omit = omit,
        before_id: str | Omit = omit,
        limit: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> PageRequest[MessageBatch, SyncPage[MessageBatch], AsyncPage[MessageBatch]]:
        """Every batch of the workspace, most recent first."""
        query: dict[str, object] = {"after_id": after_id, "before_id": before_id, "limit": limit}
        return list_request(self, MESSAGES, query, omit, options_of(extra_headers, extra_query, extra_body, timeout))

    @endpoint
    def delete(
        self,
        message_batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[DeletedMessageBatch]:
        """Delete a batch that has finished processing (cancel it first if it is still running)."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(MESSAGES, "DELETE", "delete", message_batch_id, omit, options)

    @endpoint
    def cancel(
        self,
        message_batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[MessageBatch]:
        """Start cancelling a batch; requests already processed keep their results."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return batch_request(MESSAGES, "POST", "cancel", message_batch_id, omit, options, "/cancel")

    @stepwise
    def results(
        self,
        message_batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Generator[
        APIRequest[Any],
        Any,
        DualRequest[JSONLDecoder[MessageBatchIndividualResponse], AsyncJSONLDecoder[MessageBatchIndividualResponse]],
    ]:
        """The results of an ended batch, one line per request, streamed (order is not the request order)."""
        options = options_of(extra_headers, extra_query, extra_body, timeout)
        return (yield from results_steps(MESSAGES, message_batch_id, omit, options))


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
    from anthropic._types import not_given as not_given
    from anthropic.pagination import AsyncPage as AsyncPage
    from anthropic.pagination import SyncPage as SyncPage
    from anthropic.types._batches import DeletedMessageBatch as DeletedMessageBatch
    from anthropic.types._batches import MessageBatch as MessageBatch
    from anthropic.types._batches import MessageBatchIndividualResponse as MessageBatchIndividualResponse
    from anthropic.types.messages import batch_create_params as batch_create_params
    from anthropic.types.messages import batch_list_params as batch_list_params

_REEXPORTS: dict[str, str] = {
    "AsyncPage": "anthropic.pagination:AsyncPage",
    "DeletedMessageBatch": "anthropic.types._batches:DeletedMessageBatch",
    "MessageBatch": "anthropic.types._batches:MessageBatch",
    "MessageBatchIndividualResponse": "anthropic.types._batches:MessageBatchIndividualResponse",
    "SyncPage": "anthropic.pagination:SyncPage",
    "batch_create_params": "anthropic.types.messages.batch_create_params:",
    "batch_list_params": "anthropic.types.messages.batch_list_params:",
    "not_given": "anthropic._types:not_given",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
