"""Case-insensitive header mapping used for recorded requests and multipart parts."""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Sequence, Union

HeaderInput = Union[Mapping[str, str], Sequence["tuple[str, str]"]]
"""Headers given by a test: a mapping or a sequence of (name, value) pairs (for repeated names)."""


class Headers(Mapping[str, str]):
    """Read-only headers: lookups ignore case, iteration keeps the spelling the peer sent.

    A name sent several times reads as the values joined by ", " (as HTTP defines); ``get_list`` returns them apart
    and ``raw`` keeps every (name, value) pair in wire order.
    """

    __slots__ = ("_names", "_raw", "_values")

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        pairs = list(items)
        self._raw: tuple[tuple[str, str], ...] = tuple(pairs)
        self._values: dict[str, list[str]] = {}
        self._names: dict[str, str] = {}
        for name, value in pairs:
            key = name.lower()
            if key not in self._values:
                self._values[key] = []
                self._names[key] = name
            self._values[key].append(value)

    def __getitem__(self, key: str) -> str:
        values = self._values[key.lower()]
        return values[0] if len(values) == 1 else ", ".join(values)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._names.values())

    def __len__(self) -> int:
        return len(self._values)

    def get_list(self, key: str) -> list[str]:
        """Every value sent under ``key``, in order (empty when absent)."""
        return list(self._values.get(key.lower(), ()))

    @property
    def raw(self) -> tuple[tuple[str, str], ...]:
        """The (name, value) pairs exactly as received, duplicates included."""
        return self._raw

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Headers):
            return self._values == other._values
        if isinstance(other, Mapping):
            try:
                return self._values == {str(k).lower(): [str(v)] for k, v in other.items()}
            except AttributeError:
                return False
        return NotImplemented

    def __repr__(self) -> str:
        return f"Headers({list(self._raw)!r})"


def header_pairs(headers: HeaderInput | None) -> list[tuple[str, str]]:
    """Normalise user-supplied headers to a list of pairs."""
    if not headers:
        return []
    if isinstance(headers, Mapping):
        return [(str(k), str(v)) for k, v in headers.items()]
    return [(str(k), str(v)) for k, v in headers]
