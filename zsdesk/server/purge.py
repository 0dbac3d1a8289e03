"""Tombstone purge horizon (SYNC.md §6): old tombstones are removed, old cursors must re-snapshot.

Deleted rows replicate as tombstones; removing one while a laptop that still has the row is offline
would let that row live on there (pouchdb #7645). So:

* Tombstones are purged only when older than a horizon (default 180 days, longer than any offline
  window we expect). Age is measured on the server's clock, never a client's: `seq_marks` records
  "at time T the server seq was S" (at every server start and every purge run; run the purge daily
  from cron so the marks are dense). A tombstone with version <= the newest mark older than the
  horizon is certainly older than the horizon; without such a mark nothing is purged.
* The purge removes the tombstone row with its change log, exits and conflicts, and raises the
  `purge_seq` (the highest purged version) in the same transaction, under the counter lock.
* A pull whose cursor lies below `purge_seq` may have missed a purged tombstone: it is answered with
  HTTP 409 and the client re-snapshots (pushes its outbox, pulls from 0 with `resnapshot=1`, then
  drops the synced rows the server no longer has; rows with pending ops are never touched).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from .db import changes, conflicts, counter, exits, records, write_transaction
from .push import lock_counter

DEFAULT_HORIZON_DAYS = 180
_DAY_MS = 24 * 3600 * 1000
_CHUNK = 500

# Own metadata, so the purge tables are created by `init_purge` without touching db.py's schema.
purge_metadata = MetaData()

seq_marks = Table(
    "seq_marks",
    purge_metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at_ms", BigInteger, nullable=False),
)

server_state = Table(
    "server_state",
    purge_metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

PURGE_SEQ_KEY = "purge_seq"


@dataclass
class PurgeReport:
    purged: int  # tombstones removed by this run
    horizon_seq: int  # tombstones with a version up to this seq were old enough
    purge_seq: int  # cursors below this must re-snapshot


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def init_purge(engine: Engine) -> None:
    """Create the purge tables (idempotent) and record where the server seq stands now."""
    purge_metadata.create_all(engine)
    mark_seq(engine)


def mark_seq(engine: Engine, at_ms: int | None = None) -> None:
    """Record "at `at_ms` the server seq was S" (the ruler that turns days into seqs)."""
    at = _now_ms() if at_ms is None else at_ms
    try:
        with write_transaction(engine) as conn:
            seq = int(conn.execute(select(counter.c.seq).where(counter.c.id == 1)).scalar_one())
            if conn.execute(select(seq_marks.c.seq).where(seq_marks.c.seq == seq)).first() is None:
                conn.execute(insert(seq_marks).values(seq=seq, at_ms=at))
    except IntegrityError:
        pass  # another worker recorded the same seq at the same moment


def purge_seq(engine: Engine) -> int:
    """Cursors below this may have missed a purged tombstone (0: nothing was ever purged)."""
    with engine.connect() as conn:
        return purge_seq_on(conn)


def purge_seq_on(conn: Connection) -> int:
    """`purge_seq` read on a connection the caller already holds (the pull page's own)."""
    value = conn.execute(select(server_state.c.value).where(server_state.c.key == PURGE_SEQ_KEY)).scalar()
    return int(value) if value else 0


def purge_tombstones(
    engine: Engine, *, older_than_days: float = DEFAULT_HORIZON_DAYS, now_ms: int | None = None
) -> PurgeReport:
    """Remove tombstones older than the horizon; returns what was purged and the new purge seq."""
    now = _now_ms() if now_ms is None else now_ms
    mark_seq(engine, now)
    cutoff = now - int(older_than_days * _DAY_MS)
    with write_transaction(engine) as conn:
        horizon = conn.execute(select(func.max(seq_marks.c.seq)).where(seq_marks.c.at_ms <= cutoff)).scalar()
        horizon = int(horizon or 0)
        # The victims are locked (PostgreSQL: FOR UPDATE, in the order push.py locks rows) before the
        # counter, as a push does: a push holding one of them finishes first, and a row it undeleted
        # or changed no longer matches. Then no push interleaves until the purge commits.
        stmt = (
            select(records.c.table_name, records.c.id, records.c.version)
            .where(records.c.deleted.is_(True), records.c.version <= horizon)
            .order_by(records.c.table_name, records.c.id)
        )
        victims = conn.execute(stmt.with_for_update()).all() if horizon else []
        lock_counter(conn, engine)
        current = conn.execute(
            select(server_state.c.value).where(server_state.c.key == PURGE_SEQ_KEY)
        ).scalar()
        old_purge_seq = int(current) if current else 0
        new_purge_seq = max([old_purge_seq, *(int(v) for _, _, v in victims)])
        ids = [row_id for _, row_id, _ in victims]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            # Row ids are client-made UUIDs, unique across tables, so the id alone is enough.
            conn.execute(
                delete(records).where(
                    records.c.id.in_(chunk), records.c.deleted.is_(True), records.c.version <= horizon
                )
            )
            conn.execute(delete(changes).where(changes.c.row_id.in_(chunk)))
            conn.execute(delete(exits).where(exits.c.row_id.in_(chunk)))
            conn.execute(delete(conflicts).where(conflicts.c.row_id.in_(chunk)))
        if new_purge_seq != old_purge_seq:
            if current is None:
                conn.execute(insert(server_state).values(key=PURGE_SEQ_KEY, value=str(new_purge_seq)))
            else:
                conn.execute(
                    update(server_state)
                    .where(server_state.c.key == PURGE_SEQ_KEY)
                    .values(value=str(new_purge_seq))
                )
    return PurgeReport(purged=len(ids), horizon_seq=horizon, purge_seq=new_purge_seq)
