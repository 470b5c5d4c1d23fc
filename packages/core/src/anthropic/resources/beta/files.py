"""`client.beta.files`: upload, list, inspect, download and delete files (beta `files-api-2025-04-14`)."""

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
from ..._types import NOT_GIVEN, FileTypes, NotGiven, Omit, omit
from .._endpoints import PageRequest, binary, id_page_request, multipart_request, paginated

if TYPE_CHECKING:
    from ..._types import Headers, Query, Timeout
    from ...pagination import AsyncPage, SyncPage
    from ...types import AnthropicBetaParam
    from ...types.beta import DeletedFile, FileMetadata

__all__ = [
    "AsyncFiles",
    "AsyncFilesWithRawResponse",
    "AsyncFilesWithStreamingResponse",
    "Files",
    "FilesWithRawResponse",
    "FilesWithStreamingResponse",
]

FILES_BETA = "files-api-2025-04-14"


def _file_path(file_id: str, tail: str = "") -> str:
    return f"/v1/files/{path_param('file_id', file_id)}{tail}?beta=true"


class _Files(APIResource):
    _resource_key: ClassVar[str] = "beta.files"

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
    ) -> PageRequest[FileMetadata, SyncPage[FileMetadata], AsyncPage[FileMetadata]]:
        """The files of the workspace, most recent first."""
        from ...types.beta import FileMetadata

        return id_page_request(
            self,
            "/v1/files?beta=true",
            FileMetadata,
            endpoint="beta.files.list",
            query={"after_id": after_id, "before_id": before_id, "limit": limit},
            headers=beta_header(betas, FILES_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def delete(
        self,
        file_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[DeletedFile]:
        """Delete a file."""
        from ...types.beta import DeletedFile

        return APIRequest(
            "DELETE",
            _file_path(file_id),
            DeletedFile,
            endpoint="beta.files.delete",
            headers=beta_header(betas, FILES_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @binary
    def download(
        self,
        file_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[bytes]:
        """The content of a file (only files created by skills or the code execution tool can be downloaded)."""
        return APIRequest(
            "GET",
            _file_path(file_id, "/content"),
            bytes,
            endpoint="beta.files.download",
            headers={**beta_header(betas, FILES_BETA), "Accept": "application/binary"},
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def retrieve_metadata(
        self,
        file_id: str,
        *,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[FileMetadata]:
        """A file's name, size, MIME type and creation time."""
        from ...types.beta import FileMetadata

        return APIRequest(
            "GET",
            _file_path(file_id),
            FileMetadata,
            endpoint="beta.files.retrieve_metadata",
            headers=beta_header(betas, FILES_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )

    @endpoint
    def upload(
        self,
        *,
        file: FileTypes,
        betas: List[AnthropicBetaParam] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: object | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> APIRequest[FileMetadata]:
        """Upload a file (bytes, a file object, a path, or a `(name, content[, type[, headers]])` tuple)."""
        from ...types.beta import FileMetadata

        return multipart_request(
            self,
            "POST",
            "/v1/files?beta=true",
            FileMetadata,
            endpoint="beta.files.upload",
            fields={},
            files=[("file", file)],
            headers=beta_header(betas, FILES_BETA),
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )


class FilesWithRawResponse(_Files, SyncRawResource):
    pass


class AsyncFilesWithRawResponse(_Files, AsyncRawResource):
    pass


class FilesWithStreamingResponse(_Files, SyncStreamingResource):
    pass


class AsyncFilesWithStreamingResponse(_Files, AsyncStreamingResource):
    pass


class Files(_Files, SyncAPIResource):
    with_raw_response = view(FilesWithRawResponse)
    with_streaming_response = view(FilesWithStreamingResponse)


class AsyncFiles(_Files, AsyncAPIResource):
    with_raw_response = view(AsyncFilesWithRawResponse)
    with_streaming_response = view(AsyncFilesWithStreamingResponse)
