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

__all__ = [
    "AsyncSkills",
    "AsyncSkillsWithRawResponse",
    "AsyncSkillsWithStreamingResponse",
    "Skills",
    "SkillsWithRawResponse",
    "SkillsWithStreamingResponse",
]

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
