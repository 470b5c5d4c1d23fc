"""Google credentials of one Vertex client: the bearer token, its refresh, and the project they belong to.

Every method that may do I/O (reading application-default credentials, refreshing a token) is blocking and
thread-safe; async clients call them in a worker thread. A token is refreshed shortly *before* it expires, and
only once however many requests are waiting for it: refreshes of one credentials object are serialised by a
lock shared by every client using that object (copies made by `with_options` included), and whoever gets the
lock second finds the fresh token and uses it.
"""

from __future__ import annotations

import threading
import weakref
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from ._runtime import NO_PROJECT

if TYPE_CHECKING:
    from google.auth.credentials import Credentials

__all__ = ["REFRESH_MARGIN", "SCOPES", "GoogleAuthState", "needs_refresh"]

SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)

REFRESH_MARGIN = timedelta(minutes=5)
"""Refresh a token when it has less than this left, so no request leaves with a token about to expire."""

_MISSING_GOOGLE_AUTH = 'Could not import google.auth; install the Vertex plugin with `pip install "anthropic[vertex]"`'
_NO_TOKEN = "Could not resolve API token from the environment"

_refresh_locks: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()
_refresh_locks_guard = threading.Lock()


def _refresh_lock(credentials: Any) -> threading.Lock:
    """The lock serialising refreshes of one credentials object (shared by all clients that use it)."""
    with _refresh_locks_guard:
        try:
            lock = _refresh_locks.get(credentials)
        except TypeError:  # not weak-referenceable: fall back to a lock of its own
            return threading.Lock()
        if lock is None:
            lock = threading.Lock()
            _refresh_locks[credentials] = lock
        return lock


def needs_refresh(credentials: Any, *, margin: timedelta = REFRESH_MARGIN) -> bool:
    """True when the credentials have no token, or their token expires within `margin`."""
    token = getattr(credentials, "token", None)
    if not token:
        return True
    expiry: datetime | None = getattr(credentials, "expiry", None)
    if expiry is None:
        return False
    # google-auth keeps `expiry` as a naive UTC datetime; accept aware ones too.
    now = datetime.now(timezone.utc)
    if expiry.tzinfo is None:
        now = now.replace(tzinfo=None)
    return expiry - now <= margin


class GoogleAuthState:
    """The mutable state behind one client's `access_token`, `credentials`, `project_id` and `region`: the auth and
    the request rewrite read it on every request, so reassigning those attributes applies to the next request."""

    def __init__(
        self, *, access_token: str | None, credentials: Credentials | None, project_id: str | None, region: str = ""
    ) -> None:
        self.access_token = access_token
        self.credentials = credentials
        self.project_id = project_id
        self.region = region
        self._load_lock = threading.Lock()
        self._transport: Any = None

    # -- cheap checks (no I/O; safe on an event loop) -----------------------------------------------------

    def current_token(self) -> str | None:
        """The token to send now, or None when credentials must be loaded or refreshed first."""
        if self.access_token is not None:
            return self.access_token
        credentials = self.credentials
        if credentials is None or needs_refresh(credentials):
            return None
        token = credentials.token
        return token if isinstance(token, str) else None

    def known_project(self) -> str | None:
        """The project if it is known without I/O: argument/env, else the credentials' own project."""
        if self.project_id:
            return self.project_id
        project = getattr(self.credentials, "project_id", None)
        return project if isinstance(project, str) and project else None

    # -- blocking work (run in a worker thread by async clients) ----------------------------------------

    def obtain_token(self) -> str:
        """A valid bearer token: loads default credentials and refreshes when needed, once for all waiters."""
        token = self.current_token()
        if token is not None:
            return token
        credentials = self._credentials_or_default()
        with _refresh_lock(credentials):
            token = self.current_token()
            if token is not None:
                return token
            credentials.refresh(self._google_request())
            token = credentials.token
        if not isinstance(token, str) or not token:
            raise RuntimeError(_NO_TOKEN)
        return token

    def resolve_project(self) -> str:
        """The project for the request URL; may load application-default credentials to learn it."""
        project = self.known_project()
        if project:
            return project
        if self.credentials is None and self.access_token is None:
            from google.auth.exceptions import DefaultCredentialsError

            try:
                self._credentials_or_default()
            except DefaultCredentialsError as err:
                raise RuntimeError(NO_PROJECT) from err
            project = self.known_project()
            if project:
                return project
        raise RuntimeError(NO_PROJECT)

    def _credentials_or_default(self) -> Credentials:
        credentials = self.credentials
        if credentials is not None:
            return credentials
        with self._load_lock:
            if self.credentials is None:
                try:
                    import google.auth
                except ModuleNotFoundError as err:  # pragma: no cover - google-auth is a dependency
                    raise RuntimeError(_MISSING_GOOGLE_AUTH) from err
                credentials, project = google.auth.default(scopes=list(SCOPES))
                self.credentials = credentials
                if not self.project_id and isinstance(project, str) and project:
                    self.project_id = project
            return self.credentials

    def _google_request(self) -> Any:
        """google-auth's HTTP transport for token requests (one requests session per client, reused)."""
        if self._transport is None:
            try:
                from google.auth.transport.requests import Request
            except ModuleNotFoundError as err:  # pragma: no cover - google-auth[requests] is a dependency
                raise RuntimeError(_MISSING_GOOGLE_AUTH) from err
            self._transport = Request()
        return self._transport
