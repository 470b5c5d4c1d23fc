"""Platform clients: Bedrock, Vertex, Foundry (sync and async).

0.74.0 re-exports the Bedrock and Vertex clients from `anthropic` with a star import, which pyright flags as a
private import; this SDK exports them explicitly (lines marked `official-only`).
"""

from __future__ import annotations

from typing_extensions import assert_type

from anthropic import (
    AnthropicBedrock,  # official-only: reportPrivateImportUsage
    AnthropicFoundry,
    AnthropicVertex,  # official-only: reportPrivateImportUsage
    AsyncAnthropicBedrock,  # official-only: reportPrivateImportUsage
    AsyncAnthropicFoundry,
    AsyncAnthropicVertex,  # official-only: reportPrivateImportUsage
)
from anthropic.types import Message

bedrock = AnthropicBedrock(aws_region="us-east-1", aws_access_key="k", aws_secret_key="s")
reply = bedrock.messages.create(
    model="anthropic.claude-sonnet-4-5-20250929-v1:0", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]
)
assert_type(reply, Message)
with bedrock.messages.stream(model="m", max_tokens=10, messages=[{"role": "user", "content": "Hi"}]) as stream:
    print(stream.get_final_text())
print(bedrock.with_options(max_retries=1).aws_region)

vertex = AnthropicVertex(region="us-east5", project_id="my-project")
vertex_reply = vertex.messages.create(model="claude-sonnet-4-5@20250929", max_tokens=10, messages=[])
assert_type(vertex_reply, Message)
print(vertex.region, vertex.project_id)

foundry = AnthropicFoundry(api_key="key", resource="my-resource")
foundry_reply = foundry.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[])
assert_type(foundry_reply, Message)


async def main() -> None:
    abedrock = AsyncAnthropicBedrock(aws_region="us-west-2")
    amessage = await abedrock.messages.create(model="m", max_tokens=10, messages=[])
    assert_type(amessage, Message)
    avertex = AsyncAnthropicVertex(region="europe-west1", project_id="p")
    print(await avertex.messages.create(model="m", max_tokens=10, messages=[]))
    afoundry = AsyncAnthropicFoundry(api_key="key", base_url="https://example.invalid/anthropic")
    print(await afoundry.messages.count_tokens(model="m", messages=[]))
