"""走访: the visit list with filters (office, officer, dates, industry, form) and search."""

from __future__ import annotations

from ...domain import enums
from ...services import lists
from ..list_page import ListPage
from ..visit_dialog import VisitDialog


class VisitsPage(ListPage):
    table = "visit"
    title = "走访记录"

    def setup(self) -> None:
        self.title = self.tr("走访记录")
        self.search.setPlaceholderText(self.tr("搜索企业名称、洽谈内容…"))
        self.add_combo(
            "office_id", self.tr("办事处"), [(name, oid) for oid, name in lists.offices(self.ctx.ws)]
        )
        self.add_combo_later(
            "officer", self.tr("记录人"), lambda ws: lists.recent_values(ws, "visit", "officer")
        )
        self.add_date_range()
        self.add_combo("industry", self.tr("行业"), list(enums.INDUSTRIES))
        self.add_combo("form", self.tr("形式"), list(enums.VISIT_FORMS))
        self.add_button(self.tr("打印走访纪要…"), self.print_report, "reportButton")

    def print_report(self) -> None:
        from ..report_actions import visit_report

        if self.current_id():
            visit_report(self.ctx, self, self.current_id())

    def create(self) -> None:
        dialog = VisitDialog(self.ctx.ws, officer=self.ctx.officer, parent=self, ctx=self.ctx)
        if dialog.exec():
            self.select_id_when_loaded(dialog.saved_id)

    def edit(self, row: int) -> None:
        if row < 0:
            return
        dialog = VisitDialog(
            self.ctx.ws,
            officer=self.ctx.officer,
            visit_id=self.model.record_id(row),
            parent=self,
            ctx=self.ctx,
        )
        dialog.exec()
