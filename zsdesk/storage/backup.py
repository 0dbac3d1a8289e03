"""Local safety: rotating SQLite backups beside the database, integrity checks, and restore.

Backups live in `<db folder>/backups/` as `<db stem>-<kind>-<YYYYmmdd-HHMMSS-ffffff>.db`, one
self-contained SQLite file each (taken with the online backup API, so a backup is consistent even
while the app or the sync thread is writing).

    >>> b = backup_now("office.db")                     # doctest: +SKIP
    >>> [x.kind for x in list_backups("office.db")]     # doctest: +SKIP
    ['manual']
    >>> restore(b.path, "office.db")                    # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain.errors import DomainError
from . import dbkey, engine

BACKUP_DIR = "backups"
KEEP_DAILY = 7
# How many of each other automatic kind to keep. Pre-migration copies are never pruned: they are
# rare and are the only way back from an upgrade that went wrong.
KEEP = {"daily": KEEP_DAILY, "manual": 7, "pre-restore": 7}
KINDS = ("daily", "manual", "pre-migration", "pre-restore", "pre-encryption")
KIND_LABELS = {
    "daily": "每日",
    "manual": "手动",
    "pre-migration": "升级前",
    "pre-restore": "恢复前",
    "pre-encryption": "加密前",
}
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<kind>" + "|".join(KINDS) + r")-(?P<ts>\d{8}-\d{6}-\d{6})\.db$")


log = logging.getLogger(__name__)


class BackupError(DomainError):
    """A backup could not be made, or a file offered for restore is not a good database."""


@dataclass(frozen=True)
class Backup:
    """One backup file and what its name says about it."""

    path: Path
    kind: str
    created: datetime
    size: int

    @property
    def label(self) -> str:
        """Short Chinese description for lists and messages, e.g. `2026-11-22 21:37 每日备份`."""
        return f"{self.created:%Y-%m-%d %H:%M} {KIND_LABELS.get(self.kind, self.kind)}备份"


def backup_dir(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / BACKUP_DIR


def list_backups(db_path: str | Path) -> list[Backup]:
    """Backups of the database at `db_path`, newest first (other databases in the folder are ignored)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    stem = Path(db_path).stem
    found = []
    for f in folder.iterdir():
        m = _NAME.match(f.name)
        if m is None or m["stem"] != stem or not f.is_file():
            continue
        found.append(
            Backup(f, m["kind"], datetime.strptime(m["ts"], _STAMP), f.stat().st_size),
        )
    return sorted(found, key=lambda b: b.created, reverse=True)


def check_file(path: str | Path, *, full: bool = False) -> str | None:
    """None when `path` is a readable SQLite database that passes the check, else the problem in Chinese.

    `quick_check` (the default) reads every page and b-tree but skips index/row cross-checks;
    `full=True` runs `integrity_check`, used before a restore.
    """
    path = Path(path)
    if not path.is_file():
        return "文件不存在"
    try:
        # Read-only URI: checking a file must never create a -wal/-shm or change it.
        conn = engine.connect_uri_readonly(path, engine.key_of(path))
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(5)").fetchall()]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except dbkey.KeyError_ as exc:
        return f"无法解密（{exc}）"
    except MemoryError:  # SQLCipher reports a page whose authentication code fails as "out of memory"
        return "数据校验失败（有页面无法解密，文件已损坏）"
    except engine.DatabaseError as exc:
        return f"不是可用的数据库文件（{exc}）"
    if rows != ["ok"]:
        return "数据校验失败（" + "；".join(rows) + "）"
    return None


def latest_good_backup(db_path: str | Path) -> Backup | None:
    """The newest backup of `db_path` that passes `quick_check` (a damaged backup is skipped)."""
    for b in list_backups(db_path):
        if check_file(b.path) is None:
            return b
    return None


