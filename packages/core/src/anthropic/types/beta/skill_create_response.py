"""Official module path `anthropic.types.beta.skill_create_response`: re-exports from the topic module."""

from ._skills import SkillCreateResponse

__all__ = ["SkillCreateResponse"]
