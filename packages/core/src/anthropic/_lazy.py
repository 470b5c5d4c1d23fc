"""The one lazy-loading mechanism for public names and module paths (PEP 562).

A module maps each public name it does not define itself to the module that does; that module is imported the first
time the name is looked up, and the value is then cached in the namespace so later lookups are plain dict hits. The
type packages map names to their private topic modules; resources and other public modules map the names 0.74.0
re-exported there (`anthropic.resources.messages.messages.Message`) to their homes, in a block written by
`scripts/generate_compat_modules.py`. 0.74.0's per-type module paths (`anthropic.types.beta.beta_message`, ...) are real files beside the package's
`__init__.py` (written by `scripts/generate_compat_modules.py`), so they import normally and type checkers see them;
as attributes of the package they are imported on first access, as 0.74.0's eager imports made them available.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping, MutableMapping

__all__ = ["lazy_dir", "lazy_getattr"]


def _is_submodule(namespace: Mapping[str, object], name: str) -> bool:
    folder = os.path.dirname(str(namespace["__file__"]))
    return os.path.isfile(os.path.join(folder, f"{name}.py")) or os.path.isfile(
        os.path.join(folder, name, "__init__.py")
    )


def lazy_getattr(
    namespace: MutableMapping[str, object], name: str, names: Mapping[str, str], topics: str | None = None
) -> object:
    """Resolve `name` for the package whose globals are `namespace`, or raise AttributeError.

    `names` maps a public name to its topic module, found in `topics` (default: the package itself), or to an
    absolute `"module:attribute"` (an empty attribute means the module itself).
    """
    package = str(namespace["__name__"])
    target = names.get(name)
    if target is not None:
        module_name, colon, attribute = target.partition(":")
        if colon:
            module = importlib.import_module(module_name)
            value = getattr(module, attribute) if attribute else module
        else:
            value = getattr(importlib.import_module(f"{topics or package}.{module_name}"), name)
        namespace[name] = value
        return value
    if not name.startswith("_") and _is_submodule(namespace, name):
        return importlib.import_module(f"{package}.{name}")
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


def lazy_dir(namespace: Mapping[str, object], public: Iterable[str]) -> list[str]:
    return sorted({*namespace, *public})
