"""The push transaction: a batch of ops merged under the counter lock, each op's result stored once.

Everything between locking the counter and COMMIT serialises all pushes, so that section is kept to
a few round trips. On PostgreSQL each lookup is one `= ANY(array)` query on the raw psycopg cursor
(SQLAlchemy's per-statement overhead was a large share of a push's CPU), and all of the writes plus
the counter update are ONE statement (data-modifying CTEs, each batch read from a single JSON
parameter by `json_populate_recordset`) instead of a pipelined executemany per table whose per-row
Python cost ran while every other push waited. Each round trip also gives up the GIL, and getting it
back can take a switch interval while request threads run, so fewer round trips under the lock is
what raises concurrent throughput. SQLite (one writer at a time anyway) keeps IN lists and executemany.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Select,
    Table,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from ..domain.ids import uuid7
from ..sync.protocol import ConflictInfo, Op, OpResult, PushRequest
from .auth import Principal, now_ms
from .blob_scope import grant_record_offices
from .db import changes, conflicts, counter, exits, is_sqlite, ops, records, write_transaction
from .merge import MergeResult, Row, check_scope, merge_op
from .resolve import apply_resolve
from .validate import Checked, check_op, clean_device

_CHUNK = 500
_PIPELINE_MAX_CHARS = 1_000_000  # _write_pg: larger writes are not pipelined


def server_fault(point: str) -> None:
    """Test hook (ZSDESK_SERVER_FAULT=point): the server dies like a power cut at a named point."""
    if os.environ.get("ZSDESK_SERVER_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _is_pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _fetch_among(
    conn: Connection,
    pg_sql: str,
    core: Callable[[ColumnElement[bool]], Select[Any]],
    column: Any,
    ids: list[str],
) -> list[Any]:
    """Rows whose `column` is one of `ids`. PostgreSQL: `pg_sql` (the same query as `core`, with
    `= ANY(%(ids)s)`) once on the transaction's raw psycopg cursor; elsewhere Core with IN chunks."""
    if _is_pg(conn):
        cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            return cur.execute(pg_sql, {"ids": ids}).fetchall()
        finally:
            cur.close()
    return [r for chunk in _chunks(ids) for r in conn.execute(core(column.in_(chunk)))]


