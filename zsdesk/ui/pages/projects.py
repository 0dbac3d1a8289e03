"""项目: list and a pipeline board by stage; advancing asks for the stage date and amounts; funding."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import enums
from ...domain.money import format_yi
from ...services import lists as listing
from ...services import records, workflow
from ..list_page import ListPage
from ..record_dialog import RecordDialog
from ..value_labels import display

PROJECT_FIELDS = (
    "name", "enterprise_id", "industry", "planned_wan", "target_city", "target_park", "stage", "status",
    "status_reason", "signed_date", "signed_wan", "landed_date", "started_date", "production_date",
    "liaison_leader", "responsible_unit", "work_team", "measures", "last_activity",
)  # fmt: skip
BOARD_LIMIT = 200  # cards per stage column; the list tab shows everything


class ProjectsPage(ListPage):
    table = "project"
    title = "招商项目"

    def setup(self) -> None:
        self.title = self.tr("招商项目")
        self.add_combo("stage", self.tr("阶段"), list(enums.STAGES))
        self.add_combo("status", self.tr("状态"), list(enums.PROJECT_STATUSES))
        self.add_combo("industry", self.tr("行业"), list(enums.INDUSTRIES))
        self.add_button(self.tr("推进阶段…"), lambda: self.advance(self.current_id()), "advanceButton")
        self.add_button(
            self.tr("登记到位资金…"), lambda: self.add_funding(self.current_id()), "fundingButton"
        )
        self.add_button(self.tr("阶段记录"), lambda: self.show_history(self.current_id()), "historyButton")
        keys = [c.key for c in self.model.spec.columns]
        stalled_before = _days_ago(self.ctx.settings.stalled_days)
        pos = 1 + keys.index("last_activity")
        status = 1 + keys.index("status")
        self.model.highlight = lambda row: (
            row[status] == "停滞" or (bool(row[pos]) and str(row[pos]) < stalled_before)
        )
        # The board shares the page: list and board are two tabs over the same filters.
        layout = self.layout()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("projectTabs")
        layout.removeWidget(self.view)
        self.tabs.addTab(self.view, self.tr("列表"))
        self.board = QWidget()
        self.board.setObjectName("board")
        self.columns: dict[str, QListWidget] = {}
        row = QHBoxLayout(self.board)
        for stage in enums.STAGES:
            col = QVBoxLayout()
            heading = QLabel(f"<b>{display(stage)}</b>")
            heading.setObjectName(f"stageHeading_{stage}")
            col.addWidget(heading)
            lst = QListWidget()
            lst.setObjectName(f"stage_{stage}")
            lst.setWordWrap(True)
            lst.setSpacing(2)
            # Cards wrap to the column width: no sideways scrolling, and no horizontal item padding
            # (Qt measures wrapped text without it, which cut the last line of long cards off).
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)
            lst.setStyleSheet(
                "QListWidget { background: #eef1f5; }"
                " QListWidget::item { background: white; border: 1px solid #cfd6e0; border-radius: 4px;"
                " padding: 3px 0px; }"
                " QListWidget::item:selected { background: #d6e4ff; color: black; }"
            )
            lst.itemDoubleClicked.connect(lambda item: self.advance(item.data(Qt.ItemDataRole.UserRole)))
            col.addWidget(lst)
            row.addLayout(col)
            self.columns[stage] = lst
        self.tabs.addTab(self.board, self.tr("看板（双击推进）"))
        layout.insertWidget(2, self.tabs, 1)
        self.tabs.currentChanged.connect(lambda i: self.load_board() if i == 1 else None)

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "tabs") and self.tabs.currentIndex() == 1:
            self.load_board()

    def load_board(self) -> None:
        keys = [c.key for c in self.model.spec.columns]
        for stage, lst in self.columns.items():
            lst.clear()
            ids = listing.list_rowids(
                self.ctx.ws, "project", {**self.filters(), "stage": stage}, text=self.search.text()
            )[:BOARD_LIMIT]
            rows = listing.load_rows(self.ctx.ws, "project", ids)
            for rid in ids:
                data = rows[rid]
                amount = data[1 + keys.index("planned_wan")]
                text = f"{data[1]}\n{data[2] or ''}"
                if amount:
                    text += "\n" + self.tr("%1 亿元").replace("%1", format_yi(amount))
                status = data[1 + keys.index("status")]
                if status != "正常":
                    text += self.tr("【%1】").replace("%1", display(status))
                item = QListWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, data[0])
                lst.addItem(item)

    def create(self) -> None:
        dialog = RecordDialog(
            self.ctx.ws, "project", fields=PROJECT_FIELDS, write=lambda ws, v: records.create(ws, "project", v),
            values={"stage": "信息获取", "status": "正常"}, title=self.tr("新建项目"), parent=self, ctx=self.ctx,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row < 0:
            return
        pid = self.model.record_id(row)
        dialog = RecordDialog(
            self.ctx.ws, "project", fields=PROJECT_FIELDS, values=self.ctx.ws.store.get("project", pid),
            write=lambda ws, v: records.update(ws, "project", pid, v), title=self.tr("编辑项目"), parent=self,
            ctx=self.ctx, draft_key=f"project:{pid}",
        )  # fmt: skip
        dialog.exec()

    def advance(self, pid: str) -> None:
        if not pid:
            return
        project = self.ctx.ws.store.get("project", pid)
        target = workflow.next_stage(project["stage"])
        if target is None:
            QMessageBox.information(self, self.tr("推进阶段"), self.tr("该项目已投产达产。"))
            return
        amounts = {"签约落地": ("signed_wan",), "投产达产": ()}.get(target, ())

        def prepare(values: dict[str, Any]) -> dict[str, Any]:
            from ...domain.dates import parse_date
            from ...domain.errors import ValidationError

            day = parse_date(values.get("signed_date") or "", field="signed_date", label="日期")
            if day is None:
                raise ValidationError({"signed_date": self.tr("请填写该阶段的日期")})
            return {**values, "signed_date": day.isoformat()}

        def write(ws: Any, values: dict[str, Any]) -> None:
            workflow.advance_stage(
                ws, pid, to_stage=target, day=values["signed_date"],
                amounts={k: values[k] for k in amounts}, note=values.get("status_reason", ""),
            )  # fmt: skip

        dialog = RecordDialog(
            self.ctx.ws, "project", fields=("signed_date", *amounts, "status_reason"), parent=self,
            prepare=prepare, write=write, ctx=self.ctx, draft_key=f"advance:{pid}",
            values={"signed_date": _days_ago(0)}, title=self.tr("推进到“%1”").replace("%1", display(target)),
        )  # fmt: skip
        # One dialog for every stage: relabel the date row with the stage's own date name.
        dialog.widgets["signed_date"].setPlaceholderText(
            self.tr("%1日期，如 2024-06-26").replace("%1", display(target))
        )
        if dialog.exec():
            if self.tabs.currentIndex() == 1:
                self.load_board()

    def add_funding(self, pid: str) -> None:
        if not pid:
            return
        dialog = RecordDialog(
            self.ctx.ws, "funding", fields=("date", "amount_wan", "note"), parent=self,
            write=lambda ws, v: workflow.add_funding(ws, pid, day=v["date"], amount_yi=v["amount_wan"], note=v["note"]),
            values={"date": _days_ago(0)}, title=self.tr("登记到位资金（可分多笔）"), ctx=self.ctx,
        )  # fmt: skip
        dialog.exec()

    def show_history(self, pid: str) -> None:
        if not pid:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("阶段记录与到位资金"))
        tree = QTreeWidget(dialog)
        tree.setHeaderLabels([self.tr("日期"), self.tr("事项"), self.tr("说明")])
        for h in workflow.stage_history(self.ctx.ws, pid):
            tree.addTopLevelItem(
                QTreeWidgetItem(
                    [h["date"], f"{display(h['from_stage'])} → {display(h['to_stage'])}", h["note"] or ""]
                )
            )
        for f in workflow.fundings(self.ctx.ws, pid):
            tree.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        f["date"],
                        self.tr("到位资金 %1 亿元").replace("%1", format_yi(f["amount_wan"])),
                        f["note"] or "",
                    ]
                )
            )
        tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        close = QPushButton(self.tr("关闭"), dialog)
        close.clicked.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(tree)
        layout.addWidget(close)
        dialog.resize(560, 360)
        dialog.exec()


def _days_ago(days: int) -> str:
    from datetime import date, timedelta

    return (date.today() - timedelta(days=days)).isoformat()
