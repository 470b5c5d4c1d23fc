"""0.74.0 module paths whose names plugins provide (`anthropic.lib.bedrock`, `anthropic.lib.tools`, ...).

The core names no plugin package: such a module asks the plugin host for its names when it is imported, through the
same exports that serve `anthropic.AnthropicBedrock`. For a name `N` of the path `P` it takes, in this order:

1. the export `"P.N"`, for names a plugin serves at that path only (`anthropic.lib.tools.BetaToolRunner`);
2. the export `"N"`, for names 0.74.0 also serves from `anthropic` (`AnthropicBedrock`, `beta_tool`);
3. the attribute `N` of the module that holds the first name found so (`AzureADTokenProvider`, which lives next
   to `AnthropicFoundry`).

When nothing provides them, the import fails with an `ImportError` that names the extra to install (or why the
installed plugin is not loaded).
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .host import InstalledPlugin

__all__ = ["plugin_names"]


def _load(target: str) -> object:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def plugin_names(path: str, extra: str, names: Sequence[str]) -> dict[str, object]:
    """The values of `names` for the module `path`, from the loaded plugins; `extra` installs the plugin."""
    from .host import get_host

    host = get_host()
    exports = host.exports()
    found: dict[str, object] = {}
    home: str | None = None
    for name in names:
        target = exports.get(f"{path}.{name}") or exports.get(name)
        if target is not None:
            found[name] = _load(target)
            home = home or target.partition(":")[0]
    if home is not None:
        for name in names:
            if name not in found and hasattr(module := importlib.import_module(home), name):
                found[name] = getattr(module, name)
    missing = [name for name in names if name not in found]
    if missing:
        raise _missing(host.not_loaded(extra), path, extra, missing, complete=not found)
    return found


def _missing(
    idle: Sequence[InstalledPlugin], path: str, extra: str, missing: list[str], *, complete: bool
) -> ImportError:
    install = f'pip install "anthropic[{extra}]"'
    lead = f"`{path}` is provided by"
    if not complete:
        lead = f"`{path}`: the loaded plugins do not provide {', '.join(missing)};"
    if idle:
        why = "; ".join(plugin.describe() for plugin in idle)
        message = f"{lead} the {extra} plugin ({install}), which is installed but not loaded: {why}"
    elif complete:
        message = f"{lead} a plugin that is not installed; install it with: {install}"
    else:
        message = f"{lead} install a version of the {extra} plugin that does: {install}"
    return ImportError(message, name=path)
