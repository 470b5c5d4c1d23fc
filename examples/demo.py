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
def demo_client() -> Iterator[anthropic.Anthropic]:
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Using the real Anthropic API (ANTHROPIC_API_KEY is set).")
        with anthropic.Anthropic() as client:
            yield client
        return
    from anthropic.testing import FakeAnthropicServer

    with FakeAnthropicServer() as server:
        print(f"ANTHROPIC_API_KEY is not set: using the bundled fake Anthropic API at {server.url}")
        with anthropic.Anthropic(api_key="fake-key", base_url=server.url) as client:
            yield client


def main() -> None:
    with demo_client() as client:
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


if __name__ == "__main__":
    main()
