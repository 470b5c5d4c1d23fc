"""Fixtures of the reliability suite."""

from __future__ import annotations

import pytest
from _reliability import RetryClock


@pytest.fixture
def retry_clock(monkeypatch: pytest.MonkeyPatch) -> RetryClock:
    """Scaled-down exponential backoff (server hints kept), with every chosen delay recorded."""
    clock = RetryClock()
    monkeypatch.setattr("anthropic._transport.retry_delay", clock)
    return clock
