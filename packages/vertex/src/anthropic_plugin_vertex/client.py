"""`AnthropicVertex` / `AsyncAnthropicVertex`: the core clients, configured for Claude on Google Vertex AI.

They only resolve the 0.74.0 constructor arguments (region, project, token, credentials, base URL) and name
the "vertex" platform; the request rewrite and the bearer-token auth come from this plugin's hooks. Everything
else (raw and streaming responses, `with_options`, retries, plugin extensions...) is the core client's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx
from typing_extensions import Self

from anthropic._client import Anthropic, AsyncAnthropic, BaseClient
from anthropic._constants import DEFAULT_MAX_RETRIES
from anthropic._platform import ClientConfig
from anthropic._types import NOT_GIVEN, NotGiven

from ._credentials import GoogleAuthState
from ._runtime import PLATFORM_NAME, resolve_base_url, resolve_project_id, resolve_region

if TYPE_CHECKING:
    from google.auth.credentials import Credentials as GoogleCredentials

__all__ = ["AnthropicVertex", "AsyncAnthropicVertex"]


class _VertexClient(BaseClient):
    """What the sync and async Vertex clients share: argument resolution, auth state, copies."""

    _platform_name: ClassVar[str] = PLATFORM_NAME
    region: str
    _auth_state: GoogleAuthState

    def _setup_vertex(
        self,
        *,
        region: str | NotGiven,
        project_id: str | NotGiven,
        access_token: str | None,
        credentials: GoogleCredentials | None,
        base_url: str | httpx.URL | None,
        timeout: float | httpx.Timeout | None | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
        strict_response_validation: bool,
    ) -> None:
        self.region = resolve_region(region)
        resolved_base_url = resolve_base_url(base_url, self.region)
        state = GoogleAuthState(
            access_token=access_token, credentials=credentials, project_id=resolve_project_id(project_id)
        )
        self._auth_state = state
        self._configure(
            config=ClientConfig(
                platform=self._platform_name,
                base_url=resolved_base_url,
                api_key=None,
                auth_token=None,
                options={"region": self.region, "auth_state": state},
            ),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            init_kwargs={},
        )

    # -- the 0.74.0 attributes, backed by the shared auth state -------------------------------------------

    @property
    def project_id(self) -> str | None:
        """The Google Cloud project: argument, `ANTHROPIC_VERTEX_PROJECT_ID`, or the credentials' project."""
        return self._auth_state.known_project()

    @project_id.setter
    def project_id(self, value: str | None) -> None:
        self._auth_state.project_id = value

    @property
    def access_token(self) -> str | None:
        return self._auth_state.access_token

    @access_token.setter
    def access_token(self, value: str | None) -> None:
        self._auth_state.access_token = value

    @property
    def credentials(self) -> GoogleCredentials | None:
        """The google-auth credentials in use (given, or loaded with `google.auth.default()` on first request)."""
        return self._auth_state.credentials

    @credentials.setter
    def credentials(self, value: GoogleCredentials | None) -> None:
        self._auth_state.credentials = value

    # -- copies ------------------------------------------------------------------------------------------

    def copy(  # pyright: ignore[reportIncompatibleMethodOverride] - 0.74.0's Vertex signature: no api_key/auth_token
        self,
        *,
        region: str | NotGiven = NOT_GIVEN,
        project_id: str | NotGiven = NOT_GIVEN,
        access_token: str | None = None,
        credentials: GoogleCredentials | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with some options changed; it shares the connection pool and the loaded credentials."""
        vertex_kwargs: dict[str, Any] = {
            "region": self.region if isinstance(region, NotGiven) else region,
            "project_id": project_id if not isinstance(project_id, NotGiven) else (self.project_id or NOT_GIVEN),
            "access_token": access_token or self.access_token,
            "credentials": credentials or self.credentials,
            **_extra_kwargs,
        }
        return super().copy(
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs=vertex_kwargs,
        )

    with_options = copy

    def _copy_with(self, kwargs: dict[str, Any]) -> Self:
        kwargs.pop("api_key", None)
        kwargs.pop("auth_token", None)
        return type(self)(**kwargs)


class AnthropicVertex(_VertexClient, Anthropic):  # pyright: ignore[reportIncompatibleMethodOverride]
    """Claude on Google Vertex AI (sync)."""

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
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` but got {type(http_client)}"
            )
        self._setup_vertex(
            region=region,
            project_id=project_id,
            access_token=access_token,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)


class AsyncAnthropicVertex(_VertexClient, AsyncAnthropic):  # pyright: ignore[reportIncompatibleMethodOverride]
    """Claude on Google Vertex AI (async): token refreshes run in a worker thread, never on the event loop."""

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
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` but got "
                f"{type(http_client)}"
            )
        self._setup_vertex(
            region=region,
            project_id=project_id,
            access_token=access_token,
            credentials=credentials,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)