def _write_pg(
    conn: Connection,
    batches: list[tuple[Table, list[dict[str, Any]]]],
    updates: list[dict[str, Any]],
    closed: list[dict[str, Any]],
    seq: int | None,
) -> None:
    """Every write of a push and the new counter value as one PostgreSQL statement, sent together with
    the COMMIT in one pipeline: one round trip under the counter lock (a separate COMMIT cost the
    lock holder another wait for the GIL while other requests ran). The CTEs touch disjoint rows, so
    seeing one snapshot is harmless. Commits the transaction (SQLAlchemy's COMMIT then finds nothing
    to do)."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, (table, batch) in enumerate(batches):
        if batch:
            # Raw SQL skips SQLAlchemy's Python-side column defaults (e.g. conflicts.resolved): add them.
            for col in table.c:
                if col.name not in batch[0] and isinstance(col.default, ScalarElementColumnDefault):
                    batch = [{**row, col.name: col.default.arg} for row in batch]
            cols = ", ".join(batch[0])
            parts.append(
                f"w{i} AS (INSERT INTO {table.name} ({cols}) SELECT {cols}"
                f" FROM json_populate_recordset(NULL::{table.name}, CAST(%(w{i})s AS json)))"
            )
            params[f"w{i}"] = _dumps(batch)
    if updates:
        parts.append(
            "u AS (UPDATE records AS r SET office_id = v.office_id, data = v.data, meta = v.meta,"
            " version = v.version, deleted = v.deleted, merged_into = v.merged_into"
            " FROM json_populate_recordset(NULL::records, CAST(%(u)s AS json)) AS v"
            " WHERE r.table_name = v.table_name AND r.id = v.id)"
        )
        params["u"] = _dumps(updates)
    if closed:
        parts.append(
            "k AS (UPDATE conflicts AS c SET seq = v.seq, body = v.body, resolved = v.resolved,"
            " office_id = v.office_id FROM json_to_recordset(CAST(%(k)s AS json))"
            " AS v(k_id text, seq bigint, body text, resolved boolean, office_id text)"
            " WHERE c.id = v.k_id)"
        )
        params["k"] = _dumps(closed)
    if not parts and seq is None:
        return
    if seq is None:
        final = "SELECT 1"
    else:
        final = "UPDATE counter SET seq = %(seq)s WHERE id = 1"
        params["seq"] = seq
    sql = (f"WITH {', '.join(parts)} " if parts else "") + final
    db: Any = conn.connection.dbapi_connection  # psycopg's own connection: pipeline()
    if sum(len(v) for v in params.values() if isinstance(v, str)) > _PIPELINE_MAX_CHARS:
        # A large push (megabytes of text) deadlocked in pipeline mode (the client blocked sending
        # while the server waited for the rest of the query): sent plainly, then committed.
        with db.cursor() as cur:
            cur.execute(sql, params)
        db.commit()
        return
    with db.pipeline(), db.cursor() as cur:
        cur.execute(sql, params)
        db.commit()


def lock_counter(conn: Connection, engine: Engine) -> int:
    """Read the seq while holding the write lock (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE on SQLite)."""
    if _is_pg(conn):
        cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            return int(cur.execute("SELECT seq FROM counter WHERE id = 1 FOR UPDATE").fetchone()[0])
        finally:
            cur.close()
    stmt = select(counter.c.seq).where(counter.c.id == 1)
    if not is_sqlite(engine):
        stmt = stmt.with_for_update()
    return int(conn.execute(stmt).scalar_one())


def _load_rows(conn: Connection, row_ids: list[str]) -> dict[str, Row]:
    """The stored rows the push touches. On PostgreSQL they are locked (FOR UPDATE, in id order so two
    pushes never wait for each other crosswise): no other push can change them until this commits."""
    rows: dict[str, Row] = {}
    cols: tuple[Column[Any], ...] = (
        records.c.table_name,
        records.c.id,
        records.c.office_id,
        records.c.data,
        records.c.meta,
    )
    cols += (records.c.version, records.c.deleted)
    found = _fetch_among(
        conn,
        "SELECT table_name, id, office_id, data, meta, version, deleted FROM records"
        " WHERE id = ANY(CAST(%(ids)s AS text[])) ORDER BY table_name, id FOR UPDATE",
        lambda where: select(*cols).where(where),
        records.c.id,
        row_ids,
    )
    for table, row_id, office, data, meta, version, deleted in found:
        rows[row_id] = Row(
            table, row_id, office, json.loads(data), json.loads(meta), int(version), bool(deleted)
        )
    return rows


def _open_conflicts(conn: Connection, row_ids: list[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    cols = (conflicts.c.id, conflicts.c.row_id, conflicts.c.field, conflicts.c.body)
    for conflict_id, row_id, name, body in _fetch_among(
        conn,
        "SELECT id, row_id, field, body FROM conflicts WHERE row_id = ANY(CAST(%(ids)s AS text[])) AND NOT resolved",
        lambda where: select(*cols).where(where, conflicts.c.resolved.is_(False)),
        conflicts.c.row_id,
        row_ids,
    ):
        found.setdefault((row_id, name), []).append((conflict_id, body))
    return found


def _base_value(conn: Connection, row_id: str, name: str, base_version: int) -> Any:
    """The field's value as of the op's base (from the change log); None when it had none."""
    if base_version <= 0:
        return None
    for kind, fields_json in conn.execute(
        select(changes.c.kind, changes.c.fields)
        .where(changes.c.row_id == row_id, changes.c.seq <= base_version)
        .order_by(changes.c.seq.desc())
    ):
        fields = json.loads(fields_json)
        if name in fields:
            return fields[name]
        if kind == "create":
            return None
    return None


# A push that lost a race on PostgreSQL (two first pushes of one new row or one op id, a deadlock)
# is rolled back and run again; the second time it reads what the winner committed.
_ATTEMPTS = 5


def _retryable(exc: Exception) -> bool:
    # SQLAlchemy wraps the driver's error (`orig`); the reads and the write on the raw psycopg
    # connection raise psycopg's own errors, which carry the SQLSTATE themselves.
    code = getattr(exc, "sqlstate", None) or getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in ("23505", "40P01", "40001")  # unique violation, deadlock, serialization failure


def apply_push(engine: Engine, principal: Principal, request: PushRequest) -> tuple[list[OpResult], int]:
    """Apply a batch in one transaction; returns (results in request order, server seq).

    The counter lock serialises every push, so as little as possible happens while it is held. On
    PostgreSQL the push first locks the rows it touches (FOR UPDATE) and reads them, its op ids and
    their open conflicts; only then does it take the counter, merge, write and commit. Pushes to
    different rows read in parallel; pushes to the same row wait for each other on the row lock and
    read what the earlier one committed. A new row has nothing to lock: two first pushes of it race
    to INSERT, the loser gets a unique violation and runs again (as do a reused op id and a
    deadlock). SQLite holds its one write lock from the first statement, so there the order does
    not matter.
    """
    now = now_ms()
    checked = [check_op(op, principal, now) for op in request.ops]  # validate.py: values, clock, author
    answer = _apply_with_retries(engine, principal, request, checked)
    # An attachment record pushed by someone holding its blob passes possession to its office.
    attached = [
        c.op.row_id
        for c, r in zip(checked, answer[0], strict=True)
        if c.op.table == "attachment" and r.seq and c.op.kind in ("create", "update")
    ]
    grant_record_offices(engine, principal, attached)
    return answer


def _apply_with_retries(
    engine: Engine, principal: Principal, request: PushRequest, checked: list[Checked]
) -> tuple[list[OpResult], int]:
    for _ in range(_ATTEMPTS - 1):
        try:
            with write_transaction(engine) as conn:
                return _apply_push_on(conn, engine, principal, request, checked)
        except Exception as exc:
            if is_sqlite(engine) or not _retryable(exc):
                raise
    with write_transaction(engine) as conn:  # the last attempt: whatever it raises goes to the caller
        return _apply_push_on(conn, engine, principal, request, checked)


def _apply_push_on(
    conn: Connection, engine: Engine, principal: Principal, request: PushRequest, checked: list[Checked]
) -> tuple[list[OpResult], int]:
    device = clean_device(request.device_id) or f"user:{principal.username}"
    # Ids with a NUL byte are never looked up or stored (PostgreSQL refuses them): rejected below.
    row_ids = list({c.op.row_id for c in checked if c.storable})
    sqlite = is_sqlite(engine)
    seq = lock_counter(conn, engine) if sqlite else 0
    rows = _load_rows(conn, row_ids)  # PostgreSQL: locked from here to the commit
    op_ids = list({c.op.op_id for c in checked if c.storable})
    known: dict[str, tuple[str, str]] = {}
    for op_id, username, result in _fetch_among(
        conn,
        "SELECT op_id, username, result FROM ops WHERE op_id = ANY(CAST(%(ids)s AS text[]))",
        lambda where: select(ops.c.op_id, ops.c.username, ops.c.result).where(where),
        ops.c.op_id,
        op_ids,
    ):
        known[op_id] = (username, result)
    open_conflicts = _open_conflicts(conn, row_ids)
    if not sqlite:
        seq = lock_counter(conn, engine)  # from here on every other push waits: keep it short
    return _merge_and_write(conn, principal, checked, device, seq, rows, known, open_conflicts)


def _merge_and_write(
    conn: Connection,
    principal: Principal,
    checked: list[Checked],
    device: str,
    seq: int,
    rows: dict[str, Row],
    known: dict[str, tuple[str, str]],
    open_conflicts: dict[tuple[str, str], list[tuple[str, str]]],
) -> tuple[list[OpResult], int]:
    """Merge every op in order (seqs from `seq` + 1, counter held) and write it all in one go."""
    start_seq = seq
    closed: list[dict[str, Any]] = []
    existing = set(rows)
    results: list[OpResult] = []
    done: dict[str, OpResult] = {}
    touched: dict[str, Row] = {}
    new_ops: list[dict[str, Any]] = []
    new_changes: list[dict[str, Any]] = []
    new_exits: list[dict[str, Any]] = []
    new_conflicts: list[dict[str, Any]] = []
    for check in checked:
        op = check.op
        if not check.storable:
            results.append(OpResult(op_id=op.op_id, outcome="rejected", reason=check.reason))
            continue
        if op.op_id in done:  # duplicated inside one batch
            results.append(done[op.op_id])
            continue
        if op.op_id in known:
            username, stored = known[op.op_id]
            if username == principal.username:
                results.append(OpResult.model_validate_json(stored))
            else:
                results.append(
                    OpResult(op_id=op.op_id, outcome="rejected", reason="操作编号已被其他用户使用")
                )
            continue
        if check.reason:  # a value no laptop could store (validate.py): refused, the rest applies
            result, merge = OpResult(op_id=op.op_id, outcome="rejected", reason=check.reason), None
        elif op.kind == "resolve":  # a 冲突 choice (resolve.py): closes the conflict on every laptop
            result, merge = apply_resolve(conn, principal, op, rows, open_conflicts, device, seq + 1)
        else:
            result, merge = _apply_one(conn, principal, op, rows, device, seq + 1)
        if check.warning and result.outcome != "rejected":
            result.reason = result.reason or check.warning
        if merge is not None and result.seq:
            seq += 1
            row = rows[op.row_id]
            touched[op.row_id] = row
            new_changes.append(
                {
                    "seq": seq,
                    "table_name": op.table,
                    "row_id": op.row_id,
                    "office_id": row.office_id,
                    "kind": op.kind,
                    "fields": _dumps(merge.changed),
                    "author": op.author[:100],
                    "device": device[:64],
                    "hlc": op.hlc[:100],
                    "op_id": op.op_id,
                }
            )
            for name in {*merge.changed, *merge.settles}:
                # Someone set the field again after a conflict on it: the conflict is settled.
                for conflict_id, body in open_conflicts.pop((op.row_id, name), []):
                    settled = {**json.loads(body), "resolved": True, "seq": seq}
                    closed.append(
                        {
                            "k_id": conflict_id,
                            "seq": seq,
                            "body": _dumps(settled),
                            "resolved": True,
                            "office_id": settled.get("office_id", row.office_id),
                        }
                    )
            if merge.old_office:
                # The row's open conflicts follow it to its new office (and travel in its next pull).
                for key in [k for k in open_conflicts if k[0] == op.row_id]:
                    moved = []
                    for conflict_id, body in open_conflicts[key]:
                        info = {**json.loads(body), "office_id": row.office_id, "seq": seq}
                        moved.append((conflict_id, _dumps(info)))
                        closed.append(
                            {
                                "k_id": conflict_id,
                                "seq": seq,
                                "body": moved[-1][1],
                                "resolved": False,
                                "office_id": row.office_id,
                            }
                        )
                    open_conflicts[key] = moved
                new_exits.append(
                    {
                        "seq": seq,
                        "table_name": op.table,
                        "row_id": op.row_id,
                        "office_id": merge.old_office,
                    }
                )
            for c in result.conflicts:
                new_conflicts.append(
                    {
                        "id": c.id,
                        "seq": seq,
                        "table_name": c.table,
                        "row_id": c.row_id,
                        "office_id": c.office_id,
                        "field": c.field[:60],
                        "body": c.model_dump_json(),
                    }
                )
        done[op.op_id] = result
        results.append(result)
        new_ops.append(
            {"op_id": op.op_id, "username": principal.username, "result": result.model_dump_json()}
        )
    closed = list({c["k_id"]: c for c in closed}.values())  # moved, then settled: the last state wins
    inserts, updates = _row_values(touched, existing)
    batches = [(records, inserts), (changes, new_changes), (exits, new_exits)]
    batches += [(conflicts, new_conflicts), (ops, new_ops)]
    if _is_pg(conn):
        server_fault("mid-push-transaction")  # before the one round trip that writes and commits
        _write_pg(conn, batches, updates, closed, seq if seq != start_seq else None)
    else:
        _write_rows(conn, updates)
        for table, batch in batches:
            if batch:
                conn.execute(insert(table), batch)
        if closed:
            conn.execute(
                update(conflicts)
                .where(conflicts.c.id == bindparam("k_id"))
                .values(
                    seq=bindparam("seq"),
                    body=bindparam("body"),
                    resolved=bindparam("resolved"),
                    office_id=bindparam("office_id"),
                ),
                closed,
            )
        if seq != start_seq:
            conn.execute(update(counter).where(counter.c.id == 1).values(seq=seq))
        server_fault("mid-push-transaction")  # written, not yet committed (write_transaction commits)
    return results, seq


# Campaigns (专项行动) are province-wide: defined by the provincial admin, read-only for everyone else.
ADMIN_ONLY_TABLES = frozenset({"campaign"})


def admin_only(principal: Principal, op: Op) -> str:
    """Why a non-admin may not write this op's table ("" when allowed)."""
    if op.table in ADMIN_ONLY_TABLES and not principal.is_admin:
        return "专项行动由省级管理员统一制定，其他用户只读"
    return ""


