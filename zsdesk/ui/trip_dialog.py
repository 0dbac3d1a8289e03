"""One 外出招商 trip: its fields, the projects negotiated and signed on it, and the visits made on it
(new ones created from the trip, existing ones linked); prints its 出访简报."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
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

from ..services import trips
from ..services.context import Workspace
from .context import UiContext
from .record_dialog import RecordDialog
from .value_labels import display

FORM_FIELDS = (
    "leader",
    "leader_rank",
    "party_leader",
    "start_date",
    "end_date",
    "places",
    "enterprise_ids",
    "note",
)
NEGOTIATED, SIGNED = 3, 4  # checkable columns of the project list
ID = Qt.ItemDataRole.UserRole


class TripDialog(QDialog):
    """New (`trip_id=""`) or existing trip. Saving keeps the dialog open, so visits can follow.

    Every write (the trip, linking and unlinking visits) is a write op on the lane; the tabs reload
    when it is in the store.
    """

    def __init__(self, ctx: UiContext, trip_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.trip_id = ctx, trip_id
        self.saves = 0
        self.setObjectName("tripDialog")
        trip = trips.get_trip(ctx.ws, trip_id) if trip_id else {"start_date": date.today().isoformat()}
        self._set_title(trip.get("leader") or "")
        self.form = RecordDialog(
            ctx.ws, "trip", fields=FORM_FIELDS, values=trip, ctx=ctx, write=_save_trip,
            prepare=self._with_projects, draft_key=f"trip:{trip_id or 'new'}",
        )  # fmt: skip
        self.form.setWindowFlags(Qt.WindowType.Widget)  # embedded in the tab, not a window of its own
        self.form.embedded = True
        self.form.saved.connect(self._saved)
        self.form.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        tabs = QTabWidget(self)
        tabs.addTab(self.form, self.tr("基本信息"))
        tabs.addTab(self._projects_tab(), self.tr("洽谈 / 签约项目"))
        tabs.addTab(self._visits_tab(), self.tr("本次走访"))
        self.tabs = tabs
        bottom = QHBoxLayout()
        self.briefing_button = QPushButton(self.tr("出访简报…"))
        self.briefing_button.setObjectName("briefingButton")
        self.briefing_button.clicked.connect(self.briefing)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)  # asks first when the form holds unsaved edits
        bottom.addStretch(1)
        bottom.addWidget(self.briefing_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addLayout(bottom)
        self.resize(820, 640)
        self._selected = (list(trip.get("project_ids") or []), list(trip.get("signed_project_ids") or []))
        self.load_projects()
        self.load_visits()

    def _set_title(self, leader: str) -> None:
        self.setWindowTitle(self.tr("外出招商：%1").replace("%1", leader or self.tr("新建")))

    def reject(self) -> None:
        """Esc, 关闭 and the window's close button: ask first when the form has unsaved edits."""
        if self.form.may_close():
            super().reject()

    # -- saving -------------------------------------------------------------------------------
    def _with_projects(self, values: dict[str, Any]) -> dict[str, Any]:
        """The ticked projects go with the form's fields (read here, on the GUI thread)."""
        negotiated, signed = self.checked_projects()
        return {**values, "project_ids": negotiated, "signed_project_ids": signed, "id": self.trip_id}

    def _saved(self, trip_id: str) -> None:
        """The trip is in the store: later saves update it, its drafts are kept under its id."""
        if not self.trip_id and self.form.guard is not None:
            self.form.draft_key = self.form.guard.key = f"trip:{trip_id}"
        self.trip_id = trip_id
        self.saves += 1
        negotiated, signed = self.checked_projects()
        self._selected = (list(dict.fromkeys([*negotiated, *signed])), signed)
        self._set_title(self.form.edited_values().get("leader") or "")
        self.load_projects()
        self.load_visits()

    def save(self) -> None:
        """Save the form (what its 保存 button does): a write op; `saves` counts the ones done."""
        self.form.accept()

    # -- projects -----------------------------------------------------------------------------
    def _projects_tab(self) -> QWidget:
        page = QWidget()
        self.projects = QTreeWidget(page)
        self.projects.setObjectName("tripProjects")
        self.projects.setHeaderLabels(
            [self.tr("项目"), self.tr("企业"), self.tr("阶段"), self.tr("洽谈"), self.tr("签约")]
        )
        self.projects.setColumnWidth(0, 260)
        self.projects.setColumnWidth(1, 220)
        refresh = QPushButton(self.tr("按拜访企业列出项目"))
        refresh.clicked.connect(self.load_projects)
        hint = QLabel(self.tr("勾选本次洽谈、签约的项目，然后在“基本信息”中保存。签约的项目同时计为洽谈。"))
        hint.setWordWrap(True)
        box = QVBoxLayout(page)
        box.addWidget(hint)
        box.addWidget(self.projects)
        box.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def load_projects(self) -> None:
        negotiated, signed = self.checked_projects() if self.projects.topLevelItemCount() else self._selected
        enterprise_ids = self.form.edited_values().get("enterprise_ids") or []
        rows = trips.enterprise_projects(self.ctx.ws, list(enterprise_ids))
        known = {r["id"] for r in rows}
        extra = [p for p in dict.fromkeys([*negotiated, *signed]) if p not in known]
        rows += trips.projects_info(self.ctx.ws, extra) if extra else []
        self.projects.clear()
        for r in rows:
            item = QTreeWidgetItem(
                [r["name"] or "", r["enterprise"] or "", display(r["stage"] or ""), "", ""]
            )
            item.setData(0, ID, r["id"])
            item.setCheckState(
                NEGOTIATED, Qt.CheckState.Checked if r["id"] in negotiated else Qt.CheckState.Unchecked
            )
            item.setCheckState(
                SIGNED, Qt.CheckState.Checked if r["id"] in signed else Qt.CheckState.Unchecked
            )
            self.projects.addTopLevelItem(item)

    def checked_projects(self) -> tuple[list[str], list[str]]:
        negotiated, signed = [], []
        for i in range(self.projects.topLevelItemCount()):
            item = self.projects.topLevelItem(i)
            pid = item.data(0, ID)
            if item.checkState(NEGOTIATED) == Qt.CheckState.Checked:
                negotiated.append(pid)
            if item.checkState(SIGNED) == Qt.CheckState.Checked:
                signed.append(pid)
        return negotiated, signed

    def set_project_checks(self, project_id: str, *, negotiated: bool, signed: bool = False) -> None:
        for i in range(self.projects.topLevelItemCount()):
            item = self.projects.topLevelItem(i)
            if item.data(0, ID) == project_id:
                item.setCheckState(
                    NEGOTIATED, Qt.CheckState.Checked if negotiated else Qt.CheckState.Unchecked
                )
                item.setCheckState(SIGNED, Qt.CheckState.Checked if signed else Qt.CheckState.Unchecked)

    # -- visits -------------------------------------------------------------------------------
    def _visits_tab(self) -> QWidget:
        page = QWidget()
        self.visits = QTreeWidget(page)
        self.visits.setObjectName("tripVisits")
        self.visits.setHeaderLabels(
            [self.tr("走访日期"), self.tr("企业"), self.tr("走访形式"), self.tr("走访目的")]
        )
        self.visits.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.visits.setColumnWidth(0, 100)
        self.visits.setColumnWidth(1, 240)
        self.visits.itemDoubleClicked.connect(lambda item, _c: self.open_visit(item.data(0, ID)))
        row = QHBoxLayout()
        self.visit_buttons = []
        for text, slot, name in (
            (self.tr("新建走访（本次外出）…"), self.new_visit, "newTripVisit"),
            (self.tr("关联已有走访…"), self.link_existing, "linkVisits"),
            (self.tr("取消关联"), self.unlink_selected, "unlinkVisits"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.visit_buttons.append(button)
        row.addStretch(1)
        self.visits_hint = QLabel(self.tr("请先在“基本信息”中保存，再登记本次外出的走访。"))
        box = QVBoxLayout(page)
        box.addWidget(self.visits_hint)
        box.addWidget(self.visits)
        box.addLayout(row)
        return page

    def _update_buttons(self) -> None:
        for button in self.visit_buttons:
            button.setEnabled(bool(self.trip_id))
        self.briefing_button.setEnabled(bool(self.trip_id))
        self.visits_hint.setVisible(not self.trip_id)

    def load_visits(self) -> None:
        self._update_buttons()
        self.visits.clear()
        if not self.trip_id:
            return
        for v in trips.trip_visits(self.ctx.ws, self.trip_id):
            item = QTreeWidgetItem(
                [v["date"] or "", v["enterprise"] or "", display(v["form"] or ""), v["purpose"] or ""]
            )
            item.setData(0, ID, v["id"])
            self.visits.addTopLevelItem(item)

    def visit_ids(self) -> list[str]:
        return [self.visits.topLevelItem(i).data(0, ID) for i in range(self.visits.topLevelItemCount())]

    def _after_visits_changed(self, _result: Any = None) -> None:
        self.load_visits()
        # Linking lists the visit's enterprise on the trip: show it in the form too, as saved.
        enterprise_ids = trips.get_trip(self.ctx.ws, self.trip_id)["enterprise_ids"]
        self.form.show_values({"enterprise_ids": enterprise_ids})
        if self.form.guard is not None:
            self.form.guard.initial = {**self.form.guard.initial, "enterprise_ids": enterprise_ids}
        self.load_projects()  # the projects of the enterprises just listed

    def new_visit(self, *, exec_dialog: bool = True) -> Any:
        """A visit dated and led as the trip, put on it once saved."""
        from .visit_dialog import VisitDialog

        if not self.trip_id:
            return None
        defaults = trips.visit_defaults(self.ctx.ws, self.trip_id)
        dialog = VisitDialog(self.ctx.ws, officer=self.ctx.officer, parent=self, ctx=self.ctx)
        dialog.setWindowTitle(self.tr("新建走访（本次外出招商）"))
        if defaults["date"]:
            dialog.ui.dateEdit.setDate(QDate.fromString(defaults["date"], "yyyy-MM-dd"))
        dialog.ui.leaderEdit.setText(defaults["leader"])
        dialog.ui.leaderRankEdit.setText(defaults["leader_rank"])
        if not exec_dialog:
            return dialog
        if dialog.exec() and dialog.saved_id:
            self.link([dialog.saved_id])
        return dialog

    def link(self, visit_ids: list[str]) -> None:
        """Put the visits on the trip (one write op); the tabs reload once it is saved."""
        trip_id, ids = self.trip_id, list(visit_ids)
        self._write_visits(lambda ws: trips.link_visits(ws, trip_id, ids), self.tr("关联失败"))

    def _write_visits(self, fn: Callable[[Workspace], Any], failure: str) -> None:
        def failed(exc: BaseException) -> None:
            from .jobs import describe_error

            QMessageBox.warning(self, failure, describe_error(exc))

        self.ctx.write(fn, self._after_visits_changed, owner=self, on_error=failed)

    def link_existing(self, *, exec_dialog: bool = True) -> Any:
        """Pick visits (dated within the trip or of its enterprises) to put on the trip."""
        if not self.trip_id:
            return None
        chooser = QDialog(self)
        chooser.setWindowTitle(self.tr("关联已有走访"))
        chooser.setObjectName("linkVisitsDialog")
        listing = QListWidget(chooser)
        listing.setObjectName("candidates")
        for c in trips.link_candidates(self.ctx.ws, self.trip_id):
            other = self.tr("（已属其他外出）") if c["trip_id"] else ""
            item = QListWidgetItem(f"{c['date']}　{c['enterprise'] or ''}　{c['purpose'] or ''}{other}")
            item.setData(ID, c["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            listing.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("关联"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(chooser.accept)
        buttons.rejected.connect(chooser.reject)
        box = QVBoxLayout(chooser)
        box.addWidget(QLabel(self.tr("出访期间或拜访企业的走访记录（勾选后关联到本次外出）：")))
        box.addWidget(listing)
        box.addWidget(buttons)
        chooser.resize(640, 420)
        chooser.candidates = listing  # type: ignore[attr-defined]
        if not exec_dialog:
            return chooser
        if chooser.exec():
            self.link(checked_ids(listing))
        return chooser

    def unlink_selected(self) -> None:
        ids = [item.data(0, ID) for item in self.visits.selectedItems()]
        if ids:
            self._write_visits(lambda ws: trips.unlink_visits(ws, ids), self.tr("取消关联失败"))

    def open_visit(self, visit_id: str) -> None:
        from .visit_dialog import VisitDialog

        dialog = VisitDialog(
            self.ctx.ws, officer=self.ctx.officer, visit_id=visit_id, parent=self, ctx=self.ctx
        )
        if dialog.exec():  # saved through the write path, which told the other screens
            self.load_visits()

    def briefing(self) -> None:
        from .handover_actions import briefing_for_trip

        if self.trip_id:
            briefing_for_trip(self.ctx, self, self.trip_id)


def _save_trip(ws: Workspace, values: dict[str, Any]) -> str:
    """On the write lane: create or update the trip (`values["id"]`, empty for a new one)."""
    values = dict(values)
    return trips.save_trip(ws, values, trip_id=values.pop("id"))


def checked_ids(listing: QListWidget) -> list[str]:
    return [
        listing.item(i).data(ID)
        for i in range(listing.count())
        if listing.item(i).checkState() == Qt.CheckState.Checked
    ]
