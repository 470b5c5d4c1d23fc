"""Helpers of the Foundry tests: Azure test credentials (sync and async) that azure-identity's
`get_bearer_token_provider` wraps offline. A unique module name avoids `conftest` clashes."""

from __future__ import annotations

import itertools
import threading
import time
from typing import Any

FOUNDRY_SCOPE = "https://ai.azure.com/.default"


class TestCredential:
    """An Azure `TokenCredential`: hands out numbered tokens that live `lifetime` seconds."""

    __test__ = False

    def __init__(self, lifetime: int = 3600) -> None:
        self.lifetime = lifetime
        self.scopes: list[tuple[str, ...]] = []
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def get_token(self, *scopes: str, **_: Any) -> Any:
        from azure.core.credentials import AccessToken

        with self._lock:
            self.scopes.append(scopes)
            number = next(self._numbers)
        return AccessToken(f"aad-token-{number}", int(time.time()) + self.lifetime)


class AsyncTestCredential(TestCredential):
    """The async flavour (`azure.core.credentials_async.AsyncTokenCredential`)."""

    __test__ = False

    async def get_token(self, *scopes: str, **kwargs: Any) -> Any:  # type: ignore[override]
        return TestCredential.get_token(self, *scopes, **kwargs)

    async def close(self) -> None:
        pass

    async def __aenter__(self) -> AsyncTestCredential:
        return self

    async def __aexit__(self, *_: object) -> None:
        pass
