"""企业: list, detail (timeline, contacts, 六必访, commissioners), merge duplicates with undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import enums
from ...domain.errors import DuplicateCodeError
from ...services import enterprises as enterprise_service
from ...services import records, workflow
from ..domain_text import exception_text, timeline_row
from ..enterprise_dialogs import ENTERPRISE_FIELDS, code_taken_choice, new_enterprise
from ..handover_actions import enterprise_file
from ..handover_hooks import add_enterprise_actions
from ..list_page import ListPage
from ..qtcompat import emit
from ..record_dialog import RecordDialog
from ..table_model import LazyTableModel


class EnterpriseDetail(QDialog):
    """One enterprise: editable fields, timeline, contacts; 六必访 and commissioner actions."""

    def __init__(self, page: EnterprisesPage, enterprise_id: str) -> None:
        super().__init__(page)
        self.page, self.ctx, self.eid = page, page.ctx, enterprise_id
        ent = self.ctx.ws.store.get("enterprise", enterprise_id)
        self.setWindowTitle(ent["name"])
        self.setObjectName("enterpriseDetail")
        tabs = QTabWidget(self)
        eid = enterprise_id
        self.form = RecordDialog(
            self.ctx.ws, "enterprise", fields=ENTERPRISE_FIELDS, values=ent, ctx=self.ctx,
            write=lambda ws, v: records.update(ws, "enterprise", eid, v), draft_key=f"enterprise:{eid}",
        )  # fmt: skip
        self.form.failed_hook = self._save_failed
        self.form.setWindowFlags(Qt.WindowType.Widget)  # embedded in the tab, not a window of its own
        self.form.embedded = True
        self.form.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        tabs.addTab(self.form, self.tr("基本信息"))
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setHeaderLabels([self.tr("日期"), self.tr("类别"), self.tr("内容")])
        self.timeline.setColumnWidth(0, 110)
        self.timeline.setColumnWidth(1, 80)
        tabs.addTab(self.timeline, self.tr("时间线"))
        contacts = QWidget()
        self.contacts = LazyTableModel(self.ctx.ws, "contact", self)
        self.contacts.set_filters({"enterprise_id": enterprise_id})
        from PySide6.QtWidgets import QTableView

        table = QTableView()
        table.setModel(self.contacts)
        add = QPushButton(self.tr("添加联系人"))
        add.clicked.connect(self._add_contact)
        box = QVBoxLayout(contacts)
        box.addWidget(table)
        box.addWidget(add)
        tabs.addTab(contacts, self.tr("联系人"))
        actions = QHBoxLayout()
        for text, slot in (
            (self.tr("登记六必访情形…"), self._trigger),
            (self.tr("指派服务专员…"), self._assign),
            (self.tr("一企一档…"), lambda: enterprise_file(self.ctx, self, self.eid)),
            (self.tr("关闭"), self.accept),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addLayout(actions)
        self.resize(760, 600)
        self.load_timeline()

    def reject(self) -> None:
        """Closing the detail window asks first when the embedded form has unsaved edits."""
        if self.form.may_close():
            super().reject()

    def _save_failed(self, exc: BaseException) -> bool:
        """The code typed is another enterprise's: open that one, or merge this one into it (undoable)."""
        if not isinstance(exc, DuplicateCodeError):
            return False
        try:
            choice = code_taken_choice(self, exc, merge_text=self.tr("合并到已有企业"))
        except DuplicateCodeError:
            return False  # 返回修改: the message shows next to the field
        if choice == "merge":
            self.page.merge(exc.existing_id, self.eid)
        if self.form.guard is not None:
            self.form.guard.stop()
        self.accept()
        self.page.select_id(exc.existing_id)
        EnterpriseDetail(self.page, exc.existing_id).exec()
        return True

    def load_timeline(self) -> None:
        self.timeline.clear()
        for item in workflow.timeline(self.ctx.ws, self.eid):
            kind, text = timeline_row(item)  # kinds, stages and statuses in the UI language
            self.timeline.addTopLevelItem(QTreeWidgetItem([item["day"] or "", kind, text]))
        self.timeline.setColumnWidth(1, max(80, self.timeline.sizeHintForColumn(1) + 12))

    def _add_contact(self) -> None:
        eid = self.eid
        dialog = RecordDialog(
            self.ctx.ws, "contact", fields=("name", "title", "phone", "email"), parent=self, ctx=self.ctx,
            write=lambda ws, v: records.create(ws, "contact", {**v, "enterprise_id": eid}),
        )  # fmt: skip
        if dialog.exec():
            self.contacts.reload()

    def _trigger(self) -> None:
        eid = self.eid

        def write(ws: Any, values: dict[str, Any]) -> str:
            return workflow.record_trigger(
                ws, eid, kind=values["kind"], day=values["date"], note=values["note"]
            )

        dialog = RecordDialog(
            self.ctx.ws, "trigger", fields=("kind", "date", "note"), parent=self, ctx=self.ctx, write=write,
            values={"date": _today()}, title=self.tr("六必访：登记情形并生成走访任务"),
        )  # fmt: skip
        if dialog.exec():
            self.load_timeline()

    def _assign(self) -> None:
        eid = self.eid

        def write(ws: Any, values: dict[str, Any]) -> str:
            return workflow.assign_commissioner(
                ws, eid, officer=values["officer"].strip(), start=_clean_date(values["start_date"]),
                duties=values["duties"],
            )  # fmt: skip

        dialog = RecordDialog(
            self.ctx.ws, "commissioner", fields=("officer", "start_date", "duties"), parent=self, ctx=self.ctx,
            write=write, values={"start_date": _today()}, title=self.tr("指派服务专员"),
        )  # fmt: skip
        if dialog.exec():
            self.load_timeline()


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _clean_date(text: str) -> str:
    from ...domain.dates import parse_date

    value = parse_date(text, field="start_date", label="起始日期")
    if value is None:
        from ...domain.errors import ValidationError

        raise ValidationError(
            {"start_date": QCoreApplication.translate("EnterpriseDetail", "起始日期为必填项")}
        )
    return value.isoformat()


