"""Drafts of open forms, kept as the officer types: a local table, never synced, never in history.

The `draft` table is created here on first write (CREATE TABLE IF NOT EXISTS) and nowhere else:
it holds unsaved form contents only, so it needs no migration, outbox or schema version.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

DRAFT_TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS draft (key TEXT PRIMARY KEY, data TEXT NOT NULL, updated TEXT NOT NULL)"
)


def ensure_draft_table(conn: sqlite3.Connection) -> None:
    conn.execute(DRAFT_TABLE_SQL)


def _has_table(conn: sqlite3.Connection) -> bool:
    # Asked rather than caught: the connection may be sqlcipher3's, whose errors are its own classes.
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'draft'").fetchone()
        is not None
    )


def save_draft(conn: sqlite3.Connection, key: str, data: dict[str, Any]) -> None:
    """Replace the draft under `key` (one row per open form: "visit:new", "visit:<id>", …)."""
    ensure_draft_table(conn)
    stamp = datetime.now().isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO draft (key, data, updated) VALUES (?, ?, ?)"
        " ON CONFLICT(key) DO UPDATE SET data = excluded.data, updated = excluded.updated",
        [key, json.dumps(data, ensure_ascii=False), stamp],
    )
    if not conn.in_transaction:
        conn.commit()


def load_draft(conn: sqlite3.Connection, key: str) -> tuple[dict[str, Any], str] | None:
    """(data, updated) of the draft under `key`, or None (also when no draft was ever kept)."""
    if not _has_table(conn):  # this database never kept a draft
        return None
    row = conn.execute("SELECT data, updated FROM draft WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0]), row[1]
    except ValueError:
        return None  # a damaged draft is worth less than a clean form


def discard_draft(conn: sqlite3.Connection, key: str) -> None:
    if not _has_table(conn):
        return
    conn.execute("DELETE FROM draft WHERE key = ?", [key])
    if not conn.in_transaction:
        conn.commit()
