"""Record workflows the screens share: project stages, funding, commissioners, demands, tasks, 六必访."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..domain import enums, lifecycle
from ..domain.errors import ValidationError
from ..domain.messages import Message
from ..domain.records import Project
from ..domain.validation import validate_fields
from ..storage import worklists
from ..storage.store import Store
from .context import Workspace

TRIGGER_VISIT_DAYS = 14  # 六必访: visit within two weeks of noticing the trigger


def save_project(
    ws: Workspace,
    project_id: str | None,
    values: dict[str, Any],
    *,
    reason: str = "",
    today: str | None = None,
    office_id: str | None = None,
    source: str = "local",
) -> str:
    """Create (`project_id` None) or update a project through the lifecycle rule; returns its id.

    `values` are as typed (亿元 text, dates in any accepted form). The rule (domain.lifecycle) refuses a
    missing or misordered date and a move back without `reason`; a stage change writes its stage-history
    entry in the same transaction, and a project marked 停滞 by hand becomes 正常 again once it moves."""
    store = ws.store
    if project_id is None:  # a new project starts at the record's defaults (信息获取, 正常), as in the store
        values = {"stage": Project.stage, "status": Project.status, **values}
    cleaned = validate_fields("project", values, creating=project_id is None)  # every field error at once
    day = today or date.today().isoformat()
    with store.transaction():
        current = None if project_id is None else store.get("project", project_id)
        move = plan_project_write(current, values, reason=reason, today=day)
        if project_id is None:
            # Creation is activity (stalled rule); as a field it travels to colleagues' laptops too.
            start = {} if cleaned.get("last_activity") else {"last_activity": day}
            return store.create("project", {**values, **start}, office_id=office_id, source=source)
        extra: dict[str, Any] = {}
        assert current is not None  # store.get raises NotFoundError for an unknown id
        if move is not None:
            store.create(
                "stage_change", move.record(project_id), office_id=current["office_id"], source=source
            )
            if current["status"] == "停滞" and cleaned.get("status", "停滞") == "停滞":
                extra["status"] = "正常"
        store.update("project", project_id, {**values, **extra}, source=source)
    return project_id


def plan_project_write(
    current: dict[str, Any] | None, values: dict[str, Any], *, reason: str = "", today: str
) -> lifecycle.StageMove | None:
    """The lifecycle rule on project values as typed (亿元 text, any date form): raises ValidationError,
    returns the stage-history entry to write. Shared by `save_project` and the Excel import."""
    # Only the fields the rule reads: the import calls this per row (10,000 rows: ≈0.2 s, not 0.5 s).
    wanted = {k: values[k] for k in lifecycle.LIFECYCLE_FIELDS if k in values}
    return lifecycle.plan(
        current, validate_fields("project", wanted, creating=False), reason=reason, today=today
    )


def advance_stage(
    ws: Workspace,
    project_id: str,
    *,
    to_stage: str,
    dates: dict[str, Any] | None = None,
    reason: str = "",
    day: str | None = None,
) -> None:
    """Move a project to `to_stage` (the board's 推进到 action) with the dates/amounts that stage needs.

    `dates` holds the stage's fields as typed (e.g. {"started_date": "2025-03-01"}); `day` dates the
    stage-history entry of a stage without a date of its own (现场考察, 会谈洽谈; default today).
    Signing never sets 落地日期 (DOMAIN.md: a separate event)."""
    if to_stage not in enums.STAGES:
        choices = "、".join(enums.STAGES)
        raise ValidationError({"stage": lifecycle.message("bad_stage", stage=to_stage, choices=choices)})
    save_project(ws, project_id, {**(dates or {}), "stage": to_stage}, reason=reason, today=day)


def stage_fields(to_stage: str) -> tuple[str, ...]:
    """The fields the 推进到 dialog asks for: the stage's own date first, then what else it requires."""
    own = lifecycle.STAGE_DATE.get(to_stage)
    needed = lifecycle.required_fields(to_stage)
    return tuple(dict.fromkeys([*([own] if own else []), *needed]))


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


# Sync is a door too: a visit pulled from a colleague's laptop fulfils this laptop's open triggers, run
# after each pull has caught up (services.sync; services.bundles after an answer's pages). Why on the
# laptop and not by the server when the visit is pushed: the rule stays in one place (this function and
# its query) for every door, air-gapped bundles included, and the due list closes the moment the visit
# arrives. Why that makes no needless conflict, though both laptops of an office may fulfil one trigger:
# the values written (the earliest live visit on or after the trigger's date, by date then id, and that
# visit's date) come only from synced rows, so both write the same values, and the server's merge takes
# an incoming value equal to its own as a no-op, never a conflict (server.merge.merge_op). Usually only
# one writes: a laptop that has the trigger fulfils it when the visit is saved and pushes that with the
# visit, and the pull runs until caught up before this runs, so the other laptop finds it closed already. A fulfilment
# by the server would need a second copy of the rule over the server's tables, would be a write by no
# officer, and would still meet the laptops' own fulfilment on save. What can still conflict is real:
# two officers' different visits, both made offline, each fulfilling the trigger on its own laptop.
def fulfil_triggers(store: Store, enterprise_id: str | None = None) -> int:
    """六必访: the next visit to an enterprise fulfils its open triggers (DOMAIN.md); returns how many.

    "Next" = the earliest live visit on or after the trigger's date. The trigger and its visit task
    close, both linked to that visit (task done on the visit's date). Called by every door that adds
    visits (the visit form, the Excel import, sync); idempotent, so running it again changes nothing."""
    fulfilled = 0
    with store.transaction():
        for row in worklists.triggers_fulfilled_by_visits(store.db, enterprise_id=enterprise_id):
            store.update("trigger", row["id"], {"visit_id": row["visit_id"]})
            if row["task_id"] and not row["task_done"]:  # a task ticked off by hand keeps its date
                done = {"done": True, "done_date": row["visit_date"], "visit_id": row["visit_id"]}
                store.update("task", row["task_id"], done)
            fulfilled += 1
    return fulfilled


def timeline(ws: Workspace, enterprise_id: str) -> list[dict[str, Any]]:
    return worklists.timeline(ws.db, enterprise_id)


def stage_history(ws: Workspace, project_id: str) -> list[dict[str, Any]]:
    return worklists.stage_history(ws.db, project_id)


def fundings(ws: Workspace, project_id: str) -> list[dict[str, Any]]:
    return worklists.fundings(ws.db, project_id)


def inconsistent_projects(ws: Workspace) -> list[dict[str, Any]]:
    """Projects whose stage and dates break the lifecycle rule (data from before the rule, or pulled).

    Listed, never changed: each row has id, name, enterprise, stage and `problems` (Chinese messages);
    `zsdesk diagnostics` and the 项目 screen's notice show them so an officer fixes the dates."""
    out = []
    for row in worklists.project_lifecycle_rows(ws.db):
        found = lifecycle.summary(row)
        if found:
            out.append({**row, "problems": found})
    return out
