"""The outbox as the sync engine sees it: pending ops in wire form and the server's outcome of each."""

from __future__ import annotations

import json
from typing import Any

from ...domain.records import field_specs
from ..columns import encode
from .conflicts import ConflictsMixin


class OutboxMixin(ConflictsMixin):
    def pending_ops(self, limit: int = 1000) -> list[dict[str, Any]]:
        """The oldest pending ops, in the order they were made, in wire form."""
        rows = self.db.execute(
            "SELECT op_id, table_name, row_id, office_id, kind, fields, base_version, hlc, author, schema_version"
            " FROM outbox WHERE state = 'pending' ORDER BY op_seq LIMIT ?",
            [limit],
        ).fetchall()
        return [
            {
                "op_id": op_id,
                "table": table,
                "row_id": row_id,
                "office_id": office_id or "",
                "kind": kind,
                "fields": json.loads(fields or "{}"),
                "base_version": base or 0,
                "hlc": hlc or "",
                "author": author or "",
                "schema_version": schema or 0,
            }
            for op_id, table, row_id, office_id, kind, fields, base, hlc, author, schema in rows
        ]

    def pending_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])

    def record_results(self, results: list[dict[str, Any]]) -> None:
        """Store each op's outcome (once), its conflicts, and undo rejected local changes."""
        with self.db.atomic():
            rejected_rows: set[tuple[str, str]] = set()
            lost: dict[tuple[str, str], dict[str, Any]] = {}
            for result in results:
                op = self.db.execute(
                    "SELECT table_name, row_id, fields, kind FROM outbox WHERE op_id = ? AND state = 'pending'",
                    [result["op_id"]],
                ).fetchone()
                if op is None:
                    continue  # already recorded by an earlier (interrupted) attempt
                self.db.execute(
                    "UPDATE outbox SET state = ?, reason = ? WHERE op_id = ?",
                    [result["outcome"], result.get("reason", ""), result["op_id"]],
                )
                if result["outcome"] == "rejected" or (op[3] == "resolve" and result["outcome"] == "noop"):
                    # A refused change, or a 冲突 choice that came too late (the conflict was settled
                    # elsewhere first): show the server's state again.
                    rejected_rows.add((op[0], op[1]))
                sent = json.loads(op[2] or "{}")
                for c in result.get("conflicts") or []:
                    # Our value lost (money, stage, delete wins): show the value in force, since the
                    # row may already have been pulled past while our edit sat on top of it.
                    if c["field"] in sent and sent[c["field"]] == c.get("lost_value"):
                        lost.setdefault((op[0], op[1]), {})[c["field"]] = c.get("kept_value")
                self._store_conflicts(result.get("conflicts") or [])
            for table, row_id in rejected_rows:
                self._revert(table, row_id)
            pending = self._pending_fields() if lost else {}
            for (table, row_id), values in lost.items():
                specs = field_specs(table)
                keep = pending.get((table, row_id), set())
                fix = encode(
                    table,
                    {k: v for k, v in values.items() if (k in specs or k == "office_id") and k not in keep},
                )
                if fix:
                    self.db.execute(
                        f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in fix)} WHERE id = ?",
                        [*fix.values(), row_id],
                    )
            self.fault("mid-record-results")

    def _revert(self, table: str, row_id: str) -> None:
        """A rejected change never reached the server: show the server's state again (the op stays
        in the outbox as rejected, with its fields, so the user still sees what was refused)."""
        if self.db.execute(
            "SELECT 1 FROM outbox WHERE table_name = ? AND row_id = ? AND state = 'pending'", [table, row_id]
        ).fetchone():
            return
        base = self.db.execute(
            "SELECT data, version FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id]
        ).fetchone()
        if base is None:
            self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
            return
        data = json.loads(base[0])
        self._write_rows(table, [(row_id, data, set())])
