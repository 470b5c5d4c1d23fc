"""Fixtures of the reliability suite: the platform plugins in the test's plugin host, an environment that cannot
leak the machine's credentials or settings into the clients, and fast retries."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from _reliability import RetryClock

from anthropic._plugins.host import PluginHost

_ENV = (
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_AUTH_TOKEN",
    "ANTHROPIC_BASE_URL",
    "ANTHROPIC_LOG",
    "ANTHROPIC_BEDROCK_BASE_URL",
    "ANTHROPIC_VERTEX_BASE_URL",
    "ANTHROPIC_VERTEX_PROJECT_ID",
    "CLOUD_ML_REGION",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "ANTHROPIC_FOUNDRY_API_KEY",
    "ANTHROPIC_FOUNDRY_RESOURCE",
    "ANTHROPIC_FOUNDRY_BASE_URL",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
)


@pytest.fixture(autouse=True)
def platform_plugins(plugin_host: PluginHost) -> PluginHost:
    import anthropic_plugin_bedrock.plugin
    import anthropic_plugin_foundry.plugin
    import anthropic_plugin_vertex.plugin

    plugin_host.register(anthropic_plugin_bedrock.plugin, name="bedrock")
    plugin_host.register(anthropic_plugin_vertex.plugin, name="vertex")
    plugin_host.register(anthropic_plugin_foundry.plugin, name="foundry")
    return plugin_host


@pytest.fixture(scope="session")
def empty_aws_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("aws")
    (folder / "config").write_text("")
    (folder / "credentials").write_text("")
    return folder


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, empty_aws_dir: Path) -> None:
    """No credentials, regions or endpoints from the machine; empty AWS config files; no metadata lookups."""
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    aws = empty_aws_dir
    monkeypatch.setenv("AWS_CONFIG_FILE", str(aws / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(aws / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("CLOUDSDK_CONFIG", "/nonexistent-gcloud-config")


@pytest.fixture
def retry_clock(monkeypatch: pytest.MonkeyPatch) -> RetryClock:
    """Scaled-down exponential backoff (server hints kept), with every chosen delay recorded."""
    clock = RetryClock()
    monkeypatch.setattr("anthropic._transport.retry_delay", clock)
    return clock


@pytest.fixture
def debug_logs(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    from anthropic._logs import setup_logging

    monkeypatch.setenv("ANTHROPIC_LOG", "debug")
    names = ("anthropic", "httpx", "httpcore")
    saved = {name: (logging.getLogger(name).level, list(logging.getLogger(name).filters)) for name in names}
    setup_logging()
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name)
    yield caplog
    for name, (level, filters) in saved.items():
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.filters[:] = filters
