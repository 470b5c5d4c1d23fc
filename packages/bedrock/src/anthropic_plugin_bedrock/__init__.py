"""The bedrock plugin for the anthropic SDK."""
