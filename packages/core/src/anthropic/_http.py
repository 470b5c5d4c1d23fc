"""httpx clients with the SDK's defaults, and the telemetry headers describing this runtime.

`DefaultHttpxClient` / `DefaultAsyncHttpxClient` are httpx clients with the SDK's timeout, pool limits, redirect
policy, TCP keep-alive and environment proxies. Unless given `verify=`, they reuse one TLS context per process:
building a context (loading the CA bundle) is most of what constructing an httpx client costs.
"""

from __future__ import annotations

import contextlib
import functools
import platform
import socket
import ssl
import sys
import threading
import weakref
from http.cookiejar import CookieJar
from typing import TYPE_CHECKING, Any

import httpx

from ._constants import DEFAULT_CONNECTION_LIMITS, DEFAULT_TIMEOUT
from ._pool import AsyncPoolTransport, SyncPoolTransport

if TYPE_CHECKING:
    import asyncio

__all__ = [
    "DefaultAioHttpClient",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "follow_event_loop",
    "platform_headers",
]

_ssl_lock = threading.Lock()
_shared_ssl_context: ssl.SSLContext | None = None


def shared_ssl_context() -> ssl.SSLContext:
    """One verifying TLS context per process (honours SSL_CERT_FILE / SSL_CERT_DIR like httpx)."""
    global _shared_ssl_context
    if _shared_ssl_context is None:
        with _ssl_lock:
            if _shared_ssl_context is None:
                _shared_ssl_context = httpx.create_ssl_context()  # pyright: ignore[reportDeprecated]
    return _shared_ssl_context


def _keepalive_socket_options() -> list[tuple[int, int, int]]:
    options: list[tuple[int, int, int]] = [(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)]
    keepintvl = getattr(socket, "TCP_KEEPINTVL", None)
    if keepintvl is not None:
        options.append((socket.IPPROTO_TCP, keepintvl, 60))
    elif sys.platform == "darwin":
        options.append((socket.IPPROTO_TCP, getattr(socket, "TCP_KEEPALIVE", 0x10), 60))
    keepcnt = getattr(socket, "TCP_KEEPCNT", None)
    if keepcnt is not None:
        options.append((socket.IPPROTO_TCP, keepcnt, 5))
    keepidle = getattr(socket, "TCP_KEEPIDLE", None)
    if keepidle is not None:
        options.append((socket.IPPROTO_TCP, keepidle, 60))
    return options


def _defaults(kwargs: dict[str, Any], transport_cls: Any) -> dict[str, Any]:
    kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
    kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
    kwargs.setdefault("follow_redirects", True)
    if "verify" not in kwargs:
        kwargs["verify"] = shared_ssl_context()
    if "transport" not in kwargs:
        transport_kwargs = {
            "verify": kwargs["verify"],
            "limits": kwargs["limits"],
            "socket_options": _keepalive_socket_options(),
        }
        for key in ("cert", "http1", "http2", "trust_env"):
            if key in kwargs:
                transport_kwargs[key] = kwargs[key]
        kwargs["transport"] = transport_cls(**transport_kwargs)
        if "proxy" not in kwargs:
            from httpx._utils import get_environment_proxies  # pyright: ignore[reportPrivateImportUsage]

            mounts: dict[str, Any] = {}
            for pattern, url in get_environment_proxies().items():
                mounts[pattern] = None if url is None else transport_cls(proxy=httpx.Proxy(url), **transport_kwargs)
            mounts.update(kwargs.get("mounts") or {})
            kwargs["mounts"] = mounts
    return kwargs


class _Cookies(httpx.Cookies):
    """The client's cookie jar, skipping the jar's work after a response that sets no cookie.

    httpx hands every response to `CookieJar.extract_cookies`, which first copies every request header into a
    `urllib` request through `Headers.__getitem__` (a scan of the whole header list per header: quadratic in
    the ~20 headers we send) only to find no `Set-Cookie`. A response that sets cookies takes httpx's path
    unchanged, and so does a jar subclass with its own extraction.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers or not _plain_jar(self.jar):
            super().extract_cookies(response)


def _plain_jar(jar: CookieJar) -> bool:
    kind = type(jar)
    return kind.extract_cookies is CookieJar.extract_cookies and kind.make_cookies is CookieJar.make_cookies


class _FastCookieJar:
    """Mixin for the SDK's httpx clients: their cookie jar is a `_Cookies`, also after `client.cookies = ...`."""

    _cookies: httpx.Cookies

    def _use_fast_cookies(self) -> None:
        self._cookies = _Cookies(self._cookies.jar)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._cookies = _Cookies(httpx.Cookies(cookies).jar)


class DefaultHttpxClient(_FastCookieJar, httpx.Client):
    """An `httpx.Client` with the SDK's defaults; pass it as `http_client=` to customise proxies, TLS, transports."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs, SyncPoolTransport))
        self._use_fast_cookies()


class DefaultAsyncHttpxClient(_FastCookieJar, httpx.AsyncClient):
    """The async twin of `DefaultHttpxClient`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_defaults(kwargs, AsyncPoolTransport))
        self._use_fast_cookies()


