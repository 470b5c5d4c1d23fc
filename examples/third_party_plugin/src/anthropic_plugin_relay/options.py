"""`RelayOptions`: the relay's own client arguments, typed, resolved once (arguments first, then the environment)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from anthropic import AnthropicError

__all__ = ["RelayOptions"]


@dataclass(frozen=True)
class RelayOptions:
    """What `build` reads as `config.options`. Field names are the clients' parameter names, so that `copy()` and
    `with_options()` keep them (the base client records the options whose names its `__init__` takes)."""

    key_id: str
    secret: str = field(repr=False)
    team: str | None = None

    @classmethod
    def resolve(cls, *, key_id: str | None, secret: str | None, team: str | None) -> RelayOptions:
        key_id = key_id or os.environ.get("ANTHROPIC_RELAY_KEY_ID")
        secret = secret or os.environ.get("ANTHROPIC_RELAY_SECRET")
        if not key_id or not secret:
            raise AnthropicError(
                "The relay needs a key id and a secret: pass `key_id` and `secret`, or set the "
                "ANTHROPIC_RELAY_KEY_ID and ANTHROPIC_RELAY_SECRET environment variables"
            )
        return cls(key_id=key_id, secret=secret, team=team or os.environ.get("ANTHROPIC_RELAY_TEAM"))
