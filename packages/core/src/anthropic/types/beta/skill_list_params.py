"""Official module path `anthropic.types.beta.skill_list_params`: re-exports from the topic module."""

from ._skills import SkillListParams

__all__ = ["SkillListParams"]
