"""`client.beta.skills.versions`: the versions of a skill (beta `skills-2025-10-02`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, List, Optional

from ...._request import APIRequest, beta_header, path_param
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
from ...._types import NOT_GIVEN, FileTypes, NotGiven, Omit, omit
from ..._endpoints import PageRequest, cursor_page_request, multipart_request, paginated
from .skills import SKILLS_BETA, skill_files

if TYPE_CHECKING:
    from ...._types import Headers, Query, Timeout
    from ....pagination import AsyncPageCursor, SyncPageCursor
    from ....types import AnthropicBetaParam
    from ....types.beta.skills import (
        VersionCreateResponse,
        VersionDeleteResponse,
        VersionListResponse,
        VersionRetrieveResponse,
    )

__all__ = ["Versions", "AsyncVersions"]


def _versions_path(skill_id: str, version: str | None = None) -> str:
    path = f"/v1/skills/{path_param('skill_id', skill_id)}/versions"
    if version is not None:
        path += f"/{path_param('version', version)}"
    return path + "?beta=true"


class _Versions(APIResource):
    _resource_key: ClassVar[str] = "beta.skills.versions"

    @endpoint
    def create(
        self,
        skill_id: str,
        *,
        files: Optional[Sequence[FileTypes]] | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[VersionCreateResponse]:
        """Upload a new version of a skill (same layout as `skills.create`)."""
        from ....types.beta.skills import VersionCreateResponse

        return multipart_request(
            self,
            "POST",
            _versions_path(skill_id),
            VersionCreateResponse,
            endpoint="beta.skills.versions.create",
            fields={},
            files=skill_files(files),
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def retrieve(
        self,
        version: str,
        *,
        skill_id: str,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[VersionRetrieveResponse]:
        """One version of a skill."""
        from ....types.beta.skills import VersionRetrieveResponse

        return APIRequest(
            "GET",
            _versions_path(skill_id, version),
            VersionRetrieveResponse,
            endpoint="beta.skills.versions.retrieve",
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @paginated
    def list(
        self,
        skill_id: str,
        *,
        limit: Optional[int] | Omit = omit,
        page: Optional[str] | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> PageRequest[VersionListResponse, SyncPageCursor[VersionListResponse], AsyncPageCursor[VersionListResponse]]:
        """The versions of a skill, newest first."""
        from ....types.beta.skills import VersionListResponse

        return cursor_page_request(
            self,
            _versions_path(skill_id),
            VersionListResponse,
            endpoint="beta.skills.versions.list",
            query={"limit": limit, "page": page},
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def delete(
        self,
        version: str,
        *,
        skill_id: str,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[VersionDeleteResponse]:
        """Delete one version of a skill."""
        from ....types.beta.skills import VersionDeleteResponse

        return APIRequest(
            "DELETE",
            _versions_path(skill_id, version),
            VersionDeleteResponse,
            endpoint="beta.skills.versions.delete",
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class VersionsWithRawResponse(_Versions, SyncRawResource):
    pass


class AsyncVersionsWithRawResponse(_Versions, AsyncRawResource):
    pass


class VersionsWithStreamingResponse(_Versions, SyncStreamingResource):
    pass


class AsyncVersionsWithStreamingResponse(_Versions, AsyncStreamingResource):
    pass


class Versions(_Versions, SyncAPIResource):
    with_raw_response = view(VersionsWithRawResponse)
    with_streaming_response = view(VersionsWithStreamingResponse)


class AsyncVersions(_Versions, AsyncAPIResource):
    with_raw_response = view(AsyncVersionsWithRawResponse)
    with_streaming_response = view(AsyncVersionsWithStreamingResponse)


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic._types import not_given as not_given
    from anthropic.pagination import AsyncPageCursor as AsyncPageCursor
    from anthropic.pagination import SyncPageCursor as SyncPageCursor
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types.beta.skills import version_create_params as version_create_params
    from anthropic.types.beta.skills import version_list_params as version_list_params
    from anthropic.types.beta.skills._versions import VersionCreateResponse as VersionCreateResponse
    from anthropic.types.beta.skills._versions import VersionDeleteResponse as VersionDeleteResponse
    from anthropic.types.beta.skills._versions import VersionListResponse as VersionListResponse
    from anthropic.types.beta.skills._versions import VersionRetrieveResponse as VersionRetrieveResponse

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AsyncPageCursor": "anthropic.pagination:AsyncPageCursor",
    "SyncPageCursor": "anthropic.pagination:SyncPageCursor",
    "VersionCreateResponse": "anthropic.types.beta.skills._versions:VersionCreateResponse",
    "VersionDeleteResponse": "anthropic.types.beta.skills._versions:VersionDeleteResponse",
    "VersionListResponse": "anthropic.types.beta.skills._versions:VersionListResponse",
    "VersionRetrieveResponse": "anthropic.types.beta.skills._versions:VersionRetrieveResponse",
    "not_given": "anthropic._types:not_given",
    "version_create_params": "anthropic.types.beta.skills.version_create_params:",
    "version_list_params": "anthropic.types.beta.skills.version_list_params:",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
