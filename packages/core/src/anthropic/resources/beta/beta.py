"""`client.beta`: the beta namespace (`beta.messages`, `beta.models`, `beta.files`, `beta.skills`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..._resource import (
    APIResource,
    AsyncAPIResource,
    AsyncRawResource,
    AsyncStreamingResource,
    SyncAPIResource,
    SyncRawResource,
    SyncStreamingResource,
    subresource,
    view,
)

if TYPE_CHECKING:
    from .files import (
        AsyncFiles,
        AsyncFilesWithRawResponse,
        AsyncFilesWithStreamingResponse,
        Files,
        FilesWithRawResponse,
        FilesWithStreamingResponse,
    )
    from .messages.messages import (
        AsyncMessages,
        AsyncMessagesWithRawResponse,
        AsyncMessagesWithStreamingResponse,
        Messages,
        MessagesWithRawResponse,
        MessagesWithStreamingResponse,
    )
    from .models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        AsyncModelsWithStreamingResponse,
        Models,
        ModelsWithRawResponse,
        ModelsWithStreamingResponse,
    )
    from .skills.skills import (
        AsyncSkills,
        AsyncSkillsWithRawResponse,
        AsyncSkillsWithStreamingResponse,
        Skills,
        SkillsWithRawResponse,
        SkillsWithStreamingResponse,
    )

__all__ = [
    "AsyncBeta",
    "AsyncBetaWithRawResponse",
    "AsyncBetaWithStreamingResponse",
    "Beta",
    "BetaWithRawResponse",
    "BetaWithStreamingResponse",
]


class _Beta(APIResource):
    """Each sub-resource is imported on first access."""

    _resource_key: ClassVar[str] = "beta"

    models: ClassVar[
        subresource[
            Models,
            AsyncModels,
            ModelsWithRawResponse,
            AsyncModelsWithRawResponse,
            ModelsWithStreamingResponse,
            AsyncModelsWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.models", "Models")
    messages: ClassVar[
        subresource[
            Messages,
            AsyncMessages,
            MessagesWithRawResponse,
            AsyncMessagesWithRawResponse,
            MessagesWithStreamingResponse,
            AsyncMessagesWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.messages.messages", "Messages")
    files: ClassVar[
        subresource[
            Files,
            AsyncFiles,
            FilesWithRawResponse,
            AsyncFilesWithRawResponse,
            FilesWithStreamingResponse,
            AsyncFilesWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.files", "Files")
    skills: ClassVar[
        subresource[
            Skills,
            AsyncSkills,
            SkillsWithRawResponse,
            AsyncSkillsWithRawResponse,
            SkillsWithStreamingResponse,
            AsyncSkillsWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta.skills.skills", "Skills")


class BetaWithRawResponse(_Beta, SyncRawResource):
    pass


class AsyncBetaWithRawResponse(_Beta, AsyncRawResource):
    pass


class BetaWithStreamingResponse(_Beta, SyncStreamingResource):
    pass


class AsyncBetaWithStreamingResponse(_Beta, AsyncStreamingResource):
    pass


class Beta(_Beta, SyncAPIResource):
    with_raw_response = view(BetaWithRawResponse)
    with_streaming_response = view(BetaWithStreamingResponse)


class AsyncBeta(_Beta, AsyncAPIResource):
    with_raw_response = view(AsyncBetaWithRawResponse)
    with_streaming_response = view(AsyncBetaWithStreamingResponse)
