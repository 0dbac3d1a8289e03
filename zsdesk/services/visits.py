"""Saving a visit with its inline demands, next-step tasks and attachments as one transaction."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from ..domain.messages import Message
from ..storage import worklists
from ..storage.store import Changes
from .context import Workspace
from .workflow import fulfil_triggers

# A next step typed in the visit form is due a week later unless it says otherwise.
DEFAULT_TASK_DAYS = 7
# A demand's category guessed from words in its text (first match wins: "用地指标" is 用地), and
# per category the department that usually handles it and the days it usually takes.
CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("政策兑现", ("兑现", "奖励", "补贴", "扶持", "政策")),
    ("用地", ("用地", "土地", "地块", "厂房", "标准地", "亩")),
    ("资金/融资", ("融资", "贷款", "资金", "基金", "授信")),
    ("税收", ("税",)),
    ("审批", ("审批", "环评", "许可", "备案", "手续", "验收")),
    ("用能", ("用电", "用能", "用气", "用水", "能耗", "电力", "电价", "负荷")),
    ("人才", ("人才", "公寓", "落户", "招聘", "子女", "入学", "用工")),
    ("物流", ("物流", "运输", "港口", "仓储", "通关", "班列", "舱位", "陆海新通道")),
)
# The provincial departments that usually handle each category, and their usual time limit.
CATEGORY_DEFAULTS: dict[str, tuple[str, int]] = {
    "用地": ("自然资源厅", 30),
    "资金/融资": ("财政厅", 20),
    "税收": ("税务局", 15),
    "审批": ("发展改革委", 20),
    "用能": ("经济和信息化厅", 20),
    "人才": ("人力资源社会保障厅", 15),
    "物流": ("商务厅", 15),
    "政策兑现": ("投资促进局", 30),
    "其他": ("", 15),
}


def guess_category(text: str) -> str:
    for category, words in CATEGORY_WORDS:
        if any(w in text for w in words):
            return category
    return "其他"


def demand_defaults(text: str, raised: str, category: str | None = None) -> dict[str, str]:
    """类别 (from the text unless given), 责任部门 and 办理时限 as the visit form proposes them."""
    category = category or guess_category(text)
    department, days = CATEGORY_DEFAULTS.get(category, CATEGORY_DEFAULTS["其他"])
    due = (date.fromisoformat(raised) + timedelta(days=days)).isoformat()
    return {"category": category, "department": department, "due_date": due}


def task_defaults(raised: str, assignee: str) -> dict[str, str]:
    return {
        "assignee": assignee,
        "due_date": (date.fromisoformat(raised) + timedelta(days=DEFAULT_TASK_DAYS)).isoformat(),
    }


@dataclass
class VisitInput:
    """What the visit form collected; `demands` and `next_steps` are one item per line."""

    values: dict[str, Any]
    demands: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    attachments: list[Path] = field(default_factory=list)
    demand_due: str | None = None
    task_assignee: str = ""
    # Attachment records to remove (tombstoned; the stored file bytes stay for undo and sync).
    removed_attachments: list[str] = field(default_factory=list)
    # Per line of `demands`: category, department, due_date; per line of `next_steps`: assignee,
    # due_date (missing entries take the defaults above).
    demand_details: list[dict[str, Any]] = field(default_factory=list)
    task_details: list[dict[str, Any]] = field(default_factory=list)
    # A name typed in the picker that the officer confirmed as a new enterprise: created in the
    # same transaction as the visit.
    new_enterprise: str = ""


def split_lines(text: str) -> list[str]:
    return [line.strip(" \t-•·1234567890.、") for line in text.splitlines() if line.strip(" \t-•·")]


def save_visit(ws: Workspace, data: VisitInput, *, visit_id: str | None = None) -> tuple[str, Changes]:
    """Create or update a visit; new demands and tasks hang off it. All or nothing."""
    store = ws.store
    values = dict(data.values)
    values["demands_text"] = "\n".join(data.demands)
    values["next_steps"] = "\n".join(data.next_steps)
    with store.transaction() as batch:
        if data.new_enterprise and not values.get("enterprise_id"):
            try:
                values["enterprise_id"] = store.create("enterprise", {"name": data.new_enterprise})
            except ValidationError as exc:
                raise ValidationError({"enterprise_id": "；".join(exc.errors.values())}) from exc
        if visit_id is None:
            visit_id = store.create("visit", values)
        else:
            store.update("visit", visit_id, values)
        visit = store.get("visit", visit_id)
        day = date.fromisoformat(visit["date"])
        for i, text in enumerate(data.demands):
            given = data.demand_details[i] if i < len(data.demand_details) else {}
            details = demand_defaults(text, visit["date"], given.get("category"))
            if data.demand_due:
                details["due_date"] = data.demand_due
            details.update({k: v for k, v in given.items() if k in details and v is not None})
            try:
                store.create(
                    "demand",
                    {
                        **details,
                        "enterprise_id": visit["enterprise_id"],
                        "visit_id": visit_id,
                        "content": text,
                        "raised_date": visit["date"],
                        "status": "待办",
                    },
                )
            except ValidationError as exc:
                raise ValidationError(
                    {"demands_text": Message("visit.demand_item", index=i + 1, message=exc.message)}
                ) from exc
        for i, text in enumerate(data.next_steps):
            given = data.task_details[i] if i < len(data.task_details) else {}
            try:
                store.create(
                    "task",
                    {
                        "title": text,
                        "assignee": given.get("assignee")
                        or data.task_assignee
                        or visit.get("officer")
                        or store.author,
                        "due_date": given.get("due_date")
                        or (day + timedelta(days=DEFAULT_TASK_DAYS)).isoformat(),
                        "enterprise_id": visit["enterprise_id"],
                        "visit_id": visit_id,
                    },
                )
            except ValidationError as exc:
                raise ValidationError(
                    {"next_steps": Message("visit.next_step_item", index=i + 1, message=exc.message)}
                ) from exc
        for path in data.attachments:
            attach_file(ws, "visit", visit_id, path)
        for attachment_id in data.removed_attachments:
            remove_attachment(ws, attachment_id)
        fulfil_triggers(store, visit["enterprise_id"])  # 六必访: this visit may be the one a trigger awaits
        changes = Changes(frozenset(batch.tables), frozenset(batch.ids))
    return visit_id, changes


def attach_file(ws: Workspace, owner_table: str, owner_id: str, path: Path, *, kind: str = "") -> str:
    """Store the file bytes by SHA-256 and record an attachment pointing at them."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            {"attachments": Message("visit.attachment_unreadable", name=Path(path).name, reason=exc.strerror)}
        ) from exc
    mime = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
    if not kind:
        kind = "照片" if mime.startswith("image/") else "函件"
    with ws.store.transaction():
        digest = worklists.put_blob(ws.db, data)
        return ws.store.create(
            "attachment",
            {
                "owner_table": owner_table,
                "owner_id": owner_id,
                "sha256": digest,
                "filename": Path(path).name[:255],
                "mime": mime,
                "size": len(data),
                "kind": kind,
            },
        )


