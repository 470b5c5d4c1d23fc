"""The foundry plugin for the anthropic SDK."""
