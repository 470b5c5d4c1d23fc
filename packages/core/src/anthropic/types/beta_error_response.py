"""Official import path `anthropic.types.beta_error_response`; the definitions live in `anthropic.types._errors`."""

from ._errors import BetaErrorResponse as BetaErrorResponse

__all__ = ["BetaErrorResponse"]
