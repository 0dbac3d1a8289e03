"""SQL behind the printed reports: one visit with everything around it, and an office's ISO week.

Rows come back decoded (lists as lists, bools as bools) as plain dicts; `zsdesk.services.reports`
turns them into the renderers' dataclasses. Only live rows (`deleted = 0`) are read. Dates are ISO
text, so text comparison is date comparison; history/created_at stamps are HLC strings whose fixed
width makes text comparison time comparison as well.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .columns import decode

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils


def _rows(
    db: sqlite_utils.Database, sql: str, params: list[Any] | tuple[Any, ...] = ()
) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _decoded(db: sqlite_utils.Database, table: str, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return [decode(table, row) for row in _rows(db, sql, params)]


# -- one visit --------------------------------------------------------------------------------


def visit_bundle(db: sqlite_utils.Database, visit_id: str) -> dict[str, Any] | None:
    """The visit plus its office, enterprise, contacts, demands, tasks and attachments; None if absent.

    `visit_bundle(db, vid)["enterprise"]["name"]`
    """
    visits = _decoded(db, "visit", "SELECT * FROM visit WHERE id = ? AND deleted = 0", [visit_id])
    if not visits:
        return None
    visit = visits[0]
    enterprise = _decoded(db, "enterprise", "SELECT * FROM enterprise WHERE id = ?", [visit["enterprise_id"]])
    offices = _rows(db, "SELECT name, unit FROM office WHERE id = ?", [visit["office_id"]])
    return {
        "visit": visit,
        "office": offices[0] if offices else {"name": "", "unit": ""},
        "enterprise": enterprise[0] if enterprise else {},
        "contacts": _decoded(
            db,
            "contact",
            "SELECT * FROM contact WHERE enterprise_id = ? AND deleted = 0 ORDER BY created_at",
            [visit["enterprise_id"]],
        ),
        "demands": _decoded(
            db,
            "demand",
            "SELECT * FROM demand WHERE visit_id = ? AND deleted = 0 ORDER BY created_at",
            [visit_id],
        ),
        "tasks": _decoded(
            db,
            "task",
            "SELECT * FROM task WHERE visit_id = ? AND deleted = 0 ORDER BY due_date, created_at",
            [visit_id],
        ),
        "attachments": _decoded(
            db,
            "attachment",
            "SELECT * FROM attachment WHERE owner_table = 'visit' AND owner_id = ? AND deleted = 0"
            " ORDER BY created_at",
            [visit_id],
        ),
    }


# -- an office's week -------------------------------------------------------------------------


def office_by_name(db: sqlite_utils.Database, name: str) -> dict[str, Any] | None:
    """The live office called `name` (exact), else None."""
    rows = _rows(db, "SELECT id, name, unit FROM office WHERE name = ? AND deleted = 0", [name.strip()])
    return rows[0] if rows else None


def office_names(db: sqlite_utils.Database) -> list[str]:
    return [r["name"] for r in _rows(db, "SELECT name FROM office WHERE deleted = 0 ORDER BY name")]


def week_visits(db: sqlite_utils.Database, office_id: str, start: str, end: str) -> list[dict[str, Any]]:
    """Visits dated in [start, end] with their enterprise name, ordered by officer then date."""
    return _rows(
        db,
        "SELECT v.id, v.date, v.officer, v.form, v.leader, v.purpose, v.minutes, e.name AS enterprise"
        " FROM visit v JOIN enterprise e ON e.id = v.enterprise_id"
        " WHERE v.office_id = ? AND v.deleted = 0 AND v.date BETWEEN ? AND ?"
        " ORDER BY v.officer, v.date, e.name",
        [office_id, start, end],
    )


def week_projects(
    db: sqlite_utils.Database, office_id: str, start: str, end: str, hlc_from: str, hlc_to: str
) -> list[dict[str, Any]]:
    """Projects created in the week (created_at in [hlc_from, hlc_to)) or with a stage change dated
    in [start, end]; each row carries `steps`: that week's stage changes, oldest first."""
    projects = _rows(
        db,
        "SELECT p.id, p.name, p.stage, p.planned_wan, p.created_at, e.name AS enterprise"
        " FROM project p JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE p.office_id = ? AND p.deleted = 0 AND ("
        "  (p.created_at >= ? AND p.created_at < ?)"
        "  OR EXISTS (SELECT 1 FROM stage_change s WHERE s.project_id = p.id AND s.deleted = 0"
        "             AND s.date BETWEEN ? AND ?))"
        " ORDER BY p.name",
        [office_id, hlc_from, hlc_to, start, end],
    )
    if not projects:
        return []
    steps = _rows(
        db,
        "SELECT s.project_id, s.date, s.from_stage, s.to_stage, s.note FROM stage_change s"
        " JOIN project p ON p.id = s.project_id"
        " WHERE p.office_id = ? AND p.deleted = 0 AND s.deleted = 0 AND s.date BETWEEN ? AND ?"
        " ORDER BY s.date, s.created_at",
        [office_id, start, end],
    )
    by_project: dict[str, list[dict[str, Any]]] = {}
    for step in steps:
        by_project.setdefault(step["project_id"], []).append(step)
    for project in projects:
        project["steps"] = by_project.get(project["id"], [])
    return projects


