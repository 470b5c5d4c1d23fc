"""The tools plugin for the anthropic SDK."""
