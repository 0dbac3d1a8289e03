"""Re-snapshot (SYNC.md §6): pull the whole scope again from 0 and settle rows the server lacks.

Two causes, two endings. After a tombstone purge a synced row the server lacks was deleted long
ago: it is dropped here. After the server's database was restored from a backup, a row it lacks
was created after that backup and the server lost it: this laptop may hold the only copy, so it
is queued again as a create (the server takes it like any new row) instead of being dropped.
"""

from __future__ import annotations

import json

from ... import SCHEMA_VERSION
from ...domain.ids import uuid7
from ..columns import SYNCED_TABLES, decode
from .state import CURSOR_KEY, RESNAPSHOT_KEY, ReplicaBase


class ResnapshotMixin(ReplicaBase):
    def resnapshot_active(self) -> bool:
        return bool(self.get_state(RESNAPSHOT_KEY))

    def resnapshot_reason(self) -> str:
        """ "restored" or "purged" while a re-snapshot is under way, else ""."""
        mode = self.get_state(RESNAPSHOT_KEY) or ""
        return "" if not mode else "restored" if mode == "restored" else "purged"

    def begin_resnapshot(self, reason: str = "purged") -> None:
        """Pull everything again from 0, noting each row the server still has (table made here: it
        only exists on laptops that need it). `reason` "restored" keeps rows the server lost."""
        with self.db.atomic():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS resnapshot_seen (table_name TEXT, row_id TEXT,"
                " PRIMARY KEY (table_name, row_id)) WITHOUT ROWID"
            )
            self.db.execute("DELETE FROM resnapshot_seen")
            self._set_state(RESNAPSHOT_KEY, "restored" if reason == "restored" else "1")
            self._set_state(CURSOR_KEY, "0")

    def finish_resnapshot(self) -> int:
        """After the last page: settle synced rows (version > 0) the server no longer has, except rows
        with pending ops; local-only rows (version 0) are never touched. Returns rows dropped (after a
        purge) or queued again for the server (after a restore)."""
        mode = self.get_state(RESNAPSHOT_KEY)
        if not mode:
            return 0
        settled = 0
        with self.db.atomic():
            pending = self._pending_fields()
            for table in SYNCED_TABLES:
                for (row_id,) in self.db.execute(
                    f"SELECT id FROM [{table}] t WHERE coalesce(t.version, 0) > 0 AND NOT EXISTS"
                    " (SELECT 1 FROM resnapshot_seen s WHERE s.table_name = ? AND s.row_id = t.id)",
                    [table],
                ).fetchall():
                    if mode == "restored":
                        settled += self._queue_again(table, row_id, pending)
                        continue
                    # Kept for its pending op, but the server has no such row any more: forget the
                    # base, so that when the op is refused the row is undone, not resurrected.
                    self._forget_row(table, row_id, keep_row=(table, row_id) in pending)
                    if (table, row_id) in pending:
                        continue
                    # Its conflicts can no longer be resolved: the row is gone everywhere.
                    self.db.execute(
                        "UPDATE conflict SET resolved = 1 WHERE table_name = ? AND row_id = ? AND resolved = 0",
                        [table, row_id],
                    )
                    settled += 1
            self.db.execute("DELETE FROM resnapshot_seen")
            self._set_state(RESNAPSHOT_KEY, "")
        return settled

    def _queue_again(self, table: str, row_id: str, pending: dict[tuple[str, str], set[str]]) -> int:
        """A row the restored server lost: make it local-only again (version 0) with a create op
        carrying every field, so the next push gives it back to the server. A lost tombstone is
        simply dropped: the row was deleted, the server no longer has it, nothing to give back."""
        from ..store import Store  # the create op is built exactly as a local create builds it

        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        names = [d[0] for d in cursor.description]
        row = decode(table, dict(zip(names, cursor.fetchone(), strict=True)))
        self._forget_row(table, row_id, keep_row=not row["deleted"])
        if row["deleted"]:
            return 0
        self.db.execute(f"UPDATE [{table}] SET version = 0 WHERE id = ?", [row_id])
        later = [
            op_seq
            for (op_seq,) in self.db.execute(
                "SELECT op_seq FROM outbox WHERE table_name = ? AND row_id = ? AND state = 'pending'"
                " ORDER BY op_seq",
                [table, row_id],
            ).fetchall()
        ]
        fields = Store._create_fields(table, row)
        self.db.execute(
            "INSERT INTO outbox (op_id, table_name, row_id, office_id, kind, fields, base_version, hlc,"
            " author, schema_version, state) VALUES (?, ?, ?, ?, 'create', ?, 0, ?, ?, ?, 'pending')",
            [
                uuid7(),
                table,
                row_id,
                row["office_id"],
                json.dumps(fields, ensure_ascii=False),
                row.get("updated_at") or "",
                row.get("updated_by") or "",
                SCHEMA_VERSION,
            ],
        )
        # Pending edits of the row go after its create (the server would refuse an edit of a row it
        # does not have); they carry the create's values, so they land as no-ops.
        for op_seq in later:
            self.db.execute(
                "UPDATE outbox SET op_seq = (SELECT max(op_seq) + 1 FROM outbox), base_version = 0"
                " WHERE op_seq = ?",
                [op_seq],
            )
        return 1
