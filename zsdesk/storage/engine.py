"""The SQLite engine of the laptop database: SQLCipher (every page encrypted), same DB-API as sqlite3.

`sqlcipher3` is a fork of pysqlite3, so sqlite-utils accepts it as its SQLite module: registering
it under the name `pysqlite3` (which sqlite-utils prefers when present) makes sqlite-utils' own
`except OperationalError` probes catch the errors these connections raise.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlcipher3 import dbapi2 as sqlite

from . import dbkey

if TYPE_CHECKING:
    import sqlite3

sys.modules.setdefault("pysqlite3", sqlcipher3)
sys.modules.setdefault("pysqlite3.dbapi2", sqlite)

# Page authentication with HMAC-SHA256 instead of SQLCipher 4's default SHA-512: the same 256-bit
# security for a page MAC, and half the cost per page read on CPUs with SHA extensions (reading
# pages is what a year's statistics does). Set as the process default so that every connection,
# attached export target and backup uses it alike; the setting is part of the file format.
_defaults = sqlite.connect(":memory:")
_defaults.execute("PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256")
_defaults.execute("PRAGMA cipher_default_kdf_algorithm = PBKDF2_HMAC_SHA256")
_defaults.close()

if TYPE_CHECKING:  # the same DB-API as sqlite3: type it as sqlite3's (sqlite-utils accepts those)
    Connection = sqlite3.Connection
else:
    Connection = sqlite.Connection
Error = sqlite.Error
DatabaseError = sqlite.DatabaseError
OperationalError = sqlite.OperationalError
IntegrityError = sqlite.IntegrityError


def keyed(conn: Any, key: bytes | None) -> Connection:
    """Give a fresh connection its key (must be the first statement) and silence SQLCipher's log.

    SQLCipher logs decryption failures to stderr by itself; zsdesk reports a wrong key in Chinese.
    """
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def key_of(path: str | Path) -> bytes | None:
    """The key of an existing encrypted file; None for a plain, empty or missing file (or memory)."""
    target = Path(path)
    if str(path) == ":memory:" or not target.is_file() or target.stat().st_size == 0:
        return None
    return None if dbkey.is_plain(target) else dbkey.key_for(target)


def connect(path: str | Path, key: bytes | None = None, **kwargs: object) -> Connection:
    """A connection to `path`; `key=None` looks the key up (keyring, passphrase) for an existing file."""
    if key is None:
        key = key_of(path)
    return keyed(sqlite.connect(str(path), **kwargs), key)  # type: ignore[arg-type]


def connect_uri_readonly(path: str | Path, key: bytes | None) -> Connection:
    """Read-only connection (backup checks): never creates or writes the file."""
    return keyed(sqlite.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True), key)
