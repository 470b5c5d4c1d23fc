"""Pagination: pages walked forwards and backwards over real HTTP, auto-pagination, page helpers, sync and async."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from _api_surface_helpers import SKILL_MD, Api, open_api

from anthropic import pagination
from anthropic.pagination import (
    AsyncPage,
    AsyncPageCursor,
    AsyncTokenPage,
    PageInfo,
    SyncPage,
    SyncPageCursor,
    SyncTokenPage,
)
from anthropic.testing import FakeAnthropicServer, Reply
from anthropic.testing._api import MODELS


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


ALL_IDS = [entry[0] for entry in MODELS]


def _pages(api: Api, first: Any) -> list[Any]:
    return api.items(first.iter_pages())


def _queries(api: Api, path: str) -> list[dict[str, str]]:
    return [{k: v[-1] for k, v in r.query.items()} for r in api.server.requests if r.path == path]


def test_walks_forward_over_every_page(api: Api) -> None:
    assert len(ALL_IDS) >= 7
    first = api.run(api.client.models.list(limit=2))
    pages = _pages(api, first)
    assert [[m.id for m in p.data] for p in pages] == [ALL_IDS[0:2], ALL_IDS[2:4], ALL_IDS[4:6], ALL_IDS[6:7]]
    assert [p.has_next_page() for p in pages] == [True, True, True, False]
    assert _queries(api, "/v1/models") == [
        {"limit": "2"},
        {"limit": "2", "after_id": ALL_IDS[1]},
        {"limit": "2", "after_id": ALL_IDS[3]},
        {"limit": "2", "after_id": ALL_IDS[5]},
    ]
    page_cls = AsyncPage if api.is_async else SyncPage
    assert all(isinstance(p, page_cls) for p in pages)


def test_walks_backward_from_before_id(api: Api) -> None:
    first = api.run(api.client.models.list(before_id=ALL_IDS[6], limit=2))
    pages = _pages(api, first)
    assert [[m.id for m in p.data] for p in pages] == [ALL_IDS[4:6], ALL_IDS[2:4], ALL_IDS[0:2]]
    assert [p.first_id for p in pages] == [ALL_IDS[4], ALL_IDS[2], ALL_IDS[0]]
    assert _queries(api, "/v1/models") == [
        {"before_id": ALL_IDS[6], "limit": "2"},
        {"before_id": ALL_IDS[4], "limit": "2"},
        {"before_id": ALL_IDS[2], "limit": "2"},
    ]
    assert pages[-1].has_more is False and not pages[-1].has_next_page()


def test_auto_pagination_yields_every_item(api: Api) -> None:
    items = api.items(api.client.models.list(limit=3))
    assert [m.id for m in items] == ALL_IDS
    assert len(api.server.requests) == 3


def test_async_list_is_awaitable_and_async_iterable(anthropic_server: FakeAnthropicServer) -> None:
    async_api = Api("async", anthropic_server)
    try:
        paginator = async_api.client.models.list(limit=4)
        assert isinstance(paginator, pagination.AsyncPaginator)
        assert anthropic_server.requests == []  # nothing is sent until awaited or iterated
        page = async_api.run(paginator)
        assert isinstance(page, AsyncPage) and len(page.data) == 4
        assert [m.id for m in async_api.items(paginator)] == ALL_IDS
        next_page = async_api.run(page.get_next_page())
        assert [m.id for m in next_page.data] == ALL_IDS[4:]
    finally:
        async_api.close()


def test_page_helpers(api: Api) -> None:
    page = api.run(api.client.models.list(limit=3, extra_query={"trace": "1"}))
    info = page.next_page_info()
    assert isinstance(info, PageInfo) and info.params == {"after_id": ALL_IDS[2]}
    second = api.run(page.get_next_page())
    assert [m.id for m in second.data] == ALL_IDS[3:6]
    # the next request is the same request (extra query included) with the cursor merged in
    assert _queries(api, "/v1/models")[-1] == {"limit": "3", "trace": "1", "after_id": ALL_IDS[2]}
    last = api.run(second.get_next_page())
    assert [m.id for m in last.data] == ALL_IDS[6:] and last.has_next_page() is False
    # As in 0.74.0, `get_next_page()` follows the cursor even past `has_more: false` (callers check first).
    info = last.next_page_info()
    assert info is not None and info.params == {"after_id": ALL_IDS[6]}
    assert api.run(last.get_next_page()).data == []


def test_empty_page_has_no_next_page(api: Api) -> None:
    api.server.enqueue(Reply.json({"data": [], "has_more": True, "first_id": None, "last_id": None}))
    page = api.run(api.client.models.list())
    assert page.data == [] and page.has_next_page() is False
    assert page.next_page_info() is None
    with pytest.raises(RuntimeError, match="No next page expected"):
        api.run(page.get_next_page())


def test_has_more_false_stops_even_with_a_cursor(api: Api) -> None:
    api.server.enqueue(
        Reply.json(
            {
                "data": [{"type": "model", "id": "m1", "display_name": "M", "created_at": "2025-01-01T00:00:00Z"}],
                "has_more": False,
                "first_id": "m1",
                "last_id": "m1",
            }
        )
    )
    items = api.items(api.run(api.client.models.list()))
    assert [m.id for m in items] == ["m1"] and len(api.server.requests) == 1


def test_raw_list_pages_onwards_without_the_raw_marker(api: Api) -> None:
    raw = api.run(api.client.models.with_raw_response.list(limit=3))
    assert api.last.headers["x-stainless-raw-response"] == "true"
    page = raw.parse()
    assert [m.id for m in api.items(page)] == ALL_IDS
    assert [r.headers.get("x-stainless-raw-response") for r in api.server.requests] == ["true", None, None]


def test_streaming_list_response(api: Api) -> None:
    def read(response: Any) -> Any:
        return response.parse()

    page = api.within(api.client.models.with_streaming_response.list(limit=5), read)
    assert [m.id for m in page.data] == ALL_IDS[:5]
    assert api.server.requests[0].headers["x-stainless-raw-response"] == "stream"
    assert [m.id for m in api.items(page)] == ALL_IDS


def _make_batches(api: Api, count: int) -> list[str]:
    request = {
        "custom_id": "x",
        "params": {"model": "m", "max_tokens": 1, "messages": [{"role": "user", "content": "hi"}]},
    }
    return [api.run(api.client.beta.messages.batches.create(requests=[request])).id for _ in range(count)]


def test_batches_and_files_paginate_both_ways(api: Api) -> None:
    ids = list(reversed(_make_batches(api, 7)))  # newest first, as the API lists them
    forward = _pages(api, api.run(api.client.beta.messages.batches.list(limit=3)))
    assert [[b.id for b in p.data] for p in forward] == [ids[0:3], ids[3:6], ids[6:7]]
    backward = _pages(api, api.run(api.client.beta.messages.batches.list(limit=2, before_id=ids[6])))
    assert [[b.id for b in p.data] for p in backward] == [ids[4:6], ids[2:4], ids[0:2]]
    assert all(r.headers["anthropic-beta"] == "message-batches-2024-09-24" for r in api.server.requests[-6:])

    file_ids = [api.server.add_file(b"x", f"{i}.txt") for i in range(7)][::-1]
    files = api.items(api.client.beta.files.list(limit=2))
    assert [f.id for f in files] == file_ids
    back = _pages(api, api.run(api.client.beta.files.list(limit=3, before_id=file_ids[-1])))
    assert [[f.id for f in p.data] for p in back] == [file_ids[3:6], file_ids[0:3]]


def test_cursor_pages_for_skills_and_versions(api: Api) -> None:
    skills = [api.run(api.client.beta.skills.create(files=[(f"skill{i}/SKILL.md", SKILL_MD)])).id for i in range(7)][
        ::-1
    ]
    pages = _pages(api, api.run(api.client.beta.skills.list(limit=3)))
    cursor_cls = AsyncPageCursor if api.is_async else SyncPageCursor
    assert all(isinstance(p, cursor_cls) for p in pages)
    assert [[s.id for s in p.data] for p in pages] == [skills[0:3], skills[3:6], skills[6:7]]
    assert [q.get("page") for q in _queries(api, "/v1/skills") if "limit" in q] == [None, "page_3", "page_6"]
    assert pages[0].next_page_info().params == {"page": "page_3"}
    assert pages[-1].next_page_info() is None

    skill_id = skills[0]
    for _ in range(4):
        api.run(api.client.beta.skills.versions.create(skill_id, files=[("skill6/SKILL.md", SKILL_MD)]))
    versions = api.items(api.client.beta.skills.versions.list(skill_id, limit=2))
    assert len(versions) == 5
    assert [v.version for v in versions] == sorted((v.version for v in versions), key=int, reverse=True)
    listed = [q for q in _queries(api, f"/v1/skills/{skill_id}/versions") if "limit" in q]
    assert [q.get("page") for q in listed] == [None, "page_2", "page_4"]


def test_token_pages() -> None:
    """`page_token` pages (defined, unused by 0.74.0 endpoints): the cursor travels as `page_token`."""
    data = {"data": [1, 2], "has_more": True, "next_page": "tok_2"}
    for cls in (SyncTokenPage, AsyncTokenPage):
        page = cls[int].model_validate(data)
        assert page.next_page_info() is not None
        assert page.next_page_info().params == {"page_token": "tok_2"}  # type: ignore[union-attr]
        assert page.has_next_page() is True
        assert cls[int].model_validate({**data, "has_more": False}).has_next_page() is False
        assert cls[int].model_validate({**data, "next_page": None}).has_next_page() is False


def test_public_names() -> None:
    assert sorted(pagination.__all__) == sorted(
        ["SyncPage", "AsyncPage", "SyncTokenPage", "AsyncTokenPage", "SyncPageCursor", "AsyncPageCursor"]
    )
    assert issubclass(SyncPage, pagination.BaseSyncPage) and issubclass(AsyncPage, pagination.BaseAsyncPage)
    assert issubclass(SyncPage, pagination.BasePage)
