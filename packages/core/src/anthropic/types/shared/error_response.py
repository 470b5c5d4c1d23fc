"""Official import path `anthropic.types.shared.error_response`; the definitions live in `anthropic.types._errors`."""

from .._errors import ErrorResponse as ErrorResponse

__all__ = ["ErrorResponse"]
