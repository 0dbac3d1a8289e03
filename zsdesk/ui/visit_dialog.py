"""The keyboard-first visit entry form (forms/visit_dialog.ui) with inline demands, tasks, attachments."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from ..domain import enums
from ..domain.errors import DomainError, ValidationError
from ..domain.money import format_yi_exact
from ..services import drafts
from ..services.context import Workspace
from ..services.visits import VisitInput, attachments, blob, save_visit, split_lines, visit_followups
from .domain_text import errors_text
from .enterprise_dialogs import confirm_not_duplicate, new_enterprise
from .fields import FieldErrors
from .followup_rows import FollowupRows
from .forms import form_module
from .guard import FormGuard
from .picker import EnterprisePicker
from .value_labels import add_values, current_value, display, set_current_value
from .visit_attachments import ROLE, THUMB, AttachmentsMixin

if TYPE_CHECKING:
    from .context import UiContext

LATE = QBrush(QColor("#c0392b"))
FINISHED = ("已解决", "无法解决", "已完成")


def open_url(url: QUrl) -> bool:
    """Open a file with the desktop's viewer (module-level so tests can replace it)."""
    return QDesktopServices.openUrl(url)


# The text fields a draft keeps (widget attribute of the form → draft key).
TEXT_FIELDS = ("officerEdit", "participantsEdit", "leaderEdit", "leaderRankEdit", "purposeEdit",
               "intentionAmountEdit", "intentionParkEdit")  # fmt: skip
PLAIN_FIELDS = ("minutesEdit", "demandsEdit", "nextStepsEdit")
COMBO_FIELDS = ("formCombo", "intentionIndustryCombo", "intentionCityCombo")


