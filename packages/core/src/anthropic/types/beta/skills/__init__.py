"""Beta skill version types (`anthropic.types.beta.skills`), loaded lazily from `_versions`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthropic._lazy import lazy_dir, lazy_getattr

if TYPE_CHECKING:
    from ._versions import (
        VersionCreateParams,
        VersionCreateResponse,
        VersionDeleteResponse,
        VersionListParams,
        VersionListResponse,
        VersionRetrieveResponse,
    )

_NAMES: dict[str, str] = {
    "VersionCreateParams": "_versions",
    "VersionCreateResponse": "_versions",
    "VersionDeleteResponse": "_versions",
    "VersionListParams": "_versions",
    "VersionListResponse": "_versions",
    "VersionRetrieveResponse": "_versions",
}

# Official module paths served by real (alias) submodules, imported on attribute access.

__all__ = [
    "VersionCreateParams",
    "VersionCreateResponse",
    "VersionDeleteResponse",
    "VersionListParams",
    "VersionListResponse",
    "VersionRetrieveResponse",
]


def __getattr__(name: str) -> object:
    return lazy_getattr(globals(), name, _NAMES)


def __dir__() -> list[str]:
    return lazy_dir(globals(), __all__)
