"""Official import path `anthropic.types.model`; the definitions live in `anthropic.types._models_api`."""

from ._models_api import Model as Model

__all__ = ["Model"]
