"""The base class of every response model, and the two ways responses become models.

Responses are parsed from bytes by pydantic-core (`model_validate_json`, in Rust). When the data does not fit the
model (a field the API added, a new enum value, a new content block type), parsing falls back to a lenient,
recursive construction without validation, as the official SDK's non-strict mode does: a future API never breaks
parsing.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import gc as _gc
import os
import threading as _threading
import types as _pytypes
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal, TypeVar, Union, cast, get_args, get_origin

import pydantic
import pydantic_core
from pydantic import ConfigDict
from typing_extensions import Annotated, override

__all__ = [
    "BaseModel",
    "GCPause",
    "construct_json_bytes",
    "construct_type",
    "parse_json_bytes",
    "validate_or_construct",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound="BaseModel")
_PM = TypeVar("_PM", bound=pydantic.BaseModel)

_DEFER_BUILD = os.environ.get("DEFER_PYDANTIC_BUILD", "true").lower() in ("1", "true", "yes", "on")


class BaseModel(pydantic.BaseModel):
    """Response model base: unknown fields are kept, `_request_id` is set on top-level responses."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="allow",
        defer_build=_DEFER_BUILD,
        populate_by_name=True,
        protected_namespaces=(),
        arbitrary_types_allowed=True,
    )

    # Not a pydantic private attribute: those make pydantic run Python set-up code for every model it builds,
    # nested ones included. The value lives in `__pydantic_private__` of top-level responses only.
    @property
    def _request_id(self) -> str | None:
        """The `request-id` response header of the call that returned this object (top-level objects only)."""
        private = self.__pydantic_private__
        return private.get("_request_id") if private else None

    @_request_id.setter
    def _request_id(self, value: str | None) -> None:
        private = self.__pydantic_private__
        if private is None:
            object.__setattr__(self, "__pydantic_private__", {"_request_id": value})
        else:
            private["_request_id"] = value

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, object]:
        """A dict of the fields the API sent (by default), keyed by the API's names."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """A JSON string of the fields the API sent (by default), keyed by the API's names."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    @override
    def __str__(self) -> str:
        return f"{self.__repr_name__()}({self.__repr_str__(', ')})"

    @classmethod
    def construct(cls: type[_M], _fields_set: set[str] | None = None, **values: object) -> _M:  # type: ignore[override]
        """Build recursively without validation (nested dicts become models, unknown values are kept)."""
        return _construct_model(cls, values, _fields_set)

    model_construct = construct  # type: ignore[assignment]


# --------------------------------------------------------------------------------------------------------------
# Parsing


def parse_json_bytes(type_: type[_T], data: bytes | str, *, strict: bool = False) -> _T:
    """Parse a JSON document into `type_`: validated in Rust when it fits, constructed leniently when not.

    With `strict=True` a document that does not fit raises `pydantic.ValidationError`.
    """
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        try:
            return cast(_T, type_.model_validate_json(data))
        except pydantic.ValidationError:
            if strict:
                raise
        return cast(_T, construct_type(value=pydantic_core.from_json(data), type_=type_))
    adapter = _adapter_for(type_)
    try:
        return cast(_T, adapter.validate_json(data))
    except pydantic.ValidationError:
        if strict:
            raise
    return cast(_T, construct_type(value=pydantic_core.from_json(data), type_=type_))


def construct_json_bytes(type_: type[_T], data: bytes | str) -> _T:
    """The lenient half of `parse_json_bytes`, for a caller that already saw validation fail."""
    return cast(_T, construct_type(value=pydantic_core.from_json(data), type_=type_))


def validate_or_construct(type_: type[_T], value: object, *, strict: bool = False) -> _T:
    """Like `parse_json_bytes`, for data that is already decoded (SSE event payloads, JSONL lines)."""
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        try:
            return cast(_T, type_.model_validate(value))
        except pydantic.ValidationError:
            if strict:
                raise
        return cast(_T, construct_type(value=value, type_=type_))
    try:
        return cast(_T, _adapter_for(type_).validate_python(value))
    except pydantic.ValidationError:
        if strict:
            raise
    return cast(_T, construct_type(value=value, type_=type_))


# Bodies at least this large are parsed with the cyclic garbage collector paused (see `GCPause`).
GC_PAUSE_MIN_BYTES = 32 * 1024