class VisitDialog(AttachmentsMixin, QDialog):
    """New or existing visit. Ctrl+Enter saves (on the write lane); Esc asks before dropping what
    was typed; what is typed is kept as a draft until saved; errors show next to each field."""

    def __init__(
        self,
        ws: Workspace,
        *,
        officer: str = "",
        visit_id: str | None = None,
        parent: QWidget | None = None,
        ctx: UiContext | None = None,
    ):
        super().__init__(parent)
        self.ws, self.visit_id = ws, visit_id
        self.ctx = ctx  # gives the job runner and sync settings for downloading attachments
        self.ui = form_module("visit_dialog").Ui_VisitDialog()
        self.ui.setupUi(self)
        self.setObjectName("visitDialog")
        self.saved_id: str | None = None
        self._new_name = ""  # a typed enterprise name confirmed as new: created when the visit saves
        self._fills: list[tuple[str, dict[str, Any]]] = []  # typed values merged into an existing one
        self._saving = False
        self._files: list[Path] = []
        self._removed: list[str] = []  # saved attachments removed in this session (applied on save)
        self._tmp: Path | None = None
        self.picker = EnterprisePicker(ws, self)
        self.picker.setObjectName("enterprisePicker")
        slot_layout = QHBoxLayout(self.ui.pickerSlot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        slot_layout.addWidget(self.picker)
        self.ui.enterpriseLabel.setBuddy(self.picker)
        QWidget.setTabOrder(self.ui.dateEdit, self.picker)
        QWidget.setTabOrder(self.picker, self.ui.formCombo)
        # Items show the UI language; their data is the stored (Chinese) value.
        add_values(self.ui.formCombo, enums.VISIT_FORMS)
        add_values(self.ui.intentionIndustryCombo, enums.INDUSTRIES, blank=True)
        add_values(self.ui.intentionCityCombo, enums.CITIES, blank=True)
        self.ui.intentionIndustryCombo.setMinimumWidth(110)
        self.ui.intentionCityCombo.setMinimumWidth(100)
        self.ui.existingLabel.hide()  # only an existing visit has demands and tasks already
        self.ui.existingTree.hide()
        self.ui.attachList.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.ui.dateEdit.setDate(QDate.currentDate())
        self.ui.officerEdit.setText(officer or (ctx.officer if ctx is not None else "") or ws.store.author)
        self.demand_rows = FollowupRows(self.ui.demandsEdit, self.ui.demandTable, "demand",
                                        self.ui.dateEdit.iso, self.ui.officerEdit.text)  # fmt: skip
        self.task_rows = FollowupRows(self.ui.nextStepsEdit, self.ui.taskTable, "task",
                                      self.ui.dateEdit.iso, self.ui.officerEdit.text)  # fmt: skip
        self.ui.dateEdit.editingFinished.connect(self._date_changed)
        self.ui.attachList.setViewMode(QListWidget.ViewMode.IconMode)
        self.ui.attachList.setIconSize(THUMB)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("保存 (Ctrl+Enter)"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.generalError.hide()
        form: QFormLayout = self.ui.form
        self.errors = FieldErrors(
            form,
            {
                "date": self.ui.dateEdit,
                "enterprise_id": self.ui.pickerSlot,
                "form": self.ui.formCombo,
                "participants": self.ui.participantsEdit,
                "leader": self.ui.leaderEdit,
                "minutes": self.ui.minutesEdit,
                "intention_wan": self.ui.intentionAmountEdit,
            },
            self.ui.generalError,
        )
        self._connect_signals()
        if visit_id:
            self.show_visit(ws.store.get("visit", visit_id))
        self.draft_key = f"visit:{visit_id or 'new'}"
        self.guard = FormGuard(self, ctx, self.draft_key, self.collect, self.apply)
        self.picker.setFocus()

    def _date_changed(self) -> None:
        self.demand_rows.sync()
        self.task_rows.sync()

    # -- drafts -----------------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        """What the officer has put in the form, as plain values (the draft, and 'is it dirty')."""
        ui = self.ui
        data: dict[str, Any] = {name: getattr(ui, name).text() for name in TEXT_FIELDS}
        data.update({name: getattr(ui, name).toPlainText() for name in PLAIN_FIELDS})
        data.update({name: current_value(getattr(ui, name)) for name in COMBO_FIELDS})
        data["date"] = ui.dateEdit.text()
        data["enterprise_id"] = self.picker.enterprise_id()
        data["enterprise_text"] = self.picker.text()
        data["demand_rows"] = self.demand_rows.state()
        data["task_rows"] = self.task_rows.state()
        data["files"] = [str(p) for p in self._files]
        data["removed"] = list(self._removed)
        return data

    def apply(self, data: dict[str, Any]) -> None:
        ui = self.ui
        for name in TEXT_FIELDS:
            getattr(ui, name).setText(data.get(name) or "")
        for name in PLAIN_FIELDS:
            getattr(ui, name).setPlainText(data.get(name) or "")
        for name in COMBO_FIELDS:
            set_current_value(getattr(ui, name), data.get(name) or "")
        ui.dateEdit.setText(data.get("date") or ui.dateEdit.text())
        if data.get("enterprise_id"):
            self.picker.set_enterprise(data["enterprise_id"])
        elif data.get("enterprise_text"):
            self.picker.setText(data["enterprise_text"])
        self.demand_rows.restore(data.get("demand_rows") or [])
        self.task_rows.restore(data.get("task_rows") or [])
        self.add_files([Path(p) for p in data.get("files") or []])

    def reject(self) -> None:
        """Esc, 取消 and the window's close button: ask before throwing away what was typed."""
        if self._saving or not self.guard.may_close():
            return
        super().reject()

    def _connect_signals(self) -> None:
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.newEnterpriseButton.clicked.connect(self._new_enterprise)
        self.ui.attachButton.clicked.connect(self._choose_files)
        self.ui.openAttachButton.clicked.connect(self.open_selected)
        self.ui.removeAttachButton.clicked.connect(self.remove_selected)
        self.ui.attachList.itemActivated.connect(lambda item: self.open_attachment(item))
        self.ui.attachList.itemSelectionChanged.connect(self._update_attach_buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.ui.attachList, activated=self.remove_selected)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)

    # -- show / edit ----------------------------------------------------------------------------
    def show_visit(self, v: dict[str, Any]) -> None:
        self.setWindowTitle(self.tr("编辑走访记录"))
        self.ui.dateEdit.setDate(QDate.fromString(v["date"], "yyyy-MM-dd"))
        self.picker.set_enterprise(v["enterprise_id"])
        set_current_value(self.ui.formCombo, v["form"] or "")
        self.ui.officerEdit.setText(v.get("officer") or "")
        self.ui.participantsEdit.setText("、".join(v.get("participants") or []))
        self.ui.leaderEdit.setText(v.get("leader") or "")
        self.ui.leaderRankEdit.setText(v.get("leader_rank") or "")
        self.ui.purposeEdit.setText(v.get("purpose") or "")
        self.ui.minutesEdit.setPlainText(v.get("minutes") or "")
        set_current_value(self.ui.intentionIndustryCombo, v.get("intention_industry") or "")
        self.ui.intentionAmountEdit.setText(format_yi_exact(v.get("intention_wan")))
        set_current_value(self.ui.intentionCityCombo, v.get("intention_city") or "")
        self.ui.intentionParkEdit.setText(v.get("intention_park") or "")
        # Demands/tasks already exist as records (listed below, with their status); the boxes
        # take only new ones on edit.
        self.ui.demandsLabel.setText(self.tr("新增企业诉求（每行一条）"))
        self.ui.nextStepsLabel.setText(self.tr("新增下一步工作（每行一条）"))
        self.show_followups(visit_followups(self.ws, v["id"]))
        for att in attachments(self.ws, v["id"]):
            item = self._add_thumb(att["filename"], blob(self.ws, att["sha256"]))
            item.setData(ROLE, ("saved", att["id"], att["sha256"]))

    def show_followups(self, rows: list[dict[str, Any]]) -> None:
        """The visit's demands and tasks with status and due date; late open ones in red."""
        tree = self.ui.existingTree
        tree.clear()
        today = QDate.currentDate().toString("yyyy-MM-dd")
        kinds = {"demand": self.tr("诉求"), "task": self.tr("任务")}
        for row in rows:
            item = QTreeWidgetItem([kinds[row["kind"]], row["text"], display(row["status"]), row["due_date"]])
            item.setToolTip(1, row["text"])
            if row["due_date"] and row["due_date"] < today and row["status"] not in FINISHED:
                for col in range(4):
                    item.setForeground(col, LATE)
            tree.addTopLevelItem(item)
        if not rows:
            tree.addTopLevelItem(QTreeWidgetItem(["", self.tr("（无）")]))
        header = tree.header()
        header.setStretchLastSection(False)
        fit = QHeaderView.ResizeMode.ResizeToContents
        for col, mode in enumerate((fit, QHeaderView.ResizeMode.Stretch, fit, fit)):
            header.setSectionResizeMode(col, mode)
        self.ui.existingLabel.show()
        tree.show()

    def edited_visit(self) -> VisitInput:
        values = {
            "date": self.ui.dateEdit.iso(),
            "enterprise_id": self.picker.enterprise_id(),
            "form": current_value(self.ui.formCombo),
            "officer": self.ui.officerEdit.text(),
            "participants": self.ui.participantsEdit.text(),
            "leader": self.ui.leaderEdit.text(),
            "leader_rank": self.ui.leaderRankEdit.text(),
            "purpose": self.ui.purposeEdit.text(),
            "minutes": self.ui.minutesEdit.toPlainText(),
            "intention_industry": current_value(self.ui.intentionIndustryCombo),
            "intention_wan": self.ui.intentionAmountEdit.text(),
            "intention_city": current_value(self.ui.intentionCityCombo),
            "intention_park": self.ui.intentionParkEdit.text(),
        }
        return VisitInput(
            values=values,
            demands=split_lines(self.ui.demandsEdit.toPlainText()),
            next_steps=split_lines(self.ui.nextStepsEdit.toPlainText()),
            attachments=list(self._files),
            removed_attachments=list(self._removed),
            demand_details=self.demand_rows.details(),
            task_details=self.task_rows.details(),
            new_enterprise=self._new_name,
        )

    # -- enterprise ------------------------------------------------------------------------------
    def _new_enterprise(self) -> None:
        if self.ctx is None:
            return

        ent = new_enterprise(self, self.ctx, name=self.picker.text().strip())
        if ent:
            self.picker.set_enterprise(ent)

    def _resolve_enterprise(self) -> bool:
        """A typed name that matches nothing becomes a new enterprise (created with the visit),
        after the duplicate check."""
        self._new_name = ""
        self._fills = []
        if self.picker.enterprise_id():
            return True
        name = self.picker.text().strip()
        if not name:
            return True  # validation reports the missing enterprise next to the field
        self.picker.search_now()
        if self.picker.enterprise_id():
            return True
        answer = QMessageBox.question(
            self, self.tr("新建企业"), self.tr("“%1”不在企业库中，是否新建该企业？").replace("%1", name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            existing = confirm_not_duplicate(self, self.ws, {"name": name}, self._fills)
        except ValidationError as exc:
            self.errors.show({"enterprise_id": errors_text(list(exc.errors.values()))})
            return False
        if existing:
            self.picker.set_enterprise(existing)
        else:
            self._new_name = name
        return True

    def _launch(self, item: QListWidgetItem, path: Path) -> Path | None:
        if not open_url(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self, self.tr("打开附件"), self.tr("没有可以打开“%1”的程序。").replace("%1", item.text())
            )
        return path

    # -- save -------------------------------------------------------------------------------------
    def accept(self) -> None:
        """Save on the write lane (visit, demands, tasks, attachments and the draft's removal in one
        transaction); the form closes when it is saved and stays open with the errors otherwise."""
        if self._saving or self.ctx is None:
            return
        self.errors.clear()
        if not self._resolve_enterprise():
            return
        data = self.edited_visit()
        visit_id, key = self.visit_id, self.draft_key

        fills = list(self._fills)

        def write(ws: Workspace) -> str:
            from ..services.enterprises import fill_existing

            for existing_id, typed in fills:
                fill_existing(ws, existing_id, typed)
            saved, _changes = save_visit(ws, data, visit_id=visit_id)
            drafts.discard(ws, key)
            return saved

        self._set_saving(True)
        self.ctx.write(write, self._saved, on_error=self._failed, owner=self)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.ui.buttonBox.setEnabled(not saving)

    def _saved(self, visit_id: str) -> None:
        self._set_saving(False)
        self.saved_id = visit_id
        self.guard.stop()
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            errors = dict(exc.errors)
            if "demands_text" in errors or "next_steps" in errors:
                errors[""] = errors.pop("demands_text", "") or errors.pop("next_steps", "")
            self.errors.show({k: v for k, v in errors.items() if v})
        elif isinstance(exc, DomainError):
            self.errors.show({"": str(exc)})
        else:
            from .jobs import describe_error

            self.errors.show({"": describe_error(exc)})
