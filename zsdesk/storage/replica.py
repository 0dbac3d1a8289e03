"""The local SQL side of sync: outbox reading, results, pulled pages, rebase, conflicts, blobs.

Every method that changes state runs in one transaction, so an interrupted sync leaves either the
old state or the new one: a pulled page and the cursor that covers it commit together (SYNC.md).
The HTTP side lives in `zsdesk.sync.client`; services wire the two together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from ..domain.records import field_specs
from .columns import SYNCED_TABLES, encode
from .database import get_meta, set_meta

CURSOR_KEY = "pull_cursor"
_ENVELOPE_FROM_SERVER = ("office_id", "deleted", "version")


def _defaults_for(table: str) -> dict[str, Any]:
    """Value of a field the server never received: the state a fresh row has (Store.create omits empties)."""
    return {
        name: [] if fs.kind == "list" else False if fs.kind == "bool" else None
        for name, fs in field_specs(table).items()
    }


def _no_fault(point: str) -> None:
    """Default fault hook: nothing (tests inject one that kills the process)."""


class Replica:
    """`Replica(db)` implements `zsdesk.sync.client.ReplicaStore` for one offline database."""

    def __init__(self, db: sqlite_utils.Database, *, fault: Callable[[str], None] = _no_fault) -> None:
        self.db = db
        self.fault = fault

    # -- identity & cursor ---------------------------------------------------------------------
    def device_id(self) -> str:
        return get_meta(self.db, "device_id") or ""

    def cursor(self) -> int:
        row = self.db.execute("SELECT value FROM sync_state WHERE key = ?", [CURSOR_KEY]).fetchone()
        return int(row[0]) if row else 0

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

    # -- outbox --------------------------------------------------------------------------------
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
                    "SELECT table_name, row_id, fields FROM outbox WHERE op_id = ? AND state = 'pending'",
                    [result["op_id"]],
                ).fetchone()
                if op is None:
                    continue  # already recorded by an earlier (interrupted) attempt
                self.db.execute(
                    "UPDATE outbox SET state = ?, reason = ? WHERE op_id = ?",
                    [result["outcome"], result.get("reason", ""), result["op_id"]],
                )
                if result["outcome"] == "rejected":
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

    # -- pull ----------------------------------------------------------------------------------
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
                    self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
                    self.db.execute(
                        "DELETE FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id]
                    )
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
            self.fault("mid-pull-page")
            self._set_state(CURSOR_KEY, str(int(page["cursor"])))
        return len(rows)

    def _pending_fields(self) -> dict[tuple[str, str], set[str]]:
        """Fields with pending local ops, per row: they stay on top of pulled server values."""
        out: dict[tuple[str, str], set[str]] = {}
        for table, row_id, kind, fields in self.db.execute(
            "SELECT table_name, row_id, kind, fields FROM outbox WHERE state = 'pending'"
        ).fetchall():
            names = out.setdefault((table, row_id), set())
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

    # -- conflicts -----------------------------------------------------------------------------
    def _store_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        """Keep each server conflict once: `server_value` is the value now in force, `local_value` the
        value that lost (whoever wrote it), `base_value` what both edits started from."""
        if not conflicts:
            return
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO conflict (id, table_name, row_id, field, local_value, server_value, base_value,"
            " local_author, server_author, local_hlc, server_hlc, resolved, resolution)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)"
            # Settled on the server (the field was edited again, maybe on another laptop): close it here.
            " ON CONFLICT(id) DO UPDATE SET resolved = max(coalesce(resolved, 0), excluded.resolved)",
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
                ]
                for c in conflicts
            ],
        )

    def open_conflicts(self) -> list[dict[str, Any]]:
        cursor = self.db.execute("SELECT * FROM conflict WHERE resolved = 0 ORDER BY id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def mark_resolved(self, conflict_id: str, choice: str) -> None:
        self.db.execute(
            "UPDATE conflict SET resolved = 1, resolution = ? WHERE id = ?", [choice, conflict_id]
        )

    # -- identity of the office ----------------------------------------------------------------
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
                pending = self._pending_fields()
                marks = ", ".join("?" * len(office_ids)) or "''"
                for table in SYNCED_TABLES:
                    column = "id" if table == "office" else "office_id"
                    for (row_id,) in self.db.execute(
                        f"SELECT id FROM [{table}] WHERE [{column}] NOT IN ({marks})", sorted(office_ids)
                    ).fetchall():
                        if (table, row_id) not in pending:
                            self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
                            self.db.execute(
                                "DELETE FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id]
                            )
            self._set_state(CURSOR_KEY, "0")
            self._set_state("scope", scope_key)
        return True

    # -- blobs ---------------------------------------------------------------------------------
    def add_blob(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO blob (sha256, size, data, uploaded) VALUES (?, ?, ?, 0)",
                [sha, len(data), data],
            )
        return sha

    def pending_blobs(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute("SELECT sha256 FROM blob WHERE NOT coalesce(uploaded, 0)").fetchall()
        ]

    def read_blob(self, sha256: str) -> bytes:
        row = self.db.execute("SELECT data FROM blob WHERE sha256 = ?", [sha256]).fetchone()
        return bytes(row[0]) if row else b""

    def mark_blob_uploaded(self, sha256: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE blob SET uploaded = 1 WHERE sha256 = ?", [sha256])
