"""Message batches: create, poll, iterate results, list with pagination."""

from __future__ import annotations

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from anthropic.types.messages.batch_create_params import Request

client = Anthropic()

requests: list[Request] = [
    {
        "custom_id": f"req-{i}",
        "params": {"model": "claude-sonnet-4-5", "max_tokens": 100, "messages": [{"role": "user", "content": "Hi"}]},
    }
    for i in range(3)
]
batch = client.messages.batches.create(requests=requests)
assert_type(batch, MessageBatch)
print(batch.id, batch.processing_status, batch.request_counts.succeeded)

batch = client.messages.batches.retrieve(batch.id)
if batch.processing_status == "ended":
    for entry in client.messages.batches.results(batch.id):
        assert_type(entry, MessageBatchIndividualResponse)
        if entry.result.type == "succeeded":
            print(entry.custom_id, entry.result.message.content)
        elif entry.result.type == "errored":
            print(entry.result.error.error)

for listed in client.messages.batches.list(limit=10):
    assert_type(listed, MessageBatch)
    print(listed.created_at)

cancelled = client.messages.batches.cancel(batch.id)
deleted = client.messages.batches.delete(batch.id)
print(cancelled.cancel_initiated_at, deleted.id)


async def main() -> None:
    aclient = AsyncAnthropic()
    abatch = await aclient.messages.batches.create(requests=requests)
    async for result in await aclient.messages.batches.results(abatch.id):
        print(result.custom_id)
    async for item in aclient.messages.batches.list():
        print(item.id)
