"""SQL behind what officers hand over: enterprise files, briefing packs, trips (一表) and 督办单.

Every function reads live rows only (`deleted = 0`) and returns plain decoded dicts; the services
layer (`zsdesk.services.handover`) shapes them for the renderers. Per-enterprise sections are read
for a whole list of enterprises at once (one query per section, not per enterprise), so a 30-company
briefing pack costs the same handful of queries as a single 一企一档.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .columns import decode

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils

_CLOSED = "('已解决', '无法解决')"
_CHUNK = 500  # well under SQLite's bound-parameter limit


def _rows(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def _in(db: sqlite_utils.Database, table: str, sql: str, ids: Iterable[str], extra: Sequence[Any] = ()):
    """Run `sql` (with one `{in}` placeholder) over chunks of `ids`; rows decoded for `table`."""
    items = list(dict.fromkeys(i for i in ids if i))
    out: list[dict[str, Any]] = []
    for start in range(0, len(items), _CHUNK):
        chunk = items[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        out += [decode(table, r) for r in _rows(db, sql.replace("{in}", marks), [*chunk, *extra])]
    return out


def _by_enterprise(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["enterprise_id"], []).append(row)
    return grouped


# -- finding enterprises ----------------------------------------------------------------------


def enterprises_by_key(db: sqlite_utils.Database, key: str) -> list[dict[str, Any]]:
    """Live, unmerged enterprises a user's text names: exact credit code, name or 简称 first, else
    every name containing the text (the caller decides what to do with several)."""
    key = key.strip()
    if not key:
        return []
    base = "SELECT id, name, credit_code FROM enterprise WHERE deleted = 0 AND COALESCE(merged_into, '') = ''"
    exact = _rows(
        db,
        f"{base} AND (credit_code = ? OR name = ? OR short_name = ?) ORDER BY name",
        [key.upper(), key, key],
    )
    if exact:
        return exact
    like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _rows(db, f"{base} AND name LIKE ? ESCAPE '\\' ORDER BY name LIMIT 20", [f"%{like}%"])


def office_name(db: sqlite_utils.Database, office_id: str) -> str:
    rows = _rows(db, "SELECT name FROM office WHERE id = ?", [office_id])
    return (rows[0]["name"] or "") if rows else ""


# -- the sections of an enterprise file -------------------------------------------------------


def enterprise_sections(
    db: sqlite_utils.Database,
    enterprise_ids: Sequence[str],
    *,
    visits: int = 3,
    skip_trip: str = "",
) -> dict[str, dict[str, Any]]:
    """{enterprise id: {"enterprise", "visit_total", "contacts", "commissioners", "visits", "demands",
    "projects"}}.

    `visits` newest visits per enterprise (visits of trip `skip_trip` left out: they are the trip's
    own itinerary, not history); demands are the open ones; projects all live ones, newest first.
    """
    ents = _in(
        db, "enterprise", "SELECT * FROM enterprise WHERE deleted = 0 AND id IN ({in})", enterprise_ids
    )
    if not ents:
        return {}
    ids = [e["id"] for e in ents]
    contacts = _by_enterprise(
        _in(
            db,
            "contact",
            "SELECT * FROM contact WHERE deleted = 0 AND enterprise_id IN ({in}) ORDER BY created_at",
            ids,
        )
    )
    commissioners = _by_enterprise(
        _in(
            db,
            "commissioner",
            "SELECT * FROM commissioner WHERE deleted = 0 AND enterprise_id IN ({in})"
            " ORDER BY start_date DESC, created_at DESC",
            ids,
        )
    )
    recent = _by_enterprise(
        _in(
            db,
            "visit",
            "SELECT * FROM (SELECT v.*, row_number() OVER (PARTITION BY v.enterprise_id"
            "  ORDER BY v.date DESC, v.created_at DESC) AS rn FROM visit v"
            "  WHERE v.deleted = 0 AND v.enterprise_id IN ({in}) AND COALESCE(v.trip_id, '') != ?)"
            " WHERE rn <= ? ORDER BY date DESC, created_at DESC",
            ids,
            [skip_trip or "\x00", visits],
        )
    )
    demands = _by_enterprise(
        _in(
            db,
            "demand",
            f"SELECT * FROM demand WHERE deleted = 0 AND status NOT IN {_CLOSED}"
            " AND enterprise_id IN ({in}) ORDER BY COALESCE(NULLIF(due_date, ''), '9999'), raised_date",
            ids,
        )
    )
    projects = _by_enterprise(
        _in(
            db,
            "project",
            "SELECT * FROM project WHERE deleted = 0 AND enterprise_id IN ({in})"
            " ORDER BY COALESCE(NULLIF(last_activity, ''), created_at) DESC",
            ids,
        )
    )
    counts = {
        r["enterprise_id"]: r["n"]
        for r in _in(
            db,
            "visit",
            "SELECT enterprise_id, count(*) AS n FROM visit WHERE deleted = 0"
            " AND enterprise_id IN ({in}) GROUP BY enterprise_id",
            ids,
        )
    }
    return {
        e["id"]: {
            "enterprise": e,
            "visit_total": counts.get(e["id"], 0),
            "contacts": contacts.get(e["id"], []),
            "commissioners": commissioners.get(e["id"], []),
            "visits": recent.get(e["id"], []),
            "demands": demands.get(e["id"], []),
            "projects": projects.get(e["id"], []),
        }
        for e in ents
    }


# -- trips ------------------------------------------------------------------------------------


def trip(db: sqlite_utils.Database, trip_id: str) -> dict[str, Any] | None:
    rows = _in(db, "trip", "SELECT * FROM trip WHERE deleted = 0 AND id IN ({in})", [trip_id])
    return rows[0] if rows else None


def trip_visits(db: sqlite_utils.Database, trip_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Visits made on the trips (Visit.trip_id), oldest first, each with its enterprise's name."""
    return _in(
        db,
        "visit",
        "SELECT v.*, e.name AS enterprise FROM visit v LEFT JOIN enterprise e ON e.id = v.enterprise_id"
        " WHERE v.deleted = 0 AND v.trip_id IN ({in}) ORDER BY v.date, v.created_at",
        trip_ids,
    )


