"""Applying one pulled page: rows rebased under pending local edits, conflicts, and the cursor."""

from __future__ import annotations

import json
from typing import Any

from ..columns import SYNCED_TABLES
from .conflicts import ConflictsMixin
from .state import CURSOR_KEY, EPOCH_KEY, RESNAPSHOT_KEY, TAG_KEY


class PullMixin(ConflictsMixin):
    def apply_page(self, page: dict[str, Any]) -> int:
        """Apply one pulled page and move the cursor, in one transaction. Returns rows applied."""
        rows = page.get("rows") or []
        with self.db.atomic():
            pending = self._pending_fields()
            by_table: dict[str, list[tuple[str, dict[str, Any], set[str]]]] = {}
            bases: list[tuple[str, str, str, int]] = []
            for row in rows:
                table, row_id = row["t"], row["id"]
                if table not in SYNCED_TABLES:
                    continue  # a record type this version does not know yet; kept on the server
                if row.get("gone"):
                    self._forget_row(table, row_id)
                    continue
                data = dict(row.get("data") or {})
                data["office_id"] = row.get("o", "")
                data["deleted"] = bool(row.get("d"))
                data["version"] = int(row["v"])
                by_table.setdefault(table, []).append((row_id, data, pending.get((table, row_id), set())))
                bases.append((table, row_id, json.dumps(data, ensure_ascii=False), int(row["v"])))
            for table, items in by_table.items():
                self._write_rows(table, items)
            if bases:
                self.db.conn.executemany(
                    "INSERT OR REPLACE INTO sync_base (table_name, row_id, data, version) VALUES (?, ?, ?, ?)",
                    bases,
                )
            self._store_conflicts(page.get("conflicts") or [])
            if self.get_state(RESNAPSHOT_KEY):
                # Re-snapshot: remember what the server still has, with the cursor, so an interrupted
                # re-snapshot resumes where it stopped.
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO resnapshot_seen (table_name, row_id) VALUES (?, ?)",
                    [(r["t"], r["id"]) for r in rows if not r.get("gone")],
                )
            self.fault("mid-pull-page")
            self._set_state(CURSOR_KEY, str(int(page["cursor"])))
            if page.get("epoch"):  # a server of protocol 2 without epochs sends neither
                self._set_state(EPOCH_KEY, str(page["epoch"]))
            self._set_state(TAG_KEY, str(page.get("cursor_tag") or ""))
        return len(rows)
