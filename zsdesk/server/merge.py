"""The per-field three-way merge of one op into the server's current row (pure: no I/O).

A field is "changed on the server since the op's base" when its last change has a seq above the
op's `base_version` and came from another device (a device's own earlier ops were seen by it).
Default rule: the later-received value wins and the other one is recorded as a conflict. Domain
overrides: a project's stage only moves forward when two edits meet (a deliberate, non-concurrent
edit may still move it back: that is the explicit revert); money is never silently overwritten (the
server value stays, the incoming one is recorded); a visit's minutes append (both officers' notes are
kept, see `append_minutes`); delete beats a concurrent edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain import lifecycle
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


# "Minutes append" (SYNC.md §3). Two officers who both add to a visit's 洽谈内容 offline are each
# writing down what they heard; neither meant to replace the other. So instead of "later wins + a
# conflict to review", the server keeps both texts: its own, a separator line naming the second author,
# then what the incoming text added. What an officer expects, and why no conflict is recorded: both
# notes are in the minutes, the separator says who added the second one (so the merge is visible in
# the text itself and in the change log / history, which store the merged value under the incoming op),
# and the 冲突 view stays for real decisions; a conflict opened for a merge that lost nothing would only
# train officers to click it away. Text is only ever added by this rule, never removed: when appending
# cannot carry the incoming edit (it cleared the minutes, only shortened them, or the merged text would
# exceed the field's length limit) the server text stays and the incoming one is recorded as a conflict,
# as for money, so the officer decides.
APPEND_FIELDS = frozenset({("visit", "minutes")})
MINUTES_MAX = field_specs("visit")["minutes"].max_len
# Where a shared beginning may be cut: at the last line end if the shared part has one (minutes are
# written line by line), else at the last Chinese sentence/clause end; so the "new part" of the
# incoming text starts at a whole line or clause, never in the middle of a word both officers happened
# to type. Not "、" or "：" (they sit in "二、" and "甲：") nor ASCII ". , :" ("2. ", "10:30", "1,000").
_CLAUSE_ENDS = frozenset("。！？；，!?;")


def minutes_separator(author: str) -> str:
    """The line put between the server's minutes and the concurrently added text."""
    return f"—— 以下为 {author or '另一位同事'} 同时补充的内容（同步时自动合并）——"


