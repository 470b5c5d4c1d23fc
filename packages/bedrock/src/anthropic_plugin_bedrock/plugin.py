"""The `bedrock` plugin: registers the Bedrock platform and contributes its auth, rewrite and stream decoder.

Cheap to import (entry points are loaded when the first client is built): botocore and boto3 are imported by the
objects these hooks return, when a request is first signed or a stream first decoded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from anthropic import omit
from anthropic.plugins import ClientConfig, PlatformRuntime, PlatformSpec, hookimpl

if TYPE_CHECKING:
    from ._settings import BedrockOptions

__all__ = ["PLATFORM", "build_platform", "build_runtime", "register_platforms"]

PLATFORM = "bedrock"


def build_runtime(config: ClientConfig[BedrockOptions]) -> PlatformRuntime:
    """Bedrock's base runtime: base URL, no API-key headers, 0.74.0's status mapping, unsupported endpoints."""
    from ._errors import (
        BATCHES_UNSUPPORTED,
        FILES_UNSUPPORTED,
        MODELS_UNSUPPORTED,
        SKILLS_UNSUPPORTED,
        TOKEN_COUNTING_UNSUPPORTED,
        bedrock_status_error,
    )
    from ._settings import runtime_base_url

    return PlatformRuntime(
        name=PLATFORM,
        base_url=runtime_base_url(config.base_url, config.option_items()),
        default_headers={"X-Stainless-Async": omit},  # 0.74.0's Bedrock clients do not send it
        make_status_error=bedrock_status_error,
        unsupported={
            "messages.count_tokens": TOKEN_COUNTING_UNSUPPORTED,
            "beta.messages.count_tokens": TOKEN_COUNTING_UNSUPPORTED,
        },
        unsupported_prefixes={
            "messages.batches": BATCHES_UNSUPPORTED,
            "beta.messages.batches": BATCHES_UNSUPPORTED,
            "models.": MODELS_UNSUPPORTED,
            "beta.models.": MODELS_UNSUPPORTED,
            "beta.files.": FILES_UNSUPPORTED,
            "beta.skills.": SKILLS_UNSUPPORTED,
        },
    )


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name=PLATFORM,
            build=build_platform,
            exports={
                "AnthropicBedrock": "anthropic_plugin_bedrock.client:AnthropicBedrock",
                "AsyncAnthropicBedrock": "anthropic_plugin_bedrock.client:AsyncAnthropicBedrock",
            },
        )
    )


def build_platform(config: ClientConfig[BedrockOptions]) -> PlatformRuntime:
    """The whole Bedrock runtime of one client: SigV4 auth, the URL/body rewrite and the eventstream decoder.

    Copies (`with_options()`) inherit the boto3 session when their AWS arguments are the same, so credential
    providers run once per client family."""
    from ._auth import AWSCredentialsSpec, BedrockSigV4Auth
    from ._eventstream import make_stream_decoder
    from ._rewrite import BedrockRequestRewriter
    from ._settings import infer_region, runtime_base_url

    options = config.option_items()
    region = options.get("aws_region") or infer_region(options.get("aws_profile"))
    auth = BedrockSigV4Auth(
        AWSCredentialsSpec(
            access_key=options.get("aws_access_key"),
            secret_key=options.get("aws_secret_key"),
            session_token=options.get("aws_session_token"),
            profile=options.get("aws_profile"),
            region=str(region),
        )
    )
    runtime = build_runtime(config)
    return replace(
        runtime,
        auth=auth,
        transformers=(*runtime.transformers, BedrockRequestRewriter(runtime_base_url(config.base_url, options))),
        stream_decoder=make_stream_decoder,
        inherit=lambda parent: auth.share_session_with(parent.auth),
    )
