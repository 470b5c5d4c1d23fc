"""Describe the public surface of whatever `anthropic` package the running interpreter imports.

Run as a script by `regenerate.py` inside a throwaway venv holding the official wheel (the oracle), and by the
snapshot test inside this workspace; both sides must produce the same description, so this file needs nothing but
the standard library and pydantic, and normalises every detail that is an implementation choice rather than
something user code can observe (annotation spelling `list[X]` vs `List[X]`, union order, `Annotated` metadata).

Usage: python surface_describe.py OUTPUT.json
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import pkgutil
import sys
import types
import typing
from typing import Any

ROOT = "anthropic"
# Names whose objects come from these modules are typing plumbing a module happens to import (`List`, `Optional`,
# `annotations`...); user code never imports them from an SDK module, so they are recorded apart, not compared.
FOREIGN_PLUMBING = {"typing", "typing_extensions", "__future__", "collections.abc", "builtins", "types", "abc"}
SIMPLE = (str, int, float, bool, type(None))


def public_modules() -> list[str]:
    """Every importable module path under `anthropic` whose components are all public."""
    package = importlib.import_module(ROOT)
    names = {ROOT}
    for info in pkgutil.walk_packages(package.__path__, prefix=ROOT + "."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        names.add(info.name)
    return sorted(names)


def _name_of(obj: Any) -> str:
    return getattr(obj, "__name__", None) or getattr(obj, "_name", None) or repr(obj)


def norm(tp: Any) -> str:
    """A canonical spelling of a type annotation, equal for equivalent spellings."""
    if tp is None or tp is type(None):
        return "None"
    if isinstance(tp, str):
        return tp.replace("typing.", "").replace("typing_extensions.", "")
    if isinstance(tp, typing.ForwardRef):
        return tp.__forward_arg__
    if isinstance(tp, typing.TypeVar):
        return f"~{tp.__name__}"
    type_alias_type = getattr(typing, "TypeAliasType", None)
    if type_alias_type is not None and isinstance(tp, type_alias_type):
        return tp.__name__
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return norm(args[0])
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        return "Union[" + ", ".join(sorted({norm(a) for a in args})) + "]"
    if origin is typing.Literal:
        return "Literal[" + ", ".join(sorted(repr(a) for a in args)) + "]"
    for wrapper in ("Required", "NotRequired", "ReadOnly"):
        for mod in (typing, sys.modules.get("typing_extensions")):
            special = getattr(mod, wrapper, None) if mod else None
            if special is not None and origin is special:
                return norm(args[0])
    if origin is not None:
        name = _name_of(origin)
        if all(arg is Any for arg in args):
            return name  # `PathLike[Any]` is what a bare `PathLike` means
        return f"{name}[{', '.join(norm(a) for a in args)}]" if args else name
    if tp is Ellipsis:
        return "..."
    if isinstance(tp, type):
        # a pydantic generic parametrised in an annotation (`ParsedBetaTextBlock[object]`) is still that class
        return tp.__name__.partition("[")[0]
    return _name_of(tp)


def _default(value: Any) -> Any:
    if value is inspect.Parameter.empty:
        return "<required>"
    if isinstance(value, SIMPLE):
        return value
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (tuple, list, frozenset, set)) and all(isinstance(v, SIMPLE) for v in value):
        return [type(value).__name__, *sorted(value, key=repr)]
    return f"<{type(value).__name__}>"


def signature(func: Any) -> list[list[Any]] | str:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return "<no signature>"
    variadic = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}
    # the name of `*args`/`**kwargs` cannot be passed by a caller, so it is not part of the surface
    return [[variadic.get(p.kind, p.name), p.kind.name, _default(p.default)] for p in sig.parameters.values()]


def is_typeddict(cls: type) -> bool:
    return isinstance(cls, type) and issubclass(cls, dict) and hasattr(cls, "__required_keys__")


def is_pydantic_model(cls: type) -> bool:
    return isinstance(cls, type) and hasattr(cls, "model_fields") and hasattr(cls, "__pydantic_core_schema__")


def _required_keys(cls: type) -> set[str]:
    """Required keys as a type checker reads them.

    `__required_keys__` is wrong for a TypedDict written under `from __future__ import annotations`: the annotation
    `Required[X]` is then a string the metaclass does not look into, so every key follows `total`. Reading the
    string here gives both sides the keys user code must pass.
    """
    required: set[str] = set()
    inherited: set[str] = set()
    for base in getattr(cls, "__orig_bases__", ()):
        if is_typeddict(base):  # TypedDict flattens its MRO: its parents are only in __orig_bases__
            required |= _required_keys(base)
            inherited |= set(base.__annotations__)
    for key, annotation in cls.__annotations__.items():
        if key in inherited:
            continue
        if isinstance(annotation, typing.ForwardRef):
            annotation = annotation.__forward_arg__
        if not isinstance(annotation, str):
            if key in cls.__required_keys__:  # type: ignore[attr-defined]
                required.add(key)
            continue
        text = annotation.replace("typing_extensions.", "").replace("typing.", "").strip()
        if text.startswith("Required[") or (getattr(cls, "__total__", True) and not text.startswith("NotRequired[")):
            required.add(key)
    return required


def typeddict_keys(cls: type) -> dict[str, Any]:
    try:
        hints = typing.get_type_hints(cls, include_extras=True)
    except Exception:  # unresolvable forward reference: keep the raw strings
        hints = {}
        for klass in reversed(cls.__mro__):
            hints.update(getattr(klass, "__annotations__", {}))
    required = _required_keys(cls)
    return {key: {"type": norm(hints.get(key)), "required": key in required} for key in sorted(hints)}


def model_fields(cls: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, info in sorted(cls.model_fields.items()):
        fields[name] = {
            "type": norm(info.annotation),
            "default": "<required>" if info.is_required() else _default(info.default),
            "alias": info.alias,
        }
    return fields


_EXPORTED: set[int] = set()  # filled by describe(): objects 0.74.0 hands to users


def _inherited_from_library(cls: type, name: str) -> bool:
    """Methods that pydantic, dict or the builtins provide are theirs to describe, not ours."""
    for base in cls.__mro__:
        if name in base.__dict__:
            module = getattr(base, "__module__", "") or ""
            return module.split(".")[0] in {"pydantic", "builtins", "typing", "typing_extensions", "httpx", "abc"}
    return False


SELF = ["self", "POSITIONAL_OR_KEYWORD", "<required>"]
_INSTANCES: dict[type, Any] = {}  # resource class -> an instance reached from a client, as users reach it


def collect_resource_instances() -> None:
    """Walk `Anthropic().messages.batches...` (and async, raw, streaming) to find one instance per resource class.

    A resource method is described through its instance, as `inspect.signature(client.messages.create)` shows it:
    how a class builds its methods (functions, descriptors) is not the user's business.
    """
    root = importlib.import_module(ROOT)
    clients = [root.Anthropic(api_key="k"), root.AsyncAnthropic(api_key="k")]
    pending: list[tuple[Any, int]] = [(client, 0) for client in clients]
    while pending:
        obj, depth = pending.pop()
        for name in dir(type(obj)):
            if name.startswith("_") or depth > 5:
                continue
            try:
                child = getattr(obj, name)
            except Exception:
                continue
            module = type(child).__module__ or ""
            if module.startswith(f"{ROOT}.resources") and type(child) not in _INSTANCES:
                _INSTANCES[type(child)] = child
                pending.append((child, depth + 1))


def _instance_method(cls: type, name: str) -> list[list[Any]] | str | None:
    instance = _INSTANCES.get(cls)
    if instance is None:
        return None
    try:
        bound = getattr(instance, name)
    except Exception:
        return None
    if not callable(bound) or isinstance(bound, type):
        return None
    described = signature(bound)
    return described if isinstance(described, str) else [SELF, *described]


def methods(cls: type) -> dict[str, Any]:
    result: dict[str, Any] = {}
    instance = _INSTANCES.get(cls)
    for name in sorted({*dir(cls), *(dir(instance) if instance is not None else ())}):
        if name.startswith("_") and name not in {"__init__", "__call__"}:
            continue
        in_class = any(name in vars(base) for base in cls.__mro__)
        if (in_class and _inherited_from_library(cls, name)) or (not in_class and instance is None):
            continue
        try:
            raw = inspect.getattr_static(cls, name)
        except AttributeError:
            raw = None  # an attribute of the instance only (a plugin's `tool_runner`)
        if isinstance(raw, (staticmethod, classmethod)):
            raw = raw.__func__
        through_instance = _instance_method(cls, name)
        if through_instance is not None:
            result[name] = through_instance
        elif inspect.isfunction(raw) or inspect.isbuiltin(raw):
            result[name] = signature(getattr(cls, name))
        elif inspect.isfunction(getattr(raw, "__wrapped__", None)):  # a method-making descriptor (functools.wraps)
            result[name] = signature(raw.__wrapped__)
        elif hasattr(raw, "__get__") and not isinstance(raw, type):
            result[name] = "<property>"  # property, cached_property or any other descriptor: read as an attribute
    return result


def _observable_base(klass: type) -> bool:
    """A base user code can test with isinstance: public SDK classes, pydantic, builtins; not typing plumbing."""
    module = klass.__module__ or ""
    if module.split(".")[0] in {"typing", "typing_extensions", "abc", "collections"}:
        return False
    if module.split(".")[0] == ROOT:
        return not _is_private(module) or id(klass) in _EXPORTED
    return True


def describe_class(cls: type) -> dict[str, Any]:
    # pydantic puts each parametrised generic (`BasePage[~_T]`) in the MRO too: one entry per class is what
    # isinstance() checks can tell apart
    bases = list(dict.fromkeys(klass.__name__.partition("[")[0] for klass in cls.__mro__[1:] if _observable_base(klass)))
    entry: dict[str, Any] = {"kind": "class", "mro": [cls.__name__, *bases]}
    if is_typeddict(cls):
        entry["kind"] = "typeddict"
        entry["keys"] = typeddict_keys(cls)
        return entry
    if is_pydantic_model(cls):
        entry["kind"] = "model"
        entry["fields"] = model_fields(cls)
    if issubclass(cls, enum.Enum):
        entry["members"] = sorted(member.name for member in cls)
    entry["methods"] = methods(cls)
    return entry


def describe_value(module: types.ModuleType, name: str, value: Any) -> dict[str, Any]:
    if isinstance(value, types.ModuleType):
        return {"kind": "module", "target": value.__name__}
    if typing.get_origin(value) is not None:  # before the class check: `list[int]` is a `type` on Python 3.10
        return {"kind": "alias", "type": norm(value)}
    if isinstance(value, type):
        return describe_class(value)
    if isinstance(value, typing.TypeVar):
        return {"kind": "typevar"}
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return {"kind": "function", "signature": signature(value)}
    if typing.get_origin(value) is not None or isinstance(value, typing.ForwardRef):
        return {"kind": "alias", "type": norm(value)}
    type_alias_type = getattr(typing, "TypeAliasType", None)
    if type_alias_type is not None and isinstance(value, type_alias_type):
        return {"kind": "alias", "type": norm(value.__value__)}
    if isinstance(value, SIMPLE):
        return {"kind": "constant", "value": value}
    if callable(value) and not isinstance(value, type):
        return {"kind": "callable", "type": type(value).__name__}
    return {"kind": "instance", "type": type(value).__name__}


def _origin_module(value: Any) -> str:
    if isinstance(value, types.ModuleType):
        return value.__name__
    if isinstance(value, (type, types.FunctionType)) or inspect.isbuiltin(value):
        return getattr(value, "__module__", None) or ""
    if typing.get_origin(value) is not None or isinstance(value, typing.TypeVar):
        # A type alias does not know where it was written: the SDK's private modules are the one place to ask.
        for name, module in list(sys.modules.items()):
            if name.startswith(ROOT + "._") and any(value is obj for obj in vars(module).values()):
                return name
        return ""
    return getattr(type(value), "__module__", None) or ""


def _is_typing_plumbing(value: Any) -> bool:
    """`List`, `Optional`, `annotations`, `TYPE_CHECKING`...: objects that belong to the typing modules themselves."""
    for name in ("typing", "typing_extensions", "__future__", "collections.abc"):
        module = sys.modules.get(name)
        if module is not None and any(value is candidate for candidate in vars(module).values()):
            return True
    if isinstance(value, type) or inspect.isfunction(value):
        return _origin_module(value).split(".")[0] in FOREIGN_PLUMBING
    return False


def _is_private(origin: str) -> bool:
    return origin.split(".")[0] != ROOT or any(part.startswith("_") for part in origin.split("."))


def exported_objects(paths: list[str]) -> set[int]:
    """Objects 0.74.0 hands to users: the top-level namespace and every public module's `__all__`."""
    exported = {id(value) for value in vars(importlib.import_module(ROOT)).values()}
    for path in paths:
        module = sys.modules.get(path)
        for name in getattr(module, "__all__", ()):
            exported.add(id(getattr(module, name, None)))
    return exported


