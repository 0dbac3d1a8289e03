"""Pull pages: the current state of rows changed since a seq, in the caller's scope, tombstones included.

The page is built as JSON text straight from the stored row JSON (no parse/re-serialize), which keeps
a first sync of a large office close to a raw copy.

On PostgreSQL the four reads go through the connection's psycopg cursor with constant SQL (the scope
as one array parameter): every sync pulls at least once, and SQLAlchemy's per-statement compile-cache
lookup, IN-list expansion and result set-up cost more CPU than these small queries themselves. The
Core statements below stay the definition (and the SQLite path); `_PG_*` must select the same thing.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, Engine, and_, select

from ..domain.campaigns import PROVINCE_OFFICE
from .auth import Principal
from .db import changes, conflicts, counter, exits, records, server_identity
from .limits import cut_by_bytes
from .purge import purge_seq_on


def _q(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# The counter, the epoch and the op ids of the changes at the counter and at `since` in one round trip
# (the page's cursor is usually the counter: its tag then needs no further query).
_PG_HEAD = (
    "SELECT c.seq, i.epoch, (SELECT op_id FROM changes WHERE seq = c.seq),"
    " (SELECT op_id FROM changes WHERE seq = %(since)s)"
    " FROM counter c, server_identity i WHERE c.id = 1 AND i.id = 1"
)
_PG_TAGS = "SELECT seq, op_id FROM changes WHERE seq = ANY(CAST(%(seqs)s AS bigint[]))"
_PG_ROWS = (
    "SELECT version, table_name, id, office_id, deleted, data FROM records WHERE version > %(since)s{scope}"
    " ORDER BY version LIMIT %(limit)s"
)
_PG_GONE = (
    "SELECT e.seq, e.table_name, e.row_id FROM exits e"
    " JOIN records r ON r.table_name = e.table_name AND r.id = e.row_id"
    " WHERE e.seq > %(since)s AND e.office_id = ANY(CAST(%(scope)s AS text[]))"
    " AND NOT r.office_id = ANY(CAST(%(scope)s AS text[]))"
    " ORDER BY e.seq LIMIT %(limit)s"
)
_PG_CONFLICTS = "SELECT body FROM conflicts WHERE seq > %(since)s AND seq <= %(cursor)s{scope} ORDER BY seq"
_IN_SCOPE = " AND office_id = ANY(CAST(%(scope)s AS text[]))"


def _head(
    seq: int, epoch: str, at_seq: str | None, since: int, at_since: str | None
) -> tuple[int, str, dict[int, str]]:
    """(counter, epoch, {seq: op id} of the changes at the counter and at `since` that exist)."""
    known = {q: str(o) for q, o in ((seq, at_seq), (since, at_since)) if o is not None}
    return seq, epoch, known


class _PgReads:
    """The page's reads through the raw psycopg cursor of the SQLAlchemy connection (same transaction)."""

    def __init__(self, conn: Connection, principal: Principal, scope: list[str], since: int, limit: int):
        self.cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self.in_scope = "" if principal.is_admin else _IN_SCOPE
        self.params: dict[str, Any] = {"since": since, "limit": limit + 1, "scope": scope}

    def head(self) -> tuple[int, str, dict[int, str]]:
        seq, epoch, at_seq, at_since = self.cur.execute(_PG_HEAD, self.params).fetchone()
        return _head(int(seq), str(epoch), at_seq, int(self.params["since"]), at_since)

    def op_ids(self, seqs: list[int]) -> dict[int, str]:
        return {int(q): str(o) for q, o in self.cur.execute(_PG_TAGS, {"seqs": seqs}).fetchall()}

    def rows(self) -> list[Any]:
        return self.cur.execute(_PG_ROWS.format(scope=self.in_scope), self.params).fetchall()

    def gone(self) -> list[Any]:
        return self.cur.execute(_PG_GONE, self.params).fetchall()

    def conflicts(self, cursor: int) -> list[Any]:
        sql = _PG_CONFLICTS.format(scope=self.in_scope)
        found = self.cur.execute(sql, {**self.params, "cursor": cursor}).fetchall()
        self.cur.close()
        return found


class _CoreReads:
    """The page's reads as SQLAlchemy Core statements (SQLite; the definition `_PG_*` mirrors)."""

    def __init__(self, conn: Connection, principal: Principal, scope: list[str], since: int, limit: int):
        self.conn, self.principal, self.scope, self.since, self.limit = conn, principal, scope, since, limit

    def head(self) -> tuple[int, str, dict[int, str]]:
        top = select(counter.c.seq).where(counter.c.id == 1).scalar_subquery()
        stmt = select(
            top,
            select(server_identity.c.epoch).where(server_identity.c.id == 1).scalar_subquery(),
            select(changes.c.op_id).where(changes.c.seq == top).scalar_subquery(),
            select(changes.c.op_id).where(changes.c.seq == self.since).scalar_subquery(),
        )
        seq, epoch, at_seq, at_since = self.conn.execute(stmt).one()
        return _head(int(seq), str(epoch), at_seq, self.since, at_since)

    def op_ids(self, seqs: list[int]) -> dict[int, str]:
        stmt = select(changes.c.seq, changes.c.op_id).where(changes.c.seq.in_(seqs))
        return {int(q): str(o) for q, o in self.conn.execute(stmt)}

    def rows(self) -> list[Any]:
        stmt = select(
            records.c.version,
            records.c.table_name,
            records.c.id,
            records.c.office_id,
            records.c.deleted,
            records.c.data,
        ).where(records.c.version > self.since)
        if not self.principal.is_admin:
            stmt = stmt.where(records.c.office_id.in_(self.scope))
        return list(self.conn.execute(stmt.order_by(records.c.version).limit(self.limit + 1)))

    def gone(self) -> list[Any]:
        scope = self.scope
        stmt = (
            select(exits.c.seq, exits.c.table_name, exits.c.row_id)
            .join(records, and_(records.c.table_name == exits.c.table_name, records.c.id == exits.c.row_id))
            .where(exits.c.seq > self.since, exits.c.office_id.in_(scope), records.c.office_id.not_in(scope))
            .order_by(exits.c.seq)
            .limit(self.limit + 1)
        )
        return list(self.conn.execute(stmt))

    def conflicts(self, cursor: int) -> list[Any]:
        cstmt = select(conflicts.c.body).where(conflicts.c.seq > self.since, conflicts.c.seq <= cursor)
        if not self.principal.is_admin:
            cstmt = cstmt.where(conflicts.c.office_id.in_(self.scope))
        return list(self.conn.execute(cstmt.order_by(conflicts.c.seq)))


