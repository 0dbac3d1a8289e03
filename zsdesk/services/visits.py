"""Saving a visit with its inline demands, next-step tasks and attachments as one transaction."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from ..storage import worklists
from ..storage.store import Changes
from .context import Workspace
from .workflow import fulfil_triggers

# A next step typed in the visit form is due a week later unless it says otherwise.
DEFAULT_TASK_DAYS = 7


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


def split_lines(text: str) -> list[str]:
    return [line.strip(" \t-•·1234567890.、") for line in text.splitlines() if line.strip(" \t-•·")]


def save_visit(ws: Workspace, data: VisitInput, *, visit_id: str | None = None) -> tuple[str, Changes]:
    """Create or update a visit; new demands and tasks hang off it. All or nothing."""
    store = ws.store
    values = dict(data.values)
    values["demands_text"] = "\n".join(data.demands)
    values["next_steps"] = "\n".join(data.next_steps)
    with store.transaction() as batch:
        if visit_id is None:
            visit_id = store.create("visit", values)
        else:
            store.update("visit", visit_id, values)
        visit = store.get("visit", visit_id)
        day = date.fromisoformat(visit["date"])
        for i, text in enumerate(data.demands):
            try:
                store.create(
                    "demand",
                    {
                        "enterprise_id": visit["enterprise_id"],
                        "visit_id": visit_id,
                        "content": text,
                        "raised_date": visit["date"],
                        "due_date": data.demand_due,
                        "status": "待办",
                    },
                )
            except ValidationError as exc:
                raise ValidationError({"demands_text": f"第{i + 1}条诉求：{exc}"}) from exc
        for i, text in enumerate(data.next_steps):
            try:
                store.create(
                    "task",
                    {
                        "title": text,
                        "assignee": data.task_assignee or visit.get("officer") or store.author,
                        "due_date": (day + timedelta(days=DEFAULT_TASK_DAYS)).isoformat(),
                        "enterprise_id": visit["enterprise_id"],
                        "visit_id": visit_id,
                    },
                )
            except ValidationError as exc:
                raise ValidationError({"next_steps": f"第{i + 1}条下一步工作：{exc}"}) from exc
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
        raise ValidationError({"attachments": f"无法读取附件“{Path(path).name}”：{exc.strerror}"}) from exc
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
