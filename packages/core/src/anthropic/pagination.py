"""Pages of list endpoints, with auto-pagination: `for item in client.models.list()` walks every page.

A page remembers the request that produced it and the client that sent it; the next page is the same request
with the page's cursor parameters (`after_id`/`before_id`, `page`, `page_token`) merged into its query.
Async `list()` calls return an `AsyncPaginator`: `await` it for the first page, `async for` it for the items.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import AsyncIterator, Generator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, List, Optional, TypeVar, cast

from pydantic import PrivateAttr
from typing_extensions import Self, override

from ._constants import RAW_RESPONSE_HEADER
from ._models import BaseModel

if TYPE_CHECKING:
    from ._request import APIRequest

__all__ = ["SyncPage", "AsyncPage", "SyncTokenPage", "AsyncTokenPage", "SyncPageCursor", "AsyncPageCursor"]

_T = TypeVar("_T")
_AsyncPageT = TypeVar("_AsyncPageT")


class PageInfo:
    """What changes in the request for the next page: query `params` to merge, or a whole `url`."""

    def __init__(self, *, params: Mapping[str, object] | None = None, url: str | None = None) -> None:
        self.params = params
        self.url = url

    def __repr__(self) -> str:
        return f"PageInfo(params={self.params!r})" if self.url is None else f"PageInfo(url={self.url!r})"


class BasePage(BaseModel, Generic[_T]):
    """What every page knows: its items, whether another page follows, and how to ask for it."""

    _client: Any = PrivateAttr(default=None)
    _request: Any = PrivateAttr(default=None)

    def _get_page_items(self) -> list[_T]:
        raise NotImplementedError

    def next_page_info(self) -> PageInfo | None:
        """The query change leading to the next page, or None on the last page."""
        raise NotImplementedError

    def has_next_page(self) -> bool:
        if not self._get_page_items():
            return False
        return self.next_page_info() is not None

    def _next_request(self) -> APIRequest[Self]:
        info = self.next_page_info()
        if info is None or self._request is None:
            raise RuntimeError(
                "No next page expected; please check `.has_next_page()` before calling `.get_next_page()`."
            )
        return next_page_request(self._request, info, self._client)


def bind_page(page: BasePage[Any], *, client: Any, request: APIRequest[Any]) -> BasePage[Any]:
    """Attach the client and request a page came from (the post-parser of every list request)."""
    page._client = client
    page._request = request
    return page


def next_page_request(request: APIRequest[Any], info: PageInfo, client: Any) -> APIRequest[Any]:
    """The request for the page after `request`'s, as a normal (not raw) call."""
    following = copy.copy(request)
    if info.url is not None:
        following.path = info.url
    following.query = {**request.query, **(info.params or {})}
    raw_header = RAW_RESPONSE_HEADER.lower()
    following.headers = {k: v for k, v in request.headers.items() if k.lower() != raw_header}
    following.stream = False
    following.post_parser = functools.partial(bind_page, client=client, request=following)
    return following


class BaseSyncPage(BasePage[_T], Generic[_T]):
    """A page of a sync client: iterating it yields the items of this page and of every following page."""

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        for page in self.iter_pages():
            yield from page._get_page_items()

    def iter_pages(self) -> Iterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = page.get_next_page()

    def get_next_page(self) -> Self:
        return cast(Self, self._client._request(self._next_request()))


class BaseAsyncPage(BasePage[_T], Generic[_T]):
    """A page of an async client: `async for` yields the items of this page and of every following page."""

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page._get_page_items():
                yield item

    async def iter_pages(self) -> AsyncIterator[Self]:
        page = self
        while True:
            yield page
            if not page.has_next_page():
                return
            page = await page.get_next_page()

    async def get_next_page(self) -> Self:
        return cast(Self, await self._client._request(self._next_request()))


class AsyncPaginator(Generic[_T, _AsyncPageT]):
    """What an async `list()` returns: awaitable (the first page) and async-iterable (every item)."""

    def __init__(self, client: Any, request: APIRequest[_AsyncPageT]) -> None:
        self._client = client
        self._request = request

    def __await__(self) -> Generator[Any, None, _AsyncPageT]:
        return self._get_page().__await__()

    async def _get_page(self) -> _AsyncPageT:
        return cast(_AsyncPageT, await self._client._request(self._request))

    async def __aiter__(self) -> AsyncIterator[_T]:
        page: Any = await self._get_page()
        async for item in page:
            yield item


# ---------------------------------------------------------------------------------------------------------------
# The three cursor styles of the API


class _IdCursor(BasePage[_T], Generic[_T]):
    """`after_id`/`before_id` pages: walks forward from `last_id`, or backward from `first_id`."""

    data: List[_T]
    has_more: Optional[bool] = None
    first_id: Optional[str] = None
    last_id: Optional[str] = None

    @override
    def _get_page_items(self) -> list[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    @override
    def next_page_info(self) -> PageInfo | None:
        query: Mapping[str, object] = self._request.query if self._request is not None else {}
        if query.get("before_id"):
            return PageInfo(params={"before_id": self.first_id}) if self.first_id else None
        return PageInfo(params={"after_id": self.last_id}) if self.last_id else None


class _PageCursor(BasePage[_T], Generic[_T]):
    """`page` cursor pages (skills, skill versions): the next request sends `page=<next_page>`."""

    data: List[_T]
    has_more: Optional[bool] = None
    next_page: Optional[str] = None

    @override
    def _get_page_items(self) -> list[_T]:
        return self.data or []

    @override
    def has_next_page(self) -> bool:
        if self.has_more is False:
            return False
        return super().has_next_page()

    @override
    def next_page_info(self) -> PageInfo | None:
        return PageInfo(params={"page": self.next_page}) if self.next_page else None


class _TokenCursor(_PageCursor[_T], Generic[_T]):
    """`page_token` cursor pages: like `_PageCursor`, under another parameter name."""

    @override
    def next_page_info(self) -> PageInfo | None:
        return PageInfo(params={"page_token": self.next_page}) if self.next_page else None


class SyncPage(_IdCursor[_T], BaseSyncPage[_T], Generic[_T]):
    pass


class AsyncPage(_IdCursor[_T], BaseAsyncPage[_T], Generic[_T]):
    pass


class SyncPageCursor(_PageCursor[_T], BaseSyncPage[_T], Generic[_T]):
    pass


class AsyncPageCursor(_PageCursor[_T], BaseAsyncPage[_T], Generic[_T]):
    pass


class SyncTokenPage(_TokenCursor[_T], BaseSyncPage[_T], Generic[_T]):
    pass


class AsyncTokenPage(_TokenCursor[_T], BaseAsyncPage[_T], Generic[_T]):
    pass
