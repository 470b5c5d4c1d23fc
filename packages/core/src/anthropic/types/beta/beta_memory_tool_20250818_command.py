"""Official module path `anthropic.types.beta.beta_memory_tool_20250818_command`: re-exports from the topic module."""

from ._memory import BetaMemoryTool20250818Command

__all__ = ["BetaMemoryTool20250818Command"]
