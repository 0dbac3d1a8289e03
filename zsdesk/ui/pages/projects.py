"""项目: list and a pipeline board by stage; advancing asks for the stage date and amounts; funding."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
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

from ...domain import enums, lifecycle
from ...domain.errors import ValidationError
from ...domain.money import format_yi, parse_yi
from ...services import dashboard, workflow
from ...services import lists as listing
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
        # Stalled rows are highlighted by the same rule as the 工作台 list (services.dashboard).
        # 停滞 set by hand shows at once; the activity rule's ids arrive from a worker.
        self.stalled_ids: set[str] = set()
        status = 1 + [c.key for c in self.model.spec.columns].index("status")
        self.model.highlight = lambda row: row[status] == "停滞" or str(row[0]) in self.stalled_ids
        self.inconsistent: list[dict[str, Any]] = []
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
        # Old data may break the stage/date rule: say so without blocking, never change it silently.
        self.notice = QLabel(self)
        self.notice.setObjectName("lifecycleNotice")
        self.notice.setStyleSheet("background: #fff4ce; border: 1px solid #e0c060; padding: 4px;")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.linkActivated.connect(lambda _link: self.show_inconsistent())
        self.notice.hide()
        layout.insertWidget(2, self.notice)
        self._check_projects()

    def refresh(self) -> None:
        super().refresh()
        if hasattr(self, "tabs"):
            self._check_projects()
            if self.tabs.currentIndex() == 1:
                self.load_board()

    def _check_projects(self) -> None:
        """Stalled ids and rule breakers, computed on a worker (a province database has many projects)."""
        days = self.ctx.settings.stalled_days

        def job(ws: Any, _progress: Any, _cancel: Any) -> tuple[set[str], list[dict[str, Any]]]:
            stalled = dashboard.stalled_projects(ws, days=days, limit=None)
            return {p["id"] for p in stalled}, workflow.inconsistent_projects(ws)

        self.ctx.jobs.run(job, self._show_checks, owner=self)

    def _show_checks(self, result: tuple[set[str], list[dict[str, Any]]]) -> None:
        self.stalled_ids, self.inconsistent = result
        rows, columns = self.model.rowCount(), self.model.columnCount()
        if rows and columns:  # repaint the highlight only
            corner = self.model.index(rows - 1, columns - 1)
            self.model.dataChanged.emit(self.model.index(0, 0), corner, [Qt.ItemDataRole.BackgroundRole])
        if self.inconsistent:
            text = self.tr("有 %1 个项目的阶段与日期不一致（未自动修改）。").replace(
                "%1", str(len(self.inconsistent))
            )
            self.notice.setText(text + "<a href='#'>" + self.tr("查看并逐个核对") + "</a>")
        self.notice.setVisible(bool(self.inconsistent))

    def show_inconsistent(self) -> None:
        """The list behind the notice: double-click a project to open its edit dialog."""
        dialog = QDialog(self)
        dialog.setObjectName("inconsistentProjects")
        dialog.setWindowTitle(self.tr("阶段与日期不一致的项目"))
        tree = QTreeWidget(dialog)
        tree.setHeaderLabels([self.tr("项目"), self.tr("企业"), self.tr("阶段"), self.tr("问题")])
        for p in self.inconsistent:
            item = QTreeWidgetItem(
                [p["name"], p["enterprise"] or "", display(p["stage"]), "；".join(p["problems"])]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p["id"])
            tree.addTopLevelItem(item)
        tree.setRootIsDecorated(False)
        for column, width in enumerate((240, 220, 80)):
            tree.setColumnWidth(column, width)
        tree.itemDoubleClicked.connect(lambda item, _c: self.edit_id(item.data(0, Qt.ItemDataRole.UserRole)))
        close = QPushButton(self.tr("关闭"), dialog)
        close.clicked.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("双击项目打开编辑，补齐或更正日期后保存。"), dialog))
        layout.addWidget(tree)
        layout.addWidget(close)
        dialog.resize(860, 420)
        dialog.exec()

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
            self.ctx.ws, "project", fields=PROJECT_FIELDS, prepare=lambda v: self._prepare(None, v),
            write=lambda ws, v: workflow.save_project(ws, None, v, reason=v.pop("_reason", "")), ctx=self.ctx,
            values={"stage": "信息获取", "status": "正常"}, title=self.tr("新建项目"), parent=self,
        )  # fmt: skip
        if dialog.exec():
            self.select_id_when_loaded(dialog.result_value)

    def edit(self, row: int) -> None:
        if row >= 0:
            self.edit_id(self.model.record_id(row))

    def edit_id(self, pid: str) -> None:
        dialog = RecordDialog(
            self.ctx.ws, "project", fields=PROJECT_FIELDS, values=self.ctx.ws.store.get("project", pid),
            prepare=lambda v: self._prepare(pid, v), title=self.tr("编辑项目"), parent=self, ctx=self.ctx,
            write=lambda ws, v: workflow.save_project(ws, pid, v, reason=v.pop("_reason", "")),
            draft_key=f"project:{pid}",
        )  # fmt: skip
        dialog.exec()

    def _prepare(self, pid: str | None, values: dict[str, Any]) -> dict[str, Any]:
        """The questions before a save (GUI thread), through the lifecycle rule: a move back asks its
        reason (carried to the write as "_reason"), huge amounts a confirmation."""
        reason = ""
        if pid is not None:
            old = self.ctx.ws.store.get("project", pid)["stage"]
            if lifecycle.is_backward(old, values.get("stage") or old):
                reason = self._ask_reason(old, values["stage"])
        self._confirm_amounts(values)
        return {**values, "_reason": reason}

    def _ask_reason(self, old: str, new: str) -> str:
        text, ok = QInputDialog.getText(
            self, self.tr("退回阶段"),
            self.tr("项目阶段由“%1”退回到“%2”，请填写退回原因：").replace("%1", display(old)).replace("%2", display(new)),
        )  # fmt: skip
        if not ok or not text.strip():
            raise ValidationError(
                {lifecycle.REASON_FIELD: lifecycle.message("back_reason", old=old, new=new)}
            )
        return text.strip()

    def _confirm_amounts(
        self, values: dict[str, Any], fields: dict[str, str] = lifecycle.MONEY_FIELDS
    ) -> None:
        """DOMAIN.md money sanity: over 1,000 亿元 for one project is usually 万元 typed by habit."""
        for name, label in fields.items():
            try:
                wan = parse_yi(values.get(name), field=name, label=label)
            except ValidationError:
                continue  # the save reports the bad number itself
            if wan is None or not lifecycle.is_implausible_yi(wan):
                continue
            answer = QMessageBox.question(
                self, self.tr("请核对金额"), lifecycle.implausible_message(label, wan) + self.tr("。仍按亿元保存吗？"),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                raise ValidationError({name: self.tr("请核对金额单位（亿元）")})

    def advance(self, pid: str) -> None:
        if not pid:
            return
        project = self.ctx.ws.store.get("project", pid)
        target = workflow.next_stage(project["stage"])
        if target is None:
            QMessageBox.information(self, self.tr("推进阶段"), self.tr("该项目已投产达产。"))
            return
        # The stage's own date (开工建设 → 开工日期 ...) and every date/amount it needs, prefilled with what
        # the project has; a stage without a date of its own asks the day of the move.
        needed = workflow.stage_fields(target) or ("last_activity",)
        own = needed[0]
        values = {k: project.get(k) for k in needed}
        if not values[own]:
            values[own] = _days_ago(0)

        def prepare(typed: dict[str, Any]) -> dict[str, Any]:
            self._confirm_amounts({k: typed[k] for k in needed if k != "last_activity"})
            return typed

        def write(ws: Any, typed: dict[str, Any]) -> None:
            workflow.advance_stage(
                ws, pid, to_stage=target, dates={k: typed[k] for k in needed if k != "last_activity"},
                reason=typed.get("status_reason") or "", day=typed.get("last_activity") or None,
            )  # fmt: skip

        dialog = RecordDialog(
            self.ctx.ws, "project", fields=(*needed, "status_reason"), parent=self, values=values,
            title=self.tr("推进到“%1”").replace("%1", display(target)), ctx=self.ctx, prepare=prepare,
            write=write, draft_key=f"advance:{pid}",
        )  # fmt: skip
        if own == "last_activity":
            _relabel(dialog, own, self.tr("推进日期"))
        _relabel(dialog, "status_reason", self.tr("说明"))
        if dialog.exec():
            if self.tabs.currentIndex() == 1:
                self.load_board()

    def add_funding(self, pid: str) -> None:
        if not pid:
            return
        dialog = RecordDialog(
            self.ctx.ws, "funding", fields=("date", "amount_wan", "note"), parent=self,
            prepare=lambda v: self._confirm_amounts(v, {"amount_wan": "到位资金"}) or v, ctx=self.ctx,
            write=lambda ws, v: workflow.add_funding(ws, pid, day=v["date"], amount_yi=v["amount_wan"], note=v["note"]),
            values={"date": _days_ago(0)}, title=self.tr("登记到位资金（可分多笔）"),
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


def _relabel(dialog: RecordDialog, name: str, text: str) -> None:
    widget = dialog.widgets[name]
    layout = widget.parentWidget().layout()
    if isinstance(layout, QFormLayout) and isinstance(layout.labelForField(widget), QLabel):
        layout.labelForField(widget).setText(text)


def _days_ago(days: int) -> str:
    from datetime import date, timedelta

    return (date.today() - timedelta(days=days)).isoformat()
