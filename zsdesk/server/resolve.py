"""The `resolve` op: a user's choice in the 冲突 view, applied inside the push transaction.

A choice is an explicit, synced act (SYNC.md §5): choosing the value already in force writes no
field change, yet every laptop in scope must see the conflict closed. So the op always takes a seq
(the conflict row is re-stamped with it and travels in the next pull), records who chose which value
and when, and writes the value only when it differs. A conflict already closed (chosen elsewhere, or
the field edited again since) makes the op a no-op: the later act stands and the stale choice is not
applied. Replays are answered from the `ops` table like every op, so the act is idempotent.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from ..sync.protocol import Op, OpResult
from .auth import Principal, now_ms
from .db import conflicts
from .merge import ENVELOPE_WRITABLE, MergeResult, Row

ALREADY_CLOSED = "该冲突已处理（已在其他电脑上处理，或该字段之后又被修改），本次选择未生效"
CHOICES = ("local", "server", "base")


def _rejected(op: Op, reason: str) -> tuple[OpResult, None]:
    return OpResult(op_id=op.op_id, outcome="rejected", reason=reason), None


def apply_resolve(
    conn: Connection,
    principal: Principal,
    op: Op,
    rows: dict[str, Row],
    open_conflicts: dict[tuple[str, str], list[tuple[str, str]]],
    device: str,
    seq: int,
) -> tuple[OpResult, MergeResult | None]:
    """Close one conflict (and write the chosen value if it differs); `seq` is this change's number.

    The caller (push.apply_push) closes every open conflict listed in `merge.settles` with `seq`, using
    the body stored back into `open_conflicts`, which here carries the resolution."""
    conflict_id = op.fields.get("conflict_id")
    name = op.fields.get("field")
    choice = op.fields.get("choice", "")
    if not isinstance(conflict_id, str) or not isinstance(name, str) or not conflict_id or len(name) > 60:
        return _rejected(op, "冲突处理缺少冲突编号或字段")
    if choice not in CHOICES:
        return _rejected(op, f"冲突处理的选择必须是 {'/'.join(CHOICES)} 之一")
    row = rows.get(op.row_id)
    if row is None or row.table != op.table:
        return _rejected(op, "服务器上没有这条记录（可能已被清理）")
    if not principal.can_see(row.office_id):
        return _rejected(op, "无权处理其他办事处的冲突")
    entries = open_conflicts.get((op.row_id, name), [])
    index = next((i for i, (cid, _) in enumerate(entries) if cid == conflict_id), None)
    if index is None:
        known = conn.execute(
            select(conflicts.c.id).where(conflicts.c.id == conflict_id, conflicts.c.row_id == op.row_id)
        ).first()
        if known is None:
            return _rejected(op, "找不到该冲突")
        return OpResult(op_id=op.op_id, outcome="noop", reason=ALREADY_CLOSED), None
    body = json.loads(entries[index][1])
    body.update(resolved_by=principal.username, resolution=choice, resolved_at_ms=now_ms())
    entries[index] = (conflict_id, json.dumps(body, ensure_ascii=False, separators=(",", ":")))
    merge = MergeResult("applied", settles=[name])
    value: Any = op.fields.get("value")
    # Envelope fields (office, deletion) change only through their own ops, which are scope-checked
    # and logged as exits/tombstones; the client sends those first, so here they are only settled.
    if name not in ENVELOPE_WRITABLE and row.data.get(name) != value:
        row.data[name] = value
        row.meta[name] = [seq, device, op.author, op.hlc]
        row.version = seq
        merge.changed[name] = value
    return OpResult(op_id=op.op_id, outcome="applied", seq=seq), merge
