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

__all__ = ["Files", "AsyncFiles"]

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


# ---- 0.74.0 names re-exported here (generated by scripts/generate_compat_modules.py; do not edit) ----
from typing import TYPE_CHECKING  # noqa: E402

from anthropic._lazy import lazy_dir, lazy_getattr  # noqa: E402

if TYPE_CHECKING:
    from anthropic._types import not_given as not_given
    from anthropic.pagination import AsyncPage as AsyncPage
    from anthropic.pagination import SyncPage as SyncPage
    from anthropic.types._models_api import AnthropicBetaParam as AnthropicBetaParam
    from anthropic.types.beta import file_list_params as file_list_params
    from anthropic.types.beta import file_upload_params as file_upload_params
    from anthropic.types.beta._files import DeletedFile as DeletedFile
    from anthropic.types.beta._files import FileMetadata as FileMetadata

_REEXPORTS: dict[str, str] = {
    "AnthropicBetaParam": "anthropic.types._models_api:AnthropicBetaParam",
    "AsyncPage": "anthropic.pagination:AsyncPage",
    "DeletedFile": "anthropic.types.beta._files:DeletedFile",
    "FileMetadata": "anthropic.types.beta._files:FileMetadata",
    "SyncPage": "anthropic.pagination:SyncPage",
    "file_list_params": "anthropic.types.beta.file_list_params:",
    "file_upload_params": "anthropic.types.beta.file_upload_params:",
    "not_given": "anthropic._types:not_given",
}

if not TYPE_CHECKING:  # a module __getattr__ seen by type checkers would make every name valid

    def __getattr__(name: str) -> object:
        return lazy_getattr(globals(), name, _REEXPORTS)

    def __dir__() -> list[str]:
        return lazy_dir(globals(), _REEXPORTS)
# ---- end of generated names ----
