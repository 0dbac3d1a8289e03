"""Converting between plain and encrypted database files (SQLCipher's `sqlcipher_export`).

A database from before encryption is converted in place on first open: an encrypted copy goes to
the backups folder first (never a plain one: that would leave the data readable), then an
encrypted twin is written beside the file, checked table by table, and swapped in atomically.
Plain backups of that database are encrypted the same way.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from . import dbkey, engine
from .backup import _STAMP, backup_dir, list_backups

log = logging.getLogger(__name__)

Step = Callable[[str], None]  # reports each step in Chinese (the GUI's progress dialog shows it)


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export(source: engine.Connection, dest: Path, key: bytes | None) -> None:
    """Write the whole database behind `source` into a new file `dest` (encrypted with `key`, or plain)."""
    dest.unlink(missing_ok=True)
    key_sql = f"\"x'{key.hex()}'\"" if key is not None else "''"
    source.execute(f"ATTACH DATABASE {_quote(dest)} AS export KEY {key_sql}")
    try:
        source.execute("SELECT sqlcipher_export('export')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA export.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE export")
    os.chmod(dest, 0o600)


def _counts(conn: engine.Connection) -> dict[str, int]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _encrypt_file(plain: Path, dest: Path, key: bytes) -> None:
    source = engine.keyed(engine.sqlite.connect(str(plain)), None)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        export(source, dest, key)
        expected = _counts(source)
    finally:
        source.close()
    check = engine.connect(dest, key)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok" or _counts(check) != expected:
            raise dbkey.KeyError_(f"加密“{plain}”时校验失败，原文件未改动。")
    finally:
        check.close()


def encrypt_in_place(db_path: str | Path, *, step: Step = lambda _: None) -> str:
    """Encrypt a plain database where it lies; returns the recovery key (show it once)."""
    target = Path(db_path)
    key = dbkey.new_key(target)
    folder = backup_dir(target)
    folder.mkdir(parents=True, exist_ok=True)
    step("正在备份（加密副本）…")
    copy = folder / f"{target.stem}-pre-encryption-{datetime.now().strftime(_STAMP)}.db"
    _encrypt_file(target, copy, key)
    dbkey.adopt(copy, key, info_from=target)
    step("正在加密数据库…")
    twin = target.with_name(target.name + ".encrypting")
    _encrypt_file(target, twin, key)
    step("正在替换原文件…")
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)  # checkpointed into the copy above
    os.replace(twin, target)
    step("正在加密旧备份…")
    for b in list_backups(target):
        if dbkey.is_plain(b.path):
            twin = b.path.with_name(b.path.name + ".encrypting")
            _encrypt_file(b.path, twin, key)
            os.replace(twin, b.path)
            dbkey.adopt(b.path, key, info_from=target)
    log.warning("encrypted %s in place (plain file replaced)", target.name)
    return dbkey.take_new_recovery_key(target) or dbkey.recovery_text(key)


def decrypt_copy(db_path: str | Path, out: str | Path) -> Path:
    """A plain copy of an encrypted database (for IT: readable by any SQLite tool), created 0600."""
    source_path, dest = Path(db_path), Path(out)
    if dest.exists():
        raise dbkey.KeyError_(f"目标文件“{dest}”已存在，不会覆盖。")
    source = engine.connect(source_path)
    try:
        export(source, dest, None)
    finally:
        source.close()
    return dest
