"""Read-only status of the offline database for diagnostics: sync cursor/state and outbox backlog."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils


# sync_state may hold session material next to the cursor; diagnostics text is copied into
# e-mails and chat, so such values are masked.
_SECRET_WORDS = ("token", "password", "secret", "cookie", "session")


def sync_state(db: sqlite_utils.Database) -> dict[str, str]:
    """All sync_state entries (e.g. cursor, last sync time) with secret-looking values masked."""
    if not db["sync_state"].exists():
        return {}
    out = {}
    for key, value in db.execute("SELECT key, value FROM sync_state ORDER BY key").fetchall():
        secret = any(w in key.lower() for w in _SECRET_WORDS)
        out[key] = "******" if secret and value else ("" if value is None else str(value))
    return out


def outbox_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Number of local changes waiting in the outbox, by state (pending, rejected)."""
    if not db["outbox"].exists():
        return {}
    rows = db.execute("SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state").fetchall()
    return {state or "pending": n for state, n in rows}
