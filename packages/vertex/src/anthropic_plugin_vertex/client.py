"""`AnthropicVertex` / `AsyncAnthropicVertex`: platform clients for Claude on Google Vertex AI.

Declared with the public plugin API (`anthropic.plugins.PlatformClient`): they resolve the 0.74.0 constructor
arguments (region, project, token, credentials, base URL) into `VertexOptions` and name the "vertex" platform,
whose build (plugin.py) adds the bearer-token auth and the request rewrite. Everything else (copies, raw and
streaming responses, retries, plugin extensions...) is the core client's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from anthropic.plugins import AsyncPlatformClient, PlatformClient

from ._credentials import GoogleAuthState
from ._runtime import PLATFORM_NAME, VertexOptions, resolve_base_url, resolve_project_id, resolve_region

if TYPE_CHECKING:
    from google.auth.credentials import Credentials as GoogleCredentials

__all__ = ["AnthropicVertex", "AsyncAnthropicVertex"]


class _VertexAttributes:
    """What the sync and async clients share: argument resolution and the 0.74.0 attributes."""

    _auth: GoogleAuthState

    def _vertex_options(
        self,
        *,
        region: str | NotGiven,
        project_id: str | NotGiven,
        access_token: str | None,
        credentials: GoogleCredentials | None,
        base_url: str | httpx.URL | None,
    ) -> tuple[VertexOptions, str]:
        """The platform options and the base URL, resolved from the arguments and the environment."""
        resolved = resolve_region(region)
        self._auth = GoogleAuthState(
            access_token=access_token,
            credentials=credentials,
            project_id=resolve_project_id(project_id),
            region=resolved,
        )
        return VertexOptions(region=resolved, auth=self._auth), resolve_base_url(base_url, resolved)

    @property
    def platform_options(self) -> Mapping[str, Any]:
        """The constructor's Vertex arguments as they are now (reassigned, or credentials loaded since): what a copy
        keeps. A copy gets its own auth state but the same credentials object, so they share its token refreshes."""
        return {
            "region": self.region,
            "project_id": self.project_id,
            "access_token": self.access_token,
            "credentials": self.credentials,
        }

    @property
    def region(self) -> str:
        """The Google Cloud region (argument or `CLOUD_ML_REGION`); reassigning it moves the next requests' location
        (the host of the base URL stays, as in 0.74.0)."""
        return self._auth.region

    @region.setter
    def region(self, value: str) -> None:
        self._auth.region = value

    @property
    def project_id(self) -> str | None:
        """The Google Cloud project: argument, `ANTHROPIC_VERTEX_PROJECT_ID`, or the credentials' project."""
        return self._auth.known_project()

    @project_id.setter
    def project_id(self, value: str | None) -> None:
        self._auth.project_id = value

    @property
    def access_token(self) -> str | None:
        return self._auth.access_token

    @access_token.setter
    def access_token(self, value: str | None) -> None:
        self._auth.access_token = value

    @property
    def credentials(self) -> GoogleCredentials | None:
        """The google-auth credentials in use (given, or loaded with `google.auth.default()` on first request)."""
        return self._auth.credentials

    @credentials.setter
    def credentials(self, value: GoogleCredentials | None) -> None:
        self._auth.credentials = value


class AnthropicVertex(_VertexAttributes, PlatformClient):
    """Claude on Google Vertex AI (sync)."""

    platform = PLATFORM_NAME

    def __init__(
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        access_token: str | None = None,
        credentials: GoogleCredentials | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        options, resolved_base_url = self._vertex_options(
            region=region, project_id=project_id, access_token=access_token, credentials=credentials, base_url=base_url
        )
        super().__init__(
            options=options,
            base_url=resolved_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )


class AsyncAnthropicVertex(_VertexAttributes, AsyncPlatformClient):
    """Claude on Google Vertex AI (async): token refreshes run in a worker thread, never on the event loop."""

    platform = PLATFORM_NAME

    def __init__(
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        access_token: str | None = None,
        credentials: GoogleCredentials | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        options, resolved_base_url = self._vertex_options(
            region=region, project_id=project_id, access_token=access_token, credentials=credentials, base_url=base_url
        )
        super().__init__(
            options=options,
            base_url=resolved_base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )
