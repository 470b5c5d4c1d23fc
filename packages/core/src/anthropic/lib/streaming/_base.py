"""Cheap model objects for the stream helpers.

A helper event per text delta must cost little: `new_model` builds a model from already-typed values without
validation (about a microsecond), and `LazyFieldsModel` lets an event carry a field that is only computed when
read: `TextEvent.snapshot` (all the text so far) would otherwise make every delta copy the whole text, which is
quadratic over a long answer. Dumps, reprs, comparisons, copies and pickling compute the field first, so a lazy
event is indistinguishable from an eager one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from pydantic import PrivateAttr
from typing_extensions import override

from ..._models import BaseModel

__all__ = ["LazyFieldsModel", "new_model", "rebuild_model"]

_M = TypeVar("_M", bound=BaseModel)

_set = object.__setattr__
_FIELD_NAMES: dict[type, frozenset[str]] = {}
_PRIVATE: dict[type, dict[str, Any] | None] = {}
_DEFAULTS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _field_names(cls: type[BaseModel]) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(cls.model_fields)
    return names


def _private_defaults(cls: type[BaseModel]) -> dict[str, Any] | None:
    """A fresh dict of the class's private attribute defaults (None when it has none)."""
    try:
        template = _PRIVATE[cls]
    except KeyError:
        attrs = cls.__private_attributes__
        template = _PRIVATE[cls] = {name: attr.get_default() for name, attr in attrs.items()} if attrs else None
    return dict(template) if template is not None else None


def new_model(cls: type[_M], values: dict[str, Any], lazy: Callable[[], dict[str, Any]] | None = None) -> _M:
    """An instance of `cls` holding `values` as they are (no validation, no copy); every field counts as set.

    `lazy` (for `LazyFieldsModel` subclasses) returns the fields missing from `values` when first needed.
    """
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(_FIELD_NAMES.get(cls) or _field_names(cls)))
    _set(obj, "__pydantic_extra__", {})
    private = _private_defaults(cls)
    if lazy is not None and private is not None:
        private["_lazy"] = lazy
    _set(obj, "__pydantic_private__", private)
    return obj


def rebuild_model(source: BaseModel, cls: type[_M], update: Mapping[str, Any]) -> _M:
    """A shallow copy of `source` as an instance of `cls` (the same class or a subclass) with `update` applied.

    Fields the API sent stay set, updated fields become set, fields `cls` adds get their defaults (unset), extra
    fields are kept: `to_dict()` of the result is what a non-streamed response would give.
    """
    values = dict(source.__dict__)
    values.update(update)
    if cls is not type(source):
        defaults = _DEFAULTS.get(cls)
        if defaults is None:
            defaults = _DEFAULTS[cls] = tuple(
                (name, field.get_default(call_default_factory=True))
                for name, field in cls.model_fields.items()
                if not field.is_required()
            )
        for name, default in defaults:
            if name not in values:
                values[name] = default
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    fields_set = set(source.__pydantic_fields_set__)
    fields_set.update(update)
    _set(obj, "__pydantic_fields_set__", fields_set)
    extra = source.__pydantic_extra__
    _set(obj, "__pydantic_extra__", dict(extra) if extra else {})
    private = source.__pydantic_private__
    merged = _private_defaults(cls)
    if merged is not None:
        if private:
            merged.update(private)
        private = merged
    elif private:
        private = dict(private)
    _set(obj, "__pydantic_private__", private)
    return obj


class LazyFieldsModel(BaseModel):
    """A model some of whose fields are computed on first use (see the module docstring)."""

    _lazy: Any = PrivateAttr(default=None)

    def _materialize(self) -> bool:
        private = self.__pydantic_private__
        thunk = private.get("_lazy") if private else None
        if thunk is None:
            return False
        values = cast("Callable[[], dict[str, Any]]", thunk)()
        cast("dict[str, Any]", self.__dict__).update(values)
        cast("dict[str, Any]", private)["_lazy"] = None
        return True

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name in _field_names(type(self)) and self._materialize():
                return self.__dict__[name]
            return super().__getattr__(name)

    @override
    def model_dump(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self._materialize()
        return super().model_dump(*args, **kwargs)

    @override
    def model_dump_json(self, *args: Any, **kwargs: Any) -> str:
        self._materialize()
        return super().model_dump_json(*args, **kwargs)

    @override
    def model_copy(self, *args: Any, **kwargs: Any) -> Any:
        self._materialize()
        return super().model_copy(*args, **kwargs)

    @override
    def __copy__(self) -> Any:
        self._materialize()
        return super().__copy__()

    @override
    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        self._materialize()
        return super().__deepcopy__(memo)

    @override
    def __getstate__(self) -> dict[Any, Any]:
        self._materialize()
        return super().__getstate__()

    @override
    def __eq__(self, other: object) -> bool:
        self._materialize()
        if isinstance(other, LazyFieldsModel):
            other._materialize()
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]

    @override
    def __iter__(self) -> Any:
        self._materialize()
        return super().__iter__()

    @override
    def __repr_args__(self) -> Any:
        self._materialize()
        return super().__repr_args__()