def _apply_one(
    conn: Connection, principal: Principal, op: Op, rows: dict[str, Row], device: str, seq: int
) -> tuple[OpResult, MergeResult | None]:
    row = rows.get(op.row_id)
    reason = check_scope(principal, op, row) or admin_only(principal, op)
    if reason:
        return OpResult(op_id=op.op_id, outcome="rejected", reason=reason), None
    if row is None:
        office = op.row_id if op.table == "office" else (op.fields.get("office_id") or op.office_id)
        row = Row(op.table, op.row_id, office, {}, {}, 0, False, is_new=True)
        rows[op.row_id] = row
    # The field's value at the op's base (from the change log), read only by the minutes rule.
    merge = merge_op(
        row,
        op,
        device=device,
        seq=seq,
        base_of=lambda name: _base_value(conn, op.row_id, name, op.base_version),
    )
    if row.is_new:
        row.meta.setdefault("office_id", [seq, device, op.author, op.hlc])
    changed_row = bool(merge.changed) or row.is_new
    row.is_new = False
    if changed_row:
        row.version = seq
    infos = [
        ConflictInfo(
            id=uuid7(),
            seq=seq,
            table=op.table,
            row_id=op.row_id,
            office_id=row.office_id,
            field=c.field,
            kept_value=c.kept_value,
            lost_value=c.lost_value,
            base_value=_base_value(conn, op.row_id, c.field, op.base_version),
            kept_author=c.kept_author,
            lost_author=c.lost_author,
            kept_hlc=c.kept_hlc,
            lost_hlc=c.lost_hlc,
        )
        for c in merge.conflicts
    ]
    result = OpResult(
        op_id=op.op_id,
        outcome=merge.outcome,  # type: ignore[arg-type]
        reason=merge.reason,
        seq=seq if (changed_row or infos) else 0,
        conflicts=infos,
    )
    return result, merge


