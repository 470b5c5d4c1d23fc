"""`ResourceExtension`: how a plugin adds an attribute to a resource of every client."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["ResourceExtension"]


@dataclass(frozen=True)
class ResourceExtension:
    """`resource` is the resource key (e.g. "beta.messages"); `name` the attribute; `sync`/`async_` build the value
    from the resource instance for sync and async clients. Raw/streaming views get no extensions."""

    resource: str
    name: str
    sync: Callable[[Any], Any]
    async_: Callable[[Any], Any]
