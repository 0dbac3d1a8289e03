"""Importing an exchange sheet into the office database: match, create or fill in, all-or-nothing.

    report = import_sheet(ws.store, "走访", "visits.xlsx", dry_run=True)
    print(report.summary())        # counts per record kind, warnings, errors with sheet row numbers

Rules (DOMAIN.md "Exchange formats"): enterprises match by credit code, else exact name; matched
records get only the non-empty cells; natural keys make re-import idempotent; any bad row means
nothing is written unless `allow_partial`; every write goes through `Store`, so it reaches the outbox.

Two phases: every cell is checked first (so all bad rows are reported at once), then the good rows
are matched against indexes loaded with a few batch queries (`storage.lookups`) and written in one
transaction. New records are buffered and written with `Store.create_many`, which keeps a 10,000-row
sheet within 2× of a raw executemany (tests/bench/bench_import.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.errors import DomainError
from ..domain.ids import uuid7
from ..storage import lookups
from ..storage.enterprises import find_duplicates
from ..storage.store import Store
from .excel_formats import SheetFormat, sheet_format
from .excel_read import SheetReader, clean_cell, open_sheet
from .excel_report import ImportReport, RowProblem
from .progress import NEVER, NO_PROGRESS, CancelCheck, Progress, Throttled
from .workflow import fulfil_triggers, plan_project_write


@dataclass
class _Row:
    number: int
    values: dict[str, Any]
    office_id: str = ""


class _Rollback(Exception):
    """Raised inside the import transaction to undo it (dry run, or bad rows without allow_partial)."""


def import_sheet(
    store: Store,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    allow_partial: bool = False,
    today: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
    cancel: CancelCheck = NEVER,
) -> ImportReport:
    """Import one exchange sheet in a single transaction; see the module docstring for the rules.

    Raises ExcelError for an unusable file and Cancelled (after rolling back) when `cancel()` turns true.
    """
    fmt = sheet_format(kind)
    report = ImportReport(fmt.kind, Path(path).name, dry_run=dry_run, allow_partial=allow_partial)
    step = Throttled(progress, cancel)
    offices = lookups.offices_by_name(store.db)
    with open_sheet(path, fmt) as sheet:
        report.sheet = sheet.title
        report.warnings.extend(RowProblem(1, w.removeprefix("第1行：")) for w in sheet.warnings)
        rows = _parse_rows(sheet, offices, report, step)
    if not rows and not report.errors:
        report.warnings.append(RowProblem(1, "表中没有数据行"))
    # allow_partial writes row by row so a failing row can be rolled back alone; otherwise new
    # records are buffered and written with Store.create_many (the whole import is one unit anyway).
    importer = _Importer(store, fmt, report, today or dt.date.today(), buffered=not allow_partial)
    try:
        with store.transaction():
            importer.prepare(rows)
            for index, row in enumerate(rows):
                step(0.4 + 0.6 * index / max(len(rows), 1), f"正在导入第 {row.number} 行")
                importer.apply(row, isolate=allow_partial)
            importer.flush()
            if fmt.alias == "visits":
                fulfil_triggers(store)  # 六必访: imported visits fulfil open triggers too
            if dry_run or (report.errors and not allow_partial):
                raise _Rollback
        report.committed = True
    except _Rollback:
        report.committed = False
    step(1.0, "导入完成" if report.committed else "校验完成")
    return report


def _parse_rows(
    sheet: SheetReader, offices: dict[str, str], report: ImportReport, step: Throttled
) -> list[_Row]:
    """Phase 1: clean every cell; rows with any bad cell become errors and are left out."""
    parsed: list[_Row] = []
    estimate = max(sheet.max_row or 0, 1)
    names = list(offices)
    office_list = "、".join(names[:8]) + (f" 等{len(names)}个" if len(names) > 8 else "") or "（无）"
    for number, raw in sheet.rows():
        report.rows += 1
        if report.rows % 256 == 0:
            step(0.4 * min(number / estimate, 1.0), f"正在读取第 {number} 行")
        values: dict[str, Any] = {}
        problems: list[str] = []
        for _, col in sheet.columns:
            try:
                values[col.key] = clean_cell(col, raw[col.key])
            except DomainError as exc:
                problems.append(str(exc))
        office_id = ""
        office_name = values.get("office")
        if office_name:
            office_id = offices.get(office_name.strip(), "")
            if not office_id:
                problems.append(f"所属办事处“{office_name}”不存在（本库已有：{office_list}）")
        if sheet.fmt.kind == "项目" and (values.get("funding_wan") is None) != (
            values.get("funding_date") is None
        ):
            problems.append("到位资金(亿元)与到位日期需同时填写")
        if problems:
            report.errors.append(RowProblem(number, "；".join(problems)))
        else:
            parsed.append(_Row(number, values, office_id))
    return parsed


def _present(values: dict[str, Any], mapping: dict[str, str]) -> dict[str, Any]:
    """{field: value} for the non-empty cells among `mapping` (column key -> field name)."""
    return {f: values[k] for k, f in mapping.items() if values.get(k) not in (None, "", [])}


_ENTERPRISE_FIELDS = {k: k for k in ("name", "credit_code", "industry", "hq_region", "ownership", "tags")}
_CONTACT_FIELDS = {"contact_title": "title", "contact_phone": "phone", "contact_email": "email"}
_VISIT_FIELDS = {
    k: k for k in ("date", "form", "leader", "participants", "minutes", "demands_text", "next_steps")
}
_PROJECT_FIELDS = {
    k: k
    for k in (
        "name",
        "industry",
        "planned_wan",
        "target_city",
        "target_park",
        "stage",
        "signed_date",
        "signed_wan",
        "landed_date",
        "started_date",
        "production_date",
    )
}
_EVENT_FIELDS = {k: k for k in ("date", "name", "kind", "place")}
_FLUSH_ORDER = ("enterprise", "contact", "project", "stage_change", "funding", "visit", "event")
_FLUSH_ROWS = 5000  # bounds the buffer of a huge import
_MAX_DUPLICATE_CHECKS = 100


class _Importer:
    """Phase 2: resolve natural keys against batch-loaded indexes and write through the Store."""

    def __init__(
        self, store: Store, fmt: SheetFormat, report: ImportReport, today: dt.date, *, buffered: bool
    ) -> None:
        self.store = store
        self.buffered = buffered
        self._pending: dict[str, list[dict[str, Any]]] = {}
        self._pending_count = 0
        self._duplicate_checks = 0
        self.fmt = fmt
        self.report = report
        self.today = today.isoformat()
        self.by_code: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, list[dict[str, Any]]] = {}
        self.contacts: dict[tuple[str, str], str] = {}
        self.visits: dict[tuple[str, str, str, str], str] = {}
        self.projects: dict[tuple[str, str], str] = {}
        self.fundings: dict[tuple[str, str], str] = {}
        self.events: dict[tuple[str, str, str], str] = {}
        self.office_names = {v: k for k, v in lookups.offices_by_name(store.db).items()}
        # Per-row bookkeeping so a failed row (allow_partial) leaves no trace in indexes or counts.
        self._undo: list[Callable[[], object]] = []
        self._tally: list[tuple[str, str]] = []
        self._notes: list[str] = []

    # -- batch lookups ------------------------------------------------------------------------
    def prepare(self, rows: list[_Row]) -> None:
        db = self.store.db
        name_key = "name" if self.fmt.alias == "enterprises" else "enterprise_name"
        if self.fmt.alias != "events":
            codes = {r.values["credit_code"] for r in rows if r.values.get("credit_code")}
            names = {r.values[name_key] for r in rows if r.values.get(name_key)}
            for ent in lookups.enterprises_matching(db, codes=codes, names=names):
                self._index_enterprise(ent)
        if self.fmt.alias == "enterprises":
            self.contacts = lookups.contact_keys(db, self._all_ids())
        elif self.fmt.alias == "visits":
            # By enterprise, not by date: a province database has visits on every date of the year.
            self.visits = lookups.visit_keys(db, self._all_ids())
        elif self.fmt.alias == "projects":
            self.projects = lookups.project_keys(db, {r.values["name"] for r in rows})
            self.fundings = lookups.funding_keys(db, self.projects.values())
        else:
            self.events = lookups.event_keys(db, {r.values["date"] for r in rows})

    def _all_ids(self) -> list[str]:
        return [e["id"] for group in self.by_name.values() for e in group]

    def _index_enterprise(self, ent: dict[str, Any]) -> None:
        if ent.get("credit_code"):
            self.by_code.setdefault(ent["credit_code"], ent)
        self.by_name.setdefault(ent["name"], []).append(ent)

    # -- per row ------------------------------------------------------------------------------
    def apply(self, row: _Row, *, isolate: bool) -> None:
        """Write one row; with `isolate` a failing row is rolled back alone (savepoint) and reported."""
        handler = getattr(self, f"_{self.fmt.alias}")
        self._undo, self._tally, self._notes = [], [], []
        try:
            if isolate:
                with self.store.transaction():  # nested: a savepoint around this row only
                    handler(row)
            else:
                handler(row)
        except DomainError as exc:
            for undo in reversed(self._undo):
                undo()
            self.report.errors.append(RowProblem(row.number, str(exc)))
            return
        for title, outcome in self._tally:
            counts = self.report.count(title)
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        self.report.warnings.extend(RowProblem(row.number, n) for n in self._notes)

    def _remember(self, mapping: dict[Any, Any], key: Any, value: Any) -> None:
        mapping[key] = value
        self._undo.append(lambda: mapping.pop(key, None))

    def _file_by_name(self, ent: dict[str, Any], name: str) -> None:
        group = self.by_name.setdefault(name, [])
        group.append(ent)
        self._undo.append(lambda: group.remove(ent))

    def _upsert(
        self, title: str, table: str, row_id: str | None, values: dict[str, Any], office_id: str
    ) -> str:
        """Create the record, or update the given fields of an existing one; tallies the outcome."""
        if row_id is None:
            self._tally.append((title, "created"))
            if not self.buffered:
                return self.store.create(table, values, office_id=office_id, source="import")
            # Ids are client-made, so later rows can point at a record before it is written.
            row_id = uuid7()
            self._pending.setdefault(table, []).append({**values, "id": row_id, "office_id": office_id})
            self._pending_count += 1
            if self._pending_count >= _FLUSH_ROWS:
                self.flush()
            return row_id
        self.flush()  # the record, or one it points at, may still be buffered
        changed = self.store.update(table, row_id, values, source="import")
        self._tally.append((title, "updated" if changed else "unchanged"))
        return row_id

    def flush(self) -> None:
        """Write buffered creates, parents before children so every reference resolves."""
        for table in _FLUSH_ORDER:
            rows = self._pending.pop(table, None)
            if rows:
                self.store.create_many(table, rows, source="import")
        self._pending_count = 0

    def _find_enterprise(self, name: str, code: str | None) -> dict[str, Any] | None:
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

    def _new_enterprise(self, values: dict[str, Any], office_id: str) -> dict[str, Any]:
        self._warn_near_duplicates(values["name"])
        row_id = self._upsert("企业", "enterprise", None, values, office_id)
        ent = {
            "id": row_id,
            "name": values["name"],
            "credit_code": values.get("credit_code"),
            "office_id": office_id,
        }
        if ent["credit_code"]:
            self._remember(self.by_code, ent["credit_code"], ent)
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

    def _matched_enterprise(self, ent: dict[str, Any], values: dict[str, Any], row: _Row) -> None:
        self._upsert("企业", "enterprise", ent["id"], values, row.office_id)
        if values.get("credit_code") and not ent.get("credit_code"):
            ent["credit_code"] = values["credit_code"]
            self._remember(self.by_code, ent["credit_code"], ent)
        if values["name"] != ent["name"]:
            # Matched by code under a new name: later rows may use either name.
            self._file_by_name(ent, values["name"])
            ent["name"] = values["name"]
        self._check_office(ent["office_id"], row, f"企业“{ent['name']}”")

    def _check_office(self, office_id: str, row: _Row, what: str) -> None:
        # Moving a record to another office would hide it from its owners (scope rule); keep it.
        if office_id != row.office_id:
            owner = self.office_names.get(office_id, office_id)
            self._notes.append(f"{what}属于办事处“{owner}”，未改变其所属办事处")

    def _enterprise_for(self, row: _Row) -> str:
        """The enterprise a visit/project row names; unknown ones are created, a new code is filled in."""
        name, code = row.values["enterprise_name"], row.values.get("credit_code")
        ent = self._find_enterprise(name, code)
        if ent is None:
            return self._new_enterprise({"name": name, "credit_code": code}, row.office_id)["id"]
        if code and not ent.get("credit_code"):
            self._upsert("企业", "enterprise", ent["id"], {"credit_code": code}, row.office_id)
            ent["credit_code"] = code
            self._remember(self.by_code, code, ent)
        return str(ent["id"])

    # -- the four sheets ----------------------------------------------------------------------
    def _enterprises(self, row: _Row) -> None:
        values = _present(row.values, _ENTERPRISE_FIELDS)
        ent = self._find_enterprise(values["name"], values.get("credit_code"))
        if ent is None:
            ent = self._new_enterprise(values, row.office_id)
        else:
            self._matched_enterprise(ent, values, row)
        contact = _present(row.values, _CONTACT_FIELDS)
        contact_name = row.values.get("contact_name")
        if contact_name:
            key = (ent["id"], contact_name)
            existing = self.contacts.get(key)
            if existing is None:
                contact = {"enterprise_id": ent["id"], "name": contact_name, **contact}
            contact_id = self._upsert("联系人", "contact", existing, contact, ent["office_id"])
            if existing is None:
                self._remember(self.contacts, key, contact_id)
        elif contact:
            self._notes.append("未填写联系人姓名，职务、联系电话、电子邮箱未导入")

    def _visits(self, row: _Row) -> None:
        enterprise_id = self._enterprise_for(row)
        values = _present(row.values, _VISIT_FIELDS)
        key = (values["date"], enterprise_id, row.office_id, values["form"])
        existing = self.visits.get(key)
        if existing is None:
            values["enterprise_id"] = enterprise_id
            self._remember(self.visits, key, self._upsert("走访", "visit", None, values, row.office_id))
        else:
            for name in ("date", "form"):
                values.pop(name)
            self._upsert("走访", "visit", existing, values, row.office_id)

    def _projects(self, row: _Row) -> None:
        enterprise_id = self._enterprise_for(row)
        values = _present(row.values, _PROJECT_FIELDS)
        key = (values["name"], enterprise_id)
        project_id = self.projects.get(key)
        if project_id is None:
            plan_project_write(None, values, today=self.today)  # stage/date rule (domain.lifecycle)
            values["enterprise_id"] = enterprise_id
            project_id = self._upsert("项目", "project", None, values, row.office_id)
            self._remember(self.projects, key, project_id)
            office_id = row.office_id
        else:
            self.flush()  # the project may still be in the create buffer
            current = self.store.get("project", project_id)
            office_id = current["office_id"]
            self._check_office(office_id, row, f"项目“{values['name']}”")
            # The stage/date rule (domain.lifecycle via services.workflow) refuses the row or dates its move.
            move = plan_project_write(current, values, today=self.today)
            self._upsert("项目", "project", project_id, values, row.office_id)
            if move is not None:
                self._upsert("阶段变更", "stage_change", None, move.record(project_id), office_id)
        amount, date = row.values.get("funding_wan"), row.values.get("funding_date")
        if amount is not None and date:
            fkey = (project_id, date)
            existing = self.fundings.get(fkey)
            funding = (
                {"amount_wan": amount}
                if existing
                else {"project_id": project_id, "date": date, "amount_wan": amount}
            )
            funding_id = self._upsert("到位资金", "funding", existing, funding, office_id)
            if existing is None:
                self._remember(self.fundings, fkey, funding_id)

    def _events(self, row: _Row) -> None:
        values = _present(row.values, _EVENT_FIELDS)
        key = (values["date"], values["name"], row.office_id)
        existing = self.events.get(key)
        if existing is None:
            self._remember(self.events, key, self._upsert("推介会", "event", None, values, row.office_id))
        else:
            for name in ("date", "name"):
                values.pop(name)
            self._upsert("推介会", "event", existing, values, row.office_id)
