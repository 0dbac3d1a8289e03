"""Importing a laptop's signed sync bundle at the server and writing the signed answer (SYNC.md §11).

The ops go through `push.apply_push`, exactly like `POST /sync/push` (same scope checks, merge,
idempotency by op id: importing a bundle twice returns the stored results and changes nothing); the
answer carries those results plus the pull pages since the bundle's cursor, built by `pull.build_page`
as for `GET /sync/pull`, so an air-gapped laptop converges exactly like an online one.

Attachment bytes (bundle format 2): the laptop's bundle carries the blobs it has not uploaded yet;
they are verified (signature, then SHA-256 and size, as for `PUT /blobs`) and stored before the ops
are applied, as an online sync uploads blobs before it pushes. The answer names them as stored
(`blobs_stored`, so the laptop stops sending them) and carries the bytes of small attachments of the
caller's scope the laptop lacks: those it asked for (`want_blobs`) and those of attachment records in
the answer's pages, below the laptop's `prefetch_under` (2 MB, as online sync), within
`BUNDLE_BLOB_BUDGET`; the rest follows in the next answer. A version-1 bundle gets a version-1 answer.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from typing import Any

from sqlalchemy import Engine, select

from ..domain.errors import DomainError
from ..sync.bundle import BUNDLE_BLOB_BUDGET, BundleError, bundle_key, read_header, seal, verify
from ..sync.protocol import MAX_BLOB_BYTES, PushRequest
from .auth import Principal, now_ms, store_token, visible_offices
from .blob_scope import holds
from .blobs import blob_size, over_quota, read_blob, store_blob
from .db import token_keys, tokens, users, write_transaction
from .keyfile import server_key, unwrap
from .pull import build_page
from .purge import purge_seq
from .push import apply_push

PUSH_BATCH = 1000
PULL_LIMIT = 2000
BUNDLE_KEY_DAYS = 365
PREFETCH_UNDER = 2 * 1024 * 1024  # as services.sync.PREFETCH_MAX_BYTES, when the laptop names none
MAX_WANTED = 10_000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _principal_and_keys(engine: Engine, username: str) -> tuple[Principal, list[bytes]]:
    now = now_ms()
    with engine.connect() as conn:
        user = conn.execute(select(users).where(users.c.username == username)).first()
        live = conn.execute(
            select(tokens.c.token_hash, token_keys.c.wrapped)
            .outerjoin(token_keys, token_keys.c.token_hash == tokens.c.token_hash)
            .where(tokens.c.username == username, tokens.c.revoked.is_(False), tokens.c.expires_ms > now)
        ).all()
    # keyfile.py: the bundle key's root is stored wrapped under the server key (a token from before
    # it still has its plain SHA-256 as its stored hash until first used online).
    key = server_key(str(engine.url))
    hashes = [unwrap(key, lookup, wrapped) if wrapped else lookup for lookup, wrapped in live]
    if user is None or user.disabled or not hashes:
        # Same message as a bad signature: do not reveal which usernames exist.
        raise BundleError("同步包签名校验失败：文件已被修改、已损坏，或不是该用户的同步包，已拒绝导入")
    principal = Principal(user.username, user.role, frozenset(json.loads(user.offices)))
    return principal, [bundle_key(h) for h in hashes]


def import_bundle(engine: Engine, data: bytes) -> bytes:
    """Verify a request bundle, apply its ops like /sync/push and return the signed answer bundle."""
    header, _ = read_header(data)
    who, keys = _principal_and_keys(engine, header["username"])
    body = verify(data, keys, kind="request")  # also checks every carried blob against its SHA-256
    key = keys[body["_key_index"]]
    ops = body.get("ops") or []
    device = str(body.get("device_id") or "")[:64]
    if not isinstance(ops, list):
        raise BundleError("同步包内容无效，已拒绝导入")
    carried: list[tuple[str, bytes]] = body["_blobs"]
    for sha, raw in carried:
        if not _SHA256.match(sha) or len(raw) > MAX_BLOB_BYTES:
            raise BundleError(f"同步包中的附件 {sha[:12]}… 无效或超过 50 MB，已拒绝导入")
    with engine.connect() as conn:  # the uploader's quota, as for PUT /blobs
        fresh = [(sha, raw) for sha, raw in carried if not holds(conn, who, sha)]
        problem = over_quota(conn, who, "", sum(len(raw) for _, raw in fresh)) if fresh else ""
    if problem:
        raise BundleError(f"同步包中的附件未能导入：{problem}")
    for sha, raw in carried:  # before the ops, as an online sync uploads blobs before it pushes
        store_blob(engine, sha, raw, who)
    results: list[dict[str, Any]] = []
    try:
        for i in range(0, len(ops), PUSH_BATCH):
            request = PushRequest.model_validate({"device_id": device, "ops": ops[i : i + PUSH_BATCH]})
            batch, _seq = apply_push(engine, who, request)
            results.extend(r.model_dump() for r in batch)
    except ValueError as exc:  # pydantic ValidationError: a malformed op
        raise BundleError("同步包中的修改格式无效，已拒绝导入") from exc
    since = body.get("cursor")
    since = since if isinstance(since, int) and since >= 0 else 0
    # A cursor older than the tombstone purge: the answer is a full snapshot (purge.py).
    resnapshot = 0 < since < purge_seq(engine)
    cursor = 0 if resnapshot else since
    pages: list[dict[str, Any]] = []
    while True:
        page = json.loads(build_page(engine, who, since=cursor, limit=PULL_LIMIT, server_time_ms=now_ms()))
        pages.append(page)
        cursor = int(page["cursor"])
        if not page["has_more"]:
            break
    answer = {
        "username": who.username,
        "role": who.role,
        "offices": visible_offices(engine, who),
        "device_id": device,
        "request_id": hashlib.sha256(data).hexdigest(),
        "since": since,
        "resnapshot": resnapshot,
        "results": results,
        "pages": pages,
        "created_ms": now_ms(),
    }
    version = body["_version"]
    if version < 2:  # an older laptop: it reads only format 1, without attachment bytes
        return seal("answer", answer, key, version=version)
    answer["blobs_stored"] = [sha for sha, _ in carried]
    sending = _answer_blobs(engine, who, body, pages, skip={sha for sha, _ in carried})
    return seal("answer", answer, key, blobs=sending, version=version)


def _answer_blobs(
    engine: Engine, who: Principal, body: dict[str, Any], pages: list[dict[str, Any]], *, skip: set[str]
) -> list[tuple[str, bytes]]:
    """Small attachments of the caller's scope the laptop lacks: those it asked for, then those of
    attachment records in the answer's pages (the laptop learns about them only now)."""
    limit = body.get("prefetch_under")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 0 <= limit <= MAX_BLOB_BYTES:
        limit = PREFETCH_UNDER
    wanted = body.get("want_blobs")
    candidates = [w for w in wanted[:MAX_WANTED] if isinstance(w, str)] if isinstance(wanted, list) else []
    for page in pages:
        for row in page["rows"]:
            if row.get("t") == "attachment" and not row.get("d") and not row.get("gone"):
                candidates.append(str(row["data"].get("sha256") or ""))
    out: list[tuple[str, bytes]] = []
    budget = BUNDLE_BLOB_BUDGET
    seen = set(skip)
    with engine.connect() as conn:
        for sha in candidates:
            if sha in seen or not _SHA256.match(sha):
                continue
            seen.add(sha)
            size = blob_size(conn, sha)
            if size is None or size >= limit or size > budget:
                continue  # not uploaded yet, too big to prefetch, or for the next answer
            data = read_blob(conn, who, sha)  # None outside the caller's scope, as for GET /blobs
            if data is not None:
                out.append((sha, data))
                budget -= len(data)
    return out


def issue_bundle_key(engine: Engine, username: str, *, days: int = BUNDLE_KEY_DAYS) -> str:
    """A long-lived token for a laptop that never reaches the server (hand it over on a trusted
    channel); revocable like any token with `revoke-token`."""
    with engine.connect() as conn:
        if conn.execute(select(users.c.username).where(users.c.username == username)).first() is None:
            raise DomainError(f"用户 {username} 不存在，请先运行 add-user")
    token = secrets.token_urlsafe(32)
    now = now_ms()
    with write_transaction(engine) as conn:
        store_token(conn, token, username=username, created_ms=now, expires_ms=now + days * 24 * 3600 * 1000)
    return token