class ResnapshotNeeded(Exception):
    """The client must pull everything again: `reason` "purged" (the cursor lies below the purge
    point: tombstones it may not have seen were purged) or "restored" (this database never issued
    the cursor, or holds another change at it: it was restored from a backup)."""

    def __init__(self, reason: str = "purged") -> None:
        super().__init__(reason)
        self.reason = reason


def cursor_tag(op_id: str | None) -> str:
    """The name of the change at a cursor handed to the client (a hash: op ids of other offices'
    changes stay unknown). A restored database holds another change at a reused seq: another tag."""
    return hashlib.sha256(op_id.encode()).hexdigest()[:16] if op_id else ""


def build_page(
    engine: Engine,
    principal: Principal,
    *,
    since: int,
    limit: int,
    server_time_ms: int,
    guard_purge: bool = False,
    tag: str = "",
) -> str:
    """One page of the pull feed as a JSON document (shape: sync.protocol.PullResponse).

    With `guard_purge`, raises ResnapshotNeeded when `since` is below the purge point, read on the
    page's own connection after the page (a purge committed before the page's reads is seen).
    With it too, raises ResnapshotNeeded("restored") when `since` lies beyond the counter (a cursor this database
    never issued) or `tag` names another change than the one now at `since` (SERVER.md, identity).
    """
    scope = sorted(principal.offices)
    with engine.connect() as conn:
        pg = conn.dialect.name == "postgresql"
        if pg:
            # Each read is its own statement with its own snapshot either way (READ COMMITTED);
            # autocommit spares the BEGIN and the ROLLBACK round trips of a transaction that writes
            # nothing. (SQLite keeps its one read transaction: there it is one snapshot for the page.)
            conn.execution_options(isolation_level="AUTOCOMMIT")
        # Province-wide rows (campaigns) reach every scope; the scope key below stays the user's own.
        reads = (_PgReads if pg else _CoreReads)(conn, principal, [*scope, PROVINCE_OFFICE], since, limit)
        server_seq, epoch, op_ids = reads.head()
        if (
            guard_purge
            and since
            and (since > server_seq or (tag and since in op_ids and cursor_tag(op_ids[since]) != tag))
        ):
            raise ResnapshotNeeded("restored")
        items: list[tuple[int, str]] = []
        for version, table, row_id, office, deleted, data in reads.rows():
            items.append(
                (
                    int(version),
                    f'{{"t":{_q(table)},"id":{_q(row_id)},"o":{_q(office)},"v":{int(version)},'
                    f'"d":{"true" if deleted else "false"},"data":{data}}}',
                )
            )
        if not principal.is_admin and scope:
            # Rows that moved to an office outside the scope: tell the client to drop them.
            for seq, table, row_id in reads.gone():
                items.append((int(seq), f'{{"t":{_q(table)},"id":{_q(row_id)},"v":{int(seq)},"gone":true}}'))
            items.sort(key=lambda item: item[0])
        take = cut_by_bytes(items, limit)  # limits.py: a page is capped by bytes as well as rows
        has_more = len(items) > take
        page = items[:take]
        cursor = page[-1][0] if has_more else max(server_seq, page[-1][0] if page else since, since)
        if cursor and cursor not in op_ids:  # a big pull's page, or a push committed since the head
            op_ids.update(reads.op_ids([cursor]))
        found = [body for (body,) in reads.conflicts(cursor)]
        if guard_purge and since and since < purge_seq_on(conn):
            raise ResnapshotNeeded
    # The scope the page was cut for: a client whose scope changed re-pulls from 0 (older rows of a
    # newly visible office lie behind its cursor) and drops rows it may no longer see.
    scope_key = "*" if principal.is_admin else ",".join(scope)
    return (
        f'{{"scope":{_q(scope_key)},"rows":[{",".join(text for _, text in page)}],"conflicts":[{",".join(found)}],'
        f'"epoch":{_q(epoch)},"cursor_tag":{_q(cursor_tag(op_ids.get(cursor)))},'
        f'"cursor":{cursor},"has_more":{"true" if has_more else "false"},'
        f'"server_seq":{server_seq},"server_time_ms":{server_time_ms}}}'
    )
