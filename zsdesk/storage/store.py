"""The write engine: every user edit is one transaction writing the row, its outbox op and history.

store = Store(db, author="张三", node="laptop-1")
vid = store.create("visit", {"date": "2024-06-26", ...})
store.update("visit", vid, {"minutes": "..."})
store.delete("visit", vid)          # tombstone, undoable with store.undelete()
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import SCHEMA_VERSION
from ..domain.errors import NotFoundError, ValidationError
from ..domain.hlc import HybridClock
from ..domain.ids import uuid7
from ..domain.messages import Message
from . import engine
from .database import DatabaseError, get_meta, wrap

# The record declarations (domain.records: 16 dataclasses, ≈10 ms) and what is built on them load
# on the first read or write, inside the methods below: the GUI opens its window without them.

if TYPE_CHECKING:  # sqlite-utils (≈65 ms) loads on first use, not on the GUI's start path
    import sqlite_utils

_OUTBOX_SQL = (
    "INSERT INTO outbox (op_id, table_name, row_id, office_id, kind, fields, base_version, hlc,"
    " author, schema_version, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')"
)
_HISTORY_SQL = "INSERT INTO history (hlc, author, table_name, row_id, action, changes, source) VALUES (?, ?, ?, ?, ?, ?, ?)"


def _defaults(table: str) -> dict[str, Any]:
    """Initial column values of a new row: the dataclass defaults, empty lists, False."""
    import dataclasses

    from ..domain.records import BY_TABLE

    values: dict[str, Any] = {}
    for f in dataclasses.fields(BY_TABLE[table]):
        if not f.metadata:
            continue
        kind = f.metadata["kind"]
        values[f.name] = [] if kind == "list" else False if kind == "bool" else f.default
    return values


class Changes(NamedTuple):
    """What one write touched, so each view can decide whether to refresh."""

    tables: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.ids | other.ids)


def write_error(exc: engine.OperationalError) -> DatabaseError:
    """A Chinese explanation of why a write failed; the transaction is already rolled back."""
    text = str(exc).lower()
    if "full" in text:
        reason = "磁盘空间不足（或数据库已达大小上限）"
    elif "locked" in text or "busy" in text:
        reason = "数据库正被其他程序占用"
    elif "readonly" in text or "read-only" in text:
        reason = "数据库文件只读，无法写入"
    elif "disk i/o" in text:
        reason = "磁盘读写出错"
    else:
        reason = f"数据库写入失败（{exc}）"
    return DatabaseError(f"{reason}：本次修改未保存，已有数据没有丢失。请处理后重试。")


class _Batch:
    """The tables and ids written inside one `Store.transaction()`."""

    __slots__ = ("ids", "tables")

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.ids: set[str] = set()


class Store:
    """Validated writes with outbox + history; reads of single rows."""

    def __init__(
        self,
        db: sqlite_utils.Database | engine.Connection,
        *,
        author: str = "",
        node: str | None = None,
        clock: HybridClock | None = None,
        office_id: str | None = None,
    ) -> None:
        # A plain connection (the GUI's start path) gets its sqlite-utils view on first use of `db`.
        self.conn: engine.Connection = db if isinstance(db, engine.Connection) else db.conn
        self._db = None if isinstance(db, engine.Connection) else db
        self.author = author or (get_meta(db, "officer") or "")
        self.office_id = office_id or get_meta(db, "office_id") or ""
        self.clock = clock or HybridClock(node or (get_meta(db, "device_id") or "local")[:13])
        self._batch: _Batch | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            self._db = wrap(self.conn)
        return self._db

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[_Batch]:
        """Group several writes into one transaction (nested calls join the outer one)."""
        outer = self._batch is None
        if outer:
            self._batch = _Batch()
        batch = self._batch
        assert batch is not None
        try:
            with self.db.atomic():
                yield batch
        except engine.OperationalError as exc:
            # The atomic block has rolled back: say so plainly instead of a traceback.
            raise write_error(exc) from exc
        finally:
            if outer:
                self._batch = None

    def _note(self, table: str, row_id: str) -> None:
        if self._batch is not None:
            self._batch.tables.add(table)
            self._batch.ids.add(row_id)

    # -- reads --------------------------------------------------------------------------------
    def get(self, table: str, row_id: str, *, include_deleted: bool = False) -> dict[str, Any]:
        from ..domain.records import BY_TABLE

        row = self.find(table, row_id)
        if row is None or (row["deleted"] and not include_deleted):
            raise NotFoundError(f"找不到该{BY_TABLE[table].TITLE}记录（{row_id}），可能已被删除")
        return row

    def find(self, table: str, row_id: str) -> dict[str, Any] | None:
        from .columns import decode

        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        values = cursor.fetchone()
        if values is None:
            return None
        return decode(table, dict(zip([d[0] for d in cursor.description], values, strict=True)))

    # -- writes -------------------------------------------------------------------------------
    def create(
        self,
        table: str,
        values: dict[str, Any],
        *,
        row_id: str | None = None,
        office_id: str | None = None,
        source: str = "local",
    ) -> str:
        from .columns import encode

        row = self._new_row(table, values, row_id, office_id)
        self._check_refs(table, row)
        self._check_unique_codes(table, [row])
        row_id, stamp = row["id"], row["created_at"]
        with self.transaction():
            self.db.execute(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in row)}) VALUES ({', '.join('?' * len(row))})",
                list(encode(table, row).values()),
            )
            fields = self._create_fields(table, row)
            self._log(
                table,
                row_id,
                row["office_id"],
                "create",
                fields,
                0,
                stamp,
                source,
                {k: [None, v] for k, v in fields.items()},
            )
        return row_id

    def create_many(self, table: str, rows: Iterable[dict[str, Any]], *, source: str = "local") -> list[str]:
        """Create many rows of one table with executemany (bulk import); returns their ids.

        Each row is validated and logged exactly as `create` would (one outbox op + one history row
        per record); an optional "id" / "office_id" key in a row plays the part of create's keyword
        arguments. All-or-nothing: a bad row raises ValidationError before anything is written.
        """
        from .columns import encode

        built = [self._new_row(table, dict(values), values.get("id"), None) for values in rows]
        if not built:
            return []
        self._check_refs_many(table, built)
        self._check_unique_codes(table, built)
        outbox: list[list[Any]] = []
        history: list[list[Any]] = []
        for row in built:
            fields = self._create_fields(table, row)
            diff = {k: [None, v] for k, v in fields.items()}
            op, hist = self._log_params(
                table, row["id"], row["office_id"], "create", fields, 0, row["created_at"], source, diff
            )
            outbox.append(op)
            history.append(hist)
        columns = list(built[0])
        with self.transaction():
            self.db.conn.executemany(
                f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                [list(encode(table, row).values()) for row in built],
            )
            self.db.conn.executemany(_OUTBOX_SQL, outbox)
            self.db.conn.executemany(_HISTORY_SQL, history)
            for row in built:
                self._note(table, row["id"])
        return [row["id"] for row in built]

    def _new_row(
        self, table: str, values: dict[str, Any], row_id: str | None, office_id: str | None
    ) -> dict[str, Any]:
        """The full validated column values of a new record (envelope included), not yet written."""
        from ..domain.validation import validate_fields

        defaults = _defaults(table)
        initial = {k: v for k, v in defaults.items() if v not in (None, [], False)}
        cleaned = validate_fields(table, {**initial, **values}, creating=True)
        row_id = row_id or uuid7()
        office = office_id or values.get("office_id") or self.office_id
        if not office and table != "office":
            raise ValidationError({"office_id": Message("store.no_office")})
        stamp = self.clock.now()
        return {
            **defaults,
            **cleaned,
            "id": row_id,
            "office_id": office if table != "office" else row_id,
            "deleted": False,
            "version": 0,
            "updated_at": stamp,
            "updated_by": self.author,
            "created_at": stamp,
        }

    @staticmethod
    def _create_fields(table: str, row: dict[str, Any]) -> dict[str, Any]:
        """The outbox `fields` of a create: every non-empty field plus office_id."""
        from ..domain.records import field_specs
        from .columns import wire_value

        specs = field_specs(table)
        fields = {
            k: wire_value(table, k, v)
            for k, v in row.items()
            if k in specs and v not in (None, "", [], False)
        }
        fields["office_id"] = row["office_id"]
        return fields

    def update(
        self,
        table: str,
        row_id: str,
        values: dict[str, Any],
        *,
        source: str = "local",
        allow_deleted: bool = False,
    ) -> dict[str, Any]:
        """Change some fields; returns {field: new_value} of what actually changed."""
        from ..domain.validation import validate_fields
        from .columns import wire_value

        cleaned = validate_fields(
            table, {k: v for k, v in values.items() if k != "office_id"}, creating=False
        )
        self._check_refs(table, cleaned)
        with self.transaction():
            current = self.get(table, row_id, include_deleted=allow_deleted)
            changed = {
                k: v
                for k, v in cleaned.items()
                if wire_value(table, k, current.get(k)) != wire_value(table, k, v)
            }
            if "office_id" in values and values["office_id"] != current["office_id"]:
                changed["office_id"] = values["office_id"]
            if not changed:
                return {}
            if changed.get("credit_code"):
                self._check_unique_codes(table, [{**current, **changed}])
            self._write(table, row_id, current, changed, "update", source)
        return changed

    def delete(self, table: str, row_id: str, *, source: str = "local") -> None:
        with self.transaction():
            current = self.get(table, row_id)
            self._write(table, row_id, current, {"deleted": True}, "delete", source)

    def undelete(self, table: str, row_id: str, *, source: str = "local") -> None:
        with self.transaction():
            current = self.get(table, row_id, include_deleted=True)
            if current["deleted"]:
                self._write(table, row_id, current, {"deleted": False}, "undelete", source)

    def _write(
        self,
        table: str,
        row_id: str,
        current: dict[str, Any],
        changed: dict[str, Any],
        action: str,
        source: str,
    ) -> None:
        from .columns import encode, wire_value

        stamp = self.clock.now()
        columns = {**encode(table, changed), "updated_at": stamp, "updated_by": self.author}
        assignments = ", ".join(f"[{c}] = ?" for c in columns)
        self.db.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*columns.values(), row_id])
        fields = {k: wire_value(table, k, v) for k, v in changed.items()}
        diff = {k: [wire_value(table, k, current.get(k)), fields[k]] for k in fields}
        self._log(
            table,
            row_id,
            changed.get("office_id", current["office_id"]),
            action,
            fields,
            current["version"],
            stamp,
            source,
            diff,
        )

    def _log(
        self,
        table: str,
        row_id: str,
        office_id: str,
        action: str,
        fields: dict[str, Any],
        base_version: int,
        stamp: str,
        source: str,
        diff: dict[str, Any],
    ) -> None:
        op, hist = self._log_params(
            table, row_id, office_id, action, fields, base_version, stamp, source, diff
        )
        self.db.execute(_OUTBOX_SQL, op)
        self.db.execute(_HISTORY_SQL, hist)
        self._note(table, row_id)

    def _log_params(
        self,
        table: str,
        row_id: str,
        office_id: str,
        action: str,
        fields: dict[str, Any],
        base_version: int,
        stamp: str,
        source: str,
        diff: dict[str, Any],
    ) -> tuple[list[Any], list[Any]]:
        """Parameters of the outbox op and the history row of one change (shared by create_many)."""
        import json  # not at module level: the GUI's start path imports this module but writes nothing

        op = [
            uuid7(),
            table,
            row_id,
            office_id,
            action,
            json.dumps(fields, ensure_ascii=False),
            base_version,
            stamp,
            self.author,
            SCHEMA_VERSION,
        ]
        hist = [stamp, self.author, table, row_id, action, json.dumps(diff, ensure_ascii=False), source]
        return op, hist

    def _check_refs_many(self, table: str, rows: list[dict[str, Any]]) -> None:
        """`_check_refs` for many rows with one IN query per chunk (references inside `rows` count too)."""
        from ..domain.records import field_specs

        for name, fs in field_specs(table).items():
            if fs.kind != "ref":
                continue
            wanted = {row[name] for row in rows if row.get(name)}
            if fs.ref == table:
                wanted -= {row["id"] for row in rows}
            missing = set(wanted)
            targets = sorted(wanted)
            for start in range(0, len(targets), 500):
                chunk = targets[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found = self.db.execute(f"SELECT id FROM [{fs.ref}] WHERE id IN ({marks})", chunk).fetchall()
                missing -= {r[0] for r in found}
            if missing:
                raise ValidationError({name: Message("field.unknown_ref", label=fs.label)})

    def _check_unique_codes(self, table: str, rows: list[dict[str, Any]]) -> None:
        """One live enterprise per credit code (DOMAIN.md): a second is refused, naming the first."""
        if table != "enterprise":
            return
        from ..domain.errors import DuplicateCodeError

        mine: dict[str, dict[str, Any]] = {}
        for row in rows:
            code = row.get("credit_code")
            if code and code in mine:
                raise DuplicateCodeError(code, mine[code]["id"], mine[code]["name"])
            if code:
                mine[code] = row
        codes = sorted(mine)
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            found = self.db.execute(
                f"SELECT id, name, credit_code FROM enterprise WHERE deleted = 0"
                f" AND credit_code IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            for other_id, name, code in found:
                if other_id != mine[code]["id"]:
                    raise DuplicateCodeError(code, other_id, name)

    def _check_refs(self, table: str, cleaned: dict[str, Any]) -> None:
        from ..domain.records import field_specs

        for name, fs in field_specs(table).items():
            target = cleaned.get(name)
            if fs.kind == "ref" and target:
                row = self.db.execute(f"SELECT deleted FROM [{fs.ref}] WHERE id = ?", [target]).fetchone()
                if row is None:
                    raise ValidationError({name: Message("field.unknown_ref", label=fs.label)})

    # -- history ------------------------------------------------------------------------------
    def history(self, row_id: str) -> list[dict[str, Any]]:
        import json

        rows = self.db.execute(
            "SELECT hlc, author, table_name, action, changes, source FROM history WHERE row_id = ? ORDER BY id",
            [row_id],
        ).fetchall()
        return [
            {"hlc": h, "author": a, "table": t, "action": act, "changes": json.loads(c), "source": s}
            for h, a, t, act, c, s in rows
        ]

    def pending_ops(self) -> int:
        return self.db.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
