"""The queries of the officer's day (the dashboard): one office's open work, nearest deadline first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

_CLOSED = "('已解决', '无法解决')"


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def my_open_tasks(db: sqlite_utils.Database, *, assignee: str, limit: int = 100) -> list[dict[str, Any]]:
    """The officer's open tasks, earliest due first (undated last)."""
    return _rows(
        db,
        "SELECT t.id, t.title, t.due_date, t.assignee, e.name AS enterprise FROM task t"
        " LEFT JOIN enterprise e ON e.id = t.enterprise_id"
        " WHERE t.deleted = 0 AND t.done = 0 AND t.assignee = ?"
        " ORDER BY coalesce(nullif(t.due_date, ''), '9999') LIMIT ?",
        [assignee, limit],
    )


def team_overdue_tasks(
    db: sqlite_utils.Database, *, office_id: str, before: str, exclude: str = "", limit: int = 100
) -> list[dict[str, Any]]:
    """Open tasks of the office's other officers due before `before` (a team lead's follow-up list)."""
    return _rows(
        db,
        "SELECT t.id, t.title, t.due_date, t.assignee, e.name AS enterprise FROM task t"
        " LEFT JOIN enterprise e ON e.id = t.enterprise_id"
        " WHERE t.deleted = 0 AND t.done = 0 AND t.office_id = ? AND t.due_date IS NOT NULL"
        " AND t.due_date != '' AND t.due_date < ? AND coalesce(t.assignee, '') != ?"
        " ORDER BY t.due_date LIMIT ?",
        [office_id, before, exclude, limit],
    )


def office_open_demands(
    db: sqlite_utils.Database, *, office_id: str, limit: int = 100
) -> list[dict[str, Any]]:
    """The office's unclosed demands by nearest 办理时限 (those without one last)."""
    return _rows(
        db,
        "SELECT d.id, d.content, d.due_date, d.status, d.department, d.category, e.name AS enterprise"
        " FROM demand d LEFT JOIN enterprise e ON e.id = d.enterprise_id"
        f" WHERE d.deleted = 0 AND d.office_id = ? AND coalesce(d.status, '待办') NOT IN {_CLOSED}"
        " ORDER BY coalesce(nullif(d.due_date, ''), '9999'), d.raised_date LIMIT ?",
        [office_id, limit],
    )


def office_visits_between(
    db: sqlite_utils.Database, *, office_id: str, start: str, end: str, limit: int = 100
) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT v.id, v.date, v.form, v.officer, v.purpose, e.name AS enterprise FROM visit v"
        " LEFT JOIN enterprise e ON e.id = v.enterprise_id"
        " WHERE v.deleted = 0 AND v.office_id = ? AND v.date BETWEEN ? AND ?"
        " ORDER BY v.date DESC, v.rowid DESC LIMIT ?",
        [office_id, start, end, limit],
    )


def office_project_ids(db: sqlite_utils.Database, *, office_id: str) -> set[str]:
    return {
        r[0] for r in db.execute("SELECT id FROM project WHERE office_id = ? AND deleted = 0", [office_id])
    }


def office_triggers_due(
    db: sqlite_utils.Database, *, office_id: str, limit: int = 100
) -> list[dict[str, Any]]:
    """六必访 occasions of the office whose visit is still to be made (not fulfilled by a visit, task not
    done), earliest due first."""
    return _rows(
        db,
        "SELECT g.id, g.kind, g.date, e.name AS enterprise, k.due_date FROM [trigger] g"
        " LEFT JOIN enterprise e ON e.id = g.enterprise_id LEFT JOIN task k ON k.id = g.task_id"
        " WHERE g.deleted = 0 AND g.office_id = ? AND coalesce(g.visit_id, '') = ''"
        " AND (k.id IS NULL OR (k.done = 0 AND k.deleted = 0))"
        " ORDER BY coalesce(nullif(k.due_date, ''), '9999') LIMIT ?",
        [office_id, limit],
    )
