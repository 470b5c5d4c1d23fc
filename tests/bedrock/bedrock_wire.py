"""Test-side AWS: a SigV4 verifier (botocore recomputes the signature of what the server received) and Bedrock
message documents. The eventstream encoder lives in `tests/aws_eventstream.py`, shared with tests/reliability."""

from __future__ import annotations

import calendar
import hmac
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Union

from anthropic.testing import RecordedRequest, Reply
from anthropic.testing._script import MessageScript

REGION = "us-east-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN"

SecretLookup = Union[Mapping[str, tuple[str, Union[str, None]]], Callable[[str], tuple[str, Union[str, None]]]]

_FIELD_RE = re.compile(r"(\w+)=([^,\s]+)")


class SignatureMismatch(AssertionError):
    pass


@dataclass(frozen=True)
class VerifiedSignature:
    access_key: str
    amz_date: str
    signed_headers: tuple[str, ...]
    signature: str
    token: str | None


def verify_sigv4(
    request: RecordedRequest,
    secrets: SecretLookup,
    *,
    region: str = REGION,
    service: str = "bedrock",
    max_skew: float = 300.0,
) -> VerifiedSignature:
    """Recompute the SigV4 signature of a recorded request with botocore; raise `SignatureMismatch` if it differs."""
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    authorization = request.headers.get("authorization")
    if not authorization:
        raise SignatureMismatch("no Authorization header")
    algorithm, _, rest = authorization.partition(" ")
    if algorithm != "AWS4-HMAC-SHA256":
        raise SignatureMismatch(f"unexpected algorithm {algorithm!r}")
    fields = dict(_FIELD_RE.findall(rest))
    try:
        access_key, date, scope_region, scope_service, terminator = fields["Credential"].split("/")
        signed_headers = fields["SignedHeaders"]
        signature = fields["Signature"]
    except (KeyError, ValueError) as err:
        raise SignatureMismatch(f"malformed Authorization header: {authorization!r}") from err
    if (scope_region, scope_service, terminator) != (region, service, "aws4_request"):
        raise SignatureMismatch(f"credential scope {fields['Credential']!r} is not {region}/{service}")
    amz_date = request.headers.get("x-amz-date", "")
    if amz_date[:8] != date:
        raise SignatureMismatch(f"X-Amz-Date {amz_date!r} does not match the scope date {date!r}")
    signed_at = calendar.timegm(time.strptime(amz_date, "%Y%m%dT%H%M%SZ"))
    if abs(time.time() - signed_at) > max_skew:
        raise SignatureMismatch(f"X-Amz-Date {amz_date!r} is too far from now")
    if callable(secrets):
        secret, token = secrets(access_key)
    else:
        if access_key not in secrets:
            raise SignatureMismatch(f"unknown access key {access_key!r}")
        secret, token = secrets[access_key]
    if token is not None and request.headers.get("x-amz-security-token") != token:
        raise SignatureMismatch("missing or wrong X-Amz-Security-Token")
    names = signed_headers.split(";")
    missing = [name for name in names if name not in request.headers]
    if missing:
        raise SignatureMismatch(f"signed headers not received: {missing}")
    headers = {name: ",".join(request.headers.get_list(name)) for name in names}
    url = f"http://{request.headers['host']}{request.target}"
    aws_request = AWSRequest(method=request.method, url=url, headers=headers, data=request.body)
    aws_request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(access_key, secret, token), service, region)
    if signer.signed_headers(signer.headers_to_sign(aws_request)) != signed_headers:
        raise SignatureMismatch("SignedHeaders list is not canonical")
    expected = signer.signature(signer.string_to_sign(aws_request, signer.canonical_request(aws_request)), aws_request)
    if not hmac.compare_digest(expected, signature):
        raise SignatureMismatch("signature does not match the request")
    return VerifiedSignature(access_key, amz_date, tuple(names), signature, token)


STATIC_SECRETS: dict[str, tuple[str, str | None]] = {ACCESS_KEY: (SECRET_KEY, None)}


def signed(
    reply: Reply | Callable[[RecordedRequest], Reply], secrets: SecretLookup = STATIC_SECRETS, *, region: str = REGION
) -> Callable[[RecordedRequest], Reply]:
    """A responder that answers like AWS: 403 when the signature does not verify, else `reply`."""

    def respond(request: RecordedRequest) -> Reply:
        try:
            verify_sigv4(request, secrets, region=region)
        except SignatureMismatch as err:
            return Reply.json(
                {"message": f"The request signature we calculated does not match the signature you provided: {err}"},
                status=403,
                headers=[("x-amzn-ErrorType", "InvalidSignatureException")],
            )
        return reply(request) if callable(reply) else reply

    return respond


def message_events(text: str = "Hello from Bedrock", model: str = "claude-on-bedrock") -> list[dict[str, Any]]:
    script = MessageScript(text=text, model=model)
    return [data for _, data in script.events(script.build(None))]  # type: ignore[misc]


def message_json(text: str = "Hello from Bedrock", model: str = "claude-on-bedrock") -> dict[str, Any]:
    return MessageScript(text=text, model=model).build(None)
