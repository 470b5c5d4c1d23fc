"""Guards for the first call of a fresh process (issue 14), without timing: what a first-party call loads.

Each scenario runs in a fresh interpreter with every installed plugin discoverable (autoload on, as in a user's
process); the fake API server runs in the test process. The bounds name what a regression would be loading.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from typing import Any

import pytest

from anthropic._plugins.host import PluginHost, _dist_name_version  # pyright: ignore[reportPrivateUsage]
from anthropic.testing import FakeAnthropicServer

# Modules a plain first-party `messages.create` has no use for: stream events, helpers, beta types, tool runner.
NOT_FOR_CREATE = (
    "anthropic.types._stream_events",
    "anthropic.lib",
    "anthropic.types.beta",
    "anthropic.resources.beta",
    "anthropic._streaming",
    "pydantic.type_adapter",
    "asyncio",  # a sync call needs no event loop machinery
    "opentelemetry",  # the otel plugin imports it only once the application uses OpenTelemetry
    # `platform.platform()` (libc version, `uname -p`) is not needed for the OS header; Python 3.10's `platform`
    # module imports `subprocess` by itself.
    *(("subprocess",) if sys.version_info >= (3, 11) else ()),
)
NOT_FOR_STREAM = ("anthropic.types.beta", "anthropic.resources.beta", "anthropic.lib.tools", "anthropic.lib.streaming._beta")
# A plugin's entry point may load its package, its `plugin` module and a small `_runtime`; clients, auth and tool
# runners load when used.
PLUGIN_ENTRY_MODULES = ("plugin", "_runtime", "_config")
# Observer plugins return an observer for every client, first-party ones included: a small gate module, which loads
# the rest (and OpenTelemetry) only once the application uses OpenTelemetry.
OBSERVER_ENTRY_MODULES = ("_gate",)
# Message and what it holds (content blocks, citations, usage), with a little room: a plain create that builds
# more response models is importing type modules it does not need.
MAX_MODELS_FOR_CREATE = 24

_CHILD = """
import json, sys
import anthropic
from anthropic._models import BaseModel

def models():
    seen, todo = set(), [BaseModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return sorted(f"{m.__module__}.{m.__qualname__}" for m in seen)

client = anthropic.Anthropic(api_key="k", base_url=sys.argv[1], max_retries=0)
message = client.messages.create(model="claude-sonnet-4-5", max_tokens=16, messages=[{"role": "user", "content": "hi"}])
assert message.content[0].type == "text", message
after_create = {"modules": sorted(sys.modules), "models": models()}
if sys.argv[2] == "stream":
    with client.messages.stream(model="claude-sonnet-4-5", max_tokens=16, messages=[{"role": "user", "content": "hi"}]) as s:
        text = "".join(s.text_stream)
    assert text, "the stream carried no text"
print(json.dumps({"create": after_create, "end": {"modules": sorted(sys.modules), "models": models()}}))
"""


def _first_call(mode: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    with FakeAnthropicServer() as server:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, server.url, mode], capture_output=True, text=True, timeout=120, env=env
        )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _under(modules: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)]


def test_first_party_create_loads_no_stream_beta_or_tool_modules() -> None:
    state = _first_call("create")["create"]
    assert _under(state["modules"], NOT_FOR_CREATE) == []
    assert "anthropic._plugins.host" in state["modules"]  # discovery ran: the plugins were considered


_NEEDS_PLUGINS = pytest.mark.skipif(
    not any(ep.dist for ep in entry_points(group="anthropic.plugins")),
    reason="needs plugins installed (the workspace, not a core-only install)",
)


@_NEEDS_PLUGINS
def test_plugins_load_only_their_entry_modules_for_a_first_party_client() -> None:
    state = _first_call("create")["create"]
    loaded = [m for m in state["modules"] if m.startswith("anthropic_plugin_")]
    assert loaded, "no plugin was discovered: this guard needs the workspace plugins installed"
    beyond = [
        m
        for m in loaded
        if "." in m and m.split(".", 1)[1] not in (*PLUGIN_ENTRY_MODULES, *OBSERVER_ENTRY_MODULES)
    ]
    assert beyond == [], f"a first-party client made plugins import more than their entry modules: {beyond}"


def test_first_party_create_builds_only_the_message_models() -> None:
    models = _first_call("create")["create"]["models"]
    assert "anthropic.types._message.Message" in models
    assert len(models) <= MAX_MODELS_FOR_CREATE, (
        f"a plain messages.create defined {len(models)} response model classes (bound {MAX_MODELS_FOR_CREATE}); "
        f"something imports type modules the call does not use: {models}"
    )


def test_first_party_stream_loads_no_beta_or_tool_modules() -> None:
    state = _first_call("stream")["end"]
    assert "anthropic.types._stream_events" in state["modules"]
    assert _under(state["modules"], NOT_FOR_STREAM) == []


def test_private_names_never_trigger_plugin_discovery() -> None:
    code = (
        "import importlib.metadata as md\n"
        "calls = []\n"
        "original = md.entry_points\n"
        "md.entry_points = lambda *a, **k: calls.append(k.get('group')) or original(*a, **k)\n"
        "import sys, anthropic\n"
        "from anthropic import _exceptions, _types\n"
        "assert not hasattr(anthropic, '_no_such_name')\n"
        "print(len(calls), 'anthropic._plugins.host' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "False"]


@_NEEDS_PLUGINS
def test_installed_plugins_report_the_distribution_name_and_version() -> None:
    host = PluginHost(autoload=False)
    found = {p.name: (p.distribution, p.version) for p in host.installed()}
    expected = {ep.name: (ep.dist.name, ep.dist.version) for ep in entry_points(group="anthropic.plugins") if ep.dist}
    assert expected, "needs the workspace plugins installed"
    assert found == expected


class _Dist:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = files
        self.name = "from-email-parser"
        self.version = "9.9"

    def read_text(self, filename: str) -> str | None:
        return self.files.get(filename)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"METADATA": "Metadata-Version: 2.4\nName: anthropic-plugin-x\nVersion: 1.2.3\n\nName: body\n"},
         ("anthropic-plugin-x", "1.2.3")),
        ({"PKG-INFO": "Metadata-Version: 2.1\nVersion: 0.1\nName: legacy-egg\n"}, ("legacy-egg", "0.1")),
        ({"METADATA": "Metadata-Version: 2.4\nName: no-version\n\nVersion: 5 (in the body, not a header)\n"},
         ("from-email-parser", "9.9")),
        ({}, ("from-email-parser", "9.9")),
    ],
    ids=["metadata", "pkg-info", "header-missing", "no-file"],
)
def test_distribution_facts_read_headers_only(files: dict[str, str], expected: tuple[str, str]) -> None:
    assert _dist_name_version(_Dist(files)) == expected
