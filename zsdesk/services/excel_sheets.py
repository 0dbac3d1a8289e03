"""What one row of each exchange sheet writes: 企业/走访/项目/推介会 and the 台账 诉求/任务/外出招商/服务专员.

`Importer(store, fmt, report, today, buffered=...)` is built by `excel_import.import_sheet`; its
`prepare(rows)` loads the indexes the file needs, then `apply(row)` runs the handler of the kind.
"""

from __future__ import annotations

from typing import Any

from ..domain.money import parse_yi
from ..storage import lookups
from .excel_apply import Row, RowError, present
from .excel_trips import TripRows
from .workflow import plan_project_write

_TABLES = {
    "enterprises": "enterprise",
    "visits": "visit",
    "projects": "project",
    "events": "event",
    "demands": "demand",
    "tasks": "task",
    "trips": "trip",
    "commissioners": "commissioner",
}
ENTERPRISE_FIELDS = {k: k for k in ("name", "credit_code", "industry", "hq_region", "ownership", "tags")}
_CONTACT_FIELDS = {"contact_title": "title", "contact_phone": "phone", "contact_email": "email"}
_VISIT_FIELDS = {
    k: k for k in ("date", "form", "leader", "participants", "minutes", "demands_text", "next_steps")
}
PROJECT_FIELDS = {
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
_DEMAND_FIELDS = {
    k: k
    for k in (
        "raised_date",
        "content",
        "category",
        "department",
        "due_date",
        "status",
        "response",
        "closed_date",
    )
}
_TASK_FIELDS = {k: k for k in ("title", "assignee", "due_date", "done", "done_date")}
_COMMISSIONER_FIELDS = {k: k for k in ("officer", "start_date", "end_date", "duties")}


def _cells(rows: list[Row], key: str) -> set[str]:
    return {r.values[key] for r in rows if r.values.get(key)}


class Importer(TripRows):
    """Phase 2 of an import: the handlers of the eight sheet kinds."""

    def prepare(self, rows: list[Row]) -> None:
        """Load, with a few batch queries, every record the file may name."""
        self.table = _TABLES[self.fmt.alias]
        db = self.store.db
        self.load_current(rows)
        alias = self.fmt.alias
        name_key = "name" if alias == "enterprises" else "enterprise_name"
        codes = {r.values["credit_code"] for r in rows if r.values.get("credit_code")}
        names = {r.values[name_key] for r in rows if r.values.get(name_key)}
        current_ents = {c["enterprise_id"] for c in self.current.values() if c.get("enterprise_id")}
        if alias == "enterprises":
            current_ents |= set(self.current)
        if alias not in ("events", "trips"):
            self.load_enterprises(codes, names, current_ents)
        # Natural keys matter only for rows without 记录编号: an unchanged export loads none of them.
        loose = [r for r in rows if not r.values.get("id")]
        if alias == "enterprises":
            self.contacts = lookups.natural_keys(db, "contact", self.enterprise_ids())
            self.contact_seen: dict[tuple[str, str], int] = {}
        elif alias in ("visits", "demands", "commissioners"):
            # By enterprise, not by date: a province database has visits on every date of the year.
            self.keys = lookups.natural_keys(db, self.table, self._named_enterprises(loose))
        elif alias == "projects":
            self.keys = lookups.natural_keys(db, "project", _cells(loose, "name"))
            projects = set(self.current) | {i for ids in self.keys.values() for i in ids}
            self.fundings = lookups.fundings_of(db, projects)
            self.funding_seen: dict[tuple[str, str], int] = {}
        elif alias == "events":
            self.keys = lookups.natural_keys(db, "event", _cells(loose, "date"))
        elif alias == "tasks":
            self.keys = lookups.natural_keys(db, "task", _cells(loose, "title"))
        elif alias == "trips":
            self.keys = lookups.natural_keys(db, "trip", _cells(loose, "leader"))
            self._prepare_trip_names(rows)

    def _named_enterprises(self, rows: list[Row]) -> set[str]:
        """Ids of the stored enterprises these rows name (by code or by name)."""
        found: set[str] = set()
        for r in rows:
            code, name = r.values.get("credit_code"), r.values.get("enterprise_name")
            if code and code in self.by_code:
                found.add(self.by_code[code]["id"])
            found.update(e["id"] for e in self.by_name.get(name or "", ()))
        return found

    # -- 企业 -----------------------------------------------------------------------------------
    def _enterprises(self, row: Row) -> None:
        values = present(row.values, ENTERPRISE_FIELDS)
        if row.values.get("id"):
            ent_id = self.target(row, None, "企业", "记录编号", shared=True)
            owner = self.by_code.get(values.get("credit_code") or "")
            if owner is not None and owner["id"] != (ent_id or row.values["id"]):
                # One code, one enterprise (DOMAIN.md): never a second record with a code that exists.
                raise RowError(
                    f"统一社会信用代码 {values['credit_code']} 已属于企业“{owner['name']}”，"
                    "与本行记录编号不是同一企业，本行未导入（如为同一企业，请在软件中合并）"
                )
            if ent_id is None:
                self.require(row)
                ent = self.new_enterprise(values, row.office_id, new_id=row.values["id"])
            else:
                stored = self.stored("enterprise", ent_id)
                self.update("企业", "enterprise", stored, values)
                ent = self.ent_by_id.get(ent_id) or {
                    k: stored[k] for k in ("id", "name", "credit_code", "office_id")
                }
                self.renamed(ent, values)
                self.check_office(stored["office_id"], row, f"企业“{ent['name']}”")
        else:
            found = self.find_enterprise(values["name"], values.get("credit_code"))
            if found is None:
                ent = self.new_enterprise(values, row.office_id)
            else:
                ent = found
                self.update_id("企业", "enterprise", ent["id"], values)
                self.renamed(ent, values)
                self.check_office(ent["office_id"], row, f"企业“{ent['name']}”")
        self._contact(row, ent)

    def _contact(self, row: Row, ent: dict[str, Any]) -> None:
        contact = present(row.values, _CONTACT_FIELDS)
        name = row.values.get("contact_name")
        if not name:
            if contact:
                self._notes.append("未填写联系人姓名，职务、联系电话、电子邮箱未导入")
            return
        # Exported rows (with 记录编号) pair with the enterprise's contacts of that name in export
        # order, so two 张伟 stay two; typed rows naming one contact twice fill in one contact.
        key = (ent["id"], name)
        seen = self.contact_seen.get(key, 0) if row.values.get("id") else 0
        self.remember(self.contact_seen, key, seen + 1)
        ids = self.contacts.get(key, [])
        if seen < len(ids):
            self.update_id("联系人", "contact", ids[seen], contact)
            return
        contact_id = self.create(
            "联系人", "contact", {"enterprise_id": ent["id"], "name": name, **contact}, ent["office_id"]
        )
        ids = self.contacts.setdefault(key, [])
        ids.append(contact_id)
        self._undo.append(lambda: ids.remove(contact_id))

    # -- 走访 / 推介会 / 诉求 / 服务专员: one record per row ---------------------------------------
    def _visits(self, row: Row) -> None:
        self.single(
            row,
            "走访",
            _VISIT_FIELDS,
            ("date", "enterprise_id", "office_id", "form"),
            "走访日期、企业、办事处和走访形式",
            enterprise=True,
        )

    def _events(self, row: Row) -> None:
        self.single(
            row,
            "推介会",
            _EVENT_FIELDS,
            ("date", "name", "office_id"),
            "活动日期、活动名称和办事处",
            enterprise=False,
        )

    def _demands(self, row: Row) -> None:
        self.single(
            row,
            "诉求",
            _DEMAND_FIELDS,
            ("raised_date", "enterprise_id", "content", "office_id"),
            "提出日期、企业、诉求内容和办事处",
            enterprise=True,
        )

    def _commissioners(self, row: Row) -> None:
        self.single(
            row,
            "服务专员",
            _COMMISSIONER_FIELDS,
            ("enterprise_id", "officer", "start_date"),
            "企业、服务专员和开始日期",
            enterprise=True,
        )

    def _tasks(self, row: Row) -> None:
        name = row.values.get("enterprise_name")
        if name:
            current_id = row.values.get("id")
            current = self.current.get(current_id) if current_id else None
            kept = current.get("enterprise_id") if current else None
            if kept and self.ent_by_id.get(kept, {}).get("name") == name:
                row.values["enterprise_id"] = kept
            else:
                ent = self.find_enterprise(name, None)
                if ent is None:
                    raise RowError(f"关联企业“{name}”在库中不存在，请先导入或录入该企业")
                row.values["enterprise_id"] = ent["id"]
        fields = {**_TASK_FIELDS, "enterprise_id": "enterprise_id"}
        self.single(
            row,
            "任务",
            fields,
            ("title", "assignee", "due_date", "office_id"),
            "任务内容、负责人、截止日期和办事处",
            enterprise=False,
        )

    # -- 项目 -------------------------------------------------------------------------------------
    def _projects(self, row: Row) -> None:
        current_id = row.values.get("id")
        project_id = None
        if current_id:  # by 记录编号 first (a deleted project is skipped before anything is written)
            project_id = self.target(row, None, "项目", "项目名称和企业", shared=True)
            if project_id is None:
                self.require(row)
        current = self.stored("project", project_id) if project_id else None
        enterprise_id = self.enterprise_for(row, current.get("enterprise_id") if current else None)
        values = present(row.values, PROJECT_FIELDS)
        values["enterprise_id"] = enterprise_id
        key = (values.get("name"), enterprise_id)
        if not current_id:
            project_id = self.target(row, key, "项目", "项目名称和企业", shared=True)
        if project_id is None:
            self.require(row)
            plan_project_write(None, values, today=self.today)  # stage/date rule (domain.lifecycle)
            project_id = self.create("项目", "project", values, row.office_id, row=row, new_id=current_id)
            self._remember_key(key, project_id)
            office_id = row.office_id
        else:
            stored = self.stored("project", project_id)
            office_id = stored["office_id"]
            self.check_office(office_id, row, f"项目“{stored['name']}”")
            # Stage and dates are checked and dated only when the row changes the project: an
            # unchanged row (a round trip) writes nothing, even for a project whose old data disagree.
            if self.differs("project", stored, values):
                # The stage/date rule (domain.lifecycle via services.workflow) refuses the row or dates its move.
                move = plan_project_write(stored, values, today=self.today)
                self.update("项目", "project", stored, values)
                if move is not None:
                    self.create("阶段变更", "stage_change", move.record(project_id), office_id)
            else:
                self._tally.append(("项目", "unchanged"))
        self._funding(row, project_id, office_id)

    def _funding(self, row: Row, project_id: str, office_id: str) -> None:
        """A row's 到位资金 + 到位日期: the n-th row of a project and date is its n-th instalment of that date."""
        amount, date = row.values.get("funding_wan"), row.values.get("funding_date")
        if amount is None or not date:
            return
        key = (project_id, date)
        seen = self.funding_seen.get(key, 0)
        self.remember(self.funding_seen, key, seen + 1)
        existing = self.fundings.get(key, [])
        if seen < len(existing):
            funding_id, stored_wan = existing[seen]
            if parse_yi(amount) == stored_wan:
                self._tally.append(("到位资金", "unchanged"))  # the common round trip: no query at all
            else:
                self.update_id("到位资金", "funding", funding_id, {"amount_wan": amount})
            return
        funding_id = self.create(
            "到位资金", "funding", {"project_id": project_id, "date": date, "amount_wan": amount}, office_id
        )
        existing = self.fundings.setdefault(key, [])
        existing.append((funding_id, parse_yi(amount) or 0))
        self._undo.append(lambda: existing.pop())
