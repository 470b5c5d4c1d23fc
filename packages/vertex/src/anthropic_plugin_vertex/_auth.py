"""`VertexAuth`: the `httpx.Auth` that puts a Google bearer token (and, if still unknown, the project) on requests.

It runs on every attempt, after the request rewrites. Sync clients do the blocking work inline; async clients
do it in a worker thread (`anyio.to_thread`), so loading credentials or refreshing a token never blocks the
event loop. The fast path (a fresh cached token) does no I/O and starts no thread.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable, Generator

import anyio.to_thread
import httpx

from ._credentials import GoogleAuthState

__all__ = ["PENDING_PROJECT", "VertexAuth"]

PENDING_PROJECT = "anthropic_vertex.url_for_project"
"""Request extension set by the rewrite when the project is not known yet: a function project -> final URL."""


class VertexAuth(httpx.Auth):
    """`Authorization: Bearer <token>` unless the caller set an Authorization header themselves."""

    def __init__(self, state: GoogleAuthState) -> None:
        self._state = state

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        url_for = _pending_project(request)
        if url_for is not None:
            request.url = httpx.URL(url_for(self._state.resolve_project()))
        if not request.headers.get("Authorization"):
            request.headers["Authorization"] = f"Bearer {self._state.obtain_token()}"
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        state = self._state
        url_for = _pending_project(request)
        if url_for is not None:
            project = state.known_project() or await anyio.to_thread.run_sync(state.resolve_project)
            request.url = httpx.URL(url_for(project))
        if not request.headers.get("Authorization"):
            token = state.current_token() or await anyio.to_thread.run_sync(state.obtain_token)
            request.headers["Authorization"] = f"Bearer {token}"
        yield request


def _pending_project(request: httpx.Request) -> Callable[[str], str] | None:
    return request.extensions.get(PENDING_PROJECT)
