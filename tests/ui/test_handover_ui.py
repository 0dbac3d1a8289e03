"""The trip screen (visits created from it or linked, projects negotiated/signed), the briefing and
enterprise-file actions, and the 诉求 screen's department/category/overdue filters with its 督办单."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from tests.reports.handover_data import seed
from tests.ui.conftest import accept_and_wait
from zsdesk.ui.context import UiContext

from .conftest import on_modal, type_chinese

TODAY = dt.date.today()


def _pdf_text(preview: Any) -> str:
    doc = preview.doc
    return "".join(doc.getAllText(i).text() for i in range(doc.pageCount())).replace("\n", "")


def test_trip_dialog_saves_projects_creates_and_links_visits(ctx: UiContext, qtbot: Any) -> None:
    from zsdesk.ui.pages.trips import TripsPage

    s = seed(ctx.ws, TODAY)
    page = TripsPage(ctx)
    qtbot.addWidget(page)

    def fill(dialog: Any) -> None:
        form = dialog.form
        type_chinese(form.widgets["leader"], "王市长")
        form.widgets["party_leader"].setChecked(True)
        form.widgets["start_date"].setText("2024-06-10")
        form.widgets["end_date"].setText("2024-06-12")
        form.widgets["enterprise_ids"].add(s.catl)
        assert not dialog.visit_buttons[0].isEnabled()  # visits need a saved trip
        dialog.load_projects()
        dialog.set_project_checks(s.projects["二期"], negotiated=True)
        dialog.set_project_checks(s.projects["储能"], negotiated=False, signed=True)
        accept_and_wait(qtbot, dialog.form)  # 保存: a write op on the lane
        assert dialog.saves == 1 and dialog.visit_buttons[0].isEnabled()
        # 新建走访: dated and led as the trip, put on it once saved.
        visit = dialog.new_visit(exec_dialog=False)
        assert visit.ui.leaderEdit.text() == "王市长"
        assert visit.ui.dateEdit.date() == QDate(2024, 6, 10)
        visit.picker.set_enterprise(s.catl)
        visit.ui.purposeEdit.setText("商谈储能项目签约")
        accept_and_wait(qtbot, visit)
        assert visit.saved_id
        dialog.link([visit.saved_id])
        qtbot.waitUntil(lambda: dialog.visit_ids() == [visit.saved_id])
        # 关联已有走访: the loose visit of the same enterprise is offered and linked.
        chooser = dialog.link_existing(exec_dialog=False)
        listing = chooser.candidates
        for i in range(listing.count()):
            if listing.item(i).data(Qt.ItemDataRole.UserRole) == s.loose_visit:
                listing.item(i).setCheckState(Qt.CheckState.Checked)
        from zsdesk.ui.trip_dialog import checked_ids

        dialog.link(checked_ids(listing))
        qtbot.waitUntil(lambda: len(dialog.visit_ids()) == 2)
        assert s.loose_visit in dialog.visit_ids()
        dialog.grab().save(str(Path(ctx.ws.path).with_name("trip_dialog.png")))
        dialog.tabs.setCurrentIndex(2)
        dialog.grab().save(str(Path(ctx.ws.path).with_name("trip_dialog_visits.png")))
        dialog.accept()

    on_modal(fill)
    dialog = page.create()
    trip = ctx.ws.store.get("trip", dialog.trip_id)
    assert trip["leader"] == "王市长" and trip["party_leader"] is True
    assert set(trip["project_ids"]) == {s.projects["二期"], s.projects["储能"]}
    assert trip["signed_project_ids"] == [s.projects["储能"]]
    visits = ctx.ws.store.rows("SELECT id, purpose FROM visit WHERE trip_id = ?", [dialog.trip_id])
    assert {v["purpose"] for v in visits} == {"商谈储能项目签约", "初次接洽"}
    keys = [c.key for c in page.model.spec.columns]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.select_id(dialog.trip_id)
    row = page.current_row()
    assert page.model.data(page.model.index(row, keys.index("visits"))) == "2"

    shown: list[Any] = []
    from zsdesk.ui import handover_actions

    handover_actions.briefing_for_trip(ctx, page, dialog.trip_id, on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    text = _pdf_text(shown[0])
    assert "王市长" in text and "商谈储能项目签约" in text and "宁德时代新能源科技股份有限公司" in text
    shown[0].close()
    handover_actions.trips_sheet(ctx, page, on_shown=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert "外出招商情况一览表" in _pdf_text(shown[1])
    shown[1].close()


def test_enterprise_list_prints_the_file_and_a_briefing_of_the_selection(ctx: UiContext, qtbot: Any) -> None:
    from zsdesk.ui import handover_actions
    from zsdesk.ui.handover_hooks import selected_ids
    from zsdesk.ui.pages.enterprises import EnterprisesPage

    s = seed(ctx.ws, TODAY)
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.view.selectAll()
    assert set(selected_ids(page)) == {s.catl, s.blank}
    assert page.findChild(object, "briefingButton") is not None
    shown: list[Any] = []
    handover_actions.briefing_for_enterprises(ctx, page, selected_ids(page), on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    text = _pdf_text(shown[0])
    assert "上海微光半导体有限公司" in text and "省自然资源厅" in text
    shown[0].close()
    handover_actions.enterprise_file(ctx, page, s.catl, on_shown=shown.append)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    assert "一企一档" in _pdf_text(shown[1])
    shown[1].grab().save(str(Path(ctx.ws.path).with_name("enterprise_file_preview.png")))
    shown[1].close()


def test_demand_screen_filters_by_department_category_and_overdue_and_exports_the_sheet(
    ctx: UiContext, qtbot: Any, tmp_path: Path
) -> None:
    from zsdesk.ui.handover_hooks import demand_sheet
    from zsdesk.ui.pages.followups import DemandsPage

    # One day for the seed and the sheets: a run crossing midnight still counts 5 days overdue. (The
    # screen's 只看超期 filter uses the clock; its demands are due 5 days before and 30 after.)
    day = dt.date.today()
    seed(ctx.ws, day)
    page = DemandsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # open ones only
    qtbot.waitUntil(lambda: page.department.count() == 3)  # 全部 + the two departments (on a worker)
    page.department.setCurrentIndex(page.department.findData("省发展改革委"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.department.setCurrentIndex(0)
    page.category.setCurrentIndex(page.category.findData("用地"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.category.setCurrentIndex(0)
    page.overdue_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    keys = [c.key for c in page.model.spec.columns]
    assert page.model.data(page.model.index(0, keys.index("department"))) == "省自然资源厅"
    page.grab().save(str(tmp_path.with_name("demands_page.png")))

    saved: list[Any] = []
    out = tmp_path / "督办.xlsx"
    demand_sheet(page, "xlsx", path=str(out), on_shown=saved.append, today=day)
    qtbot.waitUntil(lambda: bool(saved), timeout=20000)
    rows = list(load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == ["省自然资源厅"] and rows[0][7] == 5
    shown: list[Any] = []
    demand_sheet(page, "pdf", on_shown=shown.append, today=day)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "责任部门：省自然资源厅" in _pdf_text(shown[0])
    shown[0].close()


def test_enterprise_detail_prints_its_file(ctx: UiContext, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    from zsdesk.ui.pages.enterprises import EnterpriseDetail, EnterprisesPage

    s = seed(ctx.ws, TODAY)
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    detail = EnterpriseDetail(page, s.catl)
    qtbot.addWidget(detail)
    button = next(b for b in detail.findChildren(QPushButton) if b.text() == "一企一档…")
    button.click()

    def preview() -> Any:
        return next(
            (w for w in QApplication.topLevelWidgets() if w.objectName() == "pdfPreview" and w.isVisible()),
            None,
        )

    qtbot.waitUntil(lambda: preview() is not None, timeout=20000)
    text = _pdf_text(preview())
    assert "一企一档" in text and "宁德时代新能源科技股份有限公司" in text and "省自然资源厅" in text
    preview().close()


def test_opening_a_trip_deleted_meanwhile_warns_in_chinese(
    ctx: UiContext, qtbot: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from zsdesk.ui.pages.trips import TripsPage

    s = seed(ctx.ws, TODAY)
    page = TripsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    ctx.ws.store.delete("trip", s.trip)  # e.g. by a sync, while the list still shows it
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    page.edit(0)
    assert warnings and "找不到该外出招商记录" in warnings[0]