class GCPause:
    """Pause Python's cyclic garbage collector while a large body becomes models.

    Why: a 1 MB Message becomes ~6,000 GC-tracked objects (a model and its fields-set per content block), so
    building it runs a dozen young-generation collections, and each call promotes the previous response to the
    older generations, whose full collections then scan the whole heap: the collector cost as much as pydantic-core
    itself. Paused, the new objects are scanned once, at the next allocation after the pause, and a response
    dropped before the next young collection is never promoted. Nothing allocated here is garbage, so pausing
    delays no collection that matters.

    One thread owns a pause at a time (re-entrant within it): a parse that starts while another thread's pause is
    open runs without one of its own, so the collector is back as soon as the owner's parse ends, and threads that
    parse large bodies back to back can never keep it off for longer than one parse. The collector is re-enabled
    only if it was enabled when the pause began (a program that calls `gc.disable()` from another thread during a
    pause gets it re-enabled when the pause ends). A child forked during a pause starts unpaused.
    """

    __slots__ = ()
    _lock = _threading.Lock()
    _owner: int | None = None
    _depth = 0

    def __enter__(self) -> None:
        cls = GCPause
        ident = _threading.get_ident()
        with cls._lock:
            if cls._owner == ident:
                cls._depth += 1
            elif cls._owner is None and _gc.isenabled():
                _gc.disable()
                cls._owner = ident
                cls._depth = 1

    def __exit__(self, *exc_info: object) -> None:
        cls = GCPause
        ident = _threading.get_ident()
        with cls._lock:
            if cls._owner != ident:
                return  # this parse ran inside another thread's pause, or with the collector off already
            cls._depth -= 1
            if cls._depth == 0:
                cls._owner = None
                _gc.enable()

    @classmethod
    def _after_fork_in_child(cls) -> None:
        """A child forked while another thread was parsing has no such thread: end its pause, fresh lock."""
        cls._lock = _threading.Lock()
        if cls._owner is not None:
            _gc.enable()
        cls._owner = None
        cls._depth = 0


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=GCPause._after_fork_in_child)


_ADAPTERS: dict[object, pydantic.TypeAdapter[Any]] = {}


def _adapter_for(type_: object) -> pydantic.TypeAdapter[Any]:
    """One TypeAdapter per type, built once (building is what costs)."""
    adapter = _ADAPTERS.get(type_)
    if adapter is None:
        adapter = pydantic.TypeAdapter(cast(Any, type_))
        _ADAPTERS[type_] = adapter
    return adapter


# --------------------------------------------------------------------------------------------------------------
# Lenient construction


def construct_type(*, value: object, type_: object) -> object:
    """Turn decoded JSON into `type_` without validation; anything that does not fit is kept as it is."""
    origin = get_origin(type_)
    if origin is Annotated:
        inner = get_args(type_)[0]
        if get_origin(inner) in (Union, _pytypes.UnionType):
            # Validate members against the annotated union (its discriminator picks the one member to try).
            return _construct_union(value, inner, validate_as=type_)
        return construct_type(value=value, type_=inner)
    if _is_type_alias(type_):
        return construct_type(value=value, type_=type_.__value__)  # type: ignore[attr-defined]
    if origin is Union or origin is _pytypes.UnionType:
        return _construct_union(value, type_)
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        if isinstance(value, Mapping):
            return _construct_model(type_, cast(Mapping[str, object], value), None)
        return value
    if origin in (list, Sequence, tuple) or type_ in (list, tuple):
        args = get_args(type_)
        if isinstance(value, list) and args:
            item_type = args[0]
            return [construct_type(value=item, type_=item_type) for item in cast(list[object], value)]
        return value
    if origin in (dict, Mapping):
        args = get_args(type_)
        if isinstance(value, Mapping) and len(args) == 2:
            return {k: construct_type(value=v, type_=args[1]) for k, v in cast(Mapping[str, object], value).items()}
        return value
    if type_ is _dt.datetime and isinstance(value, str):
        try:
            return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if type_ is _dt.date and isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value
    if type_ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _is_type_alias(type_: object) -> bool:
    type_alias_types = _type_alias_types()
    return bool(type_alias_types) and isinstance(type_, type_alias_types)


@functools.cache
def _type_alias_types() -> tuple[type, ...]:
    """The `TypeAliasType` class to unwrap, looked up once (this runs for every constructed value)."""
    import typing_extensions

    found = getattr(_pytypes, "TypeAliasType", None) or getattr(typing_extensions, "TypeAliasType", None)
    return (found,) if isinstance(found, type) else ()


