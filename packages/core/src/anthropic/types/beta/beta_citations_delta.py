"""Official module path `anthropic.types.beta.beta_citations_delta`: re-exports from the topic module."""

from __future__ import annotations

from typing_extensions import TypeAlias

from ._content import BetaTextCitation
from ._message import BetaCitationsDelta

__all__ = ["BetaCitationsDelta", "Citation"]

Citation: TypeAlias = BetaTextCitation
