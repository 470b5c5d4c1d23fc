"""Beta namespace: beta messages (create, stream, count_tokens) and files."""

from __future__ import annotations

from pathlib import Path

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic
from anthropic.types.beta import (
    BetaMessage,
    BetaMessageParam,
    BetaMessageTokensCount,
    BetaToolParam,
    DeletedFile,
    FileMetadata,
)

client = Anthropic()

beta_messages: list[BetaMessageParam] = [{"role": "user", "content": "Hello"}]
beta_tool: BetaToolParam = {"name": "lookup", "input_schema": {"type": "object", "properties": {}}}

beta_message = client.beta.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=256,
    messages=beta_messages,
    tools=[beta_tool],
    betas=["files-api-2025-04-14", "context-management-2025-06-27"],
    stop_sequences=["END"],
)
assert_type(beta_message, BetaMessage)
print(beta_message.content, beta_message.container)

with client.beta.messages.stream(model="claude-sonnet-4-5", max_tokens=256, messages=beta_messages) as beta_stream:
    for text in beta_stream.text_stream:
        print(text)
    print(beta_stream.get_final_message().usage)

tokens = client.beta.messages.count_tokens(
    model="claude-sonnet-4-5", messages=beta_messages, betas=["token-counting-2024-11-01"]
)
assert_type(tokens, BetaMessageTokensCount)

uploaded = client.beta.files.upload(file=Path("report.pdf"))
assert_type(uploaded, FileMetadata)
uploaded = client.beta.files.upload(file=("notes.txt", b"hello", "text/plain"))
print(uploaded.id, uploaded.size_bytes, uploaded.mime_type)
for file in client.beta.files.list(limit=20):
    assert_type(file, FileMetadata)
    print(file.filename)
content = client.beta.files.download(uploaded.id)
content.write_to_file("copy.txt")
print(content.read()[:10])
metadata = client.beta.files.retrieve_metadata(uploaded.id)
removed = client.beta.files.delete(metadata.id)
assert_type(removed, DeletedFile)

for beta_model in client.beta.models.list():
    print(beta_model.id)


async def main() -> None:
    aclient = AsyncAnthropic()
    reply = await aclient.beta.messages.create(
        model="claude-sonnet-4-5", max_tokens=10, messages=beta_messages, betas=["x"]
    )
    assert_type(reply, BetaMessage)
    afile = await aclient.beta.files.upload(file=b"data")
    async for f in aclient.beta.files.list():
        print(f.id)
    print(afile.id)
