"""SigV4 signing as an `httpx.Auth`: botocore signs every attempt, async clients sign in a worker thread.

Credentials come from a `boto3.Session` built from the client's arguments (keys, session token, profile, region),
so everything boto3 resolves works: explicit keys, `AWS_*` environment variables, shared config and credentials
files, `credential_process`, SSO, container and instance metadata. botocore's refreshable credentials refresh
themselves when they near expiry; each signature uses one frozen (access key, secret, token) triple.

The session is created on first use and kept for the client (copies with the same credentials share it), so
credential providers run once, not per request. In async code the session creation, credential resolution
(which may spawn a process or call a metadata endpoint) and the signing itself run in a worker thread through
`anyio.to_thread`, so the event loop keeps running.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncGenerator, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from ._errors import BedrockCredentialsError
from ._logredact import signing

if TYPE_CHECKING:
    import boto3

__all__ = ["AWSCredentialsSpec", "BedrockSigV4Auth"]

SERVICE_NAME = "bedrock"
NO_CREDENTIALS = (
    "could not resolve credentials from session; pass `aws_access_key` and `aws_secret_key`, set `aws_profile`, "
    "or configure credentials the way boto3 finds them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, "
    "~/.aws/credentials, AWS_PROFILE, SSO, instance or container roles)"
)

# Proxies may drop or rewrite these, so the receiver might not see them as signed.
_UNSIGNED_HEADERS = frozenset({"connection"})
_STREAM_SUFFIX = "/invoke-with-response-stream"


@dataclass(frozen=True)
class AWSCredentialsSpec:
    """What the session is built from: the client's AWS arguments."""

    access_key: str | None
    secret_key: str | None
    session_token: str | None
    profile: str | None
    region: str

    def __repr__(self) -> str:
        return f"AWSCredentialsSpec(profile={self.profile!r}, region={self.region!r}, keys={'given' if self.access_key else 'resolved'})"


class _SessionHolder:
    """One lazily created `boto3.Session` and its credentials, shared by a client and its copies.

    The first resolution happens under a lock, so concurrent first requests run the credential providers once
    (botocore does not serialise them itself); refreshable credentials then serialise their own refreshes.
    """

    __slots__ = ("_credentials", "_lock", "_session", "spec")

    def __init__(self, spec: AWSCredentialsSpec) -> None:
        self.spec = spec
        self._lock = threading.RLock()
        self._session: boto3.Session | None = None
        self._credentials: Any = None

    def session(self) -> boto3.Session:
        session = self._session
        if session is None:
            with self._lock:
                session = self._session
                if session is None:
                    import boto3

                    spec = self.spec
                    session = boto3.Session(
                        profile_name=spec.profile,
                        region_name=spec.region,
                        aws_access_key_id=spec.access_key,
                        aws_secret_access_key=spec.secret_key,
                        aws_session_token=spec.session_token,
                    )
                    self._session = session
        return session

    def frozen_credentials(self) -> Any:
        """The current (access key, secret, token); refreshable credentials refresh here when due."""
        credentials = self._credentials
        if credentials is None:
            with self._lock:
                credentials = self._credentials
                if credentials is None:
                    credentials = self.session().get_credentials()
                    if credentials is None:
                        raise BedrockCredentialsError(NO_CREDENTIALS)
                    self._credentials = credentials
        return credentials.get_frozen_credentials()


class BedrockSigV4Auth(httpx.Auth):
    """Signs each request with AWS Signature Version 4 for the `bedrock` service.

    Signed: method, URL, every header except `connection`, and the body. Added: `Authorization`, `X-Amz-Date`
    and, with temporary credentials, `X-Amz-Security-Token`. Runs once per attempt, so retries are signed anew.
    """

    requires_request_body = True

    def __init__(self, spec: AWSCredentialsSpec) -> None:
        from ._sigv4 import SigningKeyCache

        self._holder = _SessionHolder(spec)
        self._keys = SigningKeyCache()

    @property
    def spec(self) -> AWSCredentialsSpec:
        return self._holder.spec

    @property
    def region(self) -> str:
        return self._holder.spec.region

    def share_session_with(self, other: object) -> None:
        """Use `other`'s session (and its cached credentials) when both are built from the same arguments."""
        if isinstance(other, BedrockSigV4Auth) and other._holder.spec == self._holder.spec:
            self._holder = other._holder

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        self.sign(request)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        import anyio.to_thread

        await request.aread()
        await anyio.to_thread.run_sync(self._sign_off_loop, request)
        yield request

    def _sign_off_loop(self, request: httpx.Request) -> None:
        self.sign(request)
        if request.url.path.endswith(_STREAM_SUFFIX):
            # Load botocore's service model for the stream decoder here too, not on the event loop later.
            from ._eventstream import response_stream_shape

            response_stream_shape()

    def sign(self, request: httpx.Request) -> None:
        """Add the SigV4 headers to `request` (blocking: may resolve or refresh credentials)."""
        from botocore.awsrequest import AWSRequest

        from ._sigv4 import signer_class

        credentials = self._holder.frozen_credentials()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _UNSIGNED_HEADERS}
        aws_request = AWSRequest(
            method=request.method.upper(), url=str(request.url), headers=headers, data=request.content
        )
        with signing(credentials.secret_key, credentials.token):  # botocore.auth logs the token at DEBUG
            signer_class()(credentials, SERVICE_NAME, self.region, self._keys).add_auth(aws_request)
        for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token"):
            value = aws_request.headers.get(name)
            if value is not None:
                request.headers[name] = value
            elif name in request.headers:
                del request.headers[name]
