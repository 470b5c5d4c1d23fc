"""Official import path `anthropic.types.model_param`; the definitions live in `anthropic.types._models_api`."""

from ._models_api import ModelParam as ModelParam

__all__ = ["ModelParam"]
