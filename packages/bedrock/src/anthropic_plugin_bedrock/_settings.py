"""Resolving a Bedrock client's settings from its arguments and the environment, as 0.74.0 does.

- region: the `aws_region` argument, else `AWS_REGION`, else the region boto3 finds (`AWS_DEFAULT_REGION`, the
  profile's `region` in `~/.aws/config`; the `aws_profile` argument or `AWS_PROFILE` picks the profile), else
  `us-east-1` with a warning;
- base URL: the `base_url` argument, else `ANTHROPIC_BEDROCK_BASE_URL`, else
  `https://bedrock-runtime.{region}.amazonaws.com`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = ["DEFAULT_REGION", "BedrockOptions", "default_base_url", "infer_region", "resolve", "runtime_base_url"]

log = logging.getLogger("anthropic.lib.bedrock")

DEFAULT_REGION = "us-east-1"


def infer_region(profile: str | None = None) -> str:
    """The region when none was given: `AWS_REGION`, then boto3's resolution, then `us-east-1`."""
    region = os.environ.get("AWS_REGION") or None
    if region is None:
        region = _boto3_region(profile)
    if region is None:
        log.warning("No AWS region specified, defaulting to %s", DEFAULT_REGION)
        region = DEFAULT_REGION
    return region


def _boto3_region(profile: str | None) -> str | None:
    try:
        import boto3
        from botocore.exceptions import BotoCoreError
    except ImportError:
        return None
    try:
        return boto3.Session(profile_name=profile).region_name or None
    except BotoCoreError:
        # e.g. an unknown profile: the credential lookup reports it when the first request is signed.
        return None


def default_base_url(region: str) -> str:
    return f"https://bedrock-runtime.{region}.amazonaws.com"


@dataclass(frozen=True)
class BedrockOptions:
    """The Bedrock constructor's own arguments, resolved: what `ClientConfig.options` holds and copies start from.

    Its repr leaves the credentials out."""

    aws_secret_key: str | None = field(repr=False)
    aws_access_key: str | None = field(repr=False)
    aws_region: str
    aws_profile: str | None
    aws_session_token: str | None = field(repr=False)


def resolve(
    aws_secret_key: str | None,
    aws_access_key: str | None,
    aws_region: str | None,
    aws_profile: str | None,
    aws_session_token: str | None,
    base_url: str | httpx.URL | None,
) -> tuple[BedrockOptions, str | httpx.URL | None]:
    """Both constructors' arguments resolved: the options (region inferred) and the base URL given or from the
    environment; None when it is the region's endpoint, which the runtime derives (and a copy derives again)."""
    region = infer_region(aws_profile) if aws_region is None else aws_region
    options = BedrockOptions(aws_secret_key, aws_access_key, region, aws_profile, aws_session_token)
    return options, base_url if base_url is not None else os.environ.get("ANTHROPIC_BEDROCK_BASE_URL") or None


def runtime_base_url(base_url: str | None, options: Mapping[str, Any]) -> str:
    """The normalised base URL a runtime serves (what the core joins paths to: absolute, ending with `/`)."""
    import httpx

    if base_url is None:
        region = options.get("aws_region") or infer_region(options.get("aws_profile"))
        base_url = default_base_url(str(region))
    text = str(httpx.URL(base_url))
    return text if text.endswith("/") else text + "/"
