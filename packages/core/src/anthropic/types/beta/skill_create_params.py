"""Official module path `anthropic.types.beta.skill_create_params`: re-exports from the topic module."""

from ._skills import SkillCreateParams

__all__ = ["SkillCreateParams"]
