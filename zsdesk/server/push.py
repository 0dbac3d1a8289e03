"""The push transaction: a batch of ops merged under the counter lock, each op's result stored once."""

from __future__ import annotations

import json
import os
import signal
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from ..domain.ids import uuid7
from ..sync.protocol import ConflictInfo, Op, OpResult, PushRequest
from .auth import Principal
from .db import changes, conflicts, counter, exits, is_sqlite, ops, records, write_transaction
from .merge import MergeResult, Row, check_scope, merge_op

_CHUNK = 500


def server_fault(point: str) -> None:
    """Test hook (ZSDESK_SERVER_FAULT=point): the server dies like a power cut at a named point."""
    if os.environ.get("ZSDESK_SERVER_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def lock_counter(conn: Connection, engine: Engine) -> int:
    """Read the seq while holding the write lock (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE on SQLite)."""
    stmt = select(counter.c.seq).where(counter.c.id == 1)
    if not is_sqlite(engine):
        stmt = stmt.with_for_update()
    return int(conn.execute(stmt).scalar_one())


def _load_rows(conn: Connection, row_ids: list[str]) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for chunk in _chunks(row_ids):
        for r in conn.execute(select(records).where(records.c.id.in_(chunk))):
            rows[r.id] = Row(
                r.table_name,
                r.id,
                r.office_id,
                json.loads(r.data),
                json.loads(r.meta),
                int(r.version),
                bool(r.deleted),
            )
    return rows


def _open_conflicts(conn: Connection, row_ids: list[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for chunk in _chunks(row_ids):
        for conflict_id, row_id, name, body in conn.execute(
            select(conflicts.c.id, conflicts.c.row_id, conflicts.c.field, conflicts.c.body).where(
                conflicts.c.row_id.in_(chunk), conflicts.c.resolved.is_(False)
            )
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


def apply_push(engine: Engine, principal: Principal, request: PushRequest) -> tuple[list[OpResult], int]:
    """Apply a batch in one transaction; returns (results in request order, server seq)."""
    device = request.device_id or f"user:{principal.username}"
    with write_transaction(engine) as conn:
        seq = lock_counter(conn, engine)
        start_seq = seq
        op_ids = list({op.op_id for op in request.ops})
        known: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(op_ids):
            for op_id, username, result in conn.execute(
                select(ops.c.op_id, ops.c.username, ops.c.result).where(ops.c.op_id.in_(chunk))
            ):
                known[op_id] = (username, result)
        rows = _load_rows(conn, list({op.row_id for op in request.ops}))
        open_conflicts = _open_conflicts(conn, list({op.row_id for op in request.ops}))
        closed: list[dict[str, Any]] = []
        existing = set(rows)
        results: list[OpResult] = []
        done: dict[str, OpResult] = {}
        touched: dict[str, Row] = {}
        new_ops: list[dict[str, Any]] = []
        new_changes: list[dict[str, Any]] = []
        new_exits: list[dict[str, Any]] = []
        new_conflicts: list[dict[str, Any]] = []
        for op in request.ops:
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
            result, merge = _apply_one(conn, principal, op, rows, device, seq + 1)
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
                for name in merge.changed:
                    # Someone set the field again after a conflict on it: the conflict is settled.
                    for conflict_id, body in open_conflicts.pop((op.row_id, name), []):
                        settled = {**json.loads(body), "resolved": True, "seq": seq}
                        closed.append(
                            {"k_id": conflict_id, "seq": seq, "body": _dumps(settled), "resolved": True}
                        )
                if merge.old_office:
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
        _write_rows(conn, touched, existing)
        for table, batch in (
            (changes, new_changes),
            (exits, new_exits),
            (conflicts, new_conflicts),
            (ops, new_ops),
        ):
            if batch:
                conn.execute(insert(table), batch)
        if closed:
            conn.execute(
                update(conflicts)
                .where(conflicts.c.id == bindparam("k_id"))
                .values(seq=bindparam("seq"), body=bindparam("body"), resolved=bindparam("resolved")),
                closed,
            )
        if seq != start_seq:
            conn.execute(update(counter).where(counter.c.id == 1).values(seq=seq))
        server_fault("mid-push-transaction")
    return results, seq


def _apply_one(
    conn: Connection, principal: Principal, op: Op, rows: dict[str, Row], device: str, seq: int
) -> tuple[OpResult, MergeResult | None]:
    row = rows.get(op.row_id)
    reason = check_scope(principal, op, row)
    if reason:
        return OpResult(op_id=op.op_id, outcome="rejected", reason=reason), None
    if row is None:
        office = op.row_id if op.table == "office" else (op.fields.get("office_id") or op.office_id)
        row = Row(op.table, op.row_id, office, {}, {}, 0, False, is_new=True)
        rows[op.row_id] = row
    merge = merge_op(row, op, device=device, seq=seq)
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


def _write_rows(conn: Connection, touched: dict[str, Row], existing: set[str]) -> None:
    inserts, updates = [], []
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
    if inserts:
        conn.execute(insert(records), inserts)
    if updates:
        # One executemany (pipelined by psycopg) instead of a round trip per row.
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