def describe_module(path: str, exported: set[int]) -> dict[str, Any]:
    module = importlib.import_module(path)
    names: dict[str, Any] = {}
    plumbing: list[str] = []
    for name in sorted(dir(module)):
        if name.startswith("_") or not name.isidentifier():
            continue  # not identifiers: pydantic's cache of parametrised generics (`Model[object]`)
        try:
            value = getattr(module, name)
        except Exception as exc:  # a lazy name that cannot load (a missing plugin)
            names[name] = {"kind": "error", "error": type(exc).__name__}
            continue
        if isinstance(value, types.ModuleType) and value.__name__ == f"{path}.{name}":
            continue  # a submodule: module paths are compared on their own
        if _is_typing_plumbing(value):
            plumbing.append(name)
            continue
        described = describe_value(module, name, value)
        origin = _origin_module(value)
        described["origin"] = origin
        # An object imported from a private helper module (`maybe_transform`, `make_request_options`, `httpx`)
        # that 0.74.0 never hands out publicly is an implementation import, recorded but not compared.
        if path != ROOT and origin and _is_private(origin) and id(value) not in exported:
            described["private_import"] = origin
        names[name] = described
    entry: dict[str, Any] = {"names": names, "plumbing": plumbing}
    if hasattr(module, "__all__"):
        entry["__all__"] = list(module.__all__)
    return entry


def describe() -> dict[str, Any]:
    paths = public_modules()
    modules: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for path in paths:  # import everything first, so a package's namespace does not depend on visiting order
        try:
            importlib.import_module(path)
        except Exception as exc:
            errors[path] = f"{type(exc).__name__}: {exc}"
    exported = exported_objects(paths)
    _EXPORTED.update(exported)
    collect_resource_instances()
    for path in paths:
        if path in errors:
            continue
        try:
            modules[path] = describe_module(path, exported)
        except Exception as exc:
            errors[path] = f"{type(exc).__name__}: {exc}"
    version = importlib.import_module(ROOT).__version__
    return {"version": version, "modules": modules, "import_errors": errors}


def main() -> None:
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(describe(), out, indent=1, sort_keys=True, default=repr)
        out.write("\n")


if __name__ == "__main__":
    main()
