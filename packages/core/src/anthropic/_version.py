"""The distribution's version, its only source (the build reads it). `0.74.0.postN` is this project's Nth release of
the official SDK 0.74.0's API: it satisfies `anthropic>=0.74` and is a number the official package never used
(policy: RELEASING.md)."""

__title__ = "anthropic"
__version__ = "0.74.0.post1"
