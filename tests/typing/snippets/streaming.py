"""Streaming: the messages.stream helper (sync and async) and create(stream=True)."""

from __future__ import annotations

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic, AsyncStream, Stream
from anthropic.lib.streaming import AsyncMessageStream, MessageStream, MessageStreamEvent
from anthropic.types import Message, MessageParam, RawMessageStreamEvent

client = Anthropic()
messages: list[MessageParam] = [{"role": "user", "content": "Tell me a story"}]

with client.messages.stream(model="claude-sonnet-4-5", max_tokens=1024, messages=messages) as stream:
    assert_type(stream, MessageStream)
    for text in stream.text_stream:
        print(text, end="", flush=True)
    final = stream.get_final_message()
    assert_type(final, Message)
    print(final.usage.output_tokens, stream.get_final_text())

with client.messages.stream(model="claude-sonnet-4-5", max_tokens=1024, messages=messages) as stream:
    for event in stream:
        assert_type(event, MessageStreamEvent)
        if event.type == "text":
            print(event.text, event.snapshot)
        elif event.type == "content_block_stop":
            print(event.index, event.content_block)
        elif event.type == "message_stop":
            print(event.message.id)
    snapshot = stream.current_message_snapshot
    print(snapshot.content)

raw_stream = client.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=messages, stream=True)
assert_type(raw_stream, Stream[RawMessageStreamEvent])
for raw_event in raw_stream:
    if raw_event.type == "content_block_delta" and raw_event.delta.type == "text_delta":
        print(raw_event.delta.text)
    elif raw_event.type == "message_delta":
        print(raw_event.usage.output_tokens, raw_event.delta.stop_reason)
raw_stream.close()


async def main() -> None:
    aclient = AsyncAnthropic()
    async with aclient.messages.stream(model="claude-sonnet-4-5", max_tokens=1024, messages=messages) as astream:
        assert_type(astream, AsyncMessageStream)
        async for text in astream.text_stream:
            print(text)
        afinal = await astream.get_final_message()
        assert_type(afinal, Message)

    araw = await aclient.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=messages, stream=True)
    assert_type(araw, AsyncStream[RawMessageStreamEvent])
    async for ev in araw:
        print(ev.type)
