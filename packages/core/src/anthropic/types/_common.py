"""Typing helpers for request params: pure typing, imports neither pydantic nor any model module."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from os import PathLike
from typing import IO, TYPE_CHECKING, Any, Protocol, SupportsIndex, TypeVar, Union, overload

from typing_extensions import TypeAlias

__all__ = ["Base64FileInput", "SequenceNotStr"]

_T_co = TypeVar("_T_co", covariant=True)

# A file whose bytes the request encoder turns into base64 (`data` of the base64 image / PDF sources).
Base64FileInput: TypeAlias = Union[IO[bytes], PathLike[Any]]

if TYPE_CHECKING:

    class SequenceNotStr(Protocol[_T_co]):
        """A sequence that type checkers refuse a bare `str` for (`stop_sequences="x"` is a classic bug).

        `str.__contains__` only takes `str`, so `str` does not satisfy `__contains__(object)`.
        """

        @overload
        def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
        @overload
        def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...
        def __contains__(self, value: object, /) -> bool: ...
        def __len__(self) -> int: ...
        def __iter__(self) -> Iterator[_T_co]: ...
        def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
        def count(self, value: Any, /) -> int: ...
        def __reversed__(self) -> Iterator[_T_co]: ...

else:
    # At run time a plain Sequence: nothing validates params, and get_type_hints() stays simple.
    SequenceNotStr = Sequence
