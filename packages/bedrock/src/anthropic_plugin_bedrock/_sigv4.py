"""botocore's `SigV4Auth`, minus the costs that grow with our request: the header map, a request copy, the key.

botocore collects the headers to sign into an `email.message.Message` (twice per signature) and looks each name up
with `get_all`, which scans every header: quadratic in the header count. 0.74.0 signs every header it sends (about
16, against the single `content-type` of a hand-written signer), so that map was most of the signing time. Here it is a
dict of lowercase name -> values, built in one pass; the canonical headers and the signed-headers list come out
byte for byte as botocore makes them (tests compare the two signers on the same request and clock).

The payload hash is taken from the body bytes directly: botocore's `request.body` prepares a full copy of the
request (all headers again) to hand back those same bytes.

The signing key (four chained HMACs of the secret, date, region and service) is the same for a whole UTC day, so
it is derived once per (secret, day, region, service) and kept in a one-entry cache per client family.

Everything else (timestamp, `X-Amz-Date`, security token, canonical request and URI, query string, string to
sign, the `Authorization` header) is botocore's own code.
"""

from __future__ import annotations

import hmac
import threading
from functools import cache
from hashlib import sha256
from typing import Any

__all__ = ["SigningKeyCache", "signer_class"]


class SigningKeyCache:
    """The last derived SigV4 signing key and what it was derived from. Never printed (no repr of the key)."""

    __slots__ = ("_entry", "_lock")

    def __init__(self) -> None:
        self._entry: tuple[tuple[str, str, str, str], bytes] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return "SigningKeyCache()"

    def key(self, secret_key: str, datestamp: str, region: str, service: str) -> bytes:
        scope = (secret_key, datestamp, region, service)
        entry = self._entry
        if entry is not None and entry[0] == scope:
            return entry[1]
        k_date = _hmac(f"AWS4{secret_key}".encode(), datestamp)
        k_signing = _hmac(_hmac(_hmac(k_date, region), service), "aws4_request")
        with self._lock:
            self._entry = (scope, k_signing)
        return k_signing


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), sha256).digest()


class _GroupedHeaders(dict[str, list[str]]):
    """What botocore's `headers_to_sign` returns, as lowercase name -> values in the order sent."""


@cache
def signer_class() -> type[Any]:
    """The `SigV4Auth` subclass (built on first use: botocore is imported only when a request is signed)."""
    from botocore.auth import SIGNED_HEADERS_BLACKLIST, SigV4Auth

    unsigned = frozenset(SIGNED_HEADERS_BLACKLIST)
    base: Any = SigV4Auth  # untyped library: its inferred return types are not a contract

    class FastSigV4Auth(base):
        def __init__(self, credentials: Any, service_name: str, region_name: str, keys: SigningKeyCache) -> None:
            super().__init__(credentials, service_name, region_name)
            self._keys = keys

        def headers_to_sign(self, request: Any) -> Any:
            grouped = _GroupedHeaders()
            # `raw_items()` skips the email policy's per-value fetch hook, which returns our values (plain str
            # from httpx, never with surrogate escapes) unchanged.
            headers = request.headers
            pairs = headers.raw_items() if hasattr(headers, "raw_items") else headers.items()
            for name, value in pairs:
                lname = name.lower()
                if lname not in unsigned:
                    values = grouped.get(lname)
                    if values is None:
                        grouped[lname] = [value]
                    else:
                        values.append(value)
            if "host" not in grouped:
                return super().headers_to_sign(request)  # botocore derives it from the URL
            return grouped

        def canonical_headers(self, headers_to_sign: Any) -> str:
            if not isinstance(headers_to_sign, _GroupedHeaders):
                return super().canonical_headers(headers_to_sign)
            lines = []
            for key in sorted(headers_to_sign):
                value = ",".join(" ".join(v.split()) for v in headers_to_sign[key])
                lines.append(f"{key}:{value}")
            return "\n".join(lines)

        def signed_headers(self, headers_to_sign: Any) -> str:
            if not isinstance(headers_to_sign, _GroupedHeaders):
                return super().signed_headers(headers_to_sign)
            return ";".join(sorted(name.strip() for name in headers_to_sign))

        def payload(self, request: Any) -> str:
            # botocore reads `request.body`, which prepares a whole copy of the request (every header again) just
            # to return our bytes. For a bytes body signed plainly (no checksum or unsigned-payload settings in the
            # context), the payload hash is the SHA-256 of those bytes, as botocore computes it.
            data = request.data
            if isinstance(data, bytes) and request.context.keys() <= {"timestamp"}:
                return sha256(data).hexdigest()
            return super().payload(request)

        def signature(self, string_to_sign: str, request: Any) -> str:
            k_signing = self._keys.key(
                self.credentials.secret_key,
                request.context["timestamp"][0:8],
                self._region_name,
                self._service_name,
            )
            return hmac.new(k_signing, string_to_sign.encode("utf-8"), sha256).hexdigest()

    return FastSigV4Auth
