"""服务专员 (commissioner assignments with history) and 推介会 / 外出招商 lists."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QTabWidget

from ...services import lists, records, workflow
from ..list_page import ListPage
from ..record_dialog import RecordDialog


class CommissionersPage(ListPage):
    table = "commissioner"
    title = "服务专员"

    def setup(self) -> None:
        self.title = self.tr("服务专员")
        self.current_only = QCheckBox(self.tr("只看在任"))
        self.current_only.setObjectName("currentOnly")
        self.current_only.setChecked(True)
        self.current_only.toggled.connect(lambda _c: self.refresh())
        self.filter_bar.addWidget(self.current_only)
        self.add_filter("current", lambda: 1 if self.current_only.isChecked() else None)
        self.warning = QLabel(self)
        self.warning.setObjectName("keylessWarning")
        self.warning.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.filter_bar.addWidget(self.warning)
        self.action_bar.itemAt(0).widget().setText(self.tr("指派…"))
        self.refresh()

    def refresh(self) -> None:
        super().refresh()

        # Counted on a worker: on a province database the query is tens of ms, and this screen was
        # the slowest to open (tests/bench/bench_gui.py measures every screen's longest stall).
        def count(ws: Any, _progress: Any, _cancel: Any) -> int:
            return lists.key_enterprises_without_commissioner(ws)

        def show(missing: int) -> None:
            self.warning.setText(
                self.tr("有 %1 家重点企业尚无服务专员").replace("%1", str(missing)) if missing else ""
            )

        self.ctx.jobs.run(count, show, owner=self)

    def create(self) -> None:
        """Assign (or reassign: the previous commissioner's term ends) an officer to an enterprise."""

        def save(values: dict[str, Any]) -> str:
            from ...domain.errors import ValidationError

            if not values["enterprise_id"]:
                raise ValidationError({"enterprise_id": self.tr("请选择企业")})
            if not values["officer"].strip():
                raise ValidationError({"officer": self.tr("服务专员为必填项")})
            return values

        def write(ws: Any, values: dict[str, Any]) -> str:
            return workflow.assign_commissioner(
                ws, values["enterprise_id"], officer=values["officer"].strip(),
                start=values["start_date"] or date.today().isoformat(), duties=values["duties"],
            )  # fmt: skip

        dialog = RecordDialog(
            self.ctx.ws, "commissioner", fields=("enterprise_id", "officer", "start_date", "duties"),
            prepare=save, write=write, ctx=self.ctx,
            values={"start_date": date.today().isoformat()}, title=self.tr("指派服务专员"), parent=self,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row < 0:
            return
        cid = self.model.record_id(row)
        dialog = RecordDialog(
            self.ctx.ws, "commissioner", fields=("officer", "start_date", "end_date", "duties"),
            values=self.ctx.ws.store.get("commissioner", cid), parent=self, ctx=self.ctx,
            write=lambda ws, v: records.update(ws, "commissioner", cid, v), draft_key=f"commissioner:{cid}",
        )  # fmt: skip
        dialog.exec()


class EventsPage(ListPage):
    table = "event"
    title = "推介会"
    fields = ("date", "name", "kind", "place", "enterprise_ids", "note")

    def setup(self) -> None:
        self.title = self.tr("推介会 / 招商活动")
        self.add_date_range()

    def create(self) -> None:
        table = self.table
        dialog = RecordDialog(
            self.ctx.ws, table, fields=self.fields, write=lambda ws, v: records.create(ws, table, v),
            parent=self, ctx=self.ctx,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row < 0:
            return
        rid = self.model.record_id(row)
        table = self.table
        dialog = RecordDialog(
            self.ctx.ws, table, fields=self.fields, values=self.ctx.ws.store.get(table, rid), ctx=self.ctx,
            write=lambda ws, v: records.update(ws, table, rid, v), parent=self, draft_key=f"{table}:{rid}",
        )  # fmt: skip
        dialog.exec()


def promotion_tabs(ctx: Any) -> QTabWidget:
    """推介会 and 外出招商 side by side: both feed the statistics."""
    from .trips import TripsPage  # the trip screen: visits, projects, 出访简报, 一表

    tabs = QTabWidget()
    tabs.setObjectName("page_promotion")
    tabs.events = EventsPage(ctx, tabs)  # type: ignore[attr-defined]
    tabs.trips = TripsPage(ctx, tabs)  # type: ignore[attr-defined]
    # A literal context: lupdate files `tabs.tr(...)` under "tabs", Qt looks it up under QTabWidget.
    tabs.addTab(tabs.events, QCoreApplication.translate("PromotionTabs", "推介会"))  # type: ignore[attr-defined]
    tabs.addTab(tabs.trips, QCoreApplication.translate("PromotionTabs", "外出招商"))  # type: ignore[attr-defined]
    tabs.setDocumentMode(True)
    return tabs