def _shared_start(a: str, b: str) -> int:
    """Length of the common beginning of `a` and `b`, cut back to the last line/clause boundary."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n == len(a) or n == len(b):
        return n
    line = a.rfind("\n", 0, n)
    if line >= 0:
        return line + 1
    while n > 0 and a[n - 1] not in _CLAUSE_ENDS:
        n -= 1
    return n


def append_minutes(current: Any, incoming: Any, *, author: str, base: Any = ...) -> str | None:
    """The merged minutes of two concurrent edits (`current` when the incoming text adds nothing), or
    None when appending cannot carry the incoming edit (a clear, a shortening, a result over the length
    limit): the caller then keeps the server text and records the incoming one as a conflict.

    `base` is the text both edits started from when known (else `...`): the incoming text's new part
    is what it added to the base; unknown, the common beginning of the two texts stands in for it
    (cut at a line/clause boundary), which is the base whenever both officers appended."""
    cur, new = current or "", incoming or ""
    if not isinstance(cur, str) or not isinstance(new, str) or not new.strip():
        return None
    if not cur.strip() or new.startswith(cur):
        return new  # nothing on the server to keep, or the incoming text extends it
    if cur.startswith(new):
        return None  # it only cut text off the end: a removal is a decision for the officer, not a merge
    if base is ... or not isinstance(base, str | None):
        added = new[_shared_start(cur, new) :]
    else:
        base_text = base or ""
        # Rewritten rather than extended: the whole incoming text is its new part (nothing dropped).
        added = new[len(base_text) :] if new.startswith(base_text) else new
    added = added.strip("\n")
    head = cur.rstrip("\n")
    if not added.strip() or head.rstrip().endswith(added.rstrip()):
        return cur  # it added only blanks, or the very same note is already at the end
    # The server text may already end with the start of this addition: the same author's earlier op,
    # merged a moment ago, then continued (e.g. two offline edits of one laptop, pushed together).
    # Append only the continuation, without a second separator.
    overlap = _overlap(head, added)
    if overlap:
        rest = added[overlap:].lstrip("\n")
        merged = f"{head}\n{rest}" if rest.strip() else cur
    else:
        merged = f"{head}\n{minutes_separator(author)}\n{added}"
    return merged if len(merged) <= MINUTES_MAX else None


def _overlap(head: str, added: str) -> int:
    """Length of the longest start of `added`, made of whole lines, that `head` already ends with."""
    best = 0
    for k in range(1, min(len(head), len(added)) + 1):
        whole = k == len(added) or added[k] == "\n"
        if whole and (k == len(head) or head[-k - 1] == "\n") and head.endswith(added[:k]):
            best = k
    return best


def merge_op(
    row: Row, op: Any, *, device: str, seq: int, base_of: Callable[[str], Any] | None = None
) -> MergeResult:
    """Apply `op` to `row` per field; `seq` is the number this change gets if anything changes.

    `base_of(field)` (optional) gives the field's value at the op's base version; only the minutes
    rule uses it, and without it the rule finds the base from the texts themselves."""
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
    before = _lifecycle_state(row, op.base_version, device)
    for name, incoming in fields.items():
        if not isinstance(name, str) or len(name) > 60:
            continue
        current = _value(row, name)
        if current == incoming:
            continue
        meta = row.meta.get(name, [0, "", "", ""])
        field_stamp = stamp
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
            elif (row.table, name) in APPEND_FIELDS:
                base = base_of(name) if base_of is not None else ...
                merged = append_minutes(current, incoming, author=author, base=base)
                if merged is None:
                    keep_incoming = False  # server text stays, the incoming one becomes a conflict
                elif merged == current:
                    continue  # the server's minutes already hold the incoming text: nothing to do
                else:
                    incoming, keep_incoming, record = merged, True, False
                    # A value no laptop has seen yet: stamped with a device of its own, so that even
                    # this op's laptop is "concurrent" with it until it pulled it (its next offline edit
                    # still appends instead of overwriting the other officer's note).
                    field_stamp = [seq, f"{device}+merged", author, hlc]
            else:
                keep_incoming = True  # later-received wins
        if keep_incoming:
            if name == "office_id" and current and current != incoming:
                result.old_office = result.old_office or current
            _set(row, name, incoming)
            row.meta[name] = field_stamp
            result.changed[name] = incoming
            if record:
                result.conflicts.append(
                    FieldConflict(name, incoming, current, author, str(meta[2]), hlc, str(meta[3]))
                )
        else:
            result.conflicts.append(
                FieldConflict(name, current, incoming, str(meta[2]), author, str(meta[3]), hlc)
            )
    if before is not None:
        _keep_lifecycle_possible(row, before, result, author, hlc)
    if result.conflicts:
        result.outcome = "conflict"
    elif result.changed or row.is_new:
        result.outcome = "applied"
    return result


# The lifecycle rule (domain.lifecycle) on the server: each laptop checks its own edit, but two laptops
# moving one project can merge into a combination neither wrote (甲 sets 开工日期 03-01, 乙 moves 签约日期
# to 05-01). Such a merge keeps the server's stage and dates and records the incoming ones as conflicts,
# so the 冲突 view shows both and an officer decides; an impossible project is never stored. It applies
# when edits meet (another device changed a stage/date field since the op's base): a lone op is what its
# laptop checked. Problems the row already had (data from before the rule) do not block an op: only
# problems this merge would add.
_Snapshot = tuple[dict[str, Any], dict[str, list[Any]], set[tuple[str, str]]]


def _lifecycle_state(row: Row, base_version: int, device: str) -> _Snapshot | None:
    if row.table != "project" or row.is_new:
        return None
    if not any(_concurrent(row, n, base_version, device) for n in lifecycle.LIFECYCLE_FIELDS):
        return None
    names = lifecycle.LIFECYCLE_FIELDS
    found = {(k, v) for k, v in lifecycle.problems(row.data).items()}
    return {n: row.data.get(n) for n in names}, {n: row.meta[n] for n in names if n in row.meta}, found


def _keep_lifecycle_possible(row: Row, before: _Snapshot, result: MergeResult, author: str, hlc: str) -> None:
    values, meta, had = before
    touched = [n for n in lifecycle.LIFECYCLE_FIELDS if n in result.changed]
    if not touched:
        return
    added = {(k, v) for k, v in lifecycle.problems(row.data).items()} - had
    if not added:
        return
    for name in touched:
        incoming = row.data.get(name)
        row.data[name] = values[name]
        if name in meta:
            row.meta[name] = meta[name]
        else:
            row.meta.pop(name, None)
        del result.changed[name]
        # A "later wins" conflict recorded above for this field now has its sides swapped back.
        result.conflicts = [c for c in result.conflicts if c.field != name]
        kept = meta.get(name, [0, "", "", ""])
        result.conflicts.append(
            FieldConflict(name, values[name], incoming, str(kept[2]), author, str(kept[3]), hlc)
        )
