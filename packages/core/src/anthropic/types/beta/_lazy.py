"""Lazy attribute loading for the beta type packages (PEP 562).

A package maps each public name to the private topic module that defines it; the module is imported the first time
the name is looked up, and the value is then cached in the package namespace so later lookups are plain dict hits.
Official per-type module paths (`anthropic.types.beta.beta_message`, ...) are real submodules, imported on access.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, MutableMapping

__all__ = ["lazy_dir", "lazy_getattr"]


def lazy_getattr(
    namespace: MutableMapping[str, object],
    name: str,
    names: Mapping[str, str],
    submodules: frozenset[str],
) -> object:
    """Resolve `name` for the package whose globals are `namespace`, or raise AttributeError."""
    package = str(namespace["__name__"])
    module_name = names.get(name)
    if module_name is not None:
        value = getattr(importlib.import_module(f"{package}.{module_name}"), name)
        namespace[name] = value
        return value
    if name in submodules:
        return importlib.import_module(f"{package}.{name}")
    raise AttributeError(f"module {package!r} has no attribute {name!r}")


def lazy_dir(namespace: Mapping[str, object], public: Iterable[str], submodules: frozenset[str]) -> list[str]:
    return sorted({*namespace, *public, *submodules})
