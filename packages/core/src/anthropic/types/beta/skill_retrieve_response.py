"""Official module path `anthropic.types.beta.skill_retrieve_response`: re-exports from the topic module."""

from ._skills import SkillRetrieveResponse

__all__ = ["SkillRetrieveResponse"]
