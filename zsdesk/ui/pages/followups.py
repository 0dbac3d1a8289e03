"""诉求 and 任务: status workflow, overdue highlighted, "my tasks"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox

from ...domain import enums
from ...services import records
from ..handover_hooks import add_demand_filters
from ..list_page import ListPage
from ..qtcompat import emit
from ..record_dialog import RecordDialog
from ..table_model import overdue_rule

DEMAND_FIELDS = ("enterprise_id", "content", "category", "department", "raised_date", "due_date")
TASK_FIELDS = ("title", "assignee", "due_date", "enterprise_id")


class DemandsPage(ListPage):
    table = "demand"
    title = "企业诉求"

    def setup(self) -> None:
        self.title = self.tr("企业诉求")
        self.add_combo("status", self.tr("状态"), list(enums.DEMAND_STATUSES))
        self.open_only = QCheckBox(self.tr("只看未办结"))
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _c: self.refresh())
        self.filter_bar.addWidget(self.open_only)
        self.add_filter("open", lambda: 1 if self.open_only.isChecked() else None)
        self.add_button(self.tr("办理…"), lambda: self.handle(self.current_id()), "handleButton")
        add_demand_filters(self)  # 责任部门 / 类别 / 超期 filters and the 督办单
        keys = [c.key for c in self.model.spec.columns]
        status = 1 + keys.index("status")
        self.model.highlight = overdue_rule("due_date", lambda r: r[status] in enums.DEMAND_CLOSED, keys)
        self.refresh()

    def create(self) -> None:
        dialog = RecordDialog(
            self.ctx.ws, "demand", fields=DEMAND_FIELDS, values={"raised_date": date.today().isoformat()},
            write=lambda ws, v: records.create(ws, "demand", {**v, "status": "待办"}), parent=self, ctx=self.ctx,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row >= 0:
            self.handle(self.model.record_id(row))

    def handle(self, demand_id: str) -> None:
        """待办 → 办理中 → 已回应 → 已解决 / 无法解决 (a reason is required for the last)."""
        if not demand_id:
            return
        current = self.ctx.ws.store.get("demand", demand_id)

        def write(ws: Any, values: dict[str, Any]) -> None:
            # Status, response, department and due date in one transaction: a rejected date saves nothing.
            records.handle_demand(ws, demand_id, values)

        dialog = RecordDialog(
            self.ctx.ws, "demand", fields=("status", "department", "due_date", "response", "reason"),
            values=current, write=write, ctx=self.ctx, parent=self, draft_key=f"demand:{demand_id}",
            title=self.tr("办理诉求：%1").replace("%1", current["content"][:20]),
        )  # fmt: skip
        dialog.exec()


class TasksPage(ListPage):
    table = "task"
    title = "跟进任务"
    ascending = True  # earliest due first

    def setup(self) -> None:
        self.title = self.tr("跟进任务")
        self.mine = QCheckBox(self.tr("我的任务"))
        self.mine.setObjectName("mine")
        self.open_only = QCheckBox(self.tr("只看未完成"))
        self.open_only.setObjectName("openOnly")
        self.open_only.setChecked(True)
        for box in (self.mine, self.open_only):
            box.toggled.connect(lambda _c: self.refresh())
            self.filter_bar.addWidget(box)
        self.add_filter("assignee", lambda: self.ctx.officer if self.mine.isChecked() else None)
        self.add_filter("open", lambda: 1 if self.open_only.isChecked() else None)
        self.add_button(self.tr("标记完成"), self.complete_selected, "doneButton")
        keys = [c.key for c in self.model.spec.columns]
        done = 1 + keys.index("done")
        self.model.highlight = overdue_rule("due_date", lambda r: bool(r[done]), keys)

    def create(self) -> None:
        dialog = RecordDialog(
            self.ctx.ws, "task", fields=TASK_FIELDS, values={"assignee": self.ctx.officer},
            write=lambda ws, v: records.create(ws, "task", v), parent=self, ctx=self.ctx,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row < 0:
            return
        tid = self.model.record_id(row)
        dialog = RecordDialog(
            self.ctx.ws, "task", fields=(*TASK_FIELDS, "done"), values=self.ctx.ws.store.get("task", tid),
            write=lambda ws, v: records.update(ws, "task", tid, v), parent=self, ctx=self.ctx,
            draft_key=f"task:{tid}",
        )  # fmt: skip
        dialog.exec()

    def complete_selected(self) -> None:
        ids = [self.model.record_id(r) for r in self.selected_rows()]
        if ids:
            self.ctx.write(
                lambda ws: records.complete_tasks(ws, ids),
                lambda n: emit(self.status_message, self.tr("已完成 %1 项任务").replace("%1", str(n))),
                owner=self,
            )
