"""The first-party Anthropic API, registered as a platform through the same hooks third-party plugins use."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .._constants import ANTHROPIC_VERSION
from .._platform import ClientConfig, PlatformRuntime, PlatformSpec
from .._types import Omit
from .hookspecs import hookimpl

__all__ = ["DEFAULT_BASE_URL", "build_first_party", "first_party_auth_headers"]

DEFAULT_BASE_URL = "https://api.anthropic.com"

_MISSING_AUTH = (
    "Could not resolve authentication method. Expected either api_key or auth_token to be set. "
    "Or for one of the `X-Api-Key` or `Authorization` headers to be explicitly omitted"
)


def first_party_auth_headers(config: ClientConfig) -> dict[str, str]:
    """`X-Api-Key` for an API key, `Authorization: Bearer` for an auth token; both when both are set."""
    headers: dict[str, str] = {}
    if config.api_key:
        headers["X-Api-Key"] = config.api_key
    if config.auth_token:
        headers["Authorization"] = f"Bearer {config.auth_token}"
    return headers


def _validate_credentials(headers: Mapping[str, str], custom: Mapping[str, object]) -> None:
    """Fail before sending when no credential is present, unless the caller omitted an auth header on purpose."""
    lowered = {k.lower() for k in headers}
    if "x-api-key" in lowered or "authorization" in lowered:
        return
    for key, value in custom.items():
        if key.lower() in ("x-api-key", "authorization") and isinstance(value, Omit):
            return
    raise TypeError(_MISSING_AUTH)


def build_first_party(config: ClientConfig) -> PlatformRuntime:
    base_url = config.base_url or DEFAULT_BASE_URL
    return PlatformRuntime(
        name="anthropic",
        base_url=base_url,
        default_headers={"anthropic-version": ANTHROPIC_VERSION, **first_party_auth_headers(config)},
        validate_headers=_validate_credentials,
    )


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(PlatformSpec(name="anthropic", build=build_first_party))
