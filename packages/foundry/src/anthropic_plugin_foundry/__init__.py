"""anthropic-plugin-foundry: Claude on Microsoft Foundry (Azure) for the `anthropic` SDK.

`AnthropicFoundry` / `AsyncAnthropicFoundry` are also served as `anthropic.AnthropicFoundry` and from the 0.74.0
path `anthropic.lib.foundry`. Names load on first use so that plugin discovery stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import (
        AnthropicFoundry,
        AsyncAnthropicFoundry,
        AsyncAzureADTokenProvider,
        AzureADTokenProvider,
        MutuallyExclusiveAuthError,
    )

__version__ = "0.1.0"
_DISTRIBUTION = "anthropic-plugin-foundry"


def _require_core() -> None:
    """Fail at import, naming the fix, unless `anthropic` offers the plugin API this package is written against.

    The official SDK has no `anthropic.plugins` (it would ignore plugins silently); a core of this project checks the
    version range itself (`require_plugin_api`).
    """
    try:
        from anthropic.plugins import require_plugin_api
    except ImportError:
        pass
    else:
        require_plugin_api(1, 2, distribution=_DISTRIBUTION)
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = f"anthropic {version('anthropic')}"
    except PackageNotFoundError:
        found = "no anthropic distribution"
    raise ImportError(
        f"{_DISTRIBUTION} {__version__} needs the anthropic core of the anthropic-fast project (plugin API 1), but "
        f"{found} is installed, which does not offer it (the official SDK ignores plugins). Fix: install the "
        f"plugin again from this project's wheelhouse, which brings its core: pip install --find-links <wheelhouse> "
        f"{_DISTRIBUTION} (see https://github.com/anthropic-fast/anthropic-fast#install)"
    )


_require_core()
__all__ = [
    "AnthropicFoundry",
    "AsyncAnthropicFoundry",
    "AsyncAzureADTokenProvider",
    "AzureADTokenProvider",
    "MutuallyExclusiveAuthError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in __all__ and name != "__version__":
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
