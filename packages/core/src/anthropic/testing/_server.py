"""``FakeAnthropicServer``: a real HTTP/1.1 server that records requests and plays scripted or default replies."""

from __future__ import annotations

import re
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, Mapping, Sequence, Union
from urllib.parse import parse_qs

from ._api import DefaultApi
from ._headers import Headers
from ._recording import RecordedRequest
from ._reply import Reply, Responder
from ._script import MessageScript
from ._wire import Outgoing, RawRequest, WireServer

if TYPE_CHECKING:
    import ssl
    from types import TracebackType

    from typing_extensions import Self

PathMatcher = Union[str, "re.Pattern[str]", None]
Turn = Union[Responder, str, Mapping[str, Any]]


class _Scripted:
    __slots__ = ("method", "path", "responder")

    def __init__(self, responder: Responder, path: PathMatcher, method: str | None) -> None:
        self.responder = responder
        self.path = path
        self.method = method.upper() if method else None

    def matches(self, request: RecordedRequest) -> bool:
        if self.method is not None and self.method != request.method:
            return False
        if self.path is None:
            return True
        if isinstance(self.path, str):
            return self.path == request.path
        return self.path.fullmatch(request.path) is not None


class FakeAnthropicServer:
    """A fake Anthropic API on a real socket, for tests that must work offline.

    Start it (``with FakeAnthropicServer() as server:`` or ``start()``/``stop()``), point a client at ``server.url``,
    script answers with ``enqueue`` / ``script_message`` / ``script_turns``, and inspect ``server.requests``.
    Unscripted requests get realistic default answers from an in-memory API (messages, models, batches, files,
    skills, completions).

    ``require_auth=True`` rejects requests without ``x-api-key`` or ``authorization`` (401); a string requires that
    exact key (as ``x-api-key`` or ``Bearer`` token). ``batch_polls`` is how many retrievals of a new message batch
    still report ``in_progress``. ``max_recorded`` keeps only the latest N requests (for long benchmarks).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ssl_context: ssl.SSLContext | None = None,
        require_auth: bool | str = False,
        batch_polls: int = 0,
        max_recorded: int | None = None,
    ) -> None:
        self.host = host
        self.require_auth = require_auth
        self._ssl_context = ssl_context
        self._wire = WireServer(host, port, self._handle, ssl_context, on_error=self._record_error)
        self._state_lock = threading.Condition()
        self._requests: deque[RecordedRequest] = deque(maxlen=max_recorded)
        self._queue: list[_Scripted] = []
        self._count = 0
        self._received = 0
        self._started = False
        self.errors: list[BaseException] = []
        """Exceptions raised by scripted reply functions (each was answered with a 500)."""
        self.api = DefaultApi(lambda: self.url, batch_polls)
        """The in-memory default API (batches, files, skills); tests may inspect it."""

    # -- lifecycle ----------------------------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind and start serving in background threads (a no-op when already running)."""
        if not self._started:
            self._wire.start()
            self._started = True
        return self

    def stop(self) -> None:
        """Stop serving, close every socket and join every thread; safe to call twice."""
        if self._started:
            self._started = False
            self._wire.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if not self._started:
            raise RuntimeError("FakeAnthropicServer is not running; call start() first")
        return self._wire.port

    @property
    def url(self) -> str:
        """Base URL to give a client, e.g. ``http://127.0.0.1:54321`` (``https`` with an ``ssl_context``)."""
        scheme = "https" if self._ssl_context is not None else "http"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    @property
    def open_connections(self) -> int:
        """Client connections currently open (keep-alive connections count until the client closes them)."""
        return self._wire.connection_count()

    # -- recorded requests --------------------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a snapshot copy)."""
        with self._state_lock:
            return list(self._requests)

    @property
    def last_request(self) -> RecordedRequest:
        """The most recent request; raises LookupError when none arrived yet."""
        with self._state_lock:
            if not self._requests:
                raise LookupError("the fake server has not received any request")
            return self._requests[-1]

    def wait_for_requests(self, count: int, timeout: float = 5.0) -> list[RecordedRequest]:
        """Block until at least ``count`` requests arrived (useful with clients running in other threads)."""
        with self._state_lock:
            if not self._state_lock.wait_for(lambda: self._received >= count, timeout):
                raise TimeoutError(f"expected {count} requests, got {self._received} within {timeout}s")
            return list(self._requests)

    def reset(self) -> None:
        """Forget requests, pending scripted replies, errors and stored batches/files/skills."""
        with self._state_lock:
            self._requests.clear()
            self._queue.clear()
            self.errors.clear()
            self._count = 0
            self._received = 0
        self.api.reset()

    # -- scripting ----------------------------------------------------------------------------------------------

    def enqueue(self, *replies: Responder, path: PathMatcher = None, method: str | None = None) -> None:
        """Queue replies for the next requests matching ``path`` (exact path or compiled regex) and ``method``.

        Each reply is used once, in order, before default answers apply. A reply may be a function of the
        ``RecordedRequest`` returning a ``Reply`` (``Reply.message(...)`` is one).
        """
        with self._state_lock:
            self._queue.extend(_Scripted(reply, path, method) for reply in replies)

    @property
    def pending(self) -> int:
        """Number of queued replies not consumed yet."""
        with self._state_lock:
            return len(self._queue)

    def script_message(self, text: str | None = None, **kwargs: Any) -> MessageScript:
        """Queue one model answer for the next ``POST /v1/messages`` (JSON or SSE, following the request)."""
        script = MessageScript(text=text, **kwargs)
        self.enqueue(script, path="/v1/messages", method="POST")
        return script

    def script_turns(self, turns: Sequence[Turn]) -> None:
        """Queue a multi-turn conversation, one turn per ``POST /v1/messages``.

        A turn is a ``Reply`` or reply function, a string (a text answer) or a mapping of ``MessageScript``
        arguments, e.g. ``{"tool_uses": [{"name": "get_weather", "input": {"city": "Paris"}}]}``.
        """
        scripted: list[Responder] = []
        for turn in turns:
            if isinstance(turn, str):
                scripted.append(MessageScript(text=turn))
            elif isinstance(turn, Mapping):
                scripted.append(MessageScript(**dict(turn)))
            else:
                scripted.append(turn)
        self.enqueue(*scripted, path="/v1/messages", method="POST")

    def add_file(self, data: bytes, filename: str = "file.txt", mime_type: str | None = None) -> str:
        """Store a file (as if uploaded through ``POST /v1/files``) and return its id."""
        with self.api._lock:
            return self.api.add_file(data, filename, mime_type)

    # -- request handling (server threads) ----------------------------------------------------------------------

    def _handle(self, raw: RawRequest) -> Outgoing:
        path, _, query_string = raw.target.partition("?")
        with self._state_lock:
            index = self._count
            self._count += 1
        request_id = f"req_01FAKE{index:018d}"
        request = RecordedRequest(
            method=raw.method,
            path=path,
            query_string=query_string,
            query=parse_qs(query_string, keep_blank_values=True),
            headers=Headers(raw.headers),
            body=raw.body,
            http_version=raw.version,
            index=index,
            connection_id=raw.connection_id,
            request_id=request_id,
        )
        with self._state_lock:
            self._requests.append(request)
            self._received += 1
            self._state_lock.notify_all()
        return Outgoing(self._choose(request), request_id)

    def _choose(self, request: RecordedRequest) -> Reply:
        if self.require_auth and not self._authorized(request):
            return Reply.error(401, message="invalid x-api-key")
        responder: Responder | None = None
        with self._state_lock:
            for position, scripted in enumerate(self._queue):
                if scripted.matches(request):
                    responder = self._queue.pop(position).responder
                    break
        try:
            if responder is None:
                return self.api.handle(request)
            if isinstance(responder, Reply):
                return responder
            reply = responder(request)
            if not isinstance(reply, Reply):
                raise TypeError(f"scripted reply function returned {type(reply).__name__}, expected Reply")
            return reply
        except Exception as exc:
            self._record_error(exc)
            return Reply.error(500, message=f"fake server error: {exc!r}")

    def _record_error(self, exc: BaseException) -> None:
        with self._state_lock:
            self.errors.append(exc)

    def _authorized(self, request: RecordedRequest) -> bool:
        api_key = request.headers.get("x-api-key", "")
        authorization = request.headers.get("authorization", "")
        if isinstance(self.require_auth, str):
            return self.require_auth in (api_key, authorization.removeprefix("Bearer ").strip())
        return bool(api_key or authorization)

    def __repr__(self) -> str:
        where = self.url if self._started else "stopped"
        return f"<FakeAnthropicServer {where}>"
