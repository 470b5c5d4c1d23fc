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
from typing import Any

__all__ = ["DEFAULT_REGION", "default_base_url", "infer_region", "resolve_base_url", "runtime_base_url"]

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


def resolve_base_url(base_url: object | None, region: str) -> tuple[str, bool]:
    """The base URL and whether it was derived from the region (not given nor set in the environment)."""
    if base_url is not None:
        return str(base_url), False
    from_env = os.environ.get("ANTHROPIC_BEDROCK_BASE_URL") or None
    if from_env is not None:
        return from_env, False
    return default_base_url(region), True


def runtime_base_url(base_url: str | None, options: Mapping[str, Any]) -> str:
    """The normalised base URL a runtime serves (what the core joins paths to: absolute, ending with `/`)."""
    import httpx

    if base_url is None:
        region = options.get("aws_region") or infer_region(options.get("aws_profile"))
        base_url, _ = resolve_base_url(None, str(region))
    text = str(httpx.URL(base_url))
    return text if text.endswith("/") else text + "/"
