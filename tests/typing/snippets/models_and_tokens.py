"""Models list pagination and count_tokens."""

from __future__ import annotations

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic
from anthropic.pagination import SyncPage
from anthropic.types import MessageTokensCount, ModelInfo

client = Anthropic()

page = client.models.list(limit=5)
assert_type(page, SyncPage[ModelInfo])
print(page.data[0].id, page.has_more, page.first_id, page.last_id)
if page.has_next_page():
    next_page = page.get_next_page()
    print(len(next_page.data))
for model in client.models.list():
    assert_type(model, ModelInfo)
    print(model.display_name, model.created_at)
for each_page in page.iter_pages():
    print(each_page.data)

info = client.models.retrieve("claude-sonnet-4-5")
assert_type(info, ModelInfo)

count = client.messages.count_tokens(
    model="claude-sonnet-4-5",
    messages=[{"role": "user", "content": "Hello"}],
    system="Be brief",
    tools=[{"name": "t", "input_schema": {"type": "object"}}],
)
assert_type(count, MessageTokensCount)
print(count.input_tokens + 1)


async def main() -> None:
    aclient = AsyncAnthropic()
    async for m in aclient.models.list():
        print(m.id)
    first = await aclient.models.list(limit=2)
    print(first.data)
    acount = await aclient.messages.count_tokens(model="claude-sonnet-4-5", messages=[{"role": "user", "content": "x"}])
    print(acount.input_tokens)
