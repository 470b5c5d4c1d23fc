"""Official module path `anthropic.types.beta.skill_delete_response`: re-exports from the topic module."""

from ._skills import SkillDeleteResponse

__all__ = ["SkillDeleteResponse"]
