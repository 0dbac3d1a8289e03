"""The local side of sync: status, conflicts and the choice on each, rejected ops. No network code.

The 同步 screen shows these when it opens and the 冲突 dialog writes the choices, so this module
must stay free of httpx, keyring and the wire models (services/sync.py, ≈250 ms to import): opening
the screen must not freeze the window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..domain import lifecycle
from ..domain.errors import NotFoundError, ValidationError
from ..domain.money import WAN_PER_YI, format_yi
from ..domain.records import BY_TABLE, field_specs
from ..domain.validation import validate_fields
from ..storage.columns import wire_value
from ..storage.replica import Replica
from .context import Workspace

CHOICES = {"local": "另一方的值", "server": "当前值", "base": "原值"}


# -- status, conflicts, rejected ops ---------------------------------------------------------------
def sync_status(ws: Workspace) -> dict[str, Any]:
    """What a sync panel shows: last sync, last error, pending changes, open conflicts, rejected ops."""
    replica = Replica(ws.db)
    rejected = ws.db.execute("SELECT count(*) FROM outbox WHERE state = 'rejected'").fetchone()[0]
    return {
        "last_sync": replica.get_state("last_sync") or "",
        "last_error": replica.get_state("last_error") or "",
        "pending": replica.pending_count(),
        "open_conflicts": len(replica.open_conflicts()),
        "rejected": int(rejected),
        "cursor": replica.cursor(),
    }


@dataclass
class ConflictView:
    """One field where two edits met: Local (the other value) / Server (in force) / Base per field."""

    id: str
    table: str
    table_title: str
    row_id: str
    field: str
    label: str
    local: Any
    server: Any
    base: Any
    local_author: str
    server_author: str
    record: str = ""  # the record as people name it: 企业/项目名称, 走访日期 + 企业 ...
    kind: str = ""  # the field's kind (money, date, list, ref ...) for showing its values

    def text(self, which: str) -> str:
        """`local` / `server` / `base` value as people read it: money in 亿元, lists joined, names."""
        return value_text(self.kind, getattr(self, which))


def value_text(kind: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    if kind == "money" and isinstance(value, int | str) and str(value).lstrip("-").isdigit():
        return format_yi(int(value))  # the wire carries 万元; the label says 亿元
    if kind == "bool" or isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def _name_of(ws: Workspace, table: str, row_id: str | None) -> str:
    """How a record is named to people (not its id); '' when it is not on this laptop."""
    row = ws.store.find(table, row_id) if row_id and table in BY_TABLE else None
    if row is None:
        return ""
    ent = _name_of(ws, "enterprise", row.get("enterprise_id")) if row.get("enterprise_id") else ""
    project = _name_of(ws, "project", row.get("project_id")) if row.get("project_id") else ""
    names = {
        "office": row.get("name"),
        "enterprise": row.get("name"),
        "project": row.get("name"),
        "contact": f"{row.get('name')}（{ent}）",
        "visit": f"{row.get('date')} 走访{ent}",
        "demand": f"{ent}：{str(row.get('content') or '')[:20]}",
        "task": row.get("title"),
        "event": f"{row.get('date')} {row.get('name')}",
        "trip": f"{row.get('start_date')} {row.get('leader')}外出招商",
        "stage_change": f"{project} {row.get('date')} 阶段变更",
        "funding": f"{project} {row.get('date')} 到位资金",
        "commissioner": f"{ent} 服务专员{row.get('officer')}",
        "trigger": f"{ent} 六必访（{row.get('kind')}）",
        "attachment": row.get("filename"),
    }
    return str(names.get(table) or "")


def list_conflicts(ws: Workspace) -> list[ConflictView]:
    out = []
    for c in Replica(ws.db).open_conflicts():
        table = c["table_name"]
        spec = field_specs(table).get(c["field"]) if table in BY_TABLE else None
        out.append(
            ConflictView(
                id=c["id"],
                table=table,
                table_title=BY_TABLE[table].TITLE if table in BY_TABLE else table,
                row_id=c["row_id"],
                field=c["field"],
                label=spec.label
                if spec
                else {"deleted": "删除", "office_id": "所属办事处"}.get(c["field"], c["field"]),
                local=json.loads(c["local_value"]) if c["local_value"] else None,
                server=json.loads(c["server_value"]) if c["server_value"] else None,
                base=json.loads(c["base_value"]) if c["base_value"] else None,
                local_author=c["local_author"] or "",
                server_author=c["server_author"] or "",
                record=_name_of(ws, table, c["row_id"]),
                kind=spec.kind if spec else "",
            )
        )
    return out


def resolve_conflict(ws: Workspace, conflict_id: str, choice: str) -> None:
    """Keep `choice` (local|server|base) for the field. The choice itself is a synced act (a
    `resolve` op): even choosing the value already in force closes the conflict on the server and,
    after their next sync, on every other laptop in scope; a different value is written too."""
    if choice not in CHOICES:
        raise ValidationError({"choice": f"请选择 {'/'.join(CHOICES)} 之一"})
    replica = Replica(ws.db)
    raw = next((c for c in replica.open_conflicts() if c["id"] == conflict_id), None)
    views = [c for c in list_conflicts(ws) if c.id == conflict_id]
    if raw is None or not views:
        raise NotFoundError("找不到该冲突，可能已处理")
    c = views[0]
    value = {"local": c.local, "server": c.server, "base": c.base}[choice]
    store = ws.store
    with store.transaction() as batch:
        row = store.get(c.table, c.row_id, include_deleted=True)
        write, previous = False, None
        if c.field == "deleted":
            # Deletion moves only through delete/undelete ops (tombstones); the resolve op settles it.
            if value and not row["deleted"]:
                store.delete(c.table, c.row_id, source="conflict")
            elif not value and row["deleted"]:
                store.undelete(c.table, c.row_id, source="conflict")
        elif c.field == "office_id":
            if value and value != row["office_id"]:  # a move is scope-checked by its own update op
                store.update(c.table, c.row_id, {"office_id": value}, source="conflict", allow_deleted=True)
        else:
            if row["deleted"] and choice == "local":
                store.undelete(c.table, c.row_id, source="conflict")  # the edit lost to a delete
            spec = field_specs(c.table).get(c.field)
            if spec is not None:
                shown = value
                if spec.kind == "money" and value is not None:
                    shown = Decimal(int(value)) / WAN_PER_YI  # validation takes 亿元; the wire has 万元
                cleaned = validate_fields(
                    c.table, {c.field: shown}, creating=False
                )  # e.g. an empty required base
                if c.table == "project" and c.field in lifecycle.LIFECYCLE_FIELDS:
                    _keep_project_possible(row, cleaned)
                previous = wire_value(c.table, c.field, row.get(c.field))
                write = previous != value
        row = store.get(c.table, c.row_id, include_deleted=True)
        replica.record_resolution(
            raw,
            choice,
            value,
            write=write,
            previous=previous,
            stamp=store.clock.now(),
            author=store.author,
            office_id=row["office_id"],
            base_version=int(row["version"] or 0),
        )
        # Written with SQL of its own: the screens showing the row and the conflicts must hear of it.
        batch.tables.update((c.table, "conflict"))
        batch.ids.add(c.row_id)


def _keep_project_possible(row: dict[str, Any], cleaned: dict[str, Any]) -> None:
    """A 冲突 choice goes through the stage/date rule too: it may not add a problem to the project."""
    had = set(lifecycle.problems(row).items())
    added = {k: v for k, v in lifecycle.problems({**row, **cleaned}).items() if (k, v) not in had}
    if added:
        raise ValidationError(added)


def rejected_ops(ws: Workspace) -> list[dict[str, Any]]:
    """Changes the server refused (e.g. another office's record), kept visible with the reason."""
    rows = ws.db.execute(
        "SELECT op_id, table_name, row_id, kind, fields, reason, hlc, author FROM outbox"
        " WHERE state = 'rejected' ORDER BY op_seq"
    ).fetchall()
    return [
        {
            "op_id": op_id,
            "table": table,
            "row_id": row_id,
            "kind": kind,
            "fields": json.loads(fields or "{}"),
            "reason": reason or "",
            "hlc": hlc,
            "author": author,
            "record": _name_of(ws, table, row_id),
        }
        for op_id, table, row_id, kind, fields, reason, hlc, author in rows
    ]
