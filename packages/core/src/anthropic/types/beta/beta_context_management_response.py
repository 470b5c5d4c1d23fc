"""Official module path `anthropic.types.beta.beta_context_management_response`: re-exports from the topic module."""

from ._message import (
    AppliedEdit,
    BetaContextManagementResponse,
)

__all__ = ["BetaContextManagementResponse", "AppliedEdit"]
