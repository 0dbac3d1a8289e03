"""诉求 and 任务: status workflow, overdue highlighted, "my tasks"."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QCheckBox

from ...domain import enums
from ...services import workflow
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
            save=lambda v: self.ctx.ws.store.create("demand", {**v, "status": "待办"}), parent=self,
        )  # fmt: skip
        if dialog.exec():
            self.ctx.changes.notify("demand")

    def edit(self, row: int) -> None:
        if row >= 0:
            self.handle(self.model.record_id(row))

    def handle(self, demand_id: str) -> None:
        """待办 → 办理中 → 已回应 → 已解决 / 无法解决 (a reason is required for the last)."""
        if not demand_id:
            return
        current = self.ctx.ws.store.get("demand", demand_id)

        def save(values: dict[str, Any]) -> None:
            workflow.set_demand_status(
                self.ctx.ws,
                demand_id,
                status=values["status"],
                response=values["response"],
                reason=values["reason"],
            )
            rest = {k: values[k] for k in ("department", "due_date")}
            self.ctx.ws.store.update("demand", demand_id, rest)

        dialog = RecordDialog(
            self.ctx.ws, "demand", fields=("status", "department", "due_date", "response", "reason"),
            values=current, save=save, parent=self, title=self.tr("办理诉求：%1").replace("%1", current["content"][:20]),
        )  # fmt: skip
        if dialog.exec():
            self.ctx.changes.notify("demand")


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
            save=lambda v: self.ctx.ws.store.create("task", v), parent=self,
        )  # fmt: skip
        if dialog.exec():
            self.ctx.changes.notify("task")

    def edit(self, row: int) -> None:
        if row < 0:
            return
        tid = self.model.record_id(row)
        dialog = RecordDialog(
            self.ctx.ws, "task", fields=(*TASK_FIELDS, "done"), values=self.ctx.ws.store.get("task", tid),
            save=lambda v: self.ctx.ws.store.update("task", tid, v), parent=self,
        )  # fmt: skip
        if dialog.exec():
            self.ctx.changes.notify("task")

    def complete_selected(self) -> None:
        ids = [self.model.record_id(r) for r in self.selected_rows()]
        for tid in ids:
            workflow.complete_task(self.ctx.ws, tid)
        if ids:
            self.ctx.changes.notify("task")
            emit(self.status_message, self.tr("已完成 %1 项任务").replace("%1", str(len(ids))))
