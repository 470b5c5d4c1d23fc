"""The only module that sends requests with httpx: serialisation, the retry loop, timeouts, error mapping.

Each attempt: build the request from the `APIRequest` description, let the platform's transformers rewrite it,
serialise it, send it with the platform's `httpx.Auth` (signing/tokens run per attempt), then map the outcome.
The sync and async loops differ only in how they send and sleep; every decision is in shared functions.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import anyio
import httpx

from ._exceptions import APIConnectionError, APIStatusError, APITimeoutError, UnsupportedOnPlatformError
from ._observe import Attempt
from ._platform import PreparedRequest
from ._qs import encode_query
from ._retry import retry_delay, should_retry_status
from ._types import NotGiven, Omit

if TYPE_CHECKING:
    from ._platform import PlatformRuntime
    from ._request import APIRequest

__all__ = ["AsyncSender", "RequestCache", "SyncSender", "make_status_error_from_response"]

log = logging.getLogger("anthropic")

_UNENCODABLE = (
    "The request could not be encoded: a header value (for example the API key) contains characters that HTTP "
    "headers cannot carry, such as a newline."
)
_DRAIN_LIMIT = 64 * 1024


def _small_body(response: httpx.Response) -> bool:
    length = response.headers.get("content-length")
    return length is not None and length.isdigit() and int(length) <= _DRAIN_LIMIT


class RequestCache:
    """Per-client memo of the per-request work that repeats from call to call: parsed URLs and merged headers.

    A client sends the same few URLs with the same few header sets again and again; parsing a URL and
    normalising ~20 headers into `httpx.Headers` cost more than the rest of our request path together.
    Everything kept here is immutable or copied before use, and both tables are bounded.
    """

    __slots__ = ("_defaults", "_headers", "_urls")

    _LIMIT = 128

    def __init__(self) -> None:
        self._defaults: Mapping[str, tuple[str, str]] | None = None
        self._headers: dict[object, _HeaderSet] = {}
        self._urls: dict[str, tuple[httpx.URL, str | None]] = {}

    def url(self, text: str) -> tuple[httpx.URL, str | None]:
        """The parsed URL and the `Host` header httpx would derive from it (None when it has no host)."""
        entry = self._urls.get(text)
        if entry is None:
            url = httpx.URL(text)
            entry = (url, url.netloc.decode("ascii") if url.host else None)
            if len(self._urls) >= self._LIMIT:
                self._urls.clear()
            self._urls[text] = entry
        return entry

    def header_set(
        self,
        defaults: Mapping[str, tuple[str, str]],
        custom: Mapping[str, str | Omit],
        timeout: httpx.Timeout,
        explicit_timeout: bool,
    ) -> _HeaderSet:
        """The merged headers of a call (see `_merge_headers`), shared by every call with the same inputs."""
        if defaults is not self._defaults:
            self._defaults = defaults
            self._headers.clear()
        read = timeout.read
        # str(read), not read: 600 and 600.0 are equal keys but different header values.
        key = (explicit_timeout, None if read is None else str(read), tuple(custom.items()) if custom else ())
        try:
            found = self._headers.get(key)
        except TypeError:  # an unhashable header value: nothing to share
            return _HeaderSet(_merge_headers(defaults, custom, timeout, explicit_timeout=explicit_timeout), custom)
        if found is None:
            found = _HeaderSet(_merge_headers(defaults, custom, timeout, explicit_timeout=explicit_timeout), custom)
            if len(self._headers) >= self._LIMIT:
                self._headers.clear()
            self._headers[key] = found
        return found


class _HeaderSet:
    """One merged header set, read-only once built, plus the `httpx.Headers` prefixes built from it on demand."""

    __slots__ = ("base", "lower", "prefixes", "retry_count_fixed")

    def __init__(self, lower: dict[str, tuple[str, str]], custom: Mapping[str, str | Omit]) -> None:
        self.lower = lower
        self.base = {key: value for key, value in lower.values()}
        self.retry_count_fixed = bool(custom) and _has_key(custom, "x-stainless-retry-count")
        self.prefixes: dict[tuple[str | None, bool], httpx.Headers | None] = {}

    def prefix(self, host: str | None, is_get: bool) -> httpx.Headers | None:
        """`Host` then these headers (without `Content-Type` for a GET), in the order httpx would send them.

        None when the caller set `Content-Length` or `Transfer-Encoding` themselves: such requests take the
        general path, where httpx decides.
        """
        key = (host, is_get)
        try:
            return self.prefixes[key]
        except KeyError:
            pass
        lower = self.lower
        prefix: httpx.Headers | None = None
        if "content-length" not in lower and "transfer-encoding" not in lower:
            items: list[tuple[str, str]] = []
            if host is not None and "host" not in lower:
                items.append(("Host", host))
            for name, value in self.base.items():
                if not (is_get and name.lower() == "content-type"):
                    items.append((name, value))
            prefix = httpx.Headers(items)
        self.prefixes[key] = prefix
        return prefix


class _SendPlan:
    """What stays fixed across the attempts of one call: timeout, retries, headers and body before transforms."""

    __slots__ = (
        "api_request",
        "base_headers",
        "body",
        "cache",
        "header_set",
        "max_retries",
        "platform",
        "timeout",
        "url",
    )

    def __init__(
        self,
        *,
        api_request: APIRequest[Any],
        platform: PlatformRuntime,
        base_url: str,
        default_headers: Mapping[str, tuple[str, str]],
        default_query: Mapping[str, object],
        client_timeout: httpx.Timeout | float | None,
        client_max_retries: int,
        cache: RequestCache | None = None,
    ) -> None:
        message = platform.unsupported_message(api_request.endpoint)
        if message is not None:
            raise UnsupportedOnPlatformError(message)
        self.api_request = api_request
        self.platform = platform
        timeout = client_timeout if isinstance(api_request.timeout, NotGiven) else api_request.timeout
        self.timeout: httpx.Timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.max_retries = client_max_retries if api_request.max_retries is None else api_request.max_retries
        self.url = _join_url(base_url, api_request.path, default_query, api_request.query)
        explicit_timeout = not isinstance(api_request.timeout, NotGiven) and api_request.timeout is not None
        if cache is None:
            cache = RequestCache()
        self.cache = cache
        header_set = cache.header_set(default_headers, api_request.headers, self.timeout, explicit_timeout)
        self.header_set = header_set
        self.base_headers = header_set.base
        if platform.validate_headers is not None:
            platform.validate_headers(self.base_headers, api_request.headers)
        self.body = api_request.json_body()

    def follow_redirects(self, http: httpx.Client | httpx.AsyncClient) -> bool:
        """The call's `follow_redirects` option, else the httpx client's setting."""
        follow = self.api_request.follow_redirects
        return http.follow_redirects if follow is None else follow

    def prepare(self, retries_taken: int, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The httpx request for one attempt: transformers run on a fresh copy each time."""
        if not self.platform.transformers and self.api_request.files is None:
            request = self._direct(retries_taken, http)
            if request is not None:
                return request
        return self._general(retries_taken, http)

    def _general(self, retries_taken: int, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """Any request: a `PreparedRequest` the transformers may rewrite, then serialised by httpx."""
        req = self.api_request
        headers = dict(self.base_headers)
        if not self.header_set.retry_count_fixed:
            headers["x-stainless-retry-count"] = str(retries_taken)
        prepared = PreparedRequest(
            method=req.method,
            url=self.url,
            headers=headers,
            json=self.body if req.files is None and req.content is None else None,
            content=req.content,
            files=req.files,
            data=self.body if req.files is not None and isinstance(self.body, Mapping) else None,
            endpoint=req.endpoint,
            stream=req.stream,
            retries_taken=retries_taken,
        )
        for transform in self.platform.transformers:
            transform(prepared)
        return _to_httpx(prepared, self.timeout, http)

    def _direct(self, retries_taken: int, http: httpx.Client | httpx.AsyncClient) -> httpx.Request | None:
        """The common request (no transformers, no files, no client cookies or params) built without
        re-normalising its headers: the same request `_to_httpx` makes, header order included, or None."""
        if http.cookies or http.params:
            return None
        req = self.api_request
        content = req.content
        if content is None:
            content = b"" if self.body is None else _dump_json(self.body)
        method = req.method
        if not isinstance(content, bytes) or (not content and method in ("POST", "PUT", "PATCH")):
            return None  # streamed or empty bodies: httpx's own framing rules apply
        url, host = self.cache.url(self.url)
        prefix = self.header_set.prefix(host, method == "GET")
        if prefix is None:
            return None
        # What `httpx.Request(content=...)` does: `Host` first, our headers, then `Content-Length` for a body.
        request = httpx.Request(
            method,
            url,
            headers=prefix,
            stream=httpx.ByteStream(content),
            extensions={"timeout": self.timeout.as_dict()},
        )
        headers = request.headers
        if not self.header_set.retry_count_fixed:
            headers["x-stainless-retry-count"] = str(retries_taken)
        if content:
            headers["Content-Length"] = str(len(content))
        request.read()
        return request


def _dump_json(body: object) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=_json_default).encode()


