"""Exception handling as users write it."""

from __future__ import annotations

from typing import Literal, Optional

import httpx
from typing_extensions import assert_type

import anthropic
from anthropic import Anthropic

client = Anthropic()

try:
    client.messages.create(model="claude-sonnet-4-5", max_tokens=10, messages=[{"role": "user", "content": "Hi"}])
except anthropic.RateLimitError as e:
    assert_type(e.status_code, Literal[429])
    assert_type(e.request_id, Optional[str])
    assert_type(e.response, httpx.Response)
    print(e.message, e.body, e.response.headers.get("retry-after"))
except anthropic.APIStatusError as e:
    print(e.status_code, e.request_id, e.body)
except anthropic.APITimeoutError as e:
    print(e.request.url)
except anthropic.APIConnectionError as e:
    print(e.__cause__, e.message)
except anthropic.APIError as e:
    print(e.body, e.request)
except anthropic.AnthropicError as e:
    print(str(e))

errors: tuple[type[anthropic.APIStatusError], ...] = (
    anthropic.BadRequestError,
    anthropic.AuthenticationError,
    anthropic.PermissionDeniedError,
    anthropic.NotFoundError,
    anthropic.ConflictError,
    anthropic.UnprocessableEntityError,
    anthropic.InternalServerError,
)
print(errors)
