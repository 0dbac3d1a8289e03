"""Backup use cases for the CLI and the GUI: make, list, restore, and the once-a-day backup at start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..storage.backup import (
    Backup,
    BackupError,
    backup_now,
    check_file,
    daily_backup,
    latest_good_backup,
    list_backups,
    restore,
)
from ..storage.database import DatabaseError, damaged_error, open_database
from .context import Workspace

__all__ = [
    "Backup",
    "BackupError",
    "RestoreResult",
    "backup_problem",
    "backups",
    "damaged_database",
    "ensure_daily_backup",
    "make_backup",
    "restore_backup",
]


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup it used and where the replaced file was saved (None if absent)."""

    source: Path
    saved_copy: Path | None


def make_backup(db_path: str | Path) -> Backup:
    """A manual backup. Opens the database first, so a damaged file is refused (DatabaseError names
    the last good backup) instead of being copied over a good restore point."""
    db = open_database(db_path, create=False)
    try:
        return backup_now(db_path, kind="manual", conn=db.conn)
    finally:
        db.close()


def backups(db_path: str | Path) -> list[Backup]:
    """Backups of `db_path`, newest first. Does not open the database (it may be damaged)."""
    return list_backups(db_path)


def restore_backup(db_path: str | Path, *, source: str | Path | None = None) -> RestoreResult:
    """Replace `db_path` with `source`, or with the newest good backup when `source` is None.

    The caller must have closed the workspace on `db_path` first.
    """
    if source is None:
        latest = latest_good_backup(db_path)
        if latest is None:
            raise BackupError(
                f"数据库“{db_path}”没有可用的备份（备份目录：{Path(db_path).parent / 'backups'}）"
            )
        chosen = latest.path
    else:
        chosen = Path(source)
    saved = restore(chosen, db_path)
    return RestoreResult(chosen, saved)


def ensure_daily_backup(target: Workspace | str | Path) -> Backup | None:
    """Today's backup, made at most once a day; call it right after the workspace opens.

    It uses its own read connection, so it can (and should) run on a background thread: copying
    a province-scale 1 GB file takes ≈15 s on a slow disk. Failure to back up must not stop an
    officer from working, so the caller logs BackupError/OSError instead of showing it.
    """
    path = target.path if isinstance(target, Workspace) else Path(target)
    return daily_backup(path)


def damaged_database(db_path: str | Path, problem: str) -> DatabaseError:
    """The refusal for a database found damaged after opening (e.g. by a background quick_check):
    the same Chinese message as open_database, with `.backup` = the newest good backup or None."""
    return damaged_error(Path(db_path), problem)


def backup_problem(path: str | Path) -> str | None:
    """None when a backup file is sound, else the problem in Chinese (for a restore dialog)."""
    return check_file(path, full=True)