def _to_httpx(
    prepared: PreparedRequest, timeout: httpx.Timeout, http: httpx.Client | httpx.AsyncClient
) -> httpx.Request:
    """Serialise through the httpx client's `build_request`, so its own headers and cookies apply too."""
    extensions: dict[str, Any] = dict(prepared.extensions)
    headers = prepared.headers
    if prepared.files is not None:
        # httpx writes the multipart boundary; a bare multipart Content-Type would lack it.
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        return http.build_request(
            prepared.method,
            prepared.url,
            headers=headers,
            data=prepared.data,  # type: ignore[arg-type]
            files=prepared.files,
            timeout=timeout,
            extensions=extensions,
        )
    content = prepared.content
    if content is None and prepared.json is not None:
        content = _dump_json(prepared.json)
    if prepared.method == "GET":
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    if http.cookies or http.params:
        return http.build_request(
            prepared.method, prepared.url, headers=headers, content=content, timeout=timeout, extensions=extensions
        )
    # The common case, without `build_request`'s merging: the client's own headers are already part of our
    # defaults (see `BaseClient._lower_default_headers`), and there are no cookies or params to merge.
    extensions["timeout"] = timeout.as_dict()
    return httpx.Request(prepared.method, prepared.url, headers=headers, content=content, extensions=extensions)


