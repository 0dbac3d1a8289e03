"""Conflicts the server reported (kept once, closed when settled) and the user's 冲突 choices."""

from __future__ import annotations

import json
from typing import Any

from ... import SCHEMA_VERSION
from ...domain.ids import uuid7
from ..columns import encode
from .state import ReplicaBase


class ConflictsMixin(ReplicaBase):
    def _store_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        """Keep each server conflict once: `server_value` is the value now in force, `local_value` the
        value that lost (whoever wrote it), `base_value` what both edits started from."""
        if not conflicts:
            return
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO conflict (id, table_name, row_id, field, local_value, server_value, base_value,"
            " local_author, server_author, local_hlc, server_hlc, resolved, resolution)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            # Settled on the server (chosen on another laptop, or the field was edited again): close it.
            " ON CONFLICT(id) DO UPDATE SET resolved = max(coalesce(resolved, 0), excluded.resolved),"
            " resolution = coalesce(resolution, excluded.resolution)",
            [
                [
                    c["id"],
                    c["table"],
                    c["row_id"],
                    c["field"],
                    json.dumps(c.get("lost_value"), ensure_ascii=False),
                    json.dumps(c.get("kept_value"), ensure_ascii=False),
                    json.dumps(c.get("base_value"), ensure_ascii=False),
                    c.get("lost_author", ""),
                    c.get("kept_author", ""),
                    c.get("lost_hlc", ""),
                    c.get("kept_hlc", ""),
                    1 if c.get("resolved") else 0,
                    c.get("resolution") or None,
                ]
                for c in conflicts
            ],
        )

    def open_conflicts(self) -> list[dict[str, Any]]:
        cursor = self.db.execute("SELECT * FROM conflict WHERE resolved = 0 ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def record_resolution(
        self,
        conflict: dict[str, Any],
        choice: str,
        value: Any,
        *,
        write: bool,
        previous: Any = None,
        stamp: str,
        author: str,
        office_id: str,
        base_version: int,
    ) -> str:
        """A 冲突 choice as one local act: the chosen value on the row (when `write`), a `resolve` op in
        the outbox (it syncs the choice, even when the value is already the current one), a history
        row, and the conflict closed here. Call inside the Store's transaction. Returns the op id."""
        table, row_id, name = conflict["table_name"], conflict["row_id"], conflict["field"]
        if write:
            columns = {**encode(table, {name: value}), "updated_at": stamp, "updated_by": author}
            self.db.execute(
                f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
                [*columns.values(), row_id],
            )
        op_id = uuid7()
        fields = {"conflict_id": conflict["id"], "field": name, "value": value, "choice": choice}
        self.db.execute(
            "INSERT INTO outbox (op_id, table_name, row_id, office_id, kind, fields, base_version, hlc,"
            " author, schema_version, state) VALUES (?, ?, ?, ?, 'resolve', ?, ?, ?, ?, ?, 'pending')",
            [
                op_id,
                table,
                row_id,
                office_id,
                json.dumps(fields, ensure_ascii=False),
                base_version,
                stamp,
                author,
                SCHEMA_VERSION,
            ],
        )
        self.db.execute(
            "INSERT INTO history (hlc, author, table_name, row_id, action, changes, source)"
            " VALUES (?, ?, ?, ?, 'resolve', ?, 'conflict')",
            [stamp, author, table, row_id, json.dumps({name: [previous, value]}, ensure_ascii=False)],
        )
        self.mark_resolved(conflict["id"], choice)
        return op_id

    def mark_resolved(self, conflict_id: str, choice: str) -> None:
        self.db.execute(
            "UPDATE conflict SET resolved = 1, resolution = ? WHERE id = ?", [choice, conflict_id]
        )
