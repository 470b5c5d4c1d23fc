"""Official module path `anthropic.types.beta.beta_context_management_config_param`: re-exports from the topic module."""

from ._request_params import (
    BetaContextManagementConfigParam,
    Edit,
)

__all__ = ["BetaContextManagementConfigParam", "Edit"]