def trips_between(db: sqlite_utils.Database, date_from: str, date_to: str) -> list[dict[str, Any]]:
    """Trips whose start date is in [date_from, date_to] ("" = open end), oldest first."""
    return [
        decode("trip", r)
        for r in _rows(
            db,
            "SELECT t.*, o.name AS office FROM trip t LEFT JOIN office o ON o.id = t.office_id"
            " WHERE t.deleted = 0 AND (? = '' OR t.start_date >= ?) AND (? = '' OR t.start_date <= ?)"
            " ORDER BY t.start_date, t.created_at",
            [date_from, date_from, date_to, date_to],
        )
    ]


def names(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> dict[str, str]:
    """{id: name} of enterprises or projects (deleted ones too: a trip's history keeps its names)."""
    assert table in ("enterprise", "project")
    return {
        r["id"]: r["name"] or ""
        for r in _in(db, table, f"SELECT id, name FROM {table} WHERE id IN ({{in}})", ids)
    }


def projects_of(db: sqlite_utils.Database, project_ids: Iterable[str]) -> list[dict[str, Any]]:
    return _in(
        db,
        "project",
        "SELECT p.*, e.name AS enterprise FROM project p LEFT JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE p.deleted = 0 AND p.id IN ({in}) ORDER BY p.name",
        project_ids,
    )


def visits_to_link(
    db: sqlite_utils.Database, enterprise_ids: Sequence[str], date_from: str, date_to: str, trip_id: str
) -> list[dict[str, Any]]:
    """Candidate visits for a trip: dated within its dates or of its enterprises, not on it yet."""
    marks = ", ".join("?" * len(enterprise_ids)) or "NULL"
    return _rows(
        db,
        "SELECT v.id, v.date, v.form, v.purpose, e.name AS enterprise, COALESCE(v.trip_id, '') AS trip_id"
        " FROM visit v LEFT JOIN enterprise e ON e.id = v.enterprise_id"
        " WHERE v.deleted = 0 AND COALESCE(v.trip_id, '') != ?"
        f" AND (v.date BETWEEN ? AND ? OR v.enterprise_id IN ({marks}))"
        " ORDER BY v.date DESC, e.name LIMIT 300",
        [trip_id, date_from, date_to, *enterprise_ids],
    )


# -- 督办 -------------------------------------------------------------------------------------


def open_demands(
    db: sqlite_utils.Database, *, department: str = "", overdue_before: str = ""
) -> list[dict[str, Any]]:
    """Open demands (not 已解决/无法解决) with their enterprise, by department then deadline.

    `department` matches exactly ("" = all; "（未指定）" departments are the empty ones);
    `overdue_before` keeps only those whose deadline is before that ISO date.
    """
    where = [f"d.deleted = 0 AND d.status NOT IN {_CLOSED}"]
    params: list[Any] = []
    if department:
        where.append("COALESCE(d.department, '') = ?")
        params.append("" if department == "（未指定）" else department.strip())
    if overdue_before:
        where.append("COALESCE(d.due_date, '') != '' AND d.due_date < ?")
        params.append(overdue_before)
    return _rows(
        db,
        "SELECT d.id, d.content, d.category, COALESCE(d.department, '') AS department, d.status,"
        " d.response, d.raised_date, d.due_date, d.created_at, e.name AS enterprise,"
        " e.credit_code, o.name AS office"
        " FROM demand d LEFT JOIN enterprise e ON e.id = d.enterprise_id"
        " LEFT JOIN office o ON o.id = d.office_id"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY COALESCE(d.department, '') = '', d.department,"
        " COALESCE(NULLIF(d.due_date, ''), '9999'), d.raised_date, e.name",
        params,
    )


def demand_departments(db: sqlite_utils.Database, limit: int = 300) -> list[str]:
    """Departments demands were assigned to, most used first (for the 诉求 screen's filter)."""
    return [
        r["department"]
        for r in _rows(
            db,
            "SELECT department, count(*) AS n FROM demand WHERE deleted = 0 AND COALESCE(department, '') != ''"
            " GROUP BY department ORDER BY n DESC, department LIMIT ?",
            [limit],
        )
    ]


def projects_of_enterprises(db: sqlite_utils.Database, enterprise_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Live projects of the given enterprises, by enterprise then name."""
    return _in(
        db,
        "project",
        "SELECT p.id, p.name, p.stage, p.enterprise_id, e.name AS enterprise FROM project p"
        " LEFT JOIN enterprise e ON e.id = p.enterprise_id"
        " WHERE p.deleted = 0 AND p.enterprise_id IN ({in}) ORDER BY e.name, p.name",
        enterprise_ids,
    )


def trips_by_key(db: sqlite_utils.Database, key: str) -> list[dict[str, Any]]:
    """Live trips a user's text names: the exact id, else an id prefix, a 出发日期 or a 带队领导."""
    key = key.strip()
    base = "SELECT id, leader, start_date, places FROM trip WHERE deleted = 0"
    exact = _rows(db, f"{base} AND id = ?", [key])
    if exact or not key:
        return exact
    like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _rows(
        db,
        f"{base} AND (id LIKE ? ESCAPE '\\' OR start_date = ? OR leader = ?) ORDER BY start_date DESC LIMIT 20",
        [f"{like}%", key, key],
    )