def _row_values(
    touched: dict[str, Row], existing: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows to insert, rows to update) as column values."""
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row in touched.values():
        values = {
            "table_name": row.table,
            "id": row.id,
            "office_id": row.office_id,
            "data": _dumps(row.data),
            "meta": _dumps(row.meta),
            "version": row.version,
            "deleted": row.deleted,
            "merged_into": row.data.get("merged_into") if row.table == "enterprise" else None,
        }
        (updates if row.id in existing else inserts).append(values)
    return inserts, updates


def _write_rows(conn: Connection, updates: list[dict[str, Any]]) -> None:
    if updates:
        # SQLite: one executemany (statements are cheap in-process; the write lock is held anyway).
        stmt = (
            update(records)
            .where(records.c.table_name == bindparam("k_table"), records.c.id == bindparam("k_id"))
            .values(
                office_id=bindparam("office_id"),
                data=bindparam("data"),
                meta=bindparam("meta"),
                version=bindparam("version"),
                deleted=bindparam("deleted"),
                merged_into=bindparam("merged_into"),
            )
        )
        conn.execute(
            stmt,
            [
                {
                    "k_table": v["table_name"],
                    "k_id": v["id"],
                    **{k: v[k] for k in ("office_id", "data", "meta", "version", "deleted", "merged_into")},
                }
                for v in updates
            ],
        )
