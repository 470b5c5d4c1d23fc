"""Client configuration: 0.74.0 constructor, region and base URL resolution, copies, import paths, parity."""

from __future__ import annotations

import inspect
import logging
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from bedrock_wire import ACCESS_KEY, REGION, SECRET_KEY, STATIC_SECRETS, message_json, signed, verify_sigv4

import anthropic
from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock

MODEL_PATH = re.compile(r"/model/.*")
MESSAGES = [{"role": "user", "content": "Hello"}]


# -- region and base URL -----------------------------------------------------------------------------------


def test_region_argument_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    client = AnthropicBedrock(aws_region="ca-central-1")
    assert client.aws_region == "ca-central-1"
    assert str(client.base_url) == "https://bedrock-runtime.ca-central-1.amazonaws.com/"


def test_region_from_aws_region_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_REGION", "eu-central-1")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "sa-east-1")
    assert AnthropicBedrock().aws_region == "eu-central-1"


def test_region_from_aws_default_region_through_boto3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "sa-east-1")
    client = AsyncAnthropicBedrock()
    assert client.aws_region == "sa-east-1"
    assert str(client.base_url) == "https://bedrock-runtime.sa-east-1.amazonaws.com/"


def test_region_from_the_profile_in_aws_profile(monkeypatch: pytest.MonkeyPatch, aws_env: Path) -> None:
    (aws_env / "config").write_text("[profile dev]\nregion = us-west-2\n[default]\nregion = eu-north-1\n")
    assert AnthropicBedrock().aws_region == "eu-north-1"
    monkeypatch.setenv("AWS_PROFILE", "dev")
    assert AnthropicBedrock().aws_region == "us-west-2"


def test_region_from_the_aws_profile_argument(aws_env: Path) -> None:
    (aws_env / "config").write_text("[profile dev]\nregion = us-west-2\n")
    assert AnthropicBedrock(aws_profile="dev").aws_region == "us-west-2"


def test_region_defaults_to_us_east_1_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="anthropic.lib.bedrock"):
        client = AnthropicBedrock()
    assert client.aws_region == "us-east-1"
    assert str(client.base_url) == "https://bedrock-runtime.us-east-1.amazonaws.com/"
    assert "No AWS region specified, defaulting to us-east-1" in caplog.text


def test_unknown_profile_does_not_break_construction() -> None:
    assert AnthropicBedrock(aws_profile="does-not-exist").aws_region == "us-east-1"


def test_base_url_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_BEDROCK_BASE_URL", "https://proxy.example.com/bedrock")
    assert str(AnthropicBedrock(aws_region=REGION).base_url) == "https://proxy.example.com/bedrock/"
    assert (
        str(AnthropicBedrock(aws_region=REGION, base_url="https://arg.example.com").base_url)
        == "https://arg.example.com/"
    )


def test_base_url_with_a_path_prefix_is_rewritten_below_it(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json())), path=re.compile(r"/prefix/model/.*"))
    client = AnthropicBedrock(SECRET_KEY, ACCESS_KEY, REGION, base_url=f"{anthropic_server.url}/prefix")
    client.messages.create(model="m", max_tokens=5, messages=MESSAGES)  # type: ignore[arg-type]
    assert anthropic_server.last_request.path == "/prefix/model/m/invoke"
    verify_sigv4(anthropic_server.last_request, STATIC_SECRETS)


def test_positional_arguments_as_in_0_74() -> None:
    client = AnthropicBedrock("secret", "access", "eu-west-2", "prof", "token")
    assert (
        client.aws_secret_key,
        client.aws_access_key,
        client.aws_region,
        client.aws_profile,
        client.aws_session_token,
    ) == (
        "secret",
        "access",
        "eu-west-2",
        "prof",
        "token",
    )


def test_http_client_type_is_checked() -> None:
    with pytest.raises(TypeError, match="httpx.Client"):
        AnthropicBedrock(aws_region=REGION, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="httpx.AsyncClient"):
        AsyncAnthropicBedrock(aws_region=REGION, http_client=httpx.Client())  # type: ignore[arg-type]


def test_no_api_key_headers_and_bedrock_user_agent() -> None:
    client = AnthropicBedrock(aws_region=REGION)
    headers = {k.lower(): v for k, v in client.default_headers.items()}
    assert "x-api-key" not in headers
    assert "anthropic-version" not in headers
    assert headers["user-agent"] == f"AnthropicBedrock/Python {anthropic.__version__}"
    assert AsyncAnthropicBedrock(aws_region=REGION).user_agent.startswith("AsyncAnthropicBedrock/Python ")


