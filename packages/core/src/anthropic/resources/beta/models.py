"""`client.beta.models`: the Models API with beta features (`?beta=true`, `BetaModelInfo`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, List

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
from .._endpoints import PageRequest, id_page_request, paginated

if TYPE_CHECKING:
    from ..._types import Headers, Query, Timeout
    from ...pagination import AsyncPage, SyncPage
    from ...types import AnthropicBetaParam
    from ...types.beta import BetaModelInfo

__all__ = [
    "AsyncModels",
    "AsyncModelsWithRawResponse",
    "AsyncModelsWithStreamingResponse",
    "Models",
    "ModelsWithRawResponse",
    "ModelsWithStreamingResponse",
]


class _Models(APIResource):
    _resource_key: ClassVar[str] = "beta.models"

    @endpoint
    def retrieve(
        self,
        model_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[BetaModelInfo]:
        """One model by id or alias."""
        from ...types.beta import BetaModelInfo

        return APIRequest(
            "GET",
            f"/v1/models/{path_param('model_id', model_id)}?beta=true",
            BetaModelInfo,
            endpoint="beta.models.retrieve",
            headers=beta_header(betas),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

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
    ) -> PageRequest[BetaModelInfo, SyncPage[BetaModelInfo], AsyncPage[BetaModelInfo]]:
        """The available models, most recently released first."""
        from ...types.beta import BetaModelInfo

        return id_page_request(
            self,
            "/v1/models?beta=true",
            BetaModelInfo,
            endpoint="beta.models.list",
            query={"after_id": after_id, "before_id": before_id, "limit": limit},
            headers=beta_header(betas),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class ModelsWithRawResponse(_Models, SyncRawResource):
    pass


class AsyncModelsWithRawResponse(_Models, AsyncRawResource):
    pass


class ModelsWithStreamingResponse(_Models, SyncStreamingResource):
    pass


class AsyncModelsWithStreamingResponse(_Models, AsyncStreamingResource):
    pass


class Models(_Models, SyncAPIResource):
    with_raw_response = view(ModelsWithRawResponse)
    with_streaming_response = view(ModelsWithStreamingResponse)


class AsyncModels(_Models, AsyncAPIResource):
    with_raw_response = view(AsyncModelsWithRawResponse)
    with_streaming_response = view(AsyncModelsWithStreamingResponse)
