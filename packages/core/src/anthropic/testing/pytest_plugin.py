"""Pytest plugin (entry point ``anthropic_testing``): the ``anthropic_server`` fixture.

pytest imports this module in every session of every project that has ``anthropic`` installed, so it imports
nothing heavy; the server is loaded only when a test asks for the fixture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from anthropic.testing import FakeAnthropicServer


@pytest.fixture
def anthropic_server() -> Iterator[FakeAnthropicServer]:
    """A started ``FakeAnthropicServer`` on 127.0.0.1 (random port), stopped after the test.

    The test fails at teardown if a scripted reply function raised (the client only saw a 500).
    """
    from anthropic.testing._server import FakeAnthropicServer

    server = FakeAnthropicServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
    if server.errors:
        pytest.fail(f"scripted reply functions raised: {server.errors!r}", pytrace=False)
