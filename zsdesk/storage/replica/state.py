"""The replica's shared core: sync_state keys, the cursor, pending fields and writing server rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...domain.records import field_specs
from ..columns import encode
from ..database import get_meta

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils

CURSOR_KEY = "pull_cursor"
RESNAPSHOT_KEY = "resnapshot"  # "" none, "1" after a tombstone purge, "restored" after a server restore
EPOCH_KEY = "server_epoch"  # the identity of the server database the cursor counts in
TAG_KEY = "cursor_tag"  # the server's name for the change at the cursor (see server/pull.py)
_ENVELOPE_FROM_SERVER = ("office_id", "deleted", "version")


def _defaults_for(table: str) -> dict[str, Any]:
    """Value of a field the server never received: the state a fresh row has (Store.create omits empties)."""
    return {
        name: [] if fs.kind == "list" else False if fs.kind == "bool" else None
        for name, fs in field_specs(table).items()
    }


def _no_fault(point: str) -> None:
    """Default fault hook: nothing (tests inject one that kills the process)."""


class ReplicaBase:
    """State every part of the replica shares: the database, the fault hook, sync_state."""

    def __init__(self, db: sqlite_utils.Database, *, fault: Callable[[str], None] = _no_fault) -> None:
        self.db = db
        self.fault = fault

    # -- identity & cursor ---------------------------------------------------------------------
    def device_id(self) -> str:
        return get_meta(self.db, "device_id") or ""

    def cursor(self) -> int:
        row = self.db.execute("SELECT value FROM sync_state WHERE key = ?", [CURSOR_KEY]).fetchone()
        return int(row[0]) if row else 0

    def server_marks(self) -> tuple[str, str]:
        """(epoch of the server the cursor belongs to, tag of the change at the cursor)."""
        return self.get_state(EPOCH_KEY) or "", self.get_state(TAG_KEY) or ""

    def _set_state(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def get_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        with self.db.atomic():
            self._set_state(key, value)

    def _forget_row(self, table: str, row_id: str, *, keep_row: bool = False) -> None:
        """Drop a synced row (unless `keep_row`) and its base copy."""
        if not keep_row:
            self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
        self.db.execute("DELETE FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id])

    # -- rows ------------------------------------------------------------------------------------
    def _pending_fields(self) -> dict[tuple[str, str], set[str]]:
        """Fields with pending local ops, per row: they stay on top of pulled server values."""
        out: dict[tuple[str, str], set[str]] = {}
        for table, row_id, kind, fields in self.db.execute(
            "SELECT table_name, row_id, kind, fields FROM outbox WHERE state = 'pending'"
        ).fetchall():
            names = out.setdefault((table, row_id), set())
            if kind == "resolve":  # a 冲突 choice: only the chosen field is pending
                names.add(str(json.loads(fields or "{}").get("field")))
                continue
            names.update(json.loads(fields or "{}"))
            if kind in ("delete", "undelete"):
                names.add("deleted")
        return out

    def _write_rows(self, table: str, items: list[tuple[str, dict[str, Any], set[str]]]) -> None:
        """Upsert server states; fields in each item's keep-set (pending local edits) are left alone."""
        specs = field_specs(table)
        defaults = _defaults_for(table)
        plain: list[list[Any]] = []
        columns = ["id", *_ENVELOPE_FROM_SERVER, "extra", *specs]
        for row_id, data, keep in items:
            values: dict[str, Any] = {name: data.get(name, defaults.get(name)) for name in specs}
            values.update({name: data.get(name) for name in _ENVELOPE_FROM_SERVER})
            unknown = {k: v for k, v in data.items() if k not in specs and k not in _ENVELOPE_FROM_SERVER}
            values["extra"] = json.dumps(unknown, ensure_ascii=False) if unknown else None
            encoded = encode(table, values)
            if keep:
                exists = self.db.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [row_id]).fetchone()
                if exists:
                    sets = {k: v for k, v in encoded.items() if k not in keep}
                    self.db.execute(
                        f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in sets)} WHERE id = ?",
                        [*sets.values(), row_id],
                    )
                    continue
            plain.append([row_id, *(encoded[c] for c in columns[1:])])
        if plain:
            updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns[1:])
            self.db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
                f" ON CONFLICT(id) DO UPDATE SET {updates}",
                plain,
            )
