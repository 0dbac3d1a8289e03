"""Read-only queries behind the dashboard, an enterprise's timeline and attachments' file bytes."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils


_CLOSED = "('已解决', '无法解决')"


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def open_tasks_due(
    db: sqlite_utils.Database, *, until: str, assignee: str | None = None, limit: int = 200
) -> list[dict[str, Any]]:
    """Open tasks due on or before `until` (today's and overdue), earliest first."""
    sql = (
        "SELECT t.id, t.title, t.due_date, t.assignee, e.name AS enterprise FROM task t"
        " LEFT JOIN enterprise e ON e.id = t.enterprise_id"
        " WHERE t.deleted = 0 AND t.done = 0 AND t.due_date IS NOT NULL AND t.due_date != ''"
        " AND t.due_date <= ?"
    )
    params: list[Any] = [until]
    if assignee:
        sql += " AND t.assignee = ?"
        params.append(assignee)
    return _rows(db, sql + " ORDER BY t.due_date LIMIT ?", [*params, limit])


# DOMAIN.md "stalled": a project's activity is its creation, a stage change, a funds instalment, or a
# visit or task linked to it (a task's project_id; a visit through such a task), plus the 最近进展日期
# an officer typed. Creation is the date part of the record's HLC stamp (milliseconds since 1970).
_HLC_DAY = "date(CAST(substr({0}, 1, 15) AS INTEGER) / 1000, 'unixepoch')"
_ACTIVITY_SQL = f"""
    WITH sc AS (SELECT project_id, max(date) AS d FROM stage_change WHERE deleted = 0 GROUP BY project_id),
    fd AS (SELECT project_id, max(date) AS d FROM funding WHERE deleted = 0 GROUP BY project_id),
    tk AS (SELECT t.project_id, max(max({_HLC_DAY.format("t.created_at")}, coalesce(t.done_date, ''),
             coalesce(v.date, ''))) AS d
           FROM task t LEFT JOIN visit v ON v.id = t.visit_id AND v.deleted = 0
           WHERE t.deleted = 0 AND t.project_id IS NOT NULL AND t.project_id != '' GROUP BY t.project_id),
    act AS (SELECT p.id, max(coalesce(p.last_activity, ''), coalesce({_HLC_DAY.format("p.created_at")}, ''),
             coalesce(sc.d, ''), coalesce(fd.d, ''), coalesce(tk.d, '')) AS activity
           FROM project p LEFT JOIN sc ON sc.project_id = p.id LEFT JOIN fd ON fd.project_id = p.id
           LEFT JOIN tk ON tk.project_id = p.id
           WHERE p.deleted = 0 AND p.status != '终止' AND p.stage != '投产达产')
"""


def stalled_projects(
    db: sqlite_utils.Database, *, before: str, limit: int | None = 200
) -> list[dict[str, Any]]:
    """Live, not terminated, not yet producing projects with no activity since `before` (DOMAIN.md),
    and those marked 停滞 by hand (listed until they move). `last_activity` is the latest activity."""
    return _rows(
        db,
        _ACTIVITY_SQL
        + " SELECT p.id, p.name, p.stage, p.status, act.activity AS last_activity, e.name AS enterprise"
        " FROM act JOIN project p ON p.id = act.id LEFT JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE p.status = '停滞' OR act.activity < ? ORDER BY act.activity, p.name LIMIT ?",
        [before, -1 if limit is None else limit],
    )


def project_lifecycle_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Stage and key dates of every live project that has a dated stage or any key date (for the rule)."""
    return _rows(
        db,
        "SELECT p.id, p.name, p.stage, p.signed_date, p.signed_wan, p.landed_date, p.started_date,"
        " p.production_date, e.name AS enterprise FROM project p LEFT JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE p.deleted = 0 AND (p.stage IN ('签约落地', '开工建设', '投产达产') OR p.signed_date IS NOT NULL"
        " OR p.landed_date IS NOT NULL OR p.started_date IS NOT NULL OR p.production_date IS NOT NULL)"
        " ORDER BY p.name",
        [],
    )


def _next_visit_sql(enterprise: str, day: str) -> str:
    """Id of the visit a 六必访 trigger awaits: the earliest live one to `enterprise` on or after `day`
    (SQL expressions), ties by id, so every laptop picks the same one."""
    return (
        f"SELECT v2.id FROM visit v2 WHERE v2.enterprise_id = {enterprise} AND v2.deleted = 0"
        f" AND v2.date >= {day} ORDER BY v2.date, v2.id LIMIT 1"
    )


def triggers_fulfilled_by_visits(
    db: sqlite_utils.Database, *, enterprise_id: str | None = None
) -> list[dict[str, Any]]:
    """Open 六必访 triggers that a later visit to their enterprise fulfils, with that (earliest) visit."""
    where = " AND g.enterprise_id = ?" if enterprise_id else ""
    return _rows(
        db,
        "SELECT g.id, k.id AS task_id, coalesce(k.done, 0) AS task_done, v.id AS visit_id,"
        " v.date AS visit_date FROM [trigger] g"
        f" JOIN visit v ON v.id = ({_next_visit_sql('g.enterprise_id', 'g.date')})"
        " LEFT JOIN task k ON k.id = g.task_id AND k.deleted = 0"
        " WHERE g.deleted = 0 AND (g.visit_id IS NULL OR g.visit_id = '')" + where,
        [enterprise_id] if enterprise_id else [],
    )


def next_visit(db: sqlite_utils.Database, enterprise_id: str, day: str) -> dict[str, Any] | None:
    """The visit (id, date) that fulfils a 六必访 trigger of `enterprise_id` noticed on `day`, if any."""
    found = _rows(
        db, f"SELECT id, date FROM visit WHERE id = ({_next_visit_sql('?', '?')})", [enterprise_id, day]
    )
    return found[0] if found else None


def key_enterprises_without_commissioner(db: sqlite_utils.Database) -> int:
    return db.execute(
        "SELECT count(*) FROM enterprise e WHERE e.deleted = 0 AND e.is_key = 1 AND NOT EXISTS ("
        " SELECT 1 FROM commissioner c WHERE c.enterprise_id = e.id AND c.deleted = 0"
        " AND (c.end_date IS NULL OR c.end_date = ''))"
    ).fetchone()[0]


def timeline(db: sqlite_utils.Database, enterprise_id: str) -> list[dict[str, Any]]:
    """Everything that happened with one enterprise, newest first: (date, kind, text, table, id)."""
    sql = """
        SELECT date AS day, '走访' AS kind, form || '：' || coalesce(purpose, '') AS text, 'visit' AS tbl, id
          FROM visit WHERE enterprise_id = :e AND deleted = 0
        UNION ALL SELECT coalesce(last_activity, ''), '项目', name || '（' || stage || '，' || status || '）',
          'project', id FROM project WHERE enterprise_id = :e AND deleted = 0
        UNION ALL SELECT coalesce(raised_date, ''), '诉求', content || '（' || status || '）', 'demand', id
          FROM demand WHERE enterprise_id = :e AND deleted = 0
        UNION ALL SELECT start_date, '服务专员', officer || coalesce('，至 ' || nullif(end_date, ''), '，至今'),
          'commissioner', id FROM commissioner WHERE enterprise_id = :e AND deleted = 0
        UNION ALL SELECT coalesce(due_date, ''), '任务',
          title || CASE WHEN done THEN '（已完成）' ELSE '' END, 'task', id
          FROM task WHERE enterprise_id = :e AND deleted = 0
        UNION ALL SELECT date, '六必访', kind || '：' || coalesce(note, ''), 'trigger', id
          FROM [trigger] WHERE enterprise_id = :e AND deleted = 0
        ORDER BY day DESC
    """
    return _rows(db, sql, {"e": enterprise_id})  # type: ignore[arg-type]


def stage_history(db: sqlite_utils.Database, project_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT id, date, from_stage, to_stage, note FROM stage_change"
        " WHERE project_id = ? AND deleted = 0 ORDER BY date, updated_at",
        [project_id],
    )


def fundings(db: sqlite_utils.Database, project_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT id, date, amount_wan, note FROM funding WHERE project_id = ? AND deleted = 0 ORDER BY date",
        [project_id],
    )


def attachments_of(db: sqlite_utils.Database, owner_id: str) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT id, sha256, filename, mime, size, kind FROM attachment WHERE owner_id = ? AND deleted = 0",
        [owner_id],
    )


def put_blob(db: sqlite_utils.Database, data: bytes) -> str:
    """Store file bytes once by SHA-256 (the same photo attached twice is kept once)."""
    digest = hashlib.sha256(data).hexdigest()
    db.execute(
        "INSERT OR IGNORE INTO blob (sha256, size, data, uploaded) VALUES (?, ?, ?, 0)",
        [digest, len(data), data],
    )
    return digest


def get_blob(db: sqlite_utils.Database, sha256: str) -> bytes | None:
    row = db.execute("SELECT data FROM blob WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def open_conflicts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return _rows(
        db,
        "SELECT id, table_name, row_id, field, local_value, server_value, base_value, local_author,"
        " server_author FROM conflict WHERE coalesce(resolved, 0) = 0 ORDER BY table_name, row_id",
        [],
    )


def integrity_problem(db: sqlite_utils.Database) -> str:
    """'' when PRAGMA quick_check passes, else its first complaint (run off the GUI thread)."""
    result = db.execute("PRAGMA quick_check").fetchone()[0]
    return "" if result == "ok" else str(result)
