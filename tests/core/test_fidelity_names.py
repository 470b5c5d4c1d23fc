"""Top-level names, `__all__`, missing-plugin errors, parsed-model names, beta stream URLs and unknown content
blocks behave as in the official 0.74.0.

Expectations come from the official package itself: `data/official_top_level.json` (made by
`data/describe_top_level.py` under 0.74.0) and `data/official_unknown_block.json` (0.74.0's dumps of a response).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import typing
import warnings
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

import anthropic
from anthropic import Anthropic, AsyncAnthropic
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage

DATA = Path(__file__).parent / "data"
TOP_LEVEL = json.loads((DATA / "official_top_level.json").read_text())
UNKNOWN_BLOCK = json.loads((DATA / "official_unknown_block.json").read_text())
MSGS: list[Any] = [{"role": "user", "content": "hi"}]

# Tests that need every bundled plugin installed (the workspace; CI also runs tests/core with the core alone).
needs_all_plugins = pytest.mark.skipif(
    any(
        importlib.util.find_spec(name) is None
        for name in ("anthropic_plugin_bedrock", "anthropic_plugin_vertex", "anthropic_plugin_foundry", "anthropic_plugin_tools")
    ),
    reason="needs every bundled plugin installed",
)


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter (fresh module globals, plugins discovered from the environment)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={**clean, **env}, check=False
    )


# -- 1, 2: kinds, identities and __all__ ----------------------------------------------------------------------------


@needs_all_plugins
def test_top_level_names_have_official_kinds_and_all() -> None:
    script = DATA / "describe_top_level.py"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    names = ",".join(TOP_LEVEL["names"])
    done = subprocess.run(
        [sys.executable, str(script), names], capture_output=True, text=True, timeout=120, env=clean, check=False
    )
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)
    assert ours["__all__"] == TOP_LEVEL["__all__"]  # same names, same order
    mismatched = {n: (d, ours["names"][n]) for n, d in TOP_LEVEL["names"].items() if ours["names"][n] != d}
    assert mismatched == {}


def test_httpx_names_are_httpx_objects() -> None:
    assert anthropic.Timeout is httpx.Timeout
    assert anthropic.Transport is httpx.BaseTransport
    timeout = anthropic.Timeout(0.4, connect=2.0)
    assert isinstance(timeout, httpx.Timeout)
    assert (timeout.connect, timeout.read) == (2.0, 0.4)
    assert str(anthropic.ProxiesTypes).startswith("typing.Union[str, httpx.Proxy, typing.Dict[")
    assert httpx.Timeout.__module__ == "httpx"  # 0.74.0 renamed httpx's own class; we leave httpx alone
    assert anthropic.Anthropic.__module__ == "anthropic"
    assert anthropic.file_from_path.__module__ == "anthropic"


def test_timeout_object_drives_requests(anthropic_server: FakeAnthropicServer) -> None:
    client = Anthropic(base_url=anthropic_server.url, api_key="k", timeout=anthropic.Timeout(30.0, connect=5.0))
    assert client.timeout == httpx.Timeout(30.0, connect=5.0)
    message = client.messages.create(model="m", max_tokens=5, messages=MSGS, timeout=anthropic.Timeout(20.0))
    assert message.type == "message"
    client.close()


@pytest.mark.anyio
async def test_timeout_object_drives_requests_async(anthropic_server: FakeAnthropicServer) -> None:
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="k", timeout=anthropic.Timeout(30.0, connect=5.0))
    assert client.timeout == httpx.Timeout(30.0, connect=5.0)
    message = await client.messages.create(model="m", max_tokens=5, messages=MSGS, timeout=anthropic.Timeout(20.0))
    assert message.type == "message"
    await client.close()


# -- 3: a missing plugin export -------------------------------------------------------------------------------------

_MISSING = """
import anthropic
assert not hasattr(anthropic, "AnthropicBedrock")
assert getattr(anthropic, "beta_tool", "default") == "default"
try:
    anthropic.AsyncAnthropicBedrock
except AttributeError as err:
    assert 'pip install "anthropic[bedrock]"' in str(err), err
else:
    raise AssertionError("no error")
try:
    from anthropic import AnthropicBedrock
except ImportError as err:
    assert 'pip install "anthropic[bedrock]"' in str(err), err
