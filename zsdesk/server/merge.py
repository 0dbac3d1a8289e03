"""The per-field three-way merge of one op into the server's current row (pure: no I/O).

A field is "changed on the server since the op's base" when its last change has a seq above the
op's `base_version` and came from another device (a device's own earlier ops were seen by it).
Default rule: the later-received value wins and the other one is recorded as a conflict. Domain
overrides: a project's stage only moves forward when two edits meet (a deliberate, non-concurrent
edit may still move it back: that is the explicit revert); money is never silently overwritten (the
server value stays, the incoming one is recorded); delete beats a concurrent edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..domain.enums import STAGES
from ..domain.records import BY_TABLE, field_specs
from .auth import Principal

ENVELOPE_WRITABLE = ("office_id", "deleted")


@dataclass
class Row:
    """The server's current state of one record, mutated in place by `merge_op`."""

    table: str
    id: str
    office_id: str
    data: dict[str, Any]
    meta: dict[str, list[Any]]  # field -> [seq, device, author, hlc]
    version: int = 0
    deleted: bool = False
    is_new: bool = False


@dataclass
class FieldConflict:
    field: str
    kept_value: Any
    lost_value: Any
    kept_author: str
    lost_author: str
    kept_hlc: str
    lost_hlc: str


@dataclass
class MergeResult:
    outcome: str  # applied | noop | conflict | rejected
    reason: str = ""
    changed: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)
    old_office: str | None = None  # set when the row moved out of an office
    settles: list[str] = field(default_factory=list)  # fields whose open conflicts a `resolve` op closes


def _rejected(reason: str) -> MergeResult:
    return MergeResult("rejected", reason)


def check_scope(principal: Principal, op: Any, row: Row | None) -> str:
    """Why the caller may not apply this op ("" when allowed). Scope comes from the token only."""
    if op.table not in BY_TABLE:
        return f"未知的记录类型“{op.table}”"
    if op.table == "office" and not principal.is_admin:
        return "只有省级管理员可以修改办事处信息"
    if row is not None:
        if row.table != op.table:
            return "记录编号与类型不符"
        if not principal.can_see(row.office_id):
            return "无权修改其他办事处的记录"
        target = op.fields.get("office_id", row.office_id)
    else:
        if op.kind != "create":
            return "服务器上没有这条记录（可能从未成功上传）"
        target = op.row_id if op.table == "office" else (op.fields.get("office_id") or op.office_id)
    if not isinstance(target, str) or not target:
        return "缺少所属办事处"
    if not principal.can_see(target):
        return "无权在其他办事处下新建或移入记录"
    return ""


def _concurrent(row: Row, name: str, base_version: int, device: str) -> bool:
    meta = row.meta.get(name)
    return meta is not None and int(meta[0]) > base_version and meta[1] != device


def _value(row: Row, name: str) -> Any:
    if name == "office_id":
        return row.office_id
    if name == "deleted":
        return row.deleted
    return row.data.get(name)


def _set(row: Row, name: str, value: Any) -> None:
    if name == "office_id":
        row.office_id = value
    elif name == "deleted":
        row.deleted = bool(value)
    else:
        row.data[name] = value


def _stage_rank(value: Any) -> int:
    return STAGES.index(value) if value in STAGES else -1


def merge_op(row: Row, op: Any, *, device: str, seq: int) -> MergeResult:
    """Apply `op` to `row` per field; `seq` is the number this change gets if anything changes."""
    specs = field_specs(row.table)
    author, hlc = op.author, op.hlc
    stamp = [seq, device, author, hlc]
    result = MergeResult("noop")
    if op.kind in ("delete", "undelete"):
        want = op.kind == "delete"
        if row.deleted != want:
            row.deleted = want
            row.meta["deleted"] = stamp
            result.changed["deleted"] = want
            result.outcome = "applied"
        return result
    fields = dict(op.fields)
    fields.pop("deleted", None)  # deletion only through delete/undelete ops
    if row.table == "office":
        fields.pop("office_id", None)  # an office is its own office
    # Delete wins over a concurrent edit: the edit is kept as a conflict, not applied.
    blocked = row.deleted and not row.is_new and _concurrent(row, "deleted", op.base_version, device)
    for name, incoming in fields.items():
        if not isinstance(name, str) or len(name) > 60:
            continue
        current = _value(row, name)
        if current == incoming:
            continue
        meta = row.meta.get(name, [0, "", "", ""])
        if blocked:
            result.conflicts.append(
                FieldConflict(name, current, incoming, str(meta[2]), author, str(meta[3]), hlc)
            )
            continue
        if row.is_new or not _concurrent(row, name, op.base_version, device):
            keep_incoming, record = True, False
        else:
            spec = specs.get(name)
            record = True
            if spec is not None and spec.kind == "money":
                keep_incoming = False
            elif row.table == "project" and name == "stage":
                keep_incoming = _stage_rank(incoming) > _stage_rank(current)
            else:
                keep_incoming = True  # later-received wins
        if keep_incoming:
            if name == "office_id" and current and current != incoming:
                result.old_office = result.old_office or current
            _set(row, name, incoming)
            row.meta[name] = stamp
            result.changed[name] = incoming
            if record:
                result.conflicts.append(
                    FieldConflict(name, incoming, current, author, str(meta[2]), hlc, str(meta[3]))
                )
        else:
            result.conflicts.append(
                FieldConflict(name, current, incoming, str(meta[2]), author, str(meta[3]), hlc)
            )
    if result.conflicts:
        result.outcome = "conflict"
    elif result.changed or row.is_new:
        result.outcome = "applied"
    return result
