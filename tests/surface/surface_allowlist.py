"""Deliberate differences from the official 0.74.0 surface, each with its reason.

Every entry's `id` is also stated in docs/compatibility.md (section "Surface differences"); the snapshot test fails
when an entry is not documented there, when it no longer matches any difference (stale), and on every difference
that no entry explains. `keys` are regular expressions over the difference keys `surface_compare.py` prints
(`module:Name:aspect:detail`), matched in full.
"""

from __future__ import annotations

RESOURCE_MODULES = r"anthropic\.resources(\.[a-z_.]+)?"

ALLOWED: list[dict[str, object]] = [
    {
        "id": "sdk-built-constructors",
        "keys": [
            rf"{RESOURCE_MODULES}:(Async)?\w+With(Raw|Streaming)Response:method:__init__",
            r"anthropic(\.[a-z_.]+)?:(Async)?Stream:method:__init__",
            r"anthropic:(Async)?APIResponse:method:__init__",
            r"anthropic(\.[a-z_.]+)?:(Beta)?(Async)?MessageStream(Manager)?:method:__init__",
        ],
        "reason": "Raw/streaming resource wrappers, `Stream`, `APIResponse` and the `MessageStream` helpers are built "
        "by the SDK (`client.messages.with_raw_response`, `create(stream=True)`, `messages.stream()`); their "
        "constructors take this SDK's internals. Their public attributes and methods match.",
    },
    {
        "id": "parsed-content-includes-web-fetch",
        "keys": [
            r"anthropic\.types\.beta\.parsed_beta_message:ParsedBetaContentBlock:type",
            r"anthropic(\.[a-z_.]+)?:ParsedBetaMessage:field:content",
        ],
        "reason": "`ParsedBetaContentBlock` (the content of `beta.messages.parse()` results) also lists "
        "`BetaWebFetchToolResultBlock`, which 0.74.0 left out although `BetaContentBlock` has it: a parsed message "
        "holding a web fetch result validates as that block instead of being coerced into another one.",
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