class DefaultAioHttpClient(httpx.AsyncClient):
    """An aiohttp-backed client; needs the `httpx_aiohttp` package."""

    def __init__(self, **kwargs: Any) -> None:
        try:
            import httpx_aiohttp  # type: ignore[import-not-found]  # pyright: ignore[reportMissingImports]
        except ImportError as err:
            raise RuntimeError(
                "To use the aiohttp client you must have installed the package with the `aiohttp` extra"
            ) from err
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_CONNECTION_LIMITS)
        kwargs.setdefault("follow_redirects", True)
        client = httpx_aiohttp.HttpxAiohttpClient(**kwargs)  # pyright: ignore[reportUnknownMemberType]
        self.__dict__.update(client.__dict__)  # pyright: ignore[reportUnknownMemberType]


@functools.lru_cache(maxsize=8)
def platform_headers(version: str) -> dict[str, str]:
    """The `X-Stainless-*` telemetry headers 0.74.0 sends, computed once per process."""
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": version,
        "X-Stainless-OS": _os_name(),
        "X-Stainless-Arch": _arch(),
        "X-Stainless-Runtime": platform.python_implementation(),
        "X-Stainless-Runtime-Version": platform.python_version(),
    }


def _os_name() -> str:
    try:
        uname = platform.uname()
        system = uname.system.lower()
        # `platform.platform()` would add the libc version, found by reading the interpreter binary and running
        # `uname -p` in a subprocess (~20 ms and 1.8 MiB of modules at the first client); the words looked for
        # below come from these fields.
        full = " ".join((uname.system, uname.release, uname.version, uname.machine)).lower()
    except Exception:
        return "Unknown"
    if "iphone" in full or "ipad" in full:
        return "iOS"
    if system == "darwin":
        return "MacOS"
    if system == "windows":
        return "Windows"
    if "android" in full:
        return "Android"
    if system == "linux":
        return "Linux"
    if system == "freebsd":
        return "FreeBSD"
    if system == "openbsd":
        return "OpenBSD"
    return f"Other:{system}" if system else "Unknown"


def _arch() -> str:
    try:
        machine = platform.machine().lower()
    except Exception:
        return "unknown"
    if machine in ("arm64", "aarch64"):
        return "arm64"
    if machine == "arm":
        return "arm"
    if machine in ("x86_64", "amd64"):
        return "x64"
    if sys.maxsize <= 2**32:
        return "x32"
    return f"other:{machine}" if machine else "unknown"


class OwnedHttpxClient(DefaultHttpxClient):
    """The pool a client creates for itself: closed when the last client sharing it is garbage-collected."""

    def __del__(self) -> None:
        if self.is_closed:
            return
        with contextlib.suppress(Exception):
            self.close()


class OwnedAsyncHttpxClient(DefaultAsyncHttpxClient):
    """The async pool a client creates for itself.

    Deliberately no `__del__` that schedules `aclose()`: a garbage-collected client cannot know which event loop
    its connections belong to, and closing them from another loop fails. Use `async with` or `await close()`.
    """


# -- async pools across event loops ----------------------------------------------------------------------------

_client_loops: weakref.WeakKeyDictionary[httpx.AsyncClient, weakref.ReferenceType[asyncio.AbstractEventLoop]] = (
    weakref.WeakKeyDictionary()
)


def follow_event_loop(client: httpx.AsyncClient) -> None:
    """Called before each async request: when the httpx client was last used from another event loop that has
    finished (e.g. a first `asyncio.run`), forget its pooled connections before this request could pick one.

    Such a connection belongs to the old loop: using it fails (httpcore then raises "Event loop is closed"), and
    may do so after the request was already written. Each dropped connection's socket is shut down at once (the
    server sees it closed); its file descriptor is released when the old loop's transport is garbage-collected.
    A client used from two loops running at the same time is left alone (httpx does not support that).
    Applies to every `httpx.AsyncClient` with httpx's own transports, the SDK's or one given as `http_client=`.
    """
    import asyncio  # here, not at the top: a sync-only process never needs it

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # trio, or no asyncio loop: nothing to follow
        return
    ref = _client_loops.get(client)
    previous = None if ref is None else ref()
    if previous is loop:
        return
    _client_loops[client] = weakref.ref(loop)
    if ref is None or (previous is not None and previous.is_running()):
        return
    every_connection = previous is None or previous.is_closed()
    for pool in _connection_pools(client):
        _drop_connections(pool, every_connection)


def _connection_pools(client: httpx.AsyncClient) -> list[Any]:
    transports: list[Any] = [getattr(client, "_transport", None)]
    mounts = getattr(client, "_mounts", None)
    if isinstance(mounts, dict):
        transports.extend(mounts.values())  # pyright: ignore[reportUnknownMemberType, reportUnknownArgumentType]
    pools: list[Any] = []
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if pool is not None and isinstance(getattr(pool, "_connections", None), list):
            pools.append(pool)
    return pools


def _drop_connections(pool: Any, every_connection: bool) -> None:
    connections: list[Any] = pool._connections
    for connection in list(connections):
        with contextlib.suppress(Exception):
            if not every_connection and not connection.is_idle():
                continue
            connections.remove(connection)
            sock = _socket_of(connection)
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)


def _socket_of(connection: Any) -> Any:
    """The socket under an httpcore connection (through its HTTP/1.1, HTTP/2 or proxy layers), or None."""
    node = connection
    for _ in range(4):
        stream = getattr(node, "_network_stream", None)
        if stream is not None:
            return stream.get_extra_info("socket")
        node = getattr(node, "_connection", None)
        if node is None:
            return None
    return None
