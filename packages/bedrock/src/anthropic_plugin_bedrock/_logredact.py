"""Keeps the AWS secret key, the session token and the request signature out of botocore's DEBUG records while
this plugin signs.

`botocore.auth` logs the canonical request (it holds `x-amz-security-token:<token>`), the string to sign and the
signature at DEBUG, so anyone who turns DEBUG on for the root logger (or `botocore`) would find the token in their
logs. While `signing()` is active (a context variable, so threads and tasks do not mix), a filter on botocore's
loggers replaces the exact credential values and the signature with `<redacted>`. Records botocore emits for other
code (the user's own boto3 clients) are not touched: those stay botocore's business.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Generator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["REDACTED_LOGGERS", "signing"]

REDACTED_LOGGERS = ("botocore.auth", "botocore.credentials")
"""Loggers that can see credentials while a request is signed (logger filters do not see propagated records)."""

_SECRETS: ContextVar[tuple[str, ...]] = ContextVar("anthropic_bedrock_signing_secrets", default=())
_SIGNATURE = re.compile(r"(Signature[:=]\s*)[0-9a-fA-F]{16,}")


class _SigningRedactor(logging.Filter):
    """Redacts the credentials of the signature being computed in this context; passes every record on."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = _SECRETS.get()
        if not secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        redacted = message
        for secret in secrets:
            redacted = redacted.replace(secret, "<redacted>")
        redacted = _SIGNATURE.sub(lambda m: m.group(1) + "<redacted>", redacted)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


_FILTER = _SigningRedactor()


def _install() -> None:
    for name in REDACTED_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@contextmanager
def signing(*secrets: str | None) -> Generator[None, None, None]:
    """Within this block, botocore records on `REDACTED_LOGGERS` never show `secrets` or a signature."""
    _install()
    token = _SECRETS.set(tuple(s for s in secrets if s))
    try:
        yield
    finally:
        _SECRETS.reset(token)
