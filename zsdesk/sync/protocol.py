"""Wire models of the sync protocol (SYNC.md), shared by the client engine and the server.

Both sides speak JSON; the server validates requests with these pydantic models (which also give the
OpenAPI spec), the client builds plain dicts of the same shape to keep its hot path cheap.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from .. import PROTOCOL_VERSION, SCHEMA_VERSION

PROTOCOL_HEADER = "X-Zsdesk-Protocol"
SCHEMA_HEADER = "X-Zsdesk-Schema"
DEVICE_HEADER = "X-Zsdesk-Device"
SERVER_TIME_HEADER = "X-Zsdesk-Server-Time"
CLOCK_AHEAD_LIMIT_MS = 5 * 60 * 1000
UPGRADE_MESSAGE = "客户端版本过旧，服务器不再接受，请升级 zsdesk 后再同步（未同步的修改已保留在本机）"

Outcome = Literal["applied", "noop", "conflict", "rejected"]
# "resolve" (protocol 2) is the user's choice in the 冲突 view: fields = {"conflict_id", "field",
# "value", "choice"}; the server closes the conflict for every laptop and writes the value if it differs.
OpKind = Literal["create", "update", "delete", "undelete", "resolve"]
RESNAPSHOT_STATUS = 409  # /sync/pull: the cursor is older than the tombstone purge horizon
# Why a pull was answered RESNAPSHOT_STATUS: "purged" (tombstones past the cursor were purged) or
# "restored" (the server's database lost the change at the cursor: restored from a backup).
RESNAPSHOT_HEADER = "X-Zsdesk-Resnapshot"
RESTORED_MESSAGE = (
    "服务器数据库已从备份恢复，本机的同步进度超出了服务器的记录，需要重新下载全部数据（未同步的修改已先上传）"
)
RESNAPSHOT_MESSAGE = (
    "本机同步进度早于服务器清理已删除记录的期限，需要重新下载全部数据（未同步的修改已先上传）"
)


# Attachments (SYNC.md §7): `HEAD /blobs/<sha256>` answers 404 with how many bytes of an unfinished
# upload of the caller the server holds (`Upload-Offset`, 0 when none; a server without resumable
# uploads sends no such header and the client falls back to one whole PUT). `PATCH /blobs/<sha256>`
# appends one chunk at `Upload-Offset` of a blob of `Upload-Length` bytes; the server verifies the
# SHA-256 of the whole before the blob becomes visible.
UPLOAD_OFFSET_HEADER = "Upload-Offset"
UPLOAD_LENGTH_HEADER = "Upload-Length"
BLOB_SIZE_HEADER = "X-Blob-Size"
MAX_BLOB_BYTES = 50 * 1024 * 1024
BLOB_CHUNK_BYTES = 1024 * 1024  # what the client sends per PATCH: a cut costs at most this much again
MAX_BLOB_CHUNK_BYTES = 8 * 1024 * 1024  # what the server accepts per PATCH


def version_headers() -> dict[str, str]:
    """Headers every client request carries so the server can refuse a too-old client."""
    return {PROTOCOL_HEADER: str(PROTOCOL_VERSION), SCHEMA_HEADER: str(SCHEMA_VERSION)}


def accepted(value: str | None, current: int) -> bool:
    """The server accepts version N and N-1 (SYNC.md rule 10)."""
    try:
        number = int(value or "")
    except ValueError:
        return False
    return current - 1 <= number <= current


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=1000)


class OfficeInfo(BaseModel):
    id: str
    name: str


class LoginResponse(BaseModel):
    token: str
    username: str
    role: str
    offices: list[OfficeInfo]
    expires_at_ms: int
    server_time_ms: int


class Op(BaseModel):
    """One outbox entry: changed fields only, with the server seq the edit was based on."""

    op_id: str = Field(min_length=1, max_length=64)
    table: str = Field(min_length=1, max_length=40)
    row_id: str = Field(min_length=1, max_length=64)
    office_id: str = Field(default="", max_length=64)
    kind: OpKind
    fields: dict[str, Any] = Field(default_factory=dict)
    base_version: int = Field(default=0, ge=0, le=2**62)
    hlc: str = Field(default="", max_length=100)
    author: str = Field(default="", max_length=100)
    schema_version: int = SCHEMA_VERSION


class PushRequest(BaseModel):
    device_id: str = Field(default="", max_length=64)
    ops: list[Op] = Field(default_factory=list, max_length=5000)


class ConflictInfo(BaseModel):
    """A field where two edits met: `kept_value` is on the server now, `lost_value` is the other one."""

    id: str
    seq: int
    table: str
    row_id: str
    office_id: str
    field: str
    kept_value: Any = None
    lost_value: Any = None
    base_value: Any = None
    kept_author: str = ""
    lost_author: str = ""
    kept_hlc: str = ""
    lost_hlc: str = ""
    resolved: bool = False  # set (and re-sent) once someone edits the field again or chooses a value
    resolved_by: str = ""  # who chose (a `resolve` op); empty when a later edit settled it
    resolution: str = ""  # local | server | base: which value was chosen
    resolved_at_ms: int = 0  # server time of the choice


class OpResult(BaseModel):
    op_id: str
    outcome: Outcome
    reason: str = ""
    seq: int = 0
    conflicts: list[ConflictInfo] = Field(default_factory=list)


class PushResponse(BaseModel):
    results: list[OpResult]
    server_seq: int
    server_time_ms: int


class PulledRow(BaseModel):
    """The current server state of one row (`gone` = it left the caller's scope: drop it locally)."""

    t: str
    id: str
    o: str = ""
    v: int
    d: bool = False
    data: dict[str, Any] = Field(default_factory=dict)
    gone: bool = False


class PullResponse(BaseModel):
    scope: str = ""  # "*" (all offices) or the comma-joined office ids the page was cut for
    epoch: str = ""  # the server database's identity: a different one means re-snapshot
    cursor_tag: str = ""  # names the change at `cursor`; sent back as `tag` with the next pull
    rows: list[PulledRow]
    conflicts: list[ConflictInfo] = Field(default_factory=list)
    cursor: int
    has_more: bool
    server_seq: int
    server_time_ms: int


class BlobUploadStatus(BaseModel):
    """Answer to a PATCH /blobs chunk: how far the upload is, and whether the blob is now stored."""

    sha256: str
    offset: int
    length: int
    complete: bool


class ErrorResponse(BaseModel):
    detail: str