def _json_default(value: object) -> object:
    """Serialise what `json` cannot: our models (as the API named their fields), dates, iterables."""
    import datetime

    import pydantic

    if isinstance(value, pydantic.BaseModel):
        # `__api_exclude__` names client-side fields (e.g. `parsed_output`) that never go back to the API.
        exclude = getattr(value, "__api_exclude__", None)
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True, exclude=exclude)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)  # pyright: ignore[reportUnknownArgumentType]
    if hasattr(value, "__iter__") and not isinstance(value, (str, bytes, Mapping)):
        return list(value)  # type: ignore[call-overload]
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _has_key(headers: Mapping[str, object], name: str) -> bool:
    return any(k.lower() == name for k in headers)


def lower_keyed(headers: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Headers as `lowercased name -> (name as written, value)`: merged per request without re-lowercasing."""
    return {key.lower(): (key, value) for key, value in headers.items()}


def _merge_headers(
    defaults: Mapping[str, tuple[str, str]],
    custom: Mapping[str, str | Omit],
    timeout: httpx.Timeout,
    *,
    explicit_timeout: bool,
) -> dict[str, tuple[str, str]]:
    """Defaults < per-call headers; an `Omit` value removes the header. Case-insensitive, case-preserving.

    `defaults` is the client's `lower_keyed` default headers (computed once per client).
    """
    merged = dict(defaults)
    if explicit_timeout:
        merged.setdefault("x-stainless-timeout", ("x-stainless-timeout", str(timeout.read)))
    custom_lower: set[str] = set()
    for key, value in custom.items():
        lower = key.lower()
        custom_lower.add(lower)
        if isinstance(value, Omit):
            merged.pop(lower, None)
        else:
            merged[lower] = (key, value)
    read_timeout_set = "x-stainless-read-timeout" in merged or "x-stainless-read-timeout" in custom_lower
    if not read_timeout_set and timeout.read is not None:
        merged["x-stainless-read-timeout"] = ("x-stainless-read-timeout", str(timeout.read))
    return merged


def _join_url(
    base_url: str, path: str, default_query: Mapping[str, object], query: Mapping[str, object]
) -> str:
    if path.startswith(("http://", "https://")):
        url = path
    else:
        url = base_url + path.lstrip("/")
    params: dict[str, object] = {}
    if default_query:
        params.update(default_query)
    if query:
        params.update(query)
    if not params:
        return url
    encoded = encode_query(params)
    if not encoded:
        return url
    return f"{url}{'&' if '?' in url else '?'}{encoded}"


def make_status_error_from_response(
    platform: PlatformRuntime, response: httpx.Response, partial: bytes | None = None
) -> APIStatusError:
    """An error response as the exception for its status: body is the JSON document, else the text, else None.

    `partial` is what could be read of a body cut off by the connection (the response is closed, its `text` unset).
    """
    if partial is not None:
        if not partial:
            return platform.status_error(f"Error code: {response.status_code}", body=None, response=response)
        text = partial.decode(response.encoding or "utf-8", errors="replace").strip()
    elif response.is_closed and not response.is_stream_consumed:
        return platform.status_error(f"Error code: {response.status_code}", body=None, response=response)
    else:
        text = response.text.strip()
    body: object = text
    try:
        body = json.loads(text)
        message = f"Error code: {response.status_code} - {body}"
    except ValueError:
        message = text or f"Error code: {response.status_code}"
    return platform.status_error(message, body=body, response=response)


def _log_request(request: httpx.Request, attempt: int) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("Sending HTTP Request: %s %s (attempt %d)", request.method, request.url, attempt + 1)


def _log_response(response: httpx.Response) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            'HTTP Response: %s %s "%i %s" request_id=%s',
            response.request.method,
            response.request.url,
            response.status_code,
            response.reason_phrase,
            response.headers.get("request-id"),
        )


def _log_retry(request: httpx.Request, delay: float) -> None:
    log.info("Retrying request to %s in %f seconds", request.url.path, delay)


# -- the retry loop: one decision procedure (sans-IO), two drivers -------------------------------------------------
#
# `_attempts` decides everything (retries, delays, redirects, which error to raise) and yields the I/O it needs as
# small action objects; `SyncSender` and `AsyncSender` only perform them (blocking or awaiting). An exception of an
# action is thrown back into the generator at its `yield`, so the decisions read as ordinary try/except code.


class _Send:
    """Send one request (no redirect following); the result is the response."""

    __slots__ = ("auth", "request", "stream")

    def __init__(self, request: httpx.Request, stream: bool, auth: httpx.Auth | None) -> None:
        self.request, self.stream, self.auth = request, stream, auth


class _Sleep:
    __slots__ = ("delay",)

    def __init__(self, delay: float) -> None:
        self.delay = delay


class _Discard:
    """Let a response go: read a small streamed body first (so its connection returns to the pool), then close."""

    __slots__ = ("drain", "response")

    def __init__(self, response: httpx.Response, drain: bool) -> None:
        self.response, self.drain = response, drain


class _ReadErrorBody:
    """Read an error response's body; the result is what `_read_error_body` returns."""

    __slots__ = ("response",)

    def __init__(self, response: httpx.Response) -> None:
        self.response = response



def _attempts(
    plan: _SendPlan, http: httpx.Client | httpx.AsyncClient, auth: httpx.Auth | None
) -> Generator[Any, Any, tuple[httpx.Response, int]]:
    """The retry loop of one API request: prepare, send, follow redirects, retry or raise. Sans-IO."""
    stream = plan.api_request.stream
    observation = plan.api_request.observation
    follow = plan.follow_redirects(http)
    retries_taken = 0
    while True:
        request = plan.prepare(retries_taken, http)
        _log_request(request, retries_taken)
        auth_error: BaseException | None = None
        try:
            response: httpx.Response | None = yield from _with_redirects(request, plan, http, stream, auth, follow)
        except (httpx.LocalProtocolError, UnicodeEncodeError):
            # A header value HTTP cannot carry (e.g. a key with a newline): retrying cannot help, and the
            # underlying error quotes the value, so the SDK error is raised outside this block (no context).
            response = None
        except _AuthFlowError as err:
            auth_error, response = err.error, None
        except httpx.TimeoutException as err:
            if retries_taken < plan.max_retries:
                delay = retry_delay(retries_taken)
                _log_retry(request, delay)
                if observation is not None:
                    observation.attempt(Attempt(retries_taken + 1, None, err, delay, _where(request)))
                yield _Sleep(delay)
                retries_taken += 1
                continue
            if observation is not None:
                observation.attempt(Attempt(retries_taken + 1, None, err, None, _where(request)))
            raise APITimeoutError(request=request) from err
        except Exception as err:
            # Any other failure of the transport (httpx's, a custom transport's, an event hook's) is a
            # connection error, retried as 0.74.0 does; a closed client cannot recover, so it fails at once.
            if retries_taken < plan.max_retries and not http.is_closed:
                delay = retry_delay(retries_taken)
                _log_retry(request, delay)
                if observation is not None:
                    observation.attempt(Attempt(retries_taken + 1, None, err, delay, _where(request)))
                yield _Sleep(delay)
                retries_taken += 1
                continue
            if observation is not None:
                observation.attempt(Attempt(retries_taken + 1, None, err, None, _where(request)))
            raise APIConnectionError(request=request) from err
        if auth_error is not None:
            raise auth_error  # the platform's own error (no credentials...), as it would be without us
        if response is None:
            raise APIConnectionError(message=_UNENCODABLE, request=request)
        _log_response(response)
        if response.is_success:
            if observation is not None:
                observation.attempt(Attempt(retries_taken + 1, response.status_code, None, None, _where(request)))
            return response, retries_taken
        if retries_taken < plan.max_retries and should_retry_status(response.status_code, response.headers):
            yield _Discard(response, drain=stream and _small_body(response))
            delay = retry_delay(retries_taken, response.headers)
            _log_retry(request, delay)
            if observation is not None:
                observation.attempt(Attempt(retries_taken + 1, response.status_code, None, delay, _where(request)))
            yield _Sleep(delay)
            retries_taken += 1
            continue
        if observation is not None:
            observation.attempt(Attempt(retries_taken + 1, response.status_code, None, None, _where(request)))
        try:
            partial = yield _ReadErrorBody(response)
        except httpx.TimeoutException as err:
            raise APITimeoutError(request=request) from err
        raise make_status_error_from_response(plan.platform, response, partial)


def _where(request: httpx.Request) -> str:
    """An attempt's URL for observers: scheme, host, port and path; never user info or query (credentials)."""
    url = request.url
    return f"{url.scheme}://{url.netloc.decode('ascii')}{url.path}"


def _with_redirects(
    request: httpx.Request,
    plan: _SendPlan,
    http: httpx.Client | httpx.AsyncClient,
    stream: bool,
    auth: httpx.Auth | None,
    follow: bool,
) -> Generator[Any, Any, httpx.Response]:
    """One attempt, following redirects ourselves so that credentials never reach another origin."""
    response: httpx.Response = yield _Send(request, stream, auth)
    if not follow or response.next_request is None:
        return response
    history: list[httpx.Response] = []
    while True:
        next_request = response.next_request
        if next_request is None:
            response.history = history
            return response
        if len(history) >= http.max_redirects:
            yield _Discard(response, drain=False)
            raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.", request=next_request)
        _strip_credentials(response.request, next_request, plan.platform)
        yield _Discard(response, drain=stream and _small_body(response))
        history.append(response)
        # auth=None: the platform's auth signed the first hop only, as in httpx's own redirect handling.
        response = yield _Send(next_request, stream, None)


class _Sender:
    """What both drivers share: the HTTP client and the platform auth, wrapped once to tell its errors apart."""

    __slots__ = ("_auth", "_guarded", "http")

    def __init__(self, http: Any) -> None:
        self.http = http
        self._auth: httpx.Auth | None = None
        self._guarded: httpx.Auth | None = None

    def _steps(self, plan: _SendPlan) -> Generator[Any, Any, tuple[httpx.Response, int]]:
        auth = plan.platform.auth
        if auth is not None and auth is not self._auth:
            self._guarded = _GuardedAuth(auth)
            self._auth = auth
        return _attempts(plan, self.http, None if auth is None else self._guarded)


class SyncSender(_Sender):
    """Performs `_attempts` over an `httpx.Client`. Returns a successful response (streamed when asked)."""

    http: httpx.Client

    def send(self, plan: _SendPlan) -> tuple[httpx.Response, int]:
        steps = self._steps(plan)
        try:
            action = next(steps)
            while True:
                error: Exception | None = None
                result: Any = None
                try:
                    result = self._perform(action)
                except Exception as exc:
                    error = exc
                # thrown outside the `except` block, so the decision's own errors do not chain to this one
                action = steps.send(result) if error is None else steps.throw(error)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _perform(self, action: Any) -> Any:
        if isinstance(action, _Send):
            if action.auth is None:
                return self.http.send(action.request, stream=action.stream, follow_redirects=False)
            return self.http.send(action.request, stream=action.stream, auth=action.auth, follow_redirects=False)
        if isinstance(action, _Sleep):
            time.sleep(action.delay)
            return None
        if isinstance(action, _Discard):
            if action.drain:
                with contextlib.suppress(httpx.HTTPError):
                    action.response.read()  # a fully read body lets the connection go back to the pool
            action.response.close()
            return None
        return _read_error_body(action.response)


class AsyncSender(_Sender):
    """Performs `_attempts` over an `httpx.AsyncClient`, awaiting I/O and `anyio.sleep`."""

    http: httpx.AsyncClient

    async def send(self, plan: _SendPlan) -> tuple[httpx.Response, int]:
        steps = self._steps(plan)
        try:
            action = next(steps)
            while True:
                error: Exception | None = None
                result: Any = None
                try:
                    result = await self._perform(action)
                except Exception as exc:
                    error = exc
                # thrown outside the `except` block, so the decision's own errors do not chain to this one
                action = steps.send(result) if error is None else steps.throw(error)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def _perform(self, action: Any) -> Any:
        if isinstance(action, _Send):
            if action.auth is None:
                return await self.http.send(action.request, stream=action.stream, follow_redirects=False)
            return await self.http.send(
                action.request, stream=action.stream, auth=action.auth, follow_redirects=False
            )
        if isinstance(action, _Sleep):
            await anyio.sleep(action.delay)
            return None
        if isinstance(action, _Discard):
            if action.drain:
                with contextlib.suppress(httpx.HTTPError):
                    await action.response.aread()
            await action.response.aclose()
            return None
        return await _aread_error_body(action.response)

# -- error bodies cut off by the connection --------------------------------------------------------------------


class _Recording(httpx.SyncByteStream):
    """Passes a response's raw bytes through, keeping them: what arrived before a cut is still known."""

    def __init__(self, inner: httpx.SyncByteStream) -> None:
        self.inner = inner
        self.chunks: list[bytes] = []

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            self.chunks.append(chunk)
            yield chunk

    def close(self) -> None:
        self.inner.close()


class _AsyncRecording(httpx.AsyncByteStream):
    """The async twin of `_Recording`."""

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self.inner = inner
        self.chunks: list[bytes] = []

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.inner:
            self.chunks.append(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self.inner.aclose()


def _arrived(response: httpx.Response, chunks: list[bytes]) -> bytes:
    """The raw bytes that arrived, when they are the body as sent (no content encoding to undo half-way)."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    return b"".join(chunks) if encoding in ("", "identity") else b""


def _read_error_body(response: httpx.Response) -> bytes | None:
    """Read an error response's body: None once read whole (`response.text` works), else the bytes that arrived
    before the connection cut it off (the response is then closed). Timeouts propagate."""
    recording: _Recording | None = None
    if not response.is_stream_consumed and isinstance(response.stream, httpx.SyncByteStream):
        recording = _Recording(response.stream)
        response.stream = recording
    try:
        response.read()
        return None
    except httpx.TimeoutException:
        raise
    except (httpx.TransportError, httpx.StreamError):
        response.close()
        return b"" if recording is None else _arrived(response, recording.chunks)


async def _aread_error_body(response: httpx.Response) -> bytes | None:
    """The async twin of `_read_error_body`."""
    recording: _AsyncRecording | None = None
    if not response.is_stream_consumed and isinstance(response.stream, httpx.AsyncByteStream):
        recording = _AsyncRecording(response.stream)
        response.stream = recording
    try:
        await response.aread()
        return None
    except httpx.TimeoutException:
        raise
    except (httpx.TransportError, httpx.StreamError):
        await response.aclose()
        return b"" if recording is None else _arrived(response, recording.chunks)


# -- redirects and platform auth -------------------------------------------------------------------------------

CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "x-amz-security-token"})
"""Headers that carry credentials: dropped from a redirect to another origin (httpx drops only `Authorization`).
A platform adds its own through `PlatformRuntime.credential_headers`."""


def _default_port(url: httpx.URL) -> int | None:
    return url.port or {"http": 80, "https": 443}.get(url.scheme)


def _keeps_credentials(origin: httpx.URL, target: httpx.URL) -> bool:
    """Same scheme, host and port, or httpx's one exception: the same host upgraded from http to https."""
    if origin.host != target.host:
        return False
    if origin.scheme == target.scheme and _default_port(origin) == _default_port(target):
        return True
    upgrade = origin.scheme == "http" and target.scheme == "https"
    return upgrade and _default_port(origin) == 80 and _default_port(target) == 443


def _strip_credentials(previous: httpx.Request, following: httpx.Request, platform: PlatformRuntime) -> None:
    if _keeps_credentials(previous.url, following.url):
        return
    extra = platform.credential_headers
    for name in list(following.headers.keys()):
        lower = name.lower()
        if lower in CREDENTIAL_HEADERS or lower in extra:
            del following.headers[name]


class _AuthFlowError(Exception):
    """Carries an error raised by the platform's auth flow (not a transport failure) out of `httpx.send`."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


class _GuardedAuth(httpx.Auth):
    """The platform's `httpx.Auth`, with its own errors (missing credentials, a failed token refresh) marked so
    the retry loop re-raises them unchanged instead of retrying them as connection errors. httpx's errors and
    unencodable header values keep their usual handling."""

    def __init__(self, inner: httpx.Auth) -> None:
        self.inner = inner

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self.inner.sync_auth_flow(request)
        try:
            outgoing = next(flow)
            while True:
                response = yield outgoing
                outgoing = flow.send(response)
        except StopIteration:
            return
        except (httpx.HTTPError, UnicodeEncodeError):
            raise
        except Exception as err:
            raise _AuthFlowError(err) from None
        finally:
            flow.close()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.inner.async_auth_flow(request)
        try:
            outgoing = await flow.__anext__()
            while True:
                response = yield outgoing
                outgoing = await flow.asend(response)
        except StopAsyncIteration:
            return
        except (httpx.HTTPError, UnicodeEncodeError):
            raise
        except Exception as err:
            raise _AuthFlowError(err) from None
        finally:
            await flow.aclose()


SendPlan = _SendPlan