class EnterprisesPage(ListPage):
    table = "enterprise"
    title = "企业库"
    watches = ("commissioner",)
    ascending = True

    def setup(self) -> None:
        self.title = self.tr("企业库")
        self.search.setPlaceholderText(self.tr("企业名称、简称或信用代码"))
        self.add_combo("industry", self.tr("行业"), list(enums.INDUSTRIES))
        self.add_combo("is_key", self.tr("重点企业"), [(self.tr("是"), 1), (self.tr("否"), 0)])
        self.add_button(self.tr("合并重复…"), self.merge_selected, "mergeButton")
        add_enterprise_actions(self)  # 一企一档 / 出访简报
        keys = [c.key for c in self.model.spec.columns]
        key_pos, officer_pos = 1 + keys.index("is_key"), 1 + keys.index("commissioner")
        # 重点企业 without a serving commissioner stand out in red.
        self.model.highlight = lambda row: bool(row[key_pos]) and not row[officer_pos]

        self.last_merge: str | None = None

    def create(self) -> None:
        ent = new_enterprise(self, self.ctx)
        if ent:
            self.select_id_when_loaded(ent)

    def edit(self, row: int) -> None:
        if row >= 0:
            EnterpriseDetail(self, self.model.record_id(row)).exec()

    def merge_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 2:
            QMessageBox.information(self, self.tr("合并重复企业"), self.tr("请先按住 Ctrl 选中两家企业。"))
            return
        (a, a_name), (b, b_name) = [(self.model.record_id(r), self.describe(r)) for r in rows]
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("合并重复企业"))
        box.setText(self.tr("保留哪一家？另一家的走访、项目、诉求等记录将并入保留的企业（可撤销）。"))
        keep_a = box.addButton(self.tr("保留“%1”").replace("%1", a_name), QMessageBox.ButtonRole.AcceptRole)
        keep_b = box.addButton(self.tr("保留“%1”").replace("%1", b_name), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() not in (keep_a, keep_b):
            return
        keep, gone = (a, b) if box.clickedButton() is keep_a else (b, a)
        self.merge(keep, gone)

    def merge(self, keep: str, gone: str) -> None:
        def done(log_id: str) -> None:
            self.last_merge = log_id
            emit(self.status_message, self.tr("已合并。可在“编辑”菜单中撤销合并。"))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("合并失败"), exception_text(exc))

        self.ctx.write(lambda ws: enterprise_service.merge(ws, keep_id=keep, merge_id=gone), done,
                       on_error=failed, owner=self)  # fmt: skip

    def undo_last_merge(self) -> bool:
        if not self.last_merge:
            return False
        log_id, self.last_merge = self.last_merge, None
        self.ctx.write(lambda ws: enterprise_service.undo_merge(ws, log_id))
        return True
