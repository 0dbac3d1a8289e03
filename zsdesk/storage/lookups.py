"""Batch lookups and flat read queries for Excel exchange: natural keys -> ids, and export rows.

Import resolves thousands of rows, so each lookup takes the whole set of keys the file mentions
and answers with one chunked `IN (...)` query instead of one query per row:

    offices = offices_by_name(db)                     # {"省政府驻上海办事处": "0190…"}
    keys = natural_keys(db, "visit", enterprise_ids)  # {(date, enterprise_id, office_id, form): [id]}

Only live rows (deleted = 0) are returned; merged-away enterprises are tombstoned, so never match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils


# Stays well under SQLite's bound-parameter limit (999 on old builds).
_CHUNK = 500


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    items = sorted({v for v in values if v})
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _select_in(
    db: sqlite_utils.Database, sql: str, values: Iterable[str], extra: Iterable[Any] = ()
) -> Iterator[tuple[Any, ...]]:
    """Run `sql` (which contains one `{in}` placeholder) for each chunk of `values`."""
    for chunk in _chunks(values):
        marks = ", ".join("?" * len(chunk))
        yield from db.execute(sql.format(**{"in": marks}), [*chunk, *extra]).fetchall()


def offices_by_name(db: sqlite_utils.Database) -> dict[str, str]:
    """{office name: id}; the oldest office wins if two share a name."""
    found: dict[str, str] = {}
    for row_id, name in db.execute(
        "SELECT id, name FROM office WHERE deleted = 0 ORDER BY created_at, id"
    ).fetchall():
        found.setdefault((name or "").strip(), row_id)
    return found


def enterprises_matching(
    db: sqlite_utils.Database, *, codes: Iterable[str], names: Iterable[str]
) -> list[dict[str, Any]]:
    """Live enterprises whose credit code is in `codes` or whose exact name is in `names`, oldest first."""
    cols = "id, name, credit_code, office_id, created_at"
    found: dict[str, tuple[Any, ...]] = {}
    for sql, values in (
        (f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND credit_code IN ({{in}})", codes),
        (f"SELECT {cols} FROM enterprise WHERE deleted = 0 AND name IN ({{in}})", names),
    ):
        for row in _select_in(db, sql, values):
            found[row[0]] = row
    rows = sorted(found.values(), key=lambda r: (r[4] or "", r[0]))
    return [dict(zip(("id", "name", "credit_code", "office_id"), r[:4], strict=True)) for r in rows]


# Natural keys of DOMAIN.md "Exchange formats" (and of the ledgers), per table: the key columns and
# the column whose values narrow the query (a province database has visits on every date of the year).
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], str]] = {
    "visit": (("date", "enterprise_id", "office_id", "form"), "enterprise_id"),
    "project": (("name", "enterprise_id"), "name"),
    "event": (("date", "name", "office_id"), "date"),
    "contact": (("enterprise_id", "name"), "enterprise_id"),
    "demand": (("raised_date", "enterprise_id", "content", "office_id"), "enterprise_id"),
    "task": (("title", "assignee", "due_date", "office_id"), "title"),
    "trip": (("leader", "start_date", "office_id"), "leader"),
    "commissioner": (("enterprise_id", "officer", "start_date"), "enterprise_id"),
}


def natural_keys(
    db: sqlite_utils.Database, table: str, narrow: Iterable[str]
) -> dict[tuple[Any, ...], list[str]]:
    """{natural key: [ids, oldest first]} of live rows whose narrowing column is in `narrow`.

    A list, because a database may already hold two records with one key: the caller must not guess.
    """
    columns, by = NATURAL_KEYS[table]
    sql = (
        f"SELECT {', '.join(columns)}, id FROM [{table}] WHERE deleted = 0 AND {by} IN ({{in}})"
        " ORDER BY created_at, id"
    )
    found: dict[tuple[Any, ...], list[str]] = {}
    for row in _select_in(db, sql, narrow):
        found.setdefault(tuple(row[:-1]), []).append(row[-1])
    return found


def fundings_of(
    db: sqlite_utils.Database, project_ids: Iterable[str]
) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """{(project_id, date): [(funding id, amount_wan), ...]} in export order (several may share a date)."""
    sql = (
        "SELECT project_id, date, id, amount_wan FROM funding WHERE deleted = 0 AND project_id IN ({in})"
        " ORDER BY date, id"
    )
    found: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for project_id, date, row_id, amount in _select_in(db, sql, project_ids):
        found.setdefault((project_id, date), []).append((row_id, amount))
    return found


# -- export -----------------------------------------------------------------------------------
# Each query flattens one sheet; column aliases are the sheet's column keys (excel_formats.py), so
# the exporter can write cells without knowing the schema. List columns come back decoded.

_EXPORT_SQL = {
    "enterprises": """
        SELECT e.id AS id, e.name AS name, e.credit_code AS credit_code, e.industry AS industry,
               e.hq_region AS hq_region, e.ownership AS ownership, e.tags AS tags,
               c.name AS contact_name, c.title AS contact_title, c.phone AS contact_phone,
               c.email AS contact_email, o.name AS office
        FROM enterprise e
        LEFT JOIN contact c ON c.enterprise_id = e.id AND c.deleted = 0
        LEFT JOIN office o ON o.id = e.office_id
        WHERE e.deleted = 0
        ORDER BY e.created_at, e.id, c.created_at, c.id""",
    "visits": """
        SELECT v.id AS id, v.date AS date, e.name AS enterprise_name, e.credit_code AS credit_code, v.form AS form,
               v.leader AS leader, v.participants AS participants, v.minutes AS minutes,
               v.demands_text AS demands_text, v.next_steps AS next_steps, o.name AS office
        FROM visit v
        JOIN enterprise e ON e.id = v.enterprise_id
        LEFT JOIN office o ON o.id = v.office_id
        WHERE v.deleted = 0
        ORDER BY v.date, v.created_at, v.id""",
    "projects": """
        SELECT p.id AS id, p.name AS name, e.name AS enterprise_name, e.credit_code AS credit_code,
               p.industry AS industry, p.planned_wan AS planned_wan, p.target_city AS target_city,
               p.target_park AS target_park, p.stage AS stage, p.signed_date AS signed_date,
               p.signed_wan AS signed_wan, p.landed_date AS landed_date, p.started_date AS started_date,
               p.production_date AS production_date, f.amount_wan AS funding_wan, f.date AS funding_date,
               o.name AS office
        FROM project p
        JOIN enterprise e ON e.id = p.enterprise_id
        LEFT JOIN funding f ON f.project_id = p.id AND f.deleted = 0
        LEFT JOIN office o ON o.id = p.office_id
        WHERE p.deleted = 0
        ORDER BY p.created_at, p.id, f.date, f.id""",
    "events": """
        SELECT ev.id AS id, ev.date AS date, ev.name AS name, ev.kind AS kind, ev.place AS place, o.name AS office
        FROM event ev
        LEFT JOIN office o ON o.id = ev.office_id
        WHERE ev.deleted = 0
        ORDER BY ev.date, ev.created_at, ev.id""",
    "demands": """
        SELECT d.id AS id, d.raised_date AS raised_date, e.name AS enterprise_name,
               e.credit_code AS credit_code, d.content AS content, d.category AS category,
               d.department AS department, d.due_date AS due_date, d.status AS status,
               d.response AS response, d.closed_date AS closed_date, o.name AS office
        FROM demand d
        JOIN enterprise e ON e.id = d.enterprise_id
        LEFT JOIN office o ON o.id = d.office_id
        WHERE d.deleted = 0
        ORDER BY d.raised_date, d.created_at, d.id""",
    "tasks": """
        SELECT t.id AS id, t.title AS title, t.assignee AS assignee, t.due_date AS due_date,
               e.name AS enterprise_name, t.done AS done, t.done_date AS done_date, o.name AS office
        FROM task t
        LEFT JOIN enterprise e ON e.id = t.enterprise_id
        LEFT JOIN office o ON o.id = t.office_id
        WHERE t.deleted = 0
        ORDER BY t.due_date, t.created_at, t.id""",
    "trips": """
        SELECT t.id AS id, t.leader AS leader, t.leader_rank AS leader_rank,
               t.party_leader AS party_leader, t.start_date AS start_date, t.end_date AS end_date,
               t.places AS places, t.enterprise_ids AS enterprise_ids, t.project_ids AS project_ids,
               t.signed_project_ids AS signed_project_ids, o.name AS office
        FROM trip t
        LEFT JOIN office o ON o.id = t.office_id
        WHERE t.deleted = 0
        ORDER BY t.start_date, t.created_at, t.id""",
    "commissioners": """
        SELECT c.id AS id, e.name AS enterprise_name, e.credit_code AS credit_code,
               c.officer AS officer, c.start_date AS start_date, c.end_date AS end_date,
               c.duties AS duties, o.name AS office
        FROM commissioner c
        JOIN enterprise e ON e.id = c.enterprise_id
        LEFT JOIN office o ON o.id = c.office_id
        WHERE c.deleted = 0
        ORDER BY c.start_date, c.created_at, c.id""",
}
_LIST_COLUMNS = {"tags", "participants", "enterprise_ids", "project_ids", "signed_project_ids"}


def count_export_rows(db: sqlite_utils.Database, sheet: str) -> int:
    """How many rows `export_rows(db, sheet)` will yield (for progress)."""
    return int(db.execute(f"SELECT count(*) FROM ({_EXPORT_SQL[sheet]})").fetchone()[0])


def export_rows(db: sqlite_utils.Database, sheet: str) -> Iterator[dict[str, Any]]:
    """Flat rows of one exchange sheet (`sheet` is the English alias: enterprises/visits/projects/events)."""
    cursor = db.execute(_EXPORT_SQL[sheet])
    names = [d[0] for d in cursor.description]
    lists = [i for i, n in enumerate(names) if n in _LIST_COLUMNS]
    while True:
        batch = cursor.fetchmany(1000)
        if not batch:
            return
        for values in batch:
            row = dict(zip(names, values, strict=True))
            for index in lists:
                raw = values[index]
                row[names[index]] = json.loads(raw) if raw else []
            yield row


def names_by_id(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> dict[str, str]:
    """{id: name} of enterprises or projects (deleted ones too: a list may still name them)."""
    assert table in ("enterprise", "project")
    sql = f"SELECT id, name FROM [{table}] WHERE id IN ({{in}})"
    return dict(_select_in(db, sql, ids))


def live_by_name(
    db: sqlite_utils.Database, table: str, names: Iterable[str]
) -> dict[str, list[tuple[str, str]]]:
    """{name: [(id, office_id), ...]} of live enterprises or projects with those exact names, oldest first."""
    assert table in ("enterprise", "project")
    sql = f"SELECT name, id, office_id FROM [{table}] WHERE deleted = 0 AND name IN ({{in}}) ORDER BY created_at, id"
    found: dict[str, list[tuple[str, str]]] = {}
    for name, row_id, office_id in _select_in(db, sql, names):
        found.setdefault(name, []).append((row_id, office_id))
    return found


def rows_by_id(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """{id: decoded row} for the given ids (tombstoned rows included, so a caller can tell them apart)."""
    from .columns import decode

    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        cursor = db.execute(f"SELECT * FROM [{table}] WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = decode(table, dict(zip(names, values, strict=True)))
            found[row["id"]] = row
    return found
