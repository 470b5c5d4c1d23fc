"""The one lazy-loading mechanism of the type packages (PEP 562).

A package maps each public name to the private topic module that defines it; the topic module is imported the first
time the name is looked up, and the value is then cached in the package namespace so later lookups are plain dict
hits. 0.74.0's per-type module paths (`anthropic.types.beta.beta_message`, ...) are real files beside the package's
`__init__.py` (written by `scripts/generate_type_modules.py`), so they import normally and type checkers see them;
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

    `names` maps a public name to its topic module, found in `topics` (default: the package itself).
    """
    package = str(namespace["__name__"])
    module_name = names.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(f"{topics or package}.{module_name}"), name)
        namespace[name] = value
        return value
    if not name.startswith("_") and _is_submodule(namespace, name):
        return importlib.import_module(f"{package}.{name}")
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


def lazy_dir(namespace: Mapping[str, object], public: Iterable[str]) -> list[str]:
    return sorted({*namespace, *public})
