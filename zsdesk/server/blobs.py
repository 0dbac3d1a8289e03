"""Attachment bytes (SYNC.md §7): HEAD/PUT/PATCH/GET /blobs/{sha256}, idempotent, verified, resumable.

A blob becomes visible only once its SHA-256 was verified. Two ways up:

* `PUT` of the whole file (≤ 50 MB), as every client before resumable uploads did; verified, then stored.
* `PATCH` chunks (the client sends 1 MB each): `Upload-Offset` says where the chunk starts and
  `Upload-Length` how long the whole blob is. Chunks are kept per (sha256, user) in `blob_chunks`
  inside the server's own database, so the same code works on SQLite and PostgreSQL, with several
  worker processes, and a partial survives a server restart. `HEAD` answers 404 with
  `Upload-Offset` = how much of the caller's upload the server holds, so a cut upload resumes there
  instead of starting again. When the last byte arrives the whole is hashed; a mismatch discards the
  partial and says so; a match moves it to `blobs` in one transaction.

Partials are per user: another user's half upload is neither visible nor resumable (and cannot be
poisoned by someone else's bytes). Partials untouched for `STALE_UPLOAD_DAYS` are removed when a new
upload starts and by `zsdesk-server purge-tombstones`.
"""

# No `from __future__ import annotations`: FastAPI must resolve the route signatures' local aliases.
import hashlib
import time
import zlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request, Response
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from ..sync.protocol import (
    BLOB_SIZE_HEADER,
    MAX_BLOB_BYTES,
    MAX_BLOB_CHUNK_BYTES,
    UPLOAD_LENGTH_HEADER,
    UPLOAD_OFFSET_HEADER,
    BlobUploadStatus,
    ErrorResponse,
)
from . import blob_scope
from .auth import Principal
from .blob_scope import grant_upload, holds, may_read, used_bytes
from .db import blobs, write_transaction
from .push import server_fault

STALE_UPLOAD_DAYS = 7
_DAY_MS = 24 * 3600 * 1000
MAX_GZIP_BODY_BYTES = 64 * 1024 * 1024
TOO_BIG = "附件过大（上限 50 MB）"
HASH_MISMATCH = "附件内容与 SHA-256 不符，上传未保存，请重试"
RESUME_MISMATCH = "附件内容与 SHA-256 不符：已丢弃已上传的部分，请重新上传"
NOT_ON_SERVER = "服务器上没有该附件"

Sha256 = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="附件内容的 SHA-256（小写十六进制）")]

# Own metadata, so the upload tables are created by `init_blobs` without touching db.py's schema.
blob_metadata = MetaData()

blob_uploads = Table(
    "blob_uploads",
    blob_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("username", String(100), primary_key=True),
    Column("length", BigInteger, nullable=False),  # the whole blob's size, as the first chunk declared
    Column("received", BigInteger, nullable=False),  # bytes held in blob_chunks
    Column("started_ms", BigInteger, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),
    Index("blob_uploads_age", "updated_ms"),
)

blob_chunks = Table(
    "blob_chunks",
    blob_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("username", String(100), primary_key=True),
    Column("start", BigInteger, primary_key=True, autoincrement=False),
    Column("data", LargeBinary, nullable=False),
)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def init_blobs(engine: Engine) -> None:
    """Create the upload tables and the possession table (blob_scope.py), idempotent."""
    blob_metadata.create_all(engine)
    blob_scope.init_blob_scope(engine)


def over_quota(conn: Connection, who: Principal, sha256: str, length: int) -> str:
    """Why `who` may not start uploading `length` more bytes ("" when it may): its finished uploads
    and its other unfinished ones count against `USER_QUOTA_BYTES`."""
    quota = blob_scope.USER_QUOTA_BYTES
    pending = conn.execute(
        select(func.coalesce(func.sum(blob_uploads.c.length), 0)).where(
            blob_uploads.c.username == who.username, blob_uploads.c.sha256 != sha256
        )
    ).scalar_one()
    if used_bytes(conn, who.username) + int(pending) + length > quota:
        return f"附件存储已达上限（每位用户 {quota // (1024 * 1024)} MB），请联系管理员"
    return ""


