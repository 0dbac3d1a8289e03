"""Record workflows the screens share: project stages, funding, commissioners, demands, tasks, 六必访."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..domain import enums
from ..domain.errors import ValidationError
from ..domain.messages import Message
from ..storage import worklists
from .context import Workspace

# The project date each stage sets when a project reaches it.
STAGE_DATE_FIELD = {"签约落地": "signed_date", "开工建设": "started_date", "投产达产": "production_date"}
TRIGGER_VISIT_DAYS = 14  # 六必访: visit within two weeks of noticing the trigger


def advance_stage(
    ws: Workspace,
    project_id: str,
    *,
    to_stage: str,
    day: str,
    amounts: dict[str, Any] | None = None,
    note: str = "",
) -> None:
    """Move a project to `to_stage` on `day`, recording the stage change and its key date/amounts."""
    store = ws.store
    if to_stage not in enums.STAGES:
        raise ValidationError({"to_stage": f"阶段“{to_stage}”无效"})
    with store.transaction():
        project = store.get("project", project_id)
        store.create(
            "stage_change",
            {
                "project_id": project_id,
                "from_stage": project["stage"],
                "to_stage": to_stage,
                "date": day,
                "note": note,
            },
        )
        values: dict[str, Any] = {"stage": to_stage, "last_activity": day, **(amounts or {})}
        if to_stage in STAGE_DATE_FIELD:
            values[STAGE_DATE_FIELD[to_stage]] = day
        if to_stage == "签约落地" and not values.get("landed_date"):
            values["landed_date"] = day
        if project["status"] == "停滞":
            values["status"] = "正常"
        store.update("project", project_id, values)


def next_stage(stage: str) -> str | None:
    i = enums.STAGES.index(stage) if stage in enums.STAGES else -1
    return enums.STAGES[i + 1] if 0 <= i < len(enums.STAGES) - 1 else None


def add_funding(ws: Workspace, project_id: str, *, day: str, amount_yi: str, note: str = "") -> str:
    with ws.store.transaction():
        fid = ws.store.create(
            "funding", {"project_id": project_id, "date": day, "amount_wan": amount_yi, "note": note}
        )
        ws.store.update("project", project_id, {"last_activity": day})
    return fid


def assign_commissioner(
    ws: Workspace, enterprise_id: str, *, officer: str, start: str, duties: str = ""
) -> str:
    """Make `officer` the enterprise's commissioner; the previous one's term ends the day before."""
    store = ws.store
    with store.transaction():
        current = store.rows(
            "SELECT id, start_date FROM commissioner WHERE enterprise_id = ? AND deleted = 0"
            " AND (end_date IS NULL OR end_date = '')",
            [enterprise_id],
        )
        end = (date.fromisoformat(start) - timedelta(days=1)).isoformat() if start else ""
        for row in current:
            store.update("commissioner", row["id"], {"end_date": max(end, row["start_date"] or end)})
        new_id = store.create(
            "commissioner",
            {"enterprise_id": enterprise_id, "officer": officer, "start_date": start, "duties": duties},
        )
        store.update("enterprise", enterprise_id, {"is_key": True})
    return new_id


def set_demand_status(
    ws: Workspace,
    demand_id: str,
    *,
    status: str,
    response: str = "",
    reason: str = "",
    today: str | None = None,
) -> None:
    """Move a demand along 待办 → 办理中 → 已回应 → 已解决 / 无法解决 (which needs a reason)."""
    if status == "无法解决" and not reason.strip():
        raise ValidationError({"reason": Message("demand.reason_required")})
    values: dict[str, Any] = {"status": status, "response": response, "reason": reason}
    values["closed_date"] = (today or date.today().isoformat()) if status in enums.DEMAND_CLOSED else None
    ws.store.update("demand", demand_id, values)


def complete_task(ws: Workspace, task_id: str, *, done: bool = True, today: str | None = None) -> None:
    ws.store.update(
        "task", task_id, {"done": done, "done_date": (today or date.today().isoformat()) if done else None}
    )


def record_trigger(ws: Workspace, enterprise_id: str, *, kind: str, day: str, note: str = "") -> str:
    """Record a 六必访 trigger and create the visit task it demands."""
    store = ws.store
    with store.transaction():
        ent = store.get("enterprise", enterprise_id)
        task_id = store.create(
            "task",
            {
                "title": f"六必访（{kind}）：走访{ent['name']}",
                "assignee": store.author,
                "due_date": (date.fromisoformat(day) + timedelta(days=TRIGGER_VISIT_DAYS)).isoformat()
                if day
                else None,
                "enterprise_id": enterprise_id,
            },
        )
        return store.create(
            "trigger",
            {"enterprise_id": enterprise_id, "kind": kind, "date": day, "note": note, "task_id": task_id},
        )


def timeline(ws: Workspace, enterprise_id: str) -> list[dict[str, Any]]:
    return worklists.timeline(ws.db, enterprise_id)


def stage_history(ws: Workspace, project_id: str) -> list[dict[str, Any]]:
    return worklists.stage_history(ws.db, project_id)


def fundings(ws: Workspace, project_id: str) -> list[dict[str, Any]]:
    return worklists.fundings(ws.db, project_id)
