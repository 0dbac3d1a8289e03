"""Batch lookups and flat read queries for Excel exchange: natural keys -> ids, and export rows.

Import resolves thousands of rows, so each lookup takes the whole set of keys the file mentions
and answers with one chunked `IN (...)` query instead of one query per row:

    offices = offices_by_name(db)                     # {"省政府驻上海办事处": "0190…"}
    keys = visit_keys(db, {"2024-06-26", ...})       # {(date, enterprise_id, office_id, form): id}

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


def visit_keys(
    db: sqlite_utils.Database, enterprise_ids: Iterable[str]
) -> dict[tuple[str, str, str, str], str]:
    """{(date, enterprise_id, office_id, form): visit id} for live visits of the given enterprises."""
    sql = (
        "SELECT date, enterprise_id, office_id, form, id FROM visit"
        " WHERE deleted = 0 AND enterprise_id IN ({in})"
    )
    return {(d, e, o, f): i for d, e, o, f, i in _select_in(db, sql, enterprise_ids)}


def project_keys(db: sqlite_utils.Database, names: Iterable[str]) -> dict[tuple[str, str], str]:
    """{(project name, enterprise_id): project id} for live projects with the given names."""
    sql = (
        "SELECT name, enterprise_id, id FROM project WHERE deleted = 0 AND name IN ({in}) ORDER BY created_at"
    )
    found: dict[tuple[str, str], str] = {}
    for name, enterprise_id, row_id in _select_in(db, sql, names):
        found.setdefault((name, enterprise_id), row_id)
    return found


def event_keys(db: sqlite_utils.Database, dates: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """{(date, event name, office_id): event id} for live events on the given ISO dates."""
    sql = "SELECT date, name, office_id, id FROM event WHERE deleted = 0 AND date IN ({in})"
    return {(d, n, o): i for d, n, o, i in _select_in(db, sql, dates)}


def funding_keys(db: sqlite_utils.Database, project_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """{(project_id, date): funding id}: one funds-in-place instalment per project and date."""
    sql = "SELECT project_id, date, id FROM funding WHERE deleted = 0 AND project_id IN ({in})"
    return {(p, d): i for p, d, i in _select_in(db, sql, project_ids)}


def contact_keys(db: sqlite_utils.Database, enterprise_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """{(enterprise_id, contact name): contact id} for the given enterprises."""
    sql = "SELECT enterprise_id, name, id FROM contact WHERE deleted = 0 AND enterprise_id IN ({in})"
    return {(e, n): i for e, n, i in _select_in(db, sql, enterprise_ids)}


# -- export -----------------------------------------------------------------------------------
# Each query flattens one sheet; column aliases are the sheet's column keys (excel_formats.py), so
# the exporter can write cells without knowing the schema. List columns come back decoded.

_EXPORT_SQL = {
    "enterprises": """
        SELECT e.name AS name, e.credit_code AS credit_code, e.industry AS industry,
               e.hq_region AS hq_region, e.ownership AS ownership, e.tags AS tags,
               c.name AS contact_name, c.title AS contact_title, c.phone AS contact_phone,
               c.email AS contact_email, o.name AS office
        FROM enterprise e
        LEFT JOIN contact c ON c.enterprise_id = e.id AND c.deleted = 0
        LEFT JOIN office o ON o.id = e.office_id
        WHERE e.deleted = 0
        ORDER BY e.created_at, e.id, c.created_at, c.id""",
    "visits": """
        SELECT v.date AS date, e.name AS enterprise_name, e.credit_code AS credit_code, v.form AS form,
               v.leader AS leader, v.participants AS participants, v.minutes AS minutes,
               v.demands_text AS demands_text, v.next_steps AS next_steps, o.name AS office
        FROM visit v
        JOIN enterprise e ON e.id = v.enterprise_id
        LEFT JOIN office o ON o.id = v.office_id
        WHERE v.deleted = 0
        ORDER BY v.date, v.created_at, v.id""",
    "projects": """
        SELECT p.name AS name, e.name AS enterprise_name, e.credit_code AS credit_code,
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
        SELECT ev.date AS date, ev.name AS name, ev.kind AS kind, ev.place AS place, o.name AS office
        FROM event ev
        LEFT JOIN office o ON o.id = ev.office_id
        WHERE ev.deleted = 0
        ORDER BY ev.date, ev.created_at, ev.id""",
}
_LIST_COLUMNS = {"tags", "participants"}


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
