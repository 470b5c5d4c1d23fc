"""Official module path `anthropic.types.beta.model_list_params`: re-exports from the topic module."""

from ._models_api import ModelListParams

__all__ = ["ModelListParams"]