def is_nonempty_database(conn: engine.Connection) -> bool:
    """True when the database already holds a schema (a new file has nothing worth backing up)."""
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def backup_now(
    db_path: str | Path,
    *,
    kind: str = "manual",
    conn: engine.Connection | None = None,
    now: datetime | None = None,
) -> Backup:
    """Copy the database at `db_path` into its backups folder and prune old copies of that kind.

    Pass the open `conn` when there is one (e.g. during open_database) so the copy sees exactly
    what that connection sees; otherwise a short-lived read connection is used.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    db_path = Path(db_path)
    if conn is None and not db_path.is_file():
        raise BackupError(f"数据库文件“{db_path}”不存在，无法备份")
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime(_STAMP)
    final = folder / f"{db_path.stem}-{kind}-{stamp}.db"
    partial = final.with_suffix(".db.part")  # never listed, so a crash mid-copy leaves no half backup
    # The copy is encrypted with the database's own key (SQLCipher's backup API needs the same key
    # on both sides); its key file beside it names that key, so the backup opens and restores alone.
    key = engine.key_of(db_path)
    source = conn or engine.connect_uri_readonly(db_path, key)
    try:
        dest = engine.connect(partial, key)
        os.chmod(partial, 0o600)
        try:
            source.backup(dest)
            # The copy inherits WAL mode from the page-1 header; a backup must be one file that
            # opens read-only anywhere, so switch it to a rollback journal.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except engine.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"备份数据库“{db_path}”失败：{exc}") from exc
    finally:
        if conn is None:
            source.close()
    if key is not None:
        dbkey.adopt(final, key, info_from=db_path)
    os.replace(partial, final)
    log.info("backup (%s) of %s -> %s", kind, db_path, final.name)
    prune(db_path, kinds=[kind])
    return Backup(final, kind, datetime.strptime(stamp, _STAMP), final.stat().st_size)


def backup_before_migration(conn: engine.Connection, db_path: str | Path) -> Backup | None:
    """Keep a copy of the database exactly as it was before an upgrade changes its schema.

    On a nearly full disk the upgrade goes ahead without the copy (logged): migrations are
    additive, and refusing to open would keep the officer from working at all.
    """
    if not has_room_for_backup(db_path):
        log.warning("pre-migration backup of %s skipped: not enough free disk space", db_path)
        return None
    return backup_now(db_path, kind="pre-migration", conn=conn)


def daily_backup(
    db_path: str | Path, *, conn: engine.Connection | None = None, now: datetime | None = None
) -> Backup | None:
    """Make today's backup unless one exists already; returns it, or None when nothing was done.

    Called when the app opens, so a laptop used every day keeps a week of restore points
    (KEEP_DAILY) at the cost of one copy per day.
    """
    today: date = (now or datetime.now()).date()
    if any(b.kind == "daily" and b.created.date() == today for b in list_backups(db_path)):
        return None
    if conn is None and not Path(db_path).is_file():
        return None
    if not has_room_for_backup(db_path):
        # A full disk would also stop the officer's own writes: skip, say so in the log.
        log.warning("daily backup of %s skipped: not enough free disk space", db_path)
        return None
    return backup_now(db_path, kind="daily", conn=conn, now=now)


def has_room_for_backup(db_path: str | Path) -> bool:
    """True when the backups folder's disk keeps 2× the database size + 100 MB free after a copy."""
    size = Path(db_path).stat().st_size if Path(db_path).is_file() else 0
    folder = backup_dir(db_path)
    probe = folder if folder.is_dir() else folder.parent
    return shutil.disk_usage(probe).free > 2 * size + 100 * 1_048_576


def prune(db_path: str | Path, *, kinds: Iterable[str] = KEEP) -> list[Path]:
    """Delete all but the newest KEEP[kind] backups of each kind in `kinds`; returns what was deleted."""
    removed = []
    backups = list_backups(db_path)
    for kind in kinds:
        keep = KEEP.get(kind)
        if keep is None:
            continue  # pre-migration: kept forever
        for b in [b for b in backups if b.kind == kind][keep:]:
            b.path.unlink(missing_ok=True)
            Path(f"{b.path}-wal").unlink(missing_ok=True)  # saved beside pre-restore copies
            dbkey.key_file(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def restore(backup: str | Path, target: str | Path) -> Path | None:
    """Replace the database at `target` with the backup file; returns the saved copy of the old file.

    The backup is fully integrity-checked first. The file being replaced is copied byte for byte
    (it may be damaged, so no SQLite API is used on it) together with its -wal journal into the
    backups folder as a `pre-restore` copy, so a restore can itself be undone. The app must have
    closed the database: a stale -wal left beside the restored file would be replayed onto it.
    """
    backup, target = Path(backup), Path(target)
    problem = check_file(backup, full=True)
    if problem is not None:
        raise BackupError(f"备份文件“{backup}”不能用于恢复：{problem}")
    saved: Path | None = None
    sidecars = [Path(f"{target}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
    if target.exists():
        folder = backup_dir(target)
        folder.mkdir(parents=True, exist_ok=True)
        saved = folder / f"{target.stem}-pre-restore-{datetime.now().strftime(_STAMP)}.db"
        shutil.copy2(target, saved)
        if dbkey.key_file(target).exists():
            shutil.copy2(dbkey.key_file(target), dbkey.key_file(saved))
        wal = sidecars[0]
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copy2(wal, Path(f"{saved}-wal"))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".restoring")
    shutil.copy2(backup, partial)
    for f in sidecars:
        f.unlink(missing_ok=True)
    if dbkey.key_file(backup).exists():  # the restored file opens with the backup's key
        shutil.copy2(dbkey.key_file(backup), dbkey.key_file(target))
    dbkey.forget(target)
    os.replace(partial, target)  # atomic on one filesystem: never a half-written database
    problem = check_file(target)
    if problem is not None:  # pragma: no cover - the copy was checked; this guards the disk
        raise BackupError(f"恢复后的数据库“{target}”校验失败：{problem}")
    log.warning("restored %s from %s (replaced file saved as %s)", target, backup, saved)
    prune(target, kinds=["pre-restore"])
    return saved
