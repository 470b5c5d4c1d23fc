"""httpcore connection pools that hand each idle HTTP/1.1 connection to one request at a time.

httpcore 1.0's `_assign_requests_to_connections` (run whenever a request joins or leaves the pool) has three
faults that make a second burst of concurrent requests on a warm pool several times slower than the first
(encode/httpcore#1035, still open):

1. An idle connection stays "available" until the request it was given starts on it, so one pass gives the
   same connection to every queued request, and later passes give it out again. All but one of those requests
   wake up, fail with `ConnectionNotAvailable`, queue again and trigger another full pass. Because idle
   connections look available, the pool never opens new ones either: 200 requests share the 100 kept-alive
   connections and churn (about 800 lost races and 1,200 passes per burst of 200 instead of 400).
2. Each pass costs O(connections x queued requests), and the keep-alive limit counts every connection instead
   of the idle ones, so idle connections are closed whenever more than `max_keepalive_connections` exist.
3. Every pass asks every idle socket whether the server closed it (through anyio: ~20 us each).

The pools here replace only that method for HTTP/1.1-only pools (`http2=False`, httpx's default): a connection
given to a request (started on it or not) is spoken for, never given again nor closed under it; each free idle
connection goes to one request, new connections are opened up to `max_connections`, and surplus idle connections
(above the keep-alive limit, oldest first) are closed after assignment. An idle connection is checked for expiry
right before reuse, and all of them every `_SWEEP_INTERVAL`. One pass is O(connections + requests). Everything
else (the request queue, waiting, timeouts, cancellation, closing) is httpcore's own code. HTTP/2 pools keep
httpcore's method: there one connection carries many requests at once, which the rule above would defeat.
"""

from __future__ import annotations

import time
from typing import Any

import httpcore
import httpx

__all__ = ["AsyncPoolTransport", "SyncPoolTransport"]


_SWEEP_INTERVAL = 0.5
"""Seconds between checks of every idle connection for expiry; a connection is always checked before reuse."""


def _assign(pool: Any) -> list[Any]:
    """One assignment pass over `pool` (held under its lock by the caller). Returns the connections to close."""
    closing: list[Any] = []
    spoken_for: set[int] = set()
    queued: list[Any] = []
    for pool_request in pool._requests:
        connection = pool_request.connection
        if connection is None:
            queued.append(pool_request)
        else:
            spoken_for.add(id(connection))

    # Checking an idle connection for expiry asks the socket whether the server closed it (through anyio, about
    # 20 us each): every idle connection on every pass made the checks most of a warm burst's cost. So idle
    # connections are all checked at most every `_SWEEP_INTERVAL`, and each one right before it is reused.
    now = time.monotonic()
    sweep = now >= getattr(pool, "_anthropic_sweep_at", 0.0)
    if sweep:
        pool._anthropic_sweep_at = now + _SWEEP_INTERVAL

    live: list[Any] = []
    free: list[Any] = []  # idle, available and nobody's: in pool order, the oldest first
    for connection in pool._connections:
        if connection.is_closed():
            continue
        if id(connection) in spoken_for:
            # In use, or given to a request about to start on it (checked when it was given): never closed
            # under that request (httpcore can, encode/httpcore#1110).
            live.append(connection)
            continue
        is_free = connection.is_available()
        if (sweep or not is_free) and connection.has_expired():
            closing.append(connection)
            continue
        live.append(connection)
        if is_free:
            free.append(connection)

    count = len(live)
    for pool_request in queued:
        origin = pool_request.request.url.origin
        connection = _take(free, origin, closing, checked=sweep)
        if connection is not None:
            pool_request.assign_to_connection(connection)
        elif count < pool._max_connections:
            connection = pool.create_connection(origin)
            live.append(connection)
            count += 1
            pool_request.assign_to_connection(connection)
        elif free:
            # Full, and the idle connections left are for other origins: replace the oldest one.
            closing.append(free.pop(0))
            connection = pool.create_connection(origin)
            live.append(connection)
            pool_request.assign_to_connection(connection)
        else:
            break  # nothing left to give: the rest wait for a connection to be released

    surplus = len(free) - pool._max_keepalive_connections
    if surplus > 0:
        closing.extend(free[:surplus])
    if closing:
        gone = {id(connection) for connection in closing}
        live = [connection for connection in live if id(connection) not in gone]
    pool._connections[:] = live
    return closing


def _take(free: list[Any], origin: Any, closing: list[Any], *, checked: bool) -> Any:
    """The oldest free connection to `origin` that has not expired (expired ones go to `closing`), or None."""
    index = 0
    while index < len(free):
        connection = free[index]
        if not connection.can_handle_request(origin):
            index += 1
            continue
        del free[index]
        if not checked and connection.has_expired():
            closing.append(connection)
            continue
        return connection
    return None


class _AsyncPool(httpcore.AsyncConnectionPool):
    def _assign_requests_to_connections(self) -> list[Any]:
        if self._http2:
            return super()._assign_requests_to_connections()
        return _assign(self)


class _SyncPool(httpcore.ConnectionPool):
    def _assign_requests_to_connections(self) -> list[Any]:
        if self._http2:
            return super()._assign_requests_to_connections()
        return _assign(self)


def _upgrade(pool: Any, replacement: type) -> None:
    """Give a plain httpcore pool our assignment (same state, one method replaced); proxies keep theirs."""
    if type(pool) in (httpcore.AsyncConnectionPool, httpcore.ConnectionPool) and hasattr(pool, "_requests"):
        pool.__class__ = replacement


class AsyncPoolTransport(httpx.AsyncHTTPTransport):
    """`httpx.AsyncHTTPTransport` over a pool without httpcore's second-burst slowdown (see the module doc)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        _upgrade(self._pool, _AsyncPool)


class SyncPoolTransport(httpx.HTTPTransport):
    """The sync twin of `AsyncPoolTransport` (threads sharing a client queue on the same pool)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        _upgrade(self._pool, _SyncPool)