# -- storage -------------------------------------------------------------------------------------
def store_blob(engine: Engine, sha256: str, data: bytes, who: Principal) -> None:
    """Store verified bytes under their SHA-256 (idempotent) and record that `who` holds them.
    Callers verify first: PUT, the last PATCH chunk and a sync bundle's blobs all go through the
    same check (`verify_blob`)."""
    for _ in range(2):
        try:
            with write_transaction(engine) as conn:
                _store_on(conn, sha256, data, who.username)
                grant_upload(conn, who, sha256, len(data))
                _drop_upload(conn, sha256, who.username)  # a finished blob needs no partial any more
            return
        except IntegrityError:
            continue  # a concurrent upload of the same bytes won: content-addressed; grant again


def _store_on(conn: Connection, sha256: str, data: bytes, username: str) -> None:
    if conn.execute(select(blobs.c.size).where(blobs.c.sha256 == sha256)).first() is None:
        conn.execute(insert(blobs).values(sha256=sha256, size=len(data), data=data, uploaded_by=username))


def verify_blob(sha256: str, data: bytes) -> str:
    """Why these bytes may not be stored as `sha256` ("" when they may)."""
    if len(data) > MAX_BLOB_BYTES:
        return TOO_BIG
    if hashlib.sha256(data).hexdigest() != sha256:
        return HASH_MISMATCH
    return ""


def blob_size(conn: Connection, sha256: str) -> int | None:
    size = conn.execute(select(blobs.c.size).where(blobs.c.sha256 == sha256)).scalar()
    return None if size is None else int(size)


def read_blob(conn: Connection, who: Principal, sha256: str) -> bytes | None:
    """The bytes of a blob the caller may read (blob_scope.may_read), else None (missing and
    forbidden look the same)."""
    if not may_read(conn, who, sha256):
        return None
    data = conn.execute(select(blobs.c.data).where(blobs.c.sha256 == sha256)).scalar()
    return None if data is None else bytes(data)


# -- resumable uploads ---------------------------------------------------------------------------
class OffsetMismatch(Exception):
    """The chunk does not start where the server's copy of the upload ends."""

    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


def upload_offset(conn: Connection, sha256: str, username: str) -> int:
    """How many bytes of `username`'s unfinished upload of `sha256` the server holds (0: none)."""
    value = conn.execute(
        select(blob_uploads.c.received).where(
            blob_uploads.c.sha256 == sha256, blob_uploads.c.username == username
        )
    ).scalar()
    return int(value or 0)


def _drop_upload(conn: Connection, sha256: str, username: str) -> None:
    conn.execute(
        delete(blob_chunks).where(blob_chunks.c.sha256 == sha256, blob_chunks.c.username == username)
    )
    conn.execute(
        delete(blob_uploads).where(blob_uploads.c.sha256 == sha256, blob_uploads.c.username == username)
    )


def purge_stale_uploads(
    engine: Engine, *, older_than_days: float = STALE_UPLOAD_DAYS, now_ms: int | None = None
) -> int:
    """Remove unfinished uploads nobody added to for `older_than_days`; returns how many."""
    with write_transaction(engine) as conn:
        return _purge_stale_on(conn, older_than_days=older_than_days, now_ms=now_ms)


def _purge_stale_on(conn: Connection, *, older_than_days: float, now_ms: int | None = None) -> int:
    cutoff = (_now_ms() if now_ms is None else now_ms) - int(older_than_days * _DAY_MS)
    stale = conn.execute(
        select(blob_uploads.c.sha256, blob_uploads.c.username).where(blob_uploads.c.updated_ms < cutoff)
    ).all()
    for sha256, username in stale:
        _drop_upload(conn, sha256, username)
    return len(stale)


