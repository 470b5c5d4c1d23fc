"""Sentinels and type aliases shared by every layer.

`NotGiven` means "the caller did not pass this argument" (so `None` can mean "no value", e.g. `timeout=None`).
`Omit` means "do not send this": as a param default it drops the key, as a header value it removes a default header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import IO, TYPE_CHECKING, Any, Dict, Literal, TypeVar, Union

from typing_extensions import TypedDict, final, override

if TYPE_CHECKING:
    import httpx

__all__ = [
    "NOT_GIVEN",
    "Body",
    "FileContent",
    "FileTypes",
    "Headers",
    "NoneType",
    "NotGiven",
    "Omit",
    "Query",
    "RequestOptions",
    "not_given",
    "omit",
]

_T = TypeVar("_T")


@final
class NotGiven:
    """Marks an argument the caller did not pass, distinct from an explicit `None`."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
not_given = NOT_GIVEN


@final
class Omit:
    """Marks a value to leave out of the request: a body key that is not sent, or a default header to remove."""

    _instance: Omit | None = None

    def __new__(cls) -> Omit:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "omit"

    def __reduce__(self) -> str:
        return "omit"


omit = Omit()

NoneType: type[None] = type(None)

# A header value may be `Omit()` to remove a default header.
Headers = Mapping[str, Union[str, Omit]]
Query = Mapping[str, object]
Body = object

# `Timeout` here is what a `timeout=` argument accepts; the public `anthropic.Timeout` is `httpx.Timeout` (0.74.0).
if TYPE_CHECKING:
    Timeout = Union[float, httpx.Timeout, None]
    Transport = httpx.BaseTransport
    ProxiesDict = Dict["str | httpx.URL", Union[None, str, httpx.URL, httpx.Proxy]]
    ProxiesTypes = Union[str, httpx.Proxy, ProxiesDict]
else:
    Timeout = Any


def httpx_aliases() -> dict[str, Any]:
    """`anthropic.Timeout`, `anthropic.Transport` and `anthropic.ProxiesTypes` as 0.74.0 defines them.

    Built on first use, so that `import anthropic` does not import httpx.
    """
    import httpx
    from httpx import URL, Proxy

    proxies_dict = Dict["str | URL", Union[None, str, URL, Proxy]]
    return {
        "Timeout": httpx.Timeout,
        "Transport": httpx.BaseTransport,
        "ProxiesTypes": Union[str, Proxy, proxies_dict],
    }


FileContent = Union[IO[bytes], bytes, PathLike[Any]]
FileTypes = Union[
    FileContent,
    tuple[Union[str, None], FileContent],
    tuple[Union[str, None], FileContent, Union[str, None]],
    tuple[Union[str, None], FileContent, Union[str, None], Mapping[str, str]],
]

if TYPE_CHECKING:
    # As in 0.74.0: a sequence protocol that a bare `str` does not satisfy (`stop_sequences="END"` is an error).
    from .types._common import SequenceNotStr as SequenceNotStr
else:
    SequenceNotStr = Sequence


class RequestOptions(TypedDict, total=False):
    """Options accepted by the generic verbs (`client.get(..., options=...)`)."""

    headers: Headers
    max_retries: int
    timeout: Timeout
    params: Query
    extra_json: Mapping[str, object]
    idempotency_key: str
    follow_redirects: bool
