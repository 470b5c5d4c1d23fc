"""`PlatformClient` / `AsyncPlatformClient`: the base of every platform client, bundled or third-party.

A platform client is a short declarative class: it names its platform, writes the constructor users call (the
platform's own keyword arguments plus the core's common ones) and passes what it resolved to `super().__init__`.
Copies (`copy()` / `with_options()`, with the platform's arguments in their signature), raw and streaming responses,
retries, resource extensions (the tool runner) all come from the core client. Public through `anthropic.plugins`.
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._client import Anthropic, AsyncAnthropic, BaseClient
from ._constants import DEFAULT_MAX_RETRIES
from ._platform import ClientConfig
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = ["AsyncPlatformClient", "PlatformClient"]

# The constructor arguments every client has; the others of a platform client's `__init__` are its options.
COMMON_ARGUMENTS = frozenset(
    {
        "api_key",
        "auth_token",
        "base_url",
        "timeout",
        "max_retries",
        "default_headers",
        "default_query",
        "http_client",
        "_strict_response_validation",
    }
)
_COPY_ARGUMENTS = (
    ("base_url", None),
    ("timeout", NOT_GIVEN),
    ("http_client", None),
    ("max_retries", NOT_GIVEN),
    ("default_headers", None),
    ("set_default_headers", None),
    ("default_query", None),
    ("set_default_query", None),
    ("_extra_kwargs", {}),
)


_BUILDING_COPY: contextvars.ContextVar[bool] = contextvars.ContextVar("anthropic_building_copy", default=False)


class _PlatformClientMixin(BaseClient):
    """What the sync and async bases share: the platform's arguments, copies, the signature of `copy()`."""

    platform: ClassVar[str] = ""
    """The platform name the plugin registered (`PlatformSpec.name`)."""

    _platform_arguments: dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.platform:
            cls._platform_name = cls.platform
        if "__init__" in vars(cls) and cls.__module__ != __name__:  # not the bases below
            copy_signature = _copy_signature(cls)
            cls.copy = _with_signature(_PlatformClientMixin.copy, copy_signature)  # type: ignore[method-assign]
            cls.with_options = cls.copy  # type: ignore[method-assign]

    def _start_platform_client(
        self,
        *,
        options: object,
        base_url: str | httpx.URL | None,
        api_key: str | None,
        auth_token: str | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
        strict_response_validation: bool,
    ) -> None:
        if not self.platform:
            raise TypeError(f"{type(self).__name__} must name its platform: `platform = \"<name>\"`")
        config: ClientConfig[Any] = ClientConfig(
            platform=self.platform,
            base_url=None if base_url is None else str(base_url),
            api_key=api_key,
            auth_token=auth_token,
            options=options,
        )
        names = _option_names(type(self))
        self._platform_arguments = {k: v for k, v in config.option_items().items() if k in names}
        self._configure(
            config=config,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
        )
        self._init_http(http_client)  # type: ignore[attr-defined]  # Anthropic / AsyncAnthropic provide it

    @property
    def platform_options(self) -> Mapping[str, Any]:
        """The platform's constructor arguments as this client resolved them (what a copy starts from; a client
        whose arguments can change later, e.g. reassigned attributes, overrides it to report their current values)."""
        return dict(self._platform_arguments)

    def copy(  # pyright: ignore[reportIncompatibleMethodOverride] - each platform's own arguments, see below
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _extra_kwargs: Mapping[str, Any] = {},
        **platform_arguments: Any,
    ) -> Self:
        """A new client with some options changed, sharing this client's connection pool.

        Besides the common arguments it takes the platform's own constructor arguments (`aws_region=...`); one
        left out, `None` or `NOT_GIVEN` keeps this client's value. `inspect.signature` shows them by name. A base
        URL the platform derived (none was passed to `super().__init__`) is derived again for the copy's options.
        """
        accepted = _init_parameters(type(self))
        credentials = {k: platform_arguments.pop(k) for k in ("api_key", "auth_token") if k in platform_arguments}
        names = _option_names(type(self))
        unknown = sorted((set(platform_arguments) - names) | (set(credentials) - set(accepted)))
        if unknown:
            raise TypeError(f"{type(self).__name__}.copy() got unexpected keyword arguments: {', '.join(unknown)}")
        kept = dict(self.platform_options)  # a platform whose arguments change after construction overrides it
        kept.update({k: v for k, v in platform_arguments.items() if v is not None and not isinstance(v, NotGiven)})
        if base_url is None and self._config.base_url is None and self._base_url_str == self._platform.base_url:
            kept["base_url"] = None  # e.g. a region's endpoint: the copy's region decides
        return super().copy(
            api_key=credentials.get("api_key"),
            auth_token=credentials.get("auth_token"),
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs={**kept, **_extra_kwargs},
        )

    with_options = copy

    @staticmethod
    def building_copy() -> bool:
        """True while `copy()` / `with_options()` runs the constructor of the new client.

        A constructor that reads environment variables for arguments left out checks it: a copy is given this
        client's resolved arguments, and must not mix them with the environment again.
        """
        return _BUILDING_COPY.get()

    def _copy_with(self, kwargs: dict[str, Any]) -> Self:
        accepted = _init_parameters(type(self))
        token = _BUILDING_COPY.set(True)
        try:
            clone = type(self)(**{k: v for k, v in kwargs.items() if k in accepted})
        finally:
            _BUILDING_COPY.reset(token)
        if clone._platform.inherit is not None:
            clone._platform.inherit(self._platform)
        return clone


