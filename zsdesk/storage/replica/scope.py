"""Which offices this laptop holds: adopting the server's office, dropping rows a new scope excludes."""

from __future__ import annotations

import json

from ...domain.campaigns import PROVINCE_OFFICE
from ..columns import SYNCED_TABLES
from ..database import get_meta, set_meta
from .state import CURSOR_KEY, ReplicaBase


class ScopeMixin(ReplicaBase):
    def adopt_office(self, offices: list[dict[str, str]]) -> str | None:
        """A laptop set up offline made its own office record; once the server tells us the real
        office, move every local row and pending op onto it (matched by name, or the only one)."""
        local = get_meta(self.db, "office_id") or ""
        ids = {o["id"] for o in offices}
        if not offices or local in ids:
            return None
        row = self.db.execute("SELECT name, version FROM office WHERE id = ?", [local]).fetchone()
        if row is not None and row[1]:
            return None  # the local office came from the server: nothing to adopt
        named = [o["id"] for o in offices if row is not None and o["name"] == row[0]]
        target = named[0] if named else (offices[0]["id"] if len(offices) == 1 else None)
        if target is None:
            return None
        with self.db.atomic():
            for table in SYNCED_TABLES:
                if table != "office":
                    self.db.execute(
                        f"UPDATE [{table}] SET office_id = ? WHERE office_id = ?", [target, local]
                    )
            for op_seq, fields in self.db.execute(
                "SELECT op_seq, fields FROM outbox WHERE office_id = ? AND state = 'pending'", [local]
            ).fetchall():
                values = json.loads(fields or "{}")
                if values.get("office_id") == local:
                    values["office_id"] = target
                self.db.execute(
                    "UPDATE outbox SET office_id = ?, fields = ? WHERE op_seq = ?",
                    [target, json.dumps(values, ensure_ascii=False), op_seq],
                )
            self.db.execute(
                "DELETE FROM outbox WHERE table_name = 'office' AND row_id = ? AND state = 'pending'", [local]
            )
            self.db.execute("DELETE FROM office WHERE id = ?", [local])
            set_meta(self.db, "office_id", target)
        return target

    def reset_scope(self, scope_key: str, office_ids: set[str] | None) -> bool:
        """The user's scope changed (new office, lead of more offices): drop rows now outside it
        and pull everything again from seq 0, since older rows of a new office lie behind the cursor.
        `office_ids` None means all offices (admin). Returns True when a reset happened."""
        previous = self.get_state("scope")
        if previous == scope_key:
            return False
        with self.db.atomic():
            if previous is not None and office_ids is not None:
                office_ids = office_ids | {PROVINCE_OFFICE}  # campaigns belong to every scope
                pending = self._pending_fields()
                marks = ", ".join("?" * len(office_ids)) or "''"
                for table in SYNCED_TABLES:
                    column = "id" if table == "office" else "office_id"
                    for (row_id,) in self.db.execute(
                        f"SELECT id FROM [{table}] WHERE [{column}] NOT IN ({marks})", sorted(office_ids)
                    ).fetchall():
                        if (table, row_id) not in pending:
                            self._forget_row(table, row_id)
            self._set_state(CURSOR_KEY, "0")
            self._set_state("scope", scope_key)
        return True
