"""One OpenTelemetry span (and the GenAI metrics) per operation of a client, from the plugin API's observer hook.

Spans follow the OpenTelemetry semantic conventions for generative AI: name `"{gen_ai.operation.name}
{gen_ai.request.model}"`, kind CLIENT, `gen_ai.*` request and response attributes, `error.type`. Attributes are only
computed when the span records; message content only when the user opted in (see `OtelSettings`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urlsplit

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode

from anthropic.plugins import Attempt, ClientConfig, Observation, Observer, Operation

from ._telemetry import Telemetry, current

__all__ = ["OtelObserver", "provider_name"]

# gen_ai.provider.name (and the older gen_ai.system) of the bundled platforms; another platform reports its own name.
_PROVIDERS = {
    "anthropic": "anthropic",
    "bedrock": "aws.bedrock",
    "vertex": "gcp.vertex_ai",
    "foundry": "azure.ai.inference",
}
# gen_ai.operation.name of the endpoints the conventions name; other endpoints report their own name.
_OPERATIONS = {
    "messages.create": "chat",
    "beta.messages.create": "chat",
    "completions.create": "text_completion",
    "beta.messages.tool_runner": "invoke_agent",
    "beta.messages.tool_runner.tool": "execute_tool",
}
_REQUEST_PARAMS = (
    ("max_tokens", "gen_ai.request.max_tokens"),
    ("temperature", "gen_ai.request.temperature"),
    ("top_p", "gen_ai.request.top_p"),
    ("top_k", "gen_ai.request.top_k"),
)
_TOOL_RUNNER_AGENT = "tool_runner"


def provider_name(platform: str) -> str:
    return _PROVIDERS.get(platform, platform)


@lru_cache(maxsize=64)
def _server(base_url: str | None) -> tuple[str, int] | None:
    """`server.address` and `server.port` of a URL (never its user info, path or query)."""
    if not base_url:
        return None
    try:
        parts = urlsplit(base_url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host:
        return None
    return host, port or (443 if parts.scheme == "https" else 80)


class OtelObserver(Observer):
    """The observer of one client (and of each of its copies): knows its platform and server."""

    __slots__ = ("provider", "server")

    def __init__(self, config: ClientConfig[Any]) -> None:
        self.provider = provider_name(config.platform)
        self.server = _server(config.base_url)

    def start(self, operation: Operation) -> Observation | None:
        telemetry = current()
        if telemetry is None:
            return None
        return OtelObservation(self, operation, telemetry)


class OtelObservation(Observation):
    """The span of one operation, and what its metrics need when it ends."""

    def __init__(self, observer: OtelObserver, operation: Operation, telemetry: Telemetry) -> None:
        self.telemetry = telemetry
        self.api_call = bool(operation.method)
        self.first_chunk: float | None = None
        self.server = observer.server
        self.operation_name = _OPERATIONS.get(operation.name, operation.name)
        body: Mapping[str, Any] = operation.body or {}
        model = body.get("model")
        self.request_model = model if isinstance(model, str) else None
        self.response_model: str | None = None
        self.usage: dict[str, int] = {}
        self.error_type: str | None = None
        self.provider = observer.provider
        self.output: list[dict[str, Any]] | None = None  # content blocks, only when capturing content
        self.pending: dict[str, Any] = {}  # response attributes, set in one call when the span ends
        parent = operation.parent
        context = trace.set_span_in_context(parent.span) if isinstance(parent, OtelObservation) else None
        if operation.name == "beta.messages.tool_runner":
            subject: str | None = _TOOL_RUNNER_AGENT
        elif operation.name == "beta.messages.tool_runner.tool":
            subject = str(body.get("name") or "") or None
        else:
            subject = self.request_model
        self.span = telemetry.tracer.start_span(
            f"{self.operation_name} {subject}" if subject else self.operation_name,
            context=context,
            kind=SpanKind.CLIENT if self.api_call else SpanKind.INTERNAL,
        )
        # Durations (operation, time to first chunk) count from the span's start, not from before its set-up.
        self.started = time.perf_counter()
        self.recording = self.span.is_recording()
        if self.recording:
            self._request_attributes(operation, body)

    # -- request ------------------------------------------------------------------------------------------------

    def _request_attributes(self, operation: Operation, body: Mapping[str, Any]) -> None:
        attributes: dict[str, Any] = {}
        attributes["gen_ai.operation.name"] = self.operation_name
        attributes["gen_ai.provider.name"] = self.provider
        attributes["gen_ai.system"] = self.provider
        capture = self.telemetry.capture_content
        if operation.name == "beta.messages.tool_runner.tool":
            attributes["gen_ai.tool.name"] = str(body.get("name", ""))
            attributes["gen_ai.tool.call.id"] = str(body.get("id", ""))
            attributes["gen_ai.tool.type"] = "function"
            if capture and "input" in body:
                attributes["gen_ai.tool.call.arguments"] = _json(body["input"])
            self.span.set_attributes(attributes)
            return
        if operation.name == "beta.messages.tool_runner":
            attributes["gen_ai.agent.name"] = _TOOL_RUNNER_AGENT
        if self.request_model:
            attributes["gen_ai.request.model"] = self.request_model
        if self.server is not None:
            attributes["server.address"] = self.server[0]
            attributes["server.port"] = self.server[1]
        for key, attribute in _REQUEST_PARAMS:
            value = body.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                attributes[attribute] = value
        stop = body.get("stop_sequences")
        if isinstance(stop, (list, tuple)):
            attributes["gen_ai.request.stop_sequences"] = [str(s) for s in stop]
        if self.api_call:
            attributes["gen_ai.request.stream"] = operation.stream
        if capture:
            if "messages" in body:
                attributes["gen_ai.input.messages"] = _json(body["messages"])
            if "system" in body:
                attributes["gen_ai.system_instructions"] = _json(body["system"])
            self.output = []
        self.span.set_attributes(attributes)

    # -- the call's life ----------------------------------------------------------------------------------------

    def activate(self) -> AbstractContextManager[object] | None:
        """The span is current while the HTTP attempts are sent: an instrumented httpx (or a request hook, or a log
        record) sees it as the parent. Not while a stream is read: the caller's own code runs between events."""
        if not self.recording:
            return None
        return trace.use_span(self.span, end_on_exit=False, record_exception=False, set_status_on_exception=False)

    def attempt(self, attempt: Attempt) -> None:
        if self.server is None and attempt.url:
            self.server = _server(attempt.url)  # e.g. Bedrock, whose URL comes from the region, not a base URL
            if self.recording and self.server is not None:
                self.pending["server.address"] = self.server[0]
                self.pending["server.port"] = self.server[1]
        if not self.recording:
            return
        attributes: dict[str, Any] = {
            "anthropic.attempt": attempt.number,
            "http.request.resend_count": attempt.number - 1,
        }
        if attempt.status_code is not None:
            attributes["http.response.status_code"] = attempt.status_code
        if attempt.error is not None:
            attributes["error.type"] = type(attempt.error).__qualname__
        elif attempt.status_code is not None and attempt.status_code >= 400:
            attributes["error.type"] = str(attempt.status_code)
        if attempt.retry_delay is not None:
            attributes["anthropic.retry.delay"] = attempt.retry_delay
        self.span.add_event("anthropic.attempt", attributes)

    def response(self, response: Any) -> None:
        if self.server is None:
            self.server = _server(str(response.request.url))
            if self.recording and self.server is not None:
                self.pending["server.address"] = self.server[0]
                self.pending["server.port"] = self.server[1]
        if self.recording:
            request_id = response.headers.get("request-id")
            if request_id:
                self.pending["anthropic.request_id"] = request_id

    def result(self, value: object) -> None:
        if getattr(value, "type", None) == "message":
            self._message(value)
            if self.output is not None:
                self.output = [_dump(block) for block in getattr(value, "content", None) or ()]
        elif self.operation_name == "execute_tool" and isinstance(value, Mapping):
            if value.get("is_error"):
                self.error_type = "tool_error"
            if self.recording and self.telemetry.capture_content and "content" in value:
                self.pending["gen_ai.tool.call.result"] = _json(value["content"])

    def event(self, event: object) -> None:
        if self.first_chunk is None:
            self.first_chunk = time.perf_counter() - self.started
            if self.recording:
                self.pending["gen_ai.response.time_to_first_chunk"] = self.first_chunk
                self.span.add_event("gen_ai.first_chunk")
        kind = getattr(event, "type", None)
        if kind == "message_start":
            self._message(getattr(event, "message", None))
        elif kind == "message_delta":
            delta = getattr(event, "delta", None)
            self._finish(getattr(delta, "stop_reason", None))
            self._usage(getattr(event, "usage", None))
        elif self.output is not None:
            self._output_event(kind, event)

    def end(self, error: BaseException | None) -> None:
        span = self.span
        if error is not None:
            self.error_type = _error_type(error)
        if self.recording:
            if self.output and self.telemetry.capture_content:
                output = {"role": "assistant", "content": self.output}
                self.pending["gen_ai.output.messages"] = _json([output])
            if self.error_type is not None:
                self.pending["error.type"] = self.error_type
                span.set_status(Status(StatusCode.ERROR, self.error_type))
            span.set_attributes(self.pending)
        span.end()
        if self.api_call:
            self._record_metrics()

    # -- helpers ------------------------------------------------------------------------------------------------

    def _message(self, message: Any) -> None:
        if message is None:
            return
        model = getattr(message, "model", None)
        if isinstance(model, str):
            self.response_model = model
        if self.recording:
            message_id = getattr(message, "id", None)
            if isinstance(message_id, str):
                self.pending["gen_ai.response.id"] = message_id
            if self.response_model:
                self.pending["gen_ai.response.model"] = self.response_model
        self._finish(getattr(message, "stop_reason", None))
        self._usage(getattr(message, "usage", None))

    def _finish(self, stop_reason: object) -> None:
        if self.recording and isinstance(stop_reason, str):
            self.pending["gen_ai.response.finish_reasons"] = [stop_reason]

    def _usage(self, usage: Any) -> None:
        """Token counts of a message, or of a stream's `message_start` then `message_delta` (the later counts win)."""
        if usage is None:
            return
        for field, attribute in (
            ("input_tokens", "gen_ai.usage.input_tokens"),
            ("output_tokens", "gen_ai.usage.output_tokens"),
            ("cache_creation_input_tokens", "gen_ai.usage.cache_creation.input_tokens"),
            ("cache_read_input_tokens", "gen_ai.usage.cache_read.input_tokens"),
        ):
            value = getattr(usage, field, None)
            if isinstance(value, int):
                self.usage[attribute] = value
                if self.recording:
                    self.pending[attribute] = value

    def _output_event(self, kind: object, event: Any) -> None:
        """Accumulate the streamed content blocks (only when capturing content)."""
        assert self.output is not None
        if kind == "content_block_start":
            self.output.append(_dump(getattr(event, "content_block", None)))
        elif kind == "content_block_delta" and self.output:
            delta = getattr(event, "delta", None)
            block = self.output[-1]
            for field in ("text", "partial_json", "thinking"):
                piece = getattr(delta, field, None)
                if isinstance(piece, str):
                    key = "input_json" if field == "partial_json" else field
                    block[key] = str(block.get(key) or "") + piece

    def _record_metrics(self) -> None:
        telemetry = self.telemetry
        attributes: dict[str, Any] = {
            "gen_ai.operation.name": self.operation_name,
            "gen_ai.provider.name": self.provider,
        }
        if self.request_model:
            attributes["gen_ai.request.model"] = self.request_model
        if self.response_model:
            attributes["gen_ai.response.model"] = self.response_model
        if self.server is not None:
            attributes["server.address"] = self.server[0]
            attributes["server.port"] = self.server[1]
        if self.error_type is not None:
            attributes["error.type"] = self.error_type
        telemetry.duration.record(time.perf_counter() - self.started, attributes)
        if self.first_chunk is not None:
            telemetry.time_to_first_chunk.record(self.first_chunk, attributes)
        if self.error_type is None and self.operation_name in ("chat", "text_completion"):
            for token_type, attribute in (
                ("input", "gen_ai.usage.input_tokens"),
                ("output", "gen_ai.usage.output_tokens"),
            ):
                count = self.usage.get(attribute)
                if count is not None:
                    telemetry.token_usage.record(count, {**attributes, "gen_ai.token.type": token_type})


def _error_type(error: BaseException) -> str:
    """A low-cardinality name: the exception's class (`RateLimitError`, `APIConnectionError`, ...)."""
    return type(error).__qualname__


def _dump(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        value = dump(mode="json", exclude_none=True)
    if isinstance(value, Mapping):
        return {str(k): v for k, v in cast("Mapping[object, Any]", value).items()}
    return {"value": str(value)}


def _json(value: object) -> str:
    return json.dumps(value, default=_default, ensure_ascii=False, separators=(",", ":"))


def _default(value: object) -> object:
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", exclude_none=True)
    return str(value)
