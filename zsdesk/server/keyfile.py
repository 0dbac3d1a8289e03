"""The server's own secret, kept OUT of its database: a copy of the database yields no usable token.

Tokens are looked up by HMAC-SHA256(server key, token), not by a plain hash, and the SHA-256 of each
token (from which a laptop derives its bundle-signing key, sync/bundle.py) is stored only wrapped
under the same key. So a stolen copy or backup of the database alone lets nobody sign a bundle or
find a token. The key is 32 random bytes in a file created 0600 on first use:

* `ZSDESK_SERVER_KEY_FILE` when set (production: outside the database's backups, e.g. /etc/zsdesk);
* else, for an SQLite database, `<database file>.server-key` next to it;
* else `server.key` in the server's data directory.

Losing the file logs every laptop out (they log in again) and voids bundle keys issued before.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

_keys: dict[str, bytes] = {}
_lock = threading.Lock()


def key_path(database_url: str) -> Path:
    explicit = os.environ.get("ZSDESK_SERVER_KEY_FILE")
    if explicit:
        return Path(explicit)
    url = make_url(database_url)
    if url.drivername.startswith("sqlite") and url.database and url.database != ":memory:":
        return Path(f"{url.database}.server-key")
    folder = Path(platformdirs.user_data_dir("zsdesk-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / "server.key"


def server_key(database_url: str) -> bytes:
    """The key for this database's server (created 0600 on first use; cached per process)."""
    found = _keys.get(database_url)
    if found is not None:
        return found
    with _lock:
        path = key_path(database_url)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            key = bytes.fromhex(path.read_text().strip())
        else:
            key = os.urandom(32)
            with os.fdopen(fd, "w") as out:
                out.write(key.hex())
        _keys[database_url] = key
        return key


def lookup_hash(key: bytes, token: str) -> str:
    """What the `tokens` table stores for a token (never the token, never its plain SHA-256)."""
    return hmac.new(key, token.encode(), hashlib.sha256).hexdigest()


def _pad(key: bytes, lookup: str) -> bytes:
    return hmac.new(key, b"bundle-wrap:" + lookup.encode(), hashlib.sha256).digest()


def wrap(key: bytes, lookup: str, token_sha256_hex: str) -> str:
    """The token's SHA-256 (the bundle key's root) hidden under the server key (a one-time pad
    from HMAC(key, lookup hash): each token's pad differs)."""
    raw = bytes.fromhex(token_sha256_hex)
    return bytes(a ^ b for a, b in zip(raw, _pad(key, lookup), strict=True)).hex()


def unwrap(key: bytes, lookup: str, wrapped: str) -> str:
    return wrap(key, lookup, wrapped)  # XOR with the same pad
