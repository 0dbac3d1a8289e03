"""Re-snapshot (SYNC.md §6): pull the whole scope again from 0 and settle rows the server lacks."""

from __future__ import annotations

from ..columns import SYNCED_TABLES
from .state import CURSOR_KEY, RESNAPSHOT_KEY, ReplicaBase


class ResnapshotMixin(ReplicaBase):
    def resnapshot_active(self) -> bool:
        return bool(self.get_state(RESNAPSHOT_KEY))

    def begin_resnapshot(self) -> None:
        """The server purged tombstones our cursor has not seen: pull everything again from 0,
        noting each row the server still has (table made here: it only exists on laptops that need it)."""
        with self.db.atomic():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS resnapshot_seen (table_name TEXT, row_id TEXT,"
                " PRIMARY KEY (table_name, row_id)) WITHOUT ROWID"
            )
            self.db.execute("DELETE FROM resnapshot_seen")
            self._set_state(RESNAPSHOT_KEY, "1")
            self._set_state(CURSOR_KEY, "0")

    def finish_resnapshot(self) -> int:
        """After the last page: drop synced rows (version > 0) the server no longer has, except rows
        with pending ops; local-only rows (version 0) are never touched. Returns rows dropped."""
        if not self.resnapshot_active():
            return 0
        dropped = 0
        with self.db.atomic():
            pending = self._pending_fields()
            for table in SYNCED_TABLES:
                for (row_id,) in self.db.execute(
                    f"SELECT id FROM [{table}] t WHERE coalesce(t.version, 0) > 0 AND NOT EXISTS"
                    " (SELECT 1 FROM resnapshot_seen s WHERE s.table_name = ? AND s.row_id = t.id)",
                    [table],
                ).fetchall():
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
                    dropped += 1
            self.db.execute("DELETE FROM resnapshot_seen")
            self._set_state(RESNAPSHOT_KEY, "")
        return dropped
