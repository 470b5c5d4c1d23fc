"""The README demo: one message, a streamed reply and a tool call.

With ANTHROPIC_API_KEY set it talks to the real API; otherwise it starts the bundled fake Anthropic API
(`anthropic.testing.FakeAnthropicServer`) on 127.0.0.1 and says so.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import anthropic

MODEL = os.environ.get("ANTHROPIC_MODEL", "claude-sonnet-4-5")


@contextlib.contextmanager
def demo_client() -> Iterator[tuple[anthropic.Anthropic, object | None]]:
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Using the real Anthropic API (ANTHROPIC_API_KEY is set).")
        with anthropic.Anthropic() as client:
            yield client, None
        return
    from anthropic.testing import FakeAnthropicServer

    with FakeAnthropicServer() as server:
        print(f"ANTHROPIC_API_KEY is not set: using the bundled fake Anthropic API at {server.url}")
        with anthropic.Anthropic(api_key="fake-key", base_url=server.url) as client:
            yield client, server


def main() -> None:
    with demo_client() as (client, server):
        message = client.messages.create(
            model=MODEL,
            max_tokens=256,
            messages=[{"role": "user", "content": "Say hello in five words."}],
        )
        print("1. messages.create ->", "".join(b.text for b in message.content if b.type == "text"))
        print("   request id:", message._request_id, "| usage:", message.usage.input_tokens, "in,", message.usage.output_tokens, "out")

        stream_helper = getattr(client.messages, "stream", None)
        if stream_helper is not None:
            print("2. messages.stream -> ", end="", flush=True)
            with stream_helper(
                model=MODEL, max_tokens=256, messages=[{"role": "user", "content": "Count to five."}]
            ) as stream:
                for text in stream.text_stream:
                    print(text, end="", flush=True)
            print()

        tokens = client.messages.count_tokens(model=MODEL, messages=[{"role": "user", "content": "How many tokens?"}])
        print("3. messages.count_tokens ->", tokens.input_tokens)
        tool_call(client, server)


def tool_call(client: anthropic.Anthropic, server: object | None) -> None:
    """A tool call through the tool runner, when the tools plugin is installed (`anthropic[tools]`)."""
    try:
        from anthropic import beta_tool
    except ImportError as err:
        print("4. tool runner: skipped:", err)
        return

    @beta_tool
    def get_weather(city: str) -> str:
        """Current weather of a city.

        Args:
            city: City name, e.g. "Paris".
        """
        return f"18 degrees and sunny in {city}"

    if server is not None:  # script the fake model: call the tool, then answer with its result
        server.script_turns(  # type: ignore[attr-defined]
            [{"tool_uses": [{"name": "get_weather", "input": {"city": "Paris"}}]}, "It is 18 degrees and sunny in Paris."]
        )
    runner = client.beta.messages.tool_runner(
        model=MODEL,
        max_tokens=512,
        messages=[{"role": "user", "content": "What is the weather in Paris? Use the tool."}],
        tools=[get_weather],
    )
    for message in runner:
        for block in message.content:
            if block.type == "tool_use":
                print(f"4. tool runner -> the model called {block.name}({block.input})")
    final = runner.until_done()
    print("   final answer:", "".join(b.text for b in final.content if b.type == "text"))


if __name__ == "__main__":
    main()
