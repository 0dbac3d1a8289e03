"""The local SQL side of sync: outbox reading, results, pulled pages, rebase, conflicts, blobs.

Every method that changes state runs in one transaction, so an interrupted sync leaves either the
old state or the new one: a pulled page and the cursor that covers it commit together (SYNC.md).
The HTTP side lives in `zsdesk.sync.client`; services wire the two together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import SCHEMA_VERSION
from ..domain.ids import uuid7
from ..domain.records import field_specs
from .columns import SYNCED_TABLES, encode
from .database import get_meta, set_meta

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils

CURSOR_KEY = "pull_cursor"
RESNAPSHOT_KEY = "resnapshot"
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
            if self.get_state(RESNAPSHOT_KEY) == "1":
                # Re-snapshot: remember what the server still has, with the cursor, so an interrupted
                # re-snapshot resumes where it stopped.
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO resnapshot_seen (table_name, row_id) VALUES (?, ?)",
                    [(r["t"], r["id"]) for r in rows if not r.get("gone")],
                )
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

    # -- conflicts -----------------------------------------------------------------------------
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

    def has_blob(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM blob WHERE sha256 = ?", [sha256]).fetchone() is not None

    def store_downloaded_blob(self, sha256: str, data: bytes) -> None:
        """Keep downloaded bytes (already on the server, so never uploaded again); verified again here
        because this is the last step before the bytes become the attachment's local copy."""
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("blob bytes do not match their SHA-256")
        with self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO blob (sha256, size, data, uploaded) VALUES (?, ?, ?, 1)",
                [sha256, len(data), data],
            )

    def missing_blobs(self, max_size: int) -> list[str]:
        """SHA-256 of live attachments whose bytes are not here yet and are smaller than `max_size`."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT a.sha256 FROM attachment a LEFT JOIN blob b ON b.sha256 = a.sha256"
                " WHERE a.deleted = 0 AND b.sha256 IS NULL AND a.sha256 IS NOT NULL"
                " AND coalesce(a.size, 0) < ? ORDER BY a.sha256",
                [max_size],
            ).fetchall()
        ]

    def attachment_sha(self, attachment_id: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM attachment WHERE id = ?", [attachment_id]).fetchone()
        return str(row[0]) if row and row[0] else None

    # -- re-snapshot after a tombstone purge (SYNC.md §6) ----------------------------------------
    def resnapshot_active(self) -> bool:
        return self.get_state(RESNAPSHOT_KEY) == "1"

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
                    if (table, row_id) in pending:
                        # Kept for its pending op, but the server has no such row any more: forget the
                        # base, so that when the op is refused the row is undone, not resurrected.
                        self.db.execute(
                            "DELETE FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id]
                        )
                        continue
                    self.db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
                    self.db.execute(
                        "DELETE FROM sync_base WHERE table_name = ? AND row_id = ?", [table, row_id]
                    )
                    # Its conflicts can no longer be resolved: the row is gone everywhere.
                    self.db.execute(
                        "UPDATE conflict SET resolved = 1 WHERE table_name = ? AND row_id = ? AND resolved = 0",
                        [table, row_id],
                    )
                    dropped += 1
            self.db.execute("DELETE FROM resnapshot_seen")
            self._set_state(RESNAPSHOT_KEY, "")
        return dropped
