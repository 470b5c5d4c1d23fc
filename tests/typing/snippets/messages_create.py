"""messages.create with typed params, sync and async."""

from __future__ import annotations

from typing import List

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic
from anthropic.types import (
    ContentBlock,
    Message,
    MessageParam,
    MetadataParam,
    TextBlock,
    TextBlockParam,
    ThinkingConfigEnabledParam,
    ToolChoiceAutoParam,
    Usage,
)
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming, MessageCreateParamsStreaming

client = Anthropic(api_key="test", max_retries=3, timeout=20.0)

history: List[MessageParam] = [
    {"role": "user", "content": "Hello"},
    {"role": "assistant", "content": [{"type": "text", "text": "Hi!"}]},
    {"role": "user", "content": [{"type": "text", "text": "Summarise", "cache_control": {"type": "ephemeral"}}]},
]
system: List[TextBlockParam] = [{"type": "text", "text": "Be brief."}]
metadata: MetadataParam = {"user_id": "u-1"}
thinking: ThinkingConfigEnabledParam = {"type": "enabled", "budget_tokens": 2048}
tool_choice: ToolChoiceAutoParam = {"type": "auto", "disable_parallel_tool_use": True}

message = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=1024,
    messages=history,
    system=system,
    metadata=metadata,
    stop_sequences=["END", "STOP"],
    temperature=0.5,
    top_k=5,
    top_p=0.9,
    thinking=thinking,
    tool_choice=tool_choice,
    service_tier="auto",
    extra_headers={"x-trace": "1"},
    timeout=30.0,
)
assert_type(message, Message)
assert_type(message.usage, Usage)
print(message.id, message.model, message.stop_reason, message.usage.input_tokens)
for block in message.content:
    assert_type(block, ContentBlock)
    if block.type == "text":
        assert_type(block, TextBlock)
        print(block.text.upper())

plain = client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "x"}])
print(plain.to_json(), plain.model_dump()["id"])

params: MessageCreateParamsNonStreaming = {"model": "claude-sonnet-4-5", "max_tokens": 10, "messages": history}
assert_type(client.messages.create(**params), Message)
stream_params: MessageCreateParamsStreaming = {"model": "m", "max_tokens": 10, "messages": history, "stream": True}
for event in client.messages.create(**stream_params):
    print(event.type)

with_options = client.with_options(max_retries=0).messages.create(
    model="claude-opus-4-1",
    max_tokens=10,
    messages=history,
)
print(with_options.role)


async def main() -> None:
    aclient = AsyncAnthropic()
    reply = await aclient.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=history, system="Hi")
    assert_type(reply, Message)
    print(reply.content)