else:
    raise AssertionError("no error")
try:
    from anthropic import beta_tool
except ImportError as err:
    assert 'pip install "anthropic[tools]"' in str(err), err
else:
    raise AssertionError("no error")
assert "beta_tool" not in anthropic.__all__ and "Timeout" in anthropic.__all__
from anthropic import *
assert Timeout is anthropic.Timeout
from anthropic import AnthropicVertex  # a plugin that is not blocked still resolves
print("ok")
"""


@needs_all_plugins
def test_missing_plugin_export_is_attribute_error_and_import_error() -> None:
    done = _run(_MISSING, ANTHROPIC_PLUGINS_BLOCK="bedrock,tools")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


@needs_all_plugins
def test_dir_lists_every_official_name() -> None:
    code = "import anthropic, json; print(json.dumps(dir(anthropic)))"
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert [name for name in TOP_LEVEL["names"] if name not in json.loads(done.stdout)] == []
    blocked = _run(code, ANTHROPIC_PLUGINS_BLOCK="bedrock")
    assert "AnthropicBedrock" not in json.loads(blocked.stdout)  # dir() lists only names that resolve


@needs_all_plugins
def test_plugin_exports_resolve_when_loaded() -> None:
    done = _run(
        "import anthropic; from anthropic import *; print(beta_tool.__module__, hasattr(anthropic, 'AnthropicBedrock'))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["anthropic", "True"]


# -- 4: type checkers see plugin exports ----------------------------------------------------------------------------


def test_pyright_sees_real_plugin_classes(tmp_path: Path) -> None:
    pytest.importorskip("pyright")
    pytest.importorskip("anthropic_plugin_bedrock")
    pytest.importorskip("anthropic_plugin_tools")
    source = tmp_path / "reveal.py"
    source.write_text(
        "import anthropic\n"
        "from anthropic import AnthropicBedrock, AsyncAnthropicVertex, AnthropicFoundry, beta_tool\n"
        "reveal_type(AnthropicBedrock)\n"
        "reveal_type(AsyncAnthropicVertex)\n"
        "reveal_type(AnthropicFoundry)\n"
        "reveal_type(beta_tool)\n"
        "reveal_type(anthropic.Timeout(1.0))\n"
    )
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    command = [sys.executable, "-m", "pyright", "--outputjson", "--pythonpath", sys.executable, str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path, check=False)
    report = json.loads(done.stdout)
    revealed = [d["message"] for d in report["generalDiagnostics"] if d["severity"] == "information"]
    assert revealed[:3] == [
        'Type of "AnthropicBedrock" is "type[AnthropicBedrock]"',
        'Type of "AsyncAnthropicVertex" is "type[AsyncAnthropicVertex]"',
        'Type of "AnthropicFoundry" is "type[AnthropicFoundry]"',
    ]
    assert revealed[3].startswith('Type of "beta_tool" is "Overload[')
    assert revealed[4].endswith(' is "Timeout"')
    assert [d for d in report["generalDiagnostics"] if d["severity"] == "error"] == []


# -- 5: parsed models are named as in 0.74.0 -------------------------------------------------------------------------


class Answer(pydantic.BaseModel):
    answer: str


def _official_name(cls: Any) -> str:
    """What 0.74.0 shows: the class parametrised with a type variable named ResponseFormatT, as pydantic names it
    (`ParsedBetaMessage[~ResponseFormatT]`; pydantic 2.14 on Python 3.13 spells it `ParsedBetaMessage[TypeVar]`)."""
    return cls[typing.TypeVar("ResponseFormatT")].__name__


def _check_parsed(parsed: Any) -> None:
    from anthropic.types.beta.parsed_beta_message import ParsedBetaTextBlock

    assert isinstance(parsed, ParsedBetaMessage)
    assert type(parsed).__name__ == _official_name(ParsedBetaMessage) != "ParsedBetaMessage"
    assert repr(parsed).startswith(f"{_official_name(ParsedBetaMessage)}(id=")
    assert type(parsed.content[0]).__name__ == _official_name(ParsedBetaTextBlock)
    assert parsed.parsed_output == Answer(answer="yes")


def test_parse_result_class_names(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_message('{"answer": "yes"}')
    anthropic_server.script_message('{"answer": "yes"}')
    client = Anthropic(base_url=anthropic_server.url, api_key="k")
    _check_parsed(client.beta.messages.parse(model="m", max_tokens=5, messages=MSGS, output_format=Answer))
    # The stream helper's final message is the plain class, as in 0.74.0.
    with client.beta.messages.stream(model="m", max_tokens=5, messages=MSGS, output_format=Answer) as stream:
        final = stream.get_final_message()
    assert type(final).__name__ == "ParsedBetaMessage"
    client.close()


@pytest.mark.anyio
async def test_parse_result_class_names_async(anthropic_server: FakeAnthropicServer) -> None:
    anthropic_server.script_message('{"answer": "yes"}')
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="k")
    _check_parsed(await client.beta.messages.parse(model="m", max_tokens=5, messages=MSGS, output_format=Answer))
    await client.close()


# -- 6: the beta stream helper's URL --------------------------------------------------------------------------------


def test_beta_stream_url_sync_has_beta_query(anthropic_server: FakeAnthropicServer) -> None:
    client = Anthropic(base_url=anthropic_server.url, api_key="k")
    with client.beta.messages.stream(model="m", max_tokens=5, messages=MSGS) as stream:
        stream.get_final_message()
    request = anthropic_server.last_request
    assert (request.path, request.query_string) == ("/v1/messages", "beta=true")
    client.close()


@pytest.mark.anyio
async def test_beta_stream_url_async_has_no_beta_query(anthropic_server: FakeAnthropicServer) -> None:
    """0.74.0's async helper posts to /v1/messages without `?beta=true`; so does ours (same wire)."""
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="k")
    async with client.beta.messages.stream(model="m", max_tokens=5, messages=MSGS, betas=["b-1"]) as stream:
        await stream.get_final_message()
    request = anthropic_server.last_request
    assert (request.path, request.query_string) == ("/v1/messages", "")
    assert request.headers["anthropic-beta"] == "b-1"
    await client.beta.messages.create(model="m", max_tokens=5, messages=MSGS)  # other beta calls keep it
    assert anthropic_server.last_request.query_string == "beta=true"
    await client.close()


