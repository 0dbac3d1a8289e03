"""Main flows of each screen: lists, delete + undo, merge + undo, projects, demands, tasks, commissioners."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import accept_and_wait, on_modal, type_chinese
from zsdesk.domain.errors import ValidationError
from zsdesk.services import workflow
from zsdesk.ui.context import UiContext
from zsdesk.ui.main_window import MainWindow
from zsdesk.ui.pages.enterprises import EnterprisesPage
from zsdesk.ui.pages.followups import DemandsPage, TasksPage
from zsdesk.ui.pages.people import CommissionersPage
from zsdesk.ui.pages.projects import ProjectsPage
from zsdesk.ui.pages.visits import VisitsPage


def test_main_window_builds_every_screen_on_demand(ctx: UiContext, qtbot: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert list(window.pages) == ["dashboard"]  # start-up pays only for the dashboard
    for key in window._keys:
        assert window.show_page(key) is window.stack.currentWidget()
    assert window.nav.count() == 10 and window.nav.item(1).text() == "走访"
    # Every screen has its icon (a pixmap sized for the list, so QIcon stays off the start path),
    # and the window gets its own once painted.
    for i in range(window.nav.count()):
        pixmap = window.nav.item(i).data(1)
        assert not pixmap.isNull() and pixmap.width() / pixmap.devicePixelRatio() == 20
    window.show()
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())


def test_visit_list_search_delete_and_undo(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    for day in ("2024-06-01", "2024-06-02"):
        ctx.ws.store.create("visit", {"date": day, "enterprise_id": enterprise, "form": "上门拜访"})
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    type_chinese(page.search, "创明")
    qtbot.waitUntil(lambda: "创明" == page.model.text)
    assert page.model.rowCount() == 2
    page.view.selectRow(0)
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert ctx.undo_delete() is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_enterprise_merge_and_undo(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    other = ctx.ws.store.create("enterprise", {"name": "创明新能源"})
    ctx.ws.store.create("visit", {"date": "2024-06-01", "enterprise_id": other, "form": "上门拜访"})
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.merge(enterprise, other)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert ctx.ws.store.rows("SELECT enterprise_id FROM visit")[0]["enterprise_id"] == enterprise
    assert page.undo_last_merge()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert ctx.ws.store.rows("SELECT enterprise_id FROM visit")[0]["enterprise_id"] == other


def test_new_enterprise_dialog_warns_on_duplicate_name(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    texts: list[str] = []

    def fill(dialog: Any) -> None:
        type_chinese(dialog.widgets["name"], "创明新能源科技股份有限公司")
        on_modal(keep_editing)
        dialog.accept()
        texts.append(dialog.errors.message("name"))
        on_modal(discard)  # the form has content: closing it asks first
        dialog.reject()

    def discard(box: Any) -> None:
        texts.append(box.text())
        next(b for b in box.buttons() if b.text().startswith("是")).click()

    def keep_editing(box: Any) -> None:
        texts.append(box.text())
        next(b for b in box.buttons() if b.text() == "返回修改").click()

    on_modal(fill)
    page.create()
    assert "上海创明新能源科技有限公司" in texts[0]
    assert "重复" in texts[1]
    assert "放弃" in texts[2]
    assert page.model.rowCount() == 1


def test_enterprise_detail_timeline_and_trigger_creates_visit_task(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    from zsdesk.ui.pages.enterprises import EnterpriseDetail

    ctx.ws.store.create(
        "visit", {"date": "2024-06-01", "enterprise_id": enterprise, "form": "上门拜访", "purpose": "回访"}
    )
    workflow.record_trigger(ctx.ws, enterprise, kind="筹备上市", day="2024-06-05")
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    detail = EnterpriseDetail(page, enterprise)
    qtbot.addWidget(detail)
    kinds = [detail.timeline.topLevelItem(i).text(1) for i in range(detail.timeline.topLevelItemCount())]
    assert set(kinds) == {"走访", "六必访", "任务"}
    task = ctx.ws.store.rows("SELECT title, due_date FROM task")[0]
    assert task["title"].startswith("六必访（筹备上市）") and task["due_date"] == "2024-06-19"


def test_project_advance_records_stage_date_and_amount(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    pid = ctx.ws.store.create(
        "project", {"name": "电池项目", "enterprise_id": enterprise, "stage": "会谈洽谈"}
    )
    page = ProjectsPage(ctx)
    qtbot.addWidget(page)

    def fill(dialog: Any) -> None:
        dialog.widgets["signed_date"].setText("2024年6月26日")
        dialog.widgets["signed_wan"].setText("3.5")
        dialog.accept()

    on_modal(fill)
    page.advance(pid)
    project = ctx.ws.store.get("project", pid)
    assert project["stage"] == "签约落地" and project["signed_date"] == "2024-06-26"
    assert project["signed_wan"] == 35000
    history = workflow.stage_history(ctx.ws, pid)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [("会谈洽谈", "签约落地")]
    page.tabs.setCurrentIndex(1)
    assert page.columns["签约落地"].count() == 1
    workflow.add_funding(ctx.ws, pid, day="2024-07-01", amount_yi="1.2")
    assert workflow.fundings(ctx.ws, pid)[0]["amount_wan"] == 12000


def test_demand_workflow_requires_reason_when_unsolvable(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    did = ctx.ws.store.create(
        "demand", {"enterprise_id": enterprise, "content": "用地", "due_date": "2020-01-01"}
    )
    page = DemandsPage(ctx)
    qtbot.addWidget(page)
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # overdue
    messages: list[str] = []

    def fill(dialog: Any) -> None:
        dialog.widgets["status"].setCurrentText("无法解决")
        accept_and_wait(qtbot, dialog)
        messages.append(dialog.errors.message("reason"))
        type_chinese(dialog.widgets["reason"], "不符合用地政策")
        dialog.accept()

    on_modal(fill)
    page.handle(did)
    assert "原因" in messages[0]
    demand = ctx.ws.store.get("demand", did)
    assert demand["status"] == "无法解决" and demand["closed_date"]
    assert page.model.rowCount() == 0  # 只看未办结
    with pytest.raises(ValidationError):
        workflow.set_demand_status(ctx.ws, did, status="无法解决")


def test_my_tasks_and_completion(ctx: UiContext, qtbot: Any) -> None:
    ctx.ws.store.create("task", {"title": "我的", "assignee": "张三", "due_date": "2020-01-01"})
    ctx.ws.store.create("task", {"title": "别人的", "assignee": "李四", "due_date": "2020-01-02"})
    page = TasksPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 2
    page.mine.setChecked(True)
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    page.complete_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert ctx.ws.store.rows("SELECT done FROM task WHERE title = '我的'")[0]["done"] == 1


def test_reassigning_commissioner_keeps_history_and_flags_missing(
    ctx: UiContext, qtbot: Any, enterprise: str
) -> None:
    ctx.ws.store.update("enterprise", enterprise, {"is_key": True})
    page = CommissionersPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: "1 家重点企业" in page.warning.text())  # counted on a worker
    workflow.assign_commissioner(ctx.ws, enterprise, officer="张三", start="2024-01-01")
    workflow.assign_commissioner(ctx.ws, enterprise, officer="李四", start="2024-06-01")
    ctx.changes.notify("commissioner")
    qtbot.waitUntil(lambda: page.warning.text() == "")
    assert page.model.rowCount() == 1  # only the current one
    page.current_only.setChecked(False)
    assert page.model.rowCount() == 2
    ended = ctx.ws.store.rows("SELECT end_date FROM commissioner WHERE officer = '张三'")[0]
    assert ended["end_date"] == "2024-05-31"


def test_key_enterprise_without_commissioner_stands_out(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    ctx.ws.store.update("enterprise", enterprise, {"is_key": True})
    page = EnterprisesPage(ctx)
    qtbot.addWidget(page)
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    workflow.assign_commissioner(ctx.ws, enterprise, officer="张三", start="2024-01-01")
    ctx.changes.notify("commissioner")
    keys = [c.key for c in page.model.spec.columns]
    assert page.model.data(page.model.index(0, keys.index("commissioner"))) == "张三"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None


def test_event_records_attending_enterprises(ctx: UiContext, qtbot: Any, enterprise: str) -> None:
    from zsdesk.ui.pages.people import EventsPage

    page = EventsPage(ctx)
    qtbot.addWidget(page)

    def fill(dialog: Any) -> None:
        dialog.widgets["date"].setText("2024-06-26")
        type_chinese(dialog.widgets["name"], "成都新能源推介会")
        editor = dialog.widgets["enterprise_ids"]
        type_chinese(editor.picker, "创明")
        editor.add_current()
        editor.add(enterprise)  # twice: kept once
        dialog.accept()

    on_modal(fill)
    page.create()
    event = ctx.ws.store.rows("SELECT name, enterprise_ids FROM event")[0]
    assert event["name"] == "成都新能源推介会" and enterprise in event["enterprise_ids"]
    keys = [c.key for c in page.model.spec.columns]
    assert page.model.data(page.model.index(0, keys.index("enterprise_ids"))) == "1"


def test_a_new_visit_is_selected_in_a_list_that_queries_on_a_worker(
    ctx: UiContext, qtbot: Any, enterprise: str, monkeypatch: Any
) -> None:
    """Big lists (1M visits) re-run their id query on a worker after a write: the new record is
    selected once that query is back, not looked for in the old rows."""
    from zsdesk.services import records
    from zsdesk.ui import table_model

    monkeypatch.setattr(table_model, "ASYNC_ROWS", 0)  # every list takes the big-list path
    for day in ("2024-06-01", "2024-06-02", "2024-06-03"):
        ctx.ws.store.create("visit", {"date": day, "enterprise_id": enterprise, "form": "上门拜访"})
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.model.busy, timeout=5000)
    saved: list[str] = []
    values = {"date": "2024-05-01", "enterprise_id": enterprise, "form": "上门拜访"}

    def done(visit_id: str) -> None:  # as VisitsPage.create: right after the write's broadcast
        saved.append(visit_id)
        assert page.model.busy  # the list's query is running again on the worker
        page.select_id_when_loaded(visit_id)

    ctx.write(lambda ws: records.create(ws, "visit", values), done)
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    qtbot.waitUntil(
        lambda: page.current_row() >= 0 and page.model.record_id(page.current_row()) == saved[0], timeout=5000
    )
    assert page.model.rowCount() == 4
