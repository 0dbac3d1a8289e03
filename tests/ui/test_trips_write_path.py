"""The trip screen and the Excel import on the one write path: saves, links and imports run on the
write lane (the GUI thread's connection refuses writes here) and the screens hear of exactly what
they wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QPushButton

from tests.reports.handover_data import seed
from tests.ui.conftest import accept_and_wait, answer, gui_never_writes, on_modal, type_chinese
from zsdesk.domain.errors import DomainError
from zsdesk.services import drafts
from zsdesk.ui.context import UiContext
from zsdesk.ui.pages.trips import TripsPage
from zsdesk.ui.trip_dialog import TripDialog

# A screen stopped at a modal box nobody answers ends the run (with stacks) instead of hanging it.
pytestmark = pytest.mark.timeout(120, method="thread")
SEEDED = dt.date(2024, 5, 6)  # the seeded trip starts on this day; the new one later


def _visits_shown(page: TripsPage, trip_id: str) -> str:
    keys = [c.key for c in page.model.spec.columns]
    return str(page.model.data(page.model.index(page.model.row_of(trip_id), keys.index("visits"))))


def test_a_new_trip_is_saved_on_the_lane_and_selected_at_the_top_of_the_list(
    ctx: UiContext, qtbot: Any
) -> None:
    s = seed(ctx.ws, SEEDED)
    page = TripsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.select_id(s.trip)
    heard: list[frozenset[str]] = []
    ctx.changes.changed.connect(heard.append)

    def fill(dialog: TripDialog) -> None:
        try:
            save_twice(dialog)
        finally:
            dialog.accept()

    def save_twice(dialog: TripDialog) -> None:
        form = dialog.form
        type_chinese(form.widgets["leader"], "王市长")
        form.widgets["start_date"].setText("2024-06-10")
        form.widgets["enterprise_ids"].add(s.catl)
        dialog.load_projects()
        dialog.set_project_checks(s.projects["储能"], negotiated=False, signed=True)
        accept_and_wait(qtbot, form)
        assert dialog.trip_id and dialog.saves == 1
        assert dialog.windowTitle() == "外出招商：王市长" and dialog.visit_buttons[0].isEnabled()
        assert form.draft_key == f"trip:{dialog.trip_id}"  # later edits are drafts of this trip
        qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # the list heard of it while it is open
        form.widgets["places"].setText("宁德")
        accept_and_wait(qtbot, form)  # the second save updates the same trip
        assert dialog.saves == 2

    with gui_never_writes(ctx.ws):
        with pytest.raises(DomainError):  # the guard itself: the GUI connection cannot write
            ctx.ws.store.create("task", {"title": "回访"})
        on_modal(fill)
        dialog = page.create()
    trip = ctx.ws.store.get("trip", dialog.trip_id)
    assert (trip["leader"], trip["places"], trip["signed_project_ids"]) == (
        "王市长",
        "宁德",
        [s.projects["储能"]],
    )
    assert ctx.ws.store.rows("SELECT count(*) AS n FROM trip")[0]["n"] == 2
    assert {"trip"} <= heard[0]
    qtbot.waitUntil(lambda: page.current_id() == dialog.trip_id)
    assert page.current_row() == 0  # newest start date first


def test_linking_and_unlinking_visits_refreshes_the_trip_and_the_lists(
    ctx: UiContext, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from zsdesk.ui.pages.visits import VisitsPage

    warnings: list[str] = []  # a failed link says so in a box (a write on the GUI thread would fail)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))

    s = seed(ctx.ws, SEEDED)
    trips_page, visits_page = TripsPage(ctx), VisitsPage(ctx)
    qtbot.addWidget(trips_page)
    qtbot.addWidget(visits_page)
    qtbot.waitUntil(lambda: trips_page.model.rowCount() == 1)
    assert _visits_shown(trips_page, s.trip) == "1"
    with gui_never_writes(ctx.ws):
        dialog = TripDialog(ctx, s.trip)
        qtbot.addWidget(dialog)
        assert dialog.visit_ids() == [s.trip_visit]
        assert dialog.form.widgets["enterprise_ids"].ids() == [s.blank]
        with qtbot.waitSignal(visits_page.model.modelReset):  # the visit list re-runs its query
            dialog.link([s.loose_visit])
        qtbot.waitUntil(lambda: len(dialog.visit_ids()) == 2 or bool(warnings))
        assert not warnings and s.loose_visit in dialog.visit_ids()
        # Linking lists the visit's enterprise on the trip: the form shows it, as saved (nothing to ask).
        assert dialog.form.widgets["enterprise_ids"].ids() == [s.blank, s.catl]
        assert not dialog.form.guard.dirty()
        qtbot.waitUntil(lambda: _visits_shown(trips_page, s.trip) == "2")

        for i in range(dialog.visits.topLevelItemCount()):
            item = dialog.visits.topLevelItem(i)
            item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == s.trip_visit)
        with qtbot.waitSignal(visits_page.model.modelReset):
            dialog.unlink_selected()
        qtbot.waitUntil(lambda: dialog.visit_ids() == [s.loose_visit])
        qtbot.waitUntil(lambda: _visits_shown(trips_page, s.trip) == "1")
    assert ctx.ws.store.get("visit", s.trip_visit)["trip_id"] in ("", None)
    assert ctx.ws.store.get("trip", s.trip)["enterprise_ids"] == [s.blank, s.catl]


def test_esc_on_a_trip_form_with_typed_content_asks_and_keeps_a_draft(ctx: UiContext, qtbot: Any) -> None:
    dialog = TripDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    leader = dialog.form.widgets["leader"]
    type_chinese(leader, "王市长")
    dialog.form.guard.keep_now()  # what the once-a-second timer does
    qtbot.waitUntil(lambda: drafts.find(ctx.ws, "trip:new") is not None)
    asked: list[str] = []
    on_modal(answer(asked, "否"))
    qtbot.keyClick(leader, Qt.Key.Key_Escape)  # Esc in the embedded form goes to the trip window
    assert dialog.isVisible() and dialog.form.isVisible() and leader.text() == "王市长"
    assert "放弃" in asked[0]
    on_modal(answer(asked, "是"))
    qtbot.keyClick(leader, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 2  # the trip window closed, not just its tab's form
    qtbot.waitUntil(lambda: drafts.find(ctx.ws, "trip:new") is None)

    again = TripDialog(ctx)
    qtbot.addWidget(again)
    again.show()
    type_chinese(again.form.widgets["places"], "宁德")
    on_modal(answer(asked, "否"))
    next(b for b in again.findChildren(QPushButton) if b.text() == "关闭").click()  # 关闭 asks too
    assert again.isVisible() and len(asked) == 3
    on_modal(answer(asked, "是"))
    again.close()  # the window's close button goes the same way
    assert not again.isVisible() and len(asked) == 4


def test_importing_a_demand_ledger_refreshes_the_demand_screen(
    ctx: UiContext, qtbot: Any, enterprise: str, tmp_path: Path
) -> None:
    from zsdesk.services.context import init_workspace
    from zsdesk.services.excel_export import export_sheet
    from zsdesk.ui import excel_actions
    from zsdesk.ui.pages.followups import DemandsPage

    source = tmp_path / "other.db"
    with init_workspace(source, office="省政府驻上海办事处", officer="王五") as other:
        ent = other.store.create("enterprise", {"name": "上海创明新能源科技有限公司"})
        other.store.create(
            "demand",
            {
                "enterprise_id": ent,
                "content": "协调厂房用电增容",
                "raised_date": "2024-06-03",
                "status": "待办",
            },
        )
        export_sheet(other.store, "诉求", tmp_path / "诉求.xlsx")
    page = DemandsPage(ctx)
    qtbot.addWidget(page)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert page.model.rowCount() == 0
    heard: list[frozenset[str]] = []
    ctx.changes.changed.connect(heard.append)
    reports: list[str] = []

    def confirm(dialog: Any) -> None:
        reports.append(dialog.findChild(QPlainTextEdit).toPlainText())
        assert not heard  # the dry run wrote nothing and told nobody
        on_modal(close_result, delay=50)
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "确认导入").click()

    def close_result(dialog: Any) -> None:
        reports.append(dialog.findChild(QPlainTextEdit).toPlainText())
        dialog.reject()

    with gui_never_writes(ctx.ws):
        on_modal(confirm)
        excel_actions.import_excel(ctx, window, path=str(tmp_path / "诉求.xlsx"), kind="诉求")
        qtbot.waitUntil(lambda: len(reports) == 2, timeout=20000)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "导入完成" in reports[1], reports[1]
    # Exactly the tables the import wrote: not the fixed list of the four sheets' tables.
    assert len(heard) == 1 and "demand" in heard[0]
    assert not heard[0] & {"enterprise", "visit", "project", "event", "funding", "stage_change"}
    keys = [c.key for c in page.model.spec.columns]
    assert page.model.data(page.model.index(0, keys.index("content"))) == "协调厂房用电增容"
