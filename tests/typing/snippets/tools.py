"""Tools: tool definitions, tool_use blocks in responses, tool results sent back."""

from __future__ import annotations

import json
from typing import Dict, List

from typing_extensions import assert_type

from anthropic import Anthropic, beta_tool
from anthropic.types import (
    MessageParam,
    ToolParam,
    ToolResultBlockParam,
    ToolUnionParam,
    ToolUseBlock,
    ToolUseBlockParam,
)

client = Anthropic()

weather_tool: ToolParam = {
    "name": "get_weather",
    "description": "Current weather for a city",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}
tools: List[ToolUnionParam] = [weather_tool, {"type": "web_search_20250305", "name": "web_search", "max_uses": 2}]
conversation: List[MessageParam] = [{"role": "user", "content": "Weather in Paris?"}]

response = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=1024,
    tools=tools,
    tool_choice={"type": "tool", "name": "get_weather"},
    messages=conversation,
)

if response.stop_reason == "tool_use":
    results: List[ToolResultBlockParam] = []
    for block in response.content:
        if block.type == "tool_use":
            assert_type(block, ToolUseBlock)
            assert_type(block.input, Dict[str, object])
            results.append(
                {
                    "type": "tool_result",
                    "tool_use_id": block.id,
                    "content": json.dumps({"input": block.input, "name": block.name, "temp": 21}),
                    "is_error": False,
                }
            )
    echoed: ToolUseBlockParam = {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}
    conversation.append({"role": "assistant", "content": [echoed]})
    conversation.append({"role": "user", "content": results})
    follow_up = client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, tools=tools, messages=conversation)
    print(follow_up.content)


@beta_tool
def get_time(timezone: str) -> str:
    """Current time in a timezone."""
    return f"12:00 {timezone}"


print(get_time.name, get_time.description, get_time.to_dict()["input_schema"])
runner = client.beta.messages.tool_runner(
    model="claude-sonnet-4-5", max_tokens=512, tools=[get_time], messages=[{"role": "user", "content": "Time?"}]
)
for step in runner:
    print(step.content)
