"""Secret hygiene: with ANTHROPIC_LOG=debug and errors, retries and streams exercised, the API key and bearer token
never show in logs or in str()/repr() of clients, responses and exceptions. TLS fails closed without the CA."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import logging
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _reliability import API_KEY, AUTH_TOKEN, GENEROUS, PARAMS, exception_texts, message_events, message_json

import anthropic
from anthropic import DefaultAsyncHttpxClient, DefaultHttpxClient
from anthropic.testing import FakeAnthropicServer, Reply

SECRETS = (API_KEY, AUTH_TOKEN, API_KEY[14:40], AUTH_TOKEN[8:30])


def _assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"secret leaked in {where}: {text[:500]!r}"


def _exercise_sync(client: anthropic.Anthropic, server: FakeAnthropicServer) -> list[str]:
    texts = [repr(client), str(client)]
    server.enqueue(Reply.error(429, headers={"retry-after-ms": "1"}), Reply.json(message_json()))
    message = client.messages.create(**PARAMS)
    texts += [repr(message), str(message), message.to_json()]
    server.enqueue(Reply(drop="reset"), Reply.error(401), Reply.error(500), Reply.error(500), Reply.error(500))
    for _ in range(2):
        try:
            client.messages.create(**PARAMS)
        except anthropic.APIError as exc:
            texts.append(exception_texts(exc))
    server.enqueue(
        Reply.sse(
            [
                *message_events()[:2],
                ("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}),
            ]
        )
    )
    try:
        with client.messages.create(**PARAMS, stream=True) as stream:
            texts += [repr(stream), repr(stream.response)]
            for _event in stream:
                pass
    except anthropic.APIError as exc:
        texts.append(exception_texts(exc))
    raw = client.messages.with_raw_response.create(**PARAMS)
    texts += [repr(raw), str(raw), repr(raw.http_request), repr(raw.headers), repr(raw.parse())]
    with client.messages.with_streaming_response.create(**PARAMS) as streamed:
        texts += [repr(streamed), str(streamed)]
    copy = client.with_options(max_retries=0)
    texts += [repr(copy), str(copy), repr(client.messages), repr(client.with_raw_response)]
    return texts


@pytest.mark.parametrize("credential", ["api_key", "auth_token"])
def test_no_secret_in_debug_logs_reprs_and_errors(
    debug_logs: pytest.LogCaptureFixture, anthropic_server: FakeAnthropicServer, credential: str, retry_clock: Any
) -> None:
    kwargs: dict[str, Any] = (
        {"api_key": API_KEY} if credential == "api_key" else {"api_key": None, "auth_token": AUTH_TOKEN}
    )
    with anthropic.Anthropic(base_url=anthropic_server.url, max_retries=2, timeout=GENEROUS, **kwargs) as client:
        texts = _exercise_sync(client, anthropic_server)
    # the credential was really sent, and debug logging really ran
    sent = anthropic_server.requests[0].headers
    assert (
        API_KEY == sent.get("x-api-key")
        if credential == "api_key"
        else sent.get("authorization") == f"Bearer {AUTH_TOKEN}"
    )
    assert any(r.levelno == logging.DEBUG and r.name == "anthropic" for r in debug_logs.records)
    assert any("Retrying" in r.getMessage() for r in debug_logs.records)
    for i, text in enumerate(texts):
        _assert_clean(text, f"repr/str #{i}")
    _assert_clean(debug_logs.text, "logs")
    for record in debug_logs.records:
        _assert_clean(record.getMessage(), f"log record {record.name}")


def test_no_secret_in_async_debug_logs_and_errors(
    debug_logs: pytest.LogCaptureFixture, anthropic_server: FakeAnthropicServer, retry_clock: Any
) -> None:
    async def main() -> list[str]:
        texts: list[str] = []
        async with anthropic.AsyncAnthropic(
            api_key=API_KEY,
            auth_token=AUTH_TOKEN,
            base_url=anthropic_server.url,
            max_retries=1,
            timeout=GENEROUS,
        ) as client:
            texts += [repr(client), str(client)]
            anthropic_server.enqueue(Reply.error(529), Reply.error(403))
            try:
                await client.messages.create(**PARAMS)
            except anthropic.APIError as exc:
                texts.append(exception_texts(exc))
            stream = await client.messages.create(**PARAMS, stream=True)
            texts += [repr(stream), repr(stream.response)]
            async for _event in stream:
                pass
        return texts

    for text in asyncio.run(main()):
        _assert_clean(text, "async repr/str")
    _assert_clean(debug_logs.text, "async logs")


def test_redaction_filter_covers_httpx_and_anthropic_loggers(debug_logs: pytest.LogCaptureFixture) -> None:
    """Even if someone logs headers, the filter installed by ANTHROPIC_LOG redacts them."""
    logging.getLogger("anthropic").debug("headers: %s", {"x-api-key": API_KEY, "authorization": f"Bearer {AUTH_TOKEN}"})
    logging.getLogger("httpx").debug("Authorization: Bearer %s", AUTH_TOKEN)
    assert len(debug_logs.records) == 2
    _assert_clean(debug_logs.text, "logs")


@pytest.mark.parametrize("suffix", ["\n", "\r\nX-Injected: 1", "é"])
def test_malformed_api_key_is_rejected_without_echoing_it(
    anthropic_server: FakeAnthropicServer, suffix: str, retry_clock: Any
) -> None:
    key = API_KEY + suffix
    try:
        client = anthropic.Anthropic(api_key=key, base_url=anthropic_server.url, max_retries=2)
        client.messages.create(**PARAMS)
    except (anthropic.AnthropicError, ValueError) as exc:
        _assert_clean(exception_texts(exc), "exception chain")
    else:
        pytest.fail("a malformed key was accepted")
    assert anthropic_server.requests == []


# -- TLS ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 signed by it: (ca.pem, server.pem, server.key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "reliability test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    ca_path, cert_path, key_path = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    ca_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(server_cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return ca_path, cert_path, key_path


@pytest.fixture
def https_server(tls_files: tuple[Path, Path, Path]) -> Iterator[FakeAnthropicServer]:
    _, cert_path, key_path = tls_files
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    with FakeAnthropicServer(ssl_context=context) as server:
        yield server


@pytest.mark.filterwarnings("ignore:`verify=<str>` is deprecated:DeprecationWarning")
def test_tls_with_the_ca_given_through_default_httpx_client(
    https_server: FakeAnthropicServer, tls_files: tuple[Path, Path, Path]
) -> None:
    ca_path = tls_files[0]
    assert https_server.url.startswith("https://")
    for verify in (ssl.create_default_context(cafile=str(ca_path)), str(ca_path)):
        http = DefaultHttpxClient(verify=verify)
        with anthropic.Anthropic(api_key=API_KEY, base_url=https_server.url, http_client=http, max_retries=0) as client:
            assert client.messages.create(**PARAMS).content
        http.close()
    assert len(https_server.requests) == 2


def test_async_tls_with_the_ca(https_server: FakeAnthropicServer, tls_files: tuple[Path, Path, Path]) -> None:
    async def main() -> None:
        http = DefaultAsyncHttpxClient(verify=ssl.create_default_context(cafile=str(tls_files[0])))
        async with http:
            client = anthropic.AsyncAnthropic(
                api_key=API_KEY, base_url=https_server.url, http_client=http, max_retries=0
            )
            assert (await client.messages.create(**PARAMS)).content

    asyncio.run(main())
    assert len(https_server.requests) == 1


@pytest.mark.parametrize("how", ["default", "other-ca-bundle", "async-default"])
def test_tls_fails_closed_without_the_ca(https_server: FakeAnthropicServer, how: str) -> None:
    def check(exc: BaseException) -> None:
        assert type(exc) is anthropic.APIConnectionError, repr(exc)
        cause = exc.__cause__
        assert cause is not None and "CERTIFICATE_VERIFY_FAILED" in str(cause)

    if how == "async-default":

        async def main() -> None:
            async with anthropic.AsyncAnthropic(api_key=API_KEY, base_url=https_server.url, max_retries=1) as client:
                with pytest.raises(anthropic.APIConnectionError) as info:
                    await client.messages.create(**PARAMS)
                check(info.value)

        asyncio.run(main())
    else:
        http = DefaultHttpxClient() if how == "default" else DefaultHttpxClient(verify=ssl.create_default_context())
        with anthropic.Anthropic(api_key=API_KEY, base_url=https_server.url, http_client=http, max_retries=1) as client:
            with pytest.raises(anthropic.APIConnectionError) as info:
                client.messages.create(**PARAMS)
            check(info.value)
        http.close()
    assert https_server.requests == []  # nothing (no key, no body) was sent to the unverified server
