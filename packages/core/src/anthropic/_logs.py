"""`ANTHROPIC_LOG=info|debug` as in 0.74.0, plus a filter that redacts credentials in every log record.

The filter is attached to the `anthropic` and `httpx` loggers whenever logging is configured through here, so
keys and tokens never reach handlers even at DEBUG level.
"""

from __future__ import annotations

import logging
import os
import re

__all__ = ["SecretRedactingFilter", "redact", "setup_logging"]

_SECRET_PATTERNS = [
    re.compile(r"(sk-ant-[A-Za-z0-9_\-]{4})[A-Za-z0-9_\-]+"),
    re.compile(r"(?i)((?:x-api-key|api-key|authorization|x-amz-security-token)['\"]?\s*[:=]\s*['\"]?)(?:Bearer\s+|AWS4-HMAC-SHA256\s+)?[^\s'\",}]+"),
    re.compile(r"(?i)(Bearer\s+)[A-Za-z0-9._~+/=\-]+"),
]


def redact(text: str) -> str:
    """Replace anything that looks like a credential with `<redacted>`."""
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "<redacted>", text)
    return text


class SecretRedactingFilter(logging.Filter):
    """Formats the record's message once and redacts credentials from it."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


_filter = SecretRedactingFilter()


def setup_logging() -> None:
    """Apply `ANTHROPIC_LOG` (only `debug` and `info` do anything, as in 0.74.0)."""
    level_name = os.environ.get("ANTHROPIC_LOG")
    for name in ("anthropic", "httpx"):
        logger = logging.getLogger(name)
        if _filter not in logger.filters:
            logger.addFilter(_filter)
    if level_name not in ("debug", "info"):
        return
    level = logging.DEBUG if level_name == "debug" else logging.INFO
    logging.basicConfig(format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
    logging.getLogger("anthropic").setLevel(level)
    logging.getLogger("httpx").setLevel(level)
