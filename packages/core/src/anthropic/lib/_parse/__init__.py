"""Structured outputs (beta): JSON schemas the API accepts, and parsing answers back into the requested type."""

from __future__ import annotations

from ._response import output_format_param, parse_beta_message, parse_text
from ._transform import SUPPORTED_STRING_FORMATS, transform_schema

__all__ = ["SUPPORTED_STRING_FORMATS", "output_format_param", "parse_beta_message", "parse_text", "transform_schema"]
