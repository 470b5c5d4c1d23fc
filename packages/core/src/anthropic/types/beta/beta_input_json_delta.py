"""Official module path `anthropic.types.beta.beta_input_json_delta`: re-exports from the topic module."""

from ._message import BetaInputJSONDelta

__all__ = ["BetaInputJSONDelta"]