def append_chunk(
    engine: Engine, who: Principal, sha256: str, *, offset: int, length: int, chunk: bytes
) -> BlobUploadStatus:
    """Store one chunk of `who`'s upload; once all `length` bytes are here, verify and publish.

    Raises OffsetMismatch (answer 409 with the server's offset) or HTTPException (413, 400)."""
    if length > MAX_BLOB_BYTES:
        raise HTTPException(413, TOO_BIG)
    if offset + len(chunk) > length:
        raise HTTPException(400, "附件分段超出了声明的总长度（Upload-Length）")
    now = _now_ms()
    try:
        with write_transaction(engine) as conn:
            done = blob_size(conn, sha256)
            # Already complete and held by the caller (its lost response, a colleague's upload):
            # idempotent. Stored but never uploaded by its offices: the bytes must come, as proof.
            if done is not None and holds(conn, who, sha256):
                _drop_upload(conn, sha256, who.username)
                return BlobUploadStatus(sha256=sha256, offset=done, length=done, complete=True)
            stmt = select(blob_uploads.c.length, blob_uploads.c.received).where(
                blob_uploads.c.sha256 == sha256, blob_uploads.c.username == who.username
            )
            if conn.dialect.name == "postgresql":
                stmt = stmt.with_for_update()  # two PATCHes of one upload serialise here
            upload = conn.execute(stmt).first()
            if upload is not None and int(upload.length) != length:
                # Same content hash, another length: the earlier attempt was broken; start afresh.
                _drop_upload(conn, sha256, who.username)
                upload = None
            received = int(upload.received) if upload is not None else 0
            if offset != received:
                raise OffsetMismatch(received)
            if upload is None:
                problem = over_quota(conn, who, sha256, length)
                if problem:
                    raise HTTPException(413, problem)
                # Starting an upload is the moment to sweep partials abandoned long ago.
                _purge_stale_on(conn, older_than_days=STALE_UPLOAD_DAYS, now_ms=now)
                conn.execute(
                    insert(blob_uploads).values(
                        sha256=sha256,
                        username=who.username,
                        length=length,
                        received=0,
                        started_ms=now,
                        updated_ms=now,
                    )
                )
            if chunk:
                conn.execute(
                    insert(blob_chunks).values(sha256=sha256, username=who.username, start=offset, data=chunk)
                )
            received += len(chunk)
            conn.execute(
                update(blob_uploads)
                .where(blob_uploads.c.sha256 == sha256, blob_uploads.c.username == who.username)
                .values(received=received, updated_ms=now)
            )
    except IntegrityError:
        # A concurrent PATCH of the same upload got there first (PostgreSQL): tell the client where
        # the upload stands now so it continues from there.
        with engine.connect() as conn:
            raise OffsetMismatch(upload_offset(conn, sha256, who.username)) from None
    if received < length:
        server_fault("mid-blob-upload")  # test hook: the server dies with part of the blob stored
        return BlobUploadStatus(sha256=sha256, offset=received, length=length, complete=False)
    return _finish(engine, who, sha256, length)


def _finish(engine: Engine, who: Principal, sha256: str, length: int) -> BlobUploadStatus:
    """All bytes are here: verify the whole and publish it, or discard the partial."""
    # Read and hash outside the write transaction: on SQLite that lock serialises every push, and
    # hashing 50 MB takes ~0.1 s. Safe: a complete upload accepts no further chunk.
    with engine.connect() as conn:
        done = blob_size(conn, sha256) is not None and holds(conn, who, sha256)
        parts = (
            []
            if done
            else conn.execute(
                select(blob_chunks.c.start, blob_chunks.c.data)
                .where(blob_chunks.c.sha256 == sha256, blob_chunks.c.username == who.username)
                .order_by(blob_chunks.c.start)
            ).all()
        )
    pieces: list[bytes] = []
    contiguous, at = True, 0
    for start, part in parts:  # chunks are only ever appended at the end; checked anyway
        contiguous = contiguous and int(start) == at
        pieces.append(bytes(part))
        at += len(pieces[-1])
    data = b"".join(pieces)
    bad = not done and (len(data) != length or not contiguous or hashlib.sha256(data).hexdigest() != sha256)
    try:
        with write_transaction(engine) as conn:
            if not done and not bad:
                _store_on(conn, sha256, data, who.username)
                grant_upload(conn, who, sha256, length)
            _drop_upload(conn, sha256, who.username)
    except IntegrityError:
        with write_transaction(engine) as conn:  # a concurrent upload stored the same bytes first
            _drop_upload(conn, sha256, who.username)
    if bad:
        # Committed above: the partial is gone, so the next attempt starts from 0 with good bytes.
        raise HTTPException(400, RESUME_MISMATCH, headers={UPLOAD_OFFSET_HEADER: "0"})
    return BlobUploadStatus(sha256=sha256, offset=length, length=length, complete=True)


# -- HTTP ----------------------------------------------------------------------------------------
async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it exceeds `limit` (gzip bodies are inflated
    with the same bound). A client that disconnects mid-body gets nothing stored."""
    gzipped = "gzip" in request.headers.get("content-encoding", "")
    cap = MAX_GZIP_BODY_BYTES if gzipped else limit
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise HTTPException(413, TOO_BIG)
    parts: list[bytes] = []
    size = 0
    try:
        async for part in request.stream():
            size += len(part)
            if size > cap:
                raise HTTPException(413, TOO_BIG)
            parts.append(part)
    except ClientDisconnect:
        raise HTTPException(400, "上传中断，未保存") from None
    raw = b"".join(parts)
    return inflate_bounded(raw, limit, TOO_BIG) if gzipped else raw


def inflate_bounded(raw: bytes, limit: int, too_big: str) -> bytes:
    """A gzip body inflated to at most `limit` bytes (413 `too_big` beyond): a small "gzip bomb"
    must not exhaust the server's memory. Used for blob uploads and for every JSON request."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, limit + 1)
    except zlib.error as exc:
        raise HTTPException(400, "请求体解压失败") from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise HTTPException(413, too_big)
    return out


