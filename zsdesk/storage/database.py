"""Opening the offline database: pragmas, migrations, the identity of this laptop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from ..domain.errors import DomainError
from ..domain.ids import uuid7
from .backup import backup_before_migration, is_nonempty_database, latest_good_backup
from .migrations import migrations, reconcile_columns


class DatabaseError(DomainError):
    """The database file cannot be opened or is damaged.

    `path` is the file; `backup` the newest backup that passes its check (None when there is
    none), so the CLI can name it and the GUI can offer to restore it.
    """

    def __init__(self, message: str, *, path: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup


def damaged_error(path: Path, detail: str) -> DatabaseError:
    """The refusal message for a damaged file, naming the last good backup when there is one."""
    good = latest_good_backup(path)
    if good is None:
        hint = "没有找到可用的备份，请联系信息化管理员。"
    else:
        hint = (
            f"最近一次完好的备份：{good.path}（{good.label}）。"
            f'可运行 zsdesk restore --db "{path}" --latest 恢复（当前文件会另存一份）。'
        )
    return DatabaseError(
        f"数据库文件“{path}”已损坏，无法打开（{detail}）。{hint}",
        path=path,
        backup=good.path if good else None,
    )


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open without migrating: WAL, foreign keys, a busy timeout for the sync thread."""
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=True)
        # zsdesk uses no sqlite-utils plugins; skipping the entry-point scan saves 10–26 ms per start.
        db = sqlite_utils.Database(conn, execute_plugins=False)
        db.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:":
            db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"无法打开数据库文件“{path}”：{exc}。文件可能已损坏，请从备份恢复。") from exc
    return db


def open_database(path: str | Path, *, create: bool = True, check: bool = True) -> sqlite_utils.Database:
    """Open (and create or upgrade) the offline database at `path`.

    `check=False` skips PRAGMA quick_check (≈1.4 s on a province-scale file); the GUI runs it in
    the background after the window is up instead of blocking start-up.
    """
    target = Path(path)
    if not create and not target.exists():
        raise DatabaseError(f"数据库文件“{path}”不存在，请先运行 zsdesk init 或 zsdesk demo")
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    existed = target.is_file() and target.stat().st_size > 0
    try:
        db = connect(target)
    except DatabaseError as exc:
        if isinstance(exc.__cause__, sqlite3.OperationalError):
            raise  # locked, no permission, disk full: the file itself is not damaged
        raise damaged_error(target, str(exc.__cause__ or exc)) from exc
    try:
        quick = db.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        if quick != "ok":
            raise damaged_error(target, quick)
        if existed and migrations.pending(db) and is_nonempty_database(db.conn):
            backup_before_migration(db.conn, target)  # an upgrade that goes wrong can be undone
        migrations.apply(db)
        with db.atomic():
            reconcile_columns(db)
            if get_meta(db, "device_id") is None:
                set_meta(db, "device_id", uuid7())
    except DatabaseError:
        db.close()
        raise
    except sqlite3.OperationalError as exc:
        db.close()
        raise DatabaseError(f"数据库文件“{path}”无法读取：{exc}。", path=target) from exc
    except sqlite3.DatabaseError as exc:  # "malformed", "not a database": the file is damaged
        db.close()
        raise damaged_error(target, str(exc)) from exc
    return db


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
