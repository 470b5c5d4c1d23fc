"""Default behaviour of every endpoint when nothing is scripted: a small in-memory Anthropic API."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Mapping
from urllib.parse import unquote

from ._recording import MultipartPart, RecordedRequest
from ._reply import Reply
from ._script import CompletionScript, MessageScript, fake_id, input_tokens_for
from ._sse import dumps

MODELS: tuple[tuple[str, str, str], ...] = (
    ("claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-15T00:00:00Z"),
    ("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29T00:00:00Z"),
    ("claude-opus-4-1-20250805", "Claude Opus 4.1", "2025-08-05T00:00:00Z"),
    ("claude-opus-4-20250514", "Claude Opus 4", "2025-05-22T00:00:00Z"),
    ("claude-sonnet-4-20250514", "Claude Sonnet 4", "2025-05-22T00:00:00Z"),
    ("claude-3-7-sonnet-20250219", "Claude Sonnet 3.7", "2025-02-24T00:00:00Z"),
    ("claude-3-5-haiku-20241022", "Claude Haiku 3.5", "2024-10-22T00:00:00Z"),
)
"""Models served by ``GET /v1/models``, newest first like the real list."""

_DATE_SUFFIX = re.compile(r"-\d{8}$")
Handler = Callable[..., Reply]


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _invalid(message: str) -> Reply:
    return Reply.error(400, message=message)


def _not_found(message: str) -> Reply:
    return Reply.error(404, message=message)


@dataclass
class _Batch:
    data: dict[str, Any]
    requests: list[dict[str, Any]]
    polls_left: int
    results: list[dict[str, Any]] = field(default_factory=list[dict[str, Any]])


@dataclass
class _StoredFile:
    meta: dict[str, Any]
    data: bytes


@dataclass
class _Skill:
    data: dict[str, Any]
    versions: dict[str, dict[str, Any]] = field(default_factory=dict[str, dict[str, Any]])


class DefaultApi:
    """Routes requests that no scripted reply claimed; keeps batches, files and skills in memory."""

    def __init__(self, base_url: Callable[[], str], batch_polls: int = 0) -> None:
        self._base_url = base_url
        self.batch_polls = batch_polls
        self._lock = threading.RLock()
        self.batches: dict[str, _Batch] = {}
        self.files: dict[str, _StoredFile] = {}
        self.skills: dict[str, _Skill] = {}
        self._serial = 0
        self._last_version = 0
        v1 = "/v1"
        batch = v1 + r"/messages/batches/(?P<batch_id>[^/]+)"
        skill = v1 + r"/skills/(?P<skill_id>[^/]+)"
        self._routes: dict[str, list[tuple[re.Pattern[str], Handler]]] = {}
        for method, pattern, handler in (
            ("POST", v1 + "/messages", self.create_message),
            ("POST", v1 + "/messages/count_tokens", self.count_tokens),
            ("POST", v1 + "/messages/batches", self.create_batch),
            ("GET", v1 + "/messages/batches", self.list_batches),
            ("GET", batch, self.get_batch),
            ("DELETE", batch, self.delete_batch),
            ("POST", batch + "/cancel", self.cancel_batch),
            ("GET", batch + "/results", self.batch_results),
            ("POST", v1 + "/complete", self.complete),
            ("GET", v1 + "/models", self.list_models),
            ("GET", v1 + "/models/(?P<model_id>[^/]+)", self.get_model),
            ("POST", v1 + "/files", self.upload_file),
            ("GET", v1 + "/files", self.list_files),
            ("GET", v1 + "/files/(?P<file_id>[^/]+)", self.get_file),
            ("DELETE", v1 + "/files/(?P<file_id>[^/]+)", self.delete_file),
            ("GET", v1 + "/files/(?P<file_id>[^/]+)/content", self.download_file),
            ("POST", v1 + "/skills", self.create_skill),
            ("GET", v1 + "/skills", self.list_skills),
            ("GET", skill, self.get_skill),
            ("DELETE", skill, self.delete_skill),
            ("POST", skill + "/versions", self.create_version),
            ("GET", skill + "/versions", self.list_versions),
            ("GET", skill + "/versions/(?P<version>[^/]+)", self.get_version),
            ("DELETE", skill + "/versions/(?P<version>[^/]+)", self.delete_version),
        ):
            self._routes.setdefault(method, []).append((re.compile(pattern), handler))

    def reset(self) -> None:
        with self._lock:
            self.batches.clear()
            self.files.clear()
            self.skills.clear()
            self._serial = 0

    def _next(self) -> int:
        with self._lock:
            self._serial += 1
            return self._serial

    def handle(self, request: RecordedRequest) -> Reply:
        path = request.path.rstrip("/") or "/"
        method = "GET" if request.method == "HEAD" else request.method  # the wire layer drops HEAD bodies
        for pattern, handler in self._routes.get(method, ()):
            match = pattern.fullmatch(path)
            if match is not None:
                params = {key: unquote(value) for key, value in match.groupdict().items()}
                with self._lock:
                    return handler(request, **params)
        allowed = [
            method for method, routes in self._routes.items() if any(pattern.fullmatch(path) for pattern, _ in routes)
        ]
        if allowed:
            return Reply.error(
                405,
                type="invalid_request_error",
                message=f"Method {request.method} not allowed for {path}",
                headers={"allow": ", ".join(allowed)},
            )
        return _not_found(f"Not found: {request.method} {path}")

    # -- helpers ------------------------------------------------------------------------------------------------

    @staticmethod
    def _json_body(request: RecordedRequest) -> dict[str, Any] | Reply:
        try:
            body = request.json()
        except (ValueError, UnicodeDecodeError):
            return _invalid("Request body is not valid JSON")
        if not isinstance(body, dict):
            return _invalid("Request body must be a JSON object")
        return body

    @staticmethod
    def _require(body: Mapping[str, Any], *names: str) -> Reply | None:
        for name in names:
            if name not in body:
                return _invalid(f"{name}: Field required")
        return None

    @staticmethod
    def _limit(request: RecordedRequest, maximum: int) -> int | Reply:
        raw = request.param("limit")
        if raw is None:
            return 20
        try:
            limit = int(raw)
        except ValueError:
            return _invalid("limit: Input should be a valid integer")
        if not 1 <= limit <= maximum:
            return _invalid(f"limit: Input should be between 1 and {maximum}")
        return limit

    def _id_page(self, request: RecordedRequest, items: list[dict[str, Any]], maximum: int = 1000) -> Reply:
        """``after_id`` / ``before_id`` / ``limit`` pagination with ``first_id``, ``last_id``, ``has_more``."""
        limit = self._limit(request, maximum)
        if isinstance(limit, Reply):
            return limit
        after_id, before_id = request.param("after_id"), request.param("before_id")
        if after_id and before_id:
            return _invalid("Only one of after_id and before_id may be given")
        ids = [item["id"] for item in items]
        if after_id:
            start = ids.index(after_id) + 1 if after_id in ids else len(ids)
            page, has_more = items[start : start + limit], start + limit < len(items)
        elif before_id:
            end = ids.index(before_id) if before_id in ids else 0
            start = max(0, end - limit)
            page, has_more = items[start:end], start > 0
        else:
            page, has_more = items[:limit], len(items) > limit
        return Reply.json(
            {
                "data": page,
                "has_more": has_more,
                "first_id": page[0]["id"] if page else None,
                "last_id": page[-1]["id"] if page else None,
            }
        )

    def _cursor_page(self, request: RecordedRequest, items: list[dict[str, Any]], maximum: int) -> Reply:
        """``page`` / ``limit`` cursor pagination with ``next_page`` and ``has_more`` (skills, versions)."""
        limit = self._limit(request, maximum)
        if isinstance(limit, Reply):
            return limit
        token = request.param("page")
        start = 0
        if token:
            match = re.fullmatch(r"page_(\d+)", token)
            if match is None:
                return _invalid("page: invalid page token")
            start = int(match.group(1))
        page = items[start : start + limit]
        has_more = start + limit < len(items)
        return Reply.json(
            {"data": page, "has_more": has_more, "next_page": f"page_{start + limit}" if has_more else None}
        )

    # -- messages and completions -------------------------------------------------------------------------------

    def create_message(self, request: RecordedRequest) -> Reply:
        body = self._json_body(request)
        if isinstance(body, Reply):
            return body
        missing = self._require(body, "model", "max_tokens", "messages")
        return missing or MessageScript()(request)

    def count_tokens(self, request: RecordedRequest) -> Reply:
        body = self._json_body(request)
        if isinstance(body, Reply):
            return body
        missing = self._require(body, "model", "messages")
        return missing or Reply.json({"input_tokens": input_tokens_for(body)})

    def complete(self, request: RecordedRequest) -> Reply:
        body = self._json_body(request)
        if isinstance(body, Reply):
            return body
        missing = self._require(body, "model", "prompt", "max_tokens_to_sample")
        return missing or CompletionScript()(request)

    # -- message batches ----------------------------------------------------------------------------------------

    def create_batch(self, request: RecordedRequest) -> Reply:
        body = self._json_body(request)
        if isinstance(body, Reply):
            return body
        requests = body.get("requests")
        if not isinstance(requests, list) or not requests:
            return _invalid("requests: List should have at least 1 item")
        custom_ids: set[str] = set()
        for entry in requests:
            if not isinstance(entry, dict) or "custom_id" not in entry or not isinstance(entry.get("params"), dict):
                return _invalid("requests: each request needs a custom_id and params")
            if entry["custom_id"] in custom_ids:
                return _invalid(f"Duplicate custom_id: {entry['custom_id']}")
            custom_ids.add(entry["custom_id"])
        created = datetime.now(timezone.utc)
        batch_id = fake_id("msgbatch", self._next())
        data: dict[str, Any] = {
            "id": batch_id,
            "type": "message_batch",
            "processing_status": "in_progress",
            "request_counts": {"processing": len(requests), "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0},
            "ended_at": None,
            "created_at": _iso(created),
            "expires_at": _iso(created + timedelta(hours=24)),
            "archived_at": None,
            "cancel_initiated_at": None,
            "results_url": None,
        }
        self.batches[batch_id] = _Batch(data, [dict(r) for r in requests], self.batch_polls)
        return Reply.json(data)

    def _batch(self, batch_id: str, *, polling: bool = False) -> _Batch | Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return _not_found(f"Message Batch {batch_id} not found")
        if batch.data["processing_status"] != "ended":
            if polling and batch.polls_left > 0:
                batch.polls_left -= 1
            elif batch.polls_left <= 0:
                self._finish(batch)
        return batch

    def _finish(self, batch: _Batch) -> None:
        canceled = batch.data["processing_status"] == "canceling"
        counts = {"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
        for entry in batch.requests:
            params = entry["params"]
            if canceled:
                result: dict[str, Any] = {"type": "canceled"}
            elif missing := self._require(params, "model", "max_tokens", "messages"):
                error = missing.body if isinstance(missing.body, dict) else {}
                result = {"type": "errored", "error": {**error, "request_id": None}}
            else:
                result = {"type": "succeeded", "message": MessageScript().build(params, self._next())}
            counts[result["type"]] += 1
            batch.results.append({"custom_id": entry["custom_id"], "result": result})
        batch.data.update(
            processing_status="ended",
            ended_at=now_iso(),
            request_counts=counts,
            results_url=f"{self._base_url()}/v1/messages/batches/{batch.data['id']}/results",
        )

    def list_batches(self, request: RecordedRequest) -> Reply:
        items = [self._batch(batch_id) for batch_id in list(self.batches)]
        return self._id_page(request, [b.data for b in reversed(items) if isinstance(b, _Batch)])

    def get_batch(self, request: RecordedRequest, batch_id: str) -> Reply:
        batch = self._batch(batch_id, polling=True)
        return batch if isinstance(batch, Reply) else Reply.json(batch.data)

    def cancel_batch(self, request: RecordedRequest, batch_id: str) -> Reply:
        batch = self.batches.get(batch_id)
        if batch is None:
            return _not_found(f"Message Batch {batch_id} not found")
        if batch.data["processing_status"] == "in_progress":
            batch.data.update(processing_status="canceling", cancel_initiated_at=now_iso())
        return Reply.json(batch.data)

    def delete_batch(self, request: RecordedRequest, batch_id: str) -> Reply:
        batch = self._batch(batch_id)
        if isinstance(batch, Reply):
            return batch
        if batch.data["processing_status"] != "ended":
            return _invalid(
                "Message Batches can only be deleted once they've finished processing. "
                "If you'd like to delete an in-progress batch, you must first cancel it."
            )
        del self.batches[batch_id]
        return Reply.json({"id": batch_id, "type": "message_batch_deleted"})

    def batch_results(self, request: RecordedRequest, batch_id: str) -> Reply:
        batch = self._batch(batch_id)
        if isinstance(batch, Reply):
            return batch
        if batch.data["processing_status"] != "ended":
            return _invalid(f"Message Batch {batch_id} has not finished processing")
        lines = "".join(dumps(result) + "\n" for result in batch.results)
        return Reply(body=lines.encode("utf-8"), content_type="application/binary")

    # -- models -------------------------------------------------------------------------------------------------

    @staticmethod
    def _model(model_id: str, display_name: str, created_at: str) -> dict[str, Any]:
        return {"type": "model", "id": model_id, "display_name": display_name, "created_at": created_at}

    def list_models(self, request: RecordedRequest) -> Reply:
        return self._id_page(request, [self._model(*entry) for entry in MODELS])

    def get_model(self, request: RecordedRequest, model_id: str) -> Reply:
        for entry in MODELS:
            if model_id in (entry[0], _DATE_SUFFIX.sub("", entry[0])):
                return Reply.json(self._model(*entry))
        return _not_found(f"model: {model_id}")

    # -- files --------------------------------------------------------------------------------------------------

    def add_file(self, data: bytes, filename: str, mime_type: str | None = None, downloadable: bool = True) -> str:
        """Store a file as if uploaded; returns its id."""
        if mime_type is None:
            import mimetypes

            mime_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        file_id = fake_id("file", self._next())
        meta = {
            "type": "file",
            "id": file_id,
            "filename": filename,
            "mime_type": mime_type,
            "size_bytes": len(data),
            "created_at": now_iso(),
            "downloadable": downloadable,
        }
        self.files[file_id] = _StoredFile(meta, data)
        return file_id

    def upload_file(self, request: RecordedRequest) -> Reply:
        parts = self._multipart(request)
        if isinstance(parts, Reply):
            return parts
        upload = next((part for part in parts if part.name == "file"), None)
        if upload is None:
            return _invalid("file: Field required")
        file_id = self.add_file(upload.data, upload.filename or "upload", upload.content_type)
        return Reply.json(self.files[file_id].meta)

    def list_files(self, request: RecordedRequest) -> Reply:
        return self._id_page(request, [f.meta for f in reversed(self.files.values())])

    def _file(self, file_id: str) -> _StoredFile | Reply:
        stored = self.files.get(file_id)
        return stored if stored is not None else _not_found(f"File not found: {file_id}")

    def get_file(self, request: RecordedRequest, file_id: str) -> Reply:
        stored = self._file(file_id)
        return stored if isinstance(stored, Reply) else Reply.json(stored.meta)

    def download_file(self, request: RecordedRequest, file_id: str) -> Reply:
        stored = self._file(file_id)
        if isinstance(stored, Reply):
            return stored
        return Reply(body=stored.data, content_type=stored.meta["mime_type"])

    def delete_file(self, request: RecordedRequest, file_id: str) -> Reply:
        stored = self._file(file_id)
        if isinstance(stored, Reply):
            return stored
        del self.files[file_id]
        return Reply.json({"id": file_id, "type": "file_deleted"})

    # -- skills -------------------------------------------------------------------------------------------------

    @staticmethod
    def _multipart(request: RecordedRequest) -> list[MultipartPart] | Reply:
        try:
            return request.multipart()
        except ValueError as exc:
            return _invalid(f"Expected a multipart/form-data body: {exc}")

    def _new_version(self, skill_id: str, parts: list[MultipartPart]) -> dict[str, Any] | Reply:
        files = [part for part in parts if part.name in ("files[]", "files") and part.filename]
        if not files:
            return _invalid("files: at least one file is required")
        directories = {(part.filename or "").split("/", 1)[0] for part in files}
        if len(directories) != 1 or any("/" not in (part.filename or "") for part in files):
            return _invalid("All files must be in the same top-level directory")
        directory = directories.pop()
        skill_md = next((p for p in files if p.filename == f"{directory}/SKILL.md"), None)
        if skill_md is None:
            return _invalid("SKILL.md file must be exactly in the top-level folder.")
        meta = _front_matter(skill_md.data.decode("utf-8", "replace"))
        version = max(int(time.time() * 1_000_000), self._last_version + 1)
        self._last_version = version
        return {
            "type": "skill_version",
            "id": fake_id("skillver", self._next()),
            "skill_id": skill_id,
            "version": str(version),
            "name": meta.get("name", directory),
            "description": meta.get("description", ""),
            "directory": directory,
            "created_at": now_iso(),
        }

    def create_skill(self, request: RecordedRequest) -> Reply:
        parts = self._multipart(request)
        if isinstance(parts, Reply):
            return parts
        skill_id = fake_id("skill", self._next())
        version = self._new_version(skill_id, parts)
        if isinstance(version, Reply):
            return version
        title = next((p.text for p in parts if p.name == "display_title" and p.filename is None), None)
        data: dict[str, Any] = {
            "type": "skill",
            "id": skill_id,
            "display_title": title,
            "latest_version": version["version"],
            "source": "custom",
            "created_at": version["created_at"],
            "updated_at": version["created_at"],
        }
        self.skills[skill_id] = _Skill(data, {version["version"]: version})
        return Reply.json(data)

    def _skill(self, skill_id: str) -> _Skill | Reply:
        skill = self.skills.get(skill_id)
        return skill if skill is not None else _not_found(f"Skill not found: {skill_id}")

    def list_skills(self, request: RecordedRequest) -> Reply:
        source = request.param("source")
        items = [s.data for s in reversed(self.skills.values()) if source in (None, s.data["source"])]
        return self._cursor_page(request, items, 100)

    def get_skill(self, request: RecordedRequest, skill_id: str) -> Reply:
        skill = self._skill(skill_id)
        return skill if isinstance(skill, Reply) else Reply.json(skill.data)

    def delete_skill(self, request: RecordedRequest, skill_id: str) -> Reply:
        skill = self._skill(skill_id)
        if isinstance(skill, Reply):
            return skill
        del self.skills[skill_id]
        return Reply.json({"id": skill_id, "type": "skill_deleted"})

    def create_version(self, request: RecordedRequest, skill_id: str) -> Reply:
        skill = self._skill(skill_id)
        if isinstance(skill, Reply):
            return skill
        parts = self._multipart(request)
        if isinstance(parts, Reply):
            return parts
        version = self._new_version(skill_id, parts)
        if isinstance(version, Reply):
            return version
        skill.versions[version["version"]] = version
        skill.data.update(latest_version=version["version"], updated_at=version["created_at"])
        return Reply.json(version)

    def list_versions(self, request: RecordedRequest, skill_id: str) -> Reply:
        skill = self._skill(skill_id)
        if isinstance(skill, Reply):
            return skill
        return self._cursor_page(request, list(reversed(skill.versions.values())), 1000)

    def get_version(self, request: RecordedRequest, skill_id: str, version: str) -> Reply:
        skill = self._skill(skill_id)
        if isinstance(skill, Reply):
            return skill
        found = skill.versions.get(version)
        return Reply.json(found) if found else _not_found(f"Skill version not found: {version}")

    def delete_version(self, request: RecordedRequest, skill_id: str, version: str) -> Reply:
        skill = self._skill(skill_id)
        if isinstance(skill, Reply):
            return skill
        if skill.versions.pop(version, None) is None:
            return _not_found(f"Skill version not found: {version}")
        latest = max(skill.versions, key=int, default=None)
        skill.data.update(latest_version=latest, updated_at=now_iso())
        return Reply.json({"id": version, "type": "skill_version_deleted"})


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def _front_matter(text: str) -> dict[str, str]:
    """``name`` / ``description`` from a SKILL.md YAML front matter (simple ``key: value`` lines only)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    found: dict[str, str] = {}
    for line in lines[1:]:
        if line.strip() == "---":
            break
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("name", "description"):
            found[key.strip()] = value.strip().strip("\"'")
    return found