class PlatformClient(_PlatformClientMixin, Anthropic):
    """Base of a sync platform client. Subclasses set `platform` and call `super().__init__(options=..., ...)`."""

    def __init__(
        self,
        *,
        options: object = None,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        auth_token: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        """`options`: the platform's own arguments (a mapping or a typed options object) that its
        `PlatformSpec.build` reads from `config.options`; the rest are the core client's."""
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` but got {type(http_client)}"
            )
        self._start_platform_client(
            options={} if options is None else options,
            base_url=base_url,
            api_key=api_key,
            auth_token=auth_token,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )


class AsyncPlatformClient(_PlatformClientMixin, AsyncAnthropic):
    """Base of an async platform client. Subclasses set `platform` and call `super().__init__(options=..., ...)`."""

    def __init__(
        self,
        *,
        options: object = None,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        auth_token: str | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` but got "
                f"{type(http_client)}"
            )
        self._start_platform_client(
            options={} if options is None else options,
            base_url=base_url,
            api_key=api_key,
            auth_token=auth_token,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )


# -- the platform's own arguments, read from its constructor ----------------------------------------------------

_INIT_PARAMETERS: dict[type, dict[str, inspect.Parameter]] = {}


def _init_parameters(cls: type) -> dict[str, inspect.Parameter]:
    params = _INIT_PARAMETERS.get(cls)
    if params is None:
        signature = inspect.signature(cls.__init__)
        named = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)  # Bedrock's are positional
        params = {name: p for name, p in signature.parameters.items() if name != "self" and p.kind in named}
        _INIT_PARAMETERS[cls] = params
    return params


def _option_names(cls: type) -> frozenset[str]:
    return frozenset(_init_parameters(cls)) - COMMON_ARGUMENTS


def _copy_signature(cls: type) -> inspect.Signature:
    """`copy()` as 0.74.0's platform clients spelled it: the platform's arguments first, then the common ones."""
    keyword = inspect.Parameter.KEYWORD_ONLY
    own = [p.replace(kind=keyword) for name, p in _init_parameters(cls).items() if name not in COMMON_ARGUMENTS]
    for name in ("api_key", "auth_token"):
        if name in _init_parameters(cls):
            own.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None))
    common = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default) for name, default in _COPY_ARGUMENTS]
    self_param = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return inspect.Signature([self_param, *own, *common])


def _with_signature(function: Any, signature: inspect.Signature) -> Any:
    def copy(self: Any, **kwargs: Any) -> Any:
        return function(self, **kwargs)

    copy.__signature__ = signature  # type: ignore[attr-defined]
    copy.__doc__ = function.__doc__
    copy.__qualname__ = function.__qualname__
    return copy