# Per union: (members without None, model members flattened). Unions are hashable typing objects.
_UNION_MEMBERS: dict[object, tuple[list[object], list[type[pydantic.BaseModel]]]] = {}


def _union_members(union: object) -> tuple[list[object], list[type[pydantic.BaseModel]]]:
    try:
        return _UNION_MEMBERS[union]
    except (KeyError, TypeError):
        pass
    variants = [v for v in get_args(union) if v is not type(None)]
    model_variants = [
        v for v in _flatten_variants(variants) if isinstance(v, type) and issubclass(v, pydantic.BaseModel)
    ]
    members = (variants, model_variants)
    with contextlib.suppress(TypeError):  # an unhashable union is just not cached
        _UNION_MEMBERS[union] = members
    return members


def _construct_union(value: object, union: object, validate_as: object = None) -> object:
    if value is None:
        return None
    variants, model_variants = _union_members(union)
    if isinstance(value, Mapping) and model_variants:
        mapping = cast(Mapping[str, object], value)
        try:  # as 0.74.0: a member that fits is validated (nested values typed), not just constructed
            return _adapter_for(union if validate_as is None else validate_as).validate_python(mapping)
        except (pydantic.ValidationError, pydantic.errors.PydanticUserError, TypeError):
            pass
        chosen = _pick_by_discriminator(mapping, model_variants)
        if chosen is None:
            for variant in model_variants:
                try:
                    return variant.model_validate(mapping)
                except pydantic.ValidationError:
                    continue
            chosen = model_variants[0]
        return _construct_model(chosen, mapping, None)
    for variant in variants:
        if _matches_scalar(value, variant):
            return construct_type(value=value, type_=variant)
    for variant in variants:
        origin = get_origin(variant)
        if isinstance(value, list) and (origin in (list, Sequence) or variant is list):
            return construct_type(value=value, type_=variant)
    return value


def _flatten_variants(variants: list[object]) -> list[object]:
    flat: list[object] = []
    for variant in variants:
        origin = get_origin(variant)
        if origin is Annotated:
            variant = get_args(variant)[0]
            origin = get_origin(variant)
        if origin is Union or origin is _pytypes.UnionType:
            flat.extend(_flatten_variants(list(get_args(variant))))
        else:
            flat.append(variant)
    return flat


_DISCRIMINATORS = ("type", "command")


def _pick_by_discriminator(
    value: Mapping[str, object], variants: list[type[pydantic.BaseModel]]
) -> type[pydantic.BaseModel] | None:
    for key in _DISCRIMINATORS:
        tag = value.get(key)
        if not isinstance(tag, str):
            continue
        for variant in variants:
            field = variant.model_fields.get(key)
            if field is None:
                continue
            if get_origin(field.annotation) is Literal and tag in get_args(field.annotation):
                return variant
    return None


def _matches_scalar(value: object, type_: object) -> bool:
    if get_origin(type_) is Literal:
        return value in get_args(type_)
    if type_ is str:
        return isinstance(value, str)
    if type_ is bool:
        return isinstance(value, bool)
    if type_ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if type_ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_ is _dt.datetime or type_ is _dt.date:
        return isinstance(value, str)
    return False


def _construct_model(cls: type[_PM], values: Mapping[str, object], fields_set: set[str] | None) -> _PM:
    """As 0.74.0's `construct`: fields in the class's order (dumps list them in that order), a missing required
    field is None, unknown keys are kept as extras after the fields."""
    fields = cls.model_fields
    data: dict[str, object] = {}
    present: set[str] = set()
    for name, field in fields.items():
        key = field.alias or name
        if key not in values and name in values:
            key = name
        if key in values:
            data[name] = construct_type(value=values[key], type_=field.annotation)
            present.add(name)
        elif field.is_required():
            data[name] = None
        else:
            data[name] = field.get_default(call_default_factory=True)
    known = {key for name, field in fields.items() for key in (name, field.alias) if key}
    extra = {key: raw for key, raw in values.items() if key not in known}
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", data)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set if fields_set is not None else present)
    object.__setattr__(obj, "__pydantic_extra__", extra)
    object.__setattr__(obj, "__pydantic_private__", None)
    if cls.__private_attributes__:
        private = {k: v.get_default() for k, v in cls.__private_attributes__.items()}
        object.__setattr__(obj, "__pydantic_private__", private)
    return obj