# -- copies ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [AnthropicBedrock, AsyncAnthropicBedrock])
def test_with_options_keeps_the_aws_settings(cls: type[Any]) -> None:
    client = cls(
        aws_secret_key="s",
        aws_access_key="a",
        aws_region="eu-west-1",
        aws_profile="p",
        aws_session_token="t",
        max_retries=5,
    )
    copy = client.with_options(timeout=12)
    assert type(copy) is cls
    assert (copy.aws_secret_key, copy.aws_access_key, copy.aws_region, copy.aws_profile, copy.aws_session_token) == (
        "s",
        "a",
        "eu-west-1",
        "p",
        "t",
    )
    assert copy.max_retries == 5
    assert copy.timeout == 12
    assert copy.base_url == client.base_url
    assert copy._client is client._client  # the connection pool is shared
    assert copy._platform.auth._holder is client._platform.auth._holder  # so are the session and its credentials
    other = client.copy(aws_access_key="b")
    assert other.aws_access_key == "b"
    assert other._platform.auth._holder is not client._platform.auth._holder


def test_copy_with_another_region_moves_the_default_endpoint() -> None:
    client = AnthropicBedrock(aws_region="us-east-1")
    moved = client.copy(aws_region="eu-west-3")
    assert moved.aws_region == "eu-west-3"
    assert str(moved.base_url) == "https://bedrock-runtime.eu-west-3.amazonaws.com/"
    custom = AnthropicBedrock(aws_region="us-east-1", base_url="https://proxy.example.com")
    assert str(custom.copy(aws_region="eu-west-3").base_url) == "https://proxy.example.com/"


def test_copied_client_signs_with_its_settings(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json()), region="eu-west-1"), path=MODEL_PATH)
    client = AnthropicBedrock(aws_region=REGION, base_url=anthropic_server.url)
    copy = client.with_options(
        aws_access_key=ACCESS_KEY, aws_secret_key=SECRET_KEY, aws_region="eu-west-1", default_headers={"X-Custom": "1"}
    )
    copy.messages.create(model="m", max_tokens=5, messages=MESSAGES)
    request = anthropic_server.last_request
    assert request.headers["x-custom"] == "1"
    assert "x-custom" in verify_sigv4(request, STATIC_SECRETS, region="eu-west-1").signed_headers


def test_with_raw_response(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.enqueue(signed(Reply.json(message_json("raw"))), path=MODEL_PATH)
    client = AnthropicBedrock(SECRET_KEY, ACCESS_KEY, REGION, base_url=anthropic_server.url)
    raw = client.messages.with_raw_response.create(model="m", max_tokens=5, messages=MESSAGES)  # type: ignore[arg-type]
    assert raw.http_request.url.path == "/model/m/invoke"
    assert raw.parse().content[0].text == "raw"


# -- import paths and parity -------------------------------------------------------------------------------


def test_import_from_anthropic_and_lib_path(bedrock_plugin: PluginHost) -> None:
    import importlib

    from anthropic.lib.bedrock import AnthropicBedrock as FromLib
    from anthropic.lib.bedrock import AsyncAnthropicBedrock as AsyncFromLib

    assert FromLib is AnthropicBedrock
    assert AsyncFromLib is AsyncAnthropicBedrock
    anthropic.__dict__.pop("AnthropicBedrock", None)
    module = importlib.import_module("anthropic")
    assert module.AnthropicBedrock is AnthropicBedrock


def test_bedrock_clients_are_core_clients() -> None:
    assert issubclass(AnthropicBedrock, anthropic.Anthropic)
    assert issubclass(AsyncAnthropicBedrock, anthropic.AsyncAnthropic)


def _public(cls: type[Any]) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def test_sync_and_async_expose_the_same_api() -> None:
    assert _public(AnthropicBedrock) == _public(AsyncAnthropicBedrock)
    sync_params = inspect.signature(AnthropicBedrock.__init__).parameters
    async_params = inspect.signature(AsyncAnthropicBedrock.__init__).parameters
    assert list(sync_params) == list(async_params)
    assert list(sync_params)[1:6] == [
        "aws_secret_key",
        "aws_access_key",
        "aws_region",
        "aws_profile",
        "aws_session_token",
    ]
    assert (
        inspect.signature(AnthropicBedrock.copy).parameters.keys()
        == inspect.signature(AsyncAnthropicBedrock.copy).parameters.keys()
    )


def test_bedrock_client_has_everything_the_core_client_has() -> None:
    assert _public(anthropic.Anthropic) <= _public(AnthropicBedrock)
    assert _public(anthropic.AsyncAnthropic) <= _public(AsyncAnthropicBedrock)
