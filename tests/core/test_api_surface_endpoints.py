"""Every HTTP endpoint of 0.74.0 over real HTTP, sync and async: the request on the wire and the parsed answer."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
from _api_surface_helpers import BATCH_REQUEST, SKILL_MD, Api, expect_request, open_api

import anthropic
from anthropic.testing import FakeAnthropicServer, MessageScript, Reply
from anthropic.types import Completion, MessageTokensCount, ModelInfo
from anthropic.types.beta import (
    BetaMessage,
    BetaMessageTokensCount,
    BetaModelInfo,
    DeletedFile,
    FileMetadata,
    SkillCreateResponse,
    SkillDeleteResponse,
    SkillListResponse,
    SkillRetrieveResponse,
)
from anthropic.types.beta.messages import BetaDeletedMessageBatch, BetaMessageBatch, BetaMessageBatchIndividualResponse
from anthropic.types.beta.parsed_beta_message import ParsedBetaMessage
from anthropic.types.beta.skills import (
    VersionCreateResponse,
    VersionDeleteResponse,
    VersionListResponse,
    VersionRetrieveResponse,
)
from anthropic.types.messages import DeletedMessageBatch, MessageBatch, MessageBatchIndividualResponse


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, anthropic_server: FakeAnthropicServer) -> Iterator[Api]:
    yield from open_api(request.param, anthropic_server)


MESSAGES = [{"role": "user", "content": "Hello"}]


# -- messages (the two plain endpoints, for the full count of 34) --------------------------------------------------


def test_messages_create(api: Api) -> None:
    message = api.run(api.client.messages.create(model="claude-sonnet-4-5", max_tokens=32, messages=MESSAGES))
    expect_request(api.last, "POST", "/v1/messages")
    assert api.last.json() == {"model": "claude-sonnet-4-5", "max_tokens": 32, "messages": MESSAGES}
    assert message.role == "assistant" and message.content[0].type == "text"


def test_messages_count_tokens(api: Api) -> None:
    count = api.run(api.client.messages.count_tokens(model="claude-sonnet-4-5", messages=MESSAGES))
    expect_request(api.last, "POST", "/v1/messages/count_tokens")
    assert api.last.json() == {"model": "claude-sonnet-4-5", "messages": MESSAGES}
    assert isinstance(count, MessageTokensCount) and count.input_tokens > 0


# -- completions ----------------------------------------------------------------------------------------------------


def test_completions_create(api: Api) -> None:
    completion = api.run(
        api.client.completions.create(
            model="claude-2.1",
            max_tokens_to_sample=64,
            prompt=f"{anthropic.HUMAN_PROMPT} Hi{anthropic.AI_PROMPT}",
            stop_sequences=["\n\nHuman:"],
            betas=["beta-a", "beta-b"],
        )
    )
    expect_request(api.last, "POST", "/v1/complete", beta="beta-a,beta-b")
    assert api.last.json() == {
        "model": "claude-2.1",
        "max_tokens_to_sample": 64,
        "prompt": "\n\nHuman: Hi\n\nAssistant:",
        "stop_sequences": ["\n\nHuman:"],
    }
    # The client keeps the default timeout, so 0.74.0 gives the call ten minutes.
    assert api.last.headers["x-stainless-timeout"] == "600"
    assert isinstance(completion, Completion) and completion.stop_reason == "stop_sequence"


def test_completions_stream(api: Api) -> None:
    api.server.enqueue(Reply.completion("one two three four"), path="/v1/complete")
    stream = api.run(api.client.completions.create(model="claude-2.1", max_tokens_to_sample=8, prompt="p", stream=True))
    events = api.items(stream)
    assert api.last.json()["stream"] is True
    assert all(isinstance(e, Completion) for e in events)
    assert "".join(e.completion for e in events) == "one two three four"


def test_completions_required_arguments(api: Api) -> None:
    with pytest.raises(TypeError, match=r"Missing required arguments; Expected either \('max_tokens_to_sample', "):
        api.run(api.client.completions.create(model="claude-2.1", prompt="p"))


# -- models -----------------------------------------------------------------------------------------------------


def test_models_retrieve(api: Api) -> None:
    model = api.run(api.client.models.retrieve("claude-opus-4-20250514", betas=["b1", "b2"]))
    expect_request(api.last, "GET", "/v1/models/claude-opus-4-20250514", beta="b1,b2")
    assert "content-type" not in api.last.headers
    assert isinstance(model, ModelInfo)
    assert model.display_name == "Claude Opus 4"
    assert model.created_at == datetime.datetime(2025, 5, 22, tzinfo=datetime.timezone.utc)
    assert model._request_id == api.last.request_id


def test_models_list(api: Api) -> None:
    page = api.run(api.client.models.list(limit=3))
    expect_request(api.last, "GET", "/v1/models", {"limit": "3"})
    assert [m.id for m in page.data] == [
        "claude-haiku-4-5-20251001",
        "claude-sonnet-4-5-20250929",
        "claude-opus-4-1-20250805",
    ]
    assert page.has_more is True and page.first_id == "claude-haiku-4-5-20251001"
    assert all(isinstance(m, ModelInfo) for m in page.data)


def test_beta_models_retrieve(api: Api) -> None:
    model = api.run(api.client.beta.models.retrieve("claude-sonnet-4-5"))
    expect_request(api.last, "GET", "/v1/models/claude-sonnet-4-5", {"beta": "true"})
    assert isinstance(model, BetaModelInfo) and model.id == "claude-sonnet-4-5-20250929"


def test_beta_models_list(api: Api) -> None:
    page = api.run(api.client.beta.models.list(limit=2, betas=["x"]))
    expect_request(api.last, "GET", "/v1/models", {"beta": "true", "limit": "2"}, beta="x")
    assert [type(m) for m in page.data] == [BetaModelInfo, BetaModelInfo]


def test_empty_path_params_are_refused(api: Api) -> None:
    for call, name in [
        (lambda: api.client.models.retrieve(""), "model_id"),
        (lambda: api.client.beta.files.retrieve_metadata(""), "file_id"),
        (lambda: api.client.beta.skills.retrieve(""), "skill_id"),
        (lambda: api.client.beta.skills.versions.retrieve("", skill_id="s"), "version"),
        (lambda: api.client.messages.batches.retrieve(""), "message_batch_id"),
        (lambda: api.client.beta.messages.batches.results(""), "message_batch_id"),
    ]:
        with pytest.raises(ValueError, match=f"Expected a non-empty value for `{name}` but received ''"):
            api.run(call())
    assert api.server.requests == []


# -- message batches --------------------------------------------------------------------------------------------


def _batch(api: Api, beta: bool) -> Any:
    batches = api.client.beta.messages.batches if beta else api.client.messages.batches
    return batches, api.run(batches.create(requests=[BATCH_REQUEST, {**BATCH_REQUEST, "custom_id": "second"}]))


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_create(api: Api, beta: bool) -> None:
    _, batch = _batch(api, beta)
    suffix = {"beta": "true"} if beta else {}
    expect_request(
        api.last, "POST", "/v1/messages/batches", suffix, beta="message-batches-2024-09-24" if beta else None
    )
    assert api.last.json() == {"requests": [BATCH_REQUEST, {**BATCH_REQUEST, "custom_id": "second"}]}
    assert isinstance(batch, BetaMessageBatch if beta else MessageBatch)
    assert batch.processing_status == "in_progress" and batch.request_counts.processing == 2


def test_beta_batches_betas_come_first(api: Api) -> None:
    api.run(api.client.beta.messages.batches.create(requests=[BATCH_REQUEST], betas=["mine"]))
    assert api.last.headers["anthropic-beta"] == "mine,message-batches-2024-09-24"
    api.run(api.client.beta.messages.batches.list(betas=["mine"], extra_headers={"anthropic-beta": "replaced"}))
    assert api.last.headers["anthropic-beta"] == "replaced"


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_retrieve(api: Api, beta: bool) -> None:
    batches, created = _batch(api, beta)
    batch = api.run(batches.retrieve(created.id))
    path = f"/v1/messages/batches/{created.id}"
    expect_request(
        api.last, "GET", path, {"beta": "true"} if beta else {}, beta="message-batches-2024-09-24" if beta else None
    )
    assert batch.processing_status == "ended"
    assert batch.results_url == f"{api.server.url}{path}/results"
    assert batch.request_counts.succeeded == 2


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_list(api: Api, beta: bool) -> None:
    batches, created = _batch(api, beta)
    page = api.run(batches.list(limit=5))
    query = {"beta": "true", "limit": "5"} if beta else {"limit": "5"}
    expect_request(api.last, "GET", "/v1/messages/batches", query, beta="message-batches-2024-09-24" if beta else None)
    assert [b.id for b in page.data] == [created.id]
    assert isinstance(page.data[0], BetaMessageBatch if beta else MessageBatch)


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_cancel(api: Api, beta: bool) -> None:
    batches, created = _batch(api, beta)
    batch = api.run(batches.cancel(created.id))
    path = f"/v1/messages/batches/{created.id}/cancel"
    expect_request(
        api.last, "POST", path, {"beta": "true"} if beta else {}, beta="message-batches-2024-09-24" if beta else None
    )
    assert api.last.body == b""
    assert batch.processing_status == "canceling" and batch.cancel_initiated_at is not None


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_delete(api: Api, beta: bool) -> None:
    batches, created = _batch(api, beta)
    api.run(batches.retrieve(created.id))
    deleted = api.run(batches.delete(created.id))
    path = f"/v1/messages/batches/{created.id}"
    expect_request(
        api.last, "DELETE", path, {"beta": "true"} if beta else {}, beta="message-batches-2024-09-24" if beta else None
    )
    assert isinstance(deleted, BetaDeletedMessageBatch if beta else DeletedMessageBatch)
    assert deleted.id == created.id and deleted.type == "message_batch_deleted"


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_results(api: Api, beta: bool) -> None:
    batches, created = _batch(api, beta)
    kwargs: dict[str, Any] = {"betas": ["extra-beta"]} if beta else {}
    decoder = api.run(batches.results(created.id, **kwargs))
    lines = api.items(decoder)
    retrieve, results = api.server.requests[-2:]
    # First the batch (plainly: no caller betas), then its absolute `results_url`, as a binary download.
    expect_request(
        retrieve,
        "GET",
        f"/v1/messages/batches/{created.id}",
        {"beta": "true"} if beta else {},
        beta="message-batches-2024-09-24" if beta else None,
    )
    expect_request(
        results,
        "GET",
        f"/v1/messages/batches/{created.id}/results",
        beta="extra-beta,message-batches-2024-09-24" if beta else None,
        accept="application/binary",
    )
    line_type = BetaMessageBatchIndividualResponse if beta else MessageBatchIndividualResponse
    assert [type(line) for line in lines] == [line_type, line_type]
    assert sorted(line.custom_id for line in lines) == ["first", "second"]
    assert all(line.result.type == "succeeded" for line in lines)
    assert decoder.http_response.is_closed


@pytest.mark.parametrize("beta", [False, True], ids=["messages", "beta"])
def test_batches_results_before_the_batch_ended(api: Api, beta: bool) -> None:
    api.server.api.batch_polls = 3
    batches, created = _batch(api, beta)
    with pytest.raises(anthropic.AnthropicError) as info:
        api.run(batches.results(created.id))
    assert str(info.value) == "No `results_url` for the given batch; Has it finished processing? in_progress"
    assert api.last.path == f"/v1/messages/batches/{created.id}"


# -- beta messages ----------------------------------------------------------------------------------------------


def test_beta_messages_create(api: Api) -> None:
    message = api.run(
        api.client.beta.messages.create(
            model="claude-sonnet-4-5",
            max_tokens=32,
            messages=MESSAGES,
            container="container_1",
            context_management={"edits": [{"type": "clear_tool_uses_20250919"}]},
            output_format={"type": "json_schema", "schema": {"type": "object"}},
            betas=["context-management-2025-06-27"],
        )
    )
    expect_request(api.last, "POST", "/v1/messages", {"beta": "true"}, beta="context-management-2025-06-27")
    assert api.last.json() == {
        "model": "claude-sonnet-4-5",
        "max_tokens": 32,
        "messages": MESSAGES,
        "container": "container_1",
        "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
        "output_format": {"type": "json_schema", "schema": {"type": "object"}},
    }
    assert isinstance(message, BetaMessage) and message.content[0].type == "text"


def test_beta_messages_create_stream(api: Api) -> None:
    api.server.script_message("streamed words here")
    stream = api.run(api.client.beta.messages.create(model="m", max_tokens=8, messages=MESSAGES, stream=True))
    events = api.items(stream)
    assert api.last.json()["stream"] is True
    assert [e.type for e in events][0] == "message_start"
    assert "".join(e.delta.text for e in events if e.type == "content_block_delta") == "streamed words here"


def test_beta_messages_create_refuses_a_model_class(api: Api) -> None:
    class Answer(pydantic.BaseModel):
        value: int

    with pytest.raises(TypeError, match=r"You must use `beta.messages.parse\(\)` instead"):
        api.run(api.client.beta.messages.create(model="m", max_tokens=8, messages=MESSAGES, output_format=Answer))
    assert api.server.requests == []


def test_beta_messages_count_tokens(api: Api) -> None:
    count = api.run(
        api.client.beta.messages.count_tokens(
            model="claude-sonnet-4-5", messages=MESSAGES, system="Be brief.", betas=["b"]
        )
    )
    expect_request(api.last, "POST", "/v1/messages/count_tokens", {"beta": "true"}, beta="b,token-counting-2024-11-01")
    assert api.last.json() == {"model": "claude-sonnet-4-5", "messages": MESSAGES, "system": "Be brief."}
    assert isinstance(count, BetaMessageTokensCount) and count.input_tokens > 0


class Person(pydantic.BaseModel):
    name: str
    age: int = pydantic.Field(ge=0, description="In years")


def test_beta_messages_parse(api: Api) -> None:
    api.server.script_message(json.dumps({"name": "Ada", "age": 36}))
    message = api.run(
        api.client.beta.messages.parse(
            model="claude-sonnet-4-5", max_tokens=64, messages=MESSAGES, output_format=Person
        )
    )
    expect_request(api.last, "POST", "/v1/messages", {"beta": "true"}, beta="structured-outputs-2025-09-17")
    assert api.last.headers["x-stainless-helper"] == "beta.messages.parse"
    assert api.last.json()["output_format"] == {
        "type": "json_schema",
        "schema": {
            "type": "object",
            "title": "Person",
            "properties": {
                "name": {"type": "string", "title": "Name"},
                "age": {"type": "integer", "title": "Age", "description": "In years\n\n{minimum: 0}"},
            },
            "additionalProperties": False,
            "required": ["name", "age"],
        },
    }
    assert isinstance(message, ParsedBetaMessage)
    assert message.parsed_output == Person(name="Ada", age=36)
    assert message.content[0].parsed_output == Person(name="Ada", age=36)
    assert message._request_id == api.last.request_id
    # Sent back in a conversation, the parsed block travels without its client-side `parsed_output`.
    api.run(
        api.client.beta.messages.create(
            model="m", max_tokens=8, messages=[*MESSAGES, {"role": "assistant", "content": message.content}]
        )
    )
    assert api.last.json()["messages"][1]["content"] == [{"type": "text", "text": '{"name": "Ada", "age": 36}'}]


def test_beta_messages_parse_keeps_a_given_structured_outputs_beta(api: Api) -> None:
    api.server.script_message('"just text"')
    message = api.run(
        api.client.beta.messages.parse(
            model="m", max_tokens=8, messages=MESSAGES, output_format=str, betas=["structured-outputs-2025-09-17", "x"]
        )
    )
    assert api.last.headers["anthropic-beta"] == "structured-outputs-2025-09-17,x"
    assert message.parsed_output == "just text"


def test_beta_messages_parse_without_format(api: Api) -> None:
    api.server.script_message("plain")
    message = api.run(api.client.beta.messages.parse(model="m", max_tokens=8, messages=MESSAGES))
    assert "output_format" not in api.last.json()
    assert message.parsed_output is None and message.content[0].text == "plain"


def test_beta_messages_parse_rejects_unschemable_types(api: Api) -> None:
    class NotAModel:
        pass

    with pytest.raises(TypeError, match="Could not generate JSON schema for the given `output_format` type"):
        api.run(api.client.beta.messages.parse(model="m", max_tokens=8, messages=MESSAGES, output_format=NotAModel))


def test_beta_messages_stream_with_output_format(api: Api) -> None:
    api.server.script_message(json.dumps({"name": "Grace", "age": 85}))
    manager = api.client.beta.messages.stream(
        model="claude-sonnet-4-5", max_tokens=64, messages=MESSAGES, output_format=Person, betas=["b1"]
    )
    message = api.within(manager, lambda stream: stream.get_final_message())
    # as 0.74.0: the async helper posts to the plain path, the sync one adds `?beta=true`
    expect_request(api.last, "POST", "/v1/messages", None if api.is_async else {"beta": "true"}, beta="b1")
    assert api.last.headers["x-stainless-stream-helper"] == "beta.messages"
    body = api.last.json()
    assert body["stream"] is True and body["output_format"]["schema"]["title"] == "Person"
    assert message.parsed_output == Person(name="Grace", age=85)


# -- files --------------------------------------------------------------------------------------------------------


def test_beta_files_upload(api: Api) -> None:
    meta = api.run(api.client.beta.files.upload(file=("notes.txt", b"hello files", "text/plain"), betas=["b"]))
    expect_request(api.last, "POST", "/v1/files", {"beta": "true"}, beta="b,files-api-2025-04-14")
    assert api.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert int(api.last.headers["content-length"]) == len(api.last.body)
    [part] = api.last.multipart()
    assert (part.name, part.filename, part.content_type, part.data) == (
        "file",
        "notes.txt",
        "text/plain",
        b"hello files",
    )
    assert isinstance(meta, FileMetadata)
    assert (meta.filename, meta.mime_type, meta.size_bytes, meta.type) == ("notes.txt", "text/plain", 11, "file")


def test_beta_files_list(api: Api) -> None:
    ids = [api.server.add_file(b"x", f"f{i}.txt") for i in range(3)]
    page = api.run(api.client.beta.files.list(limit=2))
    expect_request(api.last, "GET", "/v1/files", {"beta": "true", "limit": "2"}, beta="files-api-2025-04-14")
    assert [f.id for f in page.data] == [ids[2], ids[1]] and page.has_more is True
    assert all(isinstance(f, FileMetadata) for f in page.data)


def test_beta_files_retrieve_metadata(api: Api) -> None:
    file_id = api.server.add_file(b"%PDF-1.4", "doc.pdf")
    meta = api.run(api.client.beta.files.retrieve_metadata(file_id))
    expect_request(api.last, "GET", f"/v1/files/{file_id}", {"beta": "true"}, beta="files-api-2025-04-14")
    assert (meta.id, meta.filename, meta.mime_type, meta.size_bytes) == (file_id, "doc.pdf", "application/pdf", 8)


def test_beta_files_download(api: Api) -> None:
    payload = bytes(range(256)) * 64
    file_id = api.server.add_file(payload, "blob.bin")
    response = api.run(api.client.beta.files.download(file_id))
    expect_request(
        api.last,
        "GET",
        f"/v1/files/{file_id}/content",
        {"beta": "true"},
        beta="files-api-2025-04-14",
        accept="application/binary",
    )
    assert "x-stainless-raw-response" not in api.last.headers
    expected_cls = anthropic._response.AsyncBinaryAPIResponse if api.is_async else anthropic._response.BinaryAPIResponse
    assert type(response) is expected_cls
    assert api.run(response.read()) == payload
    assert api.run(response.parse()) == payload
    assert response.status_code == 200 and response.request_id == api.last.request_id


def test_beta_files_delete(api: Api) -> None:
    file_id = api.server.add_file(b"x", "x.txt")
    deleted = api.run(api.client.beta.files.delete(file_id))
    expect_request(api.last, "DELETE", f"/v1/files/{file_id}", {"beta": "true"}, beta="files-api-2025-04-14")
    assert isinstance(deleted, DeletedFile) and (deleted.id, deleted.type) == (file_id, "file_deleted")
    assert file_id not in api.server.api.files


# -- skills -------------------------------------------------------------------------------------------------------


def _skill(api: Api) -> Any:
    return api.run(
        api.client.beta.skills.create(
            display_title="Greeter",
            files=[("greeter/SKILL.md", SKILL_MD), ("greeter/extra/notes.txt", b"notes", "text/plain")],
        )
    )


def test_beta_skills_create(api: Api) -> None:
    skill = _skill(api)
    expect_request(api.last, "POST", "/v1/skills", {"beta": "true"}, beta="skills-2025-10-02")
    parts = api.last.multipart()
    # Well-formed multipart: the title field, then one `files[]` part per file (0.74.0 also sent stray
    # `files[][]` text fields for tuple files; see docs/compatibility.md).
    assert [(p.name, p.filename, p.content_type) for p in parts] == [
        ("display_title", None, None),
        ("files[]", "greeter/SKILL.md", "text/markdown"),
        ("files[]", "greeter/extra/notes.txt", "text/plain"),
    ]
    assert [p.data for p in parts] == [b"Greeter", SKILL_MD, b"notes"]
    assert isinstance(skill, SkillCreateResponse)
    assert (skill.display_title, skill.source, skill.type) == ("Greeter", "custom", "skill")


def test_beta_skills_retrieve(api: Api) -> None:
    created = _skill(api)
    skill = api.run(api.client.beta.skills.retrieve(created.id, betas=["b"]))
    expect_request(api.last, "GET", f"/v1/skills/{created.id}", {"beta": "true"}, beta="b,skills-2025-10-02")
    assert isinstance(skill, SkillRetrieveResponse) and skill.latest_version == created.latest_version


def test_beta_skills_list(api: Api) -> None:
    created = _skill(api)
    page = api.run(api.client.beta.skills.list(limit=10, source="custom"))
    expect_request(
        api.last, "GET", "/v1/skills", {"beta": "true", "limit": "10", "source": "custom"}, beta="skills-2025-10-02"
    )
    assert [s.id for s in page.data] == [created.id] and isinstance(page.data[0], SkillListResponse)
    assert page.has_more is False and page.next_page is None


def test_beta_skills_delete(api: Api) -> None:
    created = _skill(api)
    deleted = api.run(api.client.beta.skills.delete(created.id))
    expect_request(api.last, "DELETE", f"/v1/skills/{created.id}", {"beta": "true"}, beta="skills-2025-10-02")
    assert isinstance(deleted, SkillDeleteResponse) and (deleted.id, deleted.type) == (created.id, "skill_deleted")


def test_beta_skill_versions_create(api: Api) -> None:
    skill = _skill(api)
    version = api.run(api.client.beta.skills.versions.create(skill.id, files=[("greeter/SKILL.md", SKILL_MD)]))
    expect_request(api.last, "POST", f"/v1/skills/{skill.id}/versions", {"beta": "true"}, beta="skills-2025-10-02")
    assert [(p.name, p.filename, p.data) for p in api.last.multipart()] == [("files[]", "greeter/SKILL.md", SKILL_MD)]
    assert isinstance(version, VersionCreateResponse)
    assert (version.skill_id, version.name, version.description, version.directory) == (
        skill.id,
        "greeter",
        "Says hello.",
        "greeter",
    )


def test_beta_skill_versions_retrieve(api: Api) -> None:
    skill = _skill(api)
    version = api.run(api.client.beta.skills.versions.retrieve(skill.latest_version, skill_id=skill.id))
    path = f"/v1/skills/{skill.id}/versions/{skill.latest_version}"
    expect_request(api.last, "GET", path, {"beta": "true"}, beta="skills-2025-10-02")
    assert isinstance(version, VersionRetrieveResponse) and version.version == skill.latest_version


def test_beta_skill_versions_list(api: Api) -> None:
    skill = _skill(api)
    page = api.run(api.client.beta.skills.versions.list(skill.id, limit=5))
    expect_request(
        api.last, "GET", f"/v1/skills/{skill.id}/versions", {"beta": "true", "limit": "5"}, beta="skills-2025-10-02"
    )
    assert [v.version for v in page.data] == [skill.latest_version] and isinstance(page.data[0], VersionListResponse)


def test_beta_skill_versions_delete(api: Api) -> None:
    skill = _skill(api)
    deleted = api.run(api.client.beta.skills.versions.delete(skill.latest_version, skill_id=skill.id))
    path = f"/v1/skills/{skill.id}/versions/{skill.latest_version}"
    expect_request(api.last, "DELETE", path, {"beta": "true"}, beta="skills-2025-10-02")
    assert isinstance(deleted, VersionDeleteResponse) and deleted.type == "skill_version_deleted"


# -- per-call options ---------------------------------------------------------------------------------------------


def test_extra_options_on_every_kind_of_endpoint(api: Api) -> None:
    options: dict[str, Any] = {"extra_headers": {"X-Custom": "1"}, "extra_query": {"trace": "on"}, "timeout": 12.5}
    api.run(api.client.models.retrieve("claude-opus-4-20250514", **options))
    assert (api.last.query["trace"], api.last.headers["x-custom"]) == (["on"], "1")
    assert api.last.headers["x-stainless-read-timeout"] == "12.5"
    api.items(api.run(api.client.models.list(limit=4, **options)))
    assert [r.query.get("trace") for r in api.server.requests[-2:]] == [["on"], ["on"]]
    api.run(api.client.beta.files.upload(file=b"abc", extra_body={"purpose": "testing"}, **options))
    assert [(p.name, p.data) for p in api.last.multipart()] == [("purpose", b"testing"), ("file", b"abc")]
    api.run(api.client.messages.batches.create(requests=[BATCH_REQUEST], extra_body={"extra": True}, **options))
    assert api.last.json() == {"requests": [BATCH_REQUEST], "extra": True}


def test_platform_refusals_use_endpoint_names(api: Api, anthropic_server: Any) -> None:
    """Each endpoint names itself, so a platform can refuse it before anything is sent."""
    from anthropic._platform import PlatformRuntime

    runtime: PlatformRuntime = api.client._platform
    api.client._platform = PlatformRuntime(
        name=runtime.name,
        base_url=runtime.base_url,
        default_headers=runtime.default_headers,
        unsupported_prefixes={"beta.files.": "no files here", "messages.batches": "no batches here"},
    )
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match="no files here"):
        api.run(api.client.beta.files.upload(file=b"x"))
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match="no batches here"):
        api.items(api.run(api.client.messages.batches.list()))
    assert anthropic_server.requests == []


def test_deprecated_model_warns(api: Api) -> None:
    api.server.script_message("hi")
    with pytest.warns(DeprecationWarning, match="The model 'claude-3-opus-20240229' is deprecated"):
        api.run(api.client.beta.messages.parse(model="claude-3-opus-20240229", max_tokens=8, messages=MESSAGES))


def test_scripted_message_is_used(api: Api) -> None:
    api.server.enqueue(MessageScript(text="scripted"), path="/v1/messages", method="POST")
    message = api.run(api.client.beta.messages.create(model="m", max_tokens=8, messages=MESSAGES))
    assert message.content[0].text == "scripted"
