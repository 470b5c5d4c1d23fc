"""Official module path `anthropic.types.beta.beta_request_mcp_server_url_definition_param`: re-exports from the topic module."""

from ._request_params import BetaRequestMCPServerURLDefinitionParam

__all__ = ["BetaRequestMCPServerURLDefinitionParam"]