# -- 7: unknown content blocks ----------------------------------------------------------------------------------------


def _check_unknown_block(message: Any, expected: dict[str, Any]) -> None:
    block = message.content[1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydantic warns about the unexpected tag, as with 0.74.0
        dumped = message.model_dump()
        dumped_json = message.model_dump_json()
        to_json = message.to_json()
    # Order-sensitive comparisons: the dumps list keys in the same order as 0.74.0's.
    assert json.dumps(dumped) == json.dumps(expected["model_dump"])
    assert dumped_json == expected["model_dump_json"]
    assert json.dumps(message.to_dict(warnings=False)) == json.dumps(expected["to_dict"])
    assert to_json == expected["to_json"]
    assert type(block).__name__ == expected["class"]
    assert sorted(block.model_fields_set) == expected["block_fields_set"]
    assert {name: getattr(block, name) for name in expected["attributes"]} == expected["attributes"]
    assert repr(block) == expected["repr"]


@pytest.mark.parametrize("endpoint", ["messages", "beta"])
def test_unknown_content_block_dumps_like_official(anthropic_server: FakeAnthropicServer, endpoint: str) -> None:
    anthropic_server.enqueue(Reply.json(UNKNOWN_BLOCK["response"]))
    client = Anthropic(base_url=anthropic_server.url, api_key="k")
    resource = client.beta.messages if endpoint == "beta" else client.messages
    _check_unknown_block(resource.create(model="m", max_tokens=5, messages=MSGS), UNKNOWN_BLOCK["expected"][endpoint])
    client.close()


@pytest.mark.anyio
@pytest.mark.parametrize("endpoint", ["messages", "beta"])
async def test_unknown_content_block_dumps_like_official_async(
    anthropic_server: FakeAnthropicServer, endpoint: str
) -> None:
    anthropic_server.enqueue(Reply.json(UNKNOWN_BLOCK["response"]))
    client = AsyncAnthropic(base_url=anthropic_server.url, api_key="k")
    resource = client.beta.messages if endpoint == "beta" else client.messages
    message = await resource.create(model="m", max_tokens=5, messages=MSGS)
    _check_unknown_block(message, UNKNOWN_BLOCK["expected"][endpoint])
    await client.close()
