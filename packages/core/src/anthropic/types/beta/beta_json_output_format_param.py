"""Official module path `anthropic.types.beta.beta_json_output_format_param`: re-exports from the topic module."""

from ._request_params import BetaJSONOutputFormatParam

__all__ = ["BetaJSONOutputFormatParam"]
