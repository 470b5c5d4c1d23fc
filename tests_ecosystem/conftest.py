"""Fixtures of the ecosystem tests (helpers live in support.py); see docs/testing.md, "Ecosystem tests"."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from support import API_KEY, TARGET, fake


def pytest_report_header(config: pytest.Config) -> str:
    import anthropic

    return f"ecosystem target: {TARGET}; anthropic {anthropic.__version__} from {anthropic.__file__}"


@pytest.fixture(scope="session", autouse=True)
def _check_sdk_under_test() -> None:
    """Fail fast when the venv holds the wrong `anthropic` (e.g. an installer replaced ours with the official one)."""
    import anthropic

    assert anthropic.__file__.startswith(sys.prefix), f"anthropic comes from {anthropic.__file__}, not {sys.prefix}"
    ours = importlib.util.find_spec("anthropic.testing") is not None
    assert ours == (TARGET == "ours"), f"ECOSYSTEM_TARGET={TARGET} but anthropic.testing present: {ours}"
    # Ours may be a post-release of 0.74.0 (e.g. 0.74.0.post1); the official one is exactly 0.74.0.
    assert anthropic.__version__ == "0.74.0" if TARGET == "official" else anthropic.__version__.startswith("0.74.0")


@pytest.fixture
def fake_api(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    """A started fake API; the environment points every library at it with a fake key and no other network."""
    server = fake.FakeAnthropicServer()
    server.start()
    for name in (
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_LOG",
        "OPENAI_API_KEY",
        "LANGSMITH_TRACING",
        "LANGCHAIN_TRACING_V2",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", API_KEY)
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    monkeypatch.setenv("HAYSTACK_TELEMETRY_ENABLED", "False")
    try:
        yield server
    finally:
        server.stop()
    if server.errors:
        pytest.fail(f"scripted reply functions raised: {server.errors!r}", pytrace=False)
