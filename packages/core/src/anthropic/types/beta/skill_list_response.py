"""Official module path `anthropic.types.beta.skill_list_response`: re-exports from the topic module."""

from ._skills import SkillListResponse

__all__ = ["SkillListResponse"]