def blob_routes(
    engine: Engine,
    *,
    checked: list[Any],
    principal: Callable[..., Any],
    errors: dict[int | str, dict[str, Any]],
) -> APIRouter:
    """The /blobs endpoints; `checked` and `principal` are the app's version and login dependencies."""
    router = APIRouter()
    Who = Annotated[Principal, Depends(principal)]
    not_found: dict[int | str, dict[str, Any]] = {**errors, 404: {"model": ErrorResponse}}
    rejected: dict[int | str, dict[str, Any]] = {
        **errors,
        400: {"model": ErrorResponse},
        413: {"model": ErrorResponse},
    }

    def head(sha256: str, who: Principal) -> Response:
        with engine.connect() as conn:
            # A blob its offices never uploaded looks exactly like one the server never saw.
            size = blob_size(conn, sha256) if holds(conn, who, sha256) else None
            if size is None:
                # 404 + how much of the caller's own upload is here: the client resumes from there.
                held = upload_offset(conn, sha256, who.username)
                return Response(status_code=404, headers={UPLOAD_OFFSET_HEADER: str(held)})
        return Response(status_code=200, headers={BLOB_SIZE_HEADER: str(size)})

    def _put(sha256: str, data: bytes, who: Principal) -> None:
        with engine.connect() as conn:
            problem = "" if holds(conn, who, sha256) else over_quota(conn, who, sha256, len(data))
        if problem:
            raise HTTPException(413, problem)
        store_blob(engine, sha256, data, who)

    @router.head("/blobs/{sha256}", dependencies=checked, responses=not_found)
    def blob_head(sha256: Sha256, who: Who) -> Response:
        return head(sha256, who)

    @router.put("/blobs/{sha256}", dependencies=checked, responses=rejected)
    async def blob_put(sha256: Sha256, request: Request, who: Who) -> dict[str, Any]:
        data = await read_body(request, MAX_BLOB_BYTES)
        problem = verify_blob(sha256, data)
        if problem:
            raise HTTPException(413 if problem == TOO_BIG else 400, problem)
        server_fault("mid-blob-upload")
        await run_in_threadpool(_put, sha256, data, who)
        return {"sha256": sha256, "size": len(data)}

    @router.patch(
        "/blobs/{sha256}",
        dependencies=checked,
        response_model=BlobUploadStatus,
        responses={**rejected, 409: {"model": ErrorResponse}},
    )
    async def blob_patch(
        sha256: Sha256,
        request: Request,
        who: Who,
        upload_offset: Annotated[
            int, Header(alias=UPLOAD_OFFSET_HEADER, ge=0, le=2**62, description="本段在整个附件中的起始字节")
        ],
        upload_length: Annotated[
            int, Header(alias=UPLOAD_LENGTH_HEADER, ge=0, le=2**62, description="整个附件的字节数")
        ],
    ) -> Response:
        if upload_length > MAX_BLOB_BYTES:
            raise HTTPException(413, TOO_BIG)
        chunk = await read_body(request, MAX_BLOB_CHUNK_BYTES)
        try:
            status = await run_in_threadpool(
                append_chunk, engine, who, sha256, offset=upload_offset, length=upload_length, chunk=chunk
            )
        except OffsetMismatch as exc:
            raise HTTPException(
                409,
                f"上传位置不一致：服务器已收到 {exc.received} 字节，请从该位置继续",
                headers={UPLOAD_OFFSET_HEADER: str(exc.received)},
            ) from None
        return Response(
            status.model_dump_json(),
            media_type="application/json",
            headers={UPLOAD_OFFSET_HEADER: str(status.offset)},
        )

    @router.get("/blobs/{sha256}", dependencies=checked, responses=not_found)
    def blob_get(sha256: Sha256, who: Who) -> Response:
        with engine.connect() as conn:
            data = read_blob(conn, who, sha256)
        if data is None:
            raise HTTPException(404, NOT_ON_SERVER)
        return Response(data, media_type="application/octet-stream")

    return router


def count_uploads(engine: Engine) -> int:
    """Unfinished uploads held (for diagnostics and tests)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(blob_uploads)).scalar_one())
