"""Opening the offline database: pragmas, migrations, the identity of this laptop.

The usual open (a database already at the current schema) uses only the DB-API driver (SQLCipher):
sqlite-utils and its dependencies cost ≈65 ms and 16 MB, which the GUI's start-up cannot spare.
They load when something first needs the `sqlite_utils.Database` (`wrap`), or when the file is
new or needs an upgrade (storage/migrations.py, a backup first). Whether it does is one read of
`PRAGMA user_version`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import DomainError
from ..domain.ids import uuid7
from . import dbkey, engine
from .migrations import CURRENT_VERSION, schema_version

if TYPE_CHECKING:
    import sqlite_utils

    from .backup import Backup


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
    from .backup import latest_good_backup

    good: Backup | None = latest_good_backup(path)
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


def wrap(conn: engine.Connection) -> sqlite_utils.Database:
    """The sqlite-utils view of an open connection (imports sqlite-utils on first use)."""
    import sqlite_utils

    # zsdesk uses no sqlite-utils plugins; skipping the entry-point scan saves 10–26 ms per start.
    return sqlite_utils.Database(conn, execute_plugins=False)


def connect_raw(path: str | Path, *, key: bytes | None = None) -> engine.Connection:
    """Open without migrating: the key, WAL, foreign keys, a busy timeout for the sync thread."""
    try:
        conn = engine.connect(path, key, timeout=30, check_same_thread=True)
        conn.execute("PRAGMA busy_timeout = 30000")
        if str(path) != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Up to 256 MiB of page cache (the default is 2 MiB), filled only as pages are read: SQLCipher
        # decrypts a page each time it comes back from the OS cache, so the default cache re-decrypted
        # the same pages on every scroll and every statistics run (province database: 100 list
        # jumps 3.5 s encrypted vs 0.5 s plain; a year's statistics 1.4x the CPU of plain at
        # 64 MiB, 1.0-1.1x at 256 MiB). An office's own database never fills it.
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("PRAGMA foreign_keys = ON")
    except dbkey.KeyError_ as exc:
        raise DatabaseError(str(exc), path=Path(path)) from exc
    except engine.DatabaseError as exc:
        wrong_key = dbkey.wrong_key_error(path)
        if wrong_key is not None:
            raise DatabaseError(str(wrong_key), path=Path(path)) from wrong_key
        raise DatabaseError(f"无法打开数据库文件“{path}”：{exc}。文件可能已损坏，请从备份恢复。") from exc
    return conn


def connect(path: str | Path) -> sqlite_utils.Database:
    """`connect_raw` wrapped for sqlite-utils."""
    return wrap(connect_raw(path))


def is_current(conn: engine.Connection) -> bool:
    """True when the file has every migration (nothing to upgrade); one PRAGMA, no write.

    Refuses a file a newer zsdesk made: this version would not know its columns and could lose
    what the newer one wrote.
    """
    version = schema_version(conn)
    if version > CURRENT_VERSION:
        raise DatabaseError(
            f"数据库文件由更新版本的 zsdesk 创建（结构版本 {version}，本程序支持到 {CURRENT_VERSION}），"
            "请先升级 zsdesk。"
        )
    return version == CURRENT_VERSION


def open_connection(path: str | Path, *, create: bool = True, check: bool = True) -> engine.Connection:
    """Open (and create or upgrade) the offline database at `path`; a plain DB-API connection.

    `check=False` skips PRAGMA quick_check (≈1.4 s on a province-scale file); the GUI runs it in
    the background after the window is up instead of blocking start-up.
    """
    target = Path(path)
    if not create and not target.exists():
        raise DatabaseError(f"数据库文件“{path}”不存在，请先运行 zsdesk init 或 zsdesk demo")
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    existed = target.is_file() and target.stat().st_size > 0
    if existed and dbkey.is_plain(target):
        from .encryption import encrypt_in_place

        try:
            encrypt_in_place(target)  # a database from before encryption: converted once, backed up first
        except (OSError, engine.DatabaseError) as exc:
            raise DatabaseError(f"加密数据库“{path}”失败（{exc}），原文件未改动。", path=target) from exc
    key = dbkey.new_key(target) if not existed and str(path) != ":memory:" else None
    try:
        conn = connect_raw(target, key=key)
        if key is not None:
            restrict_permissions(target)
    except DatabaseError as exc:
        if isinstance(exc.__cause__, dbkey.MissingKeyFile):
            raise damaged_error(
                target,
                f"不是可读的数据库文件，或缺少密钥文件 {dbkey.key_file(target).name}，可用恢复密钥打开：zsdesk unlock",
            ) from exc
        if isinstance(exc.__cause__, (engine.OperationalError, dbkey.KeyError_)):
            raise  # locked, no permission, disk full, no key: the file itself is not damaged
        raise damaged_error(target, str(exc.__cause__ or exc)) from exc
    try:
        quick = conn.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
        if quick != "ok":
            raise damaged_error(target, quick)
        if not (existed and is_current(conn)):
            _upgrade(conn, target, existed=existed)
        if get_meta(conn, "device_id") is None:
            with conn:
                set_meta(conn, "device_id", uuid7())
    except DatabaseError:
        conn.close()
        raise
    except engine.OperationalError as exc:
        conn.close()
        raise DatabaseError(f"数据库文件“{path}”无法读取：{exc}。", path=target) from exc
    except MemoryError as exc:  # SQLCipher: a page whose authentication code fails reads as "out of memory"
        conn.close()
        raise damaged_error(target, "有页面无法解密") from exc
    except engine.DatabaseError as exc:  # "malformed", "not a database": the file is damaged
        conn.close()
        raise damaged_error(target, str(exc)) from exc
    return conn


def restrict_permissions(path: str | Path) -> None:
    """Owner-only access (0600) for the database and its journal files (a no-op on Windows ACLs)."""
    import os

    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        try:
            os.chmod(name, 0o600)
        except OSError:
            pass


def _upgrade(conn: engine.Connection, target: Path, *, existed: bool) -> None:
    """Create or upgrade the schema (storage/migrations.py), backing up a non-empty file first."""
    from .backup import backup_before_migration, is_nonempty_database
    from .migrations import apply, pending

    if existed and pending(conn) and is_nonempty_database(conn):
        backup_before_migration(conn, target)  # an upgrade that goes wrong can be undone
    apply(wrap(conn))


def open_database(path: str | Path, *, create: bool = True, check: bool = True) -> sqlite_utils.Database:
    """`open_connection` wrapped for sqlite-utils (scripts, commands, tests)."""
    return wrap(open_connection(path, create=create, check=check))


def get_meta(db: engine.Connection | sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_meta(db: engine.Connection | sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