def week_demands(
    db: sqlite_utils.Database, office_id: str, start: str, end: str, hlc_from: str, hlc_to: str
) -> list[dict[str, Any]]:
    """Demands raised or closed in [start, end], or whose status became 已回应 in the week.

    A demand has no "answered on" field, so the answer date comes from the `history` table: the
    stamp of the edit that set status to 已回应 (`answered_hlc`, earliest such edit in the week).
    """
    answered: dict[str, str] = {}
    for row in _rows(
        db,
        "SELECT h.row_id, h.hlc, h.changes FROM history h JOIN demand d ON d.id = h.row_id"
        " WHERE h.table_name = 'demand' AND d.office_id = ? AND h.hlc >= ? AND h.hlc < ?"
        " AND h.changes LIKE '%status%' ORDER BY h.hlc",
        [office_id, hlc_from, hlc_to],
    ):
        change = json.loads(row["changes"] or "{}").get("status")
        if isinstance(change, list) and len(change) == 2 and change[1] == "已回应":
            answered.setdefault(row["row_id"], row["hlc"])
    placeholders = ", ".join("?" * len(answered))
    answered_clause = f" OR d.id IN ({placeholders})" if answered else ""
    rows = _rows(
        db,
        "SELECT d.id, d.content, d.category, d.status, d.raised_date, d.closed_date, d.created_at,"
        " e.name AS enterprise FROM demand d JOIN enterprise e ON e.id = d.enterprise_id"
        " WHERE d.office_id = ? AND d.deleted = 0 AND ("
        "  d.raised_date BETWEEN ? AND ? OR d.closed_date BETWEEN ? AND ?"
        "  OR ((d.raised_date IS NULL OR d.raised_date = '') AND d.created_at >= ? AND d.created_at < ?)"
        f"  {answered_clause})"
        " ORDER BY COALESCE(NULLIF(d.raised_date, ''), d.created_at), e.name",
        [office_id, start, end, start, end, hlc_from, hlc_to, *answered],
    )
    for row in rows:
        row["answered_hlc"] = answered.get(row["id"], "")
    return rows


def overdue_tasks(db: sqlite_utils.Database, office_id: str, before: str) -> list[dict[str, Any]]:
    """Open tasks due before `before` (ISO date), most overdue first, with what they concern."""
    return _rows(
        db,
        "SELECT t.id, t.title, t.assignee, t.due_date,"
        " COALESCE(e.name, p.name, '') AS about"
        " FROM task t LEFT JOIN enterprise e ON e.id = t.enterprise_id AND e.deleted = 0"
        " LEFT JOIN project p ON p.id = t.project_id AND p.deleted = 0"
        " WHERE t.office_id = ? AND t.deleted = 0 AND (t.done = 0 OR t.done IS NULL)"
        " AND t.due_date IS NOT NULL AND t.due_date != '' AND t.due_date < ?"
        " ORDER BY t.due_date, t.title",
        [office_id, before],
    )