def attachments(ws: Workspace, owner_id: str) -> list[dict[str, Any]]:
    return worklists.attachments_of(ws.db, owner_id)


def blob(ws: Workspace, sha256: str) -> bytes | None:
    return worklists.get_blob(ws.db, sha256)


def remove_attachment(ws: Workspace, attachment_id: str) -> None:
    """Tombstone the attachment record (undoable, synced as a delete); the blob is kept."""
    ws.store.delete("attachment", attachment_id)


def visit_followups(ws: Workspace, visit_id: str) -> list[dict[str, Any]]:
    """The demands and tasks raised at a visit, for its edit form: kind, text, status, due date.

    A demand's status is its workflow state (待办 … 已解决); a task's is 已完成 / 未完成.
    """
    demands = ws.store.rows(
        "SELECT id, content, status, due_date FROM demand WHERE visit_id = ? AND deleted = 0"
        " ORDER BY raised_date, created_at",
        [visit_id],
    )
    tasks = ws.store.rows(
        "SELECT id, title, done, due_date FROM task WHERE visit_id = ? AND deleted = 0"
        " ORDER BY due_date, created_at",
        [visit_id],
    )
    rows = [
        {"kind": "demand", "id": d["id"], "text": d["content"], "status": d["status"] or "待办",
         "due_date": d["due_date"] or ""}
        for d in demands
    ]  # fmt: skip
    rows += [
        {"kind": "task", "id": t["id"], "text": t["title"], "status": "已完成" if t["done"] else "未完成",
         "due_date": t["due_date"] or ""}
        for t in tasks
    ]  # fmt: skip
    return rows
