"""A structural fingerprint of a type, comparable across two implementations of the same API types.

For a model or TypedDict: each field in order with whether it is required, the literal values its annotation
allows and the model / TypedDict classes it refers to (by name). For an alias: its literals and classes.
Used by test_types.py against a fingerprint of the official SDK that is checked in as data (the official package
is not needed when the tests run). Imports nothing from `anthropic`.
"""

from __future__ import annotations

import typing
from typing import Any

import pydantic
import typing_extensions


def _walk(annotation: Any, literals: set[str], classes: set[str], seen: set[int]) -> None:
    if id(annotation) in seen:
        return
    seen.add(id(annotation))
    origin = typing_extensions.get_origin(annotation)
    args = typing_extensions.get_args(annotation)
    if origin is typing_extensions.Literal or origin is typing.Literal:
        literals.update(str(a) for a in args)
        return
    if isinstance(annotation, type):
        if issubclass(annotation, pydantic.BaseModel) or typing_extensions.is_typeddict(annotation):
            classes.add(annotation.__name__)
        return
    if typing_extensions.is_typeddict(annotation):
        classes.add(annotation.__name__)
        return
    if origin is typing_extensions.Annotated:
        _walk(args[0], literals, classes, seen)
        return
    if origin in (typing_extensions.Required, typing_extensions.NotRequired):
        _walk(args[0], literals, classes, seen)
        return
    value = getattr(annotation, "__value__", None)  # TypeAliasType
    if value is not None:
        _walk(value, literals, classes, seen)
        return
    for arg in args:
        if arg is Ellipsis or isinstance(arg, (str, int)):
            continue
        _walk(arg, literals, classes, seen)


def _describe(annotation: Any) -> list[Any]:
    literals: set[str] = set()
    classes: set[str] = set()
    _walk(annotation, literals, classes, set())
    return [sorted(literals), sorted(classes)]


def shape(obj: Any) -> dict[str, Any]:
    """The fingerprint of one public object of a types module."""
    if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
        fields = [[name, f.is_required(), *_describe(f.annotation)] for name, f in obj.model_fields.items()]
        return {"kind": "model", "name": obj.__name__, "fields": fields}
    if typing_extensions.is_typeddict(obj):
        hints = typing_extensions.get_type_hints(obj, include_extras=True)
        fields = [[name, _td_required(obj, name, hint), *_describe(hint)] for name, hint in hints.items()]
        return {"kind": "typeddict", "name": obj.__name__, "fields": fields}
    literals, classes = _describe(obj)
    return {"kind": "alias", "literals": literals, "classes": classes}


def _td_required(cls: Any, name: str, hint: Any) -> bool:
    # Read `Required[...]` / `NotRequired[...]` from the hint itself: `__required_keys__` is wrong at run time
    # for TypedDicts declared with `from __future__ import annotations` (the official SDK's are).
    origin = typing_extensions.get_origin(hint)
    if origin is typing_extensions.Required:
        return True
    if origin is typing_extensions.NotRequired:
        return False
    return name in cls.__required_keys__
