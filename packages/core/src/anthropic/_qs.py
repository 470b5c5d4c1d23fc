"""Query-string encoding as the API expects it: lists joined with commas, nested mappings as `a[b]=c`."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from ._types import NotGiven, Omit

__all__ = ["encode_query"]


def encode_query(params: Mapping[str, object]) -> str:
    """Encode query params; `None`, `omit` and `NOT_GIVEN` values are left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        _flatten(key, value, pairs)
    return urlencode(pairs)


def _flatten(key: str, value: object, out: list[tuple[str, str]]) -> None:
    if value is None or isinstance(value, (Omit, NotGiven)):
        return
    if isinstance(value, bool):
        out.append((key, "true" if value else "false"))
    elif isinstance(value, Mapping):
        for sub_key, sub_value in value.items():  # pyright: ignore[reportUnknownVariableType]
            _flatten(f"{key}[{sub_key}]", sub_value, out)
    elif isinstance(value, (list, tuple)):
        out.append((key, ",".join(_scalar(v) for v in value)))  # pyright: ignore[reportUnknownVariableType]
    else:
        out.append((key, _scalar(value)))


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
