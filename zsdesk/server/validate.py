"""Every pushed op checked before it is merged: its ids, its clock, its author and each value.

Values go through the domain's own `clean_fields` (wire mode): the same types, enums, dates, money
range and text limits the laptop enforces on what an officer types, so a value another laptop could
not store (a number where tags belong, 2**80 万元, a 40 MB name, a NUL byte) is refused with a reason
and never reaches the change log; the good ops of the batch still apply. The author is the token's
user, never what the client wrote; a clock stamp far ahead of the server's is clamped with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.errors import ValidationError
from ..domain.hlc import format_hlc, parse_hlc
from ..domain.records import BY_TABLE, field_specs
from ..domain.validation import MAX_ID_LEN, check_wire_value, clean_fields, has_nul
from ..sync.protocol import CLOCK_AHEAD_LIMIT_MS, Op
from .auth import Principal

# An edit stamped more than this ahead of the server's clock keeps its data but gets the server's
# time as its stamp (the stamp is for display and audit only; ordering never uses it).
MAX_HLC_AHEAD_MS = CLOCK_AHEAD_LIMIT_MS
_ENVELOPE = frozenset({"office_id", "deleted"})


@dataclass
class Checked:
    """An op as the server will apply it: `reason` set means rejected; `warning` goes in the result."""

    op: Op
    reason: str = ""
    warning: str = ""

    @property
    def storable(self) -> bool:
        """Its op id and row id can be looked up and stored (no NUL: PostgreSQL refuses them)."""
        return not has_nul(self.op.op_id) and not has_nul(self.op.row_id)


def clean_device(device: str) -> str:
    return device.replace("\x00", "")[:64]


def _clock(hlc: str, now_ms: int) -> tuple[str, str]:
    """(stamp to record, warning): a garbled stamp or one far ahead becomes the server's time."""
    try:
        physical, counter, node = parse_hlc(hlc)
        ok = not has_nul(hlc) and 0 <= counter < 100_000 and physical >= 0
    except ValueError:
        physical, counter, node, ok = 0, 0, "", False
    node = node.replace("\x00", "")[:60]
    if not hlc:
        return "", ""
    if not ok:
        return format_hlc(now_ms, 0, node or "server"), "修改时间戳格式无效，已按服务器时间记录"
    ahead = physical - now_ms
    if ahead > MAX_HLC_AHEAD_MS:
        minutes = ahead // 60_000
        return (
            format_hlc(now_ms, 0, node),
            f"本机时钟比服务器快约 {minutes} 分钟，修改时间已按服务器时间记录，请校准电脑时间",
        )
    return hlc, ""


def _problem_ids(op: Op) -> str:
    for label, value in (("操作编号", op.op_id), ("记录编号", op.row_id), ("办事处编号", op.office_id)):
        if has_nul(value):
            return f"{label}含有不可见的空字符（NUL），已拒绝"
    return ""


def _clean_values(op: Op) -> tuple[dict[str, Any], dict[str, str]]:
    """The op's fields after the domain check (envelope fields checked here, the rest by the domain)."""
    if op.kind in ("delete", "undelete"):
        return {}, {}
    if op.kind == "resolve":
        fields = dict(op.fields)
        errors: dict[str, str] = {}
        for key in ("conflict_id", "field", "choice"):
            value = fields.get(key)
            if isinstance(value, str) and (has_nul(value) or len(value) > MAX_ID_LEN):
                errors[key] = "冲突处理的参数无效"
        name = fields.get("field")
        if isinstance(name, str) and name in field_specs(op.table) and "value" in fields:
            try:
                fields["value"] = check_wire_value(op.table, name, fields["value"])
            except ValidationError as exc:
                errors.update(exc.errors)
        return fields, errors
    fields = op.fields
    errors = {}
    if _ENVELOPE.isdisjoint(fields):
        return clean_fields(op.table, fields, wire=True)
    office = fields.get("office_id")
    if office is not None and (not isinstance(office, str) or has_nul(office) or len(office) > MAX_ID_LEN):
        errors["office_id"] = "所属办事处编号无效"
    cleaned, found = clean_fields(
        op.table, {k: v for k, v in fields.items() if k not in _ENVELOPE}, wire=True
    )
    errors.update(found)
    return {**cleaned, **{k: v for k, v in fields.items() if k in _ENVELOPE}}, errors


def check_op(op: Op, principal: Principal, now_ms: int) -> Checked:
    """The op to merge (author from the token, clamped clock, clean values) or why it is refused."""
    hlc, warning = _clock(op.hlc, now_ms)
    reason = _problem_ids(op)
    fields = op.fields
    if not reason and op.table in BY_TABLE:  # an unknown table is refused by the scope check
        fields, errors = _clean_values(op)
        if errors:
            detail = "；".join(f"{msg}" for msg in list(errors.values())[:5])
            reason = f"数据不符合要求，服务器未接受：{detail}"[:500]
    # The request's own op is rewritten in place (a model copy per op cost more than the checks).
    op.author, op.hlc, op.fields = principal.username[:100], hlc, fields
    return Checked(op, reason, warning)
