"""Deliberately wrong calls: pyright must report every line whose comment says expect-error."""

from __future__ import annotations

from anthropic import (
    Anthropic,
    AnthropicBedrock,  # official-only: reportPrivateImportUsage
    AnthropicVertex,  # official-only: reportPrivateImportUsage
    AsyncAnthropic,
    beta_tool,
)
from anthropic.types import MessageParam, ToolParam
from anthropic.types.beta import BetaMessageParam

client = Anthropic()
ok: list[MessageParam] = [{"role": "user", "content": "Hi"}]
beta_ok: list[BetaMessageParam] = [{"role": "user", "content": "Hi"}]

client.messages.create(model="claude-sonnet-4-5", messages=ok)  # expect-error: max_tokens missing
client.messages.create(max_tokens=10, messages=ok)  # expect-error: model missing
client.messages.create()  # expect-error: all required arguments missing
client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=ok, stop_sequences="END")  # expect-error
client.messages.create(model="m", max_tokens="10", messages=ok)  # expect-error: max_tokens is an int
client.messages.create(model="m", max_tokens=10, messages=[{"role": "system", "content": "Hi"}])  # expect-error
bad_role: MessageParam = {"role": "robot", "content": "Hi"}  # expect-error: role literal
client.messages.create(model="m", max_tokens=10, messages=ok, temprature=0.5)  # expect-error: kwarg name
client.messages.create(model="m", max_tokens=10, messages=ok, stream="yes")  # expect-error: stream is a bool
client.messages.with_raw_response.create()  # expect-error: required arguments missing
client.messages.with_streaming_response.create(model="m")  # expect-error: required arguments missing
client.messages.stream(model="m", messages=ok)  # expect-error: max_tokens missing
client.messages.stream(model="m", max_tokens=10, messages=ok, stop_sequences="END")  # expect-error
client.messages.count_tokens(messages=ok)  # expect-error: model missing
client.beta.messages.create(model="m", max_tokens=10, messages=beta_ok, stop_sequences="END")  # expect-error
client.beta.messages.create(model="m", messages=beta_ok)  # expect-error: max_tokens missing
client.models.list(limit="5")  # expect-error: limit is an int
client.models.retrieve()  # expect-error: model_id missing
client.messages.batches.create()  # expect-error: requests missing
client.messages.batches.results()  # expect-error: message_batch_id missing
no_schema: ToolParam = {"name": "t"}  # expect-error: input_schema missing
client.completions.create(model="claude-2.1", max_tokens_to_sample=10, prompt="x", stop_sequences="x")  # expect-error
Anthropic(api_key=123)  # expect-error: api_key is a str
Anthropic(max_retries="3")  # expect-error: max_retries is an int
message = client.messages.create(model="m", max_tokens=10, messages=ok)
print(message.content[0].text)  # expect-error: not every block has text
print(message.usage.total_tokens)  # expect-error: no such field
print(message.stop_reason.upper())  # expect-error: stop_reason may be None
AnthropicBedrock(aws_regin="us-east-1")  # expect-error: misspelt kwarg (fails only if the class is not Any)
AnthropicVertex(region=1)  # expect-error: region is a str


@beta_tool
def add(a: int, b: int) -> str:
    """Add two numbers."""
    return str(a + b)


print(add.no_such_attribute)  # expect-error: beta_tool returns a typed tool, not Any


async def main() -> None:
    aclient = AsyncAnthropic()
    await aclient.messages.create(model="m", messages=ok)  # expect-error: max_tokens missing
    await aclient.messages.with_raw_response.create()  # expect-error: required arguments missing
    await aclient.messages.create(model="m", max_tokens=10, messages=ok, stop_sequences="END")  # expect-error
    print(aclient.messages.create(model="m", max_tokens=10, messages=ok).content)  # expect-error: not awaited
