"""The write half of an Excel import: find the record each row names, then create or fill it in.

A row names its record by 记录编号 first; only rows without one fall back to the natural keys of
DOMAIN.md. Nothing is guessed: a natural key that fits two stored records, or a record that another row
of the same file already named, is an error naming both rows. Matched rows are compared with the stored
record in memory, so re-importing an unchanged export writes nothing (no outbox op, no history row).

Indexes come from a few batch queries (`storage.lookups`); new records are buffered and written with
`Store.create_many` (parents first), which keeps a 10,000-row sheet within 2× of a raw executemany.
The sheet handlers themselves live in `excel_sheets`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..domain.errors import DomainError
from ..domain.ids import uuid7
from ..domain.validation import validate_fields
from ..storage import lookups
from ..storage.columns import wire_value
from ..storage.enterprises import find_duplicates
from ..storage.store import Store
from .excel_formats import SheetFormat
from .excel_report import ImportReport, RowProblem

_FLUSH_ORDER = (
    "enterprise",
    "contact",
    "project",
    "stage_change",
    "funding",
    "visit",
    "event",
    "demand",
    "task",
    "trip",
    "commissioner",
)
_FLUSH_ROWS = 5000  # bounds the buffer of a huge import
_MAX_DUPLICATE_CHECKS = 100


@dataclass
class Row:
    """One parsed data row: its sheet row number, cleaned cells, office and the required cells left blank."""

    number: int
    values: dict[str, Any]
    office_id: str = ""
    # Required headers left blank; allowed when the row names an existing record by 记录编号.
    missing: tuple[str, ...] = ()


class RowError(DomainError):
    """This row cannot be imported (reported with its row number; nothing of the row is written)."""


class SkipRow(DomainError):
    """This row is left out on purpose and reported as a warning (e.g. its record was deleted)."""


def present(values: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """{field: value} for the non-empty cells among `mapping` (column key -> field name)."""
    return {f: values[k] for k, f in mapping.items() if values.get(k) not in (None, "", [])}


class ImporterBase:
    """Indexes, record resolution and buffered writes shared by every sheet kind."""

    table = ""  # the sheet's main table (set by the subclass per kind)

    def __init__(
        self, store: Store, fmt: SheetFormat, report: ImportReport, today: dt.date, *, buffered: bool
    ) -> None:
        self.store = store
        self.buffered = buffered
        self.fmt = fmt
        self.report = report
        self.today = today.isoformat()
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._pending_count = 0
        self._duplicate_checks = 0
        self.by_code: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        self.ent_by_id: dict[str, dict[str, Any]] = {}
        self.current: dict[str, dict[str, Any]] = {}  # id -> stored row, for records named by 记录编号
        self.created: set[str] = set()  # ids created by this import (their stored row is read on demand)
        self.keys: dict[tuple[Any, ...], list[str]] = {}  # natural key of the main table -> ids
        self.claims: dict[str, int] = {}  # record id -> the row that named it first
        self.office_names = {v: k for k, v in lookups.offices_by_name(store.db).items()}
        # Per-row bookkeeping so a failed row (allow_partial) leaves no trace in indexes or counts.
        self._undo: list[Callable[[], object]] = []
        self._tally: list[tuple[str, str]] = []
        self._notes: list[str] = []

    # -- batch lookups ------------------------------------------------------------------------
    def load_current(self, rows: list[Row]) -> None:
        """The stored rows of every record the file names by 记录编号, and their enterprises."""
        ids = {r.values["id"] for r in rows if r.values.get("id")}
        self.current = lookups.rows_by_id(self.store.db, self.table, ids)

    def load_enterprises(self, codes: set[str], names: set[str], ids: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        db = self.store.db
        for ent in lookups.enterprises_matching(db, codes=codes, names=names):
            self._index_enterprise(ent)
        missing = ids - set(self.ent_by_id)
        for row in lookups.rows_by_id(db, "enterprise", missing).values():
            if not row["deleted"]:
                self._index_enterprise({k: row[k] for k in ("id", "name", "credit_code", "office_id")})
            else:
                self.ent_by_id[row["id"]] = row  # a current record's enterprise, even merged away

    def _index_enterprise(self, ent: dict[str, Any]) -> None:
        self.ent_by_id[ent["id"]] = ent
        if ent.get("credit_code"):
            self.by_code.setdefault(ent["credit_code"], ent)
        self.by_name.setdefault(ent["name"], []).append(ent)

    def enterprise_ids(self) -> list[str]:
        return list(self.ent_by_id)

    # -- per row ------------------------------------------------------------------------------
    def apply(self, row: Row, *, isolate: bool) -> None:
        """Write one row; with `isolate` a failing row is rolled back alone (savepoint) and reported."""
        handler = getattr(self, f"_{self.fmt.alias}")
        self._undo, self._tally, self._notes = [], [], []
        try:
            if isolate:
                with self.store.transaction():  # nested: a savepoint around this row only
                    handler(row)
            else:
                handler(row)
        except SkipRow as exc:
            for undo in reversed(self._undo):
                undo()
            self.report.warnings.append(RowProblem(row.number, str(exc)))
            return
        except DomainError as exc:
            for undo in reversed(self._undo):
                undo()
            self.report.errors.append(RowProblem(row.number, str(exc)))
            return
        for title, outcome in self._tally:
            counts = self.report.count(title)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        self.report.warnings.extend(RowProblem(row.number, n) for n in self._notes)

    def remember(self, mapping: dict[Any, Any], key: Any, value: Any) -> None:
        mapping[key] = value
        self._undo.append(lambda: mapping.pop(key, None))

    def _remember_key(self, key: tuple[Any, ...], row_id: str) -> None:
        ids = self.keys.setdefault(key, [])
        ids.append(row_id)
        self._undo.append(lambda: ids.remove(row_id))

    def _file_by_name(self, ent: dict[str, Any], name: str) -> None:
        group = self.by_name.setdefault(name, [])
        group.append(ent)
        self._undo.append(lambda: group.remove(ent))

    # -- which record a row names -------------------------------------------------------------
    def target(
        self, row: Row, key: tuple[Any, ...] | None, what: str, key_text: str, *, shared: bool = False
    ) -> str | None:
        """The id of the stored record this row updates, or None when the row creates one.

        `shared`: several rows may name one record (an enterprise per contact, a project per
        instalment); otherwise a record named twice is an error naming both rows.
        """
        row_id = row.values.get("id")
        if row_id:
            current = self.current.get(row_id)
            if current is not None and current["deleted"]:
                raise SkipRow(
                    f"记录编号 {row_id} 的{what}已被删除，本行未导入（如需恢复，请在软件中撤销删除）"
                )
            self._claim(row_id, row, what, key_text, shared)
            return row_id if current is not None or row_id in self.created else None
        ids = self.keys.get(key, []) if key is not None else []
        if len(ids) > 1:
            raise RowError(
                f"库中有 {len(ids)} 条{what}的{key_text}与本行相同，无法确定更新哪一条，本行未导入；"
                "请改用本软件导出的文件（含记录编号）"
            )
        if ids:
            self._claim(ids[0], row, what, key_text, shared)
            return ids[0]
        return None

    def _claim(self, row_id: str, row: Row, what: str, key_text: str, shared: bool) -> None:
        first = self.claims.get(row_id)
        if first is None:
            self.claims[row_id] = row.number
            self._undo.append(lambda: self.claims.pop(row_id, None))
        elif first != row.number and not shared:
            if row.values.get("id"):
                raise RowError(
                    f"第{first}行已对应同一条{what}（记录编号相同，或未填编号但{key_text}相同），"
                    "同一记录在表中出现两次，本行未导入"
                )
            raise RowError(
                f"与第{first}行是同一条{what}（{key_text}相同，本行未填记录编号），无法区分，未合并，本行未导入；"
                "如确是两条记录，请删去本行后在软件中录入，或为已导出的记录保留记录编号"
            )

    def stored(self, table: str, row_id: str) -> dict[str, Any]:
        """The stored row of a record of the main table named by this file (read once, then cached)."""
        current = self.current.get(row_id)
        if current is None:
            self.flush()  # created by an earlier row, maybe still buffered
            current = self.store.get(table, row_id)
            self.current[row_id] = current
        return current

    # -- writes -------------------------------------------------------------------------------
    def create(
        self,
        title: str,
        table: str,
        values: dict[str, Any],
        office_id: str,
        *,
        row: Row | None = None,
        new_id: str | None = None,
    ) -> str:
        """Create a record (buffered unless rows are isolated); refuses a row with blank required cells."""
        if row is not None:
            self.require(row)
        self._tally.append((title, "created"))
        if new_id:
            self.created.add(new_id)
            self._undo.append(lambda: self.created.discard(new_id))
        if not self.buffered:
            return self.store.create(table, values, row_id=new_id, office_id=office_id, source="import")
        # Ids are client-made, so later rows can point at a record before it is written.
        row_id = new_id or uuid7()
        self._pending.setdefault(table, []).append({**values, "id": row_id, "office_id": office_id})
        self._pending_count += 1
        if self._pending_count >= _FLUSH_ROWS:
            self.flush()
        return row_id

    @staticmethod
    def require(row: Row) -> None:
        """A row that creates a record must fill every required cell (an update by 记录编号 need not)."""
        if row.missing:
            raise RowError("；".join(f"{h}为必填项" for h in row.missing))

    @staticmethod
    def differs(table: str, current: dict[str, Any], values: dict[str, Any]) -> bool:
        """Whether writing `values` (cells as typed) would change the stored record."""
        cleaned = validate_fields(table, values, creating=False)
        return any(
            wire_value(table, k, current.get(k)) != wire_value(table, k, v) for k, v in cleaned.items()
        )

    def update(self, title: str, table: str, current: dict[str, Any], values: dict[str, Any]) -> bool:
        """Fill in the given fields of a stored record; compares in memory first, so a no-op writes nothing."""
        if not self.differs(table, current, values):
            self._tally.append((title, "unchanged"))
            return False
        cleaned = validate_fields(table, values, creating=False)
        self.flush()  # the record, or one it points at, may still be buffered
        changed = self.store.update(table, current["id"], values, source="import")
        current.update(cleaned)
        self._tally.append((title, "updated" if changed else "unchanged"))
        return bool(changed)

    def update_id(self, title: str, table: str, row_id: str, values: dict[str, Any]) -> bool:
        """`update` for a record of any table known by id only."""
        self.flush()
        return self.update(title, table, self.store.get(table, row_id), values)

    def flush(self) -> None:
        """Write buffered creates, parents before children so every reference resolves."""
        for table in _FLUSH_ORDER:
            rows = self._pending.pop(table, None)
            if rows:
                self.store.create_many(table, rows, source="import")
        self._pending_count = 0

    # -- enterprises ----------------------------------------------------------------------------
    def find_enterprise(self, name: str, code: str | None) -> dict[str, Any] | None:
        if code and code in self.by_code:
            return self.by_code[code]
        same_name = self.by_name.get(name, [])
        if not code:
            return same_name[0] if same_name else None
        # A code the database has not seen may still belong to a record entered by name only.
        for ent in same_name:
            if not ent.get("credit_code"):
                return ent
        if same_name:
            self._notes.append(f"企业“{name}”已存在但统一社会信用代码不同，已按另一家企业处理")
        return None

    def new_enterprise(
        self, values: dict[str, Any], office_id: str, *, new_id: str | None = None
    ) -> dict[str, Any]:
        self._warn_near_duplicates(values["name"])
        row_id = self.create("企业", "enterprise", values, office_id, new_id=new_id)
        ent = {
            "id": row_id,
            "name": values["name"],
            "credit_code": values.get("credit_code"),
            "office_id": office_id,
        }
        self.ent_by_id[row_id] = ent
        if ent["credit_code"]:
            self.remember(self.by_code, ent["credit_code"], ent)
        self._file_by_name(ent, ent["name"])
        return ent

    def _warn_near_duplicates(self, name: str) -> None:
        """DOMAIN.md: warn before a second record of the same enterprise (full vs short name) is made."""
        self._duplicate_checks += 1
        if self._duplicate_checks > _MAX_DUPLICATE_CHECKS:
            return  # ~50 ms each on a province database; the dry run already showed the first ones
        similar = [r["name"] for r in find_duplicates(self.store, name=name) if r["name"] != name]
        if similar:
            shown = "”“".join(similar[:3]) + ("”等" if len(similar) > 3 else "”")
            self._notes.append(
                f"新建企业“{name}”与已有企业“{shown}名称相近，请确认是否为同一企业（可在企业页合并）"
            )

    def renamed(self, ent: dict[str, Any], values: dict[str, Any]) -> None:
        """Keep the name/code indexes right after an enterprise row filled in a code or a new name."""
        if values.get("credit_code") and not ent.get("credit_code"):
            ent["credit_code"] = values["credit_code"]
            self.remember(self.by_code, ent["credit_code"], ent)
        if values.get("name") and values["name"] != ent["name"]:
            # Matched by code or id under a new name: later rows may use either name.
            self._file_by_name(ent, values["name"])
            ent["name"] = values["name"]

    def check_office(self, office_id: str, row: Row, what: str) -> None:
        # Moving a record to another office would hide it from its owners (scope rule); keep it.
        if row.office_id and office_id != row.office_id:  # blank on a 记录编号 row: nothing to say
            owner = self.office_names.get(office_id, office_id)
            self._notes.append(f"{what}属于办事处“{owner}”，未改变其所属办事处")

    def enterprise_for(self, row: Row, current_id: str | None = None) -> str:
        """The enterprise a row names (企业名称 + 统一社会信用代码).

        A record's present enterprise is kept when the row still names it (duplicate names are
        common, so a name alone must not move a visit to a namesake); unknown ones are created, and a
        code typed for an enterprise known by name only is filled in.
        """
        name, code = row.values.get("enterprise_name"), row.values.get("credit_code")
        if current_id:
            ent = self.ent_by_id.get(current_id)
            if (
                ent is not None
                and (not name or name == ent["name"])
                and (not code or code == ent.get("credit_code") or not ent.get("credit_code"))
            ):
                if code and not ent.get("credit_code"):
                    self.update_id("企业", "enterprise", current_id, {"credit_code": code})
                    self.renamed(ent, {"credit_code": code})
                return current_id
        if not name:
            raise RowError("企业名称为必填项")
        ent = self.find_enterprise(name, code)
        if ent is None:
            return str(self.new_enterprise({"name": name, "credit_code": code}, row.office_id)["id"])
        if code and not ent.get("credit_code"):
            self.update_id("企业", "enterprise", ent["id"], {"credit_code": code})
            self.renamed(ent, {"credit_code": code})
        return str(ent["id"])
