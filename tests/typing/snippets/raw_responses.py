"""with_raw_response and with_streaming_response."""

from __future__ import annotations

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic, AsyncStream, Stream
from anthropic.types import Completion, Message, MessageTokensCount, ModelInfo, RawMessageStreamEvent
from anthropic.types.beta import BetaMessage, BetaRawMessageStreamEvent

client = Anthropic()

raw = client.messages.with_raw_response.create(
    model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]
)
print(raw.headers.get("request-id"), raw.status_code, raw.http_request.url, raw.retries_taken)
parsed = raw.parse()
assert_type(parsed, Message)
print(parsed.content)

raw_count = client.messages.with_raw_response.count_tokens(model="claude-sonnet-4-5", messages=[])
assert_type(raw_count.parse(), MessageTokensCount)

raw_model = client.models.with_raw_response.retrieve("claude-sonnet-4-5")
assert_type(raw_model.parse(), ModelInfo)

with client.messages.with_streaming_response.create(
    model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]
) as response:
    print(response.headers["content-type"])
    for line in response.iter_lines():
        print(line)
    streamed = response.parse()
    assert_type(streamed, Message)

raw_events = client.messages.with_raw_response.create(model="m", max_tokens=10, messages=[], stream=True)
assert_type(raw_events.parse(), Stream[RawMessageStreamEvent])
with client.messages.with_streaming_response.create(model="m", max_tokens=10, messages=[], stream=True) as events:
    assert_type(events.parse(), Stream[RawMessageStreamEvent])

raw_beta = client.beta.messages.with_raw_response.create(model="m", max_tokens=10, messages=[], betas=["x"])
assert_type(raw_beta.parse(), BetaMessage)
raw_beta_events = client.beta.messages.with_raw_response.create(model="m", max_tokens=10, messages=[], stream=True)
assert_type(raw_beta_events.parse(), Stream[BetaRawMessageStreamEvent])
with client.beta.messages.with_streaming_response.create(model="m", max_tokens=10, messages=[]) as beta_response:
    assert_type(beta_response.parse(), BetaMessage)

raw_completion = client.completions.with_raw_response.create(model="claude-2.1", max_tokens_to_sample=5, prompt="p")
assert_type(raw_completion.parse(), Completion)
raw_completion_stream = client.completions.with_raw_response.create(
    model="claude-2.1", max_tokens_to_sample=5, prompt="p", stream=True
)
assert_type(raw_completion_stream.parse(), Stream[Completion])

with client.beta.files.with_streaming_response.download("file_1") as download:
    download.stream_to_file("out.bin")


async def main() -> None:
    aclient = AsyncAnthropic()
    araw = await aclient.messages.with_raw_response.create(
        model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]
    )
    aparsed = araw.parse()
    assert_type(aparsed, Message)
    async with aclient.messages.with_streaming_response.create(
        model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]
    ) as aresponse:
        amessage = await aresponse.parse()
        assert_type(amessage, Message)
        async for chunk in aresponse.iter_bytes():
            print(len(chunk))
    araw_events = await aclient.messages.with_raw_response.create(model="m", max_tokens=1, messages=[], stream=True)
    assert_type(araw_events.parse(), AsyncStream[RawMessageStreamEvent])
    async with aclient.messages.with_streaming_response.create(
        model="m", max_tokens=1, messages=[], stream=True
    ) as aevents:
        assert_type(await aevents.parse(), AsyncStream[RawMessageStreamEvent])
    abeta = await aclient.beta.messages.with_raw_response.create(model="m", max_tokens=1, messages=[], stream=True)
    assert_type(abeta.parse(), AsyncStream[BetaRawMessageStreamEvent])
