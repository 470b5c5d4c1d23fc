"""Deliberate differences from the official 0.74.0 surface, each with its reason.

Every entry's `id` is also stated in docs/compatibility.md (section "Surface differences"); the snapshot test fails
when an entry is not documented there, when it no longer matches any difference (stale), and on every difference
that no entry explains. `keys` are regular expressions over the difference keys `surface_compare.py` prints
(`module:Name:aspect:detail`), matched in full.
"""

from __future__ import annotations

import re

ANY_MODULE = r"anthropic(\.[a-z_.]+)?"
CLIENTS = r"(Async)?(Anthropic|Client|AnthropicBedrock|AnthropicVertex|AnthropicFoundry)"

ALLOWED: list[dict[str, object]] = [
    {
        "id": "sdk-built-constructors",
        "keys": [
            rf"{ANY_MODULE}:(Async)?\w+With(Raw|Streaming)Response:method:__init__",
            rf"{ANY_MODULE}:(Async)?Stream:method:__init__",
            rf"{ANY_MODULE}:(Async)?APIResponse:method:__init__",
            rf"{ANY_MODULE}:(Beta)?(Async)?MessageStream(Manager)?:method:__init__",
        ],
        "reason": "Raw/streaming resource wrappers, `Stream`, `APIResponse` and the `MessageStream` helpers are built "
        "by the SDK (`client.messages.with_raw_response`, `create(stream=True)`, `messages.stream()`); their "
        "constructors take this SDK's internals. Their public attributes and methods match.",
    },
    {
        "id": "base-client-internals",
        "keys": [rf"{ANY_MODULE}:{CLIENTS}:method:(custom_auth|platform_headers|qs|request)"],
        "reason": "`client.request(cast_to, options)`, `client.qs`, `client.custom_auth` and "
        "`client.platform_headers()` are plumbing of 0.74.0's generated base client and take its private types "
        "(`FinalRequestOptions`, `Querystring`); the generic verbs (`client.get/post/put/patch/delete`, "
        "`get_api_list`) are the public way to call an endpoint without a method, and they match.",
    },
    {
        "id": "platform-client-internals",
        "keys": [
            rf"{ANY_MODULE}:(Async)?AnthropicFoundry:mro",
            r"anthropic\.lib\.foundry:(Async)?(BetaFoundry|BetaFoundryMessages|BetaMessages|MessagesFoundry)",
            r"anthropic\.lib\.foundry:BaseFoundryClient",
            r"anthropic\.lib\.foundry:AsyncAzureADTokenProvider:type",
            rf"{ANY_MODULE}:(Async)?AnthropicVertex:method:region",
        ],
        "reason": "Platform clients are the core client built with a platform description, not subclasses with "
        "their own resource classes: 0.74.0's `BaseFoundryClient` and Foundry-specific `Messages`/`Beta` classes do "
        "not exist (the clients have the same resources, `with_options()` and `copy()`), Vertex's `region` is a plain "
        "instance attribute (0.74.0 also had a class-level stub that raised `RuntimeError`), and "
        "`AsyncAzureADTokenProvider` is spelled `Callable[[], Union[str, Awaitable[str]]]` (the same type).",
    },
    {
        "id": "default-client-class-names",
        "keys": [r"anthropic:Default(Async)?(Httpx|AioHttp)Client:mro"],
        "reason": "`DefaultHttpxClient`, `DefaultAsyncHttpxClient` and `DefaultAioHttpClient` are classes of that "
        "name; in 0.74.0 they were aliases of private classes named `_DefaultHttpxClient` and so on, which showed "
        "in `repr()`. Construction, defaults and base classes are the same.",
    },
    {
        "id": "httpx-classes-untouched",
        "keys": [
            rf"{ANY_MODULE}:Timeout:method:(__init__|as_dict)",
            rf"{ANY_MODULE}:Transport:method:(close|handle_request)",
        ],
        "reason": "`anthropic.Timeout` is `httpx.Timeout` and `anthropic.Transport` is `httpx.BaseTransport`, as in "
        "0.74.0, but this SDK does not rewrite their `__module__` to `anthropic` (0.74.0 did, changing httpx's own "
        "classes for every library in the process); the surface tool therefore reads them as httpx's.",
    },
    {
        "id": "lazy-httpx-annotations",
        "keys": [r"anthropic:RequestOptions:key:timeout"],
        "reason": "`RequestOptions['timeout']` is `float | httpx.Timeout | None` for type checkers as in 0.74.0; at run "
        "time the annotation is not evaluated against httpx, so that `import anthropic` does not import httpx.",
    },
    {
        "id": "parsed-content-includes-web-fetch",
        "keys": [
            r"anthropic\.types\.beta\.parsed_beta_message:ParsedBetaContentBlock:type",
            rf"{ANY_MODULE}:ParsedBetaMessage:field:content",
            rf"{ANY_MODULE}:(Parsed)?BetaContentBlockStopEvent:field:content_block",
        ],
        "reason": "`ParsedBetaContentBlock` (the content of `beta.messages.parse()` results and of the parsed stream "
        "events) also lists `BetaWebFetchToolResultBlock`, which 0.74.0 left out although `BetaContentBlock` has it: "
        "a parsed message holding a web fetch result validates as that block instead of being coerced into another.",
    },
    {
        "id": "tools-plugin-private-aliases",
        "keys": [
            r"anthropic\.resources\.beta\.messages\.messages:Beta(Async)?RunnableTool",
            r"anthropic\.resources\.beta\.messages\.messages:validate_output_format",
        ],
        "reason": "`BetaRunnableTool`, `BetaAsyncRunnableTool` and `validate_output_format` were private helpers "
        "of 0.74.0's tool runner and structured outputs that its resource module happened to import; the tool "
        "types live in the tools plugin (`anthropic.lib.tools`), and output formats are checked inside "
        "`beta.messages.parse()`.",
    },
]


def allowed_by(key: str) -> str | None:
    """The id of the entry that explains difference `key`, or None."""
    for entry in ALLOWED:
        if any(re.fullmatch(str(pattern), key) for pattern in entry["keys"]):  # type: ignore[attr-defined]
            return str(entry["id"])
    return None
