"""Who may read an attachment's bytes: possession proven by upload, plus a live record in scope.

Knowing a SHA-256 is never enough. `blob_holders` lists, per blob, who proved possession of its bytes
by uploading them (verified against the hash): the uploader (`user:<name>`) and each office of the
uploader's scope. A caller may

* learn that a blob exists (`HEAD` 200) only if it or one of its offices holds it; otherwise `HEAD`
  answers exactly as for a blob the server never saw (404, its own upload offset), and uploading the
  bytes is how an office proves it has them;
* read the bytes (`GET`, a bundle's `want_blobs`) only through a live (not deleted) attachment record
  referencing the hash, in an office of its scope that holds the blob.

An attachment record pushed by someone who holds the blob passes possession to the record's office
(an admin attaching for an office, a lead moving a record between offices); a record planted by
someone who does not hold it passes nothing, and deleting it leaves nothing behind.

Each user's uploads count against `USER_QUOTA_BYTES`; blobs no attachment record references are
removed by `purge_orphan_blobs` once `ORPHAN_GRACE_DAYS` passed since their last upload (an upload
comes before the push of its record).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError

from .auth import Principal
from .db import blobs, records, users, write_transaction

USER_QUOTA_BYTES = int(os.environ.get("ZSDESK_UPLOAD_QUOTA_MB", "10240")) * 1024 * 1024
ORPHAN_GRACE_DAYS = 7
_DAY_MS = 24 * 3600 * 1000

scope_metadata = MetaData()

blob_holders = Table(
    "blob_holders",
    scope_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("holder", String(120), primary_key=True),  # an office id, or "user:<username>"
    Column("size", BigInteger, nullable=False),
    Column("at_ms", BigInteger, nullable=False),
    Index("blob_holders_holder", "holder"),
)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _user(username: str) -> str:
    return f"user:{username}"


def init_blob_scope(engine: Engine) -> None:
    """Create `blob_holders`; on a database from before it, credit each blob to its uploader."""
    scope_metadata.create_all(engine)
    try:
        _credit_uploaders(engine)
    except IntegrityError:
        pass  # another worker credited them at the same moment


def _credit_uploaders(engine: Engine) -> None:
    with write_transaction(engine) as conn:
        if conn.execute(select(blob_holders.c.sha256).limit(1)).first() is not None:
            return
        stored = conn.execute(select(blobs.c.sha256, blobs.c.size, blobs.c.uploaded_by)).all()
        if not stored:
            return
        scopes = {
            name: json.loads(offices)
            for name, offices in conn.execute(select(users.c.username, users.c.offices))
        }
        now = _now_ms()
        rows = []
        for sha, size, uploader in stored:
            for holder in {_user(uploader), *scopes.get(uploader, [])}:
                rows.append({"sha256": sha, "holder": holder, "size": int(size), "at_ms": now})
        conn.execute(insert(blob_holders), rows)


def _holders_of(who: Principal) -> list[str]:
    return [_user(who.username), *sorted(who.offices)]


def holds(conn: Connection, who: Principal, sha256: str) -> bool:
    """The caller (or one of its offices) proved possession of these bytes; an admin sees all."""
    stmt = select(blob_holders.c.holder).where(blob_holders.c.sha256 == sha256)
    if not who.is_admin:
        stmt = stmt.where(blob_holders.c.holder.in_(_holders_of(who)))
    return conn.execute(stmt.limit(1)).first() is not None


def _record_offices(conn: Connection, sha256: str) -> set[str]:
    """Offices of live attachment records referencing `sha256`."""
    found = set()
    stmt = select(records.c.office_id, records.c.data).where(
        records.c.table_name == "attachment",
        records.c.deleted.is_(False),
        records.c.data.like(f'%"{sha256}"%'),
    )
    for office, data in conn.execute(stmt):
        if json.loads(data).get("sha256") == sha256:
            found.add(office)
    return found


def may_read(conn: Connection, who: Principal, sha256: str) -> bool:
    """A live attachment record referencing the blob, in the caller's scope, in an office holding it."""
    offices = {o for o in _record_offices(conn, sha256) if who.can_see(o)}
    if not offices:
        return False
    held = conn.execute(
        select(blob_holders.c.holder).where(
            blob_holders.c.sha256 == sha256, blob_holders.c.holder.in_(sorted(offices))
        )
    ).first()
    return held is not None


def grant(conn: Connection, sha256: str, size: int, holders: Iterable[str]) -> None:
    have = set(conn.execute(select(blob_holders.c.holder).where(blob_holders.c.sha256 == sha256)).scalars())
    now = _now_ms()
    new = [{"sha256": sha256, "holder": h, "size": size, "at_ms": now} for h in sorted(set(holders) - have)]
    if new:
        conn.execute(insert(blob_holders), new)


def grant_upload(conn: Connection, who: Principal, sha256: str, size: int) -> None:
    """`who` uploaded bytes that matched `sha256`: it and its offices now hold the blob."""
    grant(conn, sha256, size, _holders_of(who))


def used_bytes(conn: Connection, username: str) -> int:
    """Bytes of the blobs `username` uploaded (each counted once), for the quota."""
    total = conn.execute(
        select(func.coalesce(func.sum(blob_holders.c.size), 0)).where(
            blob_holders.c.holder == _user(username)
        )
    ).scalar_one()
    return int(total)


def grant_record_offices(engine: Engine, who: Principal, row_ids: list[str]) -> None:
    """After a push of attachment records: each record's office holds its blob when the pusher did."""
    if not row_ids:
        return
    try:
        with write_transaction(engine) as conn:
            found = conn.execute(
                select(records.c.office_id, records.c.data).where(
                    records.c.table_name == "attachment", records.c.id.in_(row_ids[:1000])
                )
            ).all()
            for office, data in found:
                sha = json.loads(data).get("sha256")
                if not isinstance(sha, str) or not holds(conn, who, sha):
                    continue
                size = conn.execute(select(blobs.c.size).where(blobs.c.sha256 == sha)).scalar()
                if size is not None:
                    grant(conn, sha, int(size), [office])
    except IntegrityError:
        pass  # a concurrent push granted the same office first


def purge_orphan_blobs(
    engine: Engine, *, grace_days: float = ORPHAN_GRACE_DAYS, now_ms: int | None = None
) -> int:
    """Remove blobs no attachment record (live or deleted) references, uploaded over `grace_days`
    ago; returns how many. Their holders go too, which frees their uploaders' quota."""
    cutoff = (_now_ms() if now_ms is None else now_ms) - int(grace_days * _DAY_MS)
    with write_transaction(engine) as conn:
        referenced = set()
        for (data,) in conn.execute(select(records.c.data).where(records.c.table_name == "attachment")):
            sha = json.loads(data).get("sha256")
            if isinstance(sha, str):
                referenced.add(sha)
        newest = dict(
            conn.execute(
                select(blob_holders.c.sha256, func.max(blob_holders.c.at_ms)).group_by(blob_holders.c.sha256)
            ).all()
        )
        victims = [
            sha
            for (sha,) in conn.execute(select(blobs.c.sha256))
            if sha not in referenced and int(newest.get(sha) or 0) < cutoff
        ]
        for i in range(0, len(victims), 500):
            chunk = victims[i : i + 500]
            conn.execute(delete(blobs).where(blobs.c.sha256.in_(chunk)))
            conn.execute(delete(blob_holders).where(blob_holders.c.sha256.in_(chunk)))
    return len(victims)
