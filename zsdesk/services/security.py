"""Encryption at rest for the GUI and the CLI: passphrase prompts, recovery keys, convert and unlock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..storage import dbkey
from ..storage.database import DatabaseError

KeyError_ = dbkey.KeyError_
NeedPassphrase = dbkey.NeedPassphrase


def set_passphrase_provider(provider: Callable[[Path, bool], str | None] | None) -> None:
    """How a passphrase is asked when this machine has no keyring: `provider(db_path, creating)`."""
    dbkey.set_passphrase_provider(provider)


def has_passphrase_provider() -> bool:
    return bool(dbkey._provider)


def take_new_recovery_key(db_path: str | Path) -> str | None:
    """The recovery key of a database created (or converted) in this process, once."""
    return dbkey.take_new_recovery_key(db_path)


def is_encrypted(db_path: str | Path) -> bool:
    path = Path(db_path)
    return path.is_file() and path.stat().st_size > 0 and not dbkey.is_plain(path)


def key_mode(db_path: str | Path) -> str:
    """Where the key lives: `keyring`, `passphrase`, `recovery` (typed each time), or `plain`."""
    if not is_encrypted(db_path):
        return "plain"
    info = dbkey.read_info(db_path)
    return str(info.get("mode", "keyring")) if info else "unknown"


def needs_conversion(db_path: str | Path) -> bool:
    """True for a database from before encryption (converted on its next open)."""
    path = Path(db_path)
    return path.is_file() and dbkey.is_plain(path)


def encrypt_database(db_path: str | Path, *, step: Callable[[str], None] = lambda _: None) -> str:
    """Encrypt a plain database in place (encrypted backup first); returns its recovery key."""
    from ..storage.encryption import encrypt_in_place

    path = Path(db_path)
    if not path.is_file():
        raise DatabaseError(f"数据库文件“{path}”不存在。")
    if not dbkey.is_plain(path):
        raise DatabaseError(f"数据库“{path}”已经加密。")
    return encrypt_in_place(path, step=step)


def decrypt_database(db_path: str | Path, out: str | Path) -> Path:
    """Write a plain copy of an encrypted database for IT (the original stays encrypted)."""
    from ..storage.encryption import decrypt_copy

    if not is_encrypted(db_path):
        raise DatabaseError(f"数据库“{db_path}”没有加密或不存在。")
    return decrypt_copy(db_path, out)


def unlock(db_path: str | Path, recovery_key: str) -> str:
    """Open with the recovery key and keep the key again on this machine; returns where it lives."""
    dbkey.unlock_with_recovery(db_path, recovery_key)
    return key_mode(db_path)


def recovery_key_of(db_path: str | Path) -> str:
    """The recovery key of an open-able database (to print it again for IT)."""
    return dbkey.recovery_text(dbkey.key_for(db_path))


def move_database(src: str | Path, dst: str | Path) -> None:
    """Rename a closed database with its key file (e.g. a demo database built under a temporary name)."""
    dbkey.move_database(src, dst)
