"""`client.beta.skills`: create, retrieve, list and delete Agent Skills (beta `skills-2025-10-02`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, List, Optional

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
    subresource,
    view,
)
from ...._types import NOT_GIVEN, FileTypes, NotGiven, Omit, omit
from ..._endpoints import PageRequest, cursor_page_request, multipart_request, paginated

if TYPE_CHECKING:
    from ...._types import Headers, Query, Timeout
    from ....pagination import AsyncPageCursor, SyncPageCursor
    from ....types import AnthropicBetaParam
    from ....types.beta import SkillCreateResponse, SkillDeleteResponse, SkillListResponse, SkillRetrieveResponse
    from .versions import (
        AsyncVersions,
        AsyncVersionsWithRawResponse,
        AsyncVersionsWithStreamingResponse,
        Versions,
        VersionsWithRawResponse,
        VersionsWithStreamingResponse,
    )

__all__ = ["Skills", "AsyncSkills"]

SKILLS_BETA = "skills-2025-10-02"


def skill_files(files: Optional[Sequence[FileTypes]] | Omit) -> list[tuple[str, Any]]:
    """The multipart file parts of a skill upload: one `files[]` part per file (no stray form fields)."""
    if files is None or isinstance(files, Omit):
        return []
    return [("files[]", file) for file in files]


def _skill_path(skill_id: str) -> str:
    return f"/v1/skills/{path_param('skill_id', skill_id)}?beta=true"


class _Skills(APIResource):
    _resource_key: ClassVar[str] = "beta.skills"

    versions: ClassVar[
        subresource[
            Versions,
            AsyncVersions,
            VersionsWithRawResponse,
            AsyncVersionsWithRawResponse,
            VersionsWithStreamingResponse,
            AsyncVersionsWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.skills.versions", "Versions")

    @endpoint
    def create(
        self,
        *,
        display_title: Optional[str] | Omit = omit,
        files: Optional[Sequence[FileTypes]] | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[SkillCreateResponse]:
        """Create a skill from its files (one top-level folder holding `SKILL.md`; see `lib.files_from_dir`)."""
        from ....types.beta import SkillCreateResponse

        return multipart_request(
            self,
            "POST",
            "/v1/skills?beta=true",
            SkillCreateResponse,
            endpoint="beta.skills.create",
            fields={"display_title": display_title},
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
        skill_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[SkillRetrieveResponse]:
        """One skill."""
        from ....types.beta import SkillRetrieveResponse

        return APIRequest(
            "GET",
            _skill_path(skill_id),
            SkillRetrieveResponse,
            endpoint="beta.skills.retrieve",
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @paginated
    def list(
        self,
        *,
        limit: int | Omit = omit,
        page: Optional[str] | Omit = omit,
        source: Optional[str] | Omit = omit,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> PageRequest[SkillListResponse, SyncPageCursor[SkillListResponse], AsyncPageCursor[SkillListResponse]]:
        """The skills of the workspace (`source="custom"` or `"anthropic"` to filter)."""
        from ....types.beta import SkillListResponse

        return cursor_page_request(
            self,
            "/v1/skills?beta=true",
            SkillListResponse,
            endpoint="beta.skills.list",
            query={"limit": limit, "page": page, "source": source},
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def delete(
        self,
        skill_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[SkillDeleteResponse]:
        """Delete a skill (its versions must be deleted first)."""
        from ....types.beta import SkillDeleteResponse

        return APIRequest(
            "DELETE",
            _skill_path(skill_id),
            SkillDeleteResponse,
            endpoint="beta.skills.delete",
            headers=beta_header(betas, SKILLS_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class SkillsWithRawResponse(_Skills, SyncRawResource):
    pass


class AsyncSkillsWithRawResponse(_Skills, AsyncRawResource):
    pass


class SkillsWithStreamingResponse(_Skills, SyncStreamingResource):
    pass


class AsyncSkillsWithStreamingResponse(_Skills, AsyncStreamingResource):
    pass


class Skills(_Skills, SyncAPIResource):
    with_raw_response = view(SkillsWithRawResponse)
    with_streaming_response = view(SkillsWithStreamingResponse)


class AsyncSkills(_Skills, AsyncAPIResource):
    with_raw_response = view(AsyncSkillsWithRawResponse)
    with_streaming_response = view(AsyncSkillsWithStreamingResponse)


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic._types import not_given as not_given
    from anthropic.pagination import AsyncPageCursor as AsyncPageCursor
    from anthropic.pagination import SyncPageCursor as SyncPageCursor
    from anthropic.resources.beta.skills.versions import AsyncVersions as AsyncVersions
    from anthropic.resources.beta.skills.versions import AsyncVersionsWithRawResponse as AsyncVersionsWithRawResponse
    from anthropic.resources.beta.skills.versions import (
        AsyncVersionsWithStreamingResponse as AsyncVersionsWithStreamingResponse,
    )
    from anthropic.resources.beta.skills.versions import Versions as Versions
    from anthropic.resources.beta.skills.versions import VersionsWithRawResponse as VersionsWithRawResponse
    from anthropic.resources.beta.skills.versions import VersionsWithStreamingResponse as VersionsWithStreamingResponse
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types.beta import skill_create_params as skill_create_params
    from anthropic.types.beta import skill_list_params as skill_list_params
    from anthropic.types.beta._skills import SkillCreateResponse as SkillCreateResponse
    from anthropic.types.beta._skills import SkillDeleteResponse as SkillDeleteResponse
    from anthropic.types.beta._skills import SkillListResponse as SkillListResponse
    from anthropic.types.beta._skills import SkillRetrieveResponse as SkillRetrieveResponse

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AsyncPageCursor": "anthropic.pagination:AsyncPageCursor",
    "AsyncVersions": "anthropic.resources.beta.skills.versions:AsyncVersions",
    "AsyncVersionsWithRawResponse": "anthropic.resources.beta.skills.versions:AsyncVersionsWithRawResponse",
    "AsyncVersionsWithStreamingResponse": "anthropic.resources.beta.skills.versions:AsyncVersionsWithStreamingResponse",
    "SkillCreateResponse": "anthropic.types.beta._skills:SkillCreateResponse",
    "SkillDeleteResponse": "anthropic.types.beta._skills:SkillDeleteResponse",
    "SkillListResponse": "anthropic.types.beta._skills:SkillListResponse",
    "SkillRetrieveResponse": "anthropic.types.beta._skills:SkillRetrieveResponse",
    "SyncPageCursor": "anthropic.pagination:SyncPageCursor",
    "Versions": "anthropic.resources.beta.skills.versions:Versions",
    "VersionsWithRawResponse": "anthropic.resources.beta.skills.versions:VersionsWithRawResponse",
    "VersionsWithStreamingResponse": "anthropic.resources.beta.skills.versions:VersionsWithStreamingResponse",
    "not_given": "anthropic._types:not_given",
    "skill_create_params": "anthropic.types.beta.skill_create_params:",
    "skill_list_params": "anthropic.types.beta.skill_list_params:",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
