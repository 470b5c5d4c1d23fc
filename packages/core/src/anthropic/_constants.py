"""Defaults of the official SDK 0.74.0: timeouts, retries, pool limits, prompts and per-model limits."""

from __future__ import annotations

import httpx

__all__ = [
    "AI_PROMPT",
    "ANTHROPIC_VERSION",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "HUMAN_PROMPT",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_DELAY",
    "MODEL_NONSTREAMING_TOKENS",
    "RAW_RESPONSE_HEADER",
]

RAW_RESPONSE_HEADER = "X-Stainless-Raw-Response"
ANTHROPIC_VERSION = "2023-06-01"

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER_HINT = 60.0

HUMAN_PROMPT = "\n\nHuman:"
AI_PROMPT = "\n\nAssistant:"

MODEL_NONSTREAMING_TOKENS: dict[str, int] = {
    "claude-opus-4-20250514": 8_192,
    "claude-opus-4-0": 8_192,
    "claude-4-opus-20250514": 8_192,
    "anthropic.claude-opus-4-20250514-v1:0": 8_192,
    "claude-opus-4@20250514": 8_192,
    "claude-opus-4-1-20250805": 8_192,
    "anthropic.claude-opus-4-1-20250805-v1:0": 8_192,
    "claude-opus-4-1@20250805": 8_192,
}
