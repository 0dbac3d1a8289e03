"""Opening the offline database: pragmas, migrations, the identity of this laptop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from ..domain.errors import DomainError
from ..domain.ids import uuid7
from .migrations import migrations, reconcile_columns


class DatabaseError(DomainError):
    """The database file cannot be opened or is damaged."""


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open without migrating: WAL, foreign keys, a busy timeout for the sync thread."""
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=True)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:":
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"无法打开数据库文件“{path}”：{exc}。文件可能已损坏，请从备份恢复。") from exc
    return db


def open_database(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) the offline database at `path`."""
    target = Path(path)
    if not create and not target.exists():
        raise DatabaseError(f"数据库文件“{path}”不存在，请先运行 zsdesk init 或 zsdesk demo")
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    db = connect(target)
    try:
        quick = db.execute("PRAGMA quick_check").fetchone()[0]
        if quick != "ok":
            raise DatabaseError(f"数据库文件“{path}”已损坏（{quick}），请从备份恢复。")
        migrations.apply(db)
        with db.atomic():
            reconcile_columns(db)
            if get_meta(db, "device_id") is None:
                set_meta(db, "device_id", uuid7())
    except sqlite3.DatabaseError as exc:
        db.close()
        raise DatabaseError(f"数据库文件“{path}”无法读取：{exc}。文件可能已损坏，请从备份恢复。") from exc
    return db


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
