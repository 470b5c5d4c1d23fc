"""`AnthropicExample`: the core client on the example platform."""

from __future__ import annotations

from typing import Any

from anthropic import Anthropic
from anthropic._platform import ClientConfig


class AnthropicExample(Anthropic):
    _platform_name = "example"

    def __init__(self, *, secret: str, base_url: str | None = None, **kwargs: Any) -> None:
        http_client = kwargs.pop("http_client", None)
        self._configure(
            config=ClientConfig(platform="example", base_url=base_url, api_key=None, auth_token=None, options={"secret": secret}),
            timeout=kwargs.pop("timeout", Anthropic.__init__.__kwdefaults__["timeout"]),  # type: ignore[index]
            max_retries=kwargs.pop("max_retries", 2),
            default_headers=kwargs.pop("default_headers", None),
            default_query=kwargs.pop("default_query", None),
            http_client=http_client,
            strict_response_validation=kwargs.pop("_strict_response_validation", False),
            init_kwargs={"secret": secret},
        )
        self._init_http(http_client)

    def _copy_with(self, kwargs: dict[str, Any]) -> Any:
        kwargs.pop("api_key", None)
        kwargs.pop("auth_token", None)
        kwargs["base_url"] = str(kwargs["base_url"])
        return type(self)(**kwargs)
