"""The 外出招商 ledger rows (004's 一表): name lists resolved to records, and the 一表's own rules.

走访企业 / 洽谈项目 / 签约项目 cells name enterprises and projects separated by 、; a list that
still names what the trip stores keeps its ids (namesakes stay apart), otherwise each name is
looked up (the row's office first). Names may contain 、 themselves: runs of pieces are tried.
"""

from __future__ import annotations

import re
from typing import Any

from ..storage import lookups
from .excel_apply import ImporterBase, Row, RowError, present

TRIP_FIELDS = {k: k for k in ("leader", "leader_rank", "party_leader", "start_date", "end_date", "places")}
TRIP_LISTS = {"enterprise_ids": "enterprise", "project_ids": "project", "signed_project_ids": "project"}
_SEPARATORS = re.compile(r"\s*[、，,；;\n]\s*")


class TripRows(ImporterBase):
    """The trip handler and the one-record-per-row shape the ledgers share."""

    def single(
        self,
        row: Row,
        title: str,
        fields: dict[str, str],
        key_fields: tuple[str, ...],
        key_text: str,
        *,
        enterprise: bool,
    ) -> None:
        """The common shape: resolve the enterprise, find the record by id or natural key, write."""
        values = present(row.values, fields)
        current_id = row.values.get("id")
        record_id = None
        if current_id:  # by 记录编号 first (a deleted record is skipped before anything is written)
            record_id = self.target(row, None, title, key_text)
            if record_id is None:
                self.require(row)  # a new record: every required cell, before its enterprise is made
        current = self.stored(self.table, record_id) if record_id else None
        if enterprise:
            values["enterprise_id"] = self.enterprise_for(
                row, current.get("enterprise_id") if current else None
            )
        key = tuple(values.get(f, row.office_id if f == "office_id" else None) for f in key_fields)
        if not current_id:
            record_id = self.target(row, key, title, key_text)
        if record_id is None:
            new_id = self.create(title, self.table, values, row.office_id, row=row, new_id=current_id)
            self._remember_key(key, new_id)
            self._claim(new_id, row, title, key_text, False)  # a later row with this key is not this one
            return
        stored = self.stored(self.table, record_id)
        self.check_office(stored["office_id"], row, title)
        self.update(title, self.table, stored, values)

    def _prepare_trip_names(self, rows: list[Row]) -> None:
        db = self.store.db
        listed = {i for t in self.current.values() for f in TRIP_LISTS for i in t.get(f) or ()}
        self.names_of = {
            **lookups.names_by_id(db, "enterprise", listed),
            **lookups.names_by_id(db, "project", listed),
        }
        wanted: dict[str, set[str]] = {"enterprise": set(), "project": set()}
        for r in rows:
            for key, table in TRIP_LISTS.items():
                tokens = _SEPARATORS.split(r.values.get(key) or "")
                # Names may themselves contain 、: look up every run of up to three pieces too.
                for start in range(len(tokens)):
                    for end in range(start + 1, min(start + 3, len(tokens)) + 1):
                        wanted[table].add("、".join(tokens[start:end]))
        self.named = {t: lookups.live_by_name(db, t, names) for t, names in wanted.items()}

    def _trip_list(self, row: Row, key: str, current: dict[str, Any] | None) -> list[str] | None:
        text = row.values.get(key)
        if not text:
            return None
        tokens = [t for t in _SEPARATORS.split(text.strip()) if t]
        kept = list(current.get(key) or ()) if current else []
        if kept and "、".join(self.names_of.get(i, i) for i in kept) == "、".join(tokens):
            return kept  # the same names as stored: keep the ids (namesakes stay apart)
        table = TRIP_LISTS[key]
        found: list[str] = []
        start = 0
        while start < len(tokens):
            for end in range(min(start + 3, len(tokens)), start, -1):
                candidates = self.named[table].get("、".join(tokens[start:end]))
                if candidates:
                    own = [c for c, office in candidates if office == row.office_id]
                    found.append((own or [c for c, _ in candidates])[0])
                    start = end
                    break
            else:
                what = "企业" if table == "enterprise" else "项目"
                header = self.fmt.by_key[key].header
                raise RowError(f"{header}中的{what}“{tokens[start]}”在库中不存在，请先导入或录入")
        return found

    def _trips(self, row: Row) -> None:
        current_id = row.values.get("id")
        current = self.current.get(current_id) if current_id else None
        for key in TRIP_LISTS:
            ids = self._trip_list(row, key, current)
            if ids is not None:
                row.values[key] = ids
        # The 一表's rules (as the trip dialog keeps them): a project signed on a trip was negotiated
        # on it, and the trip does not end before it starts.
        signed = row.values.get("signed_project_ids") or []
        if signed:
            negotiated = row.values.get("project_ids") or (
                list(current.get("project_ids") or ()) if current else []
            )
            row.values["project_ids"] = list(dict.fromkeys([*negotiated, *signed]))
        start = row.values.get("start_date") or (current or {}).get("start_date")
        end = row.values.get("end_date") or (current or {}).get("end_date")
        if start and end and end < start:
            raise RowError(f"返回日期（{end}）不能早于出发日期（{start}）")
        fields = {**TRIP_FIELDS, **{k: k for k in TRIP_LISTS}}
        self.single(
            row,
            "外出招商",
            fields,
            ("leader", "start_date", "office_id"),
            "带队领导、出发日期和办事处",
            enterprise=False,
        )
