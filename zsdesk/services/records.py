"""The GUI's record writes: create, edit, delete and undo of any table, and the 办理 of a demand.

Each function writes through the store; the GUI runs them inside one transaction on its write
lane (ui/ops.py), so several rows (a multi-row delete, its undo) commit or fail together.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..domain import enums
from ..domain.errors import ValidationError
from ..domain.messages import Message
from ..domain.validation import validate_fields
from .context import Workspace


def create(ws: Workspace, table: str, values: dict[str, Any]) -> str:
    return ws.store.create(table, values)


def update(ws: Workspace, table: str, row_id: str, values: dict[str, Any]) -> dict[str, Any]:
    return ws.store.update(table, row_id, values)


def delete_many(ws: Workspace, table: str, ids: Iterable[str]) -> list[str]:
    """Tombstone every row of `ids` in one transaction; returns the ids deleted."""
    done: list[str] = []
    with ws.store.transaction():
        for row_id in ids:
            ws.store.delete(table, row_id)
            done.append(row_id)
    return done


def undelete_many(ws: Workspace, table: str, ids: Iterable[str]) -> None:
    with ws.store.transaction():
        for row_id in ids:
            ws.store.undelete(table, row_id)


def handle_demand(ws: Workspace, demand_id: str, values: dict[str, Any], *, today: str | None = None) -> None:
    """办理: status, response, reason, department and due date, all checked before anything is written.

    A demand already closed keeps its 办结日期 when it is saved again closed; reopening clears it.
    """
    status = values.get("status") or "待办"
    reason = values.get("reason") or ""
    if status == "无法解决" and not reason.strip():
        raise ValidationError({"reason": Message("demand.reason_required")})
    rest: dict[str, Any] = {k: values[k] for k in ("department", "due_date") if k in values}
    validate_fields("demand", rest, creating=False)  # a bad due date stops the whole save (no half-save)
    current = ws.store.get("demand", demand_id)
    closed = status in enums.DEMAND_CLOSED
    if closed and current.get("status") in enums.DEMAND_CLOSED and current.get("closed_date"):
        closed_date = current["closed_date"]
    else:
        closed_date = (today or date.today().isoformat()) if closed else None
    with ws.store.transaction():
        ws.store.update(
            "demand",
            demand_id,
            {**rest, "status": status, "response": values.get("response") or "", "reason": reason,
             "closed_date": closed_date},
        )  # fmt: skip


def complete_tasks(ws: Workspace, ids: Iterable[str], *, today: str | None = None) -> int:
    day = today or date.today().isoformat()
    n = 0
    with ws.store.transaction():
        for task_id in ids:
            ws.store.update("task", task_id, {"done": True, "done_date": day})
            n += 1
    return n
